#pragma once

#include "common/UserMessage.h"

#include <QObject>
#include <QString>

namespace Dawiso {

class SecretClipboard;
class SecretStoreJob;

// Copies a credential from the keychain to the clipboard the secure way (SecretClipboard: hidden from clipboard
// managers, cleared after 30 s), and says how long it stays there, for a label beside the button.
class StoredSecretCopier : public QObject
{
    Q_OBJECT

public:
    explicit StoredSecretCopier(QObject *parent = nullptr);

    // Copies what the keychain read gives (SetupController::readStoredCredential()); what: the noun for the
    // sentences, "key" or "token".
    void copy(SecretStoreJob *read, const QString &what);
    bool isReading() const { return m_reading; }
    SecretClipboard *clipboard() const { return m_clipboard; }

signals:
    // The credential is on the clipboard now.
    void copied();
    // A sentence for the label: the countdown, or that the clipboard was cleared or replaced.
    void statusChanged(const QString &status);
    void failed(const Dawiso::UserMessage &problem);

private:
    void onRead(SecretStoreJob *job);

    SecretClipboard *m_clipboard;
    QString m_what;
    bool m_reading = false;
};

} // namespace Dawiso
