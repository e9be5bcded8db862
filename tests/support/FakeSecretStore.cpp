#include "FakeSecretStore.h"

#include "secrets/KeychainSecretJob.h"
#include "secrets/SecretStoreMessages.h"
#include "token/SecureMemory.h"

#include <QScopeGuard>

#include <utility>

namespace Dawiso {

namespace {

// The fake's job: the base class already guarantees one asynchronous finished() and self-deletion.
class FakeSecretJob : public SecretStoreJob
{
    Q_OBJECT

public:
    FakeSecretJob()
        : SecretStoreJob(nullptr)
    { }
    using SecretStoreJob::finish;
    using SecretStoreJob::setSecret;
};

const QString InjectedDetail = QStringLiteral("Injected by FakeSecretStore.");

} // namespace

FakeSecretStore::FakeSecretStore()
    : m_location(QStringLiteral("Test keychain"))
{ }

FakeSecretStore::~FakeSecretStore()
{
    for (Operation &operation : m_held) {
        operation.injectedError = SecretStoreError::Unavailable;
        complete(operation);
    }
    clear();
}

SecretStoreJob *FakeSecretStore::writeSecret(const QString &entryName, const QByteArray &secret)
{
    return start(SecretStoreOperation::Write, entryName, secret);
}

SecretStoreJob *FakeSecretStore::readSecret(const QString &entryName)
{
    return start(SecretStoreOperation::Read, entryName, QByteArray());
}

SecretStoreJob *FakeSecretStore::deleteSecret(const QString &entryName)
{
    return start(SecretStoreOperation::Delete, entryName, QByteArray());
}

void FakeSecretStore::failNextWith(SecretStoreError error)
{
    m_failNext = error;
}

void FakeSecretStore::failAlwaysWith(SecretStoreError error)
{
    m_failAlways = error;
}

void FakeSecretStore::setHoldJobs(bool hold)
{
    m_hold = hold;
}

void FakeSecretStore::releaseHeldJobs()
{
    QList<Operation> held;
    held.swap(m_held);
    for (Operation &operation : held)
        complete(operation);
}

int FakeSecretStore::heldJobCount() const
{
    return static_cast<int>(m_held.size());
}

bool FakeSecretStore::secretEquals(const QString &entryName, const QByteArray &secret) const
{
    const auto it = m_entries.constFind(entryName);
    return it != m_entries.cend() && *it == secret;
}

QStringList FakeSecretStore::entryNames() const
{
    QStringList names = m_entries.keys();
    names.sort();
    return names;
}

void FakeSecretStore::insertSecret(const QString &entryName, const QByteArray &secret)
{
    auto it = m_entries.find(entryName);
    if (it != m_entries.end())
        SecureMemory::wipe(*it);
    m_entries.insert(entryName, QByteArray(secret.constData(), secret.size()));
}

void FakeSecretStore::clear()
{
    for (QByteArray &secret : m_entries)
        SecureMemory::wipe(secret);
    m_entries.clear();
}

SecretStoreJob *FakeSecretStore::start(SecretStoreOperation kind, const QString &entryName, const QByteArray &secret)
{
    ++m_operationCount;
    auto *job = new FakeSecretJob;
    Operation operation {job, kind, entryName, QByteArray(secret.constData(), secret.size()), m_failAlways};
    if (m_failNext != SecretStoreError::None) {
        operation.injectedError = m_failNext;
        m_failNext = SecretStoreError::None;
    }
    if (m_hold)
        m_held.append(operation);
    else
        complete(operation);
    return job;
}

void FakeSecretStore::complete(Operation &operation)
{
    QByteArray secret = std::move(operation.secret);
    const auto wipeSecret = qScopeGuard([&secret] { SecureMemory::wipe(secret); });
    auto *job = static_cast<FakeSecretJob *>(operation.job.data());
    if (!job)
        return;
    if (operation.injectedError != SecretStoreError::None) {
        job->finish(operation.injectedError, SecretStoreMessages::forError(operation.injectedError, operation.kind),
                    InjectedDetail);
        return;
    }
    if (operation.entryName.isEmpty()) {
        job->finish(SecretStoreError::Failed, SecretStoreMessages::invalidEntryName(),
                    QStringLiteral("Empty entry name."));
        return;
    }
    switch (operation.kind) {
    case SecretStoreOperation::Write:
        if (secret.isEmpty()) {
            job->finish(SecretStoreError::Failed, SecretStoreMessages::emptySecret(), QStringLiteral("Empty secret."));
        } else if (secret.size() > KeychainSecretJob::maximumSecretSize()) {
            job->finish(SecretStoreError::TooLarge,
                        SecretStoreMessages::tooLarge(secret.size(), KeychainSecretJob::maximumSecretSize()),
                        QStringLiteral("Secret larger than the keychain limit."));
        } else {
            insertSecret(operation.entryName, secret);
            job->finish(SecretStoreError::None);
        }
        break;
    case SecretStoreOperation::Read: {
        const auto it = m_entries.constFind(operation.entryName);
        if (it == m_entries.cend()) {
            job->finish(SecretStoreError::NotFound,
                        SecretStoreMessages::forError(SecretStoreError::NotFound, SecretStoreOperation::Read),
                        QStringLiteral("Entry not found"));
        } else {
            job->setSecret(*it);
            job->finish(SecretStoreError::None);
        }
        break;
    }
    case SecretStoreOperation::Delete: {
        const auto it = m_entries.find(operation.entryName);
        if (it != m_entries.end()) {
            SecureMemory::wipe(*it);
            m_entries.remove(operation.entryName);
        }
        job->finish(SecretStoreError::None);
        break;
    }
    }
}

} // namespace Dawiso

#include "FakeSecretStore.moc"
