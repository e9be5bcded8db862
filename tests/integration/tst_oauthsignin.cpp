// OAuth sign-in over real loopback HTTP and HTTPS against the simulator. The test plays the browser: it opens the
// sign-in address, fills in the simulated login form and follows Qlik's redirect to the app's loopback listener.
// Tokens, codes and verifiers are compared with QVERIFY only and must never show up in any log output.
#include "SimulatorTrust.h"
#include "net/TlsTrust.h"
#include "oauth/AuthorizationCodeSignIn.h"
#include "oauth/AuthorizationRequest.h"
#include "oauth/ClientCredentialsSignIn.h"
#include "oauth/OAuthResult.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QUrlQuery>

using namespace Dawiso;
using namespace Qt::StringLiterals;
using Simulator::DemoTenant;
using Simulator::QlikSimulator;
using Kind = OAuthResult::Kind;

Q_DECLARE_METATYPE(Dawiso::OAuthResult::Kind)

namespace {

constexpr int kWait = 30000;

// Everything Qt and the product log while a test runs, to be searched for secrets afterwards.
QStringList &capturedMessages()
{
    static QStringList messages;
    return messages;
}

QtMessageHandler previousHandler = nullptr;

void captureMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    capturedMessages().append(message);
    if (previousHandler)
        previousHandler(type, context, message);
}

// An answer the "browser" got over HTTPS from the simulator.
struct HttpAnswer
{
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int status = 0;
    QByteArray body;
    QUrl location;
};

// An answer from the loopback listener, read from the raw socket.
struct LoopbackAnswer
{
    bool refused = false;
    int status = 0;
    QByteArray head;
    QString body;
};

QString param(const QUrl &url, const QString &name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class TestOAuthSignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void fullSignInThroughTheBrowser_data();
    void fullSignInThroughTheBrowser();
    void loginHintKeepsItsPlusSign();
    void singlePageClientWithLocalhostRedirect_data();
    void singlePageClientWithLocalhostRedirect();
    void practiceClientMatchesTheDefaultRedirectUri();
    void wrongStateIsRefused_data();
    void wrongStateIsRefused();
    void anotherSignInsCodeFailsTheVerifier();
    void expiredCodeIsRefused();
    void cancelledInTheBrowser();
    void errorsFromQliksSignInPage_data();
    void errorsFromQliksSignInPage();
    void timeoutWithoutBrowser();
    void cancelWhileWaitingForTheBrowser();
    void cancelWhileExchangingTheCode();
    void portInUseIsNamed();
    void listenerAnswersOnlyItsOwnPath();
    void listenerTakesExactlyOneCallback();
    void invalidSettingsDoNotStart_data();
    void invalidSettingsDoNotStart();
    void tokenEndpointUnreachable();
    void untrustedCertificateIsReported();
    void clientCredentials_data();
    void clientCredentials();
    void clientCredentialsCancel();

private:
    AuthorizationRequest request(const QString &scope = u"admin_classic"_s) const;
    // Lets the simulator's native client accept this sign-in's redirect URI (a free port, not the fixed 47824, so
    // that tests running in parallel never compete for it).
    void registerRedirectUri(const QUrl &uri);
    // Starts the sign-in and waits for browserNeeded(); returns the address the browser would open.
    QUrl startAndWaitForBrowser(AuthorizationCodeSignIn &signIn, const AuthorizationRequest &request,
                                bool registerUri = true);
    // Opens the authorization URL, follows its 302 to the sign-in page on the same origin and submits the login form;
    // returns the simulator's redirect (not yet followed).
    QUrl signInInBrowser(const QUrl &authorizationUrl, const QString &email);
    OAuthResult waitForResult(QSignalSpy &finished);

    HttpAnswer fetch(const QUrl &url, const QByteArray &formBody = QByteArray());
    LoopbackAnswer callLoopback(quint16 port, const QByteArray &requestLine, const QByteArray &host = QByteArray(),
                                const QHostAddress &address = QHostAddress(QHostAddress::LocalHost));
    LoopbackAnswer follow(const QUrl &redirect);
    // The token answers for a user: GET /api/v1/users/me with it.
    QJsonObject whoAmI(const OAuthAccessToken &token);
    // Remembers a secret of this test; cleanup() fails the test when any log message contains one.
    void keepSecret(const QByteArray &secret);

    std::unique_ptr<QlikSimulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<QNetworkAccessManager> m_browser;
    std::unique_ptr<TlsTrust> m_trust;
    QSslConfiguration m_browserTls;
    QList<QByteArray> m_secrets;
};

void TestOAuthSignIn::initTestCase()
{
    qRegisterMetaType<Dawiso::OAuthResult>();
    // Every category at every level: a secret in any debug line would be caught.
    QLoggingCategory::setFilterRules(u"*.debug=true\nqt.*.debug=false"_s);
    previousHandler = qInstallMessageHandler(captureMessage);
}

