#include "SecretJobOutcome.h"
#include "secrets/KeychainSecretJob.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStoreMessages.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QPointer>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;
using namespace std::chrono_literals;

namespace {

constexpr int WaitMs = 60000; // a keychain on a loaded machine can be slow; only a hang should fail

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

// Printable, like an API key (a JWT).
QByteArray randomKey(qsizetype size)
{
    return randomBytes(size).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).left(size);
}

QString cloudEntry(const QString &host)
{
    return SecretEntryName::forHost(DeploymentKind::QlikCloud, host);
}

} // namespace

// KeychainSecretStore against a real Secret Service: gnome-keyring on the test's own session bus.
class TestKeychainSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void writeThenReadReturnsTheSecret_data();
    void writeThenReadReturnsTheSecret();
    void overwriteReplacesTheSecret();
    void deleteThenReadIsNotFound();
    void deleteOfMissingEntrySucceeds();
    void hostsAndKindsDoNotCollide();
    void entryIsVisibleToTheSecretService();
    void finishedIsEmittedLaterAndOnce_data();
    void finishedIsEmittedLaterAndOnce();
    void refusedWritesStoreNothing_data();
    void refusedWritesStoreNothing();
    void timedOutWriteIgnoresTheLateAnswer();
    void timedOutReadReturnsNoSecret();
    void locationNamesTheSecretService();

private:
    std::shared_ptr<SecretJobOutcome> run(SecretStoreJob *job);
    void write(const QString &entry, const QByteArray &secret);
    void remove(const QString &entry);

    KeychainSecretStore m_store;
};

std::shared_ptr<SecretJobOutcome> TestKeychainSecretStore::run(SecretStoreJob *job)
{
    auto outcome = SecretJobOutcome::watch(job);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    }();
    return outcome;
}

void TestKeychainSecretStore::write(const QString &entry, const QByteArray &secret)
{
    const auto outcome = run(m_store.writeSecret(entry, secret));
    QVERIFY2(outcome->error == SecretStoreError::None, qPrintable(outcome->backendDetail));
}

void TestKeychainSecretStore::remove(const QString &entry)
{
    const auto outcome = run(m_store.deleteSecret(entry));
    QVERIFY2(outcome->error == SecretStoreError::None, qPrintable(outcome->backendDetail));
}

void TestKeychainSecretStore::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run through ctest: the test needs its own session bus with gnome-keyring.");
    // `gnome-keyring-daemon --unlock` can return before its daemon owns the name. A keychain call made then would
    // have the bus start a second, locked daemon, so wait (without activating anything) for the unlocked one.
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY2(bus, "No session bus");
    QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value(), WaitMs);
    // The keyring lives in the test's HOME and survives runs, so every test starts from what it writes itself.
}

void TestKeychainSecretStore::writeThenReadReturnsTheSecret_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("API key") << randomKey(900);
    QTest::newRow("binary with NUL and 0xFF") << QByteArray("a\0b\xff\x01\x80 z", 8) + randomBytes(64);
    QTest::newRow("3000 bytes, above the old Windows limit") << randomBytes(3000);
    QTest::newRow("64 KiB, the limit") << randomBytes(KeychainSecretJob::maximumSecretSize());
    QTest::newRow("one byte") << QByteArray("x");
}

void TestKeychainSecretStore::writeThenReadReturnsTheSecret()
{
    QFETCH(QByteArray, secret);
    const QString entry = cloudEntry(QStringLiteral("roundtrip.example.com"));
    write(entry, secret);

    const auto read = run(m_store.readSecret(entry));
    QVERIFY2(read->error == SecretStoreError::None, qPrintable(read->backendDetail));
    QVERIFY(read->errorMessage.isEmpty());
    QVERIFY(read->secret == secret); // QVERIFY: a failing QCOMPARE would print the secret
}

