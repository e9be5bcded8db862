#include "clipboard/SecretClipboard.h"
#include "clipboard/SecretMimeData.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QMimeData>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace std::chrono_literals;

namespace {

// Looks like an API key but is not one. Everything read back from the clipboard is compared with QVERIFY, never
// QCOMPARE, so that a failure never prints the secret.
const QByteArray TestSecret = QByteArrayLiteral("eyJhbGciOiJFUzM4NCJ9.dqs-test-not-a-real-key.c2lnbmF0dXJl");

QClipboard *clipboard()
{
    return QGuiApplication::clipboard();
}

QByteArray clipboardText()
{
    return clipboard()->text(QClipboard::Clipboard).toUtf8();
}

} // namespace

class TestSecretClipboard : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void marksTheSecretForClipboardManagers_data();
    void marksTheSecretForClipboardManagers();
    void keepsItsOwnCopyOfTheSecret();
    void leavesTheSelectionAlone();
    void countsDownAndClears();
    void keepsWhatTheUserCopiedMeanwhile();
    void copyingAgainRestartsTheCountdown();
    void clearNowClearsOurSecret();
    void clearNowLeavesOtherText();
    void destructorClearsOurSecret();
    void destructorLeavesOtherText();
    void clearsWhenTheApplicationQuits();
};

void TestSecretClipboard::init()
{
    clipboard()->clear(QClipboard::Clipboard);
    QVERIFY(clipboardText().isEmpty());
}

void TestSecretClipboard::marksTheSecretForClipboardManagers_data()
{
    QTest::addColumn<QByteArray>("secret");
    QTest::newRow("api key") << TestSecret;
    QTest::newRow("non-ASCII") << QStringLiteral(u"pässwörd-✓-ключ").toUtf8();
}

