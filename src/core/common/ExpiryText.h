#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Dawiso {

// How long a credential has left, in words for people: "Expires on 12 March 2027 (in 104 days).", "Expired on …",
// or that Qlik did not say.
class ExpiryText
{
    Q_DECLARE_TR_FUNCTIONS(ExpiryText)

public:
    static QString sentence(const QDateTime &expiry, const QDateTime &now);
    // Whole days from now to expiry; 0 when the expiry is unknown or past.
    static int daysUntil(const QDateTime &expiry, const QDateTime &now);
};

} // namespace Dawiso