void TestOAuthSignIn::init()
{
    capturedMessages().clear();
    m_secrets.clear();
    m_simulator = std::make_unique<QlikSimulator>();
    QVERIFY(m_simulator->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_browser = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    Test::trustSimulator(*m_trust, *m_simulator);
    m_browserTls = QSslConfiguration::defaultConfiguration();
    m_browserTls.addCaCertificate(m_simulator->certificate());
}

void TestOAuthSignIn::cleanup()
{
    m_browser.reset();
    m_network.reset();
    m_simulator.reset();
    const QStringList messages = capturedMessages();
    for (const QByteArray &secret : std::as_const(m_secrets)) {
        for (const QString &message : messages)
            QVERIFY2(!message.contains(QString::fromLatin1(secret)), "a secret appeared in the log output");
    }
}

void TestOAuthSignIn::keepSecret(const QByteArray &secret)
{
    if (secret.size() >= 8)
        m_secrets.append(secret);
}

AuthorizationRequest TestOAuthSignIn::request(const QString &scope) const
{
    AuthorizationRequest request;
    request.authorizationEndpoint = m_simulator->baseUrl().resolved(QUrl(u"/oauth/authorize"_s));
    request.tokenEndpoint = m_simulator->baseUrl().resolved(QUrl(u"/oauth/token"_s));
    request.clientId = DemoTenant::nativeClientId();
    request.redirectPort = 0;
    request.scopes = {scope};
    return request;
}

void TestOAuthSignIn::registerRedirectUri(const QUrl &uri)
{
    for (Simulator::SimOAuthClient &client : m_simulator->tenant().oauthClients) {
        if (client.clientId == DemoTenant::nativeClientId())
            client.redirectUris.append(uri.toString());
    }
}

QUrl TestOAuthSignIn::startAndWaitForBrowser(AuthorizationCodeSignIn &signIn, const AuthorizationRequest &request,
                                             bool registerUri)
{
    QSignalSpy browserNeeded(&signIn, &AuthorizationCodeSignIn::browserNeeded);
    signIn.start(request);
    if (!browserNeeded.wait(kWait) || browserNeeded.size() != 1)
        return {};
    const QUrl url = browserNeeded.constFirst().constFirst().toUrl();
    if (url != signIn.authorizationUrl())
        return {};
    if (registerUri)
        registerRedirectUri(signIn.redirectUri());
    return url;
}

QUrl TestOAuthSignIn::signInInBrowser(const QUrl &authorizationUrl, const QString &email)
{
    // Qlik's authorize endpoint redirects to its identity provider's sign-in page; fetch() does not follow redirects,
    // so the test sees that it is a 302 to the simulator's own sign-in page.
    const HttpAnswer authorize = fetch(authorizationUrl);
    if (authorize.status != 302
        || authorize.location.adjusted(QUrl::RemovePath | QUrl::RemoveQuery)
            != authorizationUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery)
        || authorize.location.path() != u"/oauth/authorize/login"_s)
        return {};
    const HttpAnswer page = fetch(authorize.location);
    if (page.status != 200)
        return {};
    static const QRegularExpression hidden(QStringLiteral("name=\"transaction\" value=\"([^\"]+)\""));
    const QRegularExpressionMatch match = hidden.match(QString::fromUtf8(page.body));
    if (!match.hasMatch() || !page.body.contains("action=\"/oauth/authorize/login\""))
        return {};
    // The transaction stands for the pending sign-in, and it is now in a URL: no log line may show it.
    keepSecret(match.captured(1).toLatin1());

    const QByteArray form = "transaction=" + QUrl::toPercentEncoding(match.captured(1))
        + "&email=" + QUrl::toPercentEncoding(email) + "&password=" + QUrl::toPercentEncoding(DemoTenant::password());
    const HttpAnswer login = fetch(m_simulator->baseUrl().resolved(QUrl(u"/oauth/authorize/login"_s)), form);
    if (login.status != 302)
        return {};
    keepSecret(param(login.location, u"code"_s).toLatin1());
    return login.location;
}

OAuthResult TestOAuthSignIn::waitForResult(QSignalSpy &finished)
{
    if (finished.isEmpty() && !finished.wait(kWait))
        return OAuthResult::failure(Kind::InvalidAnswer, u"test: no finished() in time"_s, {});
    const OAuthResult result = finished.constFirst().constFirst().value<OAuthResult>();
    keepSecret(result.token.value());
    return result;
}

