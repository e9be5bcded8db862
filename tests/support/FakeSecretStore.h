#pragma once

#include "secrets/SecretStore.h"

#include <QHash>
#include <QList>
#include <QPointer>
#include <QStringList>

namespace Dawiso {

// An in-memory SecretStore for unit and GUI tests. Like the real store, jobs finish asynchronously and exactly once,
// report the real store's messages, and an operation takes effect when its job finishes (so a held write has not
// stored anything yet).
class FakeSecretStore : public SecretStore
{
public:
    FakeSecretStore();
    ~FakeSecretStore() override; // wipes the stored secrets; held jobs finish as Unavailable

    SecretStoreJob *writeSecret(const QString &entryName, const QByteArray &secret) override;
    SecretStoreJob *readSecret(const QString &entryName) override;
    SecretStoreJob *deleteSecret(const QString &entryName) override;
    QString locationDescription() const override { return m_location; }
    void setLocationDescription(const QString &location) { m_location = location; }

    // Failure injection. The next operation (or, with failAlwaysWith, every operation until it is given
    // SecretStoreError::None) fails with this error and changes nothing.
    void failNextWith(SecretStoreError error);
    void failAlwaysWith(SecretStoreError error);

    // While holding, jobs do not finish, like a keychain waiting for an unlock prompt to be answered.
    void setHoldJobs(bool hold);
    // Finishes the held jobs in order (they still report asynchronously); holding stays as it was.
    void releaseHeldJobs();
    int heldJobCount() const;

    // Inspection and set-up; none of these go through a job.
    bool contains(const QString &entryName) const { return m_entries.contains(entryName); }
    bool secretEquals(const QString &entryName, const QByteArray &secret) const;
    QStringList entryNames() const;
    void insertSecret(const QString &entryName, const QByteArray &secret);
    void clear();
    // Jobs created so far, including failed and held ones.
    int operationCount() const { return m_operationCount; }

private:
    struct Operation
    {
        QPointer<SecretStoreJob> job;
        SecretStoreOperation kind;
        QString entryName;
        QByteArray secret;
        SecretStoreError injectedError;
    };

    SecretStoreJob *start(SecretStoreOperation kind, const QString &entryName, const QByteArray &secret);
    void complete(Operation &operation);

    QHash<QString, QByteArray> m_entries;
    QList<Operation> m_held;
    QString m_location;
    SecretStoreError m_failNext = SecretStoreError::None;
    SecretStoreError m_failAlways = SecretStoreError::None;
    bool m_hold = false;
    int m_operationCount = 0;
};

} // namespace Dawiso
