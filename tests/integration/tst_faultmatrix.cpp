// Every network step of the wizard and every request of the connection check against every way an answer can break,
// over real HTTPS to the simulator: each cell must end in time with a failure that says what happened and what to do,
// keep what the user typed, never lose a key Qlik created, and stop promptly when asked. cleanupTestCase() prints the
// matrix.
#include "../simulator/TestJwtSigner.h"
#include "SimulatorClientFixture.h"
#include "SimulatorTrust.h"
#include "cloud/CloudConnectionCheck.h"
#include "cloud/CloudHostProbe.h"
#include "cloud/KeyVerifier.h"
#include "enterprise/AdminReview.h"
#include "enterprise/EnterpriseConnectionCheck.h"
#include "enterprise/EnterpriseHostProbe.h"
#include "enterprise/VirtualProxySetup.h"
#include "host/HostParser.h"
#include "oauth/ClientCredentialsSignIn.h"
#include "provision/ApiKeyCreation.h"
#include "provision/RoleAssignment.h"
#include "provision/RoleSetup.h"
#include "qlik/QlikClient.h"
#include "qrs/ProxySignIn.h"
#include "qrs/QrsClient.h"
#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/common/SelfSignedCertificate.h"
#include "simulator/onprem/QlikSenseSite.h"
#include "token/SecureMemory.h"

#include <QElapsedTimer>
#include <QMap>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace Dawiso;
using Simulator::FaultInjector;
using Simulator::QlikSimulator;
using Simulator::SampleKey;

