// The JWT virtual proxy of the simulated Qlik Sense site over real HTTPS on the proxy port: linked and unlinked
// prefixes, its own host allow list, Bearer tokens signed with libcrypto in the test (alg, signature, exp, nbf/iat,
// claim names), users made at first use, inactive users, sessions with their cookie and CSRF token, qps/user and its
// DELETE, the QRS as the session's user, and what the Engine's WebSocket is told about a session.
#include "SiteTestClient.h"
#include "TestJwtSigner.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <memory>

using namespace Dawiso::Simulator;

namespace {

const QString prefix = QStringLiteral("dawiso");
const QString cookieName = QStringLiteral("X-Qlik-Session-dawiso");
const QByteArray wrongHeader = QByteArrayLiteral("The http request header is incorrect.");
const QByteArray inactiveText =
    QByteArrayLiteral("Your account is inactive. Contact your administrator to activate it.");

SiteTestClient::Headers bearer(const QByteArray &token)
{
    return {{"Authorization", QByteArrayLiteral("Bearer ") + token}};
}

SiteTestClient::Headers withCookie(const QByteArray &cookie)
{
    return {{"Cookie", cookie}};
}

} // namespace

class TestQlikSenseSiteJwt : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void bearerMakesASessionWithCookieAndCsrfToken();
    void withoutTokenOrSessionIs401();
    void refusedTokens_data();
    void refusedTokens();
    void acceptedTokens_data();
    void acceptedTokens();
    void claimNamesFollowTheVirtualProxy();
    void unknownUserIsCreatedOnFirstUse();
    void inactiveUserIsRefused();
    void unlinkedPrefixIsAWrongHeader();
    void hostMustBeOnTheVirtualProxysAllowList();
    void deleteEndsTheUsersSessionsOnThatProxy();
    void qrsThroughTheJwtProxyAsTheSessionUser();
    void engineSessionFollowsTheProxysRules();
    void defaultAndSsoProxiesStillSignIn();

private:
    // Adds the JWT virtual proxy with this prefix (linked unless told otherwise), trusting the signer's certificate.
    SiteVirtualProxy &addJwtProxy(const QString &proxyPrefix, bool linked = true);
    QString path(const QString &rest, const QString &proxyPrefix = prefix) const { return u'/' + proxyPrefix + rest; }
    SiteTestClient::Answer bootstrap(const QString &userDirectory, const QString &userId,
                                     const QString &proxyPrefix = prefix);

    TestJwtSigner m_signer;
    TestJwtSigner m_otherSigner;
    std::unique_ptr<QlikSenseSite> m_site;
    std::unique_ptr<SiteTestClient> m_client;
};

void TestQlikSenseSiteJwt::initTestCase()
{
    QVERIFY2(!m_signer.isNull(), qPrintable(m_signer.errorString()));
    QVERIFY2(!m_otherSigner.isNull(), qPrintable(m_otherSigner.errorString()));
}

void TestQlikSenseSiteJwt::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY2(m_site->start(), qPrintable(m_site->errorString()));
    m_client = std::make_unique<SiteTestClient>(*m_site);
    addJwtProxy(prefix);
}

void TestQlikSenseSiteJwt::cleanup()
{
    m_client.reset();
    m_site.reset();
}

SiteVirtualProxy &TestQlikSenseSiteJwt::addJwtProxy(const QString &proxyPrefix, bool linked)
{
    SiteDirectory &directory = m_site->directory();
    SiteVirtualProxy proxy;
    proxy.id =
        QStringLiteral("0b41e2c1-7d3a-4e5f-9a1b-%1").arg(directory.virtualProxies.size(), 12, 10, QLatin1Char('0'));
    proxy.prefix = proxyPrefix;
    proxy.sessionCookieHeaderName = QStringLiteral("X-Qlik-Session-") + proxyPrefix;
    proxy.authenticationMethod = SiteVirtualProxy::jwtAuthentication;
    proxy.websocketCrossOriginWhiteList = {QStringLiteral("localhost")};
    proxy.loadBalancingNodeIds = {directory.nodes.at(0).id};
    proxy.jwtPublicKeyCertificate = m_signer.certificatePem();
    proxy.jwtAttributeUserId = QStringLiteral("userId");
    proxy.jwtAttributeUserDirectory = QStringLiteral("userDirectory");
    directory.virtualProxies.append(proxy);
    if (linked)
        directory.proxyServices[0].virtualProxyIds.append(proxy.id);
    return directory.virtualProxies.last();
}

