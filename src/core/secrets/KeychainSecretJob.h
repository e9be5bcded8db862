#pragma once

#include "secrets/SecretStoreJob.h"

#include <QTimer>
#include <qt6keychain/keychain.h>

#include <chrono>

namespace Dawiso {

// One QtKeychain operation with a time limit. QtKeychain has no timeout, runs its jobs one at a time for the whole
// process, and its libsecret callbacks keep a raw pointer to the running job, so a job may only be deleted after it
// has answered. Hence:
// - jobs are handed to QtKeychain one at a time, in order; a job whose time runs out while it waits for its turn
//   reports TimedOut and is never started, so it cannot change the keychain later;
// - a job whose time runs out while QtKeychain works on it reports TimedOut at once; the QtKeychain job lives on
//   until its answer arrives, which is then ignored (a write may still have been stored), and the next job starts.
// Use from one thread (the GUI thread).
class KeychainSecretJob : public SecretStoreJob
{
    Q_OBJECT

public:
    KeychainSecretJob(SecretStoreOperation operation, const QString &entryName, const QByteArray &secret,
                      std::chrono::milliseconds timeout);
    ~KeychainSecretJob() override;

    // The largest secret this build stores: QtKeychain before 0.15 stores at most 2560 bytes in Windows Credential
    // Manager; elsewhere a generous bound that an API key or a private key never reaches.
    static qsizetype maximumSecretSize();
    // How a QtKeychain error is reported for an operation (public for the unit tests).
    static SecretStoreError mapError(QKeychain::Error error, SecretStoreOperation operation);

private:
    void startBackendJob();
    void onBackendFinished(QKeychain::Job *backendJob);
    // Reports the outcome: the secret (of a read) is already set.
    void conclude(SecretStoreError error, const QString &detail);
    void onTimeout();
    static void startNextWaitingJob();

    const SecretStoreOperation m_operation;
    const QString m_entryName;
    QByteArray m_secret; // a write's payload, until it is handed to QtKeychain
    const std::chrono::milliseconds m_timeout;
    QTimer m_timer;
};

} // namespace Dawiso
