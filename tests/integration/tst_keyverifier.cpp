// Key verification against the simulator: each kind of key gets its own outcome and explanation.
#include "SimulatorClientFixture.h"
#include "cloud/KeyVerifier.h"
#include "qlik/QlikClient.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;

class TestKeyVerifier : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void healthyKeyNamesItsUserAndExpiryFromTheKeyRecord();
    void tenantAdminKeyIsAcceptedWithAWarning();
    void groupTenantAdminIsRecognised();
    void revokedKeyGetsItsOwnExplanation();
    void expiredKeyGetsItsOwnExplanation();
    void unknownKeyExplainsManageApiKeysAndTheDeveloperRole();
    void expiryFallsBackToTheKeyClaimsWhenTheListIsRefused();
    void rateLimitedVerificationStillSucceeds();
    void cancelStopsTheCheck();
    void keyIsClearedFromTheClientAfterwards();

private:
    KeyVerification verify(const QByteArray &token);
};

void TestKeyVerifier::initTestCase()
{
    QVERIFY(startSimulator());
}

KeyVerification TestKeyVerifier::verify(const QByteArray &token)
{
    KeyVerifier verifier(m_client.get());
    QSignalSpy finished(&verifier, &KeyVerifier::finished);
    verifier.start(ApiKeyToken::fromPastedText(QString::fromLatin1(token)));
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<KeyVerification>();
}

void TestKeyVerifier::healthyKeyNamesItsUserAndExpiryFromTheKeyRecord()
{
    const KeyVerification result = verify(m_simulator->sampleToken(SampleKey::Healthy));
    QCOMPARE(result.outcome, KeyVerification::Outcome::Accepted);
    QCOMPARE(result.user.id, m_simulator->sampleUserId(SampleKey::Healthy));
    QVERIFY(!result.user.isTenantAdmin());
    QVERIFY(result.adminWarning().isEmpty());
    QVERIFY(result.summary.message.contains(result.user.name));
    QCOMPARE(result.keyId, m_simulator->sampleKeyId(SampleKey::Healthy));
    QVERIFY(result.record.has_value());
    QCOMPARE(result.expirySource, KeyVerification::ExpirySource::KeyRecord);
    const int days = result.daysUntilExpiry(QDateTime::currentDateTimeUtc());
    QVERIFY2(days >= 88 && days <= 90, qPrintable(QString::number(days)));
    QVERIFY(result.expiryText(QDateTime::currentDateTimeUtc()).contains(QLatin1String("day")));
}

void TestKeyVerifier::tenantAdminKeyIsAcceptedWithAWarning()
{
    const KeyVerification result = verify(m_simulator->sampleToken(SampleKey::TenantAdmin));
    QCOMPARE(result.outcome, KeyVerification::Outcome::Accepted);
    QVERIFY(result.isTenantAdmin());
    QVERIFY(result.user.holdsTenantAdminDirectly());
    QVERIFY(result.adminWarning().contains(QLatin1String("Tenant Admin")));
    QVERIFY(result.adminWarning().contains(QLatin1String("dedicated user")));
}

void TestKeyVerifier::groupTenantAdminIsRecognised()
{
    const KeyVerification result = verify(m_simulator->sampleToken(SampleKey::GroupAdmin));
    QCOMPARE(result.outcome, KeyVerification::Outcome::Accepted);
    QVERIFY(!result.user.holdsTenantAdminDirectly());
    QVERIFY(result.isTenantAdmin());
    const QStringList groups = result.user.tenantAdminGroups();
    QCOMPARE(groups.size(), 1);
    QVERIFY(result.adminWarning().contains(groups.first()));
}

void TestKeyVerifier::revokedKeyGetsItsOwnExplanation()
{
    const KeyVerification result = verify(m_simulator->sampleToken(SampleKey::Revoked));
    QCOMPARE(result.outcome, KeyVerification::Outcome::RevokedOrExpired);
    QVERIFY(result.summary.message.contains(QLatin1String("revoked")));
    QVERIFY(result.summary.advice.contains(QLatin1String("new")));
}

void TestKeyVerifier::expiredKeyGetsItsOwnExplanation()
{
    // The wizard refuses an expired key locally; this is what Qlik says if one reaches it anyway.
    const KeyVerification result = verify(m_simulator->sampleToken(SampleKey::Expired));
    QCOMPARE(result.outcome, KeyVerification::Outcome::RevokedOrExpired);
}

void TestKeyVerifier::unknownKeyExplainsManageApiKeysAndTheDeveloperRole()
{
    QlikSimulator other; // a key of another tenant: well-formed, but unknown here
    QVERIFY(other.start());
    const KeyVerification result = verify(other.sampleToken(SampleKey::Healthy));
    QCOMPARE(result.outcome, KeyVerification::Outcome::Rejected);
    QVERIFY(result.summary.message.contains(QLatin1String("did not accept")));
    QVERIFY(result.summary.advice.contains(QLatin1String("Manage API keys")));
    QVERIFY(result.summary.advice.contains(QLatin1String("Developer role")));
    QVERIFY(result.summary.advice.contains(QLatin1String("February 2026")));
    QVERIFY(result.summary.advice.contains(m_simulator->hostAndPort()));
}

void TestKeyVerifier::expiryFallsBackToTheKeyClaimsWhenTheListIsRefused()
{
    m_simulator->setNotQlik(false);
    // The key is accepted, but the list of keys comes back as broken JSON.
    m_simulator->setMalformedJson(QStringLiteral("/api/v1/api-keys"), true);
    const KeyVerification result = verify(m_simulator->sampleToken(SampleKey::Healthy));
    m_simulator->setMalformedJson(QStringLiteral("/api/v1/api-keys"), false);
    QCOMPARE(result.outcome, KeyVerification::Outcome::Accepted);
    QVERIFY(!result.keyListReadable);
    QCOMPARE(result.expirySource, KeyVerification::ExpirySource::KeyClaims);
    QVERIFY(result.expiry.isValid());
}

void TestKeyVerifier::rateLimitedVerificationStillSucceeds()
{
    m_simulator->rateLimitNext(QStringLiteral("/api/v1/users/me"), 1, 1);
    const KeyVerification result = verify(m_simulator->sampleToken(SampleKey::Healthy));
    QCOMPARE(result.outcome, KeyVerification::Outcome::Accepted);
}

void TestKeyVerifier::cancelStopsTheCheck()
{
    m_simulator->setResponseDelay(QStringLiteral("/api/v1/users"), -1);
    KeyVerifier verifier(m_client.get());
    QSignalSpy finished(&verifier, &KeyVerifier::finished);
    verifier.start(ApiKeyToken::fromPastedText(QString::fromLatin1(m_simulator->sampleToken(SampleKey::Healthy))));
    QVERIFY(verifier.isRunning());
    verifier.cancel();
    m_simulator->setResponseDelay(QStringLiteral("/api/v1/users"), 0);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().first().value<KeyVerification>().outcome, KeyVerification::Outcome::Cancelled);
    QVERIFY(!m_client->hasApiKey());
}

void TestKeyVerifier::keyIsClearedFromTheClientAfterwards()
{
    verify(m_simulator->sampleToken(SampleKey::Healthy));
    QVERIFY(!m_client->hasApiKey());
}

QTEST_GUILESS_MAIN(TestKeyVerifier)
#include "tst_keyverifier.moc"