namespace {

const QString rileyId = QStringLiteral("65f1c0a1b2c3d4e5f6a70008");

// The columns.
enum class Fault {
    NeverAnswers,
    ResetMidBody,
    TlsAfterRedirect,
    ServiceUnavailable,
    RateLimitWithoutRetryAfter,
    RateLimitAbsurd,
    MalformedJson,
    WrongShape,
    HugeBody,
    Trickle,
    StopWhileSilent,
    StopWhileTrickling,
};

const QList<QPair<Fault, QString>> &columns()
{
    static const QList<QPair<Fault, QString>> all {
        {Fault::NeverAnswers, QStringLiteral("timeout")},
        {Fault::ResetMidBody, QStringLiteral("reset")},
        {Fault::TlsAfterRedirect, QStringLiteral("tls-redirect")},
        {Fault::ServiceUnavailable, QStringLiteral("503")},
        {Fault::RateLimitWithoutRetryAfter, QStringLiteral("429-bare")},
        {Fault::RateLimitAbsurd, QStringLiteral("429-absurd")},
        {Fault::MalformedJson, QStringLiteral("malformed")},
        {Fault::WrongShape, QStringLiteral("wrong-shape")},
        {Fault::HugeBody, QStringLiteral("huge")},
        {Fault::Trickle, QStringLiteral("trickle")},
        {Fault::StopWhileSilent, QStringLiteral("stop-silent")},
        {Fault::StopWhileTrickling, QStringLiteral("stop-trickle")},
    };
    return all;
}

// The rows: a step, and the one request of it the fault hits.
struct Row
{
    QString name;
    QByteArray method;
    // The start of the faulted request's path; the fault hits the first request on it and every one after on the same
    // path.
    QString path;
    QString checkId; // a connection check's request: the check that must fail
    bool enterprise = false; // asked of the simulated Qlik Sense site's proxy, not of the tenant
    // The step needs only the status of the faulted request, not its body, and reads back what it made later: a
    // broken body with a 2xx may end in success, provided the step really did its work.
    bool bodyUnread = false;
};

const QList<Row> &rows()
{
    static const QList<Row> all {
        {QStringLiteral("cloud host probe"), "GET", QStringLiteral("/.well-known/oauth-authorization-server"), {}},
        {QStringLiteral("oauth client credentials"), "POST", QStringLiteral("/oauth/token"), {}},
        {QStringLiteral("role look-up"), "GET", QStringLiteral("/api/v1/roles"), {}},
        {QStringLiteral("role creation"), "POST", QStringLiteral("/api/v1/roles"), {}},
        {QStringLiteral("role assignment"), "PATCH", QStringLiteral("/api/v1/users/") + rileyId, {}},
        {QStringLiteral("api key creation"), "POST", QStringLiteral("/api/v1/api-keys"), {}},
        {QStringLiteral("key verification"), "GET", QStringLiteral("/api/v1/users/me"), {}},
        {QStringLiteral("check users/me"), "GET", QStringLiteral("/api/v1/users/me"), QStringLiteral("identity")},
        {QStringLiteral("check tenants/me"), "GET", QStringLiteral("/api/v1/tenants/me"), QStringLiteral("tenant")},
        {QStringLiteral("check spaces"), "GET", QStringLiteral("/api/v1/spaces"), QStringLiteral("spaces")},
        {QStringLiteral("check items/apps"), "GET", QStringLiteral("/api/v1/items"), QStringLiteral("apps")},
        {QStringLiteral("enterprise host probe"), "GET", QStringLiteral("/qrs/about"), {}, true},
        {QStringLiteral("proxy sign-in"), "GET", QStringLiteral("/qps/user"), {}, true},
        {QStringLiteral("admin review qrs/about"), "GET", QStringLiteral("/qrs/about"), {}, true},
        {QStringLiteral("admin review qrs/user"), "GET", QStringLiteral("/qrs/user/full"), {}, true},
        {QStringLiteral("vproxy read rule"), "POST", QStringLiteral("/qrs/systemrule"), {}, true, true},
        {QStringLiteral("vproxy create"), "POST", QStringLiteral("/qrs/virtualproxyconfig"), {}, true},
        {QStringLiteral("vproxy link"), "PUT", QStringLiteral("/qrs/proxyservice/"), {}, true},
        {QStringLiteral("jwt check session"), "GET", QStringLiteral("/dawiso/qps/csrftoken"), QStringLiteral("session"),
         true},
        {QStringLiteral("jwt check identity"), "GET", QStringLiteral("/dawiso/qps/user"), QStringLiteral("identity"),
         true},
        {QStringLiteral("jwt check qrs/about"), "GET", QStringLiteral("/dawiso/qrs/about"), QStringLiteral("qrs"),
         true},
        {QStringLiteral("jwt check roles"), "GET", QStringLiteral("/dawiso/qrs/user/full"), QStringLiteral("roles"),
         true},
        {QStringLiteral("jwt check content"), "GET", QStringLiteral("/dawiso/qrs/stream/count"),
         QStringLiteral("content"), true},
        {QStringLiteral("jwt check app-access"), "GET", QStringLiteral("/dawiso/qrs/app/hublist/full"),
         QStringLiteral("app-access"), true},
    };
    return all;
}

bool isStop(Fault fault)
{
    return fault == Fault::StopWhileSilent || fault == Fault::StopWhileTrickling;
}

// What a running step reported.
struct Outcome
{
    int finishedCount = 0;
    bool failed = false;
    bool stopped = false; // the step said it was stopped (Cancelled)
    UserMessage problem;
    // Empty when the step kept what the user typed and lost no key; otherwise what went wrong.
    QString keptProblem;
};

// Short per-attempt timeouts so that silent and trickling servers end cells quickly; a huge body gets a long one,
// so that only the size bound can end it in time.
constexpr auto shortTimeout = std::chrono::milliseconds(1500);
constexpr auto hugeTimeout = std::chrono::seconds(60);

} // namespace

class TestFaultMatrix : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void cell_data();
    void cell();

