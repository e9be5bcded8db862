// Qlik Sense Enterprise's part of a run without widgets: the administrator's sign-in (a Windows account through the
// site's proxy, or a certificate bundle on the repository's own port) and the review of what it may do, over real
// HTTPS against the simulated site.
#include "enterprise/EnterpriseFlow.h"
#include "host/HostParser.h"
#include "net/RequestFailure.h"
#include "net/TlsTrust.h"
#include "setup/SetupContext.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSenseSite;

namespace {

const QByteArray kPassword = QByteArrayLiteral("practice-password");

CheckResult finding(const AdminAccess &access, const QString &id)
{
    for (const CheckResult &result : access.findings) {
        if (result.id == id)
            return result;
    }
    return {};
}

} // namespace

class TestEnterpriseFlow : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void untrustedSiteCertificateSaysHowToTrustIt();
    void expiredServerCertificateIsNeverAccepted();
    void rootAdminThroughTheProxy();
    void formLoginWhereTheSiteUsesIt();
    void auditAdminIsNotEnough();
    void plainUserSeesWhatIsMissing();
    void wrongPasswordIsSaidAsSuch();
    void inactiveAccountIsSaidAsSuch();
    void shortNameNotOnTheAllowList();
    void certificatesActAsTheNamedUser();
    void certificatesForAUserTheSiteDoesNotKnow();
    void repositoryRefusalStopsTheReview();
    void forgettingTheSignInDropsIt();

private:
    struct Outcome
    {
        AdminAccess access;
        UserMessage problem;
        CertificateBundleProblems bundleProblems;
    };
    void confirm(const QString &host);
    Outcome signInWithWindowsAccount(const QString &account, const QByteArray &password = kPassword);
    Outcome signInWithCertificates(const QString &userDirectory, const QString &userId);
    Outcome wait();

    std::unique_ptr<QlikSenseSite> m_site;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<QObject> m_owner;
    std::unique_ptr<SetupContext> m_context;
    std::unique_ptr<EnterpriseFlow> m_flow;
    std::unique_ptr<QTemporaryDir> m_bundle;
};

void TestEnterpriseFlow::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY(m_site->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    m_trust->addCaCertificates({m_site->siteCa()});
    m_owner = std::make_unique<QObject>();
    m_context = std::make_unique<SetupContext>(m_network.get(), m_trust.get(), m_owner.get());
    m_flow = std::make_unique<EnterpriseFlow>(m_context.get());
    m_bundle = std::make_unique<QTemporaryDir>();
    QVERIFY(m_site->writeCertificateBundle(m_bundle->path(), QByteArrayLiteral("export-passphrase")));
    confirm(m_site->proxyHostAndPort());
}

void TestEnterpriseFlow::cleanup()
{
    m_flow.reset();
    m_context.reset();
    m_owner.reset();
    m_network.reset();
    m_site.reset();
    m_bundle.reset();
}

void TestEnterpriseFlow::confirm(const QString &host)
{
    const ParsedHost parsed = HostParser::parse(host, DeploymentKind::QlikSenseEnterprise);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error()));
    m_context->setConfirmedHost(parsed);
}

TestEnterpriseFlow::Outcome TestEnterpriseFlow::wait()
{
    QSignalSpy finished(m_flow.get(), &EnterpriseFlow::signInFinished);
    Outcome outcome;
    if (!finished.wait(20000)) {
        qWarning("The sign-in did not finish.");
        return outcome;
    }
    outcome.access = finished.first().at(0).value<AdminAccess>();
    outcome.problem = finished.first().at(1).value<UserMessage>();
    outcome.bundleProblems = finished.first().at(2).value<CertificateBundleProblems>();
    return outcome;
}

TestEnterpriseFlow::Outcome TestEnterpriseFlow::signInWithWindowsAccount(const QString &account,
                                                                         const QByteArray &password)
{
    m_flow->signInWithWindowsAccount(account, password);
    return wait();
}

TestEnterpriseFlow::Outcome TestEnterpriseFlow::signInWithCertificates(const QString &userDirectory,
                                                                       const QString &userId)
{
    CertificateBundleChoice choice;
    choice.certificatePath = m_bundle->filePath(QStringLiteral("client.pem"));
    choice.keyPath = m_bundle->filePath(QStringLiteral("client_key.pem"));
    choice.rootPath = m_bundle->filePath(QStringLiteral("root.pem"));
    choice.userDirectory = userDirectory;
    choice.userId = userId;
    choice.repositoryPort = m_site->repositoryBaseUrl().port();
    m_flow->signInWithCertificates(choice, QByteArray());
    return wait();
}