SiteTestClient::Answer TestQlikSenseSiteJwt::bootstrap(const QString &userDirectory, const QString &userId,
                                                       const QString &proxyPrefix)
{
    return m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken"), proxyPrefix),
                           bearer(m_signer.sign(TestJwtSigner::claimsFor(userDirectory, userId))), false);
}

void TestQlikSenseSiteJwt::bearerMakesASessionWithCookieAndCsrfToken()
{
    const SiteTestClient::Answer made = bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    QCOMPARE(made.status, 200);
    QVERIFY(made.body.isEmpty());
    const QByteArray csrf = made.headers.value("qlik-csrf-token");
    QVERIFY(!csrf.isEmpty());
    const QByteArray setCookie = made.headers.value("set-cookie");
    QVERIFY(setCookie.startsWith(cookieName.toLatin1().append('=')));
    QVERIFY(setCookie.endsWith("; Path=/; HttpOnly; Secure"));
    const QByteArray cookie = made.cookie();
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 1);

    // The cookie alone is that user now.
    const SiteTestClient::Answer user =
        m_client->proxy("GET", path(QStringLiteral("/qps/user")), withCookie(cookie), true);
    QCOMPARE(user.status, 200);
    QCOMPARE(user.object().value(u"userDirectory").toString(), QStringLiteral("CORP"));
    QCOMPARE(user.object().value(u"userId").toString(), QStringLiteral("svc_dawiso"));
    QCOMPARE(user.object().value(u"userName").toString(), QStringLiteral("Dawiso Service"));
    QVERIFY(cookie.endsWith(QByteArray(1, '=').append(user.object().value(u"session").toString().toLatin1())));
    // qps/user wants the xrfkey.
    QCOMPARE(m_client->proxy("GET", path(QStringLiteral("/qps/user")), withCookie(cookie), false).status, 400);

    // The session keeps its CSRF token; no new session, no new cookie.
    const SiteTestClient::Answer again =
        m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), withCookie(cookie), false);
    QCOMPARE(again.status, 200);
    QVERIFY(again.headers.value("qlik-csrf-token") == csrf);
    QVERIFY(!again.headers.contains("set-cookie"));
    // A token with the same user's cookie reuses the session.
    SiteTestClient::Headers both =
        bearer(m_signer.sign(TestJwtSigner::claimsFor(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"))));
    both.append({"Cookie", cookie});
    const SiteTestClient::Answer reused = m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), both, false);
    QCOMPARE(reused.status, 200);
    QVERIFY(!reused.headers.contains("set-cookie"));
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 1);

    // Every further bootstrap with a token alone is a new session with its own token.
    const SiteTestClient::Answer second = bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    QCOMPARE(second.status, 200);
    QVERIFY(second.cookie() != cookie);
    QVERIFY(second.headers.value("qlik-csrf-token") != csrf);
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 2);
}

void TestQlikSenseSiteJwt::withoutTokenOrSessionIs401()
{
    const SiteTestClient::Answer none = m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), {}, false);
    QCOMPARE(none.status, 401);
    QVERIFY(none.headers.value("content-type").startsWith("text/plain"));
    QVERIFY(!none.headers.contains("location")); // no sign-in page on a JWT proxy
    QCOMPARE(m_client
                 ->proxy("GET", path(QStringLiteral("/qps/csrftoken")),
                         withCookie(cookieName.toLatin1() + "=0123456789abcdef0123456789abcdef"), false)
                 .status,
             401);
    // The sso proxy's session is no session here.
    const QByteArray ssoCookie = "X-Qlik-Session-sso="
        + bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")).cookie().mid(cookieName.size() + 1);
    QCOMPARE(m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), withCookie(ssoCookie), false).status, 401);
    QCOMPARE(
        m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), {{"Authorization", "Basic dXNlcjpwYXNz"}}, false)
            .status,
        401);
}

