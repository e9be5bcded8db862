#pragma once

#include "secrets/CredentialSaveResult.h"
#include "secrets/SavedConnection.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QString>

namespace Dawiso {

class ConnectionIndex;
class SecretStore;
class SecretStoreJob;

// Stores a credential in the keychain and proves it: write, read back, compare byte for byte, and only then record
// the non-secret facts in the saved-connections index. A read-back that differs is retried once after clearing the
// entry, for leftovers a read finds before the new key; a second difference fails the save.
class CredentialSaver : public QObject
{
    Q_OBJECT

public:
    enum class Step {
        Writing,
        ReadingBack,
        Recording,
    };
    Q_ENUM(Step)

    CredentialSaver(SecretStore *store, ConnectionIndex *index, QObject *parent = nullptr);
    ~CredentialSaver() override;

    // A secret that belongs with the credential under its own entry, such as the key that signs on-prem tokens.
    struct SecretEntry
    {
        QString entryName;
        QByteArray secret;
    };

    // Starts saving; a save still running is abandoned (its late answers are ignored), so the last call wins. The
    // companions are written and read back after the credential, and the connection is recorded only when all are.
    void save(const SavedConnection &connection, const QByteArray &secret, const QList<SecretEntry> &companions = {});
    void cancel();
    bool isRunning() const { return m_running; }
    // Whether a stored credential is recorded in the index (on by default). A practice run stores its simulated key
    // to show how, but it is no connection to come back to.
    void setRecordsConnection(bool records) { m_recordsConnection = records; }

signals:
    void stepStarted(Dawiso::CredentialSaver::Step step);
    void stepFinished(Dawiso::CredentialSaver::Step step);
    void finished(const Dawiso::CredentialSaveResult &result);

private:
    void writeCurrent(int generation);
    void wipeEntries();
    void onWritten(SecretStoreJob *job, int generation);
    void onReadBack(SecretStoreJob *job, int generation);
    void fail(SecretStoreJob *job);
    void complete(const CredentialSaveResult &result);

    SecretStore *m_store;
    ConnectionIndex *m_index;
    SavedConnection m_connection;
    QString m_entryName;
    QList<SecretEntry> m_entries; // the credential first
    int m_current = 0;
    // Whether the current entry was cleared and written again after it read back different.
    bool m_clearedLeftovers = false;
    bool m_running = false;
    bool m_recordsConnection = true;
    int m_generation = 0;
};

} // namespace Dawiso
