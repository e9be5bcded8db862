#include "connections/CredentialRotation.h"

#include "check/ConnectionCheck.h"
#include "common/Clock.h"
#include "common/ExpiryText.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/CredentialSaver.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreJob.h"
#include "setup/DeploymentFlow.h"
#include "token/SecureMemory.h"

namespace Dawiso {

CredentialRotation::CredentialRotation(DeploymentFlow *flow, SecretStore *store, ConnectionIndex *index,
                                       QObject *parent)
    : QObject(parent)
    , m_flow(flow)
    , m_store(store)
    , m_index(index)
    , m_saver(new CredentialSaver(store, index, this))
{
    connect(m_saver, &CredentialSaver::finished, this,
            [this](const CredentialSaveResult &saved) { onSaved(saved.saved, saved.message); });
}

CredentialRotation::~CredentialRotation()
{
    wipe();
}

void CredentialRotation::start(const SavedConnection &connection, int validityDays)
{
    if (m_running)
        return;
    wipe();
    m_running = true;
    m_cancelled = false;
    m_retirementPending = false;
    m_old = connection;
    m_new = connection;
    m_validityDays = validityDays;
    m_result = Result();
    m_pendingProblem = UserMessage();
    m_oldRestoreFailed = false;
    m_step = Step::ReadingStored;
    emit stepStarted(
        m_step, tr("Reading the %1 stored now from the keychain…", "the noun: key or token").arg(credentialNoun()));
    SecretStoreJob *job = m_store->readSecret(SecretEntryName::forHost(connection.kind, connection.hostAndPort));
    connect(job, &SecretStoreJob::finished, this, &CredentialRotation::onStoredRead);
}

bool CredentialRotation::canCancel() const
{
    return m_running && !m_cancelled
        && (m_step == Step::ReadingStored || m_step == Step::MakingNew || m_step == Step::CheckingNew);
}

void CredentialRotation::cancel()
{
    if (!canCancel())
        return;
    m_cancelled = true;
    if (m_step == Step::MakingNew)
        stopMaking();
    else if (m_step == Step::CheckingNew && m_check)
        m_check->cancel();
    // Reading: the keychain's answer is dropped when it comes.
}

void CredentialRotation::onStoredRead(SecretStoreJob *job)
{
    if (!m_running)
        return;
    if (m_cancelled) {
        finishWith(false, {tr("Stopped. Nothing was changed.")});
        return;
    }
    if (job->error() == SecretStoreError::NotFound) {
        finishWith(false,
                   {tr("The keychain holds no %1 for this connection any more, so there is nothing to "
                       "replace.",
                       "the noun: key or token")
                        .arg(credentialNoun()),
                    tr("Choose Set up again to make a new one with the wizard.")});
        return;
    }
    if (job->error() != SecretStoreError::None) {
        finishWith(false,
                   {tr("The %1 stored now could not be read from the keychain.", "the noun: key or token")
                        .arg(credentialNoun()),
                    job->errorMessage(), job->backendDetail()});
        return;
    }
    m_oldCredential = job->secret();
    m_step = Step::MakingNew;
    emit stepStarted(m_step, tr("Making the new %1…", "the noun: key or token").arg(credentialNoun()));
    QByteArray old = m_oldCredential;
    makeNewCredential(m_old, old, m_validityDays);
    SecureMemory::wipe(old);
}

UserMessage CredentialRotation::refusalOfChecked(const SavedConnection &, const ConnectionReport &) const
{
    return {};
}

void CredentialRotation::newCredentialMade(const QByteArray &credential, const QString &id, const QDateTime &expiry)
{
    if (!m_running || m_step != Step::MakingNew)
        return;
    m_newCredential = credential;
    m_new.keyId = id;
    m_new.keyExpiry = expiry;
    if (m_cancelled) {
        discardAndFinish({tr("Stopped. The %1 stored before is still stored and in use.", "the noun: key or token")
                              .arg(credentialNoun())});
        return;
    }
    m_step = Step::CheckingNew;
    emit stepStarted(m_step,
                     tr("Checking the new %1 as Dawiso will use it…", "the noun: key or token").arg(credentialNoun()));
    if (m_check)
        m_check->deleteLater();
    m_check = m_flow->createSavedConnectionCheck(m_new, this);
    connect(m_check, &ConnectionCheck::checkChanged, this, &CredentialRotation::checkChanged);
    connect(m_check, &ConnectionCheck::finished, this, &CredentialRotation::onChecked);
    emit plannedChecks(m_check->plannedChecks());
    m_check->start(m_new.hostAndPort, m_newCredential);
}

void CredentialRotation::newCredentialRefused(const UserMessage &problem)
{
    if (!m_running || m_step != Step::MakingNew)
        return;
    finishWith(false, m_cancelled ? UserMessage {tr("Stopped. Nothing was changed.")} : problem);
}

void CredentialRotation::onChecked(const ConnectionReport &report)
{
    if (!m_running || m_step != Step::CheckingNew)
        return;
    m_result.report = report;
    if (m_cancelled || report.verdict == ConnectionReport::Verdict::Cancelled) {
        discardAndFinish({tr("Stopped. The %1 stored before is still stored and in use.", "the noun: key or token")
                              .arg(credentialNoun())});
        return;
    }
    // Another user's credential is refused for that reason first, whatever else its check found.
    const UserMessage refusal = refusalOfChecked(m_old, report);
    if (!refusal.isEmpty()) {
        discardAndFinish(refusal);
        return;
    }
    if (report.verdict != ConnectionReport::Verdict::Usable) {
        discardAndFinish(
            {tr("The new %1 did not pass the connection check, so it was not stored.", "the noun: key or token")
                 .arg(credentialNoun()),
             report.verdict == ConnectionReport::Verdict::Unreachable && !report.failureMessage.isEmpty()
                 ? report.failureMessage
                 : tr("The list shows which check failed and what to do. The %1 stored before still works; try "
                      "again once that is fixed.",
                      "the noun: key or token")
                       .arg(credentialNoun())});
        return;
    }
    m_new.lastCheck = SavedConnection::LastCheck::Usable;
    m_new.lastCheckedAt = report.checkedAt;
    m_new.savedAt = Clock::currentDateTimeUtc();
    m_step = Step::StoringNew;
    emit stepStarted(m_step, tr("Storing the new %1 in the keychain…", "the noun: key or token").arg(credentialNoun()));
    m_saver->save(m_new, m_newCredential);
}

void CredentialRotation::onSaved(bool saved, const QString &message)
{
    if (!m_running || m_step != Step::StoringNew)
        return;
    if (saved) {
        if (m_retireLater) {
            m_retirementPending = true;
            m_result.whereThingsAre << tr("The %1 stored before (id %2) still works in Qlik until it is revoked.",
                                          "the noun: key or token; its id")
                                           .arg(credentialNoun(), m_old.keyId);
            finishWith(true, {});
            return;
        }
        startRetiring();
        return;
    }
    m_pendingProblem = {tr("The keychain did not take the new %1, so it was not stored.", "the noun: key or token")
                            .arg(credentialNoun()),
                        message};
    // Whatever the failed write left in the entry, the old credential goes back into it.
    SecretStoreJob *job =
        m_store->writeSecret(SecretEntryName::forHost(m_old.kind, m_old.hostAndPort), m_oldCredential);
    connect(job, &SecretStoreJob::finished, this, &CredentialRotation::onOldRestored);
}

void CredentialRotation::startRetiring()
{
    m_step = Step::RetiringOld;
    emit stepStarted(m_step, tr("Retiring the %1 stored before…", "the noun: key or token").arg(credentialNoun()));
    QByteArray old = m_oldCredential;
    QByteArray fresh = m_newCredential;
    retireOldCredential(m_old, old, fresh);
    SecureMemory::wipe(old);
    SecureMemory::wipe(fresh);
}

void CredentialRotation::retireOldNow()
{
    if (!m_retirementPending || m_running)
        return;
    m_running = true;
    // The sentence that the old credential still works is replaced by how its retirement went.
    m_result.whereThingsAre.removeLast();
    startRetiring();
}

void CredentialRotation::onOldRestored(SecretStoreJob *job)
{
    if (job->error() == SecretStoreError::None) {
        m_result.whereThingsAre << tr("The %1 stored before was written back to the keychain and still works.",
                                      "the noun: key or token")
                                       .arg(credentialNoun());
    } else {
        m_oldRestoreFailed = true;
        m_result.whereThingsAre << tr("The %1 stored before could not be written back to the keychain either (%2); "
                                      "it still works in Qlik. Check the entry with Check again once the keychain "
                                      "works.",
                                      "the noun: key or token, then the keychain's message")
                                       .arg(credentialNoun(), job->errorMessage());
    }
    discardAndFinish(m_pendingProblem);
}

void CredentialRotation::oldCredentialRetired(bool retired, const UserMessage &problem, const QString &whereOld)
{
    if (!m_running || m_step != Step::RetiringOld)
        return;
    if (!whereOld.isEmpty())
        m_result.whereThingsAre << whereOld;
    if (m_retirementPending) {
        m_retirementPending = false;
        m_result.problem = retired ? UserMessage() : problem;
        wipe();
        m_running = false;
        emit this->retired(m_result);
        return;
    }
    finishWith(true, retired ? UserMessage() : problem);
}

void CredentialRotation::discardAndFinish(const UserMessage &problem)
{
    m_pendingProblem = problem;
    if (m_newCredential.isEmpty()) {
        finishWith(false, problem);
        return;
    }
    QByteArray old = m_oldCredential;
    discardNewCredential(m_old, old, m_new.keyId);
    SecureMemory::wipe(old);
}

void CredentialRotation::newCredentialDiscarded(bool, const QString &whereNew)
{
    if (!m_running)
        return;
    if (!whereNew.isEmpty())
        m_result.whereThingsAre << whereNew;
    finishWith(false, m_pendingProblem);
}

void CredentialRotation::finishWith(bool rotated, const UserMessage &problem)
{
    m_result.rotated = rotated;
    m_result.problem = problem;
    const QDateTime now = Clock::currentDateTimeUtc();
    if (rotated) {
        m_result.connection = m_index->find(m_new.kind, m_new.hostAndPort).value_or(m_new);
        m_result.whereThingsAre.prepend(
            tr("The new %1 (id %2) passed the check and is stored in the keychain in "
               "place of the old one. %3",
               "the noun: key or token; its id; when it expires")
                .arg(credentialNoun(), m_new.keyId, ExpiryText::sentence(m_new.keyExpiry, now)));
    } else if (!m_oldRestoreFailed) {
        m_result.connection = m_old;
        m_result.whereThingsAre.prepend(
            tr("The %1 stored before (id %2) is still in the keychain and in use.", "the noun: key or token; its id")
                .arg(credentialNoun(), m_old.keyId.isEmpty() ? tr("unknown") : m_old.keyId));
    }
    if (!rotated)
        m_result.connection = m_old;
    // A retirement still to come needs both credentials; they go with it, or with this object.
    if (!m_retirementPending)
        wipe();
    m_running = false;
    emit finished(m_result);
}

void CredentialRotation::wipe()
{
    SecureMemory::wipe(m_oldCredential);
    SecureMemory::wipe(m_newCredential);
    m_oldCredential.clear();
    m_newCredential.clear();
}

} // namespace Dawiso
