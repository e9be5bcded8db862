#pragma once

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Dawiso {

// A role (roles.json Role), as far as setting up Dawiso's role needs it.
class QlikRole
{
public:
    static std::optional<QlikRole> fromJson(const QJsonObject &object, QStringList *problems);

    QString id;
    QString name;
    QString type; // "default" | "custom"
    QString level; // "admin" | "user"
    QStringList assignedScopes;
    QString userEntitlementType; // "fullUser" when assigning it promotes the user to a full (paid) user

    bool grantsScope(const QString &scope) const { return assignedScopes.contains(scope); }
    bool promotesToFullUser() const
    {
        return userEntitlementType.compare(QLatin1String("fullUser"), Qt::CaseInsensitive) == 0;
    }
};

} // namespace Dawiso