private:
    QlikRequestOptions requestOptions(Fault fault) const;
    void arm(const Row &row, Fault fault);
    void applyFault(Simulator::SimulatorHost *host, const QString &path, Fault fault);
    // Starts the row's step; returns it (owned by the test) with its outcome filled as it reports.
    QlikStep *startStep(const Row &row, Fault fault);

    Simulator::SimulatorHost *hostOf(const Row &row) const;
    // The site's admin signed in through the proxy (m_qrs) and, with review, what they may do (m_access); no fault yet.
    bool signInToSite(bool review);
    // The wizard's JWT virtual proxy, its read rule and a RootAdmin service user: a site the JWT check passes.
    void prepareJwtSite();

    std::unique_ptr<Simulator::SimulatorHost> m_elsewhere; // an untrusted server redirects point to
    std::unique_ptr<Simulator::QlikSenseSite> m_site; // for the Qlik Sense Enterprise rows only
    std::unique_ptr<QrsClient> m_qrs;
    TestJwtSigner m_signer;
    AdminAccess m_access;
    std::unique_ptr<QlikClient> m_admin;
    std::unique_ptr<QlikClient> m_user;
    std::unique_ptr<QObject> m_step;
    RoleSetup::Result m_role;
    Outcome m_outcome;
    bool m_targetReached = false;
    bool m_cellPassed = false;
    QMap<QString, QMap<QString, bool>> m_matrix; // row -> column -> passed
};

void TestFaultMatrix::initTestCase()
{
    QVERIFY2(!m_signer.isNull(), qPrintable(m_signer.errorString()));
    m_elsewhere = std::make_unique<Simulator::SimulatorHost>();
    m_elsewhere->setExchangeLogged(false);
    QVERIFY(m_elsewhere->start());
}

void TestFaultMatrix::init()
{
    m_cellPassed = false;
    m_targetReached = false;
    m_outcome = Outcome();
    m_role = RoleSetup::Result();
    m_access = AdminAccess();
    QVERIFY(startSimulator());
    m_admin = createClient();
    m_admin->setApiKey(m_simulator->sampleToken(SampleKey::TenantAdmin));
    m_user = createClient();
    m_user->setApiKey(m_simulator->sampleToken(SampleKey::Healthy));
}

void TestFaultMatrix::cleanup()
{
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const qsizetype split = tag.lastIndexOf(QLatin1Char('|'));
    if (split > 0)
        m_matrix[tag.left(split)][tag.mid(split + 1)] = m_cellPassed;
    m_step.reset();
    m_qrs.reset();
    m_admin.reset();
    m_user.reset();
    stopSimulator();
    m_site.reset();
}

bool TestFaultMatrix::signInToSite(bool review)
{
    ProxySignIn signIn(m_trust.get());
    std::optional<ProxySignInResult> signedIn;
    connect(&signIn, &ProxySignIn::finished, this, [&signedIn](const ProxySignInResult &result) { signedIn = result; });
    signIn.start(m_site->proxyBaseUrl(), QStringLiteral("CORP\\qlikadmin"), QByteArrayLiteral("practice-password"));
    if (!QTest::qWaitFor([&signedIn] { return signedIn.has_value(); }, 20000) || !signedIn->ok())
        return false;
    m_qrs = std::make_unique<QrsClient>(m_network.get(), m_trust.get());
    m_qrs->setBaseUrl(m_site->proxyBaseUrl());
    m_qrs->setSessionCookie(signedIn->cookieName, signedIn->cookieValue);
    m_access.method = AdminAccess::Method::WindowsAccount;
    m_access.userDirectory = signedIn->userDirectory;
    m_access.userId = signedIn->userId;
    m_access.userName = signedIn->userName;
    if (!review)
        return true;
    AdminReview reviewer(m_qrs.get());
    std::optional<AdminAccess> reviewed;
    connect(&reviewer, &AdminReview::finished, this, [&reviewed](const AdminAccess &access) { reviewed = access; });
    reviewer.start(m_access, QString());
    if (!QTest::qWaitFor([&reviewed] { return reviewed.has_value(); }, 20000) || !reviewed->isConfirmed())
        return false;
    m_access = *reviewed;
    return true;
}

