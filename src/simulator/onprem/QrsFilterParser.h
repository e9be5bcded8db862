#pragma once

#include <QList>
#include <QString>

#include <functional>
#include <optional>

namespace Dawiso::Simulator {

// The part of the QRS `filter=` grammar the simulated site understands: `<property> eq '<value>'` conditions joined
// by ` and `, a quote inside a value written twice (`'O''Brien'`), or `<property> eq true|false` for a boolean. Names
// and keywords are compared without regard to case, and so are the values when matched. Anything else is not
// understood, and the QRS answers it with 400.
class QrsFilterParser
{
public:
    struct Condition
    {
        QString property; // as written
        QString value; // unquoted; "true"/"false" for a boolean
    };
    // The value of a property of one entity as the filter compares it ("true"/"false" for booleans), or nullopt when
    // the entity has no such property.
    using PropertyLookup = std::function<std::optional<QString>(const QString &property)>;

    // nullopt when the text does not follow the grammar; an empty list for an empty filter.
    static std::optional<QList<Condition>> parse(const QString &filter);
    // Whether every condition names a property the entity has (lookup answers it).
    static bool knowsEveryProperty(const QList<Condition> &conditions, const PropertyLookup &lookup);
    // Whether the entity satisfies every condition; a property it does not have satisfies none.
    static bool matches(const QList<Condition> &conditions, const PropertyLookup &lookup);
};

} // namespace Dawiso::Simulator
