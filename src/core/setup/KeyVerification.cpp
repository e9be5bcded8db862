#include "setup/KeyVerification.h"

#include <QLocale>

namespace Dawiso {

QString KeyVerification::tenantAdminWarning() const
{
    return isTenantAdmin() ? tenantAdminWarningFor(user) : QString();
}

QString KeyVerification::tenantAdminWarningFor(const QlikUser &user)
{
    if (!user.isTenantAdmin())
        return {};
    const QString who = user.displayName();
    const QStringList groups = user.tenantAdminGroups();
    const QString how = user.holdsTenantAdminDirectly()
        ? tr("%1 holds the Tenant Admin role.").arg(who)
        : tr("%1 is a tenant admin through the group %2.").arg(who, groups.join(QLatin1String(", ")));
    return how + QLatin1Char(' ')
        + tr("A key acts with all the rights of its user, so Dawiso could see and change everything in your tenant, "
             "and the key stops working if that person leaves or loses the role. Qlik and Dawiso recommend a "
             "dedicated user without admin roles: assign the Dawiso Integration role to such a user and generate "
             "the key while signed in as them.");
}

int KeyVerification::daysUntilExpiry(const QDateTime &now) const
{
    if (!expiry.isValid())
        return 0;
    return int(now.toUTC().secsTo(expiry) / (24 * 3600));
}

QString KeyVerification::expiryText(const QDateTime &now) const
{
    if (!expiry.isValid())
        return tr("Qlik did not say when this key expires.");
    const QString date = QLocale().toString(expiry.toLocalTime().date(), QLocale::LongFormat);
    if (expiry <= now)
        return tr("Expired on %1.").arg(date);
    const int days = daysUntilExpiry(now);
    if (days < 1)
        return tr("Expires on %1 (today).").arg(date);
    return tr("Expires on %1 (in %n day(s)).", nullptr, days).arg(date);
}

} // namespace Dawiso
