#pragma once

#include "secrets/SecretStoreJob.h"

#include <QByteArray>
#include <QString>

#include <functional>
#include <memory>
#include <optional>

namespace Dawiso {

class SecretStore;

// One operation of ChunkedSecretStore, made of jobs of the store it wraps, run one after the other:
// - write: read the entry (to learn how many parts an earlier secret had), write the parts, then the manifest (or the
//   secret itself when it needs no parts), then delete the earlier secret's parts beyond the new ones;
// - read: read the entry; a manifest means reading its parts and checking them against it;
// - delete: read the entry; delete the parts its manifest names, then the entry.
// The first failing step ends the job with that step's error; a part that is missing, or parts that do not match the
// manifest, end it with SecretStoreError::Failed and a message that says the entry is damaged.
class ChunkedSecretJob : public SecretStoreJob
{
    Q_OBJECT

public:
    ChunkedSecretJob(std::shared_ptr<SecretStore> inner, SecretStoreOperation operation, const QString &entryName,
                     const QByteArray &secret);
    ~ChunkedSecretJob() override;

    // The first line of every manifest.
    static QByteArray manifestMagic();
    // What a read of a damaged entry reports (public for the tests).
    static QString damagedMessage();

private:
    struct Manifest
    {
        int parts = 0;
        qsizetype size = 0;
        QByteArray sha256; // hexadecimal
    };

    static QByteArray manifestOf(const QByteArray &secret, int parts);
    static std::optional<Manifest> parseManifest(const QByteArray &entry);
    // The parts the manifest in a finished read job names; 0 for a plain secret or a failed read.
    static int partsNamedIn(SecretStoreJob *read);

    void after(SecretStoreJob *step, std::function<void(SecretStoreJob *)> next);
    // Ends this job with a failed step's outcome; false when the step succeeded.
    bool failedWith(SecretStoreJob *step);
    void finishDamaged(const QString &detail);

    void write(SecretStoreJob *lookup);
    void writePart(int part);
    void removeStaleParts(int part);
    void read(SecretStoreJob *entry);
    void readPart(int part);
    void remove(SecretStoreJob *lookup);
    void removePart(int part);

    const std::shared_ptr<SecretStore> m_inner;
    const QString m_entryName;
    QByteArray m_secret; // a write's secret, or a read's parts put together
    Manifest m_manifest;
    int m_stalePartsEnd = 0; // the earlier secret's last part, while writing
};

} // namespace Dawiso