void TestSecretClipboard::marksTheSecretForClipboardManagers()
{
    QFETCH(QByteArray, secret);
    Dawiso::SecretClipboard secretClipboard;
    secretClipboard.copySecret(secret);

    const QMimeData *mime = clipboard()->mimeData(QClipboard::Clipboard);
    QVERIFY(mime);
    QVERIFY(mime->hasText());
    QVERIFY(mime->text().toUtf8() == secret);
    QVERIFY(secretClipboard.holdsSecret());

    QVERIFY(mime->data(QStringLiteral("x-kde-passwordManagerHint")) == QByteArrayLiteral("secret"));
    QVERIFY(mime->hasFormat(QStringLiteral("application/x-nspasteboard-concealed-type")));
    QVERIFY(mime->data(QStringLiteral("application/x-nspasteboard-concealed-type")) == secret);
    QVERIFY(mime->data(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing")) == QByteArrayLiteral("1"));
    QVERIFY(mime->data(QStringLiteral("CanIncludeInClipboardHistory")) == QByteArray(4, '\0'));
    QVERIFY(mime->data(QStringLiteral("CanUploadToCloudClipboard")) == QByteArray(4, '\0'));
}

void TestSecretClipboard::keepsItsOwnCopyOfTheSecret()
{
    // The caller's buffer stays its own, so that the caller's wipe zeroes it instead of merely letting go of it.
    QByteArray secret(TestSecret.constData(), TestSecret.size());
    Dawiso::SecretClipboard secretClipboard;
    secretClipboard.copySecret(secret);
    QVERIFY(secret.isDetached());
    const QMimeData *mime = clipboard()->mimeData(QClipboard::Clipboard);
    QVERIFY(mime);
    QVERIFY(qobject_cast<const Dawiso::SecretMimeData *>(mime));
    const QByteArray concealed = mime->data(QStringLiteral("application/x-nspasteboard-concealed-type"));
    QVERIFY(concealed == secret);
    QVERIFY(concealed.constData() != secret.constData());
}

void TestSecretClipboard::leavesTheSelectionAlone()
{
    clipboard()->setText(QStringLiteral("selected text"), QClipboard::Selection);
    const QString selectionBefore = clipboard()->text(QClipboard::Selection);

    Dawiso::SecretClipboard secretClipboard;
    secretClipboard.copySecret(TestSecret);
    QVERIFY(secretClipboard.holdsSecret());
    // Offscreen has no selection (text() is empty either way); X11 keeps whatever was selected before.
    QVERIFY(clipboard()->text(QClipboard::Selection) == selectionBefore);
    QVERIFY(clipboard()->text(QClipboard::Selection).toUtf8() != TestSecret);
}

void TestSecretClipboard::countsDownAndClears()
{
    Dawiso::SecretClipboard secretClipboard;
    secretClipboard.setClearAfter(2s);
    QSignalSpy ticks(&secretClipboard, &Dawiso::SecretClipboard::secondsLeftChanged);
    QSignalSpy cleared(&secretClipboard, &Dawiso::SecretClipboard::cleared);
    QSignalSpy replaced(&secretClipboard, &Dawiso::SecretClipboard::replacedByOther);

    secretClipboard.copySecret(TestSecret);
    QCOMPARE(ticks.count(), 1);
    QCOMPARE(ticks.at(0).at(0).toInt(), 2);
    QCOMPARE(secretClipboard.secondsLeft(), 2);

    QVERIFY(cleared.wait(15000));
    QCOMPARE(cleared.count(), 1);
    QCOMPARE(replaced.count(), 0);
    QVERIFY(clipboardText().isEmpty());
    QVERIFY(!secretClipboard.holdsSecret());
    QCOMPARE(secretClipboard.secondsLeft(), 0);

    // On a busy machine a tick may come late and skip a value, but the count only ever goes down, to 0.
    QVERIFY(ticks.count() >= 2);
    for (qsizetype i = 1; i < ticks.count(); ++i)
        QVERIFY(ticks.at(i).at(0).toInt() < ticks.at(i - 1).at(0).toInt());
    QCOMPARE(ticks.last().at(0).toInt(), 0);
}

void TestSecretClipboard::keepsWhatTheUserCopiedMeanwhile()
{
    Dawiso::SecretClipboard secretClipboard;
    secretClipboard.setClearAfter(2s);
    QSignalSpy cleared(&secretClipboard, &Dawiso::SecretClipboard::cleared);
    QSignalSpy replaced(&secretClipboard, &Dawiso::SecretClipboard::replacedByOther);

    secretClipboard.copySecret(TestSecret);
    const QString other = QStringLiteral("the user's own text");
    clipboard()->setText(other, QClipboard::Clipboard);

    QTRY_COMPARE_WITH_TIMEOUT(replaced.count(), 1, 10000);
    QVERIFY(!secretClipboard.holdsSecret());
    QCOMPARE(secretClipboard.secondsLeft(), 0);
    // Past the time the secret would have been cleared: the user's text is still there.
    QTest::qWait(3000);
    QCOMPARE(cleared.count(), 0);
    QCOMPARE(replaced.count(), 1);
    QVERIFY(clipboard()->text(QClipboard::Clipboard) == other);
}

void TestSecretClipboard::copyingAgainRestartsTheCountdown()
{
    Dawiso::SecretClipboard secretClipboard;
    secretClipboard.setClearAfter(30s);
    QSignalSpy replaced(&secretClipboard, &Dawiso::SecretClipboard::replacedByOther);
    QSignalSpy ticks(&secretClipboard, &Dawiso::SecretClipboard::secondsLeftChanged);

    secretClipboard.copySecret(QByteArrayLiteral("first-test-secret"));
    secretClipboard.setClearAfter(20s);
    secretClipboard.copySecret(TestSecret);
    QCOMPARE(ticks.count(), 2);
    QCOMPARE(ticks.last().at(0).toInt(), 20);
    QVERIFY(secretClipboard.holdsSecret());
    // Our own replacement is not "someone else copied something".
    QTest::qWait(200);
    QCOMPARE(replaced.count(), 0);
    QVERIFY(secretClipboard.holdsSecret());
}

void TestSecretClipboard::clearNowClearsOurSecret()
{
    Dawiso::SecretClipboard secretClipboard;
    QSignalSpy cleared(&secretClipboard, &Dawiso::SecretClipboard::cleared);
    secretClipboard.copySecret(TestSecret);
    QVERIFY(secretClipboard.secondsLeft() > 0);

    secretClipboard.clearNow();
    QCOMPARE(cleared.count(), 1);
    QVERIFY(clipboardText().isEmpty());
    QCOMPARE(secretClipboard.secondsLeft(), 0);

    // Nothing left to clear: a second call does nothing.
    secretClipboard.clearNow();
    QCOMPARE(cleared.count(), 1);
}

void TestSecretClipboard::clearNowLeavesOtherText()
{
    Dawiso::SecretClipboard secretClipboard;
    QSignalSpy cleared(&secretClipboard, &Dawiso::SecretClipboard::cleared);
    secretClipboard.copySecret(TestSecret);
    const QString other = QStringLiteral("copied by the user");
    clipboard()->setText(other, QClipboard::Clipboard);

    secretClipboard.clearNow();
    QCOMPARE(cleared.count(), 0);
    QVERIFY(clipboard()->text(QClipboard::Clipboard) == other);
}

void TestSecretClipboard::destructorClearsOurSecret()
{
    auto secretClipboard = std::make_unique<Dawiso::SecretClipboard>();
    secretClipboard->copySecret(TestSecret);
    QVERIFY(clipboardText() == TestSecret);
    secretClipboard.reset();
    QVERIFY(clipboardText().isEmpty());
}

void TestSecretClipboard::destructorLeavesOtherText()
{
    auto secretClipboard = std::make_unique<Dawiso::SecretClipboard>();
    secretClipboard->copySecret(TestSecret);
    const QString other = QStringLiteral("copied by the user");
    clipboard()->setText(other, QClipboard::Clipboard);
    secretClipboard.reset();
    QVERIFY(clipboard()->text(QClipboard::Clipboard) == other);
}

void TestSecretClipboard::clearsWhenTheApplicationQuits()
{
    Dawiso::SecretClipboard secretClipboard;
    QSignalSpy cleared(&secretClipboard, &Dawiso::SecretClipboard::cleared);
    secretClipboard.copySecret(TestSecret);

    // What QCoreApplication::exit() emits, without ending the test's event loop.
    QVERIFY(QMetaObject::invokeMethod(QCoreApplication::instance(), "aboutToQuit", Qt::DirectConnection));
    QCOMPARE(cleared.count(), 1);
    QVERIFY(clipboardText().isEmpty());
}

QTEST_MAIN(TestSecretClipboard)
#include "tst_secretclipboard.moc"