void TestQlikSenseSiteJwt::refusedTokens_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QJsonObject>("claims");
    QTest::addColumn<bool>("otherKey");
    QTest::addColumn<QByteArray>("mangle"); // replaces the token when not empty

    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject good = TestJwtSigner::claimsFor(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    const auto with = [&good](const QString &name, const QJsonValue &value) {
        QJsonObject claims = good;
        if (value.isUndefined())
            claims.remove(name);
        else
            claims.insert(name, value);
        return claims;
    };
    const QString rs256 = QStringLiteral("RS256");
    QTest::newRow("HS256") << QStringLiteral("HS256") << good << false << QByteArray();
    QTest::newRow("none") << QStringLiteral("none") << good << false << QByteArray();
    QTest::newRow("ES256") << QStringLiteral("ES256") << good << false << QByteArray();
    QTest::newRow("lowercase rs256") << QStringLiteral("rs256") << good << false << QByteArray();
    QTest::newRow("another key") << rs256 << good << true << QByteArray();
    QTest::newRow("expired") << rs256 << with(QStringLiteral("exp"), now - 5) << false << QByteArray();
    QTest::newRow("no exp") << rs256 << with(QStringLiteral("exp"), QJsonValue::Undefined) << false << QByteArray();
    QTest::newRow("exp as text") << rs256 << with(QStringLiteral("exp"), QString::number(now + 600)) << false
                                 << QByteArray();
    QTest::newRow("nbf in 2 minutes") << rs256 << with(QStringLiteral("nbf"), now + 120) << false << QByteArray();
    QTest::newRow("iat in 2 minutes") << rs256 << with(QStringLiteral("iat"), now + 120) << false << QByteArray();
    QTest::newRow("no userId") << rs256 << with(QStringLiteral("userId"), QJsonValue::Undefined) << false
                               << QByteArray();
    QTest::newRow("empty userDirectory") << rs256 << with(QStringLiteral("userDirectory"), QString()) << false
                                         << QByteArray();
    QTest::newRow("numeric userId") << rs256 << with(QStringLiteral("userId"), 42) << false << QByteArray();
    QTest::newRow("two parts") << rs256 << good << false << QByteArrayLiteral("eyJhbGciOiJSUzI1NiJ9.e30");
    QTest::newRow("not base64url") << rs256 << good << false << QByteArrayLiteral("a.b.c");
}

void TestQlikSenseSiteJwt::refusedTokens()
{
    QFETCH(QString, alg);
    QFETCH(QJsonObject, claims);
    QFETCH(bool, otherKey);
    QFETCH(QByteArray, mangle);
    const QByteArray token = !mangle.isEmpty() ? mangle : (otherKey ? m_otherSigner : m_signer).sign(claims, alg);
    QVERIFY(!token.isEmpty());
    const int users = m_site->directory().users.size();
    const SiteTestClient::Answer refused =
        m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), bearer(token), false);
    QCOMPARE(refused.status, 401);
    QVERIFY(refused.headers.value("content-type").startsWith("text/plain"));
    QVERIFY(!refused.headers.contains("set-cookie"));
    QVERIFY(!refused.headers.contains("qlik-csrf-token"));
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 0);
    QCOMPARE(m_site->directory().users.size(), users);
}

void TestQlikSenseSiteJwt::acceptedTokens_data()
{
    QTest::addColumn<QString>("alg");
    QTest::addColumn<QJsonObject>("claims");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QJsonObject good = TestJwtSigner::claimsFor(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    QJsonObject skewed = good;
    skewed.insert(QStringLiteral("iat"), now + 30); // within the minute Qlik allows
    skewed.insert(QStringLiteral("nbf"), now + 30);
    QJsonObject bare = good;
    bare.remove(QStringLiteral("iat"));
    QTest::newRow("RS256") << QStringLiteral("RS256") << good;
    QTest::newRow("RS384") << QStringLiteral("RS384") << good;
    QTest::newRow("RS512") << QStringLiteral("RS512") << good;
    QTest::newRow("iat and nbf 30 s ahead") << QStringLiteral("RS256") << skewed;
    QTest::newRow("no iat") << QStringLiteral("RS256") << bare;
}

void TestQlikSenseSiteJwt::acceptedTokens()
{
    QFETCH(QString, alg);
    QFETCH(QJsonObject, claims);
    const SiteTestClient::Answer accepted =
        m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), bearer(m_signer.sign(claims, alg)), false);
    QCOMPARE(accepted.status, 200);
    QVERIFY(!accepted.cookie().isEmpty());
}