void TestEnterpriseFlow::untrustedSiteCertificateSaysHowToTrustIt()
{
    QlikSenseSite untrusted;
    QVERIFY(untrusted.start());
    QSignalSpy probed(m_flow.get(), &EnterpriseFlow::hostProbeFinished);
    m_flow->probeHost(HostParser::parse(untrusted.proxyHostAndPort(), DeploymentKind::QlikSenseEnterprise));
    QVERIFY(probed.wait(20000));
    const auto result = probed.first().first().value<HostProbeResult>();
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::TlsUntrusted);
    QVERIFY2(result.summary.advice.contains(QLatin1String("root.pem")), qPrintable(result.summary.advice));
    QVERIFY(!result.summary.advice.contains(QLatin1String("Qlik Cloud")));
}

void TestEnterpriseFlow::expiredServerCertificateIsNeverAccepted()
{
    // Issued by the site's CA, which this run trusts, but expired: no trust makes it usable.
    QlikSenseSite expired;
    expired.setExpiredServerCertificate(true);
    QVERIFY(expired.start());
    m_trust->addCaCertificates({expired.siteCa()});
    QSignalSpy probed(m_flow.get(), &EnterpriseFlow::hostProbeFinished);
    m_flow->probeHost(HostParser::parse(expired.proxyHostAndPort(), DeploymentKind::QlikSenseEnterprise));
    QVERIFY(probed.wait(20000));
    const auto result = probed.first().first().value<HostProbeResult>();
    QVERIFY(!result.isFound());
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::TlsFailed);
    QVERIFY2(result.summary.message.contains(QLatin1String("expired on")), qPrintable(result.summary.message));
    QVERIFY(result.summary.advice.contains(QLatin1String("never accepted")));
    QCOMPARE(expired.proxy()->requestCount(QStringLiteral("/")), 0);
}

void TestEnterpriseFlow::rootAdminThroughTheProxy()
{
    const Outcome outcome = signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"));
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem.message));
    const AdminAccess &access = outcome.access;
    QVERIFY(access.isConfirmed());
    QVERIFY(m_site->proxy()->requestCount(QStringLiteral("/internal_windows_authentication")) > 0);
    QCOMPARE(access.method, AdminAccess::Method::WindowsAccount);
    QCOMPARE(access.account(), QStringLiteral("CORP\\qlikadmin"));
    QCOMPARE(access.userName, QStringLiteral("Quinn Admin"));
    QCOMPARE(access.buildVersion, QStringLiteral("31.22.7.0"));
    QVERIFY(access.roles.contains(QStringLiteral("RootAdmin")));
    QCOMPARE(access.centralNodeHostName, QStringLiteral("QLIKSERVER1.corp.example"));
    QVERIFY(!access.proxyServiceId.isEmpty());
    QVERIFY(access.virtualProxyPrefixes.contains(QString()));
    QVERIFY(access.virtualProxyPrefixes.contains(QStringLiteral("sso")));
    QCOMPARE(access.streamCount, 3);
    QCOMPARE(access.appCount, 7);
    QCOMPARE(access.openableAppCount, 5);
    // The RootAdmin rule's reach, made visible: 5 of 7 open in the hub.
    QVERIFY(finding(access, QStringLiteral("content")).message.contains(QLatin1String("not in the hub")));
    QVERIFY(m_flow->adminAccess().isConfirmed());
}

void TestEnterpriseFlow::formLoginWhereTheSiteUsesIt()
{
    m_site->setWindowsAuthentication(QlikSenseSite::WindowsAuthentication::Forms);
    const Outcome outcome = signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"));
    QVERIFY2(outcome.problem.isEmpty(), qPrintable(outcome.problem.message));
    QVERIFY(outcome.access.isConfirmed());
    QVERIFY(m_site->proxy()->requestCount(QStringLiteral("/internal_forms_authentication")) > 0);
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/internal_windows_authentication")), 0);

    const Outcome wrong = signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"), "wrong");
    QVERIFY2(wrong.problem.message.contains(QLatin1String("password"), Qt::CaseInsensitive),
             qPrintable(wrong.problem.message));
}

void TestEnterpriseFlow::auditAdminIsNotEnough()
{
    const AdminAccess access = signInWithWindowsAccount(QStringLiteral("CORP\\auditor")).access;
    QVERIFY(!access.isConfirmed());
    const CheckResult rootAdmin = finding(access, QStringLiteral("root-admin"));
    QCOMPARE(rootAdmin.status, CheckStatus::Fail);
    QVERIFY2(rootAdmin.message.contains(QLatin1String("AuditAdmin")), qPrintable(rootAdmin.message));
    QVERIFY(rootAdmin.advice.contains(QLatin1String("CORP\\auditor")));
    // An AuditAdmin reads everything, so the rest is known.
    QCOMPARE(finding(access, QStringLiteral("central-node")).status, CheckStatus::Pass);
}

