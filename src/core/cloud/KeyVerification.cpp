#include "cloud/KeyVerification.h"

#include <QLocale>

namespace Dawiso {

QString KeyVerification::tenantAdminWarning() const
{
    return isTenantAdmin() ? user.tenantAdminWarning() : QString();
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
