#pragma once

#include <QString>

namespace Dawiso {

// Builds the SCIM filters (RFC 7644 §3.4.2.2) Qlik's users and roles lists take, with what people type quoted
// safely: a double quote or backslash in a name can neither end the string nor change the query.
class ScimFilter
{
public:
    static QString quoted(const QString &value); // "value" with \ and " escaped
    static QString nameEquals(const QString &name);
    // name or email contains text (any status: the picker shows it).
    static QString nameOrEmailContains(const QString &text);
};

} // namespace Dawiso
