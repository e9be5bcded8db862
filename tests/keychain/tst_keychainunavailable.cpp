#include "SecretJobOutcome.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QRandomGenerator>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>

using namespace Dawiso;

namespace {

constexpr int WaitMs = 60000;

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

} // namespace

// A computer without a usable keychain: the session bus leads nowhere, so QtKeychain fails (OtherError on Linux).
// The store must say so in plain words and must not fall back to a file.
class TestKeychainUnavailable : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void reportsUnavailable_data();
    void reportsUnavailable();
    void nothingIsWrittenUnderHome();

private:
    std::shared_ptr<SecretJobOutcome> run(SecretStoreJob *job);

    QTemporaryDir m_home;
    QByteArray m_secret;
    KeychainSecretStore m_store;
};

std::shared_ptr<SecretJobOutcome> TestKeychainUnavailable::run(SecretStoreJob *job)
{
    auto outcome = SecretJobOutcome::watch(job);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    }();
    return outcome;
}

void TestKeychainUnavailable::initTestCase()
{
    QVERIFY(m_home.isValid());
    // ctest sets the same; repeated here so that a manual run can never reach the developer's real keychain or home.
    qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
    qputenv("DISPLAY", "");
    const QByteArray home = QFile::encodeName(m_home.path());
    qputenv("HOME", home);
    qputenv("XDG_CONFIG_HOME", home + "/.config");
    qputenv("XDG_DATA_HOME", home + "/.local/share");
    qputenv("XDG_CACHE_HOME", home + "/.cache");
    m_secret = QByteArray("dqs-unavailable-") + QByteArray::number(QRandomGenerator::global()->generate64(), 36);
}

void TestKeychainUnavailable::reportsUnavailable_data()
{
    QTest::addColumn<SecretStoreOperation>("operation");
    QTest::newRow("write") << SecretStoreOperation::Write;
    QTest::newRow("read") << SecretStoreOperation::Read;
    QTest::newRow("delete") << SecretStoreOperation::Delete;
}

void TestKeychainUnavailable::reportsUnavailable()
{
    QFETCH(SecretStoreOperation, operation);
    const QString entry = SecretEntryName::forHost(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    SecretStoreJob *job = nullptr;
    switch (operation) {
    case SecretStoreOperation::Write:
        job = m_store.writeSecret(entry, m_secret);
        break;
    case SecretStoreOperation::Read:
        job = m_store.readSecret(entry);
        break;
    case SecretStoreOperation::Delete:
        job = m_store.deleteSecret(entry);
        break;
    }
    const auto outcome = run(job);
    QCOMPARE(outcome->error, SecretStoreError::Unavailable);
    QVERIFY(outcome->secret.isEmpty());

    // Names the keychain and the fix.
    const QString &message = outcome->errorMessage;
    QVERIFY2(message.contains(QLatin1String("keychain (Secret Service) is not available")), qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("GNOME Keyring")) && message.contains(QLatin1String("KWallet")),
             qPrintable(message));
    QVERIFY2(message.contains(QLatin1String("try again")), qPrintable(message));
    QCOMPARE(message.contains(QLatin1String("not saved anywhere else")), operation == SecretStoreOperation::Write);

    // The backend's own words go to the details only, and no text carries the secret.
    QVERIFY(!outcome->backendDetail.isEmpty());
    QVERIFY(!message.contains(outcome->backendDetail));
    QVERIFY(!message.toUtf8().contains(m_secret));
    QVERIFY(!outcome->backendDetail.toUtf8().contains(m_secret));
}

void TestKeychainUnavailable::nothingIsWrittenUnderHome()
{
    const QString entry = SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik:4242"));
    QCOMPARE(run(m_store.writeSecret(entry, m_secret))->error, SecretStoreError::Unavailable);

    // QtKeychain's plaintext fallback would use QSettings(service); it must not exist, not even empty.
    QSettings fallback(QStringLiteral(DQS_APP_ID));
    QVERIFY2(fallback.allKeys().isEmpty(), qPrintable(fallback.fileName()));
    QVERIFY2(!QFile::exists(fallback.fileName()), qPrintable(fallback.fileName()));

    const QList<QByteArray> forms {m_secret, m_secret.toBase64(), m_secret.toHex()};
    QVERIFY2(filesContaining(m_home.path(), forms).isEmpty(),
             qPrintable(filesContaining(m_home.path(), forms).join(QLatin1Char(' '))));

    // The scan itself finds a planted copy, in any of the forms.
    for (const QByteArray &form : forms) {
        QTemporaryDir planted;
        QVERIFY(planted.isValid());
        QVERIFY(QDir(planted.path()).mkpath(QStringLiteral("a/.b")));
        QFile file(planted.filePath(QStringLiteral("a/.b/settings.conf")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("[x]\ndata=" + form + "\n");
        file.close();
        QCOMPARE(filesContaining(planted.path(), forms).size(), 1);
    }
}

QTEST_GUILESS_MAIN(TestKeychainUnavailable)
#include "tst_keychainunavailable.moc"
