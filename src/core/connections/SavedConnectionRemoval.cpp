#include "connections/SavedConnectionRemoval.h"

#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreJob.h"
#include "setup/DeploymentFlow.h"
#include "token/SecureMemory.h"

namespace Dawiso {

SavedConnectionRemoval::SavedConnectionRemoval(DeploymentFlow *flow, SecretStore *store, ConnectionIndex *index,
                                               QObject *parent)
    : QObject(parent)
    , m_flow(flow)
    , m_store(store)
    , m_index(index)
{
    connect(m_flow, &DeploymentFlow::storedCredentialRevoked, this, &SavedConnectionRemoval::onRevoked);
}

SavedConnectionRemoval::~SavedConnectionRemoval()
{
    SecureMemory::wipe(m_credential);
}

void SavedConnectionRemoval::start(const SavedConnection &connection, bool revokeInQlik)
{
    if (m_running)
        return;
    m_running = true;
    m_connection = connection;
    m_result = Result();
    m_entries = QStringList {SecretEntryName::forHost(connection.kind, connection.hostAndPort)}
        + m_flow->companionEntryNames(connection);
    if (!revokeInQlik) {
        deleteNext();
        return;
    }
    emit progress(tr("Reading the stored credential, to revoke it in Qlik…"));
    SecretStoreJob *job = m_store->readSecret(m_entries.constFirst());
    connect(job, &SecretStoreJob::finished, this, &SavedConnectionRemoval::onCredentialRead);
}

void SavedConnectionRemoval::onCredentialRead(SecretStoreJob *job)
{
    if (job->error() == SecretStoreError::NotFound) {
        // Nothing to revoke with: the rest is removed all the same.
        m_result.whereThingsAre << tr("The keychain held no credential for this connection any more, so nothing "
                                      "was revoked in Qlik.");
        deleteNext();
        return;
    }
    if (job->error() != SecretStoreError::None) {
        finishWith(false,
                   {tr("The stored credential could not be read, so it was not revoked and nothing was "
                       "removed."),
                    job->errorMessage(), job->backendDetail()});
        return;
    }
    m_credential = job->secret();
    emit progress(tr("Revoking the credential in Qlik…"));
    m_awaitingRevocation = m_flow->revokeStoredCredential(m_connection, m_credential);
    if (!m_awaitingRevocation) {
        SecureMemory::wipe(m_credential);
        m_result.whereThingsAre << tr("Qlik cannot revoke this credential on its own; it stays valid until it "
                                      "expires.");
        deleteNext();
    }
}

void SavedConnectionRemoval::onRevoked(bool revoked, const UserMessage &problem)
{
    if (!m_running || !m_awaitingRevocation)
        return;
    m_awaitingRevocation = false;
    SecureMemory::wipe(m_credential);
    if (!revoked) {
        UserMessage kept = problem;
        kept.message =
            tr("The credential could not be revoked in Qlik, so nothing was removed: %1").arg(problem.message);
        kept.advice = tr("Try again later, or forget the connection without revoking and delete the key in Qlik "
                         "Cloud's Management Console, under API keys (id %1).")
                          .arg(m_connection.keyId);
        finishWith(false, kept);
        return;
    }
    m_result.revoked = true;
    m_result.whereThingsAre << tr("The credential (id %1) was revoked in Qlik.").arg(m_connection.keyId);
    deleteNext();
}

void SavedConnectionRemoval::deleteNext()
{
    if (m_entries.isEmpty()) {
        m_index->remove(m_connection.kind, m_connection.hostAndPort);
        m_result.whereThingsAre << tr("The keychain entries and the connection's row in this program's list were "
                                      "removed.");
        finishWith(true, {});
        return;
    }
    emit progress(tr("Removing the keychain entry…"));
    SecretStoreJob *job = m_store->deleteSecret(m_entries.constFirst());
    connect(job, &SecretStoreJob::finished, this, &SavedConnectionRemoval::onDeleted);
}

void SavedConnectionRemoval::onDeleted(SecretStoreJob *job)
{
    if (job->error() != SecretStoreError::None) {
        // The row stays, so that Forget can be tried again once the keychain works.
        finishWith(false,
                   {tr("The keychain entry “%1” could not be removed.").arg(m_entries.constFirst()),
                    job->errorMessage(), job->backendDetail()});
        return;
    }
    m_entries.removeFirst();
    deleteNext();
}

void SavedConnectionRemoval::finishWith(bool removed, const UserMessage &problem)
{
    m_running = false;
    m_result.removed = removed;
    m_result.problem = problem;
    emit finished(m_result);
}

} // namespace Dawiso