void TestEnterpriseFlow::plainUserSeesWhatIsMissing()
{
    const AdminAccess access = signInWithWindowsAccount(QStringLiteral("CORP\\analyst")).access;
    QVERIFY(!access.isConfirmed());
    QCOMPARE(finding(access, QStringLiteral("qrs")).status, CheckStatus::Pass);
    QCOMPARE(finding(access, QStringLiteral("identity")).status, CheckStatus::Pass);
    QCOMPARE(finding(access, QStringLiteral("root-admin")).status, CheckStatus::Fail);
    QVERIFY(finding(access, QStringLiteral("root-admin")).advice.contains(QStringLiteral("QMC › Users")));
    // What only an admin may see is not claimed to be missing from the site.
    QCOMPARE(finding(access, QStringLiteral("central-node")).status, CheckStatus::Skipped);
    QCOMPARE(finding(access, QStringLiteral("proxy")).status, CheckStatus::Skipped);
}

void TestEnterpriseFlow::wrongPasswordIsSaidAsSuch()
{
    const Outcome outcome = signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"), "wrong");
    QCOMPARE(outcome.access.method, AdminAccess::Method::None);
    QVERIFY2(outcome.problem.message.contains(QLatin1String("password"), Qt::CaseInsensitive),
             qPrintable(outcome.problem.message));
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/qrs/")), 0);
}

void TestEnterpriseFlow::inactiveAccountIsSaidAsSuch()
{
    const Outcome outcome = signInWithWindowsAccount(QStringLiteral("CORP\\former"));
    QVERIFY(!outcome.access.isConfirmed());
    const QString said = outcome.problem.message + u' ' + outcome.problem.advice;
    QVERIFY2(said.contains(QLatin1String("inactive"), Qt::CaseInsensitive), qPrintable(said));
}

void TestEnterpriseFlow::shortNameNotOnTheAllowList()
{
    m_site->setAllowedHostNames({QStringLiteral("qlikserver1.corp.example")});
    const Outcome outcome = signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"));
    QVERIFY(!outcome.access.isConfirmed());
    const QString said = outcome.problem.message + u' ' + outcome.problem.advice;
    QVERIFY2(said.contains(QLatin1String("allow list"), Qt::CaseInsensitive), qPrintable(said));
}

void TestEnterpriseFlow::certificatesActAsTheNamedUser()
{
    const Outcome outcome = signInWithCertificates(QStringLiteral("CORP"), QStringLiteral("qlikadmin"));
    QVERIFY2(outcome.problem.isEmpty() && outcome.bundleProblems.isEmpty(), qPrintable(outcome.problem.message));
    QVERIFY(outcome.access.isConfirmed());
    QCOMPARE(outcome.access.method, AdminAccess::Method::CertificateBundle);
    QCOMPARE(outcome.access.openableAppCount, -1); // the hub list means "through this proxy"
    QVERIFY(m_site->repository()->requestCount(QStringLiteral("/qrs/")) > 0);
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/")), 0);

    const AdminAccess analyst = signInWithCertificates(QStringLiteral("CORP"), QStringLiteral("analyst")).access;
    QCOMPARE(finding(analyst, QStringLiteral("root-admin")).status, CheckStatus::Fail);
}

void TestEnterpriseFlow::certificatesForAUserTheSiteDoesNotKnow()
{
    const AdminAccess access = signInWithCertificates(QStringLiteral("CORP"), QStringLiteral("nobody")).access;
    QVERIFY(!access.isConfirmed());
    const CheckResult identity = finding(access, QStringLiteral("identity"));
    QCOMPARE(identity.status, CheckStatus::Fail);
    QVERIFY(identity.advice.contains(QStringLiteral("QMC › Users")));
}

void TestEnterpriseFlow::repositoryRefusalStopsTheReview()
{
    m_site->setForbidden(QStringLiteral("/qrs/about"), true);
    const AdminAccess access = signInWithCertificates(QStringLiteral("CORP"), QStringLiteral("qlikadmin")).access;
    QVERIFY(!access.isConfirmed());
    QCOMPARE(finding(access, QStringLiteral("qrs")).status, CheckStatus::Fail);
    QVERIFY(!finding(access, QStringLiteral("qrs")).message.isEmpty());
    QCOMPARE(finding(access, QStringLiteral("root-admin")).status, CheckStatus::Skipped);
    QCOMPARE(m_site->repository()->requestCount(QStringLiteral("/qrs/user")), 0);
}

void TestEnterpriseFlow::forgettingTheSignInDropsIt()
{
    QVERIFY(signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin")).access.isConfirmed());
    m_flow->forgetSignIns();
    QCOMPARE(m_flow->adminAccess().method, AdminAccess::Method::None);
    QVERIFY(!m_flow->adminAccess().isConfirmed());
}

QTEST_MAIN(TestEnterpriseFlow)
#include "tst_enterpriseflow.moc"
