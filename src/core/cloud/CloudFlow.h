#pragma once

#include "cloud/AutomatedSetup.h"
#include "cloud/KeyVerification.h"
#include "provision/ApiKeyCreation.h"
#include "qlik/AuthorizationServerMetadata.h"
#include "setup/DeploymentFlow.h"
#include "token/ApiKeyToken.h"

namespace Dawiso {

class ApiKeyRevoker;
class CloudHostProbe;
class KeyVerifier;
class OAuthClientSettings;
class QlikClient;

// Qlik Cloud's part of a run: the tenant probe (its sign-in metadata proves the address), the API key pasted and
// verified with the tenant or created by "Do it for me" as the integration user, the life cycle of a created key (kept
// in memory until stored, revocable as its owner), the OAuth client ids remembered per tenant, and the seven checks
// of CloudConnectionCheck. The pages of the Qlik Cloud branch (Access, Key) talk to it directly.
class CloudFlow : public DeploymentFlow
{
    Q_OBJECT

public:
    explicit CloudFlow(SetupContext *context, QObject *parent = nullptr);
    ~CloudFlow() override;

    DeploymentKind kind() const override { return DeploymentKind::QlikCloud; }

    void probeHost(const ParsedHost &host) override;
    void cancelHostProbe() override;
    bool isProbingHost() const override;

    // The OAuth client id a tenant admin gave for the confirmed tenant (remembered across runs, not secret).
    void setOAuthClientSettings(OAuthClientSettings *settings);
    QString rememberedOAuthClientId() const;
    void rememberOAuthClientId(const QString &clientId);
    // The redirect URI's host the OAuth client was registered with ("127.0.0.1" or "localhost"), remembered.
    void chooseRedirectHost(const QString &host);

    // The pasted key, verified with the confirmed tenant. The flow keeps it in memory only until it is stored (or
    // the wizard closes).
    void verifyKey(const ApiKeyToken &token);
    void cancelKeyVerification();
    bool isVerifyingKey() const;
    KeyVerification keyVerification() const { return m_keyVerification; }
    bool hasVerifiedKey() const;
    void forgetKey() { forgetCredential(); }

    // "Do it for me": the automated Access and Key steps, set up for the confirmed tenant. Made when first asked for.
    AutomatedSetup *automation();
    // Takes the key the wizard just created as the integration user, as if it had been pasted and verified. It stays
    // in memory until it is stored; the keychain step follows.
    void adoptCreatedKey(const ApiKeyCreation::Result &created);
    // The key itself, for a secure copy when the keychain failed; empty once stored.
    QByteArray unsavedKey() const;

    bool hasCredential() const override { return hasVerifiedKey(); }
    SavedConnection savedConnection() const override;
    QByteArray credential() const override { return m_token.token(); }
    void credentialSaved() override;
    void forgetCredential() override;
    QString unsavedCreatedCredentialId() const override { return m_createdKeyId; }
    void revokeCreatedCredential() override;
    bool isCreatingCredential() const override;
    void forgetSignIns() override;
    QuitRisk describeQuitRisk(QuitRisk::Reason reason) const override;
    QStringList reminders() const override;

    QList<CheckResult> plannedChecks() const override;
    ConnectionCheck *createConnectionCheck(const ParsedHost &host, QObject *parent) override;
    CredentialRotation *createRotation(SecretStore *store, ConnectionIndex *index, QObject *parent) override;
    bool revokeStoredCredential(const SavedConnection &saved, const QByteArray &credential) override;

signals:
    void keyVerificationProgress(const QString &message);
    void keyVerificationFinished(const Dawiso::KeyVerification &verification);
    // The automated steps need the browser for a sign-in (see AutomatedSetup::browserNeeded).
    void signInBrowserNeeded(Dawiso::AutomatedSetup::SignInRole role, const QUrl &url);

private:
    void applyRedirectSettings();
    // Makes the objects of the host probe and key verification, the first time one of them starts.
    void ensureServices();

    CloudHostProbe *m_hostProbe = nullptr;
    QlikClient *m_client = nullptr;
    KeyVerifier *m_keyVerifier = nullptr;
    AutomatedSetup *m_automation = nullptr; // see automation()
    QlikClient *m_revokeClient = nullptr;
    ApiKeyRevoker *m_revoker = nullptr;
    // Forget's revocation of a saved connection's key, apart from the revocation of the key this run created.
    QlikClient *m_storedRevokeClient = nullptr;
    ApiKeyRevoker *m_storedRevoker = nullptr;
    OAuthClientSettings *m_oauthClients = nullptr;
    // The sign-in endpoints of the last tenant the probe found.
    ParsedHost m_tenantHost;
    AuthorizationServerMetadata m_tenantMetadata;

    ApiKeyToken m_token;
    KeyVerification m_keyVerification;
    QString m_createdKeyId;
    // The tenant the created key belongs to: it is stored, checked and revoked there and nowhere else, even when
    // another address is confirmed meanwhile (the key is then kept, but not offered for that address).
    ParsedHost m_createdKeyHost;
};

} // namespace Dawiso
