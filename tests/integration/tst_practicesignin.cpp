// The practice run's sign-in: the practice server (the simulator in this process) signs the person in without HTTP,
// and PracticeSignIn hands the redirect to the real loopback listener of a real AuthorizationCodeSignIn, which then
// exchanges the code over real HTTPS.
#include "SimulatorPracticeServer.h"
#include "SimulatorTrust.h"
#include "net/TlsTrust.h"
#include "oauth/AuthorizationCodeSignIn.h"
#include "oauth/AuthorizationRequest.h"
#include "oauth/OAuthResult.h"
#include "practice/PracticeSignIn.h"
#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Dawiso;
using Simulator::DemoTenant;
using Kind = OAuthResult::Kind;

namespace {

constexpr int kWait = 30000;

} // namespace

class TestPracticeSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void signInReachesTheListenerAndEndsWithAToken();
    void wrongPasswordStaysInTheFormAndCanBeTriedAgain();
    void refusalOfTheTenantGoesBackToTheWizard();
    void noListenerWaitingIsAProblem();
    void redirectOffLoopbackIsNotFollowed();

private:
    // Starts the wizard's side of a sign-in on a free loopback port; returns the address a browser would open.
    QUrl startWizardSignIn(const QString &scope = QStringLiteral("user_default"));
    // PracticeSignIn's answer: "" when the listener took the redirect.
    QString practiceSignIn(const QUrl &authorizationUrl, const QString &email, const QString &password);
    void registerRedirectUri(const QString &uri);

    std::unique_ptr<SimulatorPracticeServer> m_server;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<AuthorizationCodeSignIn> m_wizardSignIn;
};

void TestPracticeSignIn::initTestCase()
{
    qRegisterMetaType<Dawiso::OAuthResult>();
}

void TestPracticeSignIn::init()
{
    m_server = std::make_unique<SimulatorPracticeServer>();
    QVERIFY(m_server->start(0));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    Test::trustSimulator(*m_trust, *m_server->simulator());
    m_wizardSignIn = std::make_unique<AuthorizationCodeSignIn>(m_network.get(), m_trust.get());
}

void TestPracticeSignIn::cleanup()
{
    m_wizardSignIn.reset();
    m_network.reset();
    m_server.reset();
}

void TestPracticeSignIn::registerRedirectUri(const QString &uri)
{
    for (Simulator::SimOAuthClient &client : m_server->simulator()->tenant().oauthClients) {
        if (client.clientId == DemoTenant::nativeClientId())
            client.redirectUris.append(uri);
    }
}

QUrl TestPracticeSignIn::startWizardSignIn(const QString &scope)
{
    AuthorizationRequest request;
    request.authorizationEndpoint = m_server->baseUrl().resolved(QUrl(QStringLiteral("/oauth/authorize")));
    request.tokenEndpoint = m_server->baseUrl().resolved(QUrl(QStringLiteral("/oauth/token")));
    request.clientId = m_server->credentials().nativeClientId;
    // Any free port, not the fixed one: tests running at the same time never compete for it.
    request.redirectPort = 0;
    request.scopes = {scope};
    request.loginHint = DemoTenant::unassignedUserEmail();
    QSignalSpy browserNeeded(m_wizardSignIn.get(), &AuthorizationCodeSignIn::browserNeeded);
    m_wizardSignIn->start(request);
    if (!browserNeeded.wait(kWait))
        return {};
    registerRedirectUri(m_wizardSignIn->redirectUri().toString());
    return browserNeeded.constFirst().constFirst().toUrl();
}

QString TestPracticeSignIn::practiceSignIn(const QUrl &authorizationUrl, const QString &email, const QString &password)
{
    PracticeSignIn signIn(m_server.get());
    QSignalSpy finished(&signIn, &PracticeSignIn::finished);
    signIn.signIn(authorizationUrl, email, password);
    // Never from inside signIn(), so that a dialog can connect and show itself first.
    if (!finished.isEmpty())
        return QStringLiteral("test: finished() came from inside signIn()");
    if (!finished.wait(kWait))
        return QStringLiteral("test: no finished() in time");
    if (finished.size() != 1 || signIn.isRunning())
        return QStringLiteral("test: finished() more than once, or still running");
    return finished.constFirst().constFirst().toString();
}

