#pragma once

#include "common/UserMessage.h"
#include "enterprise/AdminAccess.h"
#include "enterprise/CertificateBundleChoice.h"
#include "setup/DeploymentFlow.h"

#include <QByteArray>
#include <QString>

namespace Dawiso {

class AdminReview;
class EnterpriseHostProbe;
class ProxySignIn;
class QrsClient;

// Qlik Sense Enterprise on Windows' part of a run: the probe of the site (its proxy answers without a sign-in), the
// administrator's sign-in, chosen by them (a Windows account through the site's proxy, or a certificate bundle
// exported from the QMC, straight to the QRS), and the review of what that sign-in may do (AdminReview). The admin's
// password, private key and session stay in memory for this run only and are wiped when no longer needed. The
// credential Dawiso will use is made in a later step; until then this flow holds none.
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

    bool hasCredential() const override { return false; }
    SavedConnection savedConnection() const override;
    QByteArray credential() const override { return {}; }
    void credentialSaved() override { }
    void forgetCredential() override { }
    void forgetSignIns() override;
    QStringList reminders() const override;

    QList<CheckResult> plannedChecks() const override;
    ConnectionCheck *createConnectionCheck(const ParsedHost &host, QObject *parent) override;

signals:
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
    QString m_siteRelease;
    AdminAccess m_access;
};

} // namespace Dawiso
