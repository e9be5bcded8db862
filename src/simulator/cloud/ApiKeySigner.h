#pragma once

#include "simulator/cloud/SimulatedTenant.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// The claims the simulator reads back from a token it signed.
struct ApiKeyClaims
{
    QString keyId; // jti
    QString subject; // sub
    QString tenantId; // tenantId
    QDateTime expiry; // exp
};

// Signs and verifies API-key tokens shaped like Qlik's: a JWT with header {"alg":"ES384","kid","typ":"JWT"} and
// payload {"sub","subType":"user","tenantId","jti","aud":"qlik.api","iss":"qlik.api/api-keys","exp"}. The
// signature is an HMAC-SHA384 with a per-instance random secret: clients never verify it, the simulator does.
class ApiKeySigner
{
public:
    ApiKeySigner();
    ~ApiKeySigner();
    ApiKeySigner(const ApiKeySigner &) = delete;
    ApiKeySigner &operator=(const ApiKeySigner &) = delete;

    QByteArray sign(const SimApiKey &key, const QString &tenantId) const;
    // nullopt when the token is malformed, was not signed by this instance or lacks the claims above.
    std::optional<ApiKeyClaims> verify(const QByteArray &token) const;

private:
    QByteArray m_secret;
    QString m_keyId;
};

} // namespace Dawiso::Simulator
