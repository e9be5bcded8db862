#include "secrets/ChunkedSecretStore.h"

#include "secrets/ChunkedSecretJob.h"

#include <utility>

namespace Dawiso {

ChunkedSecretStore::ChunkedSecretStore(std::shared_ptr<SecretStore> inner)
    : m_inner(std::move(inner))
{ }

SecretStoreJob *ChunkedSecretStore::writeSecret(const QString &entryName, const QByteArray &secret)
{
    return new ChunkedSecretJob(m_inner, SecretStoreOperation::Write, entryName, secret);
}

SecretStoreJob *ChunkedSecretStore::readSecret(const QString &entryName)
{
    return new ChunkedSecretJob(m_inner, SecretStoreOperation::Read, entryName, QByteArray());
}

SecretStoreJob *ChunkedSecretStore::deleteSecret(const QString &entryName)
{
    return new ChunkedSecretJob(m_inner, SecretStoreOperation::Delete, entryName, QByteArray());
}

QString ChunkedSecretStore::locationDescription() const
{
    return m_inner->locationDescription();
}

QString ChunkedSecretStore::partName(const QString &entryName, int part)
{
    return entryName + QStringLiteral("/part-") + QString::number(part);
}

} // namespace Dawiso
