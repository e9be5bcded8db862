#include "secrets/KeychainSecretJob.h"

#include "secrets/SecretStoreMessages.h"
#include "secrets/SecretsLogging.h"
#include "token/SecureMemory.h"

#include <QPointer>
#include <QQueue>

#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
#include "secrets/SecretServiceLockCheck.h"
#endif

namespace Dawiso {

namespace {

// Jobs waiting for their turn, oldest first; a job that timed out or was destroyed is skipped.
QQueue<QPointer<KeychainSecretJob>> &waitingJobs()
{
    static QQueue<QPointer<KeychainSecretJob>> queue;
    return queue;
}

// True from handing a job to QtKeychain until its answer, even when that job timed out meanwhile.
bool &backendBusy()
{
    static bool busy = false;
    return busy;
}

QLatin1String operationName(SecretStoreOperation operation)
{
    switch (operation) {
    case SecretStoreOperation::Write:
        return QLatin1String("write");
    case SecretStoreOperation::Read:
        return QLatin1String("read");
    case SecretStoreOperation::Delete:
        return QLatin1String("delete");
    }
    return QLatin1String("unknown");
}

} // namespace

KeychainSecretJob::KeychainSecretJob(SecretStoreOperation operation, const QString &entryName, const QByteArray &secret,
                                     std::chrono::milliseconds timeout)
    : m_operation(operation)
    , m_entryName(entryName)
    , m_timeout(timeout)
{
    if (entryName.isEmpty()) {
        finish(SecretStoreError::Failed, SecretStoreMessages::invalidEntryName(),
               QStringLiteral("The keychain entry name is empty."));
        return;
    }
    if (operation == SecretStoreOperation::Write) {
        if (secret.isEmpty()) {
            finish(SecretStoreError::Failed, SecretStoreMessages::emptySecret(),
                   QStringLiteral("The secret to write is empty."));
            return;
        }
        if (secret.size() > maximumSecretSize()) {
            finish(SecretStoreError::TooLarge, SecretStoreMessages::tooLarge(secret.size(), maximumSecretSize()),
                   QStringLiteral("The secret has %1 bytes; this build stores at most %2 bytes.")
                       .arg(secret.size())
                       .arg(maximumSecretSize()));
            return;
        }
        // A private copy, so that wiping it can never change the caller's buffer.
        m_secret = QByteArray(secret.constData(), secret.size());
    }
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &KeychainSecretJob::onTimeout);
    m_timer.start(m_timeout);
    waitingJobs().enqueue(this);
    startNextWaitingJob();
}

KeychainSecretJob::~KeychainSecretJob()
{
    SecureMemory::wipe(m_secret);
}

qsizetype KeychainSecretJob::maximumSecretSize()
{
#ifdef Q_OS_WIN
    return 2560;
#else
    return qsizetype(64) * 1024;
#endif
}

SecretStoreError KeychainSecretJob::mapError(QKeychain::Error error, SecretStoreOperation operation)
{
    switch (error) {
    case QKeychain::NoError:
        return SecretStoreError::None;
    case QKeychain::EntryNotFound:
        // Removing what is not there reaches the goal (Windows reports it; libsecret does not).
        return operation == SecretStoreOperation::Delete ? SecretStoreError::None : SecretStoreError::NotFound;
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return SecretStoreError::AccessDenied;
    case QKeychain::OtherError:
#if defined(Q_OS_WIN) || defined(Q_OS_MACOS)
        return SecretStoreError::Failed;
#else
        // libsecret reports a missing daemon, an unreachable session bus and a missing login keyring all this way.
        [[fallthrough]];
#endif
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return SecretStoreError::Unavailable;
    case QKeychain::CouldNotDeleteEntry:
        return SecretStoreError::Failed;
    }
    return SecretStoreError::Failed;
}

void KeychainSecretJob::startNextWaitingJob()
{
    auto &queue = waitingJobs();
    while (!backendBusy() && !queue.isEmpty()) {
        const QPointer<KeychainSecretJob> next = queue.dequeue();
        if (next && !next->isFinished())
            next->startBackendJob();
    }
}

