#pragma once

#include "common/UserMessage.h"
#include "net/RequestFailure.h"
#include "qlik/QlikApiKeyRecord.h"
#include "qlik/QlikUser.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace Dawiso {

// What the tenant said about a pasted key: whose it is, whether that user is a tenant admin, and when the key
// expires. summary says what was found in plain words, or why the key was refused and what to do about it.
class KeyVerification
{
    Q_DECLARE_TR_FUNCTIONS(KeyVerification)

public:
    enum class Outcome {
        Accepted,
        Rejected, // 401: wrong, revoked, expired or lost its permission
        RevokedOrExpired, // 401 with the api-keys validation code
        UserInactive, // the key's user is disabled or not active
        Unreachable, // no answer (network, TLS, timeout, rate limit)
        InvalidAnswer, // an answer the wizard cannot read
        Cancelled,
    };

    enum class ExpirySource {
        Unknown,
        KeyRecord, // from GET /api/v1/api-keys
        KeyClaims, // from the key's own "exp"
    };

    Outcome outcome = Outcome::Unreachable;
    QlikUser user;
    std::optional<QlikApiKeyRecord> record;
    QString keyId;
    QDateTime expiry;
    ExpirySource expirySource = ExpirySource::Unknown;
    bool keyListReadable = false;
    RequestFailure failure;
    // Its detail is the failure's technical detail.
    UserMessage summary;

    bool isAccepted() const { return outcome == Outcome::Accepted; }
    bool isTenantAdmin() const { return isAccepted() && user.isTenantAdmin(); }
    // The key's user holds an admin-level role (TenantAdmin or another): Dawiso would get more than it needs.
    bool isAdmin() const { return isAccepted() && user.isAdmin(); }
    // Why a tenant admin's key is a poor choice, naming how the user holds the role; empty when not an admin.
    QString adminWarning() const;
    // "Expires on 12 March 2027 (in 104 days)", "Expired on …", or that the expiry is unknown.
    QString expiryText(const QDateTime &now) const;
    int daysUntilExpiry(const QDateTime &now) const;
};

} // namespace Dawiso