HttpAnswer TestOAuthSignIn::fetch(const QUrl &url, const QByteArray &formBody)
{
    QNetworkRequest request(url);
    request.setSslConfiguration(m_browserTls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QNetworkReply *reply = nullptr;
    if (formBody.isNull()) {
        reply = m_browser->get(request);
    } else {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
        reply = m_browser->post(request, formBody);
    }
    QSignalSpy done(reply, &QNetworkReply::finished);
    HttpAnswer answer;
    if (!reply->isFinished() && !done.wait(kWait)) {
        answer.error = QNetworkReply::TimeoutError;
    } else {
        answer.error = reply->error();
        answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        answer.body = reply->readAll();
        answer.location = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
    }
    reply->deleteLater();
    return answer;
}

LoopbackAnswer TestOAuthSignIn::callLoopback(quint16 port, const QByteArray &requestLine, const QByteArray &host,
                                             const QHostAddress &address)
{
    // The listener lives on this thread, so the socket is driven by the event loop, never by blocking waits.
    QTcpSocket socket;
    LoopbackAnswer answer;
    QByteArray received;
    QEventLoop loop;
    const QByteArray hostHeader = host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : host;
    connect(&socket, &QTcpSocket::connected, &loop,
            [&] { socket.write(requestLine + "\r\nHost: " + hostHeader + "\r\nUser-Agent: tst_oauthsignin\r\n\r\n"); });
    connect(&socket, &QTcpSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    connect(&socket, &QTcpSocket::disconnected, &loop, &QEventLoop::quit);
    connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::ConnectionRefusedError)
            answer.refused = true;
        loop.quit();
    });
    QTimer::singleShot(kWait, &loop, &QEventLoop::quit);
    socket.connectToHost(address, port);
    loop.exec();
    received += socket.readAll();

    const qsizetype end = received.indexOf("\r\n\r\n");
    answer.head = end < 0 ? received : received.left(end);
    answer.body = end < 0 ? QString() : QString::fromUtf8(received.mid(end + 4));
    const QList<QByteArray> statusLine = answer.head.left(answer.head.indexOf('\r')).split(' ');
    answer.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
    return answer;
}

LoopbackAnswer TestOAuthSignIn::follow(const QUrl &redirect)
{
    const QByteArray target = redirect.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    return callLoopback(quint16(redirect.port()), "GET " + target + " HTTP/1.1");
}

QJsonObject TestOAuthSignIn::whoAmI(const OAuthAccessToken &token)
{
    QlikClient client(m_network.get(), m_trust.get());
    client.setBaseUrl(m_simulator->baseUrl());
    client.setApiKey(token.value());
    QlikRequest *request = client.get(u"/api/v1/users/me"_s);
    QSignalSpy finished(request, &QlikRequest::finished);
    request->start();
    if (!finished.wait(kWait) || request->httpStatus() != 200)
        return {};
    return request->json().object();
}

void TestOAuthSignIn::fullSignInThroughTheBrowser_data()
{
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("prompt");
    QTest::newRow("tenant admin") << u"admin_classic"_s << DemoTenant::adminEmail() << QString();
    QTest::newRow("integration user, fresh sign-in")
        << u"user_default"_s << DemoTenant::integrationUserEmail() << u"login"_s;
}

void TestOAuthSignIn::fullSignInThroughTheBrowser()
{
    QFETCH(QString, scope);
    QFETCH(QString, email);
    QFETCH(QString, prompt);

    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    QSignalSpy answered(&signIn, &AuthorizationCodeSignIn::browserAnswered);
    AuthorizationRequest sent = request(scope);
    sent.loginHint = email;
    sent.prompt = prompt;
    const QUrl url = startAndWaitForBrowser(signIn, sent);
    QVERIFY(url.isValid());
    QVERIFY(signIn.isRunning());

    // The address asks for exactly what RFC 7636 and Qlik's oauth.json describe, and holds no verifier.
    const quint16 port = quint16(signIn.redirectUri().port());
    QVERIFY(port != 0);
    QCOMPARE(url.scheme(), u"https"_s);
    QCOMPARE(url.path(), u"/oauth/authorize"_s);
    QCOMPARE(param(url, u"client_id"_s), DemoTenant::nativeClientId());
    QCOMPARE(param(url, u"redirect_uri"_s), u"http://127.0.0.1:%1/callback"_s.arg(port));
    QCOMPARE(param(url, u"response_type"_s), u"code"_s);
    QCOMPARE(param(url, u"scope"_s), scope);
    QCOMPARE(param(url, u"code_challenge_method"_s), u"S256"_s);
    QCOMPARE(param(url, u"code_challenge"_s).size(), 43);
    QVERIFY(param(url, u"state"_s).size() >= 22);
    QCOMPARE(param(url, u"login_hint"_s), email);
    QCOMPARE(param(url, u"prompt"_s), prompt);
    QVERIFY(!QUrlQuery(url).hasQueryItem(u"code_verifier"_s));

    const QUrl redirect = signInInBrowser(url, email);
    QVERIFY(redirect.isValid());
    QCOMPARE(redirect.port(), int(port));
    QCOMPARE(param(redirect, u"state"_s), param(url, u"state"_s));

    const LoopbackAnswer page = follow(redirect);
    QCOMPARE(page.status, 200);
    QVERIFY(page.head.contains("Connection: close"));
    QVERIFY(page.head.contains("Content-Type: text/html; charset=utf-8"));
    QVERIFY(page.head.contains("Cache-Control: no-store"));
    QVERIFY(page.body.contains(u"Signed in"_s));
    QVERIFY(page.body.contains(u"You can close this tab and return to Dawiso Qlik Setup."_s));

    const OAuthResult result = waitForResult(finished);
    QVERIFY2(result.ok, qPrintable(result.text()));
    QCOMPARE(result.kind, Kind::Ok);
    QCOMPARE(answered.size(), 1);
    QVERIFY(!result.token.isEmpty());
    QCOMPARE(result.token.scopes(), QStringList {scope});
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(result.token.expiresAt() > now.addSecs(5 * 3600));
    QVERIFY(result.token.expiresAt() < now.addSecs(7 * 3600));
    QVERIFY(!signIn.isRunning());
    QCOMPARE(m_simulator->requestCount(u"/oauth/token"_s), 1);

    // The token works as a Bearer token and acts as the person who signed in.
    QCOMPARE(whoAmI(result.token).value(u"email"_s).toString(), email);

    // One finished(), and the listener is gone.
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QVERIFY(callLoopback(port, "GET /callback?state=again HTTP/1.1").refused);
}

