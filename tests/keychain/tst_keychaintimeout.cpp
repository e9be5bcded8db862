#include "FakeSecretService.h"
#include "SecretJobOutcome.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"

#include <QDBusConnection>
#include <QPointer>
#include <QProcess>
#include <QTest>

using namespace Dawiso;
using namespace std::chrono_literals;

namespace {

constexpr int WaitMs = 60000;

QString entryFor(const char *host)
{
    return SecretEntryName::forHost(DeploymentKind::QlikCloud, QString::fromLatin1(host));
}

// The private bus's process, never deleted (see initTestCase): held here, LeakSanitizer sees it in use until the end.
QProcess *privateBus = nullptr;

} // namespace

// A keychain that does not answer (an unlock prompt nobody answers, a hung daemon): jobs must report TimedOut in
// time, ignore the answer when it finally comes, and a job that timed out while waiting for its turn must never
// reach the keychain. The Secret Service here is FakeSecretService on a private session bus.
class TestKeychainTimeout : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void lateAnswerIsIgnoredAndWaitingJobNeverStarts();
    void jobOutlivesTheStore();

private:
    std::shared_ptr<SecretJobOutcome> run(SecretStoreJob *job);

    FakeSecretService m_service;
};

std::shared_ptr<SecretJobOutcome> TestKeychainTimeout::run(SecretStoreJob *job)
{
    auto outcome = SecretJobOutcome::watch(job);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    }();
    return outcome;
}

void TestKeychainTimeout::initTestCase()
{
    // The bus runs under dbus-run-session, whose command waits on our stdin: when this process exits, however it
    // exits, the pipe closes and the bus goes away. Stopping it earlier would make GLib, which libsecret uses, end
    // the process as soon as its session bus disappears, so the QProcess is deliberately never deleted.
    privateBus = new QProcess;
    privateBus->start(QStringLiteral("dbus-run-session"),
                      {QStringLiteral("--config-file=" DQS_PRIVATE_BUS_CONFIG), QStringLiteral("--"),
                       QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("printf '%s\\n' \"$DBUS_SESSION_BUS_ADDRESS\"; exec cat")});
    QVERIFY2(privateBus->waitForStarted(WaitMs), "dbus-run-session (package dbus-daemon) could not be started");
    QTRY_VERIFY_WITH_TIMEOUT(privateBus->canReadLine(), WaitMs);
    const QByteArray address = privateBus->readLine().trimmed();
    QVERIFY2(address.startsWith("unix:"), address.constData());

    qputenv("DBUS_SESSION_BUS_ADDRESS", address); // before libsecret connects for the first time
    const QDBusConnection connection =
        QDBusConnection::connectToBus(QString::fromUtf8(address), QStringLiteral("fake-secret-service"));
    QVERIFY2(connection.isConnected(), qPrintable(connection.lastError().message()));
    QVERIFY2(m_service.registerOn(connection), qPrintable(connection.lastError().message()));
}

void TestKeychainTimeout::cleanup()
{
    m_service.setHoldRequests(false);
    m_service.answerHeldRequests();
    // Once a fresh job has finished, every earlier late answer has come in: jobs run one at a time.
    KeychainSecretStore store;
    QCOMPARE(run(store.readSecret(entryFor("drain.example.com")))->error, SecretStoreError::NotFound);
}

void TestKeychainTimeout::lateAnswerIsIgnoredAndWaitingJobNeverStarts()
{
    KeychainSecretStore store;
    store.setTimeout(500ms);
    m_service.setHoldRequests(true);

    // A: reaches the keychain, which does not answer.
    const QString entryA = entryFor("hung-write.example.com");
    SecretStoreJob *jobA = store.writeSecret(entryA, QByteArray("not-a-real-key-A"));
    const QPointer<SecretStoreJob> guardA(jobA);
    const auto outcomeA = run(jobA);
    QCOMPARE(outcomeA->error, SecretStoreError::TimedOut);
    QVERIFY(outcomeA->errorMessage.contains(QLatin1String("did not answer within 1 second")));
    QVERIFY(outcomeA->errorMessage.contains(QLatin1String("If a password prompt is open, answer it")));
    QVERIFY(outcomeA->backendDetail.contains(QLatin1String("500 ms")));
    QTRY_COMPARE_WITH_TIMEOUT(m_service.heldRequestCount(), 1, WaitMs);
    QCOMPARE(m_service.requestedEntries(), QStringList {entryA});

    // B: times out while A still occupies the keychain, so it must never be sent.
    const QString entryB = entryFor("queued-delete.example.com");
    const auto outcomeB = run(store.deleteSecret(entryB));
    QCOMPARE(outcomeB->error, SecretStoreError::TimedOut);
    QVERIFY(outcomeB->backendDetail.contains(QLatin1String("not started")));

    // The keychain answers A at last; a new job C can only run after that answer has been handled.
    m_service.setHoldRequests(false);
    m_service.answerHeldRequests();
    store.setTimeout(std::chrono::milliseconds(WaitMs));
    const QString entryC = entryFor("after-the-hang.example.com");
    const auto outcomeC = run(store.readSecret(entryC));
    QCOMPARE(outcomeC->error, SecretStoreError::NotFound);

    QCOMPARE(outcomeA->finishedCount, 1);
    QCOMPARE(outcomeA->error, SecretStoreError::TimedOut);
    QCOMPARE(outcomeB->finishedCount, 1);
    QTRY_VERIFY_WITH_TIMEOUT(guardA.isNull(), WaitMs);
    const QStringList requested = m_service.requestedEntries();
    QVERIFY2(!requested.contains(entryB), qPrintable(requested.join(QLatin1Char(' '))));
    QCOMPARE(requested.first(), entryA);
    QVERIFY(requested.contains(entryC));
}

void TestKeychainTimeout::jobOutlivesTheStore()
{
    m_service.setHoldRequests(true);
    auto *store = new KeychainSecretStore;
    store->setTimeout(300ms);
    SecretStoreJob *job = store->readSecret(entryFor("orphan.example.com"));
    delete store;
    const auto outcome = run(job);
    QCOMPARE(outcome->error, SecretStoreError::TimedOut);
    QVERIFY(outcome->secret.isEmpty());
}

QTEST_GUILESS_MAIN(TestKeychainTimeout)
#include "tst_keychaintimeout.moc"