void TestKeychainSecretStore::overwriteReplacesTheSecret()
{
    const QString entry = cloudEntry(QStringLiteral("overwrite.example.com"));
    const QByteArray first = randomKey(600);
    const QByteArray second = randomKey(300);
    write(entry, first);
    write(entry, second);

    const auto read = run(m_store.readSecret(entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == second);
}

void TestKeychainSecretStore::deleteThenReadIsNotFound()
{
    const QString entry = cloudEntry(QStringLiteral("delete.example.com"));
    write(entry, randomKey(200));
    remove(entry);

    const auto read = run(m_store.readSecret(entry));
    QCOMPARE(read->error, SecretStoreError::NotFound);
    QVERIFY(read->secret.isEmpty());
    QCOMPARE(read->errorMessage, SecretStoreMessages::forError(SecretStoreError::NotFound, SecretStoreOperation::Read));
    QVERIFY(!read->backendDetail.isEmpty());
}

void TestKeychainSecretStore::deleteOfMissingEntrySucceeds()
{
    const QString entry = cloudEntry(QStringLiteral("never-saved.example.com"));
    remove(entry);
    const auto again = run(m_store.deleteSecret(entry));
    QCOMPARE(again->error, SecretStoreError::None);
    QVERIFY(again->errorMessage.isEmpty());
}

void TestKeychainSecretStore::hostsAndKindsDoNotCollide()
{
    const QList<QString> entries {
        cloudEntry(QStringLiteral("tenant-a.eu.qlikcloud.com")),
        cloudEntry(QStringLiteral("tenant-b.eu.qlikcloud.com")),
        SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, QStringLiteral("tenant-a.eu.qlikcloud.com")),
        SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, QStringLiteral("tenant-a.eu.qlikcloud.com:4242")),
    };
    QList<QByteArray> secrets;
    for (const QString &entry : entries) {
        secrets.append(randomKey(400));
        write(entry, secrets.last());
    }
    for (int i = 0; i < entries.size(); ++i) {
        const auto read = run(m_store.readSecret(entries.at(i)));
        QCOMPARE(read->error, SecretStoreError::None);
        QVERIFY2(read->secret == secrets.at(i), qPrintable(entries.at(i)));
    }

    remove(entries.at(0));
    const auto removed = run(m_store.readSecret(entries.at(0)));
    QCOMPARE(removed->error, SecretStoreError::NotFound);
    const auto kept = run(m_store.readSecret(entries.at(1)));
    QCOMPARE(kept->error, SecretStoreError::None);
    QVERIFY(kept->secret == secrets.at(1));
}

void TestKeychainSecretStore::entryIsVisibleToTheSecretService()
{
    const QString entry = cloudEntry(QStringLiteral("visible.example.com"));
    const QByteArray secret = randomKey(700);
    write(entry, secret);

    // QtKeychain stores binary data base64-encoded, with type=base64, in the default collection.
    QProcess lookup;
    lookup.start(QStringLiteral("secret-tool"),
                 {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral(DQS_APP_ID),
                  QStringLiteral("user"), entry, QStringLiteral("type"), QStringLiteral("base64")});
    QVERIFY2(lookup.waitForFinished(WaitMs), "secret-tool (libsecret-tools) did not finish");
    QCOMPARE(lookup.exitStatus(), QProcess::NormalExit);
    QCOMPARE(lookup.exitCode(), 0);
    QVERIFY(QByteArray::fromBase64(lookup.readAllStandardOutput().trimmed()) == secret);

    QProcess otherService;
    otherService.start(QStringLiteral("secret-tool"),
                       {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("org.example.Other"),
                        QStringLiteral("user"), entry});
    QVERIFY(otherService.waitForFinished(WaitMs));
    QVERIFY(otherService.exitCode() != 0);
    QVERIFY(otherService.readAllStandardOutput().isEmpty());
}

void TestKeychainSecretStore::finishedIsEmittedLaterAndOnce_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<int>("expected");
    const QByteArray key = randomKey(100);
    const auto row = [](const char *name, SecretStoreOperation operation, const QByteArray &secret,
                        SecretStoreError expected) {
        QTest::newRow(name) << static_cast<int>(operation) << secret << static_cast<int>(expected);
    };
    row("write", SecretStoreOperation::Write, key, SecretStoreError::None);
    row("read", SecretStoreOperation::Read, QByteArray(), SecretStoreError::None);
    row("delete", SecretStoreOperation::Delete, QByteArray(), SecretStoreError::None);
    // Known before the keychain is asked: still reported later, never from inside the call.
    row("write, too large", SecretStoreOperation::Write, randomBytes(KeychainSecretJob::maximumSecretSize() + 1),
        SecretStoreError::TooLarge);
    row("write, empty", SecretStoreOperation::Write, QByteArray(), SecretStoreError::Failed);
}

