// A Qlik Cloud tenant reached by an alias, whose redirects and next links name its other address in absolute URLs:
// key verification and the connection check read them on the address the admin confirmed, with the key, and a
// pointer elsewhere that cannot be read there is reported as such, never as a refused key.
#include "SimulatorTrust.h"
#include "cloud/CloudConnectionCheck.h"
#include "cloud/KeyVerifier.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/cloud/SimulatorScenario.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;
using Simulator::SimulatorScenario;

namespace {

// The simulator listens on 127.0.0.1 and the client asks for "localhost": the other loopback name is the alias, a
// real address on the same port whose certificate this run does not trust.
const QString aliasHost = QStringLiteral("127.0.0.1");

} // namespace

class TestAliasTenant : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void aliasVariationNamesTheOtherHost();
    void keyVerificationFollowsTheRebasedLinks();
    void connectionCheckFollowsTheRebasedLinks();
    void pointerElsewhereNamesBothAddresses_data();
    void pointerElsewhereNamesBothAddresses();

private:
    QUrl aliasUrl(const QString &path) const;
    // Every request arrived at the confirmed address (its Host header) and carried the key.
    void verifyAllAtTheConfirmedOriginWithTheKey() const;

    std::unique_ptr<QlikSimulator> m_simulator;
    QNetworkAccessManager m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<QlikClient> m_client;
};

void TestAliasTenant::init()
{
    // More spaces and apps than one page holds, so that the check follows next links.
    m_simulator = std::make_unique<QlikSimulator>(SimulatorScenario::large(230, 130));
    m_simulator->setAliasHost(aliasHost);
    QVERIFY(m_simulator->start());
    m_trust = std::make_unique<TlsTrust>();
    Test::trustSimulator(*m_trust, *m_simulator);
    m_client = std::make_unique<QlikClient>(&m_network, m_trust.get());
    m_client->setBaseUrl(m_simulator->baseUrl());
}

void TestAliasTenant::cleanup()
{
    m_client.reset();
    m_simulator.reset();
    m_network.clearConnectionCache();
}

QUrl TestAliasTenant::aliasUrl(const QString &path) const
{
    QUrl url(QStringLiteral("https://") + aliasHost);
    url.setPort(m_simulator->port());
    url.setPath(path);
    return url;
}

void TestAliasTenant::verifyAllAtTheConfirmedOriginWithTheKey() const
{
    const auto requests = m_simulator->requests();
    QVERIFY(!requests.isEmpty());
    for (const auto &request : requests) {
        QVERIFY2(request.hadAuthorization, qPrintable(request.path));
        QCOMPARE(QString::fromLatin1(request.headers.value("Host")), m_simulator->hostAndPort());
    }
}

void TestAliasTenant::aliasVariationNamesTheOtherHost()
{
    // Without rebasing, the client follows the absolute redirect to the other host, without the key.
    QlikRequestOptions options = m_client->defaultOptions();
    options.rebasedPathPrefix.clear();
    m_trust->pin(aliasHost + QLatin1Char(':') + QString::number(m_simulator->port()),
                 CertificateSummary::sha256(m_simulator->certificate()));
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::Healthy));
    QlikRequest *request = m_client->send(m_client->urlFor(QStringLiteral("/api/v1/users/me")), options);
    QSignalSpy finished(request, &QlikRequest::finished);
    request->start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(request->finalUrl().host(), aliasHost);
    const auto requests = m_simulator->requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY(!requests.at(1).hadAuthorization);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::OtherAddress);
}

void TestAliasTenant::keyVerificationFollowsTheRebasedLinks()
{
    // More keys than one page of the key list holds; the sample key is on a later page.
    const QString userId = m_simulator->sampleUserId(SampleKey::Healthy);
    for (int i = 0; i < 110; ++i)
        m_simulator->issueApiKey(userId, QDateTime::currentDateTimeUtc().addDays(30), QStringLiteral("old %1").arg(i));

    KeyVerifier verifier(m_client.get());
    QSignalSpy finished(&verifier, &KeyVerifier::finished);
    verifier.start(ApiKeyToken::fromPastedText(QString::fromLatin1(m_simulator->sampleToken(SampleKey::Healthy))));
    QVERIFY(finished.wait(30000));
    const auto result = finished.first().first().value<KeyVerification>();
    QVERIFY2(result.outcome == KeyVerification::Outcome::Accepted, qPrintable(result.summary.message));
    QCOMPARE(result.user.id, userId);
    QVERIFY(result.keyListReadable);
    QVERIFY(result.record.has_value());

    QCOMPARE(m_simulator->requestCount(QStringLiteral("/api/v1/users/")), 2); // me (301) and the user itself
    QVERIFY(m_simulator->requestCount(QStringLiteral("/api/v1/api-keys")) >= 2);
    verifyAllAtTheConfirmedOriginWithTheKey();
}

