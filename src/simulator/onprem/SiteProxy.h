#pragma once

#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"
#include "simulator/onprem/NtlmVerifier.h"
#include "simulator/onprem/ProxySessions.h"
#include "simulator/onprem/QrsService.h"
#include "simulator/onprem/SiteDirectory.h"
#include "simulator/onprem/WindowsAuthentication.h"

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

namespace Dawiso::Simulator {

// The browser-facing Qlik Sense Proxy Service of the simulated site: the host allow list, virtual-proxy prefixes
// (a path may start with "/<prefix>"; a prefix that is no virtual proxy is the default one's path; a virtual proxy no
// proxy service links gets 400), the release's product-info.json without a sign-in, the redirect to the sign-in of a
// request without a session, the form login, Windows authentication (NTLM; see NtlmVerifier), one-time tickets that
// become a session cookie per virtual proxy, /qps/user, and the QRS (QrsService) for the session's user. Redirects
// name absolute URLs on the Host the client used, as Qlik's proxy does. A JWT virtual proxy (authenticationMethod 4)
// has no sign-in: a valid Bearer token (JwtValidator) makes a session, with a cookie and a CSRF token
// (/qps/csrftoken); DELETE /qps/user ends the user's sessions on it. While the proxy restarts every request gets 503.
class SiteProxy
{
    Q_DECLARE_TR_FUNCTIONS(SiteProxy)

public:
    SiteProxy(SiteDirectory &directory, QrsService &qrs);

    SimResponse answer(const SimRequest &request);

    // Host names (without port) the proxy answers; any other gets 400 "The http request header is incorrect.".
    void setAllowedHostNames(const QStringList &names) { m_allowedHostNames = names; }
    // Ntlm by default.
    void setWindowsAuthentication(WindowsAuthentication mode) { m_windowsAuthentication = mode; }
    // Whether product-info.json answers without a sign-in (404 otherwise); true by default.
    void setReleaseVisibleWithoutSignIn(bool visible) { m_releaseVisibleWithoutSignIn = visible; }

    const ProxySessions &sessions() const { return m_sessions; }
    // The session an Engine WebSocket on the virtual proxy with this prefix belongs to, when the upgrade request
    // passes the proxy's checks: a linked virtual proxy, the session cookie of that virtual proxy, the session's CSRF
    // token, an Origin "https://<name>" whose name the virtual proxy allows, no Authorization, an active user.
    std::optional<ProxySession> engineSession(const QString &prefix, const QByteArray &cookieHeader,
                                              const QString &csrfToken, const QString &origin,
                                              bool hasAuthorization) const;

private:
    // Who signed in, and through which virtual proxy.
    struct Grant
    {
        QString userDirectory;
        QString userId;
        QString prefix;
    };
    struct Ticket
    {
        Grant grant;
        qint64 expiresAtMs = 0;
    };
    // The virtual proxy a request is for, and its path without the prefix.
    struct Route
    {
        QString prefix; // "" for the default virtual proxy
        QString cookieName;
        QString path; // e.g. "/qps/user"
        QString origin; // "https://<Host as sent>"
    };

    Route route(const SimRequest &request) const;
    bool isAllowedHost(const SimRequest &request) const;
    // A JWT virtual proxy answers the names on its own allow list; the others the site's names.
    bool allowsHost(const SiteVirtualProxy &proxy, const QString &host) const;
    // The request's session on this virtual proxy; nullptr when none.
    const ProxySession *session(const SimRequest &request, const Route &route) const;
    // Its user; nullptr when none.
    const SiteUser *sessionUser(const ProxySession *session) const;

    SimResponse productInfo(bool signedIn) const;
    SimResponse redirectToSignIn(const SimRequest &request, const Route &route);
    SimResponse formSignIn(const SimRequest &request, const Route &route);
    SimResponse windowsSignIn(const SimRequest &request, const Route &route);
    SimResponse formPage(const SimRequest &request, const QString &userName, const QString &error) const;
    // A redirect to the remembered URL carrying a fresh one-time ticket for the user.
    SimResponse redirectWithTicket(const QString &targetId, const SiteUser &user, const Route &route);
    // The request carries a valid qlikTicket: a session, and the same URL without the ticket.
    std::optional<SimResponse> redeemTicket(const SimRequest &request, const Route &route);
    SimResponse qpsUser(const SiteUser &user, const Route &route, const QString &session) const;
    // Everything on a JWT virtual proxy.
    SimResponse jwtAnswer(const SimRequest &request, const Route &route, const SiteVirtualProxy &proxy);
    // The session a Bearer token makes (or the request's own session, when it is the same user's); nullopt with the
    // answer in *refusal when the token is refused or its user inactive.
    std::optional<ProxySession> bearerSession(const SimRequest &request, const Route &route,
                                              const SiteVirtualProxy &proxy, SimResponse *refusal);

    SiteDirectory &m_directory;
    QrsService &m_qrs;
    QStringList m_allowedHostNames;
    WindowsAuthentication m_windowsAuthentication = WindowsAuthentication::Ntlm;
    NtlmVerifier m_ntlm;
    bool m_releaseVisibleWithoutSignIn = true;
    QHash<QString, QUrl> m_targets; // targetId -> the URL asked for before the sign-in
    QHash<QString, Ticket> m_tickets;
    ProxySessions m_sessions;
};

} // namespace Dawiso::Simulator
