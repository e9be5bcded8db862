#pragma once

#include <QHash>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

namespace Dawiso::Simulator {

// A SCIM filter (RFC 7644 §3.4.2.2) as Qlik's list endpoints take it: attribute operators eq, ne, co, sw, ew, pr,
// joined with and / or / not and grouped with parentheses. Attribute names, operators and comparisons are
// case-insensitive, as Qlik documents.
class ScimFilter
{
public:
    struct Rules
    {
        // Lowercase operator -> lowercase attributes it may be used with; anything else is a parse error.
        QHash<QString, QStringList> attributesByOperator;
        // When set, conditions on this attribute must form their own group applied to the whole query (the users
        // list's rule for "status": `(name eq "a" or name eq "b") and (status eq "active")`).
        QString wholeQueryAttribute;
    };
    // The values of an attribute (lowercase name) for the item being tested.
    using Values = std::function<QStringList(const QString &attribute)>;

    // nullopt, with a sentence in *error, when the text is not a filter these rules accept.
    static std::optional<ScimFilter> parse(const QString &text, const Rules &rules, QString *error);

    bool matches(const Values &values) const;

    struct Node;

private:
    explicit ScimFilter(std::shared_ptr<const Node> root);

    std::shared_ptr<const Node> m_root;
};

} // namespace Dawiso::Simulator
