// End to end: the Qlik Sense Enterprise connection check with a JWT signed in the test (libcrypto) against the
// simulated site's JWT virtual proxy, its QRS and its Engine over a real WebSocket. A passing site, the published-only
// warning, and the refusals people meet: a token the proxy does not accept, an unlinked virtual proxy, an inactive
// user, a user without an access allocation and a WebSocket the proxy's cross-site check refuses.
#include "../simulator/TestJwtSigner.h"
#include "check/ConnectionReport.h"
#include "enterprise/EnterpriseConnectionCheck.h"
#include "net/TlsTrust.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace Dawiso;
using Simulator::QlikSenseSite;
using Simulator::SiteSystemRule;
using Simulator::SiteUser;
using Simulator::SiteVirtualProxy;

namespace {

const QString prefix = QStringLiteral("dawiso");
const QString corp = QStringLiteral("CORP");
const QString serviceUserId = QStringLiteral("svc_dawiso");

} // namespace

class TestEnterpriseJwtCheck : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void passesEveryCheck();
    void publishedOnlyWarns();
    void tokenOfAnotherKeyIs401();
    void unlinkedVirtualProxyIs400();
    void inactiveUserIs403();
    void userWithoutAccessAllocation();
    void webSocketRefusedByTheCrossSiteCheck();

private:
    // The wizard's JWT virtual proxy, added to the directory directly (linked unless told otherwise).
    void addJwtProxy(bool linked = true);
    // The wizard's read rule for the service user, context Both.
    void addReadRule();
    ConnectionReport run(const QByteArray &token, const QString &userId = serviceUserId);
    QByteArray tokenFor(const QString &userId) const { return m_signer.sign(TestJwtSigner::claimsFor(corp, userId)); }
    static CheckResult result(const ConnectionReport &report, const QString &id);

    TestJwtSigner m_signer;
    TestJwtSigner m_otherSigner;
    std::unique_ptr<QlikSenseSite> m_site;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
};

void TestEnterpriseJwtCheck::initTestCase()
{
    QVERIFY2(!m_signer.isNull(), qPrintable(m_signer.errorString()));
    QVERIFY2(!m_otherSigner.isNull(), qPrintable(m_otherSigner.errorString()));
}

