#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Dawiso {

class AuthorizationServerMetadata;

// What one browser sign-in asks Qlik for. The endpoints come from the tenant's
// /.well-known/oauth-authorization-server; the client id is the tenant admin's native (or single-page) OAuth client.
struct AuthorizationRequest
{
    static constexpr quint16 DefaultRedirectPort = 47824;
    static QString defaultRedirectPath() { return QStringLiteral("/callback"); }
    static QString ipv4LoopbackHost() { return QStringLiteral("127.0.0.1"); }
    static QString localhostHost() { return QStringLiteral("localhost"); }
    // Only these two; anything else would send the code off this computer.
    static bool isLoopbackHost(const QString &host) { return host == ipv4LoopbackHost() || host == localhostHost(); }

    // The endpoints of the metadata, the rest left at its defaults.
    static AuthorizationRequest fromMetadata(const AuthorizationServerMetadata &metadata, const QString &clientId);

    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QString clientId;
    // The loopback address Qlik sends the browser back to: http://<redirectHost>:<redirectPort><redirectPath>. It must
    // be registered exactly like that for the client. Port 0 takes any free port (tests register what they got).
    // 127.0.0.1 (RFC 8252 §7.3) or localhost, the loopback form Qlik's own OAuth guides use; which one a live tenant
    // wants is not confirmed, so the admin picks the one the client was registered with.
    QString redirectHost = ipv4LoopbackHost();
    quint16 redirectPort = DefaultRedirectPort;
    QString redirectPath = defaultRedirectPath();
    // admin_classic for the tenant admin's part, user_default for the integration user's key.
    QStringList scopes;
    // The e-mail address to pre-fill on Qlik's sign-in page (optional).
    QString loginHint;
    // "login" asks for a fresh sign-in even when the browser has a session; "none", "consent" or empty.
    QString prompt;

    // The redirect URI for a given port, exactly as it is sent and as it must be registered.
    QUrl redirectUri(quint16 port) const;
    QUrl redirectUri() const { return redirectUri(redirectPort); }
};

} // namespace Dawiso
