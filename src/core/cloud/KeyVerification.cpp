#include "cloud/KeyVerification.h"

#include "common/ExpiryText.h"

namespace Dawiso {

QString KeyVerification::adminWarning() const
{
    return isAdmin() ? user.adminWarning() : QString();
}

int KeyVerification::daysUntilExpiry(const QDateTime &now) const
{
    return ExpiryText::daysUntil(expiry, now);
}

QString KeyVerification::expiryText(const QDateTime &now) const
{
    return ExpiryText::sentence(expiry, now);
}

} // namespace Dawiso
