#include "clipboard/SecretClipboard.h"

#include "clipboard/SecretMimeData.h"
#include "token/SecureMemory.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

#include <algorithm>

namespace Dawiso {

namespace {

QClipboard *systemClipboard()
{
    // Only a GUI application has a clipboard; a core application (the command line) has nothing to clear.
    return qobject_cast<QGuiApplication *>(QCoreApplication::instance()) ? QGuiApplication::clipboard() : nullptr;
}

QByteArray hashOf(const QByteArray &secret)
{
    return QCryptographicHash::hash(secret, QCryptographicHash::Sha256);
}

} // namespace

SecretClipboard::SecretClipboard(QObject *parent)
    : QObject(parent)
{
    // Precise, so that ticks never come early and the countdown shows every second once.
    m_ticker.setTimerType(Qt::PreciseTimer);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &SecretClipboard::tick);
    if (QClipboard *clipboard = systemClipboard()) {
        // Queued: the clipboard may be read safely only once whoever changed it has finished.
        connect(clipboard, &QClipboard::dataChanged, this, &SecretClipboard::checkStillOurs, Qt::QueuedConnection);
    }
    // On X11 a clipboard manager copies the clipboard when we quit; it must not get the secret that way.
    if (QCoreApplication *app = QCoreApplication::instance())
        connect(app, &QCoreApplication::aboutToQuit, this, &SecretClipboard::clearNow);
}

SecretClipboard::~SecretClipboard()
{
    if (holdsSecret())
        systemClipboard()->clear(QClipboard::Clipboard);
}

void SecretClipboard::setClearAfter(std::chrono::seconds seconds)
{
    m_clearAfter = std::max(seconds, std::chrono::seconds(1));
}

void SecretClipboard::copySecret(const QByteArray &secret)
{
    QClipboard *clipboard = systemClipboard();
    if (!clipboard || secret.isEmpty())
        return;
    // The hash goes first: setting the clipboard announces the change, and the check must recognise our secret.
    m_secretHash = hashOf(secret);
    // Clipboard mode only: the X11 selection is pasted by a middle click anywhere, far too easily by accident.
    // The hints are set on every platform: each platform's clipboard passes formats it does not know through under
    // their own names, where nothing reads them, so one code path serves (and is tested) everywhere.
    clipboard->setMimeData(new SecretMimeData(secret), QClipboard::Clipboard);
    m_deadline = QDeadlineTimer(m_clearAfter, Qt::PreciseTimer);
    m_ticker.start();
    m_lastReported = secondsLeft();
    emit secondsLeftChanged(m_lastReported);
}

bool SecretClipboard::holdsSecret() const
{
    if (m_secretHash.isEmpty())
        return false;
    const QClipboard *clipboard = systemClipboard();
    const QMimeData *data = clipboard ? clipboard->mimeData(QClipboard::Clipboard) : nullptr;
    if (!data || !data->hasText())
        return false;
    QString text = data->text();
    QByteArray utf8 = text.toUtf8();
    const bool ours = hashOf(utf8) == m_secretHash;
    SecureMemory::wipe(utf8);
    SecureMemory::wipe(text);
    return ours;
}

int SecretClipboard::secondsLeft() const
{
    if (m_secretHash.isEmpty() || m_deadline.hasExpired())
        return 0;
    constexpr qint64 NanosecondsPerSecond = 1000000000;
    return static_cast<int>((m_deadline.remainingTimeNSecs() + NanosecondsPerSecond - 1) / NanosecondsPerSecond);
}

void SecretClipboard::clearNow()
{
    if (m_secretHash.isEmpty()) {
        stop();
        return;
    }
    const bool ours = holdsSecret();
    stop();
    if (ours) {
        systemClipboard()->clear(QClipboard::Clipboard);
        emit cleared();
    } else {
        emit replacedByOther();
    }
}

void SecretClipboard::tick()
{
    if (!holdsSecret()) {
        stop();
        emit replacedByOther();
        return;
    }
    const int left = secondsLeft();
    if (left != m_lastReported) {
        m_lastReported = left;
        emit secondsLeftChanged(left);
    }
    if (left == 0)
        clearNow();
}

void SecretClipboard::checkStillOurs()
{
    if (m_secretHash.isEmpty() || holdsSecret())
        return;
    stop();
    emit replacedByOther();
}

void SecretClipboard::stop()
{
    m_ticker.stop();
    m_secretHash.clear();
    m_lastReported = 0;
}

} // namespace Dawiso
