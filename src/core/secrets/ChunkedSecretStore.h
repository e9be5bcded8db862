#pragma once

#include "secrets/SecretStore.h"

#include <memory>

namespace Dawiso {

// A SecretStore that keeps secrets of any size its keychain takes in entries of at most PartSize bytes, the same way
// on every platform. A secret longer than that (a private key's PEM), or one that starts with the manifest's first
// line, is stored as parts "<name>/part-1" ... "<name>/part-n" and a manifest under "<name>" (its first line, a
// version, the part count, the total size and the SHA-256 of the whole); a read puts the parts together and checks
// them against the manifest, so that a missing or changed part is reported as a damaged entry, never returned.
// Every other secret is stored under "<name>" as it is, as before, so entries saved before this store existed still
// read. Deleting an entry deletes its parts. Jobs share the wrapped store, so that one still running when this store
// is gone (its caller stopped waiting) can take its remaining steps.
class ChunkedSecretStore : public SecretStore
{
public:
    // Windows Credential Manager through QtKeychain before 0.15 takes at most 2,560 bytes per entry; 2,000 leave
    // room for whatever a backend adds.
    static constexpr qsizetype PartSize = 2000;
    // The largest secret stored at all: far above a private key's PEM, and a bound on the parts a manifest may name.
    static constexpr qsizetype MaximumSecretSize = qsizetype(64) * 1024;

    explicit ChunkedSecretStore(std::shared_ptr<SecretStore> inner);

    SecretStoreJob *writeSecret(const QString &entryName, const QByteArray &secret) override;
    SecretStoreJob *readSecret(const QString &entryName) override;
    SecretStoreJob *deleteSecret(const QString &entryName) override;
    QString locationDescription() const override;

    // The entry that holds part `part` (from 1) of the secret stored under entryName.
    static QString partName(const QString &entryName, int part);

private:
    const std::shared_ptr<SecretStore> m_inner;
};

} // namespace Dawiso
