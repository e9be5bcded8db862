#pragma once

#include "secrets/SecretStore.h"

#include <QObject>

#include <chrono>

namespace Dawiso {

// The operating system's keychain through QtKeychain: libsecret (GNOME Keyring, KWallet) on Linux, the macOS
// Keychain, Windows Credential Manager. Service name DQS_APP_ID. There is no plaintext fallback of any kind: when the
// keychain is unusable the job fails with a message that says how to fix it.
// Jobs have no parent: they finish and delete themselves even if the store is destroyed first.
class KeychainSecretStore : public QObject, public SecretStore
{
    Q_OBJECT

public:
    explicit KeychainSecretStore(QObject *parent = nullptr);
    ~KeychainSecretStore() override;

    SecretStoreJob *writeSecret(const QString &entryName, const QByteArray &secret) override;
    SecretStoreJob *readSecret(const QString &entryName) override;
    SecretStoreJob *deleteSecret(const QString &entryName) override;
    QString locationDescription() const override;

    // The limit for each job created afterwards, counted from its creation. Generous by default, because the user
    // may have to answer an unlock prompt first.
    void setTimeout(std::chrono::milliseconds timeout);
    std::chrono::milliseconds timeout() const { return m_timeout; }

private:
    std::chrono::milliseconds m_timeout = std::chrono::seconds(15);
};

} // namespace Dawiso
