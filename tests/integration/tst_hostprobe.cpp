// The host check against the simulator over real HTTPS: what each outcome says to the user.
#include "SimulatorTrust.h"
#include "host/HostParser.h"
#include "setup/HostProbe.h"
#include "simulator/QlikSimulator.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSimulator;

class TestHostProbe : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void findsTheTenant();
    void reportsAnAliasWhenIssuerDiffers();
    void notQlikWhenTheServerIsSomethingElse();
    void notQlikWhenTheAnswerIsNotMetadata();
    void untrustedCertificateCarriesTheCertificate();
    void connectionRefused();
    void timeout();
    void cancelReportsCancelled();
    void newerCheckReplacesOlderSilently();

private:
    HostProbeResult probe(HostProbe &probe, const QString &host);

    std::unique_ptr<QlikSimulator> m_simulator;
    QNetworkAccessManager m_network;
    TlsTrust m_trust;
};

void TestHostProbe::init()
{
    m_simulator = std::make_unique<QlikSimulator>();
    QVERIFY(m_simulator->start());
    m_trust = TlsTrust();
    Test::trustSimulator(m_trust, *m_simulator);
    m_network.clearConnectionCache();
}

HostProbeResult TestHostProbe::probe(HostProbe &probe, const QString &host)
{
    QSignalSpy finished(&probe, &HostProbe::finished);
    probe.start(HostParser::parse(host, DeploymentKind::QlikCloud));
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<HostProbeResult>();
}

void TestHostProbe::findsTheTenant()
{
    HostProbe hostProbe(&m_network, &m_trust);
    QSignalSpy progress(&hostProbe, &HostProbe::progress);
    const HostProbeResult result =
        probe(hostProbe, QStringLiteral("https://") + m_simulator->hostAndPort() + QStringLiteral("/hub/spaces"));
    QCOMPARE(result.outcome, HostProbeResult::Outcome::QlikCloudTenant);
    QVERIFY(!result.isAlias());
    QCOMPARE(result.issuerHostAndPort, m_simulator->hostAndPort());
    QVERIFY(result.message.contains(m_simulator->hostAndPort()));
    QVERIFY(result.metadata.tokenEndpoint.isValid());
    QVERIFY(!progress.isEmpty());
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/.well-known/oauth-authorization-server")), 1);
    QVERIFY(!m_simulator->requests().first().hadAuthorization);
}

void TestHostProbe::reportsAnAliasWhenIssuerDiffers()
{
    m_simulator->setIssuerOverride(QStringLiteral("https://acme.eu.qlikcloud.com"));
    HostProbe hostProbe(&m_network, &m_trust);
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::QlikCloudTenant);
    QVERIFY(result.isAlias());
    QCOMPARE(result.issuerHostAndPort, QStringLiteral("acme.eu.qlikcloud.com"));
    QVERIFY(result.message.contains(QLatin1String("acme.eu.qlikcloud.com")));
}

void TestHostProbe::notQlikWhenTheServerIsSomethingElse()
{
    m_simulator->setNotQlik(true);
    HostProbe hostProbe(&m_network, &m_trust);
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::NotQlik);
    QCOMPARE(result.httpStatus, 404);
    QVERIFY(result.message.contains(QLatin1String("not a Qlik Cloud tenant")));
    QVERIFY(result.advice.contains(QLatin1String("qlikcloud.com")));
}

void TestHostProbe::notQlikWhenTheAnswerIsNotMetadata()
{
    m_simulator->setMalformedJson(QStringLiteral("/.well-known"), true);
    HostProbe hostProbe(&m_network, &m_trust);
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::NotQlik);
    QVERIFY(!result.advice.isEmpty());
}

void TestHostProbe::untrustedCertificateCarriesTheCertificate()
{
    TlsTrust noTrust;
    HostProbe hostProbe(&m_network, &noTrust);
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.outcome, HostProbeResult::Outcome::Unreachable);
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::TlsUntrusted);
    const CertificateSummary certificate = result.failure.peerCertificate();
    QCOMPARE(certificate.certificate(), m_simulator->certificate());
    QVERIFY(certificate.subject().contains(QLatin1String("localhost")));
    QVERIFY(certificate.validUntil() > QDateTime::currentDateTimeUtc());
    QCOMPARE(certificate.sha256Fingerprint().size(), 32 * 3 - 1);
}

void TestHostProbe::connectionRefused()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close();
    HostProbe hostProbe(&m_network, &m_trust);
    const HostProbeResult result = probe(hostProbe, QStringLiteral("localhost:%1").arg(port));
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::ConnectionRefused);
    QVERIFY(result.advice.contains(QLatin1String("port")));
}

void TestHostProbe::timeout()
{
    m_simulator->setResponseDelay(QStringLiteral("/.well-known"), -1);
    HostProbe hostProbe(&m_network, &m_trust);
    hostProbe.setTimeout(std::chrono::milliseconds(700));
    const HostProbeResult result = probe(hostProbe, m_simulator->hostAndPort());
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::TimedOut);
    QVERIFY(result.message.contains(m_simulator->hostAndPort()));
}

void TestHostProbe::cancelReportsCancelled()
{
    m_simulator->setResponseDelay(QStringLiteral("/.well-known"), -1);
    HostProbe hostProbe(&m_network, &m_trust);
    QSignalSpy finished(&hostProbe, &HostProbe::finished);
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
    HostProbe hostProbe(&m_network, &m_trust);
    QSignalSpy finished(&hostProbe, &HostProbe::finished);
    hostProbe.start(HostParser::parse(m_simulator->hostAndPort(), DeploymentKind::QlikCloud));
    m_simulator->setResponseDelay(QStringLiteral("/.well-known"), 0);
    hostProbe.start(HostParser::parse(m_simulator->hostAndPort() + QStringLiteral("/hub"), DeploymentKind::QlikCloud));
    QVERIFY(finished.wait(30000));
    QTest::qWait(2000);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<HostProbeResult>().outcome, HostProbeResult::Outcome::QlikCloudTenant);
}

QTEST_GUILESS_MAIN(TestHostProbe)
#include "tst_hostprobe.moc"
