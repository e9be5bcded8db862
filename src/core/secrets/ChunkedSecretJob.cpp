#include "secrets/ChunkedSecretJob.h"

#include "secrets/ChunkedSecretStore.h"
#include "secrets/SecretStore.h"
#include "secrets/SecretStoreMessages.h"
#include "secrets/SecretsLogging.h"
#include "token/SecureMemory.h"

#include <QCryptographicHash>
#include <QList>

#include <utility>

namespace Dawiso {

namespace {

constexpr int ManifestVersion = 1;
constexpr int MaximumParts = static_cast<int>((ChunkedSecretStore::MaximumSecretSize + ChunkedSecretStore::PartSize - 1)
                                              / ChunkedSecretStore::PartSize);

int partsFor(qsizetype size)
{
    return static_cast<int>((size + ChunkedSecretStore::PartSize - 1) / ChunkedSecretStore::PartSize);
}

QByteArray sha256Hex(const QByteArray &data)
{
    return QCryptographicHash::hash(data, QCryptographicHash::Sha256).toHex();
}

// "key=<number>" as a number, or -1.
qint64 numberField(const QByteArray &line, const QByteArray &key)
{
    if (!line.startsWith(QByteArray(key + '=')))
        return -1;
    const QByteArray digits = line.mid(key.size() + 1);
    bool ok = false;
    const qint64 value = digits.toLongLong(&ok);
    return ok && !digits.startsWith('+') && !digits.startsWith('-') ? value : -1;
}

} // namespace

ChunkedSecretJob::ChunkedSecretJob(std::shared_ptr<SecretStore> inner, SecretStoreOperation operation,
                                   const QString &entryName, const QByteArray &secret)
    : m_inner(std::move(inner))
    , m_entryName(entryName)
{
    // Part names are made from the entry's name: an empty one would name parts that belong to no entry.
    if (entryName.isEmpty()) {
        finish(SecretStoreError::Failed, SecretStoreMessages::invalidEntryName(),
               QStringLiteral("The keychain entry name is empty."));
        return;
    }
    switch (operation) {
    case SecretStoreOperation::Write:
        if (secret.size() > ChunkedSecretStore::MaximumSecretSize) {
            finish(SecretStoreError::TooLarge,
                   SecretStoreMessages::tooLarge(secret.size(), ChunkedSecretStore::MaximumSecretSize),
                   QStringLiteral("The secret has %1 bytes; at most %2 bytes are stored.")
                       .arg(secret.size())
                       .arg(ChunkedSecretStore::MaximumSecretSize));
            return;
        }
        m_secret = QByteArray(secret.constData(), secret.size());
        after(m_inner->readSecret(m_entryName), [this](SecretStoreJob *lookup) { write(lookup); });
        break;
    case SecretStoreOperation::Read:
        after(m_inner->readSecret(m_entryName), [this](SecretStoreJob *entry) { read(entry); });
        break;
    case SecretStoreOperation::Delete:
        after(m_inner->readSecret(m_entryName), [this](SecretStoreJob *lookup) { remove(lookup); });
        break;
    }
}

ChunkedSecretJob::~ChunkedSecretJob()
{
    SecureMemory::wipe(m_secret);
}

QByteArray ChunkedSecretJob::manifestMagic()
{
    return QByteArrayLiteral("DQS-CHUNKED-SECRET\n");
}

QString ChunkedSecretJob::damagedMessage()
{
    return tr("The key saved in your computer's keychain for this connection is damaged: part of it is missing or "
              "was changed. Set up the connection again to save a new key.");
}

QByteArray ChunkedSecretJob::manifestOf(const QByteArray &secret, int parts)
{
    return manifestMagic() + "version=" + QByteArray::number(ManifestVersion) + "\nparts=" + QByteArray::number(parts)
        + "\nsize=" + QByteArray::number(secret.size()) + "\nsha256=" + sha256Hex(secret) + '\n';
}

std::optional<ChunkedSecretJob::Manifest> ChunkedSecretJob::parseManifest(const QByteArray &entry)
{
    if (!entry.startsWith(manifestMagic()))
        return std::nullopt;
    const QList<QByteArray> lines = entry.mid(manifestMagic().size()).split('\n');
    // Four lines, each ended by a newline.
    if (lines.size() != 5 || !lines.at(4).isEmpty() || numberField(lines.at(0), "version") != ManifestVersion)
        return std::nullopt;
    Manifest manifest;
    const qint64 parts = numberField(lines.at(1), "parts");
    const qint64 size = numberField(lines.at(2), "size");
    if (parts < 1 || parts > MaximumParts || size < 1 || partsFor(size) != parts || !lines.at(3).startsWith("sha256="))
        return std::nullopt;
    manifest.parts = static_cast<int>(parts);
    manifest.size = static_cast<qsizetype>(size);
    manifest.sha256 = lines.at(3).mid(7);
    if (manifest.sha256.size() != 64 || QByteArray::fromHex(manifest.sha256).toHex() != manifest.sha256)
        return std::nullopt;
    return manifest;
}

int ChunkedSecretJob::partsNamedIn(SecretStoreJob *read)
{
    if (read->error() != SecretStoreError::None)
        return 0;
    QByteArray entry = read->secret();
    const std::optional<Manifest> manifest = parseManifest(entry);
    SecureMemory::wipe(entry);
    return manifest ? manifest->parts : 0;
}

void ChunkedSecretJob::after(SecretStoreJob *step, std::function<void(SecretStoreJob *)> next)
{
    connect(step, &SecretStoreJob::finished, this, [next = std::move(next)](SecretStoreJob *done) { next(done); });
}

bool ChunkedSecretJob::failedWith(SecretStoreJob *step)
{
    if (step->error() == SecretStoreError::None)
        return false;
    SecureMemory::wipe(m_secret);
    finish(step->error(), step->errorMessage(), step->backendDetail());
    return true;
}

void ChunkedSecretJob::finishDamaged(const QString &detail)
{
    qCWarning(lcSecrets) << "Keychain entry" << m_entryName << "is damaged:" << detail;
    SecureMemory::wipe(m_secret);
    finish(SecretStoreError::Failed, damagedMessage(), detail);
}

void ChunkedSecretJob::write(SecretStoreJob *lookup)
{
    // Whatever the lookup's outcome, the write goes ahead and reports its own; stale parts are only known from a
    // manifest that could be read.
    m_stalePartsEnd = partsNamedIn(lookup);
    const bool split = m_secret.size() > ChunkedSecretStore::PartSize || m_secret.startsWith(manifestMagic());
    if (split) {
        m_manifest.parts = partsFor(m_secret.size());
        writePart(1);
        return;
    }
    m_manifest.parts = 0;
    after(m_inner->writeSecret(m_entryName, m_secret), [this](SecretStoreJob *done) {
        if (!failedWith(done))
            removeStaleParts(1);
    });
}

void ChunkedSecretJob::writePart(int part)
{
    if (part > m_manifest.parts) {
        // The manifest last: until it is written, the entry still names the earlier secret (or nothing).
        after(m_inner->writeSecret(m_entryName, manifestOf(m_secret, m_manifest.parts)), [this](SecretStoreJob *done) {
            if (!failedWith(done))
                removeStaleParts(m_manifest.parts + 1);
        });
        return;
    }
    QByteArray chunk = m_secret.mid((part - 1) * ChunkedSecretStore::PartSize, ChunkedSecretStore::PartSize);
    SecretStoreJob *step = m_inner->writeSecret(ChunkedSecretStore::partName(m_entryName, part), chunk);
    SecureMemory::wipe(chunk); // the job keeps a copy of its own
    after(step, [this, part](SecretStoreJob *done) {
        if (!failedWith(done))
            writePart(part + 1);
    });
}

void ChunkedSecretJob::removeStaleParts(int part)
{
    SecureMemory::wipe(m_secret);
    if (part > m_stalePartsEnd) {
        finish(SecretStoreError::None);
        return;
    }
    after(m_inner->deleteSecret(ChunkedSecretStore::partName(m_entryName, part)), [this, part](SecretStoreJob *done) {
        // The new secret is stored and complete: a leftover part of the earlier one does not undo that.
        if (done->error() != SecretStoreError::None)
            qCInfo(lcSecrets) << "A part of the earlier secret stays in the keychain:"
                              << ChunkedSecretStore::partName(m_entryName, part) << done->backendDetail();
        removeStaleParts(part + 1);
    });
}

void ChunkedSecretJob::read(SecretStoreJob *entry)
{
    if (failedWith(entry))
        return;
    QByteArray stored = entry->secret();
    if (!stored.startsWith(manifestMagic())) {
        setSecret(stored);
        SecureMemory::wipe(stored);
        finish(SecretStoreError::None);
        return;
    }
    const std::optional<Manifest> manifest = parseManifest(stored);
    SecureMemory::wipe(stored);
    if (!manifest) {
        finishDamaged(QStringLiteral("Its manifest cannot be read."));
        return;
    }
    m_manifest = *manifest;
    // One allocation for the whole secret: growing the buffer would leave copies of its beginning behind.
    m_secret.reserve(m_manifest.size);
    readPart(1);
}

void ChunkedSecretJob::readPart(int part)
{
    if (part > m_manifest.parts) {
        if (m_secret.size() != m_manifest.size || sha256Hex(m_secret) != m_manifest.sha256) {
            finishDamaged(QStringLiteral("Its parts do not match the manifest's size and SHA-256."));
            return;
        }
        setSecret(m_secret);
        SecureMemory::wipe(m_secret);
        finish(SecretStoreError::None);
        return;
    }
    after(m_inner->readSecret(ChunkedSecretStore::partName(m_entryName, part)), [this, part](SecretStoreJob *done) {
        if (done->error() == SecretStoreError::NotFound) {
            finishDamaged(QStringLiteral("Part %1 of %2 is missing.").arg(part).arg(m_manifest.parts));
            return;
        }
        if (failedWith(done))
            return;
        QByteArray chunk = done->secret();
        const bool fits = m_secret.size() + chunk.size() <= m_manifest.size;
        if (fits)
            m_secret.append(chunk.constData(), chunk.size());
        SecureMemory::wipe(chunk);
        if (!fits) {
            finishDamaged(QStringLiteral("Its parts are longer than the manifest says."));
            return;
        }
        readPart(part + 1);
    });
}

void ChunkedSecretJob::remove(SecretStoreJob *lookup)
{
    if (lookup->error() == SecretStoreError::NotFound) {
        finish(SecretStoreError::None); // nothing to remove: the goal is reached
        return;
    }
    // A lookup that failed otherwise still leaves the entry itself to delete; that step reports its own outcome.
    m_manifest.parts = partsNamedIn(lookup);
    removePart(1);
}

void ChunkedSecretJob::removePart(int part)
{
    // The parts first: should one of them fail, the manifest still names them for the next attempt.
    if (part > m_manifest.parts) {
        after(m_inner->deleteSecret(m_entryName), [this](SecretStoreJob *done) {
            if (!failedWith(done))
                finish(SecretStoreError::None);
        });
        return;
    }
    after(m_inner->deleteSecret(ChunkedSecretStore::partName(m_entryName, part)), [this, part](SecretStoreJob *done) {
        if (!failedWith(done))
            removePart(part + 1);
    });
}

} // namespace Dawiso
