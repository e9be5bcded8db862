#pragma once

#include "common/UserMessage.h"

#include <QObject>
#include <QString>

namespace Dawiso {

class SecretClipboard;
class SecretStore;
class SecretStoreJob;

// Copies a credential from the keychain to the clipboard the secure way (SecretClipboard: hidden from clipboard
// managers, cleared after 30 s), and says how long it stays there, for a label beside the button.
class StoredSecretCopier : public QObject
{
    Q_OBJECT

public:
    StoredSecretCopier(SecretStore *store, QObject *parent = nullptr);

    // what: the noun for the sentences, "key" or "token".
    void copy(const QString &entryName, const QString &what);
    bool isReading() const { return m_reading; }

signals:
    // A sentence for the label: the countdown, or that the clipboard was cleared or replaced.
    void statusChanged(const QString &status);
    void failed(const Dawiso::UserMessage &problem);

private:
    void onRead(SecretStoreJob *job);

    SecretStore *m_store;
    SecretClipboard *m_clipboard;
    QString m_what;
    bool m_reading = false;
};

} // namespace Dawiso
