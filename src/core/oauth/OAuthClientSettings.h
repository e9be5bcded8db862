#pragma once

#include <QString>

class QSettings;

namespace Dawiso {

// What the sign-in remembers across runs, none of it secret: the OAuth client id a tenant admin gave for each tenant
// host ("OAuthClients/<host>") and the loopback host and port for the redirect URI. There is deliberately no way to
// store a client secret or a token here.
class OAuthClientSettings
{
public:
    explicit OAuthClientSettings(QSettings *settings);

    // The client id remembered for a host ("tenant.eu.qlikcloud.com", or "host:port" off the default port); empty
    // when there is none.
    QString clientId(const QString &host) const;
    // An empty id forgets the host's.
    void setClientId(const QString &host, const QString &clientId);
    void forgetClientId(const QString &host);

    // AuthorizationRequest::DefaultRedirectPort unless another port was chosen.
    quint16 redirectPort() const;
    // 0 goes back to the default.
    void setRedirectPort(quint16 port);
    // The redirect URI's host as the admin registered it: "127.0.0.1" (the default) or "localhost".
    QString redirectHost() const;
    void setRedirectHost(const QString &host);

private:
    QSettings *m_settings;
};

} // namespace Dawiso
