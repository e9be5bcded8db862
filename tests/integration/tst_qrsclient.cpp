// The QRS client over real HTTPS to small in-test sites that behave as the Qlik Sense Enterprise proxy and repository
// do: a fresh xrfkey in query and header, the virtual proxy prefix kept, the session cookie as a header for the site
// only (the cookie jar left out), the client certificate and X-Qlik-User for the repository, the proxy's sign-in
// redirect reported as a session that ended, and each refusal in words.
#include "net/CertificateSummary.h"
#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qrs/QrsClient.h"
#include "qrs/QrsFilter.h"
#include "qrs/QrsProblem.h"
#include "qrs/Xrfkey.h"
#include "simulator/common/CertificateAuthority.h"
#include "simulator/common/SimulatorHost.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkCookie>
#include <QNetworkCookieJar>
#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;
using Simulator::CertificateAuthority;
using Simulator::SimRequest;
using Simulator::SimResponse;
using Simulator::SimulatorHost;

namespace {

const QByteArray sessionCookieName = QByteArrayLiteral("X-Qlik-Session");
const QByteArray sessionValue = QByteArrayLiteral("0b6b1b5e-session-for-tests");

SimResponse text(int status, const QByteArray &body)
{
    return SimResponse {status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}}, body, {}};
}

// The xrfkey rule every QRS answer starts with: the query's `xrfkey` (any case) equals X-Qlik-Xrfkey.
bool xrfkeyMatches(const SimRequest &request)
{
    QString fromQuery;
    for (const auto &item : request.query.queryItems(QUrl::FullyDecoded)) {
        if (item.first.compare(QLatin1String("xrfkey"), Qt::CaseInsensitive) == 0)
            fromQuery = item.second;
    }
    const QByteArray fromHeader = request.header("X-Qlik-Xrfkey");
    return Xrfkey::isWellFormed(fromHeader) && fromQuery == QString::fromLatin1(fromHeader);
}

// What one request brought, as the site saw it before answering (RecordedRequest keeps no cookie values).
struct Seen
{
    QByteArray method;
    QString path;
    QByteArray xrfkey;
    QByteArray cookie;
    QByteArray qlikUser;
    QString filter;
    QByteArray contentType;
    QByteArray body;
};

} // namespace

// One site in the test: the proxy (a session cookie decides who calls) or the repository (a client certificate and
// X-Qlik-User do). A path may be made to answer with a chosen status and body instead.
class QrsSite
{
public:
    enum class Kind { Proxy, Repository };

    explicit QrsSite(Kind kind)
        : m_kind(kind)
    {
        m_host.addHandler(QStringLiteral("/"), [this](const SimRequest &request) { return answer(request); });
    }

    SimulatorHost &host() { return m_host; }
    QList<Seen> seen() const { return m_seen; }
    void answerWith(const QString &pathSuffix, int status, const QByteArray &body)
    {
        m_fixed.insert(pathSuffix, text(status, body));
    }
    void setCookie(const QByteArray &setCookie) { m_setCookie = setCookie; }

private:
    SimResponse answer(const SimRequest &request)
    {
        m_seen.append({request.method, request.path, request.header("X-Qlik-Xrfkey"), request.header("Cookie"),
                       request.header("X-Qlik-User"),
                       request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
                       request.contentType(), request.body});
        if (!xrfkeyMatches(request))
            return text(400, {});
        if (m_kind == Kind::Proxy && request.header("Cookie") != sessionCookieName + '=' + sessionValue) {
            const int qrs = request.path.indexOf(QLatin1String("/qrs/"));
            return SimResponse::redirect(
                302, request.path.left(qrs) + QStringLiteral("/internal_forms_authentication/?targetId=7"));
        }
        for (auto it = m_fixed.cbegin(); it != m_fixed.cend(); ++it) {
            if (request.path.endsWith(it.key()))
                return it.value();
        }
        SimResponse response;
        if (request.path.endsWith(QLatin1String("/qrs/about")))
            response =
                SimResponse::json(200, QJsonObject {{QStringLiteral("buildVersion"), QStringLiteral("31.22.7.0")}});
        else
            response = SimResponse::json(200, QByteArrayLiteral("[]"));
        if (!m_setCookie.isEmpty())
            response.headers.append({QByteArrayLiteral("Set-Cookie"), m_setCookie});
        return response;
    }