void TestQlikSenseSiteJwt::claimNamesFollowTheVirtualProxy()
{
    SiteVirtualProxy *proxy =
        m_site->directory().virtualProxies.size() > 2 ? &m_site->directory().virtualProxies[2] : nullptr;
    QVERIFY(proxy);
    proxy->jwtAttributeUserId = QStringLiteral("sub");
    proxy->jwtAttributeUserDirectory = QStringLiteral("dir");
    QCOMPARE(bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")).status, 401);

    QJsonObject claims = TestJwtSigner::claimsFor(QString(), QString());
    claims.insert(QStringLiteral("sub"), QStringLiteral("svc_dawiso"));
    claims.insert(QStringLiteral("dir"), QStringLiteral("CORP"));
    const SiteTestClient::Answer made =
        m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), bearer(m_signer.sign(claims)), false);
    QCOMPARE(made.status, 200);
    const SiteTestClient::Answer user =
        m_client->proxy("GET", path(QStringLiteral("/qps/user")), withCookie(made.cookie()), true);
    QCOMPARE(user.object().value(u"userId").toString(), QStringLiteral("svc_dawiso"));
}

void TestQlikSenseSiteJwt::unknownUserIsCreatedOnFirstUse()
{
    QVERIFY(!m_site->directory().user(QStringLiteral("CORP"), QStringLiteral("newcomer")));
    const SiteTestClient::Answer made = bootstrap(QStringLiteral("CORP"), QStringLiteral("newcomer"));
    QCOMPARE(made.status, 200);
    const SiteUser *created = m_site->directory().user(QStringLiteral("CORP"), QStringLiteral("newcomer"));
    QVERIFY(created);
    QVERIFY(!created->id.isEmpty());
    QVERIFY(created->roles.isEmpty());
    QVERIFY(!created->inactive);
    QVERIFY(created->password.isEmpty());
    QVERIFY(!m_site->hasAccessAllocation(QStringLiteral("CORP"), QStringLiteral("newcomer")));
    const int users = m_site->directory().users.size();
    QCOMPARE(bootstrap(QStringLiteral("corp"), QStringLiteral("NEWCOMER")).status, 200);
    QCOMPARE(m_site->directory().users.size(), users);
    // The QRS knows the user now.
    const QJsonArray listed =
        m_client->repository("GET", QStringLiteral("/qrs/user/full?filter=userId%20eq%20'newcomer'")).array();
    QCOMPARE(listed.size(), 1);
    QCOMPARE(
        m_client
            ->repository(
                "GET", QStringLiteral("/qrs/license/professionalaccesstype/full?filter=user.userId%20eq%20'newcomer'"))
            .array(),
        QJsonArray());
}

void TestQlikSenseSiteJwt::inactiveUserIsRefused()
{
    const SiteTestClient::Answer former = bootstrap(QStringLiteral("CORP"), QStringLiteral("former"));
    QCOMPARE(former.status, 403);
    QCOMPARE(former.body, inactiveText);
    QVERIFY(!former.headers.contains("set-cookie"));

    const QByteArray cookie = bootstrap(QStringLiteral("CORP"), QStringLiteral("analyst")).cookie();
    QVERIFY(!cookie.isEmpty());
    QCOMPARE(m_client->proxy("GET", path(QStringLiteral("/qps/user")), withCookie(cookie), true).status, 200);
    m_site->directory().user(QStringLiteral("CORP"), QStringLiteral("analyst"))->inactive = true;
    const SiteTestClient::Answer refused =
        m_client->proxy("GET", path(QStringLiteral("/qps/user")), withCookie(cookie), true);
    QCOMPARE(refused.status, 403);
    QCOMPARE(refused.body, inactiveText);
}

