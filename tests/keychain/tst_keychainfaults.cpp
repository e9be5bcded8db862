// The keychain's faults, against FakeSecretService on a private session bus through the real QtKeychain and
// libsecret: a locked keyring whose unlock prompt nobody answers, no Secret Service on the bus, a Secret Service that
// goes away in the middle of a write, one that gives back something other than what was stored, and an entry an
// earlier run left behind. Each must end in plain words, and no file under HOME may hold the secret afterwards.
#include "FakeSecretService.h"
#include "SecretJobOutcome.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/CredentialSaver.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"

#include <QDBusConnection>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Dawiso;

namespace {

constexpr int WaitMs = 60000;

QString entryFor(const char *host)
{
    return SecretEntryName::forHost(DeploymentKind::QlikCloud, QString::fromLatin1(host));
}

// QtKeychain's attributes for a secret it stores as binary data (base64 text), or as plain text.
QMap<QString, QString> attributesFor(const QString &entry, const char *type)
{
    return {{QStringLiteral("user"), entry},
            {QStringLiteral("server"), QStringLiteral(DQS_APP_ID)},
            {QStringLiteral("type"), QString::fromLatin1(type)},
            {QStringLiteral("xdg:schema"), QStringLiteral("org.qt.keychain")}};
}

// Every file under dir whose content contains one of the byte strings.
QStringList filesContaining(const QString &dir, const QList<QByteArray> &needles)
{
    QStringList found;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            found.append(path + QStringLiteral(" (unreadable)"));
            continue;
        }
        const QByteArray content = file.readAll();
        if (std::any_of(needles.cbegin(), needles.cend(),
                        [&](const QByteArray &needle) { return content.contains(needle); }))
            found.append(path);
    }
    return found;
}

// The private bus's process, never deleted (see initTestCase): held here, LeakSanitizer sees it in use until the end.
QProcess *privateBus = nullptr;

} // namespace

class TestKeychainFaults : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void lockedKeychainIsNamed_data();
    void lockedKeychainIsNamed();
    void noSecretServiceOnTheBus_data();
    void noSecretServiceOnTheBus();
    void secretServiceGoneDuringWrite();
    void readBackDiffers();
    void entryLeftByAnEarlierRun_data();
    void entryLeftByAnEarlierRun();

private:
    std::shared_ptr<SecretJobOutcome> run(SecretStoreJob *job);
    CredentialSaveResult save(const QString &host, const QByteArray &secret);
    bool connectService();
    void expectNoPlaintext(const QByteArray &secret);

    QTemporaryDir m_home;
    QByteArray m_busAddress;
    int m_connections = 0;
    FakeSecretService m_service;
    QByteArray m_secret;
};

std::shared_ptr<SecretJobOutcome> TestKeychainFaults::run(SecretStoreJob *job)
{
    auto outcome = SecretJobOutcome::watch(job);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    }();
    return outcome;
}

CredentialSaveResult TestKeychainFaults::save(const QString &host, const QByteArray &secret)
{
    QSettings settings(m_home.filePath(QStringLiteral("index.ini")), QSettings::IniFormat);
    ConnectionIndex index(&settings);
    KeychainSecretStore store;
    CredentialSaver saver(&store, &index);
    QSignalSpy finished(&saver, &CredentialSaver::finished);
    SavedConnection connection;
    connection.hostAndPort = host;
    connection.userName = QStringLiteral("Dawiso Integration");
    saver.save(connection, secret);
    if (!finished.wait(WaitMs))
        return {};
    return finished.constFirst().constFirst().value<CredentialSaveResult>();
}

bool TestKeychainFaults::connectService()
{
    const QString name = QStringLiteral("fake-secret-service-%1").arg(++m_connections);
    const QDBusConnection connection = QDBusConnection::connectToBus(QString::fromUtf8(m_busAddress), name);
    return connection.isConnected() && m_service.registerOn(connection);
}

void TestKeychainFaults::expectNoPlaintext(const QByteArray &secret)
{
    // QtKeychain's plaintext fallback would use QSettings(service); it must not exist.
    QSettings fallback(QStringLiteral(DQS_APP_ID));
    QVERIFY2(!QFile::exists(fallback.fileName()), qPrintable(fallback.fileName()));
    const QList<QByteArray> forms {secret, secret.toBase64(), secret.toHex()};
    QVERIFY2(filesContaining(m_home.path(), forms).isEmpty(), "a file under HOME holds the secret");
}

