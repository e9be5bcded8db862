// Coming back to a saved Qlik Cloud connection, against the simulator over HTTPS with an in-memory keychain: check
// it again, rotate its key (with every step that can fail), and forget it. Whatever fails, the keychain keeps a
// working key unless the connection was forgotten.
#include "FakeSecretStore.h"
#include "SimulatorClientFixture.h"
#include "cloud/CloudFlow.h"
#include "cloud/CloudKeyRotation.h"
#include "connections/SavedConnectionCheck.h"
#include "connections/SavedConnectionRemoval.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupContext.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <algorithm>

using namespace Dawiso;
using Simulator::SampleKey;

Q_DECLARE_METATYPE(Dawiso::CredentialRotation::Result)
Q_DECLARE_METATYPE(Dawiso::SavedConnectionRemoval::Result)

class TestSavedConnections : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void checkAgainRecordsTheVerdict();
    void checkAgainOfARevokedKeyIsBlocked();
    void checkAgainWithoutAKeychainEntrySaysSo();
    void rotationStoresTheNewKeyAndRevokesTheOld();
    void rotationCanLeaveTheOldKeyUntilDawisoHasTheNewOne();
    void rotationWithAPastedKeyOfTheSameUser();
    void refusedNewKeyLeavesTheOldOne();
    void failedCheckTakesTheNewKeyBack();
    void keychainRefusalKeepsTheOldKeyAndTakesTheNewOneBack();
    void oldKeyNotRevokedIsSaidAndTheNewOneStays();
    void pastedKeyOfAnotherUserIsRefusedAndLeftAlone();
    void stopDuringTheCheckKeepsTheOldKey();
    void forgetRemovesEntryAndRow();
    void forgetWithRevocationRevokesTheKey();
    void forgetKeepsEverythingWhenRevocationFails();

private:
    SavedConnection saveSample(SampleKey key);
    QString entry() const;
    QString keyStatus(const QString &keyId) const;
    int activeKeysOfIntegrationUser() const;
    CredentialRotation::Result rotate(const SavedConnection &saved, const ApiKeyToken &pasted = {},
                                      std::function<void(CloudKeyRotation *, CredentialRotation::Step)> during = {});
    SavedConnectionRemoval::Result forget(const SavedConnection &saved, bool revoke);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionIndex> m_index;
    std::unique_ptr<FakeSecretStore> m_store;
    std::unique_ptr<SetupContext> m_context;
    std::unique_ptr<QObject> m_owner;
    std::unique_ptr<CloudFlow> m_flow;
};

void TestSavedConnections::init()
{
    qRegisterMetaType<CredentialRotation::Result>();
    qRegisterMetaType<SavedConnectionRemoval::Result>();
    QVERIFY(startSimulator());
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_index = std::make_unique<ConnectionIndex>(m_settings.get());
    m_store = std::make_unique<FakeSecretStore>();
    m_owner = std::make_unique<QObject>();
    m_context = std::make_unique<SetupContext>(m_network.get(), m_trust.get(), m_owner.get());
    m_flow = std::make_unique<CloudFlow>(m_context.get());
}

void TestSavedConnections::cleanup()
{
    m_flow.reset();
    m_context.reset();
    m_owner.reset();
    m_store.reset();
    stopSimulator();
}

QString TestSavedConnections::entry() const
{
    return SecretEntryName::forHost(DeploymentKind::QlikCloud, m_simulator->hostAndPort());
}

SavedConnection TestSavedConnections::saveSample(SampleKey key)
{
    SavedConnection saved;
    saved.kind = DeploymentKind::QlikCloud;
    saved.hostAndPort = m_simulator->hostAndPort();
    saved.userId = m_simulator->sampleUserId(key);
    saved.userName = QStringLiteral("Dawiso Integration");
    saved.keyId = m_simulator->sampleKeyId(key);
    m_index->upsert(saved);
    m_store->insertSecret(entry(), m_simulator->sampleToken(key));
    return *m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort);
}

QString TestSavedConnections::keyStatus(const QString &keyId) const
{
    for (const Simulator::SimApiKey &key : m_simulator->tenant().apiKeys) {
        if (key.id == keyId)
            return key.status;
    }
    return QStringLiteral("gone");
}

int TestSavedConnections::activeKeysOfIntegrationUser() const
{
    const QString user = m_simulator->sampleUserId(SampleKey::Healthy);
    const auto &keys = m_simulator->tenant().apiKeys;
    return int(std::count_if(keys.cbegin(), keys.cend(), [&](const Simulator::SimApiKey &key) {
        return key.sub == user && key.status == QLatin1String("active");
    }));
}