void TestQlikSenseSiteJwt::unlinkedPrefixIsAWrongHeader()
{
    addJwtProxy(QStringLiteral("unlinked"), false);
    const SiteTestClient::Answer unlinked =
        bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"), QStringLiteral("unlinked"));
    QCOMPARE(unlinked.status, 400);
    QCOMPARE(unlinked.body, wrongHeader);
    m_site->directory().proxyServices[0].virtualProxyIds.append(m_site->directory().virtualProxies.last().id);
    QCOMPARE(bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"), QStringLiteral("unlinked")).status, 200);
}

void TestQlikSenseSiteJwt::hostMustBeOnTheVirtualProxysAllowList()
{
    m_site->directory().virtualProxies[2].websocketCrossOriginWhiteList = {QStringLiteral("qlik.corp.example")};
    const SiteTestClient::Answer refused = bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    QCOMPARE(refused.status, 400);
    QCOMPARE(refused.body, wrongHeader);
    // The site's own allow list does not count for a JWT proxy; its own does, in any case.
    m_site->directory().virtualProxies[2].websocketCrossOriginWhiteList = {QStringLiteral("qlik.corp.example"),
                                                                           QStringLiteral("LOCALHOST")};
    QCOMPARE(bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")).status, 200);
}

void TestQlikSenseSiteJwt::deleteEndsTheUsersSessionsOnThatProxy()
{
    addJwtProxy(QStringLiteral("other"));
    const QByteArray first = bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")).cookie();
    const QByteArray second = bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")).cookie();
    const QByteArray elsewhere =
        bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"), QStringLiteral("other")).cookie();
    const QByteArray analyst = bootstrap(QStringLiteral("CORP"), QStringLiteral("analyst")).cookie();
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 3);

    // Without the xrfkey nothing ends.
    QCOMPARE(m_client->proxy("DELETE", path(QStringLiteral("/qps/user")), withCookie(first), false).status, 400);
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 3);

    const SiteTestClient::Answer ended =
        m_client->proxy("DELETE", path(QStringLiteral("/qps/user")), withCookie(first), true);
    QCOMPARE(ended.status, 200);
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 1);
    for (const QByteArray &gone : {first, second})
        QCOMPARE(m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), withCookie(gone), false).status, 401);
    QCOMPARE(m_client
                 ->proxy("GET", path(QStringLiteral("/qps/csrftoken"), QStringLiteral("other")), withCookie(elsewhere),
                         false)
                 .status,
             200);
    QCOMPARE(m_client->proxy("GET", path(QStringLiteral("/qps/csrftoken")), withCookie(analyst), false).status, 200);
}

void TestQlikSenseSiteJwt::qrsThroughTheJwtProxyAsTheSessionUser()
{
    const QByteArray cookie = bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")).cookie();
    const SiteTestClient::Answer about =
        m_client->proxy("GET", path(QStringLiteral("/qrs/about")), withCookie(cookie), true);
    QCOMPARE(about.status, 200);
    QCOMPARE(about.object().value(u"buildVersion").toString(), QStringLiteral("31.22.7.0"));
    QCOMPARE(m_client->proxy("GET", path(QStringLiteral("/qrs/about")), withCookie(cookie), false).status, 400);
    QCOMPARE(
        m_client->proxy("GET", path(QStringLiteral("/qrs/app/hublist/full")), withCookie(cookie), true).array().size(),
        2);
    const QJsonArray self =
        m_client->proxy("GET", path(QStringLiteral("/qrs/user/full")), withCookie(cookie), true).array();
    QCOMPARE(self.size(), 1);
    QCOMPARE(self.at(0).toObject().value(u"userId").toString(), QStringLiteral("svc_dawiso"));

    // Writes need RootAdmin, through the proxy as on the repository port.
    const QJsonObject ruleObject {
        {QStringLiteral("name"), QStringLiteral("Dawiso read")},
        {QStringLiteral("rule"), QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"svc_dawiso\"))")},
        {QStringLiteral("resourceFilter"), QStringLiteral("App_*,Stream_*")},
        {QStringLiteral("actions"), 2},
        {QStringLiteral("ruleContext"), 0}};
    const QByteArray rule = QJsonDocument(ruleObject).toJson(QJsonDocument::Compact);
    SiteTestClient::Headers json = withCookie(cookie);
    QCOMPARE(m_client->proxy("POST", path(QStringLiteral("/qrs/systemrule")), json, true, rule).status, 403);
    // A Bearer request for the RootAdmin goes straight to the QRS, and hands out its session too.
    const SiteTestClient::Answer written = m_client->proxy(
        "POST", path(QStringLiteral("/qrs/systemrule")),
        bearer(m_signer.sign(TestJwtSigner::claimsFor(QStringLiteral("CORP"), QStringLiteral("qlikadmin")))), true,
        rule);
    QCOMPARE(written.status, 201);
    QVERIFY(!written.cookie().isEmpty());
    QCOMPARE(
        m_client->proxy("GET", path(QStringLiteral("/qrs/app/hublist/full")), withCookie(cookie), true).array().size(),
        7);
    QCOMPARE(m_client->proxy("GET", path(QStringLiteral("/qrs/app/hublist/full")), {}, true).status, 401);
}

