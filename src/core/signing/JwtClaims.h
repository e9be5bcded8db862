#pragma once

#include <QDateTime>
#include <QString>

namespace Dawiso {

// What a JSON Web Token for a Qlik Sense JWT virtual proxy says. The proxy reads the user from the two claims its
// jwtAttributeUserId and jwtAttributeUserDirectory name, so those names are part of the claims.
struct JwtClaims
{
    QString userIdClaim = QStringLiteral("userId");
    QString userDirectoryClaim = QStringLiteral("userDirectory");
    QString userId; // "svc_dawiso"
    QString userDirectory; // "CORP"
    QString name; // the "name" claim when not empty
    QDateTime issuedAt;
    QDateTime expiresAt;
    QString jti; // the token's id, when not empty
};

} // namespace Dawiso
