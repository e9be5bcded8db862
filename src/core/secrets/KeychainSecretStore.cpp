#include "secrets/KeychainSecretStore.h"

#include "secrets/KeychainSecretJob.h"

#include <algorithm>

namespace Dawiso {

KeychainSecretStore::KeychainSecretStore(QObject *parent)
    : QObject(parent)
{ }

KeychainSecretStore::~KeychainSecretStore() = default;

SecretStoreJob *KeychainSecretStore::writeSecret(const QString &entryName, const QByteArray &secret)
{
    return new KeychainSecretJob(SecretStoreOperation::Write, entryName, secret, m_timeout);
}

SecretStoreJob *KeychainSecretStore::readSecret(const QString &entryName)
{
    return new KeychainSecretJob(SecretStoreOperation::Read, entryName, QByteArray(), m_timeout);
}

SecretStoreJob *KeychainSecretStore::deleteSecret(const QString &entryName)
{
    return new KeychainSecretJob(SecretStoreOperation::Delete, entryName, QByteArray(), m_timeout);
}

QString KeychainSecretStore::locationDescription() const
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager");
#elif defined(Q_OS_MACOS)
    return tr("macOS Keychain");
#else
    return tr("GNOME Keyring / KWallet (Secret Service)");
#endif
}

void KeychainSecretStore::setTimeout(std::chrono::milliseconds timeout)
{
    m_timeout = std::max(timeout, std::chrono::milliseconds::zero());
}

} // namespace Dawiso
