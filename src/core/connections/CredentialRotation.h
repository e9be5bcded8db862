#pragma once

#include "check/CheckResult.h"
#include "check/ConnectionReport.h"
#include "common/UserMessage.h"
#include "secrets/SavedConnection.h"

#include <QByteArray>
#include <QDateTime>
#include <QObject>
#include <QStringList>

namespace Dawiso {

class ConnectionCheck;
class ConnectionIndex;
class CredentialSaver;
class DeploymentFlow;
class SecretStore;
class SecretStoreJob;

// Replaces a saved connection's credential so that the keychain never goes without a working one: the stored
// credential is read, a new one is made (the deployment's part), checked, stored in its place (read back and
// compared) and only then is the old one retired (the deployment's part: revoked in Qlik where Qlik can). A failure
// at any step leaves the old credential stored, takes back a new one that cannot be kept where the deployment can,
// and the result says what is where.
class CredentialRotation : public QObject
{
    Q_OBJECT

public:
    enum class Step {
        ReadingStored,
        MakingNew,
        CheckingNew,
        StoringNew,
        RetiringOld,
    };
    Q_ENUM(Step)

    struct Result
    {
        bool rotated = false; // the new credential is checked and stored
        // Not rotated: why and what to do. Rotated: empty, or what is left to do by hand (the old credential could
        // not be retired).
        UserMessage problem;
        // Where each credential is now, in sentences for people (never the credential itself).
        QStringList whereThingsAre;
        ConnectionReport report; // the check of the new credential, when it ran
        SavedConnection connection; // as saved now: the new one when rotated, else the old one
    };

    // flow: the connection's deployment (not owned), which makes the check.
    CredentialRotation(DeploymentFlow *flow, SecretStore *store, ConnectionIndex *index, QObject *parent = nullptr);
    ~CredentialRotation() override;

    // validityDays: how long the new credential lives, where the rotation makes it.
    void start(const SavedConnection &connection, int validityDays);
    // Stops before the new credential is stored; nothing after that point can be taken back, so Stop is not offered
    // then (canCancel()). finished() follows, with the old credential kept.
    void cancel();
    bool canCancel() const;
    bool isRunning() const { return m_running; }

    // Leave the old credential working once the new one is stored, until retireOldNow(): Dawiso itself holds a copy
    // of the credential, and the admin gives it the new one before the old one stops working. finished() then comes
    // with the new credential stored and retirementPending() true.
    void setRetireLater(bool later) { m_retireLater = later; }
    bool retirementPending() const { return m_retirementPending; }
    // Retires the old credential now (revokes it in Qlik where Qlik can); retired() follows with the whole result.
    void retireOldNow();

signals:
    void stepStarted(Dawiso::CredentialRotation::Step step, const QString &message);
    void plannedChecks(const QList<Dawiso::CheckResult> &checks);
    void checkChanged(const Dawiso::CheckResult &result);
    void finished(const Dawiso::CredentialRotation::Result &result);
    void retired(const Dawiso::CredentialRotation::Result &result);

protected:
    // The deployment's parts. Each answers exactly once, through the matching protected call below, never from
    // inside the virtual call itself.
    // Make the new credential, with the old one where the deployment needs it (a copy, wiped after the call).
    virtual void makeNewCredential(const SavedConnection &connection, const QByteArray &oldCredential,
                                   int validityDays) = 0;
    // Retire the old credential now that the new one is stored; may use either credential.
    virtual void retireOldCredential(const SavedConnection &old, const QByteArray &oldCredential,
                                     const QByteArray &newCredential) = 0;
    // Take back the new credential, which will not be kept (its check failed, or the keychain refused it).
    virtual void discardNewCredential(const SavedConnection &old, const QByteArray &oldCredential,
                                      const QString &newCredentialId) = 0;
    // Why a new credential that passed the check still cannot replace the old one (it stands for another user);
    // empty when it can.
    virtual UserMessage refusalOfChecked(const SavedConnection &old, const ConnectionReport &report) const;
    // Stop whatever makeNewCredential() has in flight.
    virtual void stopMaking() { }
    // What this deployment calls its credential, for the sentences of the result: "key", "token".
    virtual QString credentialNoun() const = 0;

    void newCredentialMade(const QByteArray &credential, const QString &id, const QDateTime &expiry);
    void newCredentialRefused(const UserMessage &problem);
    // retired: done; else problem says what is left to do by hand. whereOld says where the old credential is now.
    void oldCredentialRetired(bool retired, const UserMessage &problem, const QString &whereOld);
    void newCredentialDiscarded(bool discarded, const QString &whereNew);

    DeploymentFlow *flow() const { return m_flow; }
    SecretStore *store() const { return m_store; }

private:
    void onStoredRead(SecretStoreJob *job);
    void onChecked(const ConnectionReport &report);
    void onSaved(bool saved, const QString &message);
    void onOldRestored(SecretStoreJob *job);
    void startRetiring();
    void discardAndFinish(const UserMessage &problem);
    void finishWith(bool rotated, const UserMessage &problem);
    void wipe();

    DeploymentFlow *m_flow;
    SecretStore *m_store;
    ConnectionIndex *m_index;
    CredentialSaver *m_saver;
    ConnectionCheck *m_check = nullptr;
    SavedConnection m_old;
    SavedConnection m_new;
    QByteArray m_oldCredential;
    QByteArray m_newCredential;
    int m_validityDays = 0;
    Step m_step = Step::ReadingStored;
    bool m_running = false;
    bool m_cancelled = false;
    bool m_oldRestoreFailed = false;
    bool m_retireLater = false;
    bool m_retirementPending = false;
    Result m_result;
    UserMessage m_pendingProblem; // the failure that led to discarding the new credential
};

} // namespace Dawiso
