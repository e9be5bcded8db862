// The engine probe's edges over real TLS on loopback: a handshake a live proxy answers with HTTP 403, a 429 on the
// handshake waited out, an engine that never greets (the timeout), a cancel, and an untrusted certificate.
#include "enterprise/EngineProbe.h"
#include "net/TlsTrust.h"
#include "simulator/common/SimulatorHost.h"

#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

#include <memory>

using namespace Dawiso;
using Simulator::SimRequest;
using Simulator::SimResponse;
using Simulator::SimulatorHost;

namespace {

const QByteArray cookie = QByteArrayLiteral("X-Qlik-Session-dawiso=session-one");
const QByteArray csrf = QByteArrayLiteral("csrf-one");

} // namespace

class TestEngineProbe : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void handshakeAnswered403IsForbidden();
    void rateLimitedHandshakeIsRetried();
    void silentEngineTimesOut();
    void cancelledProbeSaysNothing();
    void untrustedCertificateFails();
    void engineUrlKeepsThePrefix();

private:
    // A host whose upgrade requests are answered as HTTP, the way a live proxy refuses a WebSocket.
    void startRefusingHost(int status);
    QUrl proxyBaseUrl() const;

    std::unique_ptr<SimulatorHost> m_host;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<EngineProbe> m_probe;
    std::vector<std::unique_ptr<QWebSocket>> m_held;
};

void TestEngineProbe::init()
{
    m_host = std::make_unique<SimulatorHost>();
    m_host->setExchangeLogged(false);
    m_trust = std::make_unique<TlsTrust>();
    m_trust->addCaCertificates({m_host->certificate()});
    m_probe = std::make_unique<EngineProbe>(m_trust.get());
}

void TestEngineProbe::cleanup()
{
    m_probe.reset();
    m_held.clear();
    m_host.reset();
}

void TestEngineProbe::startRefusingHost(int status)
{
    m_host->addHandler(QStringLiteral("/"), [status](const SimRequest &) {
        return SimResponse {status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}}, {}, {}};
    });
    QVERIFY(m_host->start());
}

QUrl TestEngineProbe::proxyBaseUrl() const
{
    QUrl url = m_host->baseUrl();
    url.setPath(QStringLiteral("/dawiso"));
    return url;
}

void TestEngineProbe::handshakeAnswered403IsForbidden()
{
    startRefusingHost(403);
    QSignalSpy finished(m_probe.get(), &EngineProbe::finished);
    m_probe->start(proxyBaseUrl(), QStringLiteral("app-one"), cookie, csrf);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_probe->outcome(), EngineProbe::Outcome::Forbidden);
    QCOMPARE(m_probe->handshakeStatus(), 403);
    QCOMPARE(m_host->requestCount(QStringLiteral("/dawiso/app/app-one")), 1);
    const auto request = m_host->requests().first();
    QVERIFY(!request.hadAuthorization);
    QCOMPARE(request.headers.value("Cookie"), QByteArrayLiteral("redacted"));
    QCOMPARE(request.headers.value("Origin"), (QStringLiteral("https://") + m_host->hostAndPort()).toLatin1());
}

void TestEngineProbe::rateLimitedHandshakeIsRetried()
{
    startRefusingHost(403);
    m_host->rateLimitNext(QStringLiteral("/dawiso/app/"), 1, 1);
    QSignalSpy finished(m_probe.get(), &EngineProbe::finished);
    m_probe->start(proxyBaseUrl(), QStringLiteral("app-one"), cookie, csrf);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_probe->rateLimitWaits(), 1);
    QCOMPARE(m_probe->outcome(), EngineProbe::Outcome::Forbidden);
    QCOMPARE(m_host->requestCount(QStringLiteral("/dawiso/app/")), 2);
}

void TestEngineProbe::silentEngineTimesOut()
{
    m_host->setWebSocketHandler([this](std::unique_ptr<QWebSocket> socket) { m_held.push_back(std::move(socket)); });
    QVERIFY(m_host->start());
    m_probe->setTimeout(std::chrono::milliseconds(1500));
    QSignalSpy finished(m_probe.get(), &EngineProbe::finished);
    m_probe->start(proxyBaseUrl(), QStringLiteral("app-one"), cookie, csrf);
    QVERIFY(finished.wait(20000));
    QCOMPARE(m_probe->outcome(), EngineProbe::Outcome::Failed);
    QCOMPARE(m_probe->failure().kind(), RequestFailure::Kind::TimedOut);
    QCOMPARE(m_held.size(), size_t(1));
}

void TestEngineProbe::cancelledProbeSaysNothing()
{
    m_host->setWebSocketHandler([this](std::unique_ptr<QWebSocket> socket) { m_held.push_back(std::move(socket)); });
    QVERIFY(m_host->start());
    QSignalSpy finished(m_probe.get(), &EngineProbe::finished);
    m_probe->start(proxyBaseUrl(), QStringLiteral("app-one"), cookie, csrf);
    QTRY_COMPARE_WITH_TIMEOUT(m_held.size(), size_t(1), 10000);
    m_probe->cancel();
    QVERIFY(!m_probe->isRunning());
    QTest::qWait(300);
    QCOMPARE(finished.size(), 0);
    QCOMPARE(m_probe->outcome(), EngineProbe::Outcome::None);
}

void TestEngineProbe::untrustedCertificateFails()
{
    startRefusingHost(403);
    TlsTrust nothingTrusted;
    EngineProbe probe(&nothingTrusted);
    QSignalSpy finished(&probe, &EngineProbe::finished);
    probe.start(proxyBaseUrl(), QStringLiteral("app-one"), cookie, csrf);
    QVERIFY(finished.wait(20000));
    QCOMPARE(probe.outcome(), EngineProbe::Outcome::Failed);
    QCOMPARE(probe.failure().kind(), RequestFailure::Kind::TlsUntrusted);
    QCOMPARE(m_host->requestCount(QStringLiteral("/")), 0);
}

void TestEngineProbe::engineUrlKeepsThePrefix()
{
    QCOMPARE(EngineProbe::engineUrl(QUrl(QStringLiteral("https://qlik.corp.example/dawiso/")), QStringLiteral("a1")),
             QUrl(QStringLiteral("wss://qlik.corp.example/dawiso/app/a1")));
    QCOMPARE(EngineProbe::engineUrl(QUrl(QStringLiteral("https://qlik.corp.example:8443")), QStringLiteral("a1")),
             QUrl(QStringLiteral("wss://qlik.corp.example:8443/app/a1")));
}

QTEST_GUILESS_MAIN(TestEngineProbe)
#include "tst_engineprobe.moc"
