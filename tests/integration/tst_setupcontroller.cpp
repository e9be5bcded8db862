// The controller that owns one run through the wizard: its steps against the simulator, with an in-memory
// keychain, including the orders of events a user can produce by going back and forth.
#include "FakeSecretStore.h"
#include "SimulatorClientFixture.h"
#include "SimulatorTrust.h"
#include "cloud/CloudFlow.h"
#include "host/HostParser.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupController.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;

class TestSetupController : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void stepsEndWithTheKeyStoredAndOutOfMemory();
    void refusedKeyIsNotKept();
    void anotherHostForgetsTheKey();
    void aNewerSaveWinsOverOneStillRunning();
    void closingWithoutSignInsWaitsForNothing();
    void keychainFailureKeepsTheKeyForRetry();
    void aCreatedKeyStaysWithItsTenant();
    void stopWhileTheKeyIsReadBackStopsTheCheck();
    void quitRiskSaysWhatWouldBeLost();

private:
    void confirmHost(const QString &host);
    void verify(SampleKey key);
    CredentialSaveResult save();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionIndex> m_index;
    std::unique_ptr<FakeSecretStore> m_store;
    std::unique_ptr<SetupController> m_controller;
    CloudFlow *m_cloud = nullptr; // the controller's
};

void TestSetupController::init()
{
    QVERIFY(startSimulator());
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_index = std::make_unique<ConnectionIndex>(m_settings.get());
    m_store = std::make_unique<FakeSecretStore>();
    m_controller = std::make_unique<SetupController>(m_network.get(), m_trust.get(), m_store.get(), m_index.get());
    m_cloud = m_controller->addDeployment(std::make_unique<CloudFlow>(m_controller->context()));
}

void TestSetupController::cleanup()
{
    m_cloud = nullptr;
    m_controller.reset();
    stopSimulator();
}

void TestSetupController::confirmHost(const QString &host)
{
    QSignalSpy finished(m_controller.get(), &SetupController::hostProbeFinished);
    m_controller->probeHost(m_controller->parseHost(host));
    QVERIFY(finished.wait(20000));
    QVERIFY(m_controller->confirmedHost().isValid());
}

void TestSetupController::verify(SampleKey key)
{
    QSignalSpy finished(m_cloud, &CloudFlow::keyVerificationFinished);
    m_cloud->verifyKey(ApiKeyToken::fromPastedText(QString::fromLatin1(m_simulator->sampleToken(key))));
    QVERIFY(finished.wait(20000));
}

CredentialSaveResult TestSetupController::save()
{
    QSignalSpy finished(m_controller.get(), &SetupController::saveFinished);
    m_controller->saveCredential();
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<CredentialSaveResult>();
}

void TestSetupController::stepsEndWithTheKeyStoredAndOutOfMemory()
{
    confirmHost(m_simulator->hostAndPort());
    verify(SampleKey::Healthy);
    QVERIFY(m_cloud->hasVerifiedKey());
    const CredentialSaveResult result = save();
    QVERIFY(result.saved);
    const QString entry = SecretEntryName::forHost(DeploymentKind::QlikCloud, m_simulator->hostAndPort());
    QCOMPARE(result.entryName, entry);
    QCOMPARE(m_controller->credentialEntryName(), entry);
    QVERIFY(m_store->secretEquals(entry, m_simulator->sampleToken(SampleKey::Healthy)));
    const auto saved = m_index->find(DeploymentKind::QlikCloud, m_simulator->hostAndPort());
    QVERIFY(saved);
    QCOMPARE(saved->userId, m_simulator->sampleUserId(SampleKey::Healthy));
    QCOMPARE(saved->keyId, m_simulator->sampleKeyId(SampleKey::Healthy));
    // The keychain has it now; the controller's copy is gone.
    QVERIFY(!m_cloud->hasVerifiedKey());
    QVERIFY(m_cloud->keyVerification().isAccepted());
}

