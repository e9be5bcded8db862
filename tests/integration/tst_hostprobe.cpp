// The host check against the simulator over real HTTPS: what each outcome says to the user.
#include "SimulatorClientFixture.h"
#include "SimulatorTrust.h"
#include "cloud/CloudHostProbe.h"
#include "host/HostParser.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSimulator;

class TestHostProbe : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void init();
    void findsTheTenant();
    void reportsAnAliasWhenIssuerDiffers();
    void endpointsOutsideTheIssuersOriginAreRefused();
    void redirectToAnotherOriginIsRefused_data();
    void redirectToAnotherOriginIsRefused();
    void notQlikWhenTheServerIsSomethingElse();
    void notQlikWhenTheAnswerIsNotMetadata();
    void qlikSenseServerGivenForQlikCloud();
    void untrustedCertificateCarriesTheCertificate();
    void connectionRefused();
    void timeout();
    void cancelReportsCancelled();
    void newerCheckReplacesOlderSilently();

private:
    HostProbeResult probe(CloudHostProbe &probe, const QString &host);
};

void TestHostProbe::init()
{
    QVERIFY(startSimulator());
}

HostProbeResult TestHostProbe::probe(CloudHostProbe &probe, const QString &host)
{
    QSignalSpy finished(&probe, &CloudHostProbe::finished);
    probe.start(HostParser::parse(host, DeploymentKind::QlikCloud));
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<HostProbeResult>();
}

void TestHostProbe::findsTheTenant()
{
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    QSignalSpy progress(&hostProbe, &CloudHostProbe::progress);
    const HostProbeResult result =
        probe(hostProbe, QStringLiteral("https://") + m_simulator->hostAndPort() + QStringLiteral("/hub/spaces"));
    QCOMPARE(result.outcome, HostProbeResult::Outcome::Found);
    QVERIFY(!result.isAlias());
    QCOMPARE(result.ownHostAndPort, m_simulator->hostAndPort());
    QVERIFY(result.summary.message.contains(m_simulator->hostAndPort()));
    QVERIFY(hostProbe.metadata().tokenEndpoint.isValid());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/.well-known/oauth-authorization-server")), 1);
    QVERIFY(!m_simulator->requests().first().hadAuthorization);
}

void TestHostProbe::reportsAnAliasWhenIssuerDiffers()
{
    // 127.0.0.1 reaches the tenant whose own address (issuer, endpoints) is localhost: an alias, like a vanity
    // domain in front of a tenant.
    const QString alias = QStringLiteral("127.0.0.1:%1").arg(m_simulator->port());
    m_trust->pin(alias, CertificateSummary::sha256(m_simulator->certificate()));
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    const HostProbeResult result = probe(hostProbe, alias);
    QCOMPARE(result.outcome, HostProbeResult::Outcome::Found);
    QVERIFY(result.isAlias());
    QCOMPARE(result.ownHostAndPort, m_simulator->hostAndPort());
    QVERIFY(result.summary.message.contains(QLatin1String("localhost")));
}

void TestHostProbe::endpointsOutsideTheIssuersOriginAreRefused()
{
    // The issuer names another server than the one its token and sign-in endpoints are on: a client secret sent
    // to "the tenant's token endpoint" would leave the tenant.
    m_simulator->setIssuerOverride(QStringLiteral("https://acme.eu.qlikcloud.com"));
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::NotQlik);
    QVERIFY(!result.isFound());
    QVERIFY2(result.summary.message.contains(QLatin1String("acme.eu.qlikcloud.com")),
             qPrintable(result.summary.message));
    QVERIFY2(result.summary.message.contains(m_simulator->hostAndPort()), qPrintable(result.summary.message));
    QVERIFY(result.summary.message.contains(QLatin1String("different server")));
    QVERIFY(result.summary.advice.contains(QLatin1String("own address")));
}

void TestHostProbe::redirectToAnotherOriginIsRefused_data()
{
    QTest::addColumn<QString>("target"); // OTHER: a second simulator (another port); SELF-HTTP: this one over http
    QTest::addColumn<bool>("otherIsTrusted");
    QTest::newRow("another port, trusted") << QStringLiteral("OTHER") << true;
    QTest::newRow("another port, untrusted certificate") << QStringLiteral("OTHER") << false;
    QTest::newRow("another scheme") << QStringLiteral("SELF-HTTP") << false;
}