void TestOAuthSignIn::loginHintKeepsItsPlusSign()
{
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    AuthorizationRequest sent = request();
    sent.loginHint = u"first+tag@example.com"_s;
    const QUrl url = startAndWaitForBrowser(signIn, sent);
    QVERIFY(url.isValid());
    QVERIFY(url.toEncoded().contains("login_hint=first%2Btag%40example.com"));
    const HttpAnswer authorize = fetch(url);
    QCOMPARE(authorize.status, 302);
    QCOMPARE(authorize.location.path(), u"/oauth/authorize/login"_s);
    const HttpAnswer page = fetch(authorize.location);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains("value=\"first+tag@example.com\""));
    signIn.cancel();
}

void TestOAuthSignIn::practiceClientMatchesTheDefaultRedirectUri()
{
    // The practice run signs in with the defaults; the practice tenant must accept exactly those.
    const AuthorizationRequest defaults;
    QCOMPARE(defaults.redirectUri().toString(), DemoTenant::nativeRedirectUri());
    QCOMPARE(defaults.redirectPort, DemoTenant::nativeRedirectPort());
    QCOMPARE(defaults.redirectPath, DemoTenant::nativeRedirectPath());
}

void TestOAuthSignIn::wrongStateIsRefused_data()
{
    QTest::addColumn<QByteArray>("query");
    QTest::newRow("another state") << QByteArray("code=forged-code-123&state=not-the-state-of-this-sign-in");
    QTest::newRow("no state") << QByteArray("code=forged-code-123");
    QTest::newRow("the state twice") << QByteArray("code=forged-code-123&state=STATE&state=other");
    QTest::newRow("an error with another state") << QByteArray("error=access_denied&state=other");
}

void TestOAuthSignIn::wrongStateIsRefused()
{
    QFETCH(QByteArray, query);

    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());
    query.replace("STATE", param(url, u"state"_s).toLatin1());

    const quint16 port = quint16(signIn.redirectUri().port());
    const LoopbackAnswer page = callLoopback(port, "GET /callback?" + query + " HTTP/1.1");
    QCOMPARE(page.status, 400);
    QVERIFY(page.body.contains(u"forged"_s));
    QVERIFY(page.body.contains(u"opened last"_s));

    // Nothing from a forged answer reaches Qlik, and it does not end the sign-in the browser is still on.
    QTest::qWait(100);
    QVERIFY(finished.isEmpty());
    QVERIFY(signIn.isRunning());
    QCOMPARE(m_simulator->requestCount(u"/oauth/token"_s), 0);
    const QUrl redirect = signInInBrowser(url, DemoTenant::adminEmail());
    QVERIFY(redirect.isValid());
    QCOMPARE(follow(redirect).status, 200);
    QVERIFY(waitForResult(finished).ok);
    QCOMPARE(m_simulator->requestCount(u"/oauth/token"_s), 1);
    QVERIFY(callLoopback(port, "GET /callback?" + query + " HTTP/1.1").refused);
}

void TestOAuthSignIn::singlePageClientWithLocalhostRedirect_data()
{
    QTest::addColumn<bool>("ipv6");
    QTest::newRow("browser reaches localhost on 127.0.0.1") << false;
    QTest::newRow("browser reaches localhost on ::1") << true;
}