void TestSetupController::refusedKeyIsNotKept()
{
    confirmHost(m_simulator->hostAndPort());
    verify(SampleKey::Revoked);
    QVERIFY(!m_cloud->hasVerifiedKey());
    QSignalSpy saveStarted(m_controller.get(), &SetupController::saveStepStarted);
    m_controller->saveCredential();
    QTest::qWait(50);
    QCOMPARE(saveStarted.size(), 0);
    QVERIFY(m_store->entryNames().isEmpty());
}

void TestSetupController::anotherHostForgetsTheKey()
{
    confirmHost(m_simulator->hostAndPort());
    verify(SampleKey::Healthy);
    QVERIFY(m_cloud->hasVerifiedKey());
    confirmHost(m_simulator->hostAndPort() + QStringLiteral("/hub")); // same host: the key stays
    QVERIFY(m_cloud->hasVerifiedKey());

    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, other);
    confirmHost(other.hostAndPort());
    QVERIFY(!m_cloud->hasVerifiedKey());
    QVERIFY(!m_cloud->keyVerification().isAccepted());
}

void TestSetupController::aNewerSaveWinsOverOneStillRunning()
{
    confirmHost(m_simulator->hostAndPort());
    verify(SampleKey::TenantAdmin);
    m_store->setHoldJobs(true); // like a keychain waiting for its unlock prompt
    QSignalSpy finished(m_controller.get(), &SetupController::saveFinished);
    m_controller->saveCredential();
    QVERIFY(m_controller->isSaving());

    // The user goes back, pastes another key and saves again while the first write is pending.
    verify(SampleKey::Healthy);
    QVERIFY(!m_controller->isSaving());
    m_controller->saveCredential();
    m_store->setHoldJobs(false);
    m_store->releaseHeldJobs();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 10000);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1); // the abandoned save never reports
    QVERIFY(finished.first().first().value<CredentialSaveResult>().saved);
    const QString entry = SecretEntryName::forHost(DeploymentKind::QlikCloud, m_simulator->hostAndPort());
    QVERIFY(m_store->secretEquals(entry, m_simulator->sampleToken(SampleKey::Healthy)));
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, m_simulator->hostAndPort())->userId,
             m_simulator->sampleUserId(SampleKey::Healthy));
}

void TestSetupController::keychainFailureKeepsTheKeyForRetry()
{
    confirmHost(m_simulator->hostAndPort());
    verify(SampleKey::Healthy);
    m_store->failNextWith(SecretStoreError::Unavailable);
    const CredentialSaveResult failed = save();
    QVERIFY(!failed.saved);
    QCOMPARE(failed.error, SecretStoreError::Unavailable);
    QVERIFY(!failed.message.isEmpty());
    QVERIFY(m_index->connections().isEmpty());
    QVERIFY(m_cloud->hasVerifiedKey()); // still in memory, so the user can retry without a new key
    QVERIFY(save().saved);
}

void TestSetupController::aCreatedKeyStaysWithItsTenant()
{
    confirmHost(m_simulator->hostAndPort());
    ApiKeyCreation::Result created;
    created.outcome = ApiKeyCreation::Outcome::Created;
    created.record.id = m_simulator->sampleKeyId(SampleKey::Healthy);
    created.token = m_simulator->sampleToken(SampleKey::Healthy);
    m_cloud->adoptCreatedKey(created);
    QVERIFY(m_cloud->hasVerifiedKey());

    // Another tenant confirmed before the key was stored: the key is neither offered for it nor lost.
    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, other);
    int otherRequests = 0;
    connect(&other, &QlikSimulator::requestHandled, this, [&otherRequests] { ++otherRequests; });
    confirmHost(other.hostAndPort());
    const int probeRequests = otherRequests;
    QVERIFY(!m_cloud->hasVerifiedKey());
    QCOMPARE(m_controller->unsavedCreatedCredentialId(), created.record.id);
    QSignalSpy saveStarted(m_controller.get(), &SetupController::saveStepStarted);
    m_controller->saveCredential();
    QTest::qWait(50);
    QCOMPARE(saveStarted.size(), 0);

    // Deleting it goes to the tenant that created it; the other one never sees the key.
    QSignalSpy revoked(m_controller.get(), &SetupController::createdCredentialRevoked);
    m_controller->revokeCreatedCredential();
    QVERIFY(revoked.wait(20000));
    QVERIFY(revoked.first().first().toBool());
    QCOMPARE(otherRequests, probeRequests);
    QVERIFY(m_controller->unsavedCreatedCredentialId().isEmpty());
}

