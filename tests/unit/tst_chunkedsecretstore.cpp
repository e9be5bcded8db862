// ChunkedSecretStore over the in-memory FakeSecretStore: what lands in which entry, and what a read makes of parts
// that are missing or changed. tst_chunkedkeychain does the same against the real Secret Service.
#include "FakeSecretStore.h"
#include "SecretJobOutcome.h"
#include "secrets/ChunkedSecretJob.h"
#include "secrets/ChunkedSecretStore.h"
#include "secrets/SecretStoreMessages.h"

#include <QCryptographicHash>
#include <QRandomGenerator>
#include <QTest>

#include <functional>

using namespace Dawiso;

namespace {

const QString Entry = QStringLiteral("com.dawiso.QlikSetup/qlik-sense/qlik.corp.example/signing-key");

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    for (char &byte : bytes)
        byte = static_cast<char>(QRandomGenerator::global()->bounded(256));
    return bytes;
}

QString part(int number)
{
    return ChunkedSecretStore::partName(Entry, number);
}

} // namespace

class TestChunkedSecretStore : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void shortSecretIsStoredAsItIs_data();
    void shortSecretIsStoredAsItIs();
    void longSecretIsStoredInParts_data();
    void longSecretIsStoredInParts();
    void manifestNamesPartsSizeAndHash();
    void secretThatLooksLikeAManifestIsStoredInParts();
    void entrySavedBeforeReads();
    void changedPartIsReportedDamaged();
    void longerPartIsReportedDamaged();
    void missingPartIsReportedDamaged();
    void unreadableManifestIsReportedDamaged_data();
    void unreadableManifestIsReportedDamaged();
    void deleteRemovesTheParts();
    void deleteOfMissingEntrySucceeds();
    void overwriteRemovesTheEarlierParts();
    void keychainFailuresAreReported_data();
    void keychainFailuresAreReported();
    void refusesWhatCannotBeStored();
    void finishesLaterAndOnce();
    void locationIsTheKeychains();

private:
    std::shared_ptr<SecretJobOutcome> run(SecretStoreJob *job);
    void write(const QByteArray &secret);
    void verifyReadIsDamaged(const QString &detailPart);
    QByteArray rawEntry(const QString &name);

    const std::shared_ptr<FakeSecretStore> m_shared = std::make_shared<FakeSecretStore>();
    FakeSecretStore &m_fake = *m_shared;
    ChunkedSecretStore m_store {m_shared};
};

std::shared_ptr<SecretJobOutcome> TestChunkedSecretStore::run(SecretStoreJob *job)
{
    auto outcome = SecretJobOutcome::watch(job);
    [&] {
        QTRY_COMPARE(outcome->finishedCount, 1);
    }();
    return outcome;
}

void TestChunkedSecretStore::write(const QByteArray &secret)
{
    const auto outcome = run(m_store.writeSecret(Entry, secret));
    QVERIFY2(outcome->error == SecretStoreError::None, qPrintable(outcome->backendDetail));
}

QByteArray TestChunkedSecretStore::rawEntry(const QString &name)
{
    return run(m_fake.readSecret(name))->secret;
}

void TestChunkedSecretStore::verifyReadIsDamaged(const QString &detailPart)
{
    const auto read = run(m_store.readSecret(Entry));
    QCOMPARE(read->error, SecretStoreError::Failed);
    QCOMPARE(read->errorMessage, ChunkedSecretJob::damagedMessage());
    QVERIFY2(read->backendDetail.contains(detailPart), qPrintable(read->backendDetail));
    QVERIFY(read->secret.isEmpty());
}

void TestChunkedSecretStore::init()
{
    m_fake.clear();
    m_fake.failAlwaysWith(SecretStoreError::None);
}

void TestChunkedSecretStore::shortSecretIsStoredAsItIs_data()
{
    QTest::addColumn<int>("size");
    QTest::newRow("one byte") << 1;
    QTest::newRow("an API key") << 900;
    QTest::newRow("exactly one part") << int(ChunkedSecretStore::PartSize);
}

