#pragma once

#include "oauth/AuthorizationRequest.h"
#include "oauth/OAuthAccessToken.h"
#include "oauth/OAuthResult.h"
#include "provision/AdminSession.h"
#include "provision/ApiKeyCreation.h"
#include "provision/RoleAssignment.h"
#include "provision/RoleSetup.h"
#include "qlik/AuthorizationServerMetadata.h"

#include <QObject>

class QNetworkAccessManager;

namespace Dawiso {

class TokenRevoker;

class AuthorizationCodeSignIn;
class ClientCredentialsSignIn;
class QlikClient;
class TlsTrust;
class UserSearch;

// "Do it for me": the Access and Key steps done through Qlik's APIs. A tenant admin signs in (browser + PKCE, or a
// machine-to-machine client) and the wizard checks their rights, sets up Dawiso's role and assigns it to the user
// they pick; then that user signs in (prompt=login, their e-mail as hint) and the wizard creates the key as them.
// Access tokens live here, in memory only, and are wiped by forgetSignIns() and on destruction.
class AutomatedSetup : public QObject
{
    Q_OBJECT

public:
    enum class SignInRole {
        Admin,
        IntegrationUser,
    };
    Q_ENUM(SignInRole)

    AutomatedSetup(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);
    ~AutomatedSetup() override;

    // The tenant the steps run against, with its sign-in endpoints (from the host check).
    void setTenant(const QUrl &baseUrl, const AuthorizationServerMetadata &metadata);
    void setRedirectPort(quint16 port) { m_redirectPort = port; }
    // Where tokens the wizard no longer needs are revoked; none: they are only wiped here.
    void setTokenRevoker(TokenRevoker *revoker) { m_revoker = revoker; }
    quint16 redirectPort() const { return m_redirectPort; }
    // "127.0.0.1" or "localhost" (AuthorizationRequest::isLoopbackHost), as the OAuth client was registered.
    void setRedirectHost(const QString &host);
    QString redirectHost() const { return m_redirectHost; }
    // What to register as the OAuth client's redirect URI.
    QUrl redirectUri() const;
    // What to check when Qlik's page in the browser shows an error about the client or the redirect.
    QString browserErrorAdvice() const;

    // Admin part.
    void signInAdminWithBrowser(const QString &clientId);
    void signInAdminWithClient(const QString &clientId, QByteArray clientSecret);
    bool isAdminSignedIn() const { return m_adminResult.ok; }
    AdminSession::Result admin() const { return m_adminResult; }
    void setUpRole(const QString &roleName);
    RoleSetup::Result roleSetup() const { return m_roleResult; }
    UserSearch *userSearch() const { return m_userSearch; }
    void assignRole(const QlikUser &user);
    RoleAssignment::Result assignment() const { return m_assignment; }

    // Key part: the user the role was assigned to signs in and the key is created as them.
    void signInIntegrationUser(const QString &clientId);
    void createKey(int expiryDays);

    // The sign-in in progress (either part): its link for copying into another browser, and stopping it.
    QUrl signInUrl() const;
    void cancelSignIn();
    bool isSigningIn() const;
    bool isBusy() const;
    // False while a request that must finish is in flight (creating the key): Stop is not offered then.
    bool isCancellable() const;
    // Stop, as the user asks it: a sign-in reports its own cancellation; a step stopped between requests emits
    // stopped(); creating the key goes on until Qlik has answered (see QlikStep::Completion).
    void cancel();
    // Stops everything, creating a key included, and forgets both sign-ins: the tenant changed or the wizard ends.
    void forgetSignIns();

signals:
    void browserNeeded(Dawiso::AutomatedSetup::SignInRole role, const QUrl &url);
    void progress(const QString &message);
    // A sign-in waits for the browser; advice says what a Qlik error page there means.
    void waitingForBrowser(const QString &message, const QString &advice);
    void adminSignInFinished(const Dawiso::OAuthResult &signIn, const Dawiso::AdminSession::Result &admin);
    void roleSetupFinished(const Dawiso::RoleSetup::Result &result);
    void assignmentFinished(const Dawiso::RoleAssignment::Result &result);
    void integrationUserSignInFinished(const Dawiso::OAuthResult &result);
    void keyCreated(const Dawiso::ApiKeyCreation::Result &result);
    // A step of the role or key part was stopped by cancel() and nothing of it is in flight any more.
    void stopped();

private:
    AuthorizationRequest signInRequest(const QString &clientId, SignInRole role) const;
    void onAdminToken(const OAuthResult &result);
    // Wipes the token, after asking Qlik to revoke it when it came from a browser sign-in with clientId.
    void endToken(OAuthAccessToken &token, const QString &clientId);

    QNetworkAccessManager *m_network;
    const TlsTrust *m_trust;
    QUrl m_baseUrl;
    AuthorizationServerMetadata m_metadata;
    quint16 m_redirectPort = AuthorizationRequest::DefaultRedirectPort;
    QString m_redirectHost = AuthorizationRequest::ipv4LoopbackHost();

    AuthorizationCodeSignIn *m_browserSignIn;
    ClientCredentialsSignIn *m_clientSignIn;
    SignInRole m_signingIn = SignInRole::Admin;

    QlikClient *m_adminClient;
    AdminSession *m_adminSession;
    RoleSetup *m_roleSetup;
    UserSearch *m_userSearch;
    RoleAssignment *m_roleAssignment;
    OAuthAccessToken m_adminToken;
    // The public client the admin's token came from; empty for a machine-to-machine token, whose revocation would
    // need the client secret, which is kept nowhere.
    QString m_adminTokenClientId;
    QString m_signInClientId;
    OAuthResult m_adminSignIn;
    AdminSession::Result m_adminResult;
    RoleSetup::Result m_roleResult;
    RoleAssignment::Result m_assignment;

    QlikClient *m_userClient;
    ApiKeyCreation *m_keyCreation;
    OAuthAccessToken m_userToken;
    QString m_userTokenClientId;
    TokenRevoker *m_revoker = nullptr;
};

} // namespace Dawiso
