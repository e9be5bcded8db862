#pragma once

#include "signing/JwtClaims.h"
#include "signing/SigningKeyMaker.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <optional>

namespace Dawiso {

// The compact form of an RS256 JSON Web Token (RFC 7519): base64url(header).base64url(payload).base64url(signature),
// header {"alg":"RS256","typ":"JWT"}. The token is a credential: callers keep it out of logs and wipe it when done.
class JsonWebToken
{
    Q_DECLARE_TR_FUNCTIONS(JsonWebToken)

public:
    JsonWebToken() = delete;

    // How far before claims.issuedAt the token's "iat" lies. A proxy refuses a token issued in its future, and a
    // server clock only a little behind ours would otherwise refuse a token made a moment ago.
    static constexpr qint64 IssuedAtBackdateSeconds = 30;

    // The signed token: the two claims claims.userIdClaim and claims.userDirectoryClaim name, "name" when set, "iat"
    // (backdated, see above), "exp" and "jti" when set, all times in whole seconds since the epoch. Empty with a
    // sentence in *problem when the claims are incomplete or signing fails.
    static QByteArray sign(const JwtClaims &claims, const QByteArray &privateKeyPem, SigningKeyMaker &maker,
                           QString *problem);
    // The claims of a token in compact form without checking its signature, to show its expiry and id: never a
    // reason to trust it. issuedAt is the token's "iat" as written. Empty unless the token has three parts, a JSON
    // header and payload, an "exp" and the two user claims as non-empty strings.
    static std::optional<JwtClaims> readUnverified(const QByteArray &token,
                                                   const QString &userIdClaim = QStringLiteral("userId"),
                                                   const QString &userDirectoryClaim = QStringLiteral("userDirectory"));
};

} // namespace Dawiso
