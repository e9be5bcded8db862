#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace Dawiso::Simulator {

// One session of the simulated site's proxy: who, through which virtual proxy, and the CSRF token the Engine's
// WebSocket must carry (qlik-csrf-token).
struct ProxySession
{
    QString id; // the session cookie's value
    QString userDirectory;
    QString userId;
    QString prefix; // "" for the default virtual proxy
    QString csrfToken;
};

// The live sessions of the simulated site's proxy, on every virtual proxy.
class ProxySessions
{
public:
    // A new session with a fresh id and CSRF token.
    const ProxySession &open(const QString &userDirectory, const QString &userId, const QString &prefix);
    // The session whose id the Cookie header carries under cookieName, when it belongs to the virtual proxy with this
    // prefix (compared without regard to case); nullptr otherwise.
    const ProxySession *fromCookies(const QByteArray &cookieHeader, const QString &cookieName,
                                    const QString &prefix) const;
    // Ends every session of the user on the virtual proxy with this prefix; how many there were.
    int endAll(const QString &userDirectory, const QString &userId, const QString &prefix);
    // The user's sessions on every virtual proxy.
    int liveCount(const QString &userDirectory, const QString &userId) const;

private:
    QHash<QString, ProxySession> m_sessions; // by id
};

} // namespace Dawiso::Simulator