void KeychainSecretJob::startBackendJob()
{
    const QString service = QStringLiteral(DQS_APP_ID);
    QKeychain::Job *backendJob = nullptr;
    QByteArray payload;
    switch (m_operation) {
    case SecretStoreOperation::Write: {
        auto *writeJob = new QKeychain::WritePasswordJob(service);
        payload = m_secret;
        m_secret.clear(); // from now on only the QtKeychain job and `payload` share the buffer
        writeJob->setBinaryData(payload);
        backendJob = writeJob;
        break;
    }
    case SecretStoreOperation::Read:
        backendJob = new QKeychain::ReadPasswordJob(service);
        break;
    case SecretStoreOperation::Delete:
        backendJob = new QKeychain::DeletePasswordJob(service);
        break;
    }
    // Not a child of this job and not auto-deleted: libsecret's callback holds a raw pointer to it, so it must
    // outlive a timed-out job; the handler below deletes it once its answer has arrived.
    backendJob->setAutoDelete(false);
    backendJob->setInsecureFallback(false); // never a plaintext file, not even on KWallet's D-Bus error path
    backendJob->setKey(m_entryName);
    backendBusy() = true;

    connect(backendJob, &QKeychain::Job::finished, backendJob,
            [owner = QPointer<KeychainSecretJob>(this)](QKeychain::Job *job) {
                if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(job)) {
                    // Wipe QtKeychain's copy once the job, its other owner, is gone.
                    connect(job, &QObject::destroyed,
                            [data = readJob->binaryData()]() mutable { SecureMemory::wipe(data); });
                }
                if (owner && !owner->isFinished())
                    owner->onBackendFinished(job);
                else
                    qCInfo(lcSecrets) << "Ignoring the late keychain answer to a job that timed out; error"
                                      << job->error();
                job->deleteLater();
                backendBusy() = false;
                startNextWaitingJob();
            });
    if (!payload.isEmpty()) {
        // `destroyed` comes after QtKeychain released its reference, so the buffer is then ours alone to zero.
        connect(backendJob, &QObject::destroyed, [payload]() mutable { SecureMemory::wipe(payload); });
    }
    qCDebug(lcSecrets) << "Keychain" << operationName(m_operation) << m_entryName;
    backendJob->start();
}

void KeychainSecretJob::onBackendFinished(QKeychain::Job *backendJob)
{
    const SecretStoreError error = mapError(backendJob->error(), m_operation);
    if (error == SecretStoreError::None) {
        if (auto *readJob = qobject_cast<QKeychain::ReadPasswordJob *>(backendJob))
            setSecret(readJob->binaryData());
    }
    const QString detail = error == SecretStoreError::None ? QString()
                                                           : QStringLiteral("%1 (QtKeychain error %2)")
                                                                 .arg(backendJob->errorString())
                                                                 .arg(static_cast<int>(backendJob->error()));
#if !defined(Q_OS_WIN) && !defined(Q_OS_MACOS)
    // A read that found nothing, or a delete that removed nothing, may have met the entry locked (see
    // SecretServiceLockCheck): the user must hear that the keychain is locked, not that no key is saved, or that it
    // was removed. The time limit still holds while the Secret Service is asked.
    const bool mayBeLocked = (m_operation == SecretStoreOperation::Read && error == SecretStoreError::NotFound)
        || (m_operation == SecretStoreOperation::Delete && error == SecretStoreError::None);
    if (mayBeLocked) {
        SecretServiceLockCheck::start(QStringLiteral(DQS_APP_ID), m_entryName, this,
                                      [this, error, detail](bool locked) {
                                          if (isFinished())
                                              return;
                                          if (locked) {
                                              conclude(SecretStoreError::AccessDenied,
                                                       QStringLiteral("The Secret Service lists the entry as locked; "
                                                                      "its unlock prompt was not answered."));
                                          } else {
                                              conclude(error, detail);
                                          }
                                      });
        return;
    }
#endif
    conclude(error, detail);
}

void KeychainSecretJob::conclude(SecretStoreError error, const QString &detail)
{
    m_timer.stop();
    if (error == SecretStoreError::None) {
        finish(SecretStoreError::None);
        return;
    }
    qCInfo(lcSecrets) << "Keychain" << operationName(m_operation) << m_entryName << "failed:" << detail;
    finish(error, SecretStoreMessages::forError(error, m_operation), detail);
}

void KeychainSecretJob::onTimeout()
{
    const bool neverStarted = waitingJobs().removeAll(QPointer<KeychainSecretJob>(this)) > 0;
    SecureMemory::wipe(m_secret);
    const QString detail = neverStarted
        ? QStringLiteral("No answer within %1 ms: an earlier keychain operation is still running; this one was not "
                         "started.")
              .arg(m_timeout.count())
        : QStringLiteral("The keychain backend did not answer within %1 ms.").arg(m_timeout.count());
    qCInfo(lcSecrets) << "Keychain" << operationName(m_operation) << m_entryName << "timed out:" << detail;
    finish(SecretStoreError::TimedOut, SecretStoreMessages::timedOut(m_timeout), detail);
}

} // namespace Dawiso
