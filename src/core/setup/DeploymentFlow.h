#pragma once

#include "check/CheckResult.h"
#include "common/UserMessage.h"
#include "host/DeploymentKind.h"
#include "host/ParsedHost.h"
#include "secrets/CredentialSaver.h"
#include "secrets/SavedConnection.h"
#include "setup/HostProbeResult.h"
#include "setup/QuitRisk.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QStringList>

namespace Dawiso {

class ConnectionCheck;
class ConnectionIndex;
class CredentialRotation;
class SecretStore;
class SetupContext;

// One kind of Qlik deployment's own part of a run through the wizard: how its host is probed, how the credential
// Dawiso will use is made, verified and (when this run created it) taken back, and which checks prove it. The
// SetupController holds one flow per deployment, runs what every deployment shares and asks the chosen flow for the
// rest; the pages of a deployment's own branch talk to their flow directly. Like Nextcloud's AbstractCredentials, one
// subclass per kind. Every operation is asynchronous and reports through signals; none of them blocks. A flow makes
// nothing expensive before a step needs it: the window shows before any network object exists.
class DeploymentFlow : public QObject
{
    Q_OBJECT

public:
    explicit DeploymentFlow(SetupContext *context, QObject *parent = nullptr);

    virtual DeploymentKind kind() const = 0;

    // Host. The probe reports through hostProbeProgress() and exactly one hostProbeFinished() per probeHost(); a
    // newer probeHost() replaces one in flight without a report for the old one.
    virtual ParsedHost parseHost(const QString &input) const;
    virtual void probeHost(const ParsedHost &host) = 0;
    virtual void cancelHostProbe() = 0;
    virtual bool isProbingHost() const = 0;

    // The credential Dawiso will use, once the flow holds one for the confirmed host: what the saved-connections
    // index remembers of it (nothing secret), and the secret itself (a copy, which the caller wipes).
    virtual bool hasCredential() const = 0;
    virtual SavedConnection savedConnection() const = 0;
    virtual QByteArray credential() const = 0;
    // Secrets stored beside the credential, each under its own keychain entry (copies, which the caller wipes).
    virtual QList<CredentialSaver::SecretEntry> companionSecrets() const { return {}; }
    // The keychain holds the credential now: the flow wipes its own copy.
    virtual void credentialSaved() = 0;
    // Drops the credential in memory, unless this run created it and has not stored it (it is never lost on the way;
    // see unsavedCreatedCredentialId()). Emits credentialChanged() when something was dropped.
    virtual void forgetCredential() = 0;

    // A credential this run created in Qlik and has not stored yet: until it is, it exists only here, so the person
    // gets every way out (retry, a secure copy, or revoking it in Qlik).
    virtual QString unsavedCreatedCredentialId() const;
    // Revokes it in Qlik as its owner, then forgets it; createdCredentialRevoked() says how it went.
    virtual void revokeCreatedCredential();
    // Qlik is creating a credential and has not answered: quitting now could leave it with nobody holding it.
    virtual bool isCreatingCredential() const;
    // Ends every sign-in of the run: the wizard closes, or another deployment is chosen.
    virtual void forgetSignIns();
    // The words of the question before quitting, for this deployment's credential.
    virtual QuitRisk describeQuitRisk(QuitRisk::Reason reason) const;
    // What the admin must keep doing, or never do, so that the stored credential keeps working; the Finish page
    // shows it.
    virtual QStringList reminders() const;

    // The connection check: its plan (the checks in order with their titles, all pending) and a check pointed at
    // host, owned by parent. SetupController makes one per run.
    virtual QList<CheckResult> plannedChecks() const = 0;
    virtual ConnectionCheck *createConnectionCheck(const ParsedHost &host, QObject *parent) = 0;
    // The check of a connection saved earlier, from what the index remembers of it rather than from this run.
    virtual ConnectionCheck *createSavedConnectionCheck(const SavedConnection &saved, QObject *parent);

    // Coming back later. Replacing the credential of a saved connection (see CredentialRotation), owned by parent;
    // null where this deployment cannot.
    virtual CredentialRotation *createRotation(SecretStore *store, ConnectionIndex *index, QObject *parent);
    // The keychain entries stored beside a saved connection's credential, which Forget removes with it.
    virtual QStringList companionEntryNames(const SavedConnection &saved) const;
    // Forget's "revoke it in Qlik too": revokes a saved connection's credential in Qlik, authenticated with that
    // credential; storedCredentialRevoked() answers once, from the event loop. False, and no answer, where Qlik
    // cannot revoke a single credential.
    virtual bool revokeStoredCredential(const SavedConnection &saved, const QByteArray &credential);

signals:
    void hostProbeProgress(const QString &message);
    void hostProbeFinished(const Dawiso::HostProbeResult &result);
    // The credential was replaced or dropped: whatever was saved or checked belongs to the old one.
    void credentialChanged();
    void createdCredentialRevoked(bool revoked, const Dawiso::UserMessage &problem);
    void storedCredentialRevoked(bool revoked, const Dawiso::UserMessage &problem);

protected:
    SetupContext *context() const { return m_context; }

private:
    SetupContext *m_context;
};

} // namespace Dawiso