void TestFaultMatrix::prepareJwtSite()
{
    Simulator::SiteDirectory &directory = m_site->directory();
    Simulator::SiteVirtualProxy proxy;
    proxy.id = QStringLiteral("6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    proxy.prefix = QStringLiteral("dawiso");
    proxy.sessionCookieHeaderName = QStringLiteral("X-Qlik-Session-dawiso");
    proxy.authenticationMethod = Simulator::SiteVirtualProxy::jwtAuthentication;
    proxy.websocketCrossOriginWhiteList = {QStringLiteral("localhost")};
    proxy.loadBalancingNodeIds = {directory.nodes.at(0).id};
    proxy.jwtPublicKeyCertificate = m_signer.certificatePem();
    proxy.jwtAttributeUserId = QStringLiteral("userId");
    proxy.jwtAttributeUserDirectory = QStringLiteral("userDirectory");
    directory.virtualProxies.append(proxy);
    directory.proxyServices[0].virtualProxyIds.append(proxy.id);
    Simulator::SiteSystemRule rule;
    rule.id = QStringLiteral("1e2d3c4b-5a69-4788-9abc-def012345678");
    rule.name = QStringLiteral("Dawiso reads every app");
    rule.rule = QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"svc_dawiso\"))");
    rule.resourceFilter = QStringLiteral("App_*,Stream_*,App.Object_*");
    rule.actions = 2;
    rule.ruleContext = 0;
    directory.systemRules.append(rule);
    if (Simulator::SiteUser *user = directory.user(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")))
        user->roles = {QStringLiteral("RootAdmin")};
}

Simulator::SimulatorHost *TestFaultMatrix::hostOf(const Row &row) const
{
    return row.enterprise ? m_site->proxy() : m_simulator.get();
}

void TestFaultMatrix::cleanupTestCase()
{
    m_elsewhere.reset();
    int cells = 0;
    int passed = 0;
    QString header = QStringLiteral("%1").arg(QString(), -26);
    for (const auto &column : columns())
        header += QStringLiteral(" %1").arg(column.second, -12);
    qInfo("%s", qUtf8Printable(header));
    for (const Row &row : rows()) {
        if (!m_matrix.contains(row.name))
            continue;
        QString line = QStringLiteral("%1").arg(row.name, -26);
        for (const auto &column : columns()) {
            QString mark = QStringLiteral("-");
            const auto &byColumn = m_matrix[row.name];
            if (byColumn.contains(column.second)) {
                ++cells;
                const bool ok = byColumn.value(column.second);
                passed += ok ? 1 : 0;
                mark = ok ? QStringLiteral("ok") : QStringLiteral("FAIL");
            }
            line += QStringLiteral(" %1").arg(mark, -12);
        }
        qInfo("%s", qUtf8Printable(line));
    }
    qInfo("fault matrix: %d cells, %d passed", cells, passed);
}

void TestFaultMatrix::cell_data()
{
    QTest::addColumn<int>("rowIndex");
    QTest::addColumn<int>("fault");
    for (int r = 0; r < rows().size(); ++r) {
        for (const auto &column : columns()) {
            const QString tag = rows().at(r).name + QLatin1Char('|') + column.second;
            QTest::newRow(qPrintable(tag)) << r << static_cast<int>(column.first);
        }
    }
}

QlikRequestOptions TestFaultMatrix::requestOptions(Fault fault) const
{
    QlikRequestOptions options = m_admin->defaultOptions();
    options.timeout = fault == Fault::HugeBody ? std::chrono::milliseconds(hugeTimeout) : shortTimeout;
    options.maxRateLimitRetries = 1;
    return options;
}

void TestFaultMatrix::applyFault(Simulator::SimulatorHost *host, const QString &path, Fault fault)
{
    switch (fault) {
    case Fault::NeverAnswers:
    case Fault::StopWhileSilent:
        host->setResponseDelay(path, -1);
        break;
    case Fault::ResetMidBody:
        host->setAnswerFault(path, FaultInjector::AnswerFault::ResetMidBody);
        break;
    case Fault::TlsAfterRedirect: {
        QUrl elsewhere = m_elsewhere->baseUrl();
        elsewhere.setPath(path);
        host->setRedirectTarget(path, elsewhere);
        break;
    }
    case Fault::ServiceUnavailable:
        host->setAnswerFault(path, FaultInjector::AnswerFault::ServiceUnavailable);
        break;
    case Fault::RateLimitWithoutRetryAfter:
        host->rateLimitNext(path, 1000, -1);
        break;
    case Fault::RateLimitAbsurd:
        host->rateLimitNext(path, 1000, 1000000000);
        break;
    case Fault::MalformedJson:
        host->setMalformedJson(path, true);
        break;
    case Fault::WrongShape:
        host->setAnswerFault(path, FaultInjector::AnswerFault::WrongShape);
        break;
    case Fault::HugeBody:
        host->setAnswerFault(path, FaultInjector::AnswerFault::HugeBody);
        break;
    case Fault::Trickle:
    case Fault::StopWhileTrickling:
        host->setAnswerFault(path, FaultInjector::AnswerFault::Trickle);
        break;
    }
}

void TestFaultMatrix::arm(const Row &row, Fault fault)
{
    // Armed when the faulted request arrives, before the simulator answers it: the requests of the step before it go
    // through untouched, even those on the same path with another method.
    Simulator::SimulatorHost *host = hostOf(row);
    connect(host, &Simulator::SimulatorHost::requestHandled, this,
            [this, host, row, fault](const Simulator::RecordedRequest &request) {
                if (m_targetReached || request.method != row.method || !request.path.startsWith(row.path))
                    return;
                m_targetReached = true;
                applyFault(host, request.path, fault);
            });
}

QlikStep *TestFaultMatrix::startStep(const Row &row, Fault fault)
{
    const QlikRequestOptions options = requestOptions(fault);
    const auto fail = [this](const UserMessage &problem) {
        ++m_outcome.finishedCount;
        m_outcome.failed = true;
        m_outcome.problem = problem;
    };

    if (row.name == u"cloud host probe") {
        auto *probe = new CloudHostProbe(m_network.get(), m_trust.get());
        m_step.reset(probe);
        probe->setTimeout(options.timeout);
        const ParsedHost typed = HostParser::parse(m_simulator->hostAndPort(), DeploymentKind::QlikCloud);
        connect(probe, &CloudHostProbe::finished, this, [this, typed](const HostProbeResult &result) {
            ++m_outcome.finishedCount;
            m_outcome.failed = !result.isFound();
            m_outcome.stopped = result.outcome == HostProbeResult::Outcome::Cancelled;
            m_outcome.problem = result.summary;
            if (result.host.hostAndPort() != typed.hostAndPort())
                m_outcome.keptProblem = QStringLiteral("the typed address changed to ") + result.host.hostAndPort();
        });
        probe->start(typed);
        return probe;
    }
    if (row.name == u"enterprise host probe") {
        auto *probe = new EnterpriseHostProbe(m_network.get(), m_trust.get());
        m_step.reset(probe);
        probe->setTimeout(options.timeout);
        const ParsedHost typed = HostParser::parse(m_site->proxyHostAndPort(), DeploymentKind::QlikSenseEnterprise);
        connect(probe, &EnterpriseHostProbe::finished, this, [this, typed](const HostProbeResult &result) {
            ++m_outcome.finishedCount;
            m_outcome.failed = !result.isFound();
            m_outcome.stopped = result.outcome == HostProbeResult::Outcome::Cancelled;
            m_outcome.problem = result.summary;
            if (result.host.hostAndPort() != typed.hostAndPort())
                m_outcome.keptProblem = QStringLiteral("the typed address changed to ") + result.host.hostAndPort();
        });
        probe->start(typed);
        return probe;
    }
    if (row.name == u"proxy sign-in") {
        auto *signIn = new ProxySignIn(m_trust.get());
        m_step.reset(signIn);
        signIn->setRequestOptions(options);
        connect(signIn, &ProxySignIn::finished, this, [this](const ProxySignInResult &result) {
            ++m_outcome.finishedCount;
            m_outcome.failed = !result.ok();
            m_outcome.stopped = result.kind == ProxySignInResult::Kind::Cancelled;
            m_outcome.problem = result.summary;
        });
        signIn->start(m_site->proxyBaseUrl(), QStringLiteral("CORP\\qlikadmin"),
                      QByteArrayLiteral("practice-password"));
        return signIn;
    }
    if (row.name.startsWith(u"jwt check")) {
        auto *check = new EnterpriseConnectionCheck(m_network.get(), m_trust.get());
        m_step.reset(check);
        check->setVirtualProxyPrefix(QStringLiteral("dawiso"));
        check->setServiceUser(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
        check->setRequestTimeout(options.timeout);
        check->setRestartWait(3000, 100);
        const QString typed = m_site->proxyHostAndPort();
        connect(check, &ConnectionCheck::finished, this, [this, row, typed](const ConnectionReport &report) {
            ++m_outcome.finishedCount;
            const CheckResult *result = report.check(row.checkId);
            m_outcome.stopped = report.lastCheck() == SavedConnection::LastCheck::None;
            if (result) {
                m_outcome.failed = result->status == CheckStatus::Fail || result->status == CheckStatus::Warn;
                m_outcome.problem = {result->message, result->advice};
            }
            if (report.host != typed)
                m_outcome.keptProblem = QStringLiteral("the report names another host: ") + report.host;
        });
        QByteArray token =
            m_signer.sign(TestJwtSigner::claimsFor(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")));
        check->start(typed, token);
        SecureMemory::wipe(token);
        return check;
    }
    if (row.name.startsWith(u"admin review")) {
        m_qrs->qlikClient()->setDefaultOptions(options);
        auto *review = new AdminReview(m_qrs.get());
        m_step.reset(review);
        connect(review, &AdminReview::finished, this, [this](const AdminAccess &access) {
            ++m_outcome.finishedCount;
            m_outcome.failed = access.hasFailure();
            for (const CheckResult &finding : access.findings) {
                if (finding.status == CheckStatus::Fail) {
                    m_outcome.problem = {finding.message, finding.advice};
                    break;
                }
            }
        });
        review->start(m_access, QString());
        return review;
    }
    if (row.name.startsWith(u"vproxy")) {
        m_qrs->qlikClient()->setDefaultOptions(options);
        auto *setup = new VirtualProxySetup(m_qrs.get());
        m_step.reset(setup);
        setup->setRestartWait(10000, 100);
        connect(setup, &VirtualProxySetup::finished, this, [this](const VirtualProxySetup::Outcome &result) {
            ++m_outcome.finishedCount;
            m_outcome.failed = !result.ready;
            m_outcome.problem = result.problem;
        });
        VirtualProxySettings settings;
        settings.allowedHostNames = {QStringLiteral("localhost")};
        settings.loadBalancingNodeId = m_access.centralNodeId;
        settings.loadBalancingNodeName = m_access.centralNodeHostName;
        settings.certificatePem = Simulator::SelfSignedCertificate::generate().certificate().toPem();
        ServiceUser user;
        user.userDirectory = QStringLiteral("CORP");
        user.userId = QStringLiteral("svc_dawiso");
        setup->start(settings, user, ContentCoverage::ReadRule, m_access.proxyServiceId);
        return setup;
    }
    if (row.name == u"oauth client credentials") {
        auto *signIn = new ClientCredentialsSignIn(m_network.get(), m_trust.get());
        m_step.reset(signIn);
        signIn->setRequestOptions(options);
        connect(signIn, &ClientCredentialsSignIn::finished, this, [this](const OAuthResult &result) {
            ++m_outcome.finishedCount;
            m_outcome.failed = !result.ok;
            m_outcome.stopped = result.kind == OAuthResult::Kind::Cancelled;
            m_outcome.problem = result.summary;
        });
        signIn->start(m_simulator->baseUrl().resolved(QUrl(QStringLiteral("/oauth/token"))),
                      Simulator::DemoTenant::m2mClientId(), Simulator::DemoTenant::m2mClientSecret().toLatin1());
        return signIn;
    }

    m_admin->setDefaultOptions(options);
    m_user->setDefaultOptions(options);
    if (row.name == u"role look-up" || row.name == u"role creation") {
        auto *setup = new RoleSetup(m_admin.get());
        m_step.reset(setup);
        connect(setup, &RoleSetup::finished, this, [this, fail](const RoleSetup::Result &result) {
            if (result.ok)
                ++m_outcome.finishedCount;
            else
                fail(result.problem);
        });
        setup->start(QStringLiteral("Dawiso Fault Matrix"));
        return setup;
    }
    if (row.name == u"role assignment") {
        auto *assignment = new RoleAssignment(m_admin.get());
        m_step.reset(assignment);
        connect(assignment, &RoleAssignment::finished, this, [this, fail](const RoleAssignment::Result &result) {
            if (result.ok)
                ++m_outcome.finishedCount;
            else
                fail(result.problem);
        });
        const auto *riley = m_simulator->tenant().user(rileyId);
        QlikUser user;
        user.id = riley->id;
        user.name = riley->name;
        user.email = riley->email;
        user.status = riley->status;
        assignment->start(user, m_role.role);
        return assignment;
    }
    if (row.name == u"api key creation") {
        auto *creation = new ApiKeyCreation(m_user.get());
        m_step.reset(creation);
        const qsizetype keysBefore = m_simulator->tenant().apiKeys.size();
        connect(creation, &ApiKeyCreation::finished, this,
                [this, fail, keysBefore](const ApiKeyCreation::Result &result) {
                    if (result.outcome == ApiKeyCreation::Outcome::Created) {
                        ++m_outcome.finishedCount;
                        return;
                    }
                    fail(result.problem);
                    // A key Qlik created and nobody received must be named, and where to find it.
                    const bool created = m_simulator->tenant().apiKeys.size() > keysBefore;
                    if (created
                        && (!result.problem.message.contains(QLatin1String("created"))
                            || !result.problem.advice.contains(QLatin1String("API keys"))))
                        m_outcome.keptProblem = QStringLiteral("Qlik created a key, the failure does not say so: ")
                            + result.problem.message + QLatin1Char(' ') + result.problem.advice;
                });
        creation->start(30, ApiKeyPolicy());
        return creation;
    }
    if (row.name == u"key verification") {
        auto *verifier = new KeyVerifier(m_user.get());
        m_step.reset(verifier);
        connect(verifier, &KeyVerifier::finished, this, [this](const KeyVerification &verification) {
            ++m_outcome.finishedCount;
            m_outcome.failed = !verification.isAccepted();
            m_outcome.stopped = verification.outcome == KeyVerification::Outcome::Cancelled;
            m_outcome.problem = verification.summary;
        });
        verifier->start(ApiKeyToken::fromPastedText(QString::fromLatin1(m_simulator->sampleToken(SampleKey::Healthy))));
        return verifier;
    }

    auto *check = new CloudConnectionCheck(m_user.get());
    m_step.reset(check);
    const QString typed = m_simulator->hostAndPort();
    connect(check, &ConnectionCheck::finished, this, [this, row, typed](const ConnectionReport &report) {
        ++m_outcome.finishedCount;
        const CheckResult *result = report.check(row.checkId);
        m_outcome.stopped = report.lastCheck() == SavedConnection::LastCheck::None;
        if (result) {
            m_outcome.failed = result->status == CheckStatus::Fail || result->status == CheckStatus::Warn;
            m_outcome.problem = {result->message, result->advice};
        }
        if (report.host != typed)
            m_outcome.keptProblem = QStringLiteral("the report names another host: ") + report.host;
    });
    check->start(typed, m_simulator->sampleToken(SampleKey::Healthy));
    return check;
}

void TestFaultMatrix::cell()
{
    QFETCH(int, rowIndex);
    QFETCH(int, fault);
    const Row &row = rows().at(rowIndex);
    const auto column = static_cast<Fault>(fault);

    if (row.enterprise) {
        m_site = std::make_unique<Simulator::QlikSenseSite>();
        QVERIFY(m_site->start());
        m_trust->addCaCertificates({m_site->siteCa()});
        if (row.name.startsWith(u"jwt check"))
            prepareJwtSite();
        if (row.name.startsWith(u"admin review") || row.name.startsWith(u"vproxy"))
            QVERIFY2(signInToSite(row.name.startsWith(u"vproxy")), "the site's admin could not sign in");
    }
    if (row.name == u"role assignment") {
        // The role to assign, set up before any fault.
        RoleSetup setup(m_admin.get());
        connect(&setup, &RoleSetup::finished, this, [this](const RoleSetup::Result &result) { m_role = result; });
        setup.start(QStringLiteral("Dawiso Integration"));
        QVERIFY(QTest::qWaitFor([this] { return m_role.ok; }, 20000));
    }

    arm(row, column);
    const Outcome &outcome = m_outcome;
    QElapsedTimer clock;
    clock.start();
    QlikStep *step = startStep(row, column);

    if (isStop(column)) {
        QVERIFY2(QTest::qWaitFor([this] { return m_targetReached; }, 20000), "the faulted request never came");
        QTest::qWait(300); // the request is in flight: silent, or a few bytes into its trickle
        QVERIFY2(outcome.finishedCount == 0, qPrintable(outcome.problem.message));
        const bool cancellable = step->isCancellable();
        clock.restart();
        step->cancel();
        // A request that must finish (a key being created) goes on until its timeout; anything else stops at once.
        const int bound = cancellable ? 2000 : int(shortTimeout.count()) + 5000;
        QVERIFY2(QTest::qWaitFor([step] { return !step->isRunning(); }, bound), "the step did not stop");
        QTest::qWait(300); // a second result would come from the event loop
        QVERIFY2(outcome.finishedCount <= 1, "more than one result after Stop");
        // Steps that promise a result for Stop give exactly one, saying so; the others stay silent.
        if (outcome.finishedCount == 1 && cancellable)
            QVERIFY2(outcome.stopped, qPrintable(outcome.problem.message));
        if (!cancellable)
            QVERIFY2(!outcome.problem.advice.isEmpty(), qPrintable(outcome.problem.message));
        QVERIFY2(outcome.keptProblem.isEmpty(), qPrintable(outcome.keptProblem));
        m_cellPassed = true;
        return;
    }

    // Every step here asks at most a handful of requests; each waits at most its timeout (and one short 429 wait).
    QVERIFY2(QTest::qWaitFor([&outcome] { return outcome.finishedCount > 0; }, 30000), "the step did not end");
    QVERIFY2(m_targetReached, "the faulted request never came");
    if (column == Fault::HugeBody)
        QVERIFY2(clock.elapsed() < 20000, "a huge body was read until the timeout");
    QTest::qWait(50);
    QCOMPARE(outcome.finishedCount, 1);
    const bool brokenBody = column == Fault::MalformedJson || column == Fault::WrongShape;
    if (row.bodyUnread && brokenBody && !outcome.failed) {
        QVERIFY(!step->isRunning());
        m_cellPassed = true;
        return;
    }
    QVERIFY2(outcome.failed, "the step succeeded on a broken answer");
    QVERIFY2(!outcome.problem.message.isEmpty(), "no message");
    QVERIFY2(!outcome.problem.advice.isEmpty(),
             qPrintable(QStringLiteral("no advice for: ") + outcome.problem.message));
    QVERIFY2(outcome.keptProblem.isEmpty(), qPrintable(outcome.keptProblem));
    QVERIFY(!step->isRunning());
    m_cellPassed = true;
}

QTEST_GUILESS_MAIN(TestFaultMatrix)
#include "tst_faultmatrix.moc"