CredentialRotation::Result
TestSavedConnections::rotate(const SavedConnection &saved, const ApiKeyToken &pasted,
                             std::function<void(CloudKeyRotation *, CredentialRotation::Step)> during)
{
    CloudKeyRotation rotation(m_network.get(), m_trust.get(), m_flow.get(), m_store.get(), m_index.get());
    rotation.setPastedKey(pasted);
    if (during) {
        connect(&rotation, &CredentialRotation::stepStarted, this,
                [&rotation, during](CredentialRotation::Step step) { during(&rotation, step); });
    }
    QSignalSpy finished(&rotation, &CredentialRotation::finished);
    rotation.start(saved, 30);
    if (!finished.wait(30000))
        return {};
    // Whatever happened, no copy of a key stays behind in the rotation.
    return finished.first().first().value<CredentialRotation::Result>();
}

SavedConnectionRemoval::Result TestSavedConnections::forget(const SavedConnection &saved, bool revoke)
{
    SavedConnectionRemoval removal(m_flow.get(), m_store.get(), m_index.get());
    QSignalSpy finished(&removal, &SavedConnectionRemoval::finished);
    removal.start(saved, revoke);
    if (!finished.wait(30000))
        return {};
    return finished.first().first().value<SavedConnectionRemoval::Result>();
}

void TestSavedConnections::checkAgainRecordsTheVerdict()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    SavedConnectionCheck check(m_flow.get(), m_store.get(), m_index.get());
    QVERIFY(!check.plannedChecks(saved).isEmpty());
    QSignalSpy changed(&check, &SavedConnectionCheck::checkChanged);
    QSignalSpy finished(&check, &SavedConnectionCheck::finished);
    check.start(saved);
    QVERIFY(finished.wait(30000));
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QCOMPARE(report.keyId, saved.keyId);
    QVERIFY(changed.size() >= check.plannedChecks(saved).size());
    const auto recorded = m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort);
    QCOMPARE(recorded->lastCheck, SavedConnection::LastCheck::Usable);
    QCOMPARE(recorded->lastCheckedAt, report.checkedAt);
}

void TestSavedConnections::checkAgainOfARevokedKeyIsBlocked()
{
    const SavedConnection saved = saveSample(SampleKey::Revoked);
    SavedConnectionCheck check(m_flow.get(), m_store.get(), m_index.get());
    QSignalSpy finished(&check, &SavedConnectionCheck::finished);
    check.start(saved);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().value<ConnectionReport>().verdict, ConnectionReport::Verdict::Blocked);
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort)->lastCheck,
             SavedConnection::LastCheck::Blocked);
}

void TestSavedConnections::checkAgainWithoutAKeychainEntrySaysSo()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    m_store->clear();
    SavedConnectionCheck check(m_flow.get(), m_store.get(), m_index.get());
    QSignalSpy finished(&check, &SavedConnectionCheck::finished);
    check.start(saved);
    QVERIFY(finished.wait(30000));
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    QVERIFY(!report.checks.isEmpty());
    QVERIFY2(report.checks.first().message.contains(QLatin1String("no longer holds")),
             qPrintable(report.checks.first().message));
    QVERIFY(report.checks.first().advice.contains(QLatin1String("Set up again")));
}

void TestSavedConnections::rotationStoresTheNewKeyAndRevokesTheOld()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    const QByteArray oldToken = m_simulator->sampleToken(SampleKey::Healthy);
    const int keysBefore = m_simulator->tenant().apiKeys.size();

    const CredentialRotation::Result result = rotate(saved);
    QVERIFY2(result.rotated, qPrintable(result.problem.message + QLatin1Char(' ') + result.problem.advice));
    QVERIFY(result.problem.isEmpty());
    QCOMPARE(result.report.verdict, ConnectionReport::Verdict::Usable);

    // The keychain holds the new key, not the old one; the index names it; Qlik has it and no longer the old one.
    QVERIFY(m_store->contains(entry()));
    QVERIFY(!m_store->secretEquals(entry(), oldToken));
    const auto recorded = m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort);
    QVERIFY(recorded->keyId != saved.keyId);
    QCOMPARE(recorded->keyId, result.connection.keyId);
    QCOMPARE(recorded->userId, saved.userId);
    QVERIFY(recorded->keyExpiry.isValid());
    QVERIFY(recorded->keyExpiry <= QDateTime::currentDateTimeUtc().addDays(31));
    QCOMPARE(recorded->lastCheck, SavedConnection::LastCheck::Usable);
    // One key made, the old one deleted by its owner.
    QCOMPARE(m_simulator->tenant().apiKeys.size(), keysBefore);
    QCOMPARE(keyStatus(recorded->keyId), QStringLiteral("active"));
    QVERIFY(keyStatus(saved.keyId) != QLatin1String("active"));
    QVERIFY(result.whereThingsAre.join(QLatin1Char(' ')).contains(QLatin1String("was revoked")));

    // And the stored key is one Qlik takes.
    SavedConnectionCheck check(m_flow.get(), m_store.get(), m_index.get());
    QSignalSpy finished(&check, &SavedConnectionCheck::finished);
    check.start(*recorded);
    QVERIFY(finished.wait(30000));
    QCOMPARE(finished.first().first().value<ConnectionReport>().verdict, ConnectionReport::Verdict::Usable);
}