    Kind m_kind;
    SimulatorHost m_host;
    QList<Seen> m_seen;
    QHash<QString, SimResponse> m_fixed;
    QByteArray m_setCookie;
};

class TestQrsClient : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void everyRequestHasAFreshMatchingXrfkey();
    void virtualProxyPrefixIsKept();
    void filterArrivesAsWritten();
    void writeCarriesTheWholeEntity();
    void sessionCookieGoesAsAHeaderToTheSiteOnly();
    void cookieJarNeitherAddsNorKeeps();
    void signInRedirectIsASessionThatEnded();
    void redirectElsewhereIsNotFollowed();
    void certificateAndUserGoToTheRepository();
    void repositoryWithoutTheCertificateRefusesTheHandshake();
    void missingXrfkeyIsExplained();
    void refusalsInWords_data();
    void refusalsInWords();
    void hostNotOnTheAllowList_data();
    void hostNotOnTheAllowList();
    void timeoutAndUntrustedCertificateInWords();

private:
    QlikRequest *run(QlikRequest *request);
    void trust(SimulatorHost &host, const QString &hostName = QStringLiteral("localhost"));
    QUrl baseUrl(SimulatorHost &host, const QString &path = {}, const QString &hostName = QStringLiteral("localhost"));

    CertificateAuthority m_authority;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
};

void TestQrsClient::initTestCase()
{
    // These sites speak Qlik Sense Enterprise; the exchange log is held to Qlik Cloud's specs.
    qunsetenv("DQS_SIMULATOR_EXCHANGE_LOG");
    m_authority = CertificateAuthority::generate(QStringLiteral("QLIKSERVER1-CA"));
    QVERIFY2(!m_authority.isNull(), qPrintable(m_authority.errorString()));
}

void TestQrsClient::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
}

void TestQrsClient::cleanup()
{
    m_network.reset();
    m_trust.reset();
}

QlikRequest *TestQrsClient::run(QlikRequest *request)
{
    QSignalSpy finished(request, &QlikRequest::finished);
    request->start();
    if (finished.isEmpty() && !finished.wait(20000))
        return nullptr;
    return request;
}

void TestQrsClient::trust(SimulatorHost &host, const QString &hostName)
{
    m_trust->pin(QStringLiteral("%1:%2").arg(hostName).arg(host.port()),
                 CertificateSummary::sha256(host.certificate()));
}

QUrl TestQrsClient::baseUrl(SimulatorHost &host, const QString &path, const QString &hostName)
{
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(hostName);
    url.setPort(host.port());
    url.setPath(path);
    return url;
}

void TestQrsClient::everyRequestHasAFreshMatchingXrfkey()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    trust(site.host());
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host()));
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    QSet<QByteArray> keys;
    for (int i = 0; i < 3; ++i) {
        QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/about")));
        QVERIFY(request);
        QVERIFY2(request->isSuccess(),
                 qPrintable(QrsProblem::describe(request, QStringLiteral("Reading"), qrs.identity()).message));
        QCOMPARE(request->json().object().value(QStringLiteral("buildVersion")).toString(),
                 QStringLiteral("31.22.7.0"));
    }
    for (const Seen &seen : site.seen())
        keys.insert(seen.xrfkey);
    QCOMPARE(site.seen().size(), 3);
    QCOMPARE(keys.size(), 3);
}

void TestQrsClient::virtualProxyPrefixIsKept()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    trust(site.host());
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host(), QStringLiteral("/sso/")));
    QCOMPARE(qrs.baseUrl().path(), QStringLiteral("/sso"));
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/about")));
    QVERIFY(request);
    QVERIFY(request->isSuccess());
    QCOMPARE(site.seen().at(0).path, QStringLiteral("/sso/qrs/about"));

    qrs.setBaseUrl(baseUrl(site.host(), QStringLiteral("/")));
    QCOMPARE(qrs.urlFor(QStringLiteral("/qrs/about")).path(), QStringLiteral("/qrs/about"));
}

