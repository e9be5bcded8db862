#include "common/ExpiryText.h"

#include <QLocale>

namespace Dawiso {

int ExpiryText::daysUntil(const QDateTime &expiry, const QDateTime &now)
{
    if (!expiry.isValid())
        return 0;
    return int(now.toUTC().secsTo(expiry) / (qint64(24) * 3600));
}

QString ExpiryText::sentence(const QDateTime &expiry, const QDateTime &now)
{
    if (!expiry.isValid())
        return tr("Qlik did not say when this key expires.");
    const QString date = QLocale().toString(expiry.toLocalTime().date(), QLocale::LongFormat);
    if (expiry <= now)
        return tr("Expired on %1.").arg(date);
    const int days = daysUntil(expiry, now);
    if (days < 1)
        return tr("Expires on %1 (today).").arg(date);
    return tr("Expires on %1 (in %n day(s)).", nullptr, days).arg(date);
}

} // namespace Dawiso