void TestKeychainFaults::initTestCase()
{
    QVERIFY(m_home.isValid());
    const QByteArray home = QFile::encodeName(m_home.path());
    qputenv("HOME", home);
    qputenv("XDG_CONFIG_HOME", home + "/.config");
    qputenv("XDG_DATA_HOME", home + "/.local/share");
    qputenv("XDG_CACHE_HOME", home + "/.cache");
    qRegisterMetaType<CredentialSaveResult>();

    // As in tst_keychaintimeout: a private bus without service activation, alive as long as this process.
    privateBus = new QProcess;
    privateBus->start(QStringLiteral("dbus-run-session"),
                      {QStringLiteral("--config-file=" DQS_PRIVATE_BUS_CONFIG), QStringLiteral("--"),
                       QStringLiteral("sh"), QStringLiteral("-c"),
                       QStringLiteral("printf '%s\\n' \"$DBUS_SESSION_BUS_ADDRESS\"; exec cat")});
    QVERIFY2(privateBus->waitForStarted(WaitMs), "dbus-run-session (package dbus-daemon) could not be started");
    QTRY_VERIFY_WITH_TIMEOUT(privateBus->canReadLine(), WaitMs);
    m_busAddress = privateBus->readLine().trimmed();
    QVERIFY2(m_busAddress.startsWith("unix:"), m_busAddress.constData());
    qputenv("DBUS_SESSION_BUS_ADDRESS", m_busAddress); // before libsecret connects for the first time
    QVERIFY(connectService());
}