void TestQrsClient::filterArrivesAsWritten()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    trust(site.host());
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host()));
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    const QString filter = QrsFilter::allEqual({{QStringLiteral("name"), QStringLiteral("O'Brien & Co #1 = 100%")},
                                                {QStringLiteral("userDirectory"), QStringLiteral("CORP")}});
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), filter);
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/user/full"), query));
    QVERIFY(request);
    QVERIFY(request->isSuccess());
    QCOMPARE(site.seen().at(0).filter, filter);
}

void TestQrsClient::writeCarriesTheWholeEntity()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    trust(site.host());
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host(), QStringLiteral("/sso")));
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    const QJsonObject entity {{QStringLiteral("id"), QStringLiteral("4c9ab1a8")},
                              {QStringLiteral("modifiedDate"), QStringLiteral("2026-12-07T08:00:00.000Z")}};
    QlikRequest *request = run(
        qrs.send(QByteArrayLiteral("PUT"), QStringLiteral("/qrs/proxyservice/4c9ab1a8"), {}, QJsonDocument(entity)));
    QVERIFY(request);
    QVERIFY(request->isSuccess());
    const Seen seen = site.seen().at(0);
    QCOMPARE(seen.method, QByteArrayLiteral("PUT"));
    QCOMPARE(seen.path, QStringLiteral("/sso/qrs/proxyservice/4c9ab1a8"));
    QCOMPARE(seen.contentType, QByteArrayLiteral("application/json"));
    QCOMPARE(QJsonDocument::fromJson(seen.body).object(), entity);
    QVERIFY(Xrfkey::isWellFormed(seen.xrfkey));
}

void TestQrsClient::sessionCookieGoesAsAHeaderToTheSiteOnly()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    trust(site.host());
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host()));
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    QVERIFY(run(qrs.get(QStringLiteral("/qrs/about"))));
    QCOMPARE(site.seen().at(0).cookie, sessionCookieName + '=' + sessionValue);
    QVERIFY(site.seen().at(0).qlikUser.isEmpty());

    // Another server in the same run, asked through a client without the session, never sees it.
    QrsSite other(QrsSite::Kind::Proxy);
    QVERIFY(other.host().start());
    trust(other.host());
    QrsClient plain(m_network.get(), m_trust.get());
    plain.setBaseUrl(baseUrl(other.host()));
    QlikRequest *request = run(plain.get(QStringLiteral("/qrs/about")));
    QVERIFY(request);
    QVERIFY(other.seen().at(0).cookie.isEmpty());

    // Cleared means gone from the next request.
    qrs.clearIdentity();
    QCOMPARE(qrs.identity(), QrsClient::Identity::None);
    QVERIFY(run(qrs.get(QStringLiteral("/qrs/about"))));
    QVERIFY(site.seen().constLast().cookie.isEmpty());
}

void TestQrsClient::cookieJarNeitherAddsNorKeeps()
{
    QrsSite site(QrsSite::Kind::Proxy);
    site.setCookie(QByteArrayLiteral("Tracker=from-the-answer; Path=/; Secure"));
    QVERIFY(site.host().start());
    trust(site.host());
    const QUrl base = baseUrl(site.host());
    m_network->cookieJar()->setCookiesFromUrl({QNetworkCookie("JarCookie", "already-there")}, base);

    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(base);
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    QVERIFY(run(qrs.get(QStringLiteral("/qrs/about"))));
    QVERIFY(run(qrs.get(QStringLiteral("/qrs/about"))));
    for (const Seen &seen : site.seen())
        QCOMPARE(seen.cookie, sessionCookieName + '=' + sessionValue);
    const QList<QNetworkCookie> kept = m_network->cookieJar()->cookiesForUrl(base);
    QCOMPARE(kept.size(), 1);
    QCOMPARE(kept.at(0).name(), QByteArrayLiteral("JarCookie"));
}

