#pragma once

#include "check/ConnectionReport.h"
#include "common/UserMessage.h"
#include "host/DeploymentKind.h"
#include "host/ParsedHost.h"
#include "practice/PracticeCredentials.h"
#include "secrets/CredentialSaveResult.h"
#include "secrets/CredentialSaver.h"
#include "setup/DeploymentFlow.h"
#include "setup/HostProbeResult.h"
#include "setup/QuitRisk.h"
#include "setup/SetupContext.h"

#include <QObject>
#include <QSslCertificate>

#include <chrono>
#include <map>
#include <memory>

class QNetworkAccessManager;

namespace Dawiso {

class CertificatePinStore;
class ConnectionCheck;
class ConnectionIndex;
class SecretStore;
class SecretStoreJob;
class TlsTrust;

// Owns one run through the wizard, whichever the deployment (Nextcloud's account wizard controller, for QWizard):
// the deployment chosen and a flow for each deployment this program knows (see DeploymentFlow), the host the probe
// confirmed, the certificates trusted, the practice run, storing the credential in the keychain and the index of
// saved connections, the connection check with the stored credential, and what is at stake if the person quits.
// Shared pages talk to it; a deployment's own pages talk to its flow. Every operation is asynchronous and reports
// through signals; none of them blocks.
class SetupController : public QObject
{
    Q_OBJECT

public:
    // network: the one to use, or null for one of its own. Either way nothing of it, nor any of the objects that do the
    // steps, is made before a step needs it: the window shows without building the network stack.
    SetupController(QNetworkAccessManager *network, TlsTrust *trust, SecretStore *store, ConnectionIndex *index,
                    QObject *parent = nullptr);
    ~SetupController() override;

    // What the flows share; pass it to a flow's constructor.
    SetupContext *context() { return &m_context; }

    // Deployments: one flow per kind, owned by the controller from here on. The first one added is the choice until
    // setDeployment() says otherwise.
    template <typename Flow>
    Flow *addDeployment(std::unique_ptr<Flow> flow)
    {
        Flow *added = flow.get();
        adopt(std::move(flow));
        return added;
    }
    bool hasDeployment(DeploymentKind kind) const;
    // Choosing another deployment forgets the host, the credential and the sign-ins of the one before.
    void setDeployment(DeploymentKind kind);
    DeploymentKind deployment() const { return m_deployment; }
    // The chosen deployment's flow; null when none was added.
    DeploymentFlow *flow() const;
    // The flow of a deployment, chosen or not (a saved connection's); null when none was added.
    DeploymentFlow *flowFor(DeploymentKind kind) const;

    // A practice run talks to the built-in simulated tenant; pages say so and fill in its sign-in details.
    void setPracticeRun(bool practiceRun, const PracticeCredentials &credentials = {});
    bool isPracticeRun() const { return m_context.isPracticeRun(); }
    PracticeCredentials practiceCredentials() const { return m_context.practiceCredentials(); }

    // Host step, through the chosen flow's probe.
    ParsedHost parseHost(const QString &input) const;
    void probeHost(const ParsedHost &host);
    void cancelHostProbe();
    bool isProbingHost() const;
    // The host every later step uses; valid once the probe found a server of the chosen deployment.
    ParsedHost confirmedHost() const { return m_context.confirmedHost(); }
    TlsTrust *tlsTrust() const { return m_context.trust(); }
    // Trusts one certificate for one host from now on (and in later runs, when a pin store is set).
    void trustCertificate(const QString &hostAndPort, const QByteArray &sha256Fingerprint);
    // Trusts a CA certificate (a Qlik Sense site's own, e.g. QLIKSERVER1-CA) for one host from now on, and in later
    // runs when a pin store is set. False, and nothing trusted, for an expired or null certificate.
    bool trustCertificateAuthority(const QString &hostAndPort, const QSslCertificate &authority);
    void setCertificatePinStore(CertificatePinStore *store) { m_pinStore = store; }