void TestKeychainSecretStore::finishedIsEmittedLaterAndOnce()
{
    QFETCH(int, operation);
    QFETCH(QByteArray, secret);
    QFETCH(int, expected);
    const QString entry = cloudEntry(QStringLiteral("async.example.com"));
    write(entry, randomKey(50)); // so that the read finds something

    SecretStoreJob *job = nullptr;
    switch (static_cast<SecretStoreOperation>(operation)) {
    case SecretStoreOperation::Write:
        job = m_store.writeSecret(entry, secret);
        break;
    case SecretStoreOperation::Read:
        job = m_store.readSecret(entry);
        break;
    case SecretStoreOperation::Delete:
        job = m_store.deleteSecret(entry);
        break;
    }
    // Connected only after the call returned: a finished() emitted inside the call would be lost here.
    const QPointer<SecretStoreJob> guard(job);
    QSignalSpy spy(job, &SecretStoreJob::finished);
    const auto outcome = SecretJobOutcome::watch(job);
    QVERIFY(spy.wait(WaitMs));
    QCOMPARE(spy.at(0).at(0).value<SecretStoreJob *>(), job);
    QCOMPARE(static_cast<int>(outcome->error), expected);

    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), WaitMs); // it deleted itself
    QTest::qWait(200);
    QCOMPARE(spy.count(), 1);
    QCOMPARE(outcome->finishedCount, 1);
}

void TestKeychainSecretStore::refusedWritesStoreNothing_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::addColumn<SecretStoreError>("expected");
    QTest::newRow("too large") << randomKey(KeychainSecretJob::maximumSecretSize() + 1) << SecretStoreError::TooLarge;
    QTest::newRow("empty") << QByteArray() << SecretStoreError::Failed;
}

void TestKeychainSecretStore::refusedWritesStoreNothing()
{
    QFETCH(QByteArray, secret);
    QFETCH(SecretStoreError, expected);
    const QString entry = cloudEntry(QStringLiteral("refused.example.com"));
    remove(entry);

    const auto written = run(m_store.writeSecret(entry, secret));
    QCOMPARE(written->error, expected);
    QVERIFY(!written->errorMessage.isEmpty());
    QVERIFY(!written->backendDetail.isEmpty());
    if (expected == SecretStoreError::TooLarge) {
        QVERIFY(written->errorMessage.contains(QString::number(secret.size())));
        QVERIFY(written->errorMessage.contains(QString::number(KeychainSecretJob::maximumSecretSize())));
    }

    const auto read = run(m_store.readSecret(entry));
    QCOMPARE(read->error, SecretStoreError::NotFound);
}

void TestKeychainSecretStore::timedOutWriteIgnoresTheLateAnswer()
{
    const QString entry = cloudEntry(QStringLiteral("late-write.example.com"));
    remove(entry);
    const QByteArray secret = randomKey(500);

    KeychainSecretStore impatient;
    impatient.setTimeout(0ms); // expires before gnome-keyring can possibly have answered
    SecretStoreJob *job = impatient.writeSecret(entry, secret);
    const QPointer<SecretStoreJob> guard(job);
    const auto outcome = SecretJobOutcome::watch(job);
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    QCOMPARE(outcome->error, SecretStoreError::TimedOut);
    QVERIFY(outcome->errorMessage.contains(QLatin1String("did not answer within 1 second")));
    QVERIFY(outcome->errorMessage.contains(QLatin1String("password prompt")));
    QVERIFY(!outcome->backendDetail.isEmpty());

    // The write had reached the keychain, so it completes; its answer arrives before the read below can start
    // (jobs run one at a time) and must change nothing about the job that already reported.
    const auto read = run(m_store.readSecret(entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == secret);
    QCOMPARE(outcome->finishedCount, 1);
    QCOMPARE(outcome->error, SecretStoreError::TimedOut);
    QTRY_VERIFY_WITH_TIMEOUT(guard.isNull(), WaitMs);
}

void TestKeychainSecretStore::timedOutReadReturnsNoSecret()
{
    const QString entry = cloudEntry(QStringLiteral("late-read.example.com"));
    write(entry, randomKey(300));

    KeychainSecretStore impatient;
    impatient.setTimeout(0ms);
    const auto outcome = run(impatient.readSecret(entry));
    QCOMPARE(outcome->error, SecretStoreError::TimedOut);
    QVERIFY(outcome->secret.isEmpty());

    // The keychain is usable again as soon as the late answer has come in.
    const auto read = run(m_store.readSecret(entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QCOMPARE(outcome->finishedCount, 1);
}

void TestKeychainSecretStore::locationNamesTheSecretService()
{
    QVERIFY(m_store.locationDescription().contains(QLatin1String("Secret Service")));
    QCOMPARE(m_store.timeout(), std::chrono::milliseconds(15s));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "tst_keychainsecretstore.moc"