void TestSavedConnections::rotationCanLeaveTheOldKeyUntilDawisoHasTheNewOne()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    CloudKeyRotation rotation(m_network.get(), m_trust.get(), m_flow.get(), m_store.get(), m_index.get());
    rotation.setRetireLater(true);
    QSignalSpy finished(&rotation, &CredentialRotation::finished);
    QSignalSpy retired(&rotation, &CredentialRotation::retired);
    rotation.start(saved, 30);
    QVERIFY(finished.wait(30000));
    const auto stored = finished.first().first().value<CredentialRotation::Result>();
    QVERIFY(stored.rotated);
    QVERIFY(rotation.retirementPending());
    QVERIFY(!m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    // Both work until the admin says Dawiso has the new one.
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
    QVERIFY(stored.whereThingsAre.last().contains(QLatin1String("until it is revoked")));

    rotation.retireOldNow();
    QVERIFY(retired.wait(30000));
    const auto done = retired.first().first().value<CredentialRotation::Result>();
    QVERIFY(done.rotated);
    QVERIFY(done.problem.isEmpty());
    QVERIFY(!rotation.retirementPending());
    QVERIFY(keyStatus(saved.keyId) != QLatin1String("active"));
    QVERIFY(done.whereThingsAre.last().contains(QLatin1String("was revoked")));
    QCOMPARE(finished.size(), 1);
}

void TestSavedConnections::rotationWithAPastedKeyOfTheSameUser()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    const ApiKeyToken pasted =
        ApiKeyToken::fromPastedText(QString::fromLatin1(m_simulator->sampleToken(SampleKey::ExpiringSoon)));
    const CredentialRotation::Result result = rotate(saved, pasted);
    QVERIFY2(result.rotated, qPrintable(result.problem.message));
    QVERIFY(m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::ExpiringSoon)));
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort)->keyId,
             m_simulator->sampleKeyId(SampleKey::ExpiringSoon));
    QVERIFY(keyStatus(saved.keyId) != QLatin1String("active"));
}

void TestSavedConnections::refusedNewKeyLeavesTheOldOne()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    m_simulator->tenant().maxKeysPerUser = activeKeysOfIntegrationUser();
    const int keysBefore = m_simulator->tenant().apiKeys.size();

    const CredentialRotation::Result result = rotate(saved);
    QVERIFY(!result.rotated);
    QVERIFY(!result.problem.message.isEmpty());
    QVERIFY2(result.problem.advice.contains(QLatin1String("Paste a key")), qPrintable(result.problem.advice));
    QVERIFY(m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort)->keyId, saved.keyId);
    QCOMPARE(m_simulator->tenant().apiKeys.size(), keysBefore);
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
    QVERIFY(result.whereThingsAre.first().contains(QLatin1String("still in the keychain")));
}

void TestSavedConnections::failedCheckTakesTheNewKeyBack()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    // The check reads the spaces; creating a key does not.
    m_simulator->setMalformedJson(QStringLiteral("/api/v1/spaces"), true);
    const int activeBefore = activeKeysOfIntegrationUser();

    const CredentialRotation::Result result = rotate(saved);
    QVERIFY(!result.rotated);
    QVERIFY(result.problem.message.contains(QLatin1String("did not pass the connection check")));
    QVERIFY(result.report.verdict != ConnectionReport::Verdict::Usable);
    QVERIFY(m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort)->keyId, saved.keyId);
    // The key made for the rotation is revoked again; the old one still works.
    QCOMPARE(activeKeysOfIntegrationUser(), activeBefore);
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
    QVERIFY(result.whereThingsAre.join(QLatin1Char(' ')).contains(QLatin1String("revoked in Qlik again")));
}

void TestSavedConnections::keychainRefusalKeepsTheOldKeyAndTakesTheNewOneBack()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    const int activeBefore = activeKeysOfIntegrationUser();
    const CredentialRotation::Result result =
        rotate(saved, {}, [this](CloudKeyRotation *, CredentialRotation::Step step) {
            // The write of the new key is the keychain's next operation.
            if (step == CredentialRotation::Step::StoringNew)
                m_store->failNextWith(SecretStoreError::AccessDenied);
        });
    QVERIFY(!result.rotated);
    QVERIFY2(result.problem.message.contains(QLatin1String("keychain did not take")),
             qPrintable(result.problem.message));
    QVERIFY(m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort)->keyId, saved.keyId);
    QCOMPARE(activeKeysOfIntegrationUser(), activeBefore);
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
    const QString where = result.whereThingsAre.join(QLatin1Char(' '));
    QVERIFY2(where.contains(QLatin1String("written back")), qPrintable(where));
    QVERIFY(where.contains(QLatin1String("revoked in Qlik again")));
}

