#include "simulator/onprem/ProxySessions.h"

#include "simulator/common/CryptoUtil.h"

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

bool isUser(const ProxySession &session, const QString &userDirectory, const QString &userId)
{
    return session.userDirectory.compare(userDirectory, Qt::CaseInsensitive) == 0
        && session.userId.compare(userId, Qt::CaseInsensitive) == 0;
}

// The value of the cookie with this name in a Cookie header; empty when there is none.
QString cookieValue(const QByteArray &cookieHeader, const QString &cookieName)
{
    for (const QByteArray &cookie : cookieHeader.split(';')) {
        const qsizetype equals = cookie.indexOf('=');
        if (equals > 0 && QString::fromLatin1(cookie.left(equals).trimmed()) == cookieName)
            return QString::fromLatin1(cookie.mid(equals + 1).trimmed());
    }
    return {};
}

} // namespace

const ProxySession &ProxySessions::open(const QString &userDirectory, const QString &userId, const QString &prefix)
{
    const QString id = CryptoUtil::randomHexId(16);
    return *m_sessions.insert(
        id,
        ProxySession {id, userDirectory, userId, prefix,
                      QString::fromLatin1(CryptoUtil::base64UrlEncode(CryptoUtil::randomBytes(24)))});
}

const ProxySession *ProxySessions::fromCookies(const QByteArray &cookieHeader, const QString &cookieName,
                                               const QString &prefix) const
{
    const auto found = m_sessions.constFind(cookieValue(cookieHeader, cookieName));
    if (found == m_sessions.cend() || found->prefix.compare(prefix, Qt::CaseInsensitive) != 0)
        return nullptr;
    return &*found;
}

int ProxySessions::endAll(const QString &userDirectory, const QString &userId, const QString &prefix)
{
    return static_cast<int>(m_sessions.removeIf([&](const auto &entry) {
        return isUser(entry.value(), userDirectory, userId)
            && entry.value().prefix.compare(prefix, Qt::CaseInsensitive) == 0;
    }));
}

int ProxySessions::liveCount(const QString &userDirectory, const QString &userId) const
{
    return static_cast<int>(std::count_if(m_sessions.cbegin(), m_sessions.cend(), [&](const ProxySession &session) {
        return isUser(session, userDirectory, userId);
    }));
}

} // namespace Dawiso::Simulator