void TestOAuthSignIn::singlePageClientWithLocalhostRedirect()
{
    QFETCH(bool, ipv6);
    // A single-page-app client registered with the localhost form of the redirect URI, as Qlik's guides show it.
    const QString clientId = u"spa-client-for-dawiso"_s;
    Simulator::SimOAuthClient spa;
    spa.clientId = clientId;
    spa.appType = u"spa"_s;
    spa.allowedScopes = {u"admin_classic"_s, u"user_default"_s};
    m_simulator->tenant().oauthClients.append(spa);

    AuthorizationRequest sent = request();
    sent.clientId = clientId;
    sent.redirectHost = AuthorizationRequest::localhostHost();
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, sent, false);
    QVERIFY(url.isValid());
    const quint16 port = quint16(signIn.redirectUri().port());
    QCOMPARE(signIn.redirectUri().toString(), u"http://localhost:%1/callback"_s.arg(port));
    QCOMPARE(param(url, u"redirect_uri"_s), signIn.redirectUri().toString());
    m_simulator->tenant().oauthClients.last().redirectUris = {signIn.redirectUri().toString()};

    const QUrl redirect = signInInBrowser(url, DemoTenant::adminEmail());
    QVERIFY(redirect.isValid());
    QCOMPARE(redirect.host(), u"localhost"_s);
    const QByteArray target = redirect.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority);
    const LoopbackAnswer page =
        callLoopback(port, "GET " + target + " HTTP/1.1", "localhost:" + QByteArray::number(port),
                     QHostAddress(ipv6 ? QHostAddress::LocalHostIPv6 : QHostAddress::LocalHost));
    QCOMPARE(page.status, 200);
    const OAuthResult result = waitForResult(finished);
    QVERIFY2(result.ok, qPrintable(result.text()));
    QCOMPARE(result.token.scopes(), QStringList {u"admin_classic"_s});
}

void TestOAuthSignIn::anotherSignInsCodeFailsTheVerifier()
{
    // A code from one sign-in, slipped into another one's callback with that one's valid state (the attack PKCE
    // exists for): the second sign-in's verifier does not match the first one's challenge.
    AuthorizationCodeSignIn victim(m_network.get(), m_trust.get());
    const QUrl victimUrl = startAndWaitForBrowser(victim, request());
    QVERIFY(victimUrl.isValid());
    const quint16 port = quint16(victim.redirectUri().port());
    const QUrl stolen = signInInBrowser(victimUrl, DemoTenant::adminEmail());
    QVERIFY(stolen.isValid());
    victim.cancel();

    AuthorizationRequest same = request();
    same.redirectPort = port; // the same redirect URI, so that only the verifier differs
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, same, false);
    QVERIFY(url.isValid());
    QCOMPARE(signIn.redirectUri(), victim.redirectUri());

    QUrl injected = stolen;
    QUrlQuery query(stolen);
    query.removeAllQueryItems(u"state"_s);
    query.addQueryItem(u"state"_s, param(url, u"state"_s));
    injected.setQuery(query);
    QCOMPARE(follow(injected).status, 200);

    const OAuthResult result = waitForResult(finished);
    QVERIFY(!result.ok);
    QCOMPARE(result.kind, Kind::TokenRefused);
    QCOMPARE(result.errorCode, u"invalid_grant"_s);
    QCOMPARE(result.httpStatus, 401);
    QVERIFY(result.summary.detail.contains(u"code_verifier"_s));
    QVERIFY(result.summary.message.contains(u"one-time code"_s));
    QVERIFY(result.token.isEmpty());
}

void TestOAuthSignIn::expiredCodeIsRefused()
{
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());
    const QUrl redirect = signInInBrowser(url, DemoTenant::adminEmail());
    QVERIFY(redirect.isValid());
    m_simulator->advanceOAuthClock(61); // codes live 60 seconds
    QCOMPARE(follow(redirect).status, 200);

    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::TokenRefused);
    QCOMPARE(result.errorCode, u"invalid_grant"_s);
    QCOMPARE(result.httpStatus, 401);
    QVERIFY(result.summary.message.contains(u"one-time code"_s));
    QVERIFY(!result.summary.message.contains(u"client ID"_s));
    QVERIFY(result.summary.advice.contains(u"Sign in again"_s));
}

void TestOAuthSignIn::cancelledInTheBrowser()
{
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());

    const QByteArray state = QUrl::toPercentEncoding(param(url, u"state"_s));
    const LoopbackAnswer page = callLoopback(
        quint16(signIn.redirectUri().port()),
        "GET /callback?error=access_denied&error_description=The+user+said+no&state=" + state + " HTTP/1.1");
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains(u"cancelled in the browser"_s));

    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::Denied);
    QCOMPARE(result.errorCode, u"access_denied"_s);
    QCOMPARE(result.summary.message, u"The sign-in was cancelled in the browser."_s);
    QVERIFY(!result.summary.advice.isEmpty());
    QCOMPARE(m_simulator->requestCount(u"/oauth/token"_s), 0);
}

void TestOAuthSignIn::errorsFromQliksSignInPage_data()
{
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("prompt");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("inMessage");
    QTest::newRow("a scope the client may not use")
        << QStringList {u"admin_classic"_s, u"offline_access"_s} << QString() << u"invalid_scope"_s
        << u"admin_classic, offline_access"_s;
    QTest::newRow("no page allowed, no session")
        << QStringList {u"user_default"_s} << u"none"_s << u"login_required"_s << u"sign in or confirm"_s;
}

