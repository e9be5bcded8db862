#include "cloud/CloudFlow.h"

#include "cloud/CloudConnectionCheck.h"
#include "cloud/CloudHostProbe.h"
#include "cloud/CloudKeyRotation.h"
#include "cloud/KeyVerifier.h"
#include "oauth/OAuthClientSettings.h"
#include "provision/ApiKeyRevoker.h"
#include "qlik/QlikClient.h"
#include "setup/SetupContext.h"
#include "token/SecureMemory.h"

#include <QTimer>

namespace Dawiso {

CloudFlow::CloudFlow(SetupContext *context, QObject *parent)
    : DeploymentFlow(context, parent)
{ }

CloudFlow::~CloudFlow()
{
    m_token.wipe();
}

void CloudFlow::ensureServices()
{
    if (m_hostProbe)
        return;
    QNetworkAccessManager *network = context()->network();
    m_hostProbe = new CloudHostProbe(network, context()->trust(), this);
    m_client = new QlikClient(network, context()->trust(), this);
    m_keyVerifier = new KeyVerifier(m_client, this);
    m_revokeClient = new QlikClient(network, context()->trust(), this);
    m_revoker = new ApiKeyRevoker(m_revokeClient, this);
    connect(m_revoker, &ApiKeyRevoker::finished, this, [this](bool revoked, const UserMessage &problem) {
        m_revokeClient->clearApiKey();
        if (revoked) {
            m_createdKeyId.clear();
            forgetCredential();
            m_token.wipe();
        }
        emit createdCredentialRevoked(revoked, problem);
    });
    connect(m_hostProbe, &CloudHostProbe::progress, this, &CloudFlow::hostProbeProgress);
    connect(m_hostProbe, &CloudHostProbe::finished, this, [this](const HostProbeResult &result) {
        if (result.isFound()) {
            m_tenantHost = result.host;
            m_tenantMetadata = m_hostProbe->metadata();
            if (m_automation)
                m_automation->setTenant(result.host.baseUrl(), m_tenantMetadata);
        }
        emit hostProbeFinished(result);
    });
    connect(m_keyVerifier, &KeyVerifier::progress, this, &CloudFlow::keyVerificationProgress);
    connect(m_keyVerifier, &KeyVerifier::finished, this, [this](const KeyVerification &verification) {
        m_keyVerification = verification;
        if (!verification.isAccepted())
            m_token.wipe();
        emit keyVerificationFinished(verification);
    });
}

void CloudFlow::probeHost(const ParsedHost &host)
{
    ensureServices();
    m_hostProbe->start(host);
}

void CloudFlow::cancelHostProbe()
{
    if (m_hostProbe)
        m_hostProbe->cancel();
}

bool CloudFlow::isProbingHost() const
{
    return m_hostProbe && m_hostProbe->isRunning();
}

void CloudFlow::setOAuthClientSettings(OAuthClientSettings *settings)
{
    m_oauthClients = settings;
    if (settings && m_automation)
        applyRedirectSettings();
}

void CloudFlow::applyRedirectSettings()
{
    if (!m_oauthClients || !m_automation)
        return;
    m_automation->setRedirectPort(m_oauthClients->redirectPort());
    m_automation->setRedirectHost(m_oauthClients->redirectHost());
}

void CloudFlow::chooseRedirectHost(const QString &host)
{
    if (m_oauthClients)
        m_oauthClients->setRedirectHost(host);
    automation()->setRedirectHost(host);
}

QString CloudFlow::rememberedOAuthClientId() const
{
    if (context()->isPracticeRun())
        return context()->practiceCredentials().nativeClientId;
    return m_oauthClients ? m_oauthClients->clientId(context()->confirmedHost().hostAndPort()) : QString();
}

void CloudFlow::rememberOAuthClientId(const QString &clientId)
{
    // The practice tenant's client is not worth remembering: it changes with every practice run's port.
    if (m_oauthClients && !context()->isPracticeRun())
        m_oauthClients->setClientId(context()->confirmedHost().hostAndPort(), clientId);
}

void CloudFlow::verifyKey(const ApiKeyToken &token)
{
    ensureServices();
    m_keyVerification = KeyVerification();
    m_token = token;
    emit credentialChanged();
    m_client->setBaseUrl(context()->confirmedHost().baseUrl());
    m_keyVerifier->start(m_token);
}

void CloudFlow::cancelKeyVerification()
{
    if (m_keyVerifier)
        m_keyVerifier->cancel();
}

bool CloudFlow::isVerifyingKey() const
{
    return m_keyVerifier && m_keyVerifier->isRunning();
}

bool CloudFlow::hasVerifiedKey() const
{
    const bool forThisHost =
        m_createdKeyId.isEmpty() || m_createdKeyHost.hostAndPort() == context()->confirmedHost().hostAndPort();
    return m_keyVerification.isAccepted() && !m_token.isEmpty() && forThisHost;
}

void CloudFlow::forgetCredential()
{
    // A key this run created exists only here until it is stored: it is never dropped on the way (the user
    // retries, copies it securely or revokes it; see unsavedCreatedCredentialId()).
    if (!m_createdKeyId.isEmpty())
        return;
    if (m_keyVerifier)
        m_keyVerifier->cancel();
    m_token.wipe();
    m_keyVerification = KeyVerification();
    emit credentialChanged();
}

AutomatedSetup *CloudFlow::automation()
{
    if (!m_automation) {
        m_automation = new AutomatedSetup(context()->network(), context()->trust(), this);
        m_automation->setTokenRevoker(context()->tokenRevoker());
        connect(m_automation, &AutomatedSetup::browserNeeded, this, &CloudFlow::signInBrowserNeeded);
        applyRedirectSettings();
        if (m_tenantHost.isValid())
            m_automation->setTenant(m_tenantHost.baseUrl(), m_tenantMetadata);
    }
    return m_automation;
}

bool CloudFlow::isCreatingCredential() const
{
    return m_automation && m_automation->isBusy() && !m_automation->isCancellable();
}

void CloudFlow::forgetSignIns()
{
    if (m_automation)
        m_automation->forgetSignIns();
}

void CloudFlow::adoptCreatedKey(const ApiKeyCreation::Result &created)
{
    forgetCredential();
    m_token.wipe();
    QString text = QString::fromLatin1(created.token);
    m_token = ApiKeyToken::fromPastedText(text);
    SecureMemory::wipe(text);
    m_createdKeyId = created.record.id;
    m_createdKeyHost = context()->confirmedHost();
    KeyVerification verification;
    verification.outcome = KeyVerification::Outcome::Accepted;
    verification.user = created.user;
    verification.record = created.record;
    verification.keyId = created.record.id;
    verification.expiry = created.record.expiry;
    verification.expirySource = KeyVerification::ExpirySource::KeyRecord;
    verification.keyListReadable = true;
    verification.summary.message = tr("Created a key for %1.").arg(created.user.displayName());
    m_keyVerification = verification;
    emit credentialChanged();
}

QByteArray CloudFlow::unsavedKey() const
{
    return m_token.token();
}

SavedConnection CloudFlow::savedConnection() const
{
    SavedConnection connection;
    connection.kind = kind();
    connection.hostAndPort = context()->confirmedHost().hostAndPort();
    connection.userName = m_keyVerification.user.displayName();
    connection.userId = m_keyVerification.user.id;
    connection.keyId = m_keyVerification.keyId;
    connection.keyExpiry = m_keyVerification.expiry;
    return connection;
}

void CloudFlow::credentialSaved()
{
    // Once it is in the keychain, memory is not the place for it: the finish page reads it back on demand.
    m_token.wipe();
    m_createdKeyId.clear();
}

void CloudFlow::revokeCreatedCredential()
{
    if (m_createdKeyId.isEmpty() || m_token.isEmpty())
        return;
    ensureServices();
    m_revokeClient->setBaseUrl(m_createdKeyHost.baseUrl()); // its own tenant, whatever address was confirmed since
    m_revokeClient->setApiKey(m_token.token());
    m_revoker->start(m_createdKeyId);
}

QuitRisk CloudFlow::describeQuitRisk(QuitRisk::Reason reason) const
{
    QuitRisk risk = DeploymentFlow::describeQuitRisk(reason);
    switch (reason) {
    case QuitRisk::Reason::None:
        break;
    case QuitRisk::Reason::CreatingCredential:
        risk.title = tr("Quit while the key is being created?");
        risk.text = tr("Qlik is creating the API key right now; its answer takes a few seconds at most. If you quit "
                       "now, the key may be created without anybody receiving it: you would then delete it in Qlik "
                       "under Profile settings › API keys, signed in as Dawiso's user.");
        break;
    case QuitRisk::Reason::Saving:
        risk.title = tr("Quit without saving the key?");
        risk.text = tr("The key is being stored in this computer's keychain right now. If you quit now, it may or may "
                       "not end up stored; stay a moment to see it confirmed.");
        break;
    case QuitRisk::Reason::UnsavedCreatedCredential:
        risk.title = tr("Quit without saving the key?");
        risk.text = tr("The wizard created a key in Qlik that is not stored yet. If you quit now, the key stays "
                       "active in Qlik but nobody has it: delete it there under Profile settings › API keys, or "
                       "stay and store it.");
        break;
    case QuitRisk::Reason::UnsavedCredential:
        risk.title = tr("Quit without saving the key?");
        risk.text = tr("The key you pasted is not stored yet, and Qlik will not show it again. If you quit now, "
                       "you will have to generate a new key.");
        break;
    }
    return risk;
}

QStringList CloudFlow::reminders() const
{
    if (!m_keyVerification.isAccepted())
        return {};
    return {CloudConnectionCheck::keepRoleReminder(m_keyVerification.user.displayName())};
}

QList<CheckResult> CloudFlow::plannedChecks() const
{
    return CloudConnectionCheck::plan();
}

ConnectionCheck *CloudFlow::createConnectionCheck(const ParsedHost &host, QObject *parent)
{
    auto *client = new QlikClient(context()->network(), context()->trust());
    client->setBaseUrl(host.baseUrl());
    auto *check = new CloudConnectionCheck(client, parent);
    client->setParent(check);
    return check;
}

CredentialRotation *CloudFlow::createRotation(SecretStore *store, ConnectionIndex *index, QObject *parent)
{
    return new CloudKeyRotation(context()->network(), context()->trust(), this, store, index, parent);
}

bool CloudFlow::revokeStoredCredential(const SavedConnection &saved, const QByteArray &credential)
{
    ApiKeyToken token = ApiKeyToken::fromPastedText(QString::fromLatin1(credential));
    const QString keyId = saved.keyId.isEmpty() ? token.keyId() : saved.keyId;
    token.wipe();
    if (!m_storedRevokeClient) {
        m_storedRevokeClient = new QlikClient(context()->network(), context()->trust(), this);
        m_storedRevoker = new ApiKeyRevoker(m_storedRevokeClient, this);
        connect(m_storedRevoker, &ApiKeyRevoker::finished, this, [this](bool revoked, const UserMessage &problem) {
            m_storedRevokeClient->clearApiKey();
            emit storedCredentialRevoked(revoked, problem);
        });
    }
    if (keyId.isEmpty()) {
        QTimer::singleShot(0, this, [this] {
            emit storedCredentialRevoked(false,
                                         {tr("The key's id is not known, so it cannot be revoked from here."),
                                          tr("Delete it in Qlik Cloud's Management Console, under API keys.")});
        });
        return true;
    }
    m_storedRevokeClient->setBaseUrl(parseHost(saved.hostAndPort).baseUrl());
    // An owner deletes their own keys: the key revokes itself.
    m_storedRevokeClient->setApiKey(credential);
    m_storedRevoker->start(keyId);
    return true;
}

} // namespace Dawiso