void TestSavedConnections::oldKeyNotRevokedIsSaidAndTheNewOneStays()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    // Qlik keeps refusing the revocation of the old key: more 429s than the bounded retries take.
    m_simulator->rateLimitNext(QStringLiteral("/api/v1/api-keys/") + saved.keyId, 20, 0);

    const CredentialRotation::Result result = rotate(saved);
    QVERIFY(result.rotated);
    QVERIFY(!result.problem.isEmpty());
    QVERIFY(result.problem.message.contains(saved.keyId));
    QVERIFY(result.problem.advice.contains(QLatin1String("Management Console")));
    QVERIFY(!m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    const auto recorded = m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort);
    QVERIFY(recorded->keyId != saved.keyId);
    QCOMPARE(keyStatus(recorded->keyId), QStringLiteral("active"));
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
}

void TestSavedConnections::pastedKeyOfAnotherUserIsRefusedAndLeftAlone()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    // A second integration user, with the same role: Qlik takes its key, but it is not this connection's.
    Simulator::SimUser other = *m_simulator->tenant().user(saved.userId);
    other.id = QStringLiteral("64f0c0ffee0000000000beef");
    other.name = QStringLiteral("Other Integration");
    other.email = QStringLiteral("other.integration@example.com");
    m_simulator->tenant().users.append(other);
    const QByteArray otherToken = m_simulator->issueApiKey(other.id, QDateTime::currentDateTimeUtc().addDays(30),
                                                           QStringLiteral("Another user's key"));
    const ApiKeyToken pasted = ApiKeyToken::fromPastedText(QString::fromLatin1(otherToken));
    const QString otherKey = pasted.keyId();

    const CredentialRotation::Result result = rotate(saved, pasted);
    QVERIFY(!result.rotated);
    QVERIFY2(result.problem.message.contains(QLatin1String("belongs to Other Integration")),
             qPrintable(result.problem.message));
    QVERIFY(m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    // Not ours to revoke.
    QCOMPARE(keyStatus(otherKey), QStringLiteral("active"));
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
    QVERIFY(result.whereThingsAre.join(QLatin1Char(' ')).contains(QLatin1String("left as it is")));
}

void TestSavedConnections::stopDuringTheCheckKeepsTheOldKey()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    const int activeBefore = activeKeysOfIntegrationUser();
    m_simulator->setResponseDelay(QStringLiteral("/api/v1/spaces"), 5000);
    const CredentialRotation::Result result =
        rotate(saved, {}, [](CloudKeyRotation *rotation, CredentialRotation::Step step) {
            if (step == CredentialRotation::Step::CheckingNew)
                QTimer::singleShot(200, rotation, [rotation] { rotation->cancel(); });
        });
    QVERIFY(!result.rotated);
    QVERIFY(result.problem.message.startsWith(QLatin1String("Stopped")));
    QVERIFY(m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    QCOMPARE(activeKeysOfIntegrationUser(), activeBefore);
}

void TestSavedConnections::forgetRemovesEntryAndRow()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    const SavedConnectionRemoval::Result result = forget(saved, false);
    QVERIFY(result.removed);
    QVERIFY(!result.revoked);
    QVERIFY(!m_store->contains(entry()));
    QVERIFY(!m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort));
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
}

void TestSavedConnections::forgetWithRevocationRevokesTheKey()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    const SavedConnectionRemoval::Result result = forget(saved, true);
    QVERIFY2(result.removed, qPrintable(result.problem.message));
    QVERIFY(result.revoked);
    QVERIFY(keyStatus(saved.keyId) != QLatin1String("active"));
    QVERIFY(!m_store->contains(entry()));
    QVERIFY(m_index->connections().isEmpty());
}

void TestSavedConnections::forgetKeepsEverythingWhenRevocationFails()
{
    const SavedConnection saved = saveSample(SampleKey::Healthy);
    m_simulator->rateLimitNext(QStringLiteral("/api/v1/api-keys/") + saved.keyId, 20, 0);
    const SavedConnectionRemoval::Result result = forget(saved, true);
    QVERIFY(!result.removed);
    QVERIFY(result.problem.message.contains(QLatin1String("nothing was removed")));
    QVERIFY(m_store->secretEquals(entry(), m_simulator->sampleToken(SampleKey::Healthy)));
    QVERIFY(m_index->find(DeploymentKind::QlikCloud, saved.hostAndPort));
    QCOMPARE(keyStatus(saved.keyId), QStringLiteral("active"));
}

QTEST_GUILESS_MAIN(TestSavedConnections)
#include "tst_savedconnections.moc"
