// ChunkedSecretStore over the real keychain: gnome-keyring's Secret Service on the test's own session bus. A private
// key's PEM is longer than one Windows Credential Manager entry takes, so it is stored in parts on every platform.
#include "SecretJobOutcome.h"
#include "secrets/ChunkedSecretJob.h"
#include "secrets/ChunkedSecretStore.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"

#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QRandomGenerator>
#include <QTest>

using namespace Dawiso;

namespace {

constexpr int WaitMs = 60000; // a keychain on a loaded machine can be slow; only a hang should fail

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

} // namespace

class TestChunkedKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void longSecretIsStoredInPartsAndReadBack();
    void deleteRemovesEveryPart();
    void changedPartIsReportedDamaged();
    void entrySavedBeforeReads();

private:
    std::shared_ptr<SecretJobOutcome> run(SecretStoreJob *job);

    const QString m_entry =
        SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlikserver1.corp.example"));
    const std::shared_ptr<KeychainSecretStore> m_shared = std::make_shared<KeychainSecretStore>();
    KeychainSecretStore &m_keychain = *m_shared;
    ChunkedSecretStore m_store {m_shared};
};

std::shared_ptr<SecretJobOutcome> TestChunkedKeychain::run(SecretStoreJob *job)
{
    auto outcome = SecretJobOutcome::watch(job);
    [&] {
        QTRY_COMPARE_WITH_TIMEOUT(outcome->finishedCount, 1, WaitMs);
    }();
    return outcome;
}

void TestChunkedKeychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run through ctest: the test needs its own session bus with gnome-keyring.");
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    QVERIFY2(bus, "No session bus");
    QTRY_VERIFY_WITH_TIMEOUT(bus->isServiceRegistered(QStringLiteral("org.freedesktop.secrets")).value(), WaitMs);
    QVERIFY(!m_entry.isEmpty());
}

void TestChunkedKeychain::longSecretIsStoredInPartsAndReadBack()
{
    const QByteArray secret = randomBytes(3000);
    const auto written = run(m_store.writeSecret(m_entry, secret));
    QVERIFY2(written->error == SecretStoreError::None, qPrintable(written->backendDetail));

    // In the keychain itself: a manifest and two parts, none longer than 2,000 bytes.
    const auto manifest = run(m_keychain.readSecret(m_entry));
    QCOMPARE(manifest->error, SecretStoreError::None);
    QVERIFY(manifest->secret.startsWith(ChunkedSecretJob::manifestMagic()));
    const auto first = run(m_keychain.readSecret(ChunkedSecretStore::partName(m_entry, 1)));
    const auto second = run(m_keychain.readSecret(ChunkedSecretStore::partName(m_entry, 2)));
    QCOMPARE(first->secret.size(), 2000);
    QCOMPARE(second->secret.size(), 1000);
    QCOMPARE(run(m_keychain.readSecret(ChunkedSecretStore::partName(m_entry, 3)))->error, SecretStoreError::NotFound);
    QVERIFY(first->secret + second->secret == secret);

    const auto read = run(m_store.readSecret(m_entry));
    QVERIFY2(read->error == SecretStoreError::None, qPrintable(read->backendDetail));
    QVERIFY(read->secret == secret); // QVERIFY: a failing QCOMPARE would print the secret
}

void TestChunkedKeychain::deleteRemovesEveryPart()
{
    const auto written = run(m_store.writeSecret(m_entry, randomBytes(4500)));
    QVERIFY2(written->error == SecretStoreError::None, qPrintable(written->backendDetail));
    const auto removed = run(m_store.deleteSecret(m_entry));
    QVERIFY2(removed->error == SecretStoreError::None, qPrintable(removed->backendDetail));
    for (const QString &name : {m_entry, ChunkedSecretStore::partName(m_entry, 1),
                                ChunkedSecretStore::partName(m_entry, 2), ChunkedSecretStore::partName(m_entry, 3)})
        QVERIFY2(run(m_keychain.readSecret(name))->error == SecretStoreError::NotFound, qPrintable(name));
    QCOMPARE(run(m_store.readSecret(m_entry))->error, SecretStoreError::NotFound);
}

void TestChunkedKeychain::changedPartIsReportedDamaged()
{
    QVERIFY(run(m_store.writeSecret(m_entry, randomBytes(3000)))->error == SecretStoreError::None);
    // Another program (or a person in Seahorse) changes a part.
    QVERIFY(run(m_keychain.writeSecret(ChunkedSecretStore::partName(m_entry, 2), randomBytes(1000)))->error
            == SecretStoreError::None);
    const auto read = run(m_store.readSecret(m_entry));
    QCOMPARE(read->error, SecretStoreError::Failed);
    QCOMPARE(read->errorMessage, ChunkedSecretJob::damagedMessage());
    QVERIFY(read->secret.isEmpty());
    QVERIFY(run(m_store.deleteSecret(m_entry))->error == SecretStoreError::None);
}

void TestChunkedKeychain::entrySavedBeforeReads()
{
    const QString cloud = SecretEntryName::forHost(DeploymentKind::QlikCloud, QStringLiteral("acme.eu.qlikcloud.com"));
    const QByteArray key = randomBytes(600).toBase64(QByteArray::Base64UrlEncoding);
    QVERIFY(run(m_keychain.writeSecret(cloud, key))->error == SecretStoreError::None);
    const auto read = run(m_store.readSecret(cloud));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == key);
    QVERIFY(run(m_store.deleteSecret(cloud))->error == SecretStoreError::None);
    QCOMPARE(run(m_keychain.readSecret(cloud))->error, SecretStoreError::NotFound);
}

QTEST_GUILESS_MAIN(TestChunkedKeychain)
#include "tst_chunkedkeychain.moc"
