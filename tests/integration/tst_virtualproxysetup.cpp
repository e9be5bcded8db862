// Dawiso's JWT virtual proxy made through the QRS as the signed-in admin, over real HTTPS against the simulated site:
// the service user's lookup, the read rule, the proxy created and linked to the central proxy (with another admin's
// change in between), the proxy's restart waited out, a taken prefix offered for reuse, and the Guide me check of
// what an admin made by hand.
#include "enterprise/EnterpriseFlow.h"
#include "enterprise/ServiceUserLookup.h"
#include "enterprise/VirtualProxySetup.h"
#include "host/HostParser.h"
#include "net/TlsTrust.h"
#include "setup/SetupContext.h"
#include "simulator/common/SelfSignedCertificate.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSenseSite;

class TestVirtualProxySetup : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void searchFindsUsersAndTheirDirectories();
    void lookUpReadsRolesAllocationAndRule();
    void doItForMeCreatesLinksAndConfirms();
    void anotherAdminsChangeIsReadAgainAndKept();
    void restartIsWaitedOut();
    void restartThatNeverEndsSaysWhatToCheck();
    void takenPrefixIsOfferedThenReused();
    void guideMeCheckSaysWhatIsMissingThenPasses();
    void publishedOnlyMakesNoRule();

private:
    VirtualProxySettings settings(const QString &prefix = QStringLiteral("dawiso")) const;
    ServiceUser serviceUser() const;
    VirtualProxySetup::Outcome run(const std::function<void()> &start, QList<CheckResult> *steps = nullptr);
    const Simulator::SiteVirtualProxy *proxyNamed(const QString &prefix) const;
    bool isLinked(const QString &proxyId) const;

    std::unique_ptr<QlikSenseSite> m_site;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<QObject> m_owner;
    std::unique_ptr<SetupContext> m_context;
    std::unique_ptr<EnterpriseFlow> m_flow;
    QByteArray m_certificate;
};

void TestVirtualProxySetup::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY(m_site->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    m_trust->addCaCertificates({m_site->siteCa()});
    m_owner = std::make_unique<QObject>();
    m_context = std::make_unique<SetupContext>(m_network.get(), m_trust.get(), m_owner.get());
    m_context->setConfirmedHost(HostParser::parse(m_site->proxyHostAndPort(), DeploymentKind::QlikSenseEnterprise));
    m_flow = std::make_unique<EnterpriseFlow>(m_context.get());
    QSignalSpy signedIn(m_flow.get(), &EnterpriseFlow::signInFinished);
    m_flow->signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"), QByteArrayLiteral("practice-password"));
    QVERIFY(signedIn.wait(20000));
    QVERIFY(m_flow->adminAccess().isConfirmed());
    m_certificate = Simulator::SelfSignedCertificate::generate().certificate().toPem();
    QVERIFY(!m_certificate.isEmpty());
    m_flow->virtualProxySetup()->setRestartWait(10000, 100);
}

void TestVirtualProxySetup::cleanup()
{
    m_flow.reset();
    m_context.reset();
    m_owner.reset();
    m_network.reset();
    m_site.reset();
}

VirtualProxySettings TestVirtualProxySetup::settings(const QString &prefix) const
{
    VirtualProxySettings settings = m_flow->virtualProxySettings();
    settings.prefix = prefix;
    settings.certificatePem = m_certificate;
    return settings;
}

ServiceUser TestVirtualProxySetup::serviceUser() const
{
    ServiceUser user;
    user.userDirectory = QStringLiteral("CORP");
    user.userId = QStringLiteral("svc_dawiso");
    return user;
}

