#include "simulator/cloud/OAuthTokenStore.h"

#include "simulator/common/CryptoUtil.h"

#include <QCryptographicHash>

namespace Dawiso::Simulator {

namespace {

constexpr int tokenBytes = 32;

} // namespace

OAuthTokenStore::OAuthTokenStore(const SimClock &clock)
    : m_clock(clock)
{ }

OAuthTokenStore::~OAuthTokenStore() = default;

QByteArray OAuthTokenStore::hash(const QByteArray &token)
{
    return QCryptographicHash::hash(token, QCryptographicHash::Sha256);
}

void OAuthTokenStore::dropExpired()
{
    // Expired access tokens stay a while so that they answer "expired" rather than "unknown".
    const QDateTime horizon = m_clock.now().addSecs(-accessTokenSeconds);
    m_access.removeIf([&horizon](const auto &entry) { return entry.value().expiresAt < horizon; });
    const QDateTime now = m_clock.now();
    m_refresh.removeIf([&now](const auto &entry) { return entry.value().expiresAt <= now; });
}

OAuthTokenStore::Issued OAuthTokenStore::issue(const OAuthGrant &grant, bool withRefreshToken)
{
    dropExpired();
    Issued issued;
    issued.accessToken = CryptoUtil::base64UrlEncode(CryptoUtil::randomBytes(tokenBytes));
    issued.expiresAt = m_clock.now().addSecs(accessTokenSeconds);
    OAuthGrant access = grant;
    access.expiresAt = issued.expiresAt;
    m_access.insert(hash(issued.accessToken), access);
    if (withRefreshToken) {
        issued.refreshToken = CryptoUtil::base64UrlEncode(CryptoUtil::randomBytes(tokenBytes));
        OAuthGrant refresh = grant;
        refresh.expiresAt = m_clock.now().addSecs(refreshTokenSeconds);
        m_refresh.insert(hash(issued.refreshToken), refresh);
    }
    return issued;
}

OAuthTokenStore::Lookup OAuthTokenStore::accessToken(const QByteArray &token, OAuthGrant *grant) const
{
    const auto found = m_access.constFind(hash(token));
    if (found == m_access.cend())
        return Lookup::Unknown;
    *grant = found.value();
    return found->expiresAt <= m_clock.now() ? Lookup::Expired : Lookup::Valid;
}

bool OAuthTokenStore::takeRefreshToken(const QByteArray &token, OAuthGrant *grant)
{
    dropExpired();
    const auto found = m_refresh.constFind(hash(token));
    if (found == m_refresh.cend())
        return false;
    *grant = found.value();
    m_refresh.erase(found);
    return true;
}

void OAuthTokenStore::revoke(const QByteArray &token)
{
    const QByteArray key = hash(token);
    m_access.remove(key);
    m_refresh.remove(key);
}

void OAuthTokenStore::revokeFromCode(const QString &codeId)
{
    const auto fromCode = [&codeId](const auto &entry) {
        return entry.value().codeId == codeId;
    };
    m_access.removeIf(fromCode);
    m_refresh.removeIf(fromCode);
}

} // namespace Dawiso::Simulator