void TestOAuthSignIn::errorsFromQliksSignInPage()
{
    QFETCH(QStringList, scopes);
    QFETCH(QString, prompt);
    QFETCH(QString, errorCode);
    QFETCH(QString, inMessage);

    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    AuthorizationRequest sent = request();
    sent.scopes = scopes;
    sent.prompt = prompt;
    const QUrl url = startAndWaitForBrowser(signIn, sent);
    QVERIFY(url.isValid());

    // Qlik sends the browser straight back with the error.
    const HttpAnswer authorize = fetch(url);
    QCOMPARE(authorize.status, 302);
    QCOMPARE(param(authorize.location, u"error"_s), errorCode);
    const LoopbackAnswer page = follow(authorize.location);
    QCOMPARE(page.status, 200);
    QVERIFY(page.body.contains(u"Sign-in did not complete"_s));

    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::Denied);
    QCOMPARE(result.errorCode, errorCode);
    QVERIFY2(result.summary.message.contains(inMessage), qPrintable(result.summary.message));
    QVERIFY(result.summary.message.contains(errorCode));
    QVERIFY(!result.summary.detail.isEmpty()); // Qlik's own description, for the report
}

void TestOAuthSignIn::timeoutWithoutBrowser()
{
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    signIn.setBrowserTimeout(std::chrono::milliseconds(300));
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());
    const quint16 port = quint16(signIn.redirectUri().port());

    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::TimedOut);
    QVERIFY(result.summary.message.contains(u"1 second"_s));
    // The most likely reason is a redirect URI the client does not have: the advice names the exact one.
    QVERIFY(result.summary.advice.contains(u"http://127.0.0.1:%1/callback"_s.arg(port)));
    QVERIFY(result.summary.advice.contains(u"Administration › OAuth"_s));
    QVERIFY(callLoopback(port, "GET /callback?code=late&state=late HTTP/1.1").refused);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestOAuthSignIn::cancelWhileWaitingForTheBrowser()
{
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());
    const quint16 port = quint16(signIn.redirectUri().port());

    signIn.cancel();
    QVERIFY(!signIn.isRunning());
    signIn.cancel(); // a second cancel changes nothing
    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::Cancelled);
    QVERIFY(callLoopback(port, "GET /callback?code=late&state=late HTTP/1.1").refused);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestOAuthSignIn::cancelWhileExchangingTheCode()
{
    m_simulator->setResponseDelay(u"/oauth/token"_s, -1);
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    QSignalSpy answered(&signIn, &AuthorizationCodeSignIn::browserAnswered);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());
    const QUrl redirect = signInInBrowser(url, DemoTenant::adminEmail());
    QVERIFY(redirect.isValid());
    QCOMPARE(follow(redirect).status, 200);
    QCOMPARE(answered.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(m_simulator->requestCount(u"/oauth/token"_s), 1, kWait);

    signIn.cancel();
    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::Cancelled);
    QVERIFY(result.token.isEmpty());
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestOAuthSignIn::portInUseIsNamed()
{
    QTcpServer blocker;
    QVERIFY(blocker.listen(QHostAddress(QHostAddress::LocalHost), 0));
    AuthorizationRequest sent = request();
    sent.redirectPort = blocker.serverPort();

    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    QSignalSpy browserNeeded(&signIn, &AuthorizationCodeSignIn::browserNeeded);
    signIn.start(sent);
    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::PortInUse);
    QVERIFY(result.summary.message.contains(QString::number(blocker.serverPort())));
    QVERIFY(result.summary.message.contains(u"already in use"_s));
    QVERIFY(result.summary.advice.contains(u"Administration › OAuth"_s));
    QCOMPARE(browserNeeded.size(), 0);
    QVERIFY(signIn.authorizationUrl().isEmpty());
}

void TestOAuthSignIn::listenerAnswersOnlyItsOwnPath()
{
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());
    const quint16 port = quint16(signIn.redirectUri().port());
    const QByteArray state = QUrl::toPercentEncoding(param(url, u"state"_s));

    // None of these is the callback, and none of them uses it up.
    QCOMPARE(callLoopback(port, "GET /favicon.ico HTTP/1.1").status, 404);
    QCOMPARE(callLoopback(port, "GET /other?code=x&state=" + state + " HTTP/1.1").status, 404);
    QCOMPARE(callLoopback(port, "GET /callback HTTP/1.1").status, 400);
    QCOMPARE(callLoopback(port, "POST /callback?code=x&state=" + state + " HTTP/1.1").status, 405);
    // A web page reaching the port through DNS rebinding names its own host.
    const LoopbackAnswer rebound = callLoopback(port, "GET /callback?error=access_denied&state=" + state + " HTTP/1.1",
                                                "evil.example:" + QByteArray::number(port));
    QCOMPARE(rebound.status, 400);
    QCOMPARE(callLoopback(port, "GET /callback?code=x HTTP/1.1", "127.0.0.1:1").status, 400);
    QCOMPARE(callLoopback(port, "NONSENSE").status, 400);
    QTest::qWait(100);
    QVERIFY(finished.isEmpty());
    QVERIFY(signIn.isRunning());

    // The real answer still gets through ("localhost" is what some browsers send for the literal address too).
    const LoopbackAnswer page = callLoopback(port, "GET /callback?error=access_denied&state=" + state + " HTTP/1.1",
                                             "localhost:" + QByteArray::number(port));
    QCOMPARE(page.status, 200);
    QCOMPARE(waitForResult(finished).kind, Kind::Denied);
}