VirtualProxySetup::Outcome TestVirtualProxySetup::run(const std::function<void()> &start, QList<CheckResult> *steps)
{
    VirtualProxySetup *setup = m_flow->virtualProxySetup();
    QSignalSpy finished(setup, &VirtualProxySetup::finished);
    QSignalSpy changed(setup, &VirtualProxySetup::stepChanged);
    start();
    if (!finished.wait(30000)) {
        qWarning("The virtual proxy step did not finish.");
        return {};
    }
    if (steps) {
        // The last word of each step.
        steps->clear();
        for (const QList<QVariant> &signal : std::as_const(changed)) {
            const auto step = signal.first().value<CheckResult>();
            auto it =
                std::find_if(steps->begin(), steps->end(), [&step](const CheckResult &r) { return r.id == step.id; });
            if (it == steps->end())
                steps->append(step);
            else
                *it = step;
        }
    }
    return finished.first().first().value<VirtualProxySetup::Outcome>();
}

const Simulator::SiteVirtualProxy *TestVirtualProxySetup::proxyNamed(const QString &prefix) const
{
    return m_site->directory().virtualProxyByPrefix(prefix);
}

bool TestVirtualProxySetup::isLinked(const QString &proxyId) const
{
    for (const Simulator::SiteProxyService &service : m_site->directory().proxyServices) {
        if (service.virtualProxyIds.contains(proxyId))
            return true;
    }
    return false;
}

void TestVirtualProxySetup::searchFindsUsersAndTheirDirectories()
{
    ServiceUserLookup *lookup = m_flow->serviceUserLookup();
    QSignalSpy found(lookup, &ServiceUserLookup::searchFinished);
    lookup->search(QStringLiteral("dawiso"));
    QVERIFY(found.wait(20000));
    const auto users = found.first().at(0).value<QList<ServiceUser>>();
    const QStringList directories = found.first().at(1).toStringList();
    QVERIFY(found.first().at(2).value<UserMessage>().isEmpty());
    QCOMPARE(users.size(), 1);
    QCOMPARE(users.first().account(), QStringLiteral("CORP\\svc_dawiso"));
    QVERIFY(users.first().exists());
    QVERIFY(directories.contains(QStringLiteral("CORP")));
    QVERIFY(!directories.contains(QStringLiteral("INTERNAL")));
    // By name as well as by id, and the quote of a name does not end the filter.
    lookup->search(QStringLiteral("Quinn"));
    QVERIFY(found.wait(20000));
    QCOMPARE(found.last().at(0).value<QList<ServiceUser>>().first().userId, QStringLiteral("qlikadmin"));
    lookup->search(QStringLiteral("O'Brien"));
    QVERIFY(found.wait(20000));
    QVERIFY(found.last().at(0).value<QList<ServiceUser>>().isEmpty());
    QVERIFY(found.last().at(2).value<UserMessage>().isEmpty());
}