void TestPracticeSignIn::signInReachesTheListenerAndEndsWithAToken()
{
    const QUrl authorizationUrl = startWizardSignIn();
    QVERIFY(authorizationUrl.isValid());
    QSignalSpy wizardFinished(m_wizardSignIn.get(), &AuthorizationCodeSignIn::finished);

    QCOMPARE(practiceSignIn(authorizationUrl, DemoTenant::unassignedUserEmail(), DemoTenant::password()), QString());
    QVERIFY(wizardFinished.size() == 1 || wizardFinished.wait(kWait));
    const auto result = wizardFinished.constFirst().constFirst().value<OAuthResult>();
    QVERIFY2(result.ok, qPrintable(result.text()));
    QCOMPARE(result.kind, Kind::Ok);
    QVERIFY(!result.token.value().isEmpty());
    // The browser's part never went over HTTP; the code exchange did.
    Simulator::QlikSimulator *simulator = m_server->simulator();
    QCOMPARE(simulator->requestCount(QStringLiteral("/oauth/authorize")), 0);
    QCOMPARE(simulator->requestCount(QStringLiteral("/oauth/token")), 1);
}

void TestPracticeSignIn::wrongPasswordStaysInTheFormAndCanBeTriedAgain()
{
    const QUrl authorizationUrl = startWizardSignIn();
    QVERIFY(authorizationUrl.isValid());
    QSignalSpy wizardFinished(m_wizardSignIn.get(), &AuthorizationCodeSignIn::finished);

    const QString problem =
        practiceSignIn(authorizationUrl, DemoTenant::unassignedUserEmail(), QStringLiteral("not-the-password"));
    QVERIFY(!problem.isEmpty());
    QVERIFY(!problem.startsWith(QLatin1String("test:")));
    QVERIFY(!problem.contains(QLatin1String("not-the-password")));
    // The wizard is still waiting for its browser.
    QVERIFY(wizardFinished.isEmpty());
    QVERIFY(m_wizardSignIn->isRunning());

    QCOMPARE(practiceSignIn(authorizationUrl, DemoTenant::unassignedUserEmail(), DemoTenant::password()), QString());
    QVERIFY(wizardFinished.size() == 1 || wizardFinished.wait(kWait));
    QVERIFY(wizardFinished.constFirst().constFirst().value<OAuthResult>().ok);
}

void TestPracticeSignIn::refusalOfTheTenantGoesBackToTheWizard()
{
    // The native client may not ask for this scope: the tenant sends the browser back with invalid_scope.
    const QUrl authorizationUrl = startWizardSignIn(QStringLiteral("apps"));
    QVERIFY(authorizationUrl.isValid());
    QSignalSpy wizardFinished(m_wizardSignIn.get(), &AuthorizationCodeSignIn::finished);

    QCOMPARE(practiceSignIn(authorizationUrl, DemoTenant::unassignedUserEmail(), DemoTenant::password()), QString());
    QVERIFY(wizardFinished.size() == 1 || wizardFinished.wait(kWait));
    const auto result = wizardFinished.constFirst().constFirst().value<OAuthResult>();
    QVERIFY(!result.ok);
    QCOMPARE(result.errorCode, QStringLiteral("invalid_scope"));
    QCOMPARE(m_server->simulator()->requestCount(QStringLiteral("/oauth/token")), 0);
}

void TestPracticeSignIn::noListenerWaitingIsAProblem()
{
    const QUrl authorizationUrl = startWizardSignIn();
    QVERIFY(authorizationUrl.isValid());
    m_wizardSignIn->cancel(); // closes the loopback listener

    const QString problem = practiceSignIn(authorizationUrl, DemoTenant::unassignedUserEmail(), DemoTenant::password());
    QVERIFY(!problem.isEmpty());
    QVERIFY(!problem.startsWith(QLatin1String("test:")));
}

void TestPracticeSignIn::redirectOffLoopbackIsNotFollowed()
{
    // A client whose registered redirect leaves this computer: the code must not go there.
    const QString elsewhere = QStringLiteral("http://example.com:8080/callback");
    registerRedirectUri(elsewhere);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), DemoTenant::nativeClientId());
    query.addQueryItem(QStringLiteral("redirect_uri"), elsewhere);
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("scope"), QStringLiteral("user_default"));
    query.addQueryItem(QStringLiteral("state"), QStringLiteral("state"));
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("code_challenge"), QString(43, u'A'));
    QUrl authorizationUrl = m_server->baseUrl().resolved(QUrl(QStringLiteral("/oauth/authorize")));
    authorizationUrl.setQuery(query);

    const QString problem = practiceSignIn(authorizationUrl, DemoTenant::unassignedUserEmail(), DemoTenant::password());
    QVERIFY(!problem.isEmpty());
    QVERIFY(!problem.startsWith(QLatin1String("test:")));
}

QTEST_GUILESS_MAIN(TestPracticeSignIn)
#include "tst_practicesignin.moc"