void TestQrsClient::signInRedirectIsASessionThatEnded()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    trust(site.host());
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host(), QStringLiteral("/sso")));
    qrs.setSessionCookie(sessionCookieName, QByteArrayLiteral("expired-session"));
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/about")));
    QVERIFY(request);
    QVERIFY(!request->isSuccess());
    QCOMPARE(request->httpStatus(), 302);
    QVERIFY(QrsProblem::isSignInRedirect(request));
    const UserMessage problem = QrsProblem::describe(request, QStringLiteral("Reading the site"), qrs.identity());
    QVERIFY2(problem.message.contains(QLatin1String("session has ended")), qPrintable(problem.message));
    QVERIFY(problem.advice.contains(QLatin1String("Sign in again")));
    // The login page itself was not asked for.
    QCOMPARE(site.seen().size(), 1);
}

void TestQrsClient::redirectElsewhereIsNotFollowed()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QrsSite elsewhere(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    QVERIFY(elsewhere.host().start());
    trust(site.host());
    trust(elsewhere.host());
    QUrl target = baseUrl(elsewhere.host(), QStringLiteral("/saml/login"));
    site.host().setRedirectTarget(QStringLiteral("/qrs/about"), target);
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host()));
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/about")));
    QVERIFY(request);
    QCOMPARE(request->httpStatus(), 302);
    QVERIFY(!QrsProblem::isSignInRedirect(request));
    const UserMessage problem = QrsProblem::describe(request, QStringLiteral("Reading the site"), qrs.identity());
    QVERIFY2(problem.message.contains(elsewhere.host().hostAndPort()), qPrintable(problem.message));
    QVERIFY(problem.advice.contains(QLatin1String("SAML")));
    QCOMPARE(elsewhere.host().requests().size(), 0);
}

void TestQrsClient::certificateAndUserGoToTheRepository()
{
    const CertificateAuthority::Issued server = m_authority.issueServer();
    const CertificateAuthority::Issued client = m_authority.issueClient(QStringLiteral("QlikClient"));
    QVERIFY(!server.isNull() && !client.isNull());
    QrsSite repository(QrsSite::Kind::Repository);
    repository.host().setServerIdentity(server.certificate, server.key);
    repository.host().setClientCertificates(SimulatorHost::ClientCertificates::Require, {m_authority.certificate()});
    QVERIFY(repository.host().start());

    // No pin: the bundle's CA vouches for the repository's certificate, for this origin only.
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(repository.host()));
    qrs.setCertificate(CertificateBundle(client.certificate, client.key, {m_authority.certificate()}),
                       QStringLiteral("CORP"), QStringLiteral("jürgen o'neil"));
    QCOMPARE(qrs.identity(), QrsClient::Identity::Certificate);
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/about")));
    QVERIFY(request);
    QVERIFY2(request->isSuccess(),
             qPrintable(QrsProblem::describe(request, QStringLiteral("Reading"), qrs.identity()).message));
    QCOMPARE(repository.host().requests().at(0).clientCertificate, client.certificate);
    QCOMPARE(repository.seen().at(0).qlikUser, QByteArrayLiteral("UserDirectory=CORP; UserId=j%C3%BCrgen%20o%27neil"));
    QVERIFY(repository.seen().at(0).cookie.isEmpty());

    // A server that only asks for a certificate, reached by a client without the bundle, gets none.
    QrsSite asking(QrsSite::Kind::Repository);
    asking.host().setClientCertificates(SimulatorHost::ClientCertificates::Ask);
    QVERIFY(asking.host().start());
    trust(asking.host());
    QrsClient plain(m_network.get(), m_trust.get());
    plain.setBaseUrl(baseUrl(asking.host()));
    QVERIFY(run(plain.get(QStringLiteral("/qrs/about"))));
    QCOMPARE(asking.host().requests().size(), 1);
    QVERIFY(asking.host().requests().at(0).clientCertificate.isNull());
    QVERIFY(asking.seen().at(0).qlikUser.isEmpty());
}

