#pragma once

#include <QByteArray>
#include <QDeadlineTimer>
#include <QObject>
#include <QTimer>

#include <chrono>

namespace Dawiso {

// Copies a secret (an API key) to the system clipboard the way password managers do (KeePassXC): marked so that
// clipboard managers and clipboard history skip it, and cleared after a while, but only if the clipboard still
// holds that secret. Only a SHA-256 of the secret is kept, to recognise it later.
class SecretClipboard : public QObject
{
    Q_OBJECT

public:
    explicit SecretClipboard(QObject *parent = nullptr);
    // Clears the clipboard if it still holds our secret.
    ~SecretClipboard() override;

    // Default 30 s; at least 1 s. Applies to the next copySecret().
    void setClearAfter(std::chrono::seconds seconds);

    // Copies UTF-8 text and starts the countdown.
    void copySecret(const QByteArray &secret);
    // The clipboard still holds what we put there.
    bool holdsSecret() const;
    // 0 when nothing is counting down.
    int secondsLeft() const;
    // Clears only if the clipboard still holds our secret; stops the countdown either way.
    void clearNow();

signals:
    // Once when copying and then once per second while counting down.
    void secondsLeftChanged(int secondsLeft);
    // We cleared the clipboard (not emitted if someone else replaced the secret).
    void cleared();
    // The user copied something else meanwhile: the countdown has stopped and the clipboard is left alone.
    void replacedByOther();

private:
    void tick();
    void checkStillOurs();
    void stop();

    std::chrono::seconds m_clearAfter {30};
    QByteArray m_secretHash;
    QDeadlineTimer m_deadline;
    QTimer m_ticker;
    int m_lastReported = 0;
};

} // namespace Dawiso
