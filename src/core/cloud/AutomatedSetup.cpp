#include "cloud/AutomatedSetup.h"

#include "oauth/AuthorizationCodeSignIn.h"
#include "oauth/ClientCredentialsSignIn.h"
#include "oauth/TokenRevoker.h"
#include "provision/UserSearch.h"
#include "qlik/QlikClient.h"

#include <algorithm>

namespace Dawiso {

namespace {
const QString adminScope = QStringLiteral("admin_classic");
const QString userScope = QStringLiteral("user_default");
} // namespace

AutomatedSetup::AutomatedSetup(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_trust(trust)
    , m_browserSignIn(new AuthorizationCodeSignIn(network, trust, this))
    , m_clientSignIn(new ClientCredentialsSignIn(network, trust, this))
    , m_adminClient(new QlikClient(network, trust, this))
    , m_adminSession(new AdminSession(m_adminClient, this))
    , m_roleSetup(new RoleSetup(m_adminClient, this))
    , m_userSearch(new UserSearch(m_adminClient, this))
    , m_roleAssignment(new RoleAssignment(m_adminClient, this))
    , m_userClient(new QlikClient(network, trust, this))
    , m_keyCreation(new ApiKeyCreation(m_userClient, this))
{
    connect(m_browserSignIn, &AuthorizationCodeSignIn::browserNeeded, this,
            [this](const QUrl &url) { emit browserNeeded(m_signingIn, url); });
    connect(m_browserSignIn, &AuthorizationCodeSignIn::browserAnswered, this,
            [this] { emit progress(tr("Signed in in the browser; finishing the sign-in…")); });
    connect(m_browserSignIn, &AuthorizationCodeSignIn::finished, this, [this](const OAuthResult &result) {
        if (m_signingIn == SignInRole::Admin) {
            onAdminToken(result);
            return;
        }
        endToken(m_userToken, m_userTokenClientId);
        m_userToken = result.ok ? result.token : OAuthAccessToken();
        m_userTokenClientId = m_signInClientId;
        m_userClient->setApiKey(m_userToken.value());
        emit integrationUserSignInFinished(result);
    });
    connect(m_clientSignIn, &ClientCredentialsSignIn::finished, this, &AutomatedSetup::onAdminToken);

    connect(m_adminSession, &AdminSession::progress, this, &AutomatedSetup::progress);
    connect(m_roleSetup, &RoleSetup::progress, this, &AutomatedSetup::progress);
    connect(m_roleAssignment, &RoleAssignment::progress, this, &AutomatedSetup::progress);
    connect(m_keyCreation, &ApiKeyCreation::progress, this, &AutomatedSetup::progress);
    connect(m_adminSession, &AdminSession::finished, this, [this](const AdminSession::Result &result) {
        m_adminResult = result;
        emit adminSignInFinished(m_adminSignIn, result);
    });
    connect(m_roleSetup, &RoleSetup::finished, this, [this](const RoleSetup::Result &result) {
        m_roleResult = result;
        emit roleSetupFinished(result);
    });
    connect(m_roleAssignment, &RoleAssignment::finished, this, [this](const RoleAssignment::Result &result) {
        m_assignment = result;
        emit assignmentFinished(result);
    });
    connect(m_keyCreation, &ApiKeyCreation::finished, this, [this](const ApiKeyCreation::Result &result) {
        emit keyCreated(result);
        // The integration user's sign-in was for creating this key; each new attempt signs in again.
        m_userClient->clearApiKey();
        endToken(m_userToken, m_userTokenClientId);
    });
}

AutomatedSetup::~AutomatedSetup()
{
    forgetSignIns();
}

void AutomatedSetup::setTenant(const QUrl &baseUrl, const AuthorizationServerMetadata &metadata)
{
    if (baseUrl != m_baseUrl)
        forgetSignIns();
    m_baseUrl = baseUrl;
    m_metadata = metadata;
    m_adminClient->setBaseUrl(baseUrl);
    m_userClient->setBaseUrl(baseUrl);
}

void AutomatedSetup::setRedirectHost(const QString &host)
{
    m_redirectHost = AuthorizationRequest::isLoopbackHost(host) ? host : AuthorizationRequest::ipv4LoopbackHost();
}

QString AutomatedSetup::browserErrorAdvice() const
{
    return tr("If the browser shows a Qlik error instead of the sign-in, the OAuth client or its redirect URL does not "
              "match: press Stop, then in Administration › OAuth check that the client is of type Native or "
              "Single-page app, lists exactly %1 as a redirect URL and allows the scopes admin_classic and "
              "user_default, and sign in again.")
        .arg(redirectUri().toString());
}

QUrl AutomatedSetup::redirectUri() const
{
    AuthorizationRequest request;
    request.redirectHost = m_redirectHost;
    return request.redirectUri(m_redirectPort);
}

AuthorizationRequest AutomatedSetup::signInRequest(const QString &clientId, SignInRole role) const
{
    AuthorizationRequest request = AuthorizationRequest::fromMetadata(m_metadata, clientId.trimmed());
    request.redirectPort = m_redirectPort;
    request.redirectHost = m_redirectHost;
    if (role == SignInRole::Admin) {
        request.scopes = {adminScope};
    } else {
        request.scopes = {userScope};
        // A fresh sign-in as the integration user, not the admin's session still open in the browser.
        request.prompt = QStringLiteral("login");
        request.loginHint = m_assignment.user.email;
    }
    return request;
}

void AutomatedSetup::signInAdminWithBrowser(const QString &clientId)
{
    cancel();
    m_signingIn = SignInRole::Admin;
    m_signInClientId = clientId.trimmed();
    emit waitingForBrowser(tr("Waiting for you to sign in to Qlik in your browser…"), browserErrorAdvice());
    m_browserSignIn->start(signInRequest(clientId, SignInRole::Admin));
}

void AutomatedSetup::signInAdminWithClient(const QString &clientId, QByteArray clientSecret)
{
    cancel();
    m_signingIn = SignInRole::Admin;
    m_signInClientId.clear();
    emit progress(tr("Signing in with the machine-to-machine client…"));
    m_clientSignIn->start(m_metadata.tokenEndpoint, clientId.trimmed(), std::move(clientSecret), {adminScope});
}

void AutomatedSetup::onAdminToken(const OAuthResult &result)
{
    m_adminSignIn = result;
    m_adminResult = AdminSession::Result();
    m_adminClient->clearApiKey();
    endToken(m_adminToken, m_adminTokenClientId);
    if (!result.ok) {
        emit adminSignInFinished(result, m_adminResult);
        return;
    }
    m_adminToken = result.token;
    m_adminTokenClientId = m_signInClientId;
    m_adminSignIn.token.wipe(); // one copy is enough
    m_adminClient->setApiKey(m_adminToken.value());
    m_adminSession->start();
}

void AutomatedSetup::setUpRole(const QString &roleName)
{
    m_roleResult = RoleSetup::Result();
    m_roleSetup->start(roleName);
}

void AutomatedSetup::assignRole(const QlikUser &user)
{
    m_assignment = RoleAssignment::Result();
    m_roleAssignment->start(user, m_roleResult.role);
}

void AutomatedSetup::signInIntegrationUser(const QString &clientId)
{
    cancel();
    m_signingIn = SignInRole::IntegrationUser;
    m_signInClientId = clientId.trimmed();
    m_userClient->clearApiKey();
    endToken(m_userToken, m_userTokenClientId);
    emit waitingForBrowser(tr("Waiting for %1 to sign in to Qlik in the browser…").arg(m_assignment.user.displayName()),
                           browserErrorAdvice());
    m_browserSignIn->start(signInRequest(clientId, SignInRole::IntegrationUser));
}

void AutomatedSetup::createKey(int expiryDays)
{
    m_keyCreation->start(expiryDays, m_adminResult.policy);
}

QUrl AutomatedSetup::signInUrl() const
{
    return m_browserSignIn->authorizationUrl();
}

void AutomatedSetup::cancelSignIn()
{
    m_browserSignIn->cancel();
    m_clientSignIn->cancel();
}

bool AutomatedSetup::isSigningIn() const
{
    return m_browserSignIn->isRunning() || m_clientSignIn->isRunning();
}

bool AutomatedSetup::isBusy() const
{
    return isSigningIn() || m_adminSession->isRunning() || m_roleSetup->isRunning() || m_roleAssignment->isRunning()
        || m_keyCreation->isRunning();
}

bool AutomatedSetup::isCancellable() const
{
    return m_keyCreation->isCancellable();
}

void AutomatedSetup::cancel()
{
    const QList<QlikStep *> steps {m_adminSession, m_roleSetup, m_roleAssignment, m_keyCreation};
    const bool stepRunning = std::any_of(steps.cbegin(), steps.cend(), [](QlikStep *s) { return s->isRunning(); });
    cancelSignIn();
    m_userSearch->cancel();
    for (QlikStep *step : steps)
        step->cancel();
    if (stepRunning && std::none_of(steps.cbegin(), steps.cend(), [](QlikStep *s) { return s->isRunning(); }))
        emit stopped();
}

void AutomatedSetup::endToken(OAuthAccessToken &token, const QString &clientId)
{
    if (m_revoker && !token.isEmpty() && !clientId.isEmpty())
        m_revoker->revoke(m_metadata.revocationEndpoint, clientId, token);
    token.wipe();
}

void AutomatedSetup::forgetSignIns()
{
    cancelSignIn();
    for (QlikStep *step :
         std::initializer_list<QlikStep *> {m_adminSession, m_roleSetup, m_userSearch, m_roleAssignment, m_keyCreation})
        step->abandon();
    m_adminClient->clearApiKey();
    m_userClient->clearApiKey();
    endToken(m_adminToken, m_adminTokenClientId);
    endToken(m_userToken, m_userTokenClientId);
    m_adminResult = AdminSession::Result();
    m_roleResult = RoleSetup::Result();
    m_assignment = RoleAssignment::Result();
}

} // namespace Dawiso