void TestQrsClient::repositoryWithoutTheCertificateRefusesTheHandshake()
{
    const CertificateAuthority::Issued server = m_authority.issueServer();
    QrsSite repository(QrsSite::Kind::Repository);
    repository.host().setServerIdentity(server.certificate, server.key);
    repository.host().setClientCertificates(SimulatorHost::ClientCertificates::Require, {m_authority.certificate()});
    QVERIFY(repository.host().start());
    const CertificateAuthority stranger = CertificateAuthority::generate(QStringLiteral("OTHER-CA"));
    const CertificateAuthority::Issued strangersClient = stranger.issueClient(QStringLiteral("QlikClient"));
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(repository.host()));
    qrs.setCertificate(CertificateBundle(strangersClient.certificate, strangersClient.key, {m_authority.certificate()}),
                       QStringLiteral("INTERNAL"), QStringLiteral("sa_repository"));
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/about")));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::ClientCertificateRefused);
    const UserMessage problem = QrsProblem::describe(request, QStringLiteral("Reading the site"), qrs.identity());
    QVERIFY2(problem.message.startsWith(QLatin1String("Reading the site failed: ")), qPrintable(problem.message));
    QVERIFY(problem.message.contains(QLatin1String("did not accept the client certificate")));
}

void TestQrsClient::missingXrfkeyIsExplained()
{
    QrsSite site(QrsSite::Kind::Proxy);
    QVERIFY(site.host().start());
    trust(site.host());
    // The transport alone, without QrsClient's xrfkey: the site refuses as the QRS does.
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host()));
    QlikClient *transport = qrs.qlikClient();
    QlikRequest *request = run(transport->send(qrs.urlFor(QStringLiteral("/qrs/about")), transport->defaultOptions()));
    QVERIFY(request);
    QCOMPARE(request->httpStatus(), 400);
    const UserMessage problem = QrsProblem::describe(request, QStringLiteral("Reading the site"), qrs.identity());
    QVERIFY2(problem.message.contains(QLatin1String("not well formed")), qPrintable(problem.message));
    QVERIFY(problem.advice.contains(QLatin1String("xrfkey")));
}

void TestQrsClient::refusalsInWords_data()
{
    QTest::addColumn<bool>("certificate");
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("inMessage");
    QTest::addColumn<QString>("inAdvice");
    QTest::newRow("401 session") << false << 401 << QByteArray() << "no longer accepts the sign-in"
                                 << "Sign in again";
    QTest::newRow("401 certificate") << true << 401 << QByteArray() << "did not accept the client certificate"
                                     << "QMC";
    QTest::newRow("403 inactive") << false << 403
                                  << QByteArrayLiteral(
                                         "Your account is inactive. Contact your administrator to activate it.")
                                  << "Your account is inactive"
                                  << "activate it";
    QTest::newRow("403 rule") << false << 403 << QByteArray() << "signed-in user may not do this"
                              << "RootAdmin";
    QTest::newRow("403 certificate user") << true << 403 << QByteArray() << "user named for the certificate"
                                          << "X-Qlik-User";
    QTest::newRow("404") << false << 404 << QByteArray() << "has nothing at /qrs/proxyservice/full"
                         << "virtual proxy prefix";
    QTest::newRow("409") << false << 409 << QByteArray() << "changed it in Qlik meanwhile"
                         << "modifiedDate";
    QTest::newRow("500") << false << 500 << QByteArray() << "problem on its side (HTTP 500)"
                         << "few minutes";
    QTest::newRow("503") << true << 503 << QByteArray() << "problem on its side (HTTP 503)"
                         << "few minutes";
}

void TestQrsClient::refusalsInWords()
{
    QFETCH(bool, certificate);
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, inMessage);
    QFETCH(QString, inAdvice);
    QrsSite site(certificate ? QrsSite::Kind::Repository : QrsSite::Kind::Proxy);
    site.answerWith(QStringLiteral("/qrs/proxyservice/full"), status, body);
    QrsClient qrs(m_network.get(), m_trust.get());
    if (certificate) {
        const CertificateAuthority::Issued server = m_authority.issueServer();
        const CertificateAuthority::Issued client = m_authority.issueClient(QStringLiteral("QlikClient"));
        site.host().setServerIdentity(server.certificate, server.key);
        site.host().setClientCertificates(SimulatorHost::ClientCertificates::Require, {m_authority.certificate()});
        qrs.setCertificate(CertificateBundle(client.certificate, client.key, {m_authority.certificate()}),
                           QStringLiteral("CORP"), QStringLiteral("analyst"));
    } else {
        qrs.setSessionCookie(sessionCookieName, sessionValue);
    }
    QVERIFY(site.host().start());
    if (!certificate)
        trust(site.host());
    qrs.setBaseUrl(baseUrl(site.host()));
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/proxyservice/full")));
    QVERIFY(request);
    QCOMPARE(request->httpStatus(), status);
    const UserMessage problem = QrsProblem::describe(request, QStringLiteral("Reading the proxies"), qrs.identity());
    QVERIFY2(problem.message.startsWith(QLatin1String("Reading the proxies failed: ")), qPrintable(problem.message));
    QVERIFY2(problem.message.contains(inMessage), qPrintable(problem.message));
    QVERIFY2(problem.advice.contains(inAdvice), qPrintable(problem.advice));
    QVERIFY(problem.detail.contains(QString::number(status)));
    QVERIFY(!problem.message.contains(QString::fromLatin1(sessionValue)));
}

