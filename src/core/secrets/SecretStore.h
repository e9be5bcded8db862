#pragma once

#include "secrets/SecretStoreJob.h"

#include <QByteArray>
#include <QString>

namespace Dawiso {

// Where secrets go: the operating system's keychain. An interface, so that unit and GUI tests can use a fake.
// Every call returns a new job that has not finished yet; connect to its finished() signal right away.
class SecretStore
{
public:
    SecretStore() = default;
    virtual ~SecretStore();
    Q_DISABLE_COPY_MOVE(SecretStore)

    // Creates or replaces the entry.
    virtual SecretStoreJob *writeSecret(const QString &entryName, const QByteArray &secret) = 0;
    // NotFound when there is no such entry; the secret is in the job's secret().
    virtual SecretStoreJob *readSecret(const QString &entryName) = 0;
    // Removing an entry that does not exist succeeds: the goal, no entry, is reached.
    virtual SecretStoreJob *deleteSecret(const QString &entryName) = 0;
    // Where the user can find the entry, for the finish page: "macOS Keychain", "Windows Credential Manager", ...
    virtual QString locationDescription() const = 0;
};

} // namespace Dawiso
