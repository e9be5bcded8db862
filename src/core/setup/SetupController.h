#pragma once

#include "check/ConnectionReport.h"
#include "cloud/AutomatedSetup.h"
#include "cloud/KeyVerification.h"
#include "host/DeploymentKind.h"
#include "host/ParsedHost.h"
#include "practice/PracticeCredentials.h"
#include "provision/ApiKeyCreation.h"
#include "provision/ProvisionStepError.h"
#include "secrets/CredentialSaveResult.h"
#include "secrets/CredentialSaver.h"
#include "setup/HostProbeResult.h"
#include "token/ApiKeyToken.h"

#include <QObject>

class QNetworkAccessManager;

namespace Dawiso {

class CertificatePinStore;
class ApiKeyRevoker;
class ConnectionCheck;
class ConnectionIndex;
class OAuthClientSettings;
class CloudHostProbe;
class KeyVerifier;
class QlikClient;
class SecretStore;
class TlsTrust;

// Owns the state of one run through the wizard and the services behind each step, so that pages only show state and
// forward what the user chose (Nextcloud's account wizard controller, for QWizard). Every operation is asynchronous
// and reports through signals; none of them blocks.
class SetupController : public QObject
{
    Q_OBJECT

public:
    // network: the one to use, or null for one of its own. Either way nothing of it, nor any of the objects that do the
    // steps, is made before a step needs it: the window shows without building the network stack.
    SetupController(QNetworkAccessManager *network, TlsTrust *trust, SecretStore *store, ConnectionIndex *index,
                    QObject *parent = nullptr);
    ~SetupController() override;

    // A practice run talks to the built-in simulated tenant; pages say so and fill in its sign-in details.
    void setPracticeRun(bool practiceRun, const PracticeCredentials &credentials = {});
    bool isPracticeRun() const { return m_practiceRun; }
    PracticeCredentials practiceCredentials() const { return m_practiceCredentials; }

    // The OAuth client id a tenant admin gave for the confirmed host (remembered across runs, not secret).
    void setOAuthClientSettings(OAuthClientSettings *settings);
    QString rememberedOAuthClientId() const;
    void rememberOAuthClientId(const QString &clientId);

    void setDeployment(DeploymentKind kind);
    DeploymentKind deployment() const { return m_deployment; }

    // Host step.
    ParsedHost parseHost(const QString &input) const;
    void checkHost(const ParsedHost &host);
    void cancelHostCheck();
    bool isCheckingHost() const;
    HostProbeResult hostResult() const { return m_hostResult; }
    // The host every later step uses; valid once the check found a tenant.
    ParsedHost confirmedHost() const;
    TlsTrust *tlsTrust() const { return m_trust; }
    // Trusts one certificate for one host from now on (and in later runs, when a pin store is set).
    void trustCertificate(const QString &hostAndPort, const QByteArray &sha256Fingerprint);
    void setCertificatePinStore(CertificatePinStore *store) { m_pinStore = store; }

    // Key step. The controller keeps the key in memory only until it is saved (or the wizard closes).
    void verifyKey(const ApiKeyToken &token);
    void cancelKeyCheck();
    bool isCheckingKey() const;
    KeyVerification keyVerification() const { return m_keyVerification; }
    bool hasVerifiedKey() const;
    void forgetKey();

    // "Do it for me": the automated Access and Key steps (set up for the confirmed host). Made when first asked for:
    // most runs never use it, and it is a dozen objects the window would otherwise build before it shows.
    AutomatedSetup *automation();
    // Qlik has been asked to create the key and has not answered yet (see QlikStep::Completion).
    bool isCreatingKey() const;
    // Drops the automated steps' sign-ins, if there were any.
    void forgetSignIns();
    // Takes the key the wizard just created as the integration user, as if it had been pasted and verified. It stays
    // in memory until it is stored; the keychain step follows.
    void adoptCreatedKey(const ApiKeyCreation::Result &created);
    // The id of a key this run created and has not stored yet: it must not be lost (retry, secure copy or revoke).
    QString unsavedCreatedKeyId() const;
    // The key itself, for a secure copy when the keychain failed; empty once stored.
    QByteArray unsavedKey() const;
    // Deletes the created key in Qlik (the key deletes itself, as its owner), then forgets it.
    void revokeCreatedKey();

    // Save step.
    void saveCredential();
    bool isSaving() const;
    CredentialSaveResult saveResult() const { return m_saveResult; }
    QString secretStoreLocation() const;
    // The keychain entry of the confirmed host.
    QString credentialEntryName() const;

    // Check step: runs the connection check with the key as stored in the keychain (read back for it, wiped after).
    void runConnectionCheck();
    void cancelConnectionCheck();
    bool isCheckingConnection() const;
    ConnectionReport connectionReport() const { return m_connectionReport; }
    SecretStore *secretStore() const { return m_store; }

signals:
    void hostCheckProgress(const QString &message);
    void hostCheckFinished(const Dawiso::HostProbeResult &result);
    void keyCheckProgress(const QString &message);
    void keyCheckFinished(const Dawiso::KeyVerification &verification);
    void saveStepStarted(Dawiso::CredentialSaver::Step step);
    void saveStepFinished(Dawiso::CredentialSaver::Step step);
    void saveFinished(const Dawiso::CredentialSaveResult &result);
    void connectionCheckChanged(const Dawiso::CheckResult &result);
    void connectionCheckProgress(const QString &message);
    void connectionCheckFinished(const Dawiso::ConnectionReport &report);
    void createdKeyRevoked(bool revoked, const Dawiso::ProvisionStepError &error);
    // The automated steps need the browser for a sign-in (see AutomatedSetup::browserNeeded).
    void signInBrowserNeeded(Dawiso::AutomatedSetup::SignInRole role, const QUrl &url);

private:
    QNetworkAccessManager *network();
    // Makes the objects that do the steps, the first time a step starts.
    void ensureServices();
    // Ends a connection check that never reached Qlik (stopped, or the stored key unreadable) with these results.
    void finishCheckWithoutQlik(const QList<CheckResult> &checks, ConnectionReport::Verdict verdict);

    QNetworkAccessManager *m_network;
    TlsTrust *m_trust;
    SecretStore *m_store;
    ConnectionIndex *m_index;
    CertificatePinStore *m_pinStore = nullptr;
    // The step services (see ensureServices()): all or none of them exist.
    CloudHostProbe *m_hostProbe = nullptr;
    QlikClient *m_client = nullptr;
    KeyVerifier *m_keyVerifier = nullptr;
    CredentialSaver *m_saver = nullptr;
    QlikClient *m_checkClient = nullptr;
    ConnectionCheck *m_connectionCheck = nullptr;
    AutomatedSetup *m_automation = nullptr; // see automation()
    QlikClient *m_revokeClient = nullptr;
    ApiKeyRevoker *m_revoker = nullptr;
    QString m_createdKeyId;
    // The tenant the created key belongs to: it is stored, checked and revoked there and nowhere else, even when
    // another address is confirmed meanwhile (the key is then kept, but not offered for that address).
    ParsedHost m_createdKeyHost;
    bool m_readingForCheck = false;
    bool m_stopAfterReading = false; // Stop pressed while the key was read back for the check

    bool m_practiceRun = false;
    PracticeCredentials m_practiceCredentials;
    OAuthClientSettings *m_oauthClients = nullptr;
    DeploymentKind m_deployment = DeploymentKind::QlikCloud;
    HostProbeResult m_hostResult;
    ApiKeyToken m_token;
    KeyVerification m_keyVerification;
    CredentialSaveResult m_saveResult;
    ConnectionReport m_connectionReport;
};

} // namespace Dawiso
