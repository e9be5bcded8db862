#pragma once

#include "simulator/common/SimClock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

// What an OAuth access or refresh token stands for.
struct OAuthGrant
{
    QString userId;
    QString clientId;
    QStringList scopes;
    QDateTime expiresAt;
    QString codeId; // the authorization code it came from ("" for other grants), so a replayed code revokes it
};

// The OAuth tokens the simulator has issued: opaque random strings (base64url of 32 bytes), kept only as SHA-256
// hashes, like Qlik keeps nothing it could leak. Access tokens live 6 hours (21600 s, see
// https://qlik.dev/manage/access-control/api-trust-boundaries/), refresh tokens 30 days and are used once (rotated).
class OAuthTokenStore
{
public:
    static constexpr qint64 accessTokenSeconds = 21600;
    static constexpr qint64 refreshTokenSeconds = qint64(30) * 24 * 3600;

    struct Issued
    {
        QByteArray accessToken;
        QByteArray refreshToken; // empty unless asked for
        QDateTime expiresAt;
    };

    enum class Lookup { Valid, Expired, Unknown };

    explicit OAuthTokenStore(const SimClock &clock);
    ~OAuthTokenStore();
    OAuthTokenStore(const OAuthTokenStore &) = delete;
    OAuthTokenStore &operator=(const OAuthTokenStore &) = delete;

    Issued issue(const OAuthGrant &grant, bool withRefreshToken);
    // *grant is filled for Valid and Expired.
    Lookup accessToken(const QByteArray &token, OAuthGrant *grant) const;
    // A valid refresh token's grant, which is then used up; false for an unknown, used or expired one.
    bool takeRefreshToken(const QByteArray &token, OAuthGrant *grant);
    // RFC 7009: whichever kind the token is; unknown tokens are no error.
    void revoke(const QByteArray &token);
    void revokeFromCode(const QString &codeId);

private:
    static QByteArray hash(const QByteArray &token);
    void dropExpired();

    const SimClock &m_clock;
    QHash<QByteArray, OAuthGrant> m_access;
    QHash<QByteArray, OAuthGrant> m_refresh;
};

} // namespace Dawiso::Simulator