void TestSetupController::stopWhileTheKeyIsReadBackStopsTheCheck()
{
    confirmHost(m_simulator->hostAndPort());
    verify(SampleKey::Healthy);
    QVERIFY(save().saved);
    m_simulator->clearRequests();

    QSignalSpy finished(m_controller.get(), &SetupController::connectionCheckFinished);
    m_controller->runConnectionCheck();
    QVERIFY(m_controller->isCheckingConnection()); // the keychain has not answered yet
    m_controller->cancelConnectionCheck();
    QVERIFY(finished.wait(20000));
    const ConnectionReport report = m_controller->connectionReport();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Cancelled);
    for (const CheckResult &result : report.checks)
        QCOMPARE(result.status, CheckStatus::Skipped);
    QTest::qWait(100);
    QCOMPARE(m_simulator->requests().size(), 0); // nothing was asked of Qlik
    QVERIFY(!m_controller->isCheckingConnection());
}

void TestSetupController::quitRiskSaysWhatWouldBeLost()
{
    using Reason = QuitRisk::Reason;
    QVERIFY(m_controller->quitRisk().isNone());
    confirmHost(m_simulator->hostAndPort());
    QVERIFY(m_controller->quitRisk().isNone());

    // A pasted key, verified and not stored: Qlik will not show it again.
    verify(SampleKey::Healthy);
    QuitRisk risk = m_controller->quitRisk();
    QCOMPARE(risk.reason, Reason::UnsavedCredential);
    QVERIFY2(risk.text.contains(QLatin1String("not stored")), qPrintable(risk.text));
    QVERIFY(!risk.title.isEmpty());

    // Being written to a keychain that waits for its unlock prompt.
    m_store->setHoldJobs(true);
    m_controller->saveCredential();
    QCOMPARE(m_controller->quitRisk().reason, Reason::Saving);
    m_store->setHoldJobs(false);
    m_store->releaseHeldJobs();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->saveResult().saved, 10000);
    QVERIFY(m_controller->quitRisk().isNone()); // stored: nothing is lost any more

    // A key the wizard created and has not stored: it says where to delete it in Qlik.
    ApiKeyCreation::Result created;
    created.outcome = ApiKeyCreation::Outcome::Created;
    created.record.id = m_simulator->sampleKeyId(SampleKey::Healthy);
    created.token = m_simulator->sampleToken(SampleKey::Healthy);
    m_cloud->adoptCreatedKey(created);
    risk = m_controller->quitRisk();
    QCOMPARE(risk.reason, Reason::UnsavedCreatedCredential);
    QVERIFY2(risk.text.contains(QLatin1String("API keys")), qPrintable(risk.text));

    // A practice run risks nothing real.
    m_controller->setPracticeRun(true);
    QVERIFY(m_controller->quitRisk().isNone());
}

QTEST_GUILESS_MAIN(TestSetupController)
void TestSetupController::closingWithoutSignInsWaitsForNothing()
{
    // Nothing signed in, so nothing to revoke: closing has nothing to wait for and makes no revoker on the way out.
    m_controller->endRun();
    m_controller->waitForSignOuts(std::chrono::seconds(3));
    QVERIFY(!m_controller->context()->existingTokenRevoker());
}

#include "tst_setupcontroller.moc"
