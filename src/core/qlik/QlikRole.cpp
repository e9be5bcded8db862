#include "qlik/QlikRole.h"

#include "qlik/JsonFieldReader.h"

#include <QJsonArray>

namespace Dawiso {

std::optional<QlikRole> QlikRole::fromJson(const QJsonObject &object, QStringList *problems)
{
    JsonFieldReader reader(object, QCoreApplication::translate("QlikRole", "role"));
    QlikRole role;
    role.id = reader.requiredString(QStringLiteral("id"));
    role.name = reader.optionalString(QStringLiteral("name"));
    role.type = reader.optionalString(QStringLiteral("type"));
    role.level = reader.optionalString(QStringLiteral("level"));
    role.userEntitlementType = reader.optionalString(QStringLiteral("userEntitlementType"));
    // The deprecated boolean says the same on tenants that have not moved to userEntitlementType yet.
    if (role.userEntitlementType.isEmpty() && object.value(QLatin1String("fullUser")).toBool())
        role.userEntitlementType = QStringLiteral("fullUser");
    const QJsonArray scopes = reader.optionalArray(QStringLiteral("assignedScopes"));
    for (const QJsonValue &scope : scopes) {
        if (scope.isString())
            role.assignedScopes << scope.toString();
    }
    if (problems)
        *problems = reader.problems();
    if (role.id.isEmpty())
        return std::nullopt;
    return role;
}

} // namespace Dawiso