void TestOAuthSignIn::listenerTakesExactlyOneCallback()
{
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, request());
    QVERIFY(url.isValid());
    const quint16 port = quint16(signIn.redirectUri().port());
    const QUrl redirect = signInInBrowser(url, DemoTenant::adminEmail());
    QVERIFY(redirect.isValid());

    // A spare connection the browser opened and never used does not hold the listener open.
    QTcpSocket spare;
    spare.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    QTRY_COMPARE_WITH_TIMEOUT(spare.state(), QAbstractSocket::ConnectedState, kWait);

    QCOMPARE(follow(redirect).status, 200);
    // The same callback again, and a second connection of any kind: the port is closed.
    QVERIFY(follow(redirect).refused);
    QVERIFY(callLoopback(port, "GET /favicon.ico HTTP/1.1").refused);
    QTRY_COMPARE_WITH_TIMEOUT(spare.state(), QAbstractSocket::UnconnectedState, kWait);

    QVERIFY(waitForResult(finished).ok);
    QCOMPARE(m_simulator->requestCount(u"/oauth/token"_s), 1);
}

void TestOAuthSignIn::invalidSettingsDoNotStart_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QUrl>("tokenEndpoint");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("inMessage");
    const QUrl token(u"https://localhost:1/oauth/token"_s);
    QTest::newRow("no client id") << u"  "_s << token << QStringList {u"admin_classic"_s} << u"client ID"_s;
    QTest::newRow("plain http") << u"client"_s << QUrl(u"http://localhost:1/oauth/token"_s)
                                << QStringList {u"admin_classic"_s} << u"https"_s;
    QTest::newRow("no token address") << u"client"_s << QUrl() << QStringList {u"admin_classic"_s} << u"https"_s;
    QTest::newRow("no scopes") << u"client"_s << token << QStringList() << u"permissions"_s;
}

void TestOAuthSignIn::invalidSettingsDoNotStart()
{
    QFETCH(QString, clientId);
    QFETCH(QUrl, tokenEndpoint);
    QFETCH(QStringList, scopes);
    QFETCH(QString, inMessage);

    AuthorizationRequest sent = request();
    sent.clientId = clientId;
    sent.tokenEndpoint = tokenEndpoint;
    sent.scopes = scopes;
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    QSignalSpy browserNeeded(&signIn, &AuthorizationCodeSignIn::browserNeeded);
    signIn.start(sent);
    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::InvalidSettings);
    QVERIFY2(result.summary.message.contains(inMessage), qPrintable(result.summary.message));
    QVERIFY(!result.summary.advice.isEmpty());
    QCOMPARE(browserNeeded.size(), 0);
}

void TestOAuthSignIn::tokenEndpointUnreachable()
{
    // The token address refuses connections: the code cannot be exchanged, and the message says so.
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress(QHostAddress::LocalHost), 0));
    const quint16 closedPort = closed.serverPort();
    closed.close();

    AuthorizationRequest sent = request();
    sent.tokenEndpoint = QUrl(u"https://localhost:%1/oauth/token"_s.arg(closedPort));
    AuthorizationCodeSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &AuthorizationCodeSignIn::finished);
    const QUrl url = startAndWaitForBrowser(signIn, sent);
    QVERIFY(url.isValid());
    const QUrl redirect = signInInBrowser(url, DemoTenant::adminEmail());
    QVERIFY(redirect.isValid());
    QCOMPARE(follow(redirect).status, 200);

    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::Network);
    QCOMPARE(result.requestFailure.kind(), RequestFailure::Kind::ConnectionRefused);
    QVERIFY(result.summary.message.contains(QString::number(closedPort)));
}

void TestOAuthSignIn::untrustedCertificateIsReported()
{
    // Without the simulator's pin its certificate is not trusted: the failure carries the certificate, so the GUI can
    // show it and let the user decide, and the secret was never sent.
    const TlsTrust noPins;
    ClientCredentialsSignIn signIn(m_network.get(), &noPins);
    QSignalSpy finished(&signIn, &ClientCredentialsSignIn::finished);
    signIn.start(m_simulator->baseUrl().resolved(QUrl(u"/oauth/token"_s)), DemoTenant::m2mClientId(),
                 DemoTenant::m2mClientSecret().toLatin1());
    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, Kind::Network);
    QCOMPARE(result.requestFailure.kind(), RequestFailure::Kind::TlsUntrusted);
    QVERIFY(!result.requestFailure.certificateChain().isEmpty());
    QCOMPARE(result.summary.message, result.requestFailure.message());
    QCOMPARE(m_simulator->requestCount(u"/oauth/token"_s), 0);
}

