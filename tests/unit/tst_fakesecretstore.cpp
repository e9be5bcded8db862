#include "FakeSecretStore.h"
#include "SecretJobOutcome.h"
#include "secrets/KeychainSecretJob.h"
#include "secrets/SecretStoreMessages.h"

#include <QPointer>
#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;

namespace {

constexpr int WaitMs = 10000;
const QString Entry = QStringLiteral("com.dawiso.QlikSetup/qlik-cloud/acme.eu.qlikcloud.com");
const QByteArray Secret("fake-api-key-for-tests");

} // namespace

// The fake that unit and GUI tests use in place of the keychain: it must keep the SecretStoreJob contract.
class TestFakeSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void writeReadDelete();
    void finishedIsEmittedLaterAndOnce();
    void failNextWithFailsOnlyOnceAndChangesNothing_data();
    void failNextWithFailsOnlyOnceAndChangesNothing();
    void failAlwaysWithUntilCleared();
    void heldJobsFinishOnRelease();
    void refusesWhatTheRealStoreRefuses();
    void insertSecretAndInspection();
    void heldJobsFinishWhenTheStoreGoes();
    void callerCopiesSurviveTheJob();

private:
    static std::shared_ptr<SecretJobOutcome> run(SecretStoreJob *job);
};

std::shared_ptr<SecretJobOutcome> TestFakeSecretStore::run(SecretStoreJob *job)
{
    auto outcome = SecretJobOutcome::watch(job);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    }();
    return outcome;
}

void TestFakeSecretStore::writeReadDelete()
{
    FakeSecretStore store;
    QCOMPARE(run(store.writeSecret(Entry, Secret))->error, SecretStoreError::None);
    QVERIFY(store.contains(Entry));
    QVERIFY(store.secretEquals(Entry, Secret));
    QVERIFY(!store.secretEquals(Entry, QByteArray("other")));

    const auto read = run(store.readSecret(Entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == Secret);

    QCOMPARE(run(store.deleteSecret(Entry))->error, SecretStoreError::None);
    QVERIFY(!store.contains(Entry));
    const auto missing = run(store.readSecret(Entry));
    QCOMPARE(missing->error, SecretStoreError::NotFound);
    QCOMPARE(missing->errorMessage,
             SecretStoreMessages::forError(SecretStoreError::NotFound, SecretStoreOperation::Read));
    QCOMPARE(run(store.deleteSecret(Entry))->error, SecretStoreError::None); // deleting nothing succeeds
    QCOMPARE(store.operationCount(), 5);
}

void TestFakeSecretStore::finishedIsEmittedLaterAndOnce()
{
    FakeSecretStore store;
    SecretStoreJob *job = store.writeSecret(Entry, Secret);
    const QPointer<SecretStoreJob> guard(job);
    // Connected after the call returned: an emission inside the call would be lost.
    QSignalSpy spy(job, &SecretStoreJob::finished);
    QVERIFY(spy.wait(WaitMs));
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), WaitMs);
    QTest::qWait(50);
    QCOMPARE(spy.count(), 1);
}

void TestFakeSecretStore::failNextWithFailsOnlyOnceAndChangesNothing_data()
{
    QTest::addColumn<SecretStoreError>("error");
    QTest::newRow("unavailable") << SecretStoreError::Unavailable;
    QTest::newRow("access denied") << SecretStoreError::AccessDenied;
    QTest::newRow("timed out") << SecretStoreError::TimedOut;
    QTest::newRow("failed") << SecretStoreError::Failed;
}

void TestFakeSecretStore::failNextWithFailsOnlyOnceAndChangesNothing()
{
    QFETCH(SecretStoreError, error);
    FakeSecretStore store;
    store.failNextWith(error);
    const auto failed = run(store.writeSecret(Entry, Secret));
    QCOMPARE(failed->error, error);
    QCOMPARE(failed->errorMessage, SecretStoreMessages::forError(error, SecretStoreOperation::Write));
    QVERIFY(!failed->backendDetail.isEmpty());
    QVERIFY(!store.contains(Entry));

    QCOMPARE(run(store.writeSecret(Entry, Secret))->error, SecretStoreError::None);
    QVERIFY(store.secretEquals(Entry, Secret));

    store.failNextWith(error);
    const auto failedRead = run(store.readSecret(Entry));
    QCOMPARE(failedRead->error, error);
    QVERIFY(failedRead->secret.isEmpty());
    store.failNextWith(error);
    QCOMPARE(run(store.deleteSecret(Entry))->error, error);
    QVERIFY(store.contains(Entry));
}

