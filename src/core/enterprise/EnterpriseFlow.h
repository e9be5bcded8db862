#pragma once

#include "common/UserMessage.h"
#include "enterprise/AdminAccess.h"
#include "enterprise/CertificateBundleChoice.h"
#include "enterprise/ServiceUser.h"
#include "enterprise/VirtualProxySettings.h"
#include "setup/DeploymentFlow.h"
#include "signing/SigningKeyPair.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <memory>

class QThread;

namespace Dawiso {

class AdminReview;
class EnterpriseHostProbe;
class ProxySignIn;
class QrsClient;
class ServiceUserLookup;
class SigningKeyMaker;
class VirtualProxySetup;

// Qlik Sense Enterprise on Windows' part of a run: the probe of the site (its proxy answers without a sign-in), the
// administrator's sign-in, chosen by them (a Windows account through the site's proxy, or a certificate bundle
// exported from the QMC, straight to the QRS), and the review of what that sign-in may do (AdminReview). Then
// Dawiso's own credential: a service user (ServiceUserLookup), a key pair whose certificate a JWT virtual proxy
// trusts (VirtualProxySetup), and an RS256 token for that user signed with the key. The admin's password, private key
// and session stay in memory for this run only; the signing key and the token go to the keychain and are wiped here
// once stored.
class EnterpriseFlow : public DeploymentFlow
{
    Q_OBJECT

public:
    explicit EnterpriseFlow(SetupContext *context, QObject *parent = nullptr);
    ~EnterpriseFlow() override;

    DeploymentKind kind() const override { return DeploymentKind::QlikSenseEnterprise; }

    void probeHost(const ParsedHost &host) override;
    void cancelHostProbe() override;
    bool isProbingHost() const override;
    // The release the site named without a sign-in ("November 2024 Patch 3"), when it did.
    QString siteRelease() const { return m_siteRelease; }

    // The admin's sign-in, then the review. account: DOMAIN\user. The password is wiped here once sent.
    void signInWithWindowsAccount(const QString &account, QByteArray password);
    // Loads and checks the bundle (key and certificate belong together, not expired, signed by the root), then
    // reads the QRS on its port as userDirectory\userId. A bundle that does not load reports per file what is wrong
    // (signInFinished with bundleProblems set) and nothing is sent. The passphrase is wiped here.
    void signInWithCertificates(const CertificateBundleChoice &choice, QByteArray passphrase);
    void cancelSignIn();
    bool isSigningIn() const;
    // The admin's sign-in and what it may do, once signInFinished() said so; method None before.
    AdminAccess adminAccess() const { return m_access; }

    // The steps the Service user and Virtual proxy pages drive, made on first use and signed in as the admin.
    ServiceUserLookup *serviceUserLookup();
    VirtualProxySetup *virtualProxySetup();

    void setServiceUser(const ServiceUser &user, ContentCoverage coverage);
    ServiceUser serviceUser() const { return m_serviceUser; }
    ContentCoverage coverage() const { return m_coverage; }

    // The virtual proxy Dawiso needs on this site: the prefix chosen, the host as entered on the allow list, the
    // central node, and the certificate of the signing key once there is one.
    VirtualProxySettings virtualProxySettings() const;
    void setVirtualProxyPrefix(const QString &prefix);
    // The virtual proxy is in place (made, or checked after the admin made it) for the current signing key.
    void setVirtualProxyReady(bool ready) { m_proxyReady = ready; }
    bool isVirtualProxyReady() const { return m_proxyReady; }

    // Makes the key pair on a worker thread (an RSA 3072 key takes a moment): signingKeyReady() follows, once per
    // call. A key made before is kept; newSigningKey() replaces it (a reused virtual proxy gets its certificate).
    void prepareSigningKey();
    void newSigningKey();
    bool hasSigningKey() const { return !m_signingKey.privateKeyPem.isEmpty(); }
    bool isMakingSigningKey() const { return m_keyThread != nullptr; }

    // Signs the token for the service user, valid for validityDays days; false with the reason in *problem.
    bool issueToken(int validityDays, UserMessage *problem);
    QDateTime tokenExpiry() const { return m_tokenExpiry; }

    bool hasCredential() const override { return !m_token.isEmpty(); }
    SavedConnection savedConnection() const override;
    QByteArray credential() const override { return m_token; }
    QList<CredentialSaver::SecretEntry> companionSecrets() const override;
    void credentialSaved() override;
    void forgetCredential() override;
    void forgetSignIns() override;
    QStringList reminders() const override;

    QList<CheckResult> plannedChecks() const override;
    ConnectionCheck *createConnectionCheck(const ParsedHost &host, QObject *parent) override;
    ConnectionCheck *createSavedConnectionCheck(const SavedConnection &saved, QObject *parent) override;
    CredentialRotation *createRotation(SecretStore *store, ConnectionIndex *index, QObject *parent) override;
    QStringList companionEntryNames(const SavedConnection &saved) const override;

signals:
    void signingKeyReady(const Dawiso::UserMessage &problem);
    void signInProgress(const QString &message);
    // problem: why the sign-in itself failed (empty when it succeeded; the review's findings are in access).
    void signInFinished(const Dawiso::AdminAccess &access, const Dawiso::UserMessage &problem,
                        const Dawiso::CertificateBundleProblems &bundleProblems);

private:
    void ensureServices();
    void review(const AdminAccess &signedIn);
    void signInFailed(const UserMessage &problem, const CertificateBundleProblems &bundleProblems = {});

    EnterpriseHostProbe *m_hostProbe = nullptr;
    ProxySignIn *m_proxySignIn = nullptr;
    QrsClient *m_qrs = nullptr;
    AdminReview *m_review = nullptr;
    ServiceUserLookup *m_userLookup = nullptr;
    VirtualProxySetup *m_proxySetup = nullptr;
    QString m_siteRelease;
    AdminAccess m_access;
    ServiceUser m_serviceUser;
    ContentCoverage m_coverage = ContentCoverage::ReadRule;
    QString m_prefix = VirtualProxySettings().prefix;
    bool m_proxyReady = false;
    std::unique_ptr<SigningKeyMaker> m_keyMaker;
    QThread *m_keyThread = nullptr;
    SigningKeyPair m_signingKey;
    QByteArray m_token;
    QDateTime m_tokenExpiry;
    QString m_tokenId;
};

} // namespace Dawiso
