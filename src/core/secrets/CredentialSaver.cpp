#include "secrets/CredentialSaver.h"

#include "common/Clock.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStore.h"
#include "token/SecureMemory.h"

#include <QDateTime>

namespace Dawiso {

CredentialSaver::CredentialSaver(SecretStore *store, ConnectionIndex *index, QObject *parent)
    : QObject(parent)
    , m_store(store)
    , m_index(index)
{ }

CredentialSaver::~CredentialSaver()
{
    wipeEntries();
}

void CredentialSaver::save(const SavedConnection &connection, const QByteArray &secret,
                           const QList<SecretEntry> &companions)
{
    const int generation = ++m_generation;
    m_connection = connection;
    m_entryName = SecretEntryName::forHost(connection.kind, connection.hostAndPort);
    wipeEntries();
    m_entries = QList<SecretEntry> {{m_entryName, secret}} + companions;
    m_current = 0;
    m_clearedLeftovers = false;
    m_running = true;
    emit stepStarted(Step::Writing);
    writeCurrent(generation);
}

void CredentialSaver::writeCurrent(int generation)
{
    const SecretEntry &entry = m_entries.at(m_current);
    SecretStoreJob *job = m_store->writeSecret(entry.entryName, entry.secret);
    connect(job, &SecretStoreJob::finished, this,
            [this, generation](SecretStoreJob *done) { onWritten(done, generation); });
}

void CredentialSaver::wipeEntries()
{
    for (SecretEntry &entry : m_entries)
        SecureMemory::wipe(entry.secret);
    m_entries.clear();
}

void CredentialSaver::cancel()
{
    ++m_generation;
    m_running = false;
    wipeEntries();
}

void CredentialSaver::onWritten(SecretStoreJob *job, int generation)
{
    if (generation != m_generation)
        return;
    if (job->error() != SecretStoreError::None) {
        fail(job);
        return;
    }
    if (m_current == 0) {
        emit stepFinished(Step::Writing);
        emit stepStarted(Step::ReadingBack);
    }
    SecretStoreJob *read = m_store->readSecret(m_entries.at(m_current).entryName);
    connect(read, &SecretStoreJob::finished, this,
            [this, generation](SecretStoreJob *done) { onReadBack(done, generation); });
}

void CredentialSaver::onReadBack(SecretStoreJob *job, int generation)
{
    if (generation != m_generation)
        return;
    if (job->error() != SecretStoreError::None) {
        fail(job);
        return;
    }
    QByteArray stored = job->secret();
    const bool same = stored == m_entries.at(m_current).secret;
    SecureMemory::wipe(stored);
    if (!same && !m_clearedLeftovers) {
        // What an earlier run (or another program using the same keychain library) left under this name can be
        // what a read finds first, such as a copy stored as text. The new key is stored, so everything under the name
        // is removed and the key written once more; only a second different answer means the keychain is at fault.
        m_clearedLeftovers = true;
        SecretStoreJob *clear = m_store->deleteSecret(m_entries.at(m_current).entryName);
        connect(clear, &SecretStoreJob::finished, this, [this, generation](SecretStoreJob *done) {
            if (generation != m_generation)
                return;
            if (done->error() != SecretStoreError::None) {
                fail(done);
                return;
            }
            writeCurrent(generation);
        });
        return;
    }
    if (!same) {
        CredentialSaveResult result;
        result.error = SecretStoreError::Failed;
        result.entryName = m_entries.at(m_current).entryName;
        result.message = tr("The keychain gave back something other than the key that was just saved, so the key "
                            "cannot be relied on. Try again; if it happens again, restart your computer's keychain "
                            "(sign out and in) and retry.");
        complete(result);
        return;
    }
    // The companions (an on-prem signing key) are written and read back the same way before anything is recorded.
    m_clearedLeftovers = false;
    if (++m_current < m_entries.size()) {
        writeCurrent(generation);
        return;
    }
    emit stepFinished(Step::ReadingBack);

    emit stepStarted(Step::Recording);
    SavedConnection connection = m_connection;
    connection.savedAt = Clock::currentDateTimeUtc();
    if (m_recordsConnection)
        m_index->upsert(connection);
    emit stepFinished(Step::Recording);

    CredentialSaveResult result;
    result.saved = true;
    result.entryName = m_entryName;
    complete(result);
}

void CredentialSaver::fail(SecretStoreJob *job)
{
    CredentialSaveResult result;
    result.error = job->error();
    result.entryName = m_entries.value(m_current).entryName;
    result.message = job->errorMessage();
    result.backendDetail = job->backendDetail();
    complete(result);
}

void CredentialSaver::complete(const CredentialSaveResult &result)
{
    wipeEntries();
    m_running = false;
    emit finished(result);
}

} // namespace Dawiso
