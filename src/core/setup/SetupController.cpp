#include "setup/SetupController.h"

#include "check/ConnectionCheck.h"
#include "net/CertificatePinStore.h"
#include "net/TlsTrust.h"
#include "oauth/TokenRevoker.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/CredentialSaver.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStore.h"
#include "token/SecureMemory.h"

#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QTimer>

namespace Dawiso {

SetupController::SetupController(QNetworkAccessManager *network, TlsTrust *trust, SecretStore *store,
                                 ConnectionIndex *index, QObject *parent)
    : QObject(parent)
    , m_context(network, trust, this)
    , m_store(store)
    , m_index(index)
{ }

SetupController::~SetupController() = default;

void SetupController::adopt(std::unique_ptr<DeploymentFlow> owned)
{
    DeploymentFlow *added = owned.release();
    added->setParent(this);
    if (DeploymentFlow *before = m_flows[added->kind()]; before && before != added)
        delete before;
    m_flows[added->kind()] = added;
    if (!m_deploymentChosen && m_flows.size() == 1)
        m_deployment = added->kind();
    connect(added, &DeploymentFlow::hostProbeProgress, this, [this, added](const QString &message) {
        if (added == flow())
            emit hostProbeProgress(message);
    });
    connect(added, &DeploymentFlow::hostProbeFinished, this, [this, added](const HostProbeResult &result) {
        if (added != flow())
            return;
        if (result.isFound())
            m_context.setConfirmedHost(result.host);
        emit hostProbeFinished(result);
    });
    connect(added, &DeploymentFlow::credentialChanged, this, [this, added] { onCredentialChanged(added); });
    connect(added, &DeploymentFlow::createdCredentialRevoked, this, &SetupController::createdCredentialRevoked);
}

bool SetupController::hasDeployment(DeploymentKind kind) const
{
    return m_flows.count(kind) > 0;
}

DeploymentFlow *SetupController::flow() const
{
    return flowFor(m_deployment);
}

DeploymentFlow *SetupController::flowFor(DeploymentKind kind) const
{
    const auto found = m_flows.find(kind);
    return found == m_flows.end() ? nullptr : found->second;
}

void SetupController::setDeployment(DeploymentKind kind)
{
    m_deploymentChosen = true;
    if (kind == m_deployment)
        return;
    if (DeploymentFlow *before = flow()) {
        before->cancelHostProbe();
        before->forgetSignIns();
        before->forgetCredential();
    }
    m_context.setConfirmedHost(ParsedHost());
    m_deployment = kind;
}

void SetupController::onCredentialChanged(DeploymentFlow *changed)
{
    if (changed != flow())
        return;
    // Whatever was stored or checked belongs to the credential that was replaced.
    if (m_saver)
        m_saver->cancel();
    m_saveResult = CredentialSaveResult();
    if (m_connectionCheck)
        m_connectionCheck->cancel();
    m_connectionReport = ConnectionReport();
}

void SetupController::setPracticeRun(bool practiceRun, const PracticeCredentials &credentials)
{
    m_context.setPracticeRun(practiceRun, credentials);
}

ParsedHost SetupController::parseHost(const QString &input) const
{
    DeploymentFlow *current = flow();
    return current ? current->parseHost(input) : ParsedHost();
}

void SetupController::probeHost(const ParsedHost &host)
{
    DeploymentFlow *current = flow();
    if (!current)
        return;
    // A credential is verified against one server (and virtual proxy); another address means verifying it again.
    if (host.baseUrl() != confirmedHost().baseUrl())
        current->forgetCredential();
    m_context.setConfirmedHost(ParsedHost());
    current->probeHost(host);
}

void SetupController::cancelHostProbe()
{
    if (DeploymentFlow *current = flow())
        current->cancelHostProbe();
}

bool SetupController::isProbingHost() const
{
    DeploymentFlow *current = flow();
    return current && current->isProbingHost();
}

void SetupController::trustCertificate(const QString &hostAndPort, const QByteArray &sha256Fingerprint)
{
    m_context.trust()->pin(hostAndPort, sha256Fingerprint);
    if (m_pinStore)
        m_pinStore->add(hostAndPort, sha256Fingerprint);
}

bool SetupController::trustCertificateAuthority(const QString &hostAndPort, const QSslCertificate &authority)
{
    if (!m_context.trust()->trustCaForHost(hostAndPort, authority))
        return false;
    // The network manager keeps each connection's TLS configuration while it keeps the connection: the one that just
    // failed would fail again without the new CA.
    m_context.network()->clearConnectionCache();
    if (m_pinStore)
        m_pinStore->addCertificateAuthority(hostAndPort, authority);
    return true;
}

CredentialSaver *SetupController::saver()
{
    if (!m_saver) {
        m_saver = new CredentialSaver(m_store, m_index, this);
        connect(m_saver, &CredentialSaver::stepStarted, this, &SetupController::saveStepStarted);
        connect(m_saver, &CredentialSaver::stepFinished, this, &SetupController::saveStepFinished);
        connect(m_saver, &CredentialSaver::finished, this, [this](const CredentialSaveResult &result) {
            m_saveResult = result;
            if (result.saved) {
                if (DeploymentFlow *current = flow())
                    current->credentialSaved();
            }
            emit saveFinished(result);
        });
    }
    return m_saver;
}

bool SetupController::hasCredentialToSave() const
{
    DeploymentFlow *current = flow();
    return current && current->hasCredential();
}

void SetupController::saveCredential()
{
    if (!hasCredentialToSave())
        return;
    m_saveResult = CredentialSaveResult();
    QByteArray secret = flow()->credential();
    saver()->setRecordsConnection(!isPracticeRun());
    saver()->save(flow()->savedConnection(), secret, flow()->companionSecrets());
    SecureMemory::wipe(secret);
}

bool SetupController::isSaving() const
{
    return m_saver && m_saver->isRunning();
}

QString SetupController::secretStoreLocation() const
{
    return m_store->locationDescription();
}

QString SetupController::credentialEntryName() const
{
    return SecretEntryName::forHost(m_deployment, confirmedHost().hostAndPort());
}

SavedConnection SetupController::savedConnection() const
{
    DeploymentFlow *current = flow();
    return current ? current->savedConnection() : SavedConnection();
}

QStringList SetupController::reminders() const
{
    DeploymentFlow *current = flow();
    return current ? current->reminders() : QStringList();
}

QString SetupController::unsavedCreatedCredentialId() const
{
    DeploymentFlow *current = flow();
    return current && !m_saveResult.saved ? current->unsavedCreatedCredentialId() : QString();
}

QByteArray SetupController::unsavedCredential() const
{
    DeploymentFlow *current = flow();
    return current && !m_saveResult.saved ? current->credential() : QByteArray();
}

void SetupController::revokeCreatedCredential()
{
    DeploymentFlow *current = flow();
    if (!current || current->unsavedCreatedCredentialId().isEmpty())
        return;
    if (m_saver)
        m_saver->cancel();
    current->revokeCreatedCredential();
}

SecretStoreJob *SetupController::readStoredCredential(const SavedConnection &connection)
{
    return m_store->readSecret(SecretEntryName::forHost(connection.kind, connection.hostAndPort));
}

SecretStoreJob *SetupController::readStoredCredential()
{
    return m_store->readSecret(credentialEntryName());
}

QList<CheckResult> SetupController::plannedChecks() const
{
    DeploymentFlow *current = flow();
    return current ? current->plannedChecks() : QList<CheckResult>();
}

ConnectionCheck *SetupController::freshConnectionCheck()
{
    if (m_connectionCheck) {
        m_connectionCheck->disconnect(this);
        m_connectionCheck->cancel();
        m_connectionCheck->deleteLater();
    }
    m_connectionCheck = flow()->createConnectionCheck(confirmedHost(), this);
    connect(m_connectionCheck, &ConnectionCheck::checkChanged, this, &SetupController::connectionCheckChanged);
    connect(m_connectionCheck, &ConnectionCheck::progress, this, &SetupController::connectionCheckProgress);
    connect(m_connectionCheck, &ConnectionCheck::finished, this, [this](const ConnectionReport &report) {
        m_connectionReport = report;
        const SavedConnection::LastCheck result = report.lastCheck();
        if (m_saveResult.saved && result != SavedConnection::LastCheck::None)
            m_index->recordCheck(m_deployment, confirmedHost().hostAndPort(), result, report.checkedAt);
        emit connectionCheckFinished(report);
    });
    return m_connectionCheck;
}

void SetupController::runConnectionCheck()
{
    if (!flow() || m_readingForCheck || isCheckingConnection() || !confirmedHost().isValid())
        return;
    m_connectionReport = ConnectionReport();
    m_readingForCheck = true;
    m_stopAfterReading = false;
    emit connectionCheckProgress(tr("Reading the key back from the keychain…"));
    SecretStoreJob *job = readStoredCredential();
    connect(job, &SecretStoreJob::finished, this, [this](SecretStoreJob *done) {
        m_readingForCheck = false;
        ConnectionCheck *check = freshConnectionCheck();
        const QString host = confirmedHost().hostAndPort();
        if (m_stopAfterReading) {
            // A keychain read cannot be taken back; its answer is dropped and nothing is asked of Qlik.
            m_stopAfterReading = false;
            check->finishWithoutServer(host, ConnectionCheck::NotStarted::Stopped);
            return;
        }
        if (done->error() != SecretStoreError::None) {
            check->finishWithoutServer(host, ConnectionCheck::NotStarted::Unreadable,
                                       tr("The stored key could not be read from the keychain."), done->errorMessage());
            return;
        }
        QByteArray credential = done->secret();
        check->start(host, credential);
        SecureMemory::wipe(credential);
    });
}

void SetupController::cancelConnectionCheck()
{
    if (m_readingForCheck)
        m_stopAfterReading = true;
    else if (m_connectionCheck)
        m_connectionCheck->cancel();
}

bool SetupController::isCheckingConnection() const
{
    return m_readingForCheck || (m_connectionCheck && m_connectionCheck->isRunning());
}

QuitRisk SetupController::quitRisk() const
{
    DeploymentFlow *current = flow();
    // What is at stake is real only against a real server.
    if (!current || isPracticeRun())
        return {};
    QuitRisk::Reason reason = QuitRisk::Reason::None;
    if (current->isCreatingCredential()) {
        // Qlik may create it whether or not its answer is awaited.
        reason = QuitRisk::Reason::CreatingCredential;
    } else if (current->hasCredential() && !m_saveResult.saved) {
        if (isSaving())
            reason = QuitRisk::Reason::Saving; // a keychain write cannot be taken back
        else if (!unsavedCreatedCredentialId().isEmpty())
            reason = QuitRisk::Reason::UnsavedCreatedCredential;
        else
            reason = QuitRisk::Reason::UnsavedCredential;
    }
    return reason == QuitRisk::Reason::None ? QuitRisk() : current->describeQuitRisk(reason);
}

void SetupController::waitForSignOuts(std::chrono::milliseconds longest)
{
    // A run that never signed in made no revoker (nor a network manager) and makes none now.
    TokenRevoker *revoker = m_context.existingTokenRevoker();
    if (!revoker || revoker->pending() == 0)
        return;
    QEventLoop loop;
    connect(revoker, &TokenRevoker::allFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(longest, &loop, &QEventLoop::quit);
    loop.exec();
}

void SetupController::endRun()
{
    for (const auto &[kind, runFlow] : m_flows) {
        runFlow->forgetSignIns();
        runFlow->forgetCredential();
    }
}

} // namespace Dawiso
