#include "connections/SavedConnectionCheck.h"

#include "check/ConnectionCheck.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreJob.h"
#include "setup/DeploymentFlow.h"
#include "token/SecureMemory.h"

#include <memory>

namespace Dawiso {

SavedConnectionCheck::SavedConnectionCheck(DeploymentFlow *flow, SecretStore *store, ConnectionIndex *index,
                                           QObject *parent)
    : QObject(parent)
    , m_flow(flow)
    , m_store(store)
    , m_index(index)
{ }

SavedConnectionCheck::~SavedConnectionCheck() = default;

QList<CheckResult> SavedConnectionCheck::plannedChecks(const SavedConnection &connection)
{
    const std::unique_ptr<ConnectionCheck> check(m_flow->createSavedConnectionCheck(connection, nullptr));
    return check->plannedChecks();
}

void SavedConnectionCheck::start(const SavedConnection &connection)
{
    if (m_running)
        return;
    m_running = true;
    m_stopAfterReading = false;
    m_connection = connection;
    // Not deleted at once: start() may be called from the previous check's finished().
    if (m_check)
        m_check->deleteLater();
    m_check = m_flow->createSavedConnectionCheck(connection, this);
    connect(m_check, &ConnectionCheck::progress, this, &SavedConnectionCheck::progress);
    connect(m_check, &ConnectionCheck::checkChanged, this, &SavedConnectionCheck::checkChanged);
    connect(m_check, &ConnectionCheck::finished, this, &SavedConnectionCheck::onFinished);
    emit progress(tr("Reading the stored credential from the keychain…"));
    SecretStoreJob *job = m_store->readSecret(SecretEntryName::forHost(connection.kind, connection.hostAndPort));
    connect(job, &SecretStoreJob::finished, this, &SavedConnectionCheck::onCredentialRead);
}

void SavedConnectionCheck::cancel()
{
    if (!m_running)
        return;
    if (m_check && m_check->isRunning())
        m_check->cancel();
    else
        m_stopAfterReading = true;
}

void SavedConnectionCheck::onCredentialRead(SecretStoreJob *job)
{
    if (!m_running || !m_check)
        return;
    if (m_stopAfterReading) {
        m_check->finishWithoutServer(m_connection.hostAndPort, ConnectionCheck::NotStarted::Stopped);
        return;
    }
    if (job->error() == SecretStoreError::NotFound) {
        m_check->finishWithoutServer(
            m_connection.hostAndPort, ConnectionCheck::NotStarted::Unreadable,
            tr("The keychain no longer holds a credential for this connection."),
            tr("It was removed outside this program. Open Dawiso Qlik Setup: its first page lists the connection "
               "with Set up again, to make a new one, and Forget, to remove it from the list."));
        return;
    }
    if (job->error() != SecretStoreError::None) {
        m_check->finishWithoutServer(m_connection.hostAndPort, ConnectionCheck::NotStarted::Unreadable,
                                     tr("The stored credential could not be read from the keychain."),
                                     job->errorMessage());
        return;
    }
    QByteArray credential = job->secret();
    m_check->start(m_connection.hostAndPort, credential);
    SecureMemory::wipe(credential);
}

void SavedConnectionCheck::onFinished(const ConnectionReport &report)
{
    m_running = false;
    const SavedConnection::LastCheck result = report.lastCheck();
    // A stopped check says nothing about the connection: the last real verdict stays.
    if (result != SavedConnection::LastCheck::None)
        m_index->recordCheck(m_connection.kind, m_connection.hostAndPort, result, report.checkedAt);
    emit finished(report);
}

} // namespace Dawiso