void TestVirtualProxySetup::lookUpReadsRolesAllocationAndRule()
{
    ServiceUserLookup *lookup = m_flow->serviceUserLookup();
    QSignalSpy looked(lookup, &ServiceUserLookup::lookUpFinished);
    lookup->lookUp(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    QVERIFY(looked.wait(20000));
    ServiceUser user = looked.last().first().value<ServiceUser>();
    QVERIFY(user.exists());
    QVERIFY(!user.isRootAdmin());
    QCOMPARE(user.allocation, ServiceUser::Allocation::Professional);
    QVERIFY(!user.hasReadRule);

    lookup->lookUp(QStringLiteral("CORP"), QStringLiteral("qlikadmin"));
    QVERIFY(looked.wait(20000));
    QVERIFY(looked.last().first().value<ServiceUser>().isRootAdmin());

    // A user Qlik has not met: no record, no allocation.
    lookup->lookUp(QStringLiteral("CORP"), QStringLiteral("svc_new"));
    QVERIFY(looked.wait(20000));
    user = looked.last().first().value<ServiceUser>();
    QVERIFY(!user.exists());
    QCOMPARE(user.account(), QStringLiteral("CORP\\svc_new"));
    QCOMPARE(user.allocation, ServiceUser::Allocation::None);
}

void TestVirtualProxySetup::doItForMeCreatesLinksAndConfirms()
{
    const QStringList linkedBefore = m_site->directory().proxyServices.first().virtualProxyIds;
    QList<CheckResult> steps;
    const auto outcome = run(
        [this] {
            m_flow->virtualProxySetup()->start(settings(), serviceUser(), ContentCoverage::ReadRule,
                                               m_flow->adminAccess().proxyServiceId);
        },
        &steps);
    QVERIFY2(outcome.ready, qPrintable(outcome.problem.message + u' ' + outcome.problem.advice));
    QCOMPARE(steps.size(), 5);
    for (const CheckResult &step : std::as_const(steps))
        QVERIFY2(step.status == CheckStatus::Pass, qPrintable(step.id + u' ' + step.message));

    const Simulator::SiteVirtualProxy *proxy = proxyNamed(QStringLiteral("dawiso"));
    QVERIFY(proxy);
    QCOMPARE(proxy->id, outcome.proxyId);
    QCOMPARE(proxy->authenticationMethod, 4);
    QCOMPARE(proxy->sessionCookieHeaderName, QStringLiteral("X-Qlik-Session-dawiso"));
    QVERIFY(isLinked(proxy->id));
    // Every proxy linked before is still linked, the default one first of all.
    for (const QString &id : linkedBefore)
        QVERIFY(isLinked(id));
    // The read rule exists once, and a second run finds it instead of making another.
    QSignalSpy looked(m_flow->serviceUserLookup(), &ServiceUserLookup::lookUpFinished);
    m_flow->serviceUserLookup()->lookUp(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    QVERIFY(looked.wait(20000));
    QVERIFY(looked.last().first().value<ServiceUser>().hasReadRule);
    const int postsBefore = m_site->proxy()->requestCount(QStringLiteral("/qrs/systemrule"));
    const auto again = run([this] {
        m_flow->virtualProxySetup()->start(settings(), serviceUser(), ContentCoverage::ReadRule,
                                           m_flow->adminAccess().proxyServiceId,
                                           proxyNamed(QStringLiteral("dawiso"))->id);
    });
    QVERIFY(again.ready);
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/qrs/systemrule")), postsBefore + 1); // one read, no POST
}

void TestVirtualProxySetup::anotherAdminsChangeIsReadAgainAndKept()
{
    m_site->setProxyServiceConflicts(2);
    const auto outcome = run([this] {
        m_flow->virtualProxySetup()->start(settings(), serviceUser(), ContentCoverage::PublishedOnly,
                                           m_flow->adminAccess().proxyServiceId);
    });
    QVERIFY2(outcome.ready, qPrintable(outcome.problem.message));
    QVERIFY(isLinked(outcome.proxyId));
    QVERIFY(isLinked(m_site->directory().virtualProxyByPrefix(QString())->id));
}

void TestVirtualProxySetup::restartIsWaitedOut()
{
    m_site->setProxyRestartDelay(800);
    QList<CheckResult> steps;
    const auto outcome = run(
        [this] {
            m_flow->virtualProxySetup()->start(settings(), serviceUser(), ContentCoverage::PublishedOnly,
                                               m_flow->adminAccess().proxyServiceId);
        },
        &steps);
    QVERIFY2(outcome.ready, qPrintable(outcome.problem.message));
    const auto restart = std::find_if(steps.cbegin(), steps.cend(), [](const CheckResult &step) {
        return step.id == VirtualProxySetup::restartStepId();
    });
    QVERIFY(restart != steps.cend());
    QCOMPARE(restart->status, CheckStatus::Pass);
}

void TestVirtualProxySetup::restartThatNeverEndsSaysWhatToCheck()
{
    m_site->setProxyRestartDelay(60000);
    m_flow->virtualProxySetup()->setRestartWait(700, 100);
    const auto outcome = run([this] {
        m_flow->virtualProxySetup()->start(settings(), serviceUser(), ContentCoverage::PublishedOnly,
                                           m_flow->adminAccess().proxyServiceId);
    });
    QVERIFY(!outcome.ready);
    QVERIFY2(outcome.problem.advice.contains(QLatin1String("Proxy Service")), qPrintable(outcome.problem.advice));
}

void TestVirtualProxySetup::takenPrefixIsOfferedThenReused()
{
    const QString ssoId = proxyNamed(QStringLiteral("sso"))->id;
    const auto taken = run([this] {
        m_flow->virtualProxySetup()->start(settings(QStringLiteral("sso")), serviceUser(),
                                           ContentCoverage::PublishedOnly, m_flow->adminAccess().proxyServiceId);
    });
    QVERIFY(!taken.ready);
    QVERIFY(taken.prefixTaken);
    QCOMPARE(taken.existingProxy.value(QStringLiteral("id")).toString(), ssoId);
    QCOMPARE(proxyNamed(QStringLiteral("sso"))->authenticationMethod, 0); // nothing changed yet

    const auto reused = run([this, ssoId] {
        m_flow->virtualProxySetup()->start(settings(QStringLiteral("sso")), serviceUser(),
                                           ContentCoverage::PublishedOnly, m_flow->adminAccess().proxyServiceId, ssoId);
    });
    QVERIFY2(reused.ready, qPrintable(reused.problem.message));
    QCOMPARE(proxyNamed(QStringLiteral("sso"))->id, ssoId);
    QCOMPARE(proxyNamed(QStringLiteral("sso"))->authenticationMethod, 4);
    QVERIFY(isLinked(ssoId));
}

void TestVirtualProxySetup::guideMeCheckSaysWhatIsMissingThenPasses()
{
    VirtualProxySetup *setup = m_flow->virtualProxySetup();
    const QString service = m_flow->adminAccess().proxyServiceId;
    QList<CheckResult> steps;
    auto missing =
        run([&] { setup->verify(settings(), serviceUser(), ContentCoverage::PublishedOnly, service); }, &steps);
    QVERIFY(!missing.ready);
    QVERIFY2(missing.problem.message.contains(QLatin1String("no virtual proxy")), qPrintable(missing.problem.message));
    QVERIFY(missing.problem.advice.contains(QLatin1String("Virtual proxies")));
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/qrs/virtualproxyconfig")), 1); // read, never written

    // The admin made it, but pasted another certificate.
    VirtualProxySettings other = settings();
    other.certificatePem = Simulator::SelfSignedCertificate::generate().certificate().toPem();
    QVERIFY(run([&] { setup->start(other, serviceUser(), ContentCoverage::PublishedOnly, service); }).ready);
    const auto differs =
        run([&] { setup->verify(settings(), serviceUser(), ContentCoverage::PublishedOnly, service); });
    QVERIFY(!differs.ready);
    QVERIFY2(differs.problem.message.contains(QLatin1String("certificate")), qPrintable(differs.problem.message));

    const auto passes =
        run([&] { setup->verify(other, serviceUser(), ContentCoverage::PublishedOnly, service); }, &steps);
    QVERIFY2(passes.ready, qPrintable(passes.problem.message));
    // A read rule the admin did not make is named as missing.
    const auto noRule = run([&] { setup->verify(other, serviceUser(), ContentCoverage::ReadRule, service); });
    QVERIFY(!noRule.ready);
    QVERIFY(noRule.problem.advice.contains(QLatin1String("Security rules")));
}

void TestVirtualProxySetup::publishedOnlyMakesNoRule()
{
    const auto outcome = run([this] {
        m_flow->virtualProxySetup()->start(settings(), serviceUser(), ContentCoverage::PublishedOnly,
                                           m_flow->adminAccess().proxyServiceId);
    });
    QVERIFY(outcome.ready);
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/qrs/systemrule")), 0);
}

QTEST_MAIN(TestVirtualProxySetup)
#include "tst_virtualproxysetup.moc"
