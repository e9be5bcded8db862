#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Dawiso::Simulator {

// The part of the QRS `filter=` grammar the simulated site understands: `<property> eq '<value>'` and
// `<property> so '<value>'` (substring of) conditions joined by ` and ` and ` or ` (`and` binds first, no
// parentheses), a quote inside a value written twice (`'O''Brien'`), or `<property> eq true|false` for a boolean.
// Names and keywords are compared without regard to case, and so are the values when matched. Anything else is not
// understood, and the QRS answers it with 400.
class QrsFilterParser
{
public:
    enum class Operator { Equals, SubstringOf };
    struct Condition
    {
        QString property; // as written
        QString value; // unquoted; "true"/"false" for a boolean
        Operator op = Operator::Equals;
    };
    // Alternatives joined by `or`, each a list of conditions joined by `and`; empty for an empty filter, which
    // selects everything.
    using Filter = QList<QList<Condition>>;
    // The value of a property of one entity as the filter compares it ("true"/"false" for booleans), or nullopt when
    // the entity has no such property.
    using PropertyLookup = std::function<std::optional<QString>(const QString &property)>;

    // nullopt when the text does not follow the grammar.
    static std::optional<Filter> parse(const QString &filter);
    // Whether every condition names a property the entity has (lookup answers it).
    static bool knowsEveryProperty(const Filter &filter, const PropertyLookup &lookup);
    // Whether the entity satisfies every condition of at least one alternative; a property it does not have
    // satisfies no condition.
    static bool matches(const Filter &filter, const PropertyLookup &lookup);
};

} // namespace Dawiso::Simulator