    // Save step: the chosen flow's credential goes into the keychain, is read back and compared, and the connection
    // is remembered in the index (without the secret).
    bool hasCredentialToSave() const;
    void saveCredential();
    bool isSaving() const;
    CredentialSaveResult saveResult() const { return m_saveResult; }
    QString secretStoreLocation() const;
    // The keychain entry of the confirmed host.
    QString credentialEntryName() const;
    // The facts the index remembers of the credential (whose it is, its id and expiry).
    SavedConnection savedConnection() const;
    // What the admin must keep doing so that the stored credential keeps working (see DeploymentFlow::reminders()).
    QStringList reminders() const;
    // A credential this run created and has not stored: its id, a copy for a secure copy (the caller wipes it), and
    // revoking it in Qlik (createdCredentialRevoked() says how it went).
    QString unsavedCreatedCredentialId() const;
    QByteArray unsavedCredential() const;
    void revokeCreatedCredential();
    // Reads the stored credential back, for a secure copy; the caller wipes what the job gives.
    SecretStoreJob *readStoredCredential();

    // Coming back later: where saved connections and their credentials are, and a saved connection's credential read
    // (for a secure copy, or to see whether the entry is still there; the caller wipes what the job gives).
    SecretStoreJob *readStoredCredential(const SavedConnection &connection);
    ConnectionIndex *connectionIndex() const { return m_index; }
    SecretStore *secretStore() const { return m_store; }

    // Check step: runs the chosen deployment's connection check with the credential as stored in the keychain (read
    // back for it, wiped after).
    QList<CheckResult> plannedChecks() const;
    void runConnectionCheck();
    void cancelConnectionCheck();
    bool isCheckingConnection() const;
    ConnectionReport connectionReport() const { return m_connectionReport; }

    // What would be lost if the person quit now, and the question to ask; None in a practice run.
    QuitRisk quitRisk() const;
    // The run ends: the sign-ins and the credential in memory go (the keychain keeps what was stored).
    void endRun();
    // After the window closed: gives the sign-outs endRun() sent up to `longest` to reach Qlik. Runs a local event
    // loop, so call it only when no window is left to answer.
    void waitForSignOuts(std::chrono::milliseconds longest);

signals:
    void hostProbeProgress(const QString &message);
    void hostProbeFinished(const Dawiso::HostProbeResult &result);
    void saveStepStarted(Dawiso::CredentialSaver::Step step);
    void saveStepFinished(Dawiso::CredentialSaver::Step step);
    void saveFinished(const Dawiso::CredentialSaveResult &result);
    void createdCredentialRevoked(bool revoked, const Dawiso::UserMessage &problem);
    void connectionCheckChanged(const Dawiso::CheckResult &result);
    void connectionCheckProgress(const QString &message);
    void connectionCheckFinished(const Dawiso::ConnectionReport &report);

private:
    void adopt(std::unique_ptr<DeploymentFlow> owned);
    void onCredentialChanged(DeploymentFlow *flow);
    CredentialSaver *saver();
    // A new check object for this run, pointed at the confirmed host; the one before goes.
    ConnectionCheck *freshConnectionCheck();

    SetupContext m_context;
    SecretStore *m_store;
    ConnectionIndex *m_index;
    CertificatePinStore *m_pinStore = nullptr;
    std::map<DeploymentKind, DeploymentFlow *> m_flows; // children of the controller
    DeploymentKind m_deployment = DeploymentKind::QlikCloud;
    bool m_deploymentChosen = false;

    CredentialSaver *m_saver = nullptr; // see saver()
    CredentialSaveResult m_saveResult;
    ConnectionCheck *m_connectionCheck = nullptr;
    ConnectionReport m_connectionReport;
    bool m_readingForCheck = false;
    bool m_stopAfterReading = false; // Stop pressed while the credential was read back for the check
};

} // namespace Dawiso