void TestChunkedSecretStore::shortSecretIsStoredAsItIs()
{
    QFETCH(int, size);
    const QByteArray secret = randomBytes(size);
    write(secret);
    QCOMPARE(m_fake.entryNames(), QStringList {Entry});
    QVERIFY(m_fake.secretEquals(Entry, secret));
    const auto read = run(m_store.readSecret(Entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == secret);
}

void TestChunkedSecretStore::longSecretIsStoredInParts_data()
{
    QTest::addColumn<int>("size");
    QTest::addColumn<int>("parts");
    QTest::newRow("one byte over") << int(ChunkedSecretStore::PartSize) + 1 << 2;
    QTest::newRow("3000 bytes") << 3000 << 2;
    QTest::newRow("an RSA 3072 PKCS#8 PEM") << 2484 << 2;
    QTest::newRow("exactly three parts") << 3 * int(ChunkedSecretStore::PartSize) << 3;
    QTest::newRow("the largest") << int(ChunkedSecretStore::MaximumSecretSize) << 33;
}

void TestChunkedSecretStore::longSecretIsStoredInParts()
{
    QFETCH(int, size);
    QFETCH(int, parts);
    const QByteArray secret = randomBytes(size);
    write(secret);

    QStringList expected {Entry};
    for (int number = 1; number <= parts; ++number)
        expected << part(number);
    expected.sort();
    QCOMPARE(m_fake.entryNames(), expected);
    QByteArray joined;
    for (int number = 1; number <= parts; ++number) {
        const QByteArray stored = rawEntry(part(number));
        QVERIFY(stored.size() <= ChunkedSecretStore::PartSize);
        QVERIFY(!stored.isEmpty());
        joined += stored;
    }
    QVERIFY(joined == secret);
    QVERIFY(!rawEntry(Entry).contains(secret.left(16)));

    const auto read = run(m_store.readSecret(Entry));
    QVERIFY2(read->error == SecretStoreError::None, qPrintable(read->backendDetail));
    QVERIFY(read->secret == secret);
}

void TestChunkedSecretStore::manifestNamesPartsSizeAndHash()
{
    const QByteArray secret = randomBytes(5000);
    write(secret);
    // Not a secret: it names the parts and the whole's hash.
    const QByteArray manifest = rawEntry(Entry);
    QCOMPARE(manifest,
             ChunkedSecretJob::manifestMagic() + "version=1\nparts=3\nsize=5000\nsha256="
                 + QCryptographicHash::hash(secret, QCryptographicHash::Sha256).toHex() + '\n');
}

void TestChunkedSecretStore::secretThatLooksLikeAManifestIsStoredInParts()
{
    // Short, but stored as it is it would be read as a manifest.
    const QByteArray secret = ChunkedSecretJob::manifestMagic() + "version=1\n";
    write(secret);
    QCOMPARE(m_fake.entryNames(), (QStringList {Entry, part(1)}));
    const auto read = run(m_store.readSecret(Entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == secret);
}

void TestChunkedSecretStore::entrySavedBeforeReads()
{
    // An API key saved as it is, as every entry was before this store: read unchanged.
    const QByteArray key = randomBytes(800).toBase64();
    m_fake.insertSecret(Entry, key);
    const auto read = run(m_store.readSecret(Entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == key);
}

void TestChunkedSecretStore::changedPartIsReportedDamaged()
{
    const QByteArray secret = randomBytes(5000);
    write(secret);
    QByteArray changed = rawEntry(part(2));
    changed[100] = static_cast<char>(changed.at(100) ^ 0x01);
    m_fake.insertSecret(part(2), changed);
    verifyReadIsDamaged(QStringLiteral("SHA-256"));

    // The same part back in place reads again: the damage, not the store, was the cause.
    m_fake.insertSecret(part(2), secret.mid(ChunkedSecretStore::PartSize, ChunkedSecretStore::PartSize));
    const auto read = run(m_store.readSecret(Entry));
    QCOMPARE(read->error, SecretStoreError::None);
    QVERIFY(read->secret == secret);
}

void TestChunkedSecretStore::longerPartIsReportedDamaged()
{
    write(randomBytes(5000));
    m_fake.insertSecret(part(3), rawEntry(part(3)) + "x");
    verifyReadIsDamaged(QStringLiteral("longer"));
}

void TestChunkedSecretStore::missingPartIsReportedDamaged()
{
    write(randomBytes(5000));
    QCOMPARE(run(m_fake.deleteSecret(part(2)))->error, SecretStoreError::None);
    verifyReadIsDamaged(QStringLiteral("Part 2 of 3 is missing"));
}

void TestChunkedSecretStore::unreadableManifestIsReportedDamaged_data()
{
    QTest::addColumn<QByteArray>("manifest");
    const QByteArray magic = ChunkedSecretJob::manifestMagic();
    const QByteArray hash(64, 'a');
    QTest::newRow("only the first line") << magic;
    QTest::newRow("a later version") << magic + "version=2\nparts=1\nsize=10\nsha256=" + hash + '\n';
    QTest::newRow("no parts") << magic + "version=1\nparts=0\nsize=10\nsha256=" + hash + '\n';
    QTest::newRow("parts and size disagree") << magic + "version=1\nparts=1\nsize=2001\nsha256=" + hash + '\n';
    QTest::newRow("too many parts") << magic + "version=1\nparts=1000\nsize=1999001\nsha256=" + hash + '\n';
    QTest::newRow("short hash") << magic + "version=1\nparts=1\nsize=10\nsha256=abc\n";
    QTest::newRow("hash not hexadecimal")
        << magic + "version=1\nparts=1\nsize=10\nsha256=" + QByteArray(64, 'z') + '\n';
    QTest::newRow("no last newline") << magic + "version=1\nparts=1\nsize=10\nsha256=" + hash;
    QTest::newRow("signed size") << magic + "version=1\nparts=1\nsize=+10\nsha256=" + hash + '\n';
}

void TestChunkedSecretStore::unreadableManifestIsReportedDamaged()
{
    QFETCH(QByteArray, manifest);
    m_fake.insertSecret(Entry, manifest);
    m_fake.insertSecret(part(1), "0123456789");
    verifyReadIsDamaged(QStringLiteral("manifest cannot be read"));
}

void TestChunkedSecretStore::deleteRemovesTheParts()
{
    const QString other = Entry + QStringLiteral("-other");
    m_fake.insertSecret(other, "another connection's key");
    write(randomBytes(5000));
    QCOMPARE(m_fake.entryNames().size(), 5);

    const auto removed = run(m_store.deleteSecret(Entry));
    QCOMPARE(removed->error, SecretStoreError::None);
    QCOMPARE(m_fake.entryNames(), QStringList {other});
    QCOMPARE(run(m_store.readSecret(Entry))->error, SecretStoreError::NotFound);

    // A plain entry goes the same way.
    m_fake.insertSecret(Entry, "short");
    QCOMPARE(run(m_store.deleteSecret(Entry))->error, SecretStoreError::None);
    QCOMPARE(m_fake.entryNames(), QStringList {other});
}

void TestChunkedSecretStore::deleteOfMissingEntrySucceeds()
{
    const auto removed = run(m_store.deleteSecret(Entry));
    QCOMPARE(removed->error, SecretStoreError::None);
    QVERIFY(removed->errorMessage.isEmpty());
}

void TestChunkedSecretStore::overwriteRemovesTheEarlierParts()
{
    write(randomBytes(7000)); // four parts
    const QByteArray shorter = randomBytes(3000);
    write(shorter);
    QCOMPARE(m_fake.entryNames(), (QStringList {Entry, part(1), part(2)}));
    QVERIFY(run(m_store.readSecret(Entry))->secret == shorter);

    const QByteArray plain = randomBytes(100);
    write(plain);
    QCOMPARE(m_fake.entryNames(), QStringList {Entry});
    QVERIFY(run(m_store.readSecret(Entry))->secret == plain);
}

void TestChunkedSecretStore::keychainFailuresAreReported_data()
{
    QTest::addColumn<int>("operation");
    QTest::addColumn<int>("size");
    QTest::newRow("write in parts") << int(SecretStoreOperation::Write) << 5000;
    QTest::newRow("write as it is") << int(SecretStoreOperation::Write) << 10;
    QTest::newRow("read") << int(SecretStoreOperation::Read) << 5000;
    QTest::newRow("delete") << int(SecretStoreOperation::Delete) << 5000;
}

void TestChunkedSecretStore::keychainFailuresAreReported()
{
    QFETCH(int, operation);
    QFETCH(int, size);
    const QByteArray secret = randomBytes(size);
    write(secret);
    const QStringList before = m_fake.entryNames();
    m_fake.failAlwaysWith(SecretStoreError::AccessDenied);

    const auto kind = static_cast<SecretStoreOperation>(operation);
    SecretStoreJob *job = kind == SecretStoreOperation::Write ? m_store.writeSecret(Entry, randomBytes(size))
        : kind == SecretStoreOperation::Read                  ? m_store.readSecret(Entry)
                                                              : m_store.deleteSecret(Entry);
    const auto outcome = run(job);
    QCOMPARE(outcome->error, SecretStoreError::AccessDenied);
    QCOMPARE(outcome->errorMessage, SecretStoreMessages::forError(SecretStoreError::AccessDenied, kind));
    QVERIFY(outcome->secret.isEmpty());

    m_fake.failAlwaysWith(SecretStoreError::None);
    QCOMPARE(m_fake.entryNames(), before);
    QVERIFY(run(m_store.readSecret(Entry))->secret == secret);
}

void TestChunkedSecretStore::refusesWhatCannotBeStored()
{
    const int operationsBefore = m_fake.operationCount();
    const auto tooLarge = run(m_store.writeSecret(Entry, randomBytes(ChunkedSecretStore::MaximumSecretSize + 1)));
    QCOMPARE(tooLarge->error, SecretStoreError::TooLarge);
    QCOMPARE(tooLarge->errorMessage,
             SecretStoreMessages::tooLarge(ChunkedSecretStore::MaximumSecretSize + 1,
                                           ChunkedSecretStore::MaximumSecretSize));
    const std::function<SecretStoreJob *()> unnamed[] = {
        [this] { return m_store.writeSecret(QString(), "secret"); },
        [this] { return m_store.readSecret(QString()); },
        [this] { return m_store.deleteSecret(QString()); },
    };
    for (const auto &start : unnamed) {
        const auto outcome = run(start());
        QCOMPARE(outcome->error, SecretStoreError::Failed);
        QCOMPARE(outcome->errorMessage, SecretStoreMessages::invalidEntryName());
    }
    QCOMPARE(m_fake.operationCount(), operationsBefore);

    const auto empty = run(m_store.writeSecret(Entry, QByteArray()));
    QCOMPARE(empty->error, SecretStoreError::Failed);
    QCOMPARE(empty->errorMessage, SecretStoreMessages::emptySecret());
    QVERIFY(m_fake.entryNames().isEmpty());
}

void TestChunkedSecretStore::finishesLaterAndOnce()
{
    const QByteArray secret = randomBytes(5000);
    // One after the other: a job deletes itself once finished.
    const std::function<SecretStoreJob *()> operations[] = {
        [&] { return m_store.writeSecret(Entry, secret); },
        [this] { return m_store.readSecret(Entry); },
        [this] { return m_store.deleteSecret(Entry); },
    };
    for (const auto &start : operations) {
        const auto outcome = SecretJobOutcome::watch(start());
        QCOMPARE(outcome->finishedCount, 0);
        QTRY_COMPARE(outcome->finishedCount, 1);
        QTest::qWait(20);
        QCOMPARE(outcome->finishedCount, 1);
    }
}

void TestChunkedSecretStore::locationIsTheKeychains()
{
    m_fake.setLocationDescription(QStringLiteral("A test keychain"));
    QCOMPARE(m_store.locationDescription(), QStringLiteral("A test keychain"));
}

QTEST_GUILESS_MAIN(TestChunkedSecretStore)
#include "tst_chunkedsecretstore.moc"