void TestOAuthSignIn::clientCredentials_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<Kind>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("inMessage");

    const QByteArray secret = DemoTenant::m2mClientSecret().toLatin1();
    QTest::newRow("right id and secret") << DemoTenant::m2mClientId() << secret << QStringList {u"admin_classic"_s}
                                         << Kind::Ok << 0 << QString() << u"Signed in"_s;
    QTest::newRow("no scopes: what the client may")
        << DemoTenant::m2mClientId() << secret << QStringList() << Kind::Ok << 0 << QString() << u"Signed in"_s;
    QTest::newRow("wrong secret") << DemoTenant::m2mClientId() << QByteArray("not-the-secret") << QStringList()
                                  << Kind::TokenRefused << 401 << u"invalid_client"_s
                                  << u"client ID or the client secret"_s;
    QTest::newRow("unknown client") << u"no-such-client"_s << secret << QStringList() << Kind::TokenRefused << 401
                                    << u"invalid_client"_s << u"client ID or the client secret"_s;
    QTest::newRow("a scope the client may not use")
        << DemoTenant::m2mClientId() << secret << QStringList {u"offline_access"_s} << Kind::TokenRefused << 400
        << u"invalid_scope"_s << u"offline_access"_s;
    QTest::newRow("client without the grant")
        << u"web-without-grant"_s << QByteArray("web-secret-123") << QStringList() << Kind::TokenRefused << 400
        << u"unauthorized_client"_s << u"may not sign in on its own"_s;
    QTest::newRow("no secret") << DemoTenant::m2mClientId() << QByteArray() << QStringList() << Kind::InvalidSettings
                               << 0 << QString() << u"client secret"_s;
}

void TestOAuthSignIn::clientCredentials()
{
    QFETCH(QString, clientId);
    QFETCH(QByteArray, secret);
    QFETCH(QStringList, scopes);
    QFETCH(Kind, kind);
    QFETCH(int, status);
    QFETCH(QString, errorCode);
    QFETCH(QString, inMessage);

    Simulator::SimOAuthClient webClient;
    webClient.clientId = u"web-without-grant"_s;
    webClient.appType = u"web"_s;
    webClient.clientSecret = u"web-secret-123"_s;
    webClient.allowedScopes = {u"admin_classic"_s};
    m_simulator->tenant().oauthClients.append(webClient);
    keepSecret(secret);

    ClientCredentialsSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &ClientCredentialsSignIn::finished);
    signIn.start(m_simulator->baseUrl().resolved(QUrl(u"/oauth/token"_s)), clientId, std::move(secret), scopes);
    const OAuthResult result = waitForResult(finished);
    QCOMPARE(result.kind, kind);
    QCOMPARE(result.httpStatus, status);
    QCOMPARE(result.errorCode, errorCode);
    QVERIFY2(result.summary.message.contains(inMessage), qPrintable(result.summary.message));
    QCOMPARE(m_simulator->requestCount(u"/oauth/token"_s), kind == Kind::InvalidSettings ? 0 : 1);
    if (kind != Kind::Ok) {
        QVERIFY(!result.ok);
        QVERIFY(result.token.isEmpty());
        QVERIFY(!result.summary.advice.isEmpty());
        return;
    }
    QVERIFY(result.ok);
    QCOMPARE(result.token.scopes(), QStringList {u"admin_classic"_s});
    // The token acts as the client's TenantAdmin bot user.
    const QJsonObject me = whoAmI(result.token);
    QVERIFY(me.value(u"subject"_s).toString().startsWith(u"qlikbot\\"_s));
}

void TestOAuthSignIn::clientCredentialsCancel()
{
    m_simulator->setResponseDelay(u"/oauth/token"_s, -1);
    ClientCredentialsSignIn signIn(m_network.get(), m_trust.get());
    QSignalSpy finished(&signIn, &ClientCredentialsSignIn::finished);
    signIn.start(m_simulator->baseUrl().resolved(QUrl(u"/oauth/token"_s)), DemoTenant::m2mClientId(),
                 DemoTenant::m2mClientSecret().toLatin1());
    QVERIFY(signIn.isRunning());
    QTRY_COMPARE_WITH_TIMEOUT(m_simulator->requestCount(u"/oauth/token"_s), 1, kWait);
    signIn.cancel();
    QCOMPARE(waitForResult(finished).kind, Kind::Cancelled);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

QTEST_GUILESS_MAIN(TestOAuthSignIn)
#include "tst_oauthsignin.moc"