void TestQlikSenseSiteJwt::engineSessionFollowsTheProxysRules()
{
    const SiteTestClient::Answer made = bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    const QByteArray cookie = made.cookie();
    const QString csrf = QString::fromLatin1(made.headers.value("qlik-csrf-token"));
    const QString origin = QStringLiteral("https://localhost:") + QString::number(m_site->proxyBaseUrl().port());
    const QByteArray cookies = "other=1; " + cookie;

    const auto session = m_site->engineSessionFor(prefix, cookies, csrf, origin, false);
    QVERIFY(session);
    QCOMPARE(session->userDirectory, QStringLiteral("CORP"));
    QCOMPARE(session->userId, QStringLiteral("svc_dawiso"));
    QCOMPARE(session->prefix, prefix);
    QVERIFY(cookie.endsWith(QByteArray(1, '=').append(session->sessionId.toLatin1())));
    QVERIFY(m_site->engineSessionFor(prefix, cookie, csrf, QStringLiteral("https://localhost"), false));

    QVERIFY(!m_site->engineSessionFor(prefix, cookie, csrf, origin, true)); // Authorization sent
    QVERIFY(!m_site->engineSessionFor(prefix, cookie, csrf + u'x', origin, false));
    QVERIFY(!m_site->engineSessionFor(prefix, cookie, QString(), origin, false));
    QVERIFY(!m_site->engineSessionFor(prefix, cookie, csrf, QStringLiteral("https://127.0.0.1"), false));
    QVERIFY(!m_site->engineSessionFor(prefix, cookie, csrf, QStringLiteral("http://localhost"), false));
    QVERIFY(!m_site->engineSessionFor(prefix, cookie, csrf, QString(), false));
    QVERIFY(!m_site->engineSessionFor(prefix, QByteArray(), csrf, origin, false));
    QVERIFY(!m_site->engineSessionFor(QStringLiteral("sso"), cookie, csrf, origin, false));
    QVERIFY(!m_site->engineSessionFor(QStringLiteral("nothing"), cookie, csrf, origin, false));
    // Another session's token is no good either.
    const QString otherCsrf = QString::fromLatin1(
        bootstrap(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")).headers.value("qlik-csrf-token"));
    QVERIFY(!m_site->engineSessionFor(prefix, cookie, otherCsrf, origin, false));
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("corp"), QStringLiteral("SVC_DAWISO")), 2);

    // Gone once the user signs out.
    QCOMPARE(m_client->proxy("DELETE", path(QStringLiteral("/qps/user")), withCookie(cookie), true).status, 200);
    QVERIFY(!m_site->engineSessionFor(prefix, cookie, csrf, origin, false));
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 0);

    // And refused for a user made inactive.
    const SiteTestClient::Answer analyst = bootstrap(QStringLiteral("CORP"), QStringLiteral("analyst"));
    const QString analystCsrf = QString::fromLatin1(analyst.headers.value("qlik-csrf-token"));
    QVERIFY(m_site->engineSessionFor(prefix, analyst.cookie(), analystCsrf, origin, false));
    m_site->directory().user(QStringLiteral("CORP"), QStringLiteral("analyst"))->inactive = true;
    QVERIFY(!m_site->engineSessionFor(prefix, analyst.cookie(), analystCsrf, origin, false));
}

void TestQlikSenseSiteJwt::defaultAndSsoProxiesStillSignIn()
{
    // A token means nothing to a proxy that signs people in: the sign-in comes first.
    const QByteArray token =
        m_signer.sign(TestJwtSigner::claimsFor(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")));
    for (const QString &other : {QStringLiteral("/qps/user"), QStringLiteral("/sso/qps/user")}) {
        const SiteTestClient::Answer answer = m_client->proxy("GET", other, bearer(token), false);
        QCOMPARE(answer.status, 302);
        QVERIFY(answer.headers.value("location").contains("/internal_forms_authentication/"));
        QVERIFY(!answer.headers.contains("set-cookie"));
    }
    // Unlinking the default proxy takes its paths away too.
    m_site->directory().proxyServices[0].virtualProxyIds.removeFirst();
    const SiteTestClient::Answer unlinked = m_client->proxy("GET", QStringLiteral("/qps/user"), {}, false);
    QCOMPARE(unlinked.status, 400);
    QCOMPARE(unlinked.body, wrongHeader);
}

QTEST_MAIN(TestQlikSenseSiteJwt)
#include "tst_qliksensesitejwt.moc"