void TestKeychainFaults::init()
{
    m_secret = QByteArray("dqs-fault-") + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

void TestKeychainFaults::cleanup()
{
    m_service.setLocked(false);
    m_service.setCorruptReads(false);
    m_service.setHoldRequests(false);
    m_service.clearItems();
}

void TestKeychainFaults::lockedKeychainIsNamed_data()
{
    QTest::addColumn<SecretStoreOperation>("operation");
    QTest::newRow("write") << SecretStoreOperation::Write;
    QTest::newRow("read") << SecretStoreOperation::Read;
    QTest::newRow("delete") << SecretStoreOperation::Delete;
}

void TestKeychainFaults::lockedKeychainIsNamed()
{
    QFETCH(SecretStoreOperation, operation);
    const QString entry = entryFor("locked.example.com");
    // A key saved before the keyring was locked.
    const QByteArray saved =
        QByteArray("dqs-saved-") + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    m_service.addItem(attributesFor(entry, "base64"), saved.toBase64());
    m_service.setLocked(true);

    KeychainSecretStore store;
    SecretStoreJob *job = nullptr;
    switch (operation) {
    case SecretStoreOperation::Write:
        job = store.writeSecret(entry, m_secret);
        break;
    case SecretStoreOperation::Read:
        job = store.readSecret(entry);
        break;
    case SecretStoreOperation::Delete:
        job = store.deleteSecret(entry);
        break;
    }
    const auto outcome = run(job);
    // Neither "no key is saved" for a read nor "removed" for a delete: the key is there, behind the lock.
    QCOMPARE(outcome->error, SecretStoreError::AccessDenied);
    QVERIFY(outcome->secret.isEmpty());
    QVERIFY2(outcome->errorMessage.contains(QLatin1String("is locked")), qPrintable(outcome->errorMessage));
    QVERIFY2(outcome->errorMessage.contains(QLatin1String("Unlock")), qPrintable(outcome->errorMessage));
    QVERIFY(!outcome->errorMessage.toUtf8().contains(saved) && !outcome->errorMessage.toUtf8().contains(m_secret));
    QVERIFY(!outcome->backendDetail.toUtf8().contains(saved) && !outcome->backendDetail.toUtf8().contains(m_secret));
    QVERIFY(m_service.storedValues(entry) == QList<QByteArray> {saved.toBase64()});
    expectNoPlaintext(m_secret);
}

void TestKeychainFaults::noSecretServiceOnTheBus_data()
{
    lockedKeychainIsNamed_data();
}

void TestKeychainFaults::noSecretServiceOnTheBus()
{
    QFETCH(SecretStoreOperation, operation);
    // A session bus without a keychain daemon on it, and none that it could start.
    QVERIFY(QDBusConnection(QStringLiteral("fake-secret-service-%1").arg(m_connections))
                .unregisterService(QStringLiteral("org.freedesktop.secrets")));
    const auto registerAgain = qScopeGuard([this] { QVERIFY(connectService()); });

    const QString entry = entryFor("no-daemon.example.com");
    KeychainSecretStore store;
    SecretStoreJob *job = operation == SecretStoreOperation::Write ? store.writeSecret(entry, m_secret)
        : operation == SecretStoreOperation::Read                  ? store.readSecret(entry)
                                                                   : store.deleteSecret(entry);
    const auto outcome = run(job);
    QCOMPARE(outcome->error, SecretStoreError::Unavailable);
    QVERIFY2(outcome->errorMessage.contains(QLatin1String("keychain (Secret Service) is not available")),
             qPrintable(outcome->errorMessage));
    QCOMPARE(outcome->errorMessage.contains(QLatin1String("not saved anywhere else")),
             operation == SecretStoreOperation::Write);
    QVERIFY(!outcome->backendDetail.toUtf8().contains(m_secret));
    expectNoPlaintext(m_secret);
}

void TestKeychainFaults::secretServiceGoneDuringWrite()
{
    const QString entry = entryFor("gone.example.com");
    m_service.setHoldRequests(true);
    KeychainSecretStore store;
    auto outcome = SecretJobOutcome::watch(store.writeSecret(entry, m_secret));
    QTRY_COMPARE_WITH_TIMEOUT(m_service.heldRequestCount(), 1, WaitMs);

    // The daemon ends (crashes, the session closes) with the write unanswered.
    m_service.releaseConnection();
    QDBusConnection::disconnectFromBus(QStringLiteral("fake-secret-service-%1").arg(m_connections));
    QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    QCOMPARE(outcome->error, SecretStoreError::Unavailable);
    QVERIFY2(outcome->errorMessage.contains(QLatin1String("not available")), qPrintable(outcome->errorMessage));
    QVERIFY2(outcome->errorMessage.contains(QLatin1String("not saved anywhere else")),
             qPrintable(outcome->errorMessage));
    QVERIFY(!outcome->backendDetail.toUtf8().contains(m_secret));
    expectNoPlaintext(m_secret);

    // A keychain that comes back works again.
    m_service.setHoldRequests(false);
    QVERIFY(connectService());
    QCOMPARE(run(store.writeSecret(entry, m_secret))->error, SecretStoreError::None);
    const auto read = run(store.readSecret(entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == m_secret);
}

void TestKeychainFaults::readBackDiffers()
{
    m_service.setCorruptReads(true);
    const CredentialSaveResult result = save(QStringLiteral("differs.example.com"), m_secret);
    QVERIFY(!result.saved);
    QCOMPARE(result.error, SecretStoreError::Failed);
    QVERIFY2(result.message.contains(QLatin1String("something other than the key")), qPrintable(result.message));
    QVERIFY(!result.message.toUtf8().contains(m_secret) && !result.backendDetail.toUtf8().contains(m_secret));
    // Nothing is recorded as saved.
    QSettings settings(m_home.filePath(QStringLiteral("index.ini")), QSettings::IniFormat);
    QVERIFY(!ConnectionIndex(&settings).find(DeploymentKind::QlikCloud, QStringLiteral("differs.example.com")));
    expectNoPlaintext(m_secret);
}

void TestKeychainFaults::entryLeftByAnEarlierRun_data()
{
    QTest::addColumn<QByteArray>("type");
    QTest::addColumn<int>("copies");
    // The earlier run saved the key as this one does, as plain text (older QtKeychain users), or twice.
    QTest::newRow("binary") << QByteArray("base64") << 1;
    QTest::newRow("plain text") << QByteArray("plaintext") << 1;
    QTest::newRow("two copies") << QByteArray("base64") << 2;
}

void TestKeychainFaults::entryLeftByAnEarlierRun()
{
    QFETCH(QByteArray, type);
    QFETCH(int, copies);
    const QString host = QStringLiteral("earlier.example.com");
    const QString entry = entryFor("earlier.example.com");
    const QByteArray old = QByteArray("dqs-old-") + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
    for (int i = 0; i < copies; ++i)
        m_service.addItem(attributesFor(entry, type.constData()), type == "base64" ? old.toBase64() : old);

    const CredentialSaveResult result = save(host, m_secret);
    QVERIFY2(result.saved, qPrintable(result.message));
    // The new key replaced the old one: it is what a read gives, and the one the earlier run stored is replaced (a
    // second copy, which a read never reaches, stays).
    KeychainSecretStore store;
    const auto read = run(store.readSecret(entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == m_secret);
    const QList<QByteArray> stored = m_service.storedValues(entry);
    QCOMPARE(stored.size(), copies);
    QVERIFY(stored.constFirst() == m_secret.toBase64());
    expectNoPlaintext(m_secret);
}

QTEST_GUILESS_MAIN(TestKeychainFaults)
#include "tst_keychainfaults.moc"
