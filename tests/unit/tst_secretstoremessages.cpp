#include "secrets/KeychainSecretJob.h"
#include "secrets/SecretStoreMessages.h"

#include <QTest>

using namespace Dawiso;
using namespace std::chrono_literals;

// How QtKeychain's errors become SecretStoreErrors, and the sentences the user then reads.
class TestSecretStoreMessages : public QObject
{
    Q_OBJECT

private slots:
    void mapError_data();
    void mapError();
    void everyErrorHasAMessageWithAFix_data();
    void everyErrorHasAMessageWithAFix();
    void unavailableNamesTheKeychainAndTheFix();
    void timedOutRoundsUpToWholeSeconds_data();
    void timedOutRoundsUpToWholeSeconds();
    void tooLargeGivesBothSizes();
    void maximumSecretSize();
};

void TestSecretStoreMessages::mapError_data()
{
    QTest::addColumn<QKeychain::Error>("keychainError");
    QTest::addColumn<SecretStoreOperation>("operation");
    QTest::addColumn<SecretStoreError>("expected");

    const auto row = [](const char *name, QKeychain::Error error, SecretStoreOperation operation,
                        SecretStoreError expected) {
        QTest::newRow(name) << error << operation << expected;
    };
    using Op = SecretStoreOperation;
    using E = SecretStoreError;
    row("no error", QKeychain::NoError, Op::Write, E::None);
    row("read: entry not found", QKeychain::EntryNotFound, Op::Read, E::NotFound);
    row("write: entry not found", QKeychain::EntryNotFound, Op::Write, E::NotFound);
    row("delete: entry not found is success", QKeychain::EntryNotFound, Op::Delete, E::None);
    row("could not delete", QKeychain::CouldNotDeleteEntry, Op::Delete, E::Failed);
    row("access denied by user", QKeychain::AccessDeniedByUser, Op::Read, E::AccessDenied);
    row("access denied (locked)", QKeychain::AccessDenied, Op::Write, E::AccessDenied);
    row("no backend", QKeychain::NoBackendAvailable, Op::Write, E::Unavailable);
    row("not implemented", QKeychain::NotImplemented, Op::Read, E::Unavailable);
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
    row("other error", QKeychain::OtherError, Op::Write, E::Failed);
#else
    row("other error: no Secret Service", QKeychain::OtherError, Op::Write, E::Unavailable);
    row("other error on read", QKeychain::OtherError, Op::Read, E::Unavailable);
#endif
}

void TestSecretStoreMessages::mapError()
{
    QFETCH(QKeychain::Error, keychainError);
    QFETCH(SecretStoreOperation, operation);
    QFETCH(SecretStoreError, expected);
    QCOMPARE(KeychainSecretJob::mapError(keychainError, operation), expected);
}

void TestSecretStoreMessages::everyErrorHasAMessageWithAFix_data()
{
    QTest::addColumn<SecretStoreError>("error");
    QTest::addColumn<SecretStoreOperation>("operation");
    for (const auto error : {SecretStoreError::NotFound, SecretStoreError::Unavailable, SecretStoreError::AccessDenied,
                             SecretStoreError::TimedOut, SecretStoreError::TooLarge, SecretStoreError::Failed}) {
        for (const auto operation :
             {SecretStoreOperation::Write, SecretStoreOperation::Read, SecretStoreOperation::Delete}) {
            QTest::addRow("error %d, operation %d", static_cast<int>(error), static_cast<int>(operation))
                << error << operation;
        }
    }
}

void TestSecretStoreMessages::everyErrorHasAMessageWithAFix()
{
    QFETCH(SecretStoreError, error);
    QFETCH(SecretStoreOperation, operation);
    const QString message = SecretStoreMessages::forError(error, operation);
    QVERIFY(message.endsWith(QLatin1Char('.')));
    // Every message tells what to do next.
    QVERIFY2(message.contains(QLatin1String("try again"), Qt::CaseInsensitive)
                 || message.contains(QLatin1String("Enter the key again")),
             qPrintable(message));
    const bool claimsNotSaved = message.contains(QLatin1String("not saved anywhere else"));
    const bool writeFailure = operation == SecretStoreOperation::Write
        && (error == SecretStoreError::Unavailable || error == SecretStoreError::AccessDenied
            || error == SecretStoreError::Failed);
    QCOMPARE(claimsNotSaved, writeFailure);
}

void TestSecretStoreMessages::unavailableNamesTheKeychainAndTheFix()
{
    QVERIFY(SecretStoreMessages::forError(SecretStoreError::None, SecretStoreOperation::Write).isEmpty());
    const QString message = SecretStoreMessages::forError(SecretStoreError::Unavailable, SecretStoreOperation::Write);
#if defined(Q_OS_WIN)
    QVERIFY(message.contains(QLatin1String("Windows Credential Manager")));
#elif defined(Q_OS_MACOS)
    QVERIFY(message.contains(QLatin1String("macOS Keychain")));
#else
    QCOMPARE(message,
             QStringLiteral("Your computer's keychain (Secret Service) is not available. Install and unlock GNOME "
                            "Keyring or KWallet, then try again. The key was not saved anywhere else."));
    const QString denied = SecretStoreMessages::forError(SecretStoreError::AccessDenied, SecretStoreOperation::Read);
    QVERIFY(denied.contains(QLatin1String("Unlock")));
    QVERIFY(denied.contains(QLatin1String("allow access")));
#endif
}

void TestSecretStoreMessages::timedOutRoundsUpToWholeSeconds_data()
{
    QTest::addColumn<qint64>("milliseconds");
    QTest::addColumn<QString>("expected");
    QTest::newRow("zero") << qint64(0) << QStringLiteral("within 1 second");
    QTest::newRow("1 ms") << qint64(1) << QStringLiteral("within 1 second");
    QTest::newRow("1.5 s") << qint64(1500) << QStringLiteral("within 2 second");
    QTest::newRow("default 15 s") << qint64(15000) << QStringLiteral("within 15 second");
}

void TestSecretStoreMessages::timedOutRoundsUpToWholeSeconds()
{
    QFETCH(qint64, milliseconds);
    QFETCH(QString, expected);
    const QString message = SecretStoreMessages::timedOut(std::chrono::milliseconds(milliseconds));
    QVERIFY2(message.contains(expected), qPrintable(message));
    QVERIFY(message.contains(QLatin1String("If a password prompt is open, answer it")));
}

void TestSecretStoreMessages::tooLargeGivesBothSizes()
{
    const QString message = SecretStoreMessages::tooLarge(3000, 2560);
    QVERIFY(message.contains(QLatin1String("3000")));
    QVERIFY(message.contains(QLatin1String("2560")));
    QVERIFY(message.contains(QLatin1String("not saved")));
}

void TestSecretStoreMessages::maximumSecretSize()
{
#ifdef Q_OS_WIN
    QCOMPARE(KeychainSecretJob::maximumSecretSize(), qsizetype(2560));
#else
    QCOMPARE(KeychainSecretJob::maximumSecretSize(), qsizetype(64 * 1024));
#endif
}

QTEST_GUILESS_MAIN(TestSecretStoreMessages)
#include "tst_secretstoremessages.moc"