void TestEnterpriseJwtCheck::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY2(m_site->start(), qPrintable(m_site->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    QVERIFY(m_trust->trustCaForHost(m_site->proxyHostAndPort(), m_site->siteCa()));
}

void TestEnterpriseJwtCheck::cleanup()
{
    m_site.reset();
    m_network.reset();
    m_trust.reset();
}

void TestEnterpriseJwtCheck::addJwtProxy(bool linked)
{
    Simulator::SiteDirectory &directory = m_site->directory();
    SiteVirtualProxy proxy;
    proxy.id = QStringLiteral("6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    proxy.prefix = prefix;
    proxy.sessionCookieHeaderName = QStringLiteral("X-Qlik-Session-dawiso");
    proxy.authenticationMethod = SiteVirtualProxy::jwtAuthentication;
    proxy.websocketCrossOriginWhiteList = {QStringLiteral("localhost")};
    proxy.loadBalancingNodeIds = {directory.nodes.at(0).id};
    proxy.jwtPublicKeyCertificate = m_signer.certificatePem();
    proxy.jwtAttributeUserId = QStringLiteral("userId");
    proxy.jwtAttributeUserDirectory = QStringLiteral("userDirectory");
    directory.virtualProxies.append(proxy);
    if (linked)
        directory.proxyServices[0].virtualProxyIds.append(proxy.id);
}

void TestEnterpriseJwtCheck::addReadRule()
{
    SiteSystemRule rule;
    rule.id = QStringLiteral("1e2d3c4b-5a69-4788-9abc-def012345678");
    rule.name = QStringLiteral("Dawiso reads every app");
    rule.rule = QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"svc_dawiso\"))");
    rule.resourceFilter = QStringLiteral("App_*,Stream_*,App.Object_*");
    rule.actions = 2;
    rule.ruleContext = 0;
    m_site->directory().systemRules.append(rule);
}

ConnectionReport TestEnterpriseJwtCheck::run(const QByteArray &token, const QString &userId)
{
    EnterpriseConnectionCheck check(m_network.get(), m_trust.get());
    check.setVirtualProxyPrefix(prefix);
    check.setServiceUser(corp, userId);
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start(m_site->proxyHostAndPort(), token);
    if (!finished.wait(30000)) {
        qWarning("The check did not finish.");
        return {};
    }
    return finished.first().first().value<ConnectionReport>();
}

CheckResult TestEnterpriseJwtCheck::result(const ConnectionReport &report, const QString &id)
{
    const CheckResult *found = report.check(id);
    return found ? *found : CheckResult {};
}

void TestEnterpriseJwtCheck::passesEveryCheck()
{
    addJwtProxy();
    addReadRule();
    SiteUser *user = m_site->directory().user(corp, serviceUserId);
    QVERIFY(user);
    user->roles = {QStringLiteral("RootAdmin")};

    const ConnectionReport report = run(tokenFor(serviceUserId));
    for (const CheckResult &check : report.checks)
        QVERIFY2(check.status == CheckStatus::Pass, qPrintable(check.id + u": " + check.message + u' ' + check.advice));
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QVERIFY(result(report, QStringLiteral("app-access")).message.contains(QLatin1String("7 of 7")));
    QCOMPARE(report.value(QStringLiteral("build")).toString(), QStringLiteral("31.22.7.0"));
    QCOMPARE(report.value(QStringLiteral("counts.openableApps")).toInt(), 7);
    QVERIFY(!report.keyId.isEmpty()); // the token's jti
    QVERIFY(report.keyExpiry.isValid());
    // The check ended its session and closed its socket.
    QCOMPARE(m_site->liveSessionCount(corp, serviceUserId), 0);
    QTRY_COMPARE_WITH_TIMEOUT(m_site->engine().openSocketCount(), 0, 10000);
    // The token went with the first request only.
    int withAuthorization = 0;
    for (const auto &request : m_site->proxy()->requests())
        withAuthorization += request.hadAuthorization ? 1 : 0;
    QCOMPARE(withAuthorization, 1);
}

void TestEnterpriseJwtCheck::publishedOnlyWarns()
{
    addJwtProxy();
    const ConnectionReport report = run(tokenFor(serviceUserId));
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QCOMPARE(result(report, QStringLiteral("roles")).status, CheckStatus::Warn);
    const CheckResult access = result(report, QStringLiteral("app-access"));
    QCOMPARE(access.status, CheckStatus::Warn);
    // svc_dawiso reads the Everyone stream only: 2 of the 7 apps.
    QVERIFY2(access.message.contains(QLatin1String("2 of")), qPrintable(access.message));
    QVERIFY(access.advice.contains(QLatin1String("context Both")));
    QCOMPARE(result(report, QStringLiteral("engine")).status, CheckStatus::Pass);
    QCOMPARE(m_site->liveSessionCount(corp, serviceUserId), 0);
}

void TestEnterpriseJwtCheck::tokenOfAnotherKeyIs401()
{
    addJwtProxy();
    const ConnectionReport report = run(m_otherSigner.sign(TestJwtSigner::claimsFor(corp, serviceUserId)));
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    const CheckResult session = result(report, QStringLiteral("session"));
    QCOMPARE(session.status, CheckStatus::Fail);
    QVERIFY2(session.message.contains(QLatin1String("HTTP 401")), qPrintable(session.message));
    QCOMPARE(result(report, QStringLiteral("engine")).status, CheckStatus::Skipped);
}

void TestEnterpriseJwtCheck::unlinkedVirtualProxyIs400()
{
    addJwtProxy(false);
    const ConnectionReport report = run(tokenFor(serviceUserId));
    const CheckResult session = result(report, QStringLiteral("session"));
    QCOMPARE(session.status, CheckStatus::Fail);
    QVERIFY2(session.message.contains(QLatin1String("not linked")), qPrintable(session.message));
    QVERIFY(session.advice.contains(QLatin1String("central")));
}

void TestEnterpriseJwtCheck::inactiveUserIs403()
{
    addJwtProxy();
    m_site->directory().user(corp, serviceUserId)->inactive = true;
    const ConnectionReport report = run(tokenFor(serviceUserId));
    const CheckResult session = result(report, QStringLiteral("session"));
    QCOMPARE(session.status, CheckStatus::Fail);
    QVERIFY2(session.message.contains(QLatin1String("inactive")), qPrintable(session.message));
    QVERIFY(session.advice.contains(QLatin1String("Inactive")));
}

void TestEnterpriseJwtCheck::userWithoutAccessAllocation()
{
    // A user the site makes at the first sign-in has no access type.
    addJwtProxy();
    const QString newcomer = QStringLiteral("svc_new");
    const ConnectionReport report = run(tokenFor(newcomer), newcomer);
    QCOMPARE(result(report, QStringLiteral("identity")).status, CheckStatus::Pass);
    const CheckResult engine = result(report, QStringLiteral("engine"));
    QCOMPARE(engine.status, CheckStatus::Fail);
    QVERIFY2(engine.message.contains(QLatin1String("OnLicenseAccessDenied")), qPrintable(engine.message));
    QVERIFY(engine.advice.contains(QLatin1String("Professional access allocations")));
    QCOMPARE(m_site->liveSessionCount(corp, newcomer), 0);
}

void TestEnterpriseJwtCheck::webSocketRefusedByTheCrossSiteCheck()
{
    addJwtProxy();
    m_site->engine().setRefusingHandshakes(true);
    const ConnectionReport report = run(tokenFor(serviceUserId));
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    const CheckResult engine = result(report, QStringLiteral("engine"));
    QCOMPARE(engine.status, CheckStatus::Fail);
    QVERIFY2(engine.message.contains(QLatin1String("1008")), qPrintable(engine.message));
    QVERIFY(engine.advice.contains(QLatin1String("Host allow list")));
    QCOMPARE(m_site->liveSessionCount(corp, serviceUserId), 0);
}

QTEST_GUILESS_MAIN(TestEnterpriseJwtCheck)
#include "tst_enterprisejwtcheck.moc"
