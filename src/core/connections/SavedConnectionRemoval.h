#pragma once

#include "common/UserMessage.h"
#include "secrets/SavedConnection.h"

#include <QByteArray>
#include <QObject>
#include <QStringList>

namespace Dawiso {

class ConnectionIndex;
class DeploymentFlow;
class SecretStore;
class SecretStoreJob;

// Forget: a saved connection's keychain entries (the credential and what is stored beside it) are deleted, then its
// row in the index. Asked to, it first revokes the credential in Qlik; when that fails, nothing is removed, so the
// credential is never lost while it still works in Qlik.
class SavedConnectionRemoval : public QObject
{
    Q_OBJECT

public:
    struct Result
    {
        bool removed = false;
        bool revoked = false;
        UserMessage problem;
        QStringList whereThingsAre; // sentences for people, never the credential
    };

    // flow: the connection's deployment (not owned).
    SavedConnectionRemoval(DeploymentFlow *flow, SecretStore *store, ConnectionIndex *index, QObject *parent = nullptr);
    ~SavedConnectionRemoval() override;

    void start(const SavedConnection &connection, bool revokeInQlik);
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString &message);
    void finished(const Dawiso::SavedConnectionRemoval::Result &result);

private:
    void onCredentialRead(SecretStoreJob *job);
    void onRevoked(bool revoked, const UserMessage &problem);
    void deleteNext();
    void onDeleted(SecretStoreJob *job);
    void finishWith(bool removed, const UserMessage &problem);

    DeploymentFlow *m_flow;
    SecretStore *m_store;
    ConnectionIndex *m_index;
    SavedConnection m_connection;
    QStringList m_entries; // still to delete
    QByteArray m_credential;
    bool m_running = false;
    bool m_awaitingRevocation = false;
    Result m_result;
};

} // namespace Dawiso