void TestFakeSecretStore::failAlwaysWithUntilCleared()
{
    FakeSecretStore store;
    store.failAlwaysWith(SecretStoreError::Unavailable);
    QCOMPARE(run(store.writeSecret(Entry, Secret))->error, SecretStoreError::Unavailable);
    QCOMPARE(run(store.readSecret(Entry))->error, SecretStoreError::Unavailable);
    store.failAlwaysWith(SecretStoreError::None);
    QCOMPARE(run(store.writeSecret(Entry, Secret))->error, SecretStoreError::None);
    QVERIFY(store.contains(Entry));
}

void TestFakeSecretStore::heldJobsFinishOnRelease()
{
    FakeSecretStore store;
    store.setHoldJobs(true);
    SecretStoreJob *write = store.writeSecret(Entry, Secret);
    const auto writeOutcome = SecretJobOutcome::watch(write);
    SecretStoreJob *read = store.readSecret(Entry);
    const auto readOutcome = SecretJobOutcome::watch(read);
    QCOMPARE(store.heldJobCount(), 2);
    QTest::qWait(50);
    QCOMPARE(writeOutcome->finishedCount, 0);
    QVERIFY(!store.contains(Entry)); // a held write has stored nothing yet

    store.releaseHeldJobs();
    QCOMPARE(store.heldJobCount(), 0);
    QTRY_COMPARE_WITH_TIMEOUT(readOutcome->finishedCount, 1, WaitMs);
    QCOMPARE(writeOutcome->finishedCount, 1);
    QCOMPARE(writeOutcome->error, SecretStoreError::None);
    QCOMPARE(readOutcome->error, SecretStoreError::None); // in order: the write came first
    QVERIFY(readOutcome->secret == Secret);
}

void TestFakeSecretStore::refusesWhatTheRealStoreRefuses()
{
    FakeSecretStore store;
    const auto tooLarge = run(store.writeSecret(Entry, QByteArray(KeychainSecretJob::maximumSecretSize() + 1, 'k')));
    QCOMPARE(tooLarge->error, SecretStoreError::TooLarge);
    QVERIFY(tooLarge->errorMessage.contains(QString::number(KeychainSecretJob::maximumSecretSize())));
    QCOMPARE(run(store.writeSecret(Entry, QByteArray()))->error, SecretStoreError::Failed);
    QCOMPARE(run(store.writeSecret(QString(), Secret))->error, SecretStoreError::Failed);
    QVERIFY(store.entryNames().isEmpty());
}

void TestFakeSecretStore::insertSecretAndInspection()
{
    FakeSecretStore store;
    const QString other = QStringLiteral("com.dawiso.QlikSetup/qlik-sense/qlik.corp:4242");
    store.insertSecret(other, QByteArray("preset"));
    store.insertSecret(Entry, Secret);
    QCOMPARE(store.entryNames(), (QStringList {Entry, other}));
    QCOMPARE(store.operationCount(), 0);
    const auto read = run(store.readSecret(other));
    QVERIFY(read->secret == QByteArray("preset"));
    store.clear();
    QVERIFY(store.entryNames().isEmpty());
    QCOMPARE(store.locationDescription(), QStringLiteral("Test keychain"));
    store.setLocationDescription(QStringLiteral("macOS Keychain"));
    QCOMPARE(store.locationDescription(), QStringLiteral("macOS Keychain"));
}

void TestFakeSecretStore::heldJobsFinishWhenTheStoreGoes()
{
    auto store = std::make_unique<FakeSecretStore>();
    store->setHoldJobs(true);
    const auto outcome = SecretJobOutcome::watch(store->writeSecret(Entry, Secret));
    store.reset();
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    QCOMPARE(outcome->error, SecretStoreError::Unavailable);
}

void TestFakeSecretStore::callerCopiesSurviveTheJob()
{
    // Jobs wipe their own buffers; a copy the caller holds (of the secret it wrote or read) must stay intact.
    FakeSecretStore store;
    QByteArray written = QByteArray("caller-owned-") + Secret;
    const QByteArray expected(written.constData(), written.size());
    SecretStoreJob *write = store.writeSecret(Entry, written);
    const QPointer<SecretStoreJob> writeGuard(write);
    QCOMPARE(run(write)->error, SecretStoreError::None);
    QTRY_VERIFY_WITH_TIMEOUT(writeGuard.isNull(), WaitMs);
    QVERIFY(written == expected);

    SecretStoreJob *read = store.readSecret(Entry);
    const QPointer<SecretStoreJob> readGuard(read);
    const auto outcome = run(read);
    QTRY_VERIFY_WITH_TIMEOUT(readGuard.isNull(), WaitMs);
    QVERIFY(outcome->secret == expected);
    store.clear();
    QVERIFY(outcome->secret == expected);
}

QTEST_GUILESS_MAIN(TestFakeSecretStore)
#include "tst_fakesecretstore.moc"
