#include "setup/SetupController.h"

#include "check/ConnectionCheck.h"
#include "cloud/AutomatedSetup.h"
#include "cloud/CloudHostProbe.h"
#include "cloud/KeyVerifier.h"
#include "host/HostParser.h"
#include "net/CertificatePinStore.h"
#include "net/TlsTrust.h"
#include "oauth/OAuthClientSettings.h"
#include "provision/ApiKeyRevoker.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikPager.h"
#include "qlik/QlikRequest.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStore.h"
#include "token/SecureMemory.h"

#include <QNetworkAccessManager>

namespace Dawiso {

SetupController::SetupController(QNetworkAccessManager *network, TlsTrust *trust, SecretStore *store,
                                 ConnectionIndex *index, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_trust(trust)
    , m_store(store)
    , m_index(index)
{ }

QNetworkAccessManager *SetupController::network()
{
    if (!m_network)
        m_network = new QNetworkAccessManager(this);
    return m_network;
}

void SetupController::ensureServices()
{
    if (m_hostProbe)
        return;
    m_hostProbe = new CloudHostProbe(network(), m_trust, this);
    m_client = new QlikClient(network(), m_trust, this);
    m_keyVerifier = new KeyVerifier(m_client, this);
    m_saver = new CredentialSaver(m_store, m_index, this);
    m_checkClient = new QlikClient(network(), m_trust, this);
    m_connectionCheck = new ConnectionCheck(m_checkClient, this);
    m_revokeClient = new QlikClient(network(), m_trust, this);
    m_revoker = new ApiKeyRevoker(m_revokeClient, this);
    connect(m_revoker, &ApiKeyRevoker::finished, this, [this](bool revoked, const ProvisionStepError &error) {
        m_revokeClient->clearApiKey();
        if (revoked) {
            m_createdKeyId.clear();
            forgetKey();
            m_token.wipe();
        }
        emit createdKeyRevoked(revoked, error);
    });
    connect(m_hostProbe, &CloudHostProbe::progress, this, &SetupController::hostCheckProgress);
    connect(m_hostProbe, &CloudHostProbe::finished, this, [this](const HostProbeResult &result) {
        m_hostResult = result;
        if (m_automation && result.isQlikCloudTenant())
            m_automation->setTenant(result.host.baseUrl(), result.metadata);
        emit hostCheckFinished(result);
    });
    connect(m_keyVerifier, &KeyVerifier::progress, this, &SetupController::keyCheckProgress);
    connect(m_keyVerifier, &KeyVerifier::finished, this, [this](const KeyVerification &verification) {
        m_keyVerification = verification;
        if (!verification.isAccepted())
            m_token.wipe();
        emit keyCheckFinished(verification);
    });
    connect(m_saver, &CredentialSaver::stepStarted, this, &SetupController::saveStepStarted);
    connect(m_saver, &CredentialSaver::stepFinished, this, &SetupController::saveStepFinished);
    connect(m_saver, &CredentialSaver::finished, this, [this](const CredentialSaveResult &result) {
        m_saveResult = result;
        // Once it is in the keychain, memory is not the place for it: the finish page reads it back on demand.
        if (result.saved) {
            m_token.wipe();
            m_createdKeyId.clear();
        }
        emit saveFinished(result);
    });
    connect(m_connectionCheck, &ConnectionCheck::checkChanged, this, &SetupController::connectionCheckChanged);
    connect(m_connectionCheck, &ConnectionCheck::progress, this, &SetupController::connectionCheckProgress);
    connect(m_connectionCheck, &ConnectionCheck::finished, this, [this](const ConnectionReport &report) {
        m_connectionReport = report;
        emit connectionCheckFinished(report);
    });
}

SetupController::~SetupController()
{
    m_token.wipe();
}

void SetupController::setPracticeRun(bool practiceRun, const PracticeCredentials &credentials)
{
    m_practiceRun = practiceRun;
    m_practiceCredentials = practiceRun ? credentials : PracticeCredentials();
}

void SetupController::setOAuthClientSettings(OAuthClientSettings *settings)
{
    m_oauthClients = settings;
    if (settings && m_automation)
        m_automation->setRedirectPort(settings->redirectPort());
}

AutomatedSetup *SetupController::automation()
{
    if (!m_automation) {
        m_automation = new AutomatedSetup(network(), m_trust, this);
        connect(m_automation, &AutomatedSetup::browserNeeded, this, &SetupController::signInBrowserNeeded);
        if (m_oauthClients)
            m_automation->setRedirectPort(m_oauthClients->redirectPort());
        if (m_hostResult.isQlikCloudTenant())
            m_automation->setTenant(m_hostResult.host.baseUrl(), m_hostResult.metadata);
    }
    return m_automation;
}

bool SetupController::isCreatingKey() const
{
    return m_automation && m_automation->isBusy() && !m_automation->isCancellable();
}

void SetupController::forgetSignIns()
{
    if (m_automation)
        m_automation->forgetSignIns();
}

QString SetupController::rememberedOAuthClientId() const
{
    if (m_practiceRun)
        return m_practiceCredentials.nativeClientId;
    return m_oauthClients ? m_oauthClients->clientId(confirmedHost().hostAndPort()) : QString();
}

void SetupController::rememberOAuthClientId(const QString &clientId)
{
    // The practice tenant's client is not worth remembering: it changes with every practice run's port.
    if (m_oauthClients && !m_practiceRun)
        m_oauthClients->setClientId(confirmedHost().hostAndPort(), clientId);
}

void SetupController::setDeployment(DeploymentKind kind)
{
    m_deployment = kind;
}

ParsedHost SetupController::parseHost(const QString &input) const
{
    return HostParser::parse(input, m_deployment);
}

void SetupController::checkHost(const ParsedHost &host)
{
    // A key is verified against one tenant; another address means checking it again.
    if (host.hostAndPort() != confirmedHost().hostAndPort())
        forgetKey();
    m_hostResult = HostProbeResult();
    ensureServices();
    m_hostProbe->start(host);
}

void SetupController::cancelHostCheck()
{
    if (m_hostProbe)
        m_hostProbe->cancel();
}

bool SetupController::isCheckingHost() const
{
    return m_hostProbe && m_hostProbe->isRunning();
}

void SetupController::trustCertificate(const QString &hostAndPort, const QByteArray &sha256Fingerprint)
{
    m_trust->pin(hostAndPort, sha256Fingerprint);
    if (m_pinStore)
        m_pinStore->add(hostAndPort, sha256Fingerprint);
}

ParsedHost SetupController::confirmedHost() const
{
    return m_hostResult.isQlikCloudTenant() ? m_hostResult.host : ParsedHost();
}

void SetupController::verifyKey(const ApiKeyToken &token)
{
    ensureServices();
    m_saver->cancel();
    m_saveResult = CredentialSaveResult();
    m_keyVerification = KeyVerification();
    m_token = token;
    m_client->setBaseUrl(confirmedHost().baseUrl());
    m_keyVerifier->start(m_token);
}

void SetupController::cancelKeyCheck()
{
    if (m_keyVerifier)
        m_keyVerifier->cancel();
}

bool SetupController::isCheckingKey() const
{
    return m_keyVerifier && m_keyVerifier->isRunning();
}

bool SetupController::hasVerifiedKey() const
{
    const bool forThisHost =
        m_createdKeyId.isEmpty() || m_createdKeyHost.hostAndPort() == confirmedHost().hostAndPort();
    return m_keyVerification.isAccepted() && !m_token.isEmpty() && forThisHost;
}

void SetupController::forgetKey()
{
    // A key this run created exists only here until it is stored: it is never dropped on the way (the user
    // retries, copies it securely or revokes it; see unsavedCreatedKeyId()).
    if (!unsavedCreatedKeyId().isEmpty())
        return;
    if (m_hostProbe) { // the services exist
        m_keyVerifier->cancel();
        m_saver->cancel();
        m_connectionCheck->cancel();
    }
    m_token.wipe();
    m_keyVerification = KeyVerification();
    m_saveResult = CredentialSaveResult();
    m_connectionReport = ConnectionReport();
}

void SetupController::saveCredential()
{
    if (!hasVerifiedKey())
        return;
    m_saveResult = CredentialSaveResult();
    SavedConnection connection;
    connection.kind = m_deployment;
    connection.hostAndPort = confirmedHost().hostAndPort();
    connection.userName = m_keyVerification.user.displayName();
    connection.userId = m_keyVerification.user.id;
    connection.keyId = m_keyVerification.keyId;
    connection.keyExpiry = m_keyVerification.expiry;
    ensureServices();
    m_saver->save(connection, m_token.token());
}

bool SetupController::isSaving() const
{
    return m_saver && m_saver->isRunning();
}

QString SetupController::secretStoreLocation() const
{
    return m_store->locationDescription();
}

void SetupController::runConnectionCheck()
{
    ensureServices();
    if (m_readingForCheck || m_connectionCheck->isRunning() || !confirmedHost().isValid())
        return;
    m_connectionReport = ConnectionReport();
    m_readingForCheck = true;
    m_stopAfterReading = false;
    emit connectionCheckProgress(tr("Reading the key back from the keychain…"));
    SecretStoreJob *job = m_store->readSecret(credentialEntryName());
    connect(job, &SecretStoreJob::finished, this, [this](SecretStoreJob *done) {
        m_readingForCheck = false;
        if (m_stopAfterReading) {
            // A keychain read cannot be taken back; its answer is dropped and nothing is asked of Qlik.
            m_stopAfterReading = false;
            QList<CheckResult> checks = ConnectionCheck::plannedChecks();
            for (CheckResult &result : checks) {
                result.status = CheckStatus::Skipped;
                result.message = ConnectionCheck::stoppedMessage();
            }
            finishCheckWithoutQlik(checks, ConnectionReport::Verdict::Cancelled);
            return;
        }
        if (done->error() != SecretStoreError::None) {
            // Without the stored key there is nothing to check with: say so in the report's own terms.
            QList<CheckResult> checks = ConnectionCheck::plannedChecks();
            checks.first().status = CheckStatus::Fail;
            checks.first().message = tr("The stored key could not be read from the keychain.");
            checks.first().fix = done->errorMessage();
            finishCheckWithoutQlik(checks, ConnectionReport::Verdict::Blocked);
            return;
        }
        QByteArray key = done->secret();
        m_checkClient->setBaseUrl(confirmedHost().baseUrl());
        m_connectionCheck->start(confirmedHost().hostAndPort(), key);
        SecureMemory::wipe(key);
    });
}

void SetupController::finishCheckWithoutQlik(const QList<CheckResult> &checks, ConnectionReport::Verdict verdict)
{
    ConnectionReport report;
    report.host = confirmedHost().hostAndPort();
    report.checkedAt = QDateTime::currentDateTimeUtc();
    report.checks = checks;
    report.verdict = verdict;
    for (const CheckResult &result : std::as_const(report.checks))
        emit connectionCheckChanged(result);
    m_connectionReport = report;
    emit connectionCheckFinished(report);
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

void SetupController::adoptCreatedKey(const ApiKeyCreation::Result &created)
{
    forgetKey();
    m_token.wipe();
    QString text = QString::fromLatin1(created.token);
    m_token = ApiKeyToken::fromPastedText(text);
    SecureMemory::wipe(text);
    m_createdKeyId = created.record.id;
    m_createdKeyHost = confirmedHost();
    KeyVerification verification;
    verification.outcome = KeyVerification::Outcome::Accepted;
    verification.user = created.user;
    verification.record = created.record;
    verification.keyId = created.record.id;
    verification.expiry = created.record.expiry;
    verification.expirySource = KeyVerification::ExpirySource::KeyRecord;
    verification.keyListReadable = true;
    verification.message = tr("Created a key for %1.").arg(created.user.displayName());
    m_keyVerification = verification;
}

QString SetupController::unsavedCreatedKeyId() const
{
    return m_saveResult.saved ? QString() : m_createdKeyId;
}

QByteArray SetupController::unsavedKey() const
{
    return m_saveResult.saved ? QByteArray() : m_token.token();
}

void SetupController::revokeCreatedKey()
{
    if (m_createdKeyId.isEmpty() || m_token.isEmpty())
        return;
    ensureServices();
    m_saver->cancel();
    m_revokeClient->setBaseUrl(m_createdKeyHost.baseUrl()); // its own tenant, whatever address was confirmed since
    m_revokeClient->setApiKey(m_token.token());
    m_revoker->start(m_createdKeyId);
}

QString SetupController::credentialEntryName() const
{
    return SecretEntryName::forHost(m_deployment, confirmedHost().hostAndPort());
}

} // namespace Dawiso
