#pragma once

#include "check/CheckResult.h"
#include "check/ConnectionReport.h"
#include "secrets/SavedConnection.h"

#include <QByteArray>
#include <QObject>

namespace Dawiso {

class ConnectionCheck;
class ConnectionIndex;
class DeploymentFlow;
class SecretStore;
class SecretStoreJob;

// "Check again": the connection check of a saved connection with the credential its keychain entry holds, as the
// wizard's last page runs it, and the verdict with its date remembered in the index. One check at a time; a start()
// while one runs is ignored.
class SavedConnectionCheck : public QObject
{
    Q_OBJECT

public:
    // flow: the saved connection's deployment (not owned); it makes the check.
    SavedConnectionCheck(DeploymentFlow *flow, SecretStore *store, ConnectionIndex *index, QObject *parent = nullptr);
    ~SavedConnectionCheck() override;

    // The checks that will run, all pending, for the list to show before the first answer.
    QList<CheckResult> plannedChecks(const SavedConnection &connection);
    void start(const SavedConnection &connection);
    // Stops the check; finished() follows with a Cancelled report. A keychain read cannot be taken back: its
    // answer is dropped.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    void progress(const QString &message);
    void checkChanged(const Dawiso::CheckResult &result);
    void finished(const Dawiso::ConnectionReport &report);

private:
    void onCredentialRead(SecretStoreJob *job);
    void onFinished(const ConnectionReport &report);

    DeploymentFlow *m_flow;
    SecretStore *m_store;
    ConnectionIndex *m_index;
    ConnectionCheck *m_check = nullptr;
    SavedConnection m_connection;
    bool m_running = false;
    bool m_stopAfterReading = false;
};

} // namespace Dawiso