void TestQrsClient::hostNotOnTheAllowList_data()
{
    QTest::addColumn<QString>("hostName");
    QTest::addColumn<QString>("inAdvice");
    QTest::newRow("short name") << QStringLiteral("localhost") << QStringLiteral("localhost is a short name");
    QTest::newRow("IP address") << QStringLiteral("127.0.0.1") << QStringLiteral("127.0.0.1 is an IP address");
}

void TestQrsClient::hostNotOnTheAllowList()
{
    QFETCH(QString, hostName);
    QFETCH(QString, inAdvice);
    QrsSite site(QrsSite::Kind::Proxy);
    site.answerWith(QStringLiteral("/qrs/about"), 400, QByteArrayLiteral("The http request header is incorrect."));
    QVERIFY(site.host().start());
    trust(site.host(), hostName);
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host(), {}, hostName));
    qrs.setSessionCookie(sessionCookieName, sessionValue);
    QlikRequest *request = run(qrs.get(QStringLiteral("/qrs/about")));
    QVERIFY(request);
    QCOMPARE(request->httpStatus(), 400);
    const UserMessage problem = QrsProblem::describe(request, QStringLiteral("Reading the site"), qrs.identity());
    QVERIFY2(problem.message.contains(QLatin1String("does not accept the address ") + hostName),
             qPrintable(problem.message));
    QVERIFY2(problem.advice.contains(inAdvice), qPrintable(problem.advice));
    QVERIFY(problem.advice.contains(QLatin1String("host allow list")));
}

void TestQrsClient::timeoutAndUntrustedCertificateInWords()
{
    QrsSite site(QrsSite::Kind::Proxy);
    site.host().setResponseDelay(QStringLiteral("/qrs/app"), -1);
    QVERIFY(site.host().start());
    QrsClient qrs(m_network.get(), m_trust.get());
    qrs.setBaseUrl(baseUrl(site.host()));
    qrs.setSessionCookie(sessionCookieName, sessionValue);

    // Not trusted yet: the advice is about the site's own CA.
    QlikRequest *untrusted = run(qrs.get(QStringLiteral("/qrs/about")));
    QVERIFY(untrusted);
    QCOMPARE(untrusted->failure().kind(), RequestFailure::Kind::TlsUntrusted);
    const UserMessage notTrusted = QrsProblem::describe(untrusted, QStringLiteral("Reading the site"), qrs.identity());
    QVERIFY2(notTrusted.advice.contains(QLatin1String("root.pem")), qPrintable(notTrusted.advice));
    QVERIFY(!notTrusted.advice.contains(QLatin1String("Qlik Cloud")));

    trust(site.host());
    QlikRequestOptions options = qrs.qlikClient()->defaultOptions();
    options.timeout = std::chrono::milliseconds(500);
    qrs.qlikClient()->setDefaultOptions(options);
    QlikRequest *slow = run(qrs.get(QStringLiteral("/qrs/app/full")));
    QVERIFY(slow);
    QCOMPARE(slow->failure().kind(), RequestFailure::Kind::TimedOut);
    const UserMessage timedOut = QrsProblem::describe(slow, QStringLiteral("Reading the apps"), qrs.identity());
    QVERIFY2(timedOut.message.contains(QLatin1String("did not answer")), qPrintable(timedOut.message));
}

QTEST_GUILESS_MAIN(TestQrsClient)
#include "tst_qrsclient.moc"