void TestAliasTenant::connectionCheckFollowsTheRebasedLinks()
{
    CloudConnectionCheck check(m_client.get());
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start(m_simulator->hostAndPort(), m_simulator->sampleToken(SampleKey::Healthy));
    QVERIFY(finished.wait(60000));
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    for (const CheckResult &result : report.checks)
        QVERIFY2(result.status != CheckStatus::Fail, qPrintable(result.id + QLatin1String(": ") + result.message));
    QVERIFY(m_simulator->requestCount(QStringLiteral("/api/v1/spaces")) >= 2);
    QVERIFY(m_simulator->requestCount(QStringLiteral("/api/v1/tenants/")) >= 2); // me (302) and the tenant
    verifyAllAtTheConfirmedOriginWithTheKey();
}

void TestAliasTenant::pointerElsewhereNamesBothAddresses_data()
{
    QTest::addColumn<QString>("target"); // where users/me points, on the other host
    QTest::newRow("a page outside the API") << QStringLiteral("/login");
    QTest::newRow("back to itself") << QStringLiteral("/api/v1/users/me");
}

void TestAliasTenant::pointerElsewhereNamesBothAddresses()
{
    QFETCH(QString, target);
    m_simulator->setRedirectTarget(QStringLiteral("/api/v1/users/me"), aliasUrl(target));
    const QString confirmed = m_simulator->hostAndPort();
    const QString other = aliasHost + QLatin1Char(':') + QString::number(m_simulator->port());

    KeyVerifier verifier(m_client.get());
    QSignalSpy verified(&verifier, &KeyVerifier::finished);
    verifier.start(ApiKeyToken::fromPastedText(QString::fromLatin1(m_simulator->sampleToken(SampleKey::Healthy))));
    QVERIFY(verified.wait(30000));
    const auto result = verified.first().first().value<KeyVerification>();
    QVERIFY(result.outcome != KeyVerification::Outcome::Rejected);
    QCOMPARE(result.failure.kind(), RequestFailure::Kind::OtherAddress);
    const QString said = result.summary.message + QLatin1Char(' ') + result.summary.advice;
    QVERIFY2(said.contains(QLatin1String("pointed the wizard to another address")), qPrintable(said));
    QVERIFY2(said.contains(confirmed) && said.contains(other), qPrintable(said));
    QVERIFY2(!said.contains(QLatin1String("generate"), Qt::CaseInsensitive), qPrintable(said));
    QVERIFY2(!said.contains(QLatin1String("did not accept")), qPrintable(said));

    CloudConnectionCheck check(m_client.get());
    QSignalSpy checked(&check, &ConnectionCheck::finished);
    check.start(confirmed, m_simulator->sampleToken(SampleKey::Healthy));
    QVERIFY(checked.wait(30000));
    const auto report = checked.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Unreachable);
    const CheckResult *identity = report.check(QStringLiteral("identity"));
    QVERIFY(identity);
    const QString reported = identity->message + QLatin1Char(' ') + identity->advice;
    QVERIFY2(reported.contains(confirmed) && reported.contains(other), qPrintable(reported));
    QVERIFY2(!reported.contains(QLatin1String("generate"), Qt::CaseInsensitive), qPrintable(reported));

    // Nothing went to the other address: each attempt stopped at the pointer.
    for (const auto &request : m_simulator->requests())
        QCOMPARE(QString::fromLatin1(request.headers.value("Host")), confirmed);
}

QTEST_GUILESS_MAIN(TestAliasTenant)
#include "tst_aliastenant.moc"