void TestHostProbe::redirectToAnotherOriginIsRefused()
{
    QFETCH(QString, target);
    QFETCH(bool, otherIsTrusted);
    QlikSimulator other;
    QVERIFY(other.start());
    if (otherIsTrusted)
        Test::trustSimulator(*m_trust, other);
    const QString path = QStringLiteral("/.well-known/oauth-authorization-server");
    QUrl location = target == QLatin1String("OTHER") ? other.baseUrl() : m_simulator->baseUrl();
    if (target == QLatin1String("SELF-HTTP"))
        location.setScheme(QStringLiteral("http"));
    location.setPath(path);
    m_simulator->setRedirectTarget(path, location);

    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::NotQlik);
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::UnsafeRedirect);
    // Nothing from the other origin: no answer, no certificate to offer for trust.
    QCOMPARE(other.requests().size(), 0);
    QVERIFY(result.failure.certificateChain().isEmpty());
    QVERIFY(result.failure.certificateOrigin().isEmpty());
    QVERIFY2(result.summary.message.contains(m_simulator->hostAndPort()), qPrintable(result.summary.message));
    QVERIFY2(result.summary.advice.contains(QLatin1String("own address")), qPrintable(result.summary.advice));
    QCOMPARE(m_simulator->requestCount(path), 1);
}

void TestHostProbe::notQlikWhenTheServerIsSomethingElse()
{
    m_simulator->setNotQlik(true);
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::NotQlik);
    QCOMPARE(result.httpStatus, 404);
    QVERIFY(result.summary.message.contains(QLatin1String("not a Qlik Cloud tenant")));
    QVERIFY(result.summary.advice.contains(QLatin1String("qlikcloud.com")));
}

void TestHostProbe::notQlikWhenTheAnswerIsNotMetadata()
{
    m_simulator->setMalformedJson(QStringLiteral("/.well-known"), true);
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::NotQlik);
    QVERIFY(!result.summary.advice.isEmpty());
}

void TestHostProbe::qlikSenseServerGivenForQlikCloud()
{
    Simulator::QlikSenseSite site;
    QVERIFY(site.start());
    m_trust->addCaCertificates({site.siteCa()});
    CloudHostProbe cloudProbe(m_network.get(), m_trust.get());
    const HostProbeResult result = probe(cloudProbe, site.proxyHostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::NotQlik);
    QCOMPARE(result.finding, HostProbeResult::Finding::QlikSenseServer);
    QVERIFY2(result.summary.message.contains(QLatin1String("Qlik Sense Enterprise server")),
             qPrintable(result.summary.message));
    QVERIFY(result.summary.advice.contains(QLatin1String("choose Qlik Sense Enterprise on Windows")));
}

void TestHostProbe::untrustedCertificateCarriesTheCertificate()
{
    TlsTrust noTrust;
    CloudHostProbe hostProbe(m_network.get(), &noTrust);
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::Unreachable);
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::TlsUntrusted);
    const CertificateSummary certificate = result.failure.peerCertificate();
    QCOMPARE(certificate.certificate(), m_simulator->certificate());
    QVERIFY(certificate.subject().contains(QLatin1String("localhost")));
    QVERIFY(certificate.validUntil() > QDateTime::currentDateTimeUtc());
    QCOMPARE(certificate.sha256Fingerprint().size(), 32 * 3 - 1);
    QCOMPARE(result.failure.certificateOrigin(), m_simulator->hostAndPort());
}

void TestHostProbe::connectionRefused()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close();
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    const HostProbeResult result = probe(hostProbe, QStringLiteral("localhost:%1").arg(port));
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::ConnectionRefused);
    QVERIFY(result.summary.advice.contains(QLatin1String("port")));
}

void TestHostProbe::timeout()
{
    m_simulator->setResponseDelay(QStringLiteral("/.well-known"), -1);
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    hostProbe.setTimeout(std::chrono::milliseconds(700));
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::TimedOut);
    QVERIFY(result.summary.message.contains(m_simulator->hostAndPort()));
}

void TestHostProbe::cancelReportsCancelled()
{
    m_simulator->setResponseDelay(QStringLiteral("/.well-known"), -1);
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    QSignalSpy finished(&hostProbe, &CloudHostProbe::finished);
    hostProbe.start(HostParser::parse(m_simulator->hostAndPort(), DeploymentKind::QlikCloud));
    QVERIFY(hostProbe.isRunning());
    hostProbe.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<HostProbeResult>().outcome, HostProbeResult::Outcome::Cancelled);
    QVERIFY(!hostProbe.isRunning());
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
}

void TestHostProbe::newerCheckReplacesOlderSilently()
{
    m_simulator->setResponseDelay(QStringLiteral("/.well-known"), 1500);
    CloudHostProbe hostProbe(m_network.get(), m_trust.get());
    QSignalSpy finished(&hostProbe, &CloudHostProbe::finished);
    hostProbe.start(HostParser::parse(m_simulator->hostAndPort(), DeploymentKind::QlikCloud));
    m_simulator->setResponseDelay(QStringLiteral("/.well-known"), 0);
    hostProbe.start(HostParser::parse(m_simulator->hostAndPort() + QStringLiteral("/hub"), DeploymentKind::QlikCloud));
    QVERIFY(finished.wait(30000));
    QTest::qWait(2000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<HostProbeResult>().outcome, HostProbeResult::Outcome::Found);
}

QTEST_GUILESS_MAIN(TestHostProbe)
#include "tst_hostprobe.moc"
