#include "secrets/SecretStoreJob.h"

#include "token/SecureMemory.h"

#include <QPointer>

namespace Dawiso {

SecretStoreJob::SecretStoreJob(QObject *parent)
    : QObject(parent)
{ }

SecretStoreJob::~SecretStoreJob()
{
    // Zeroed only if no caller still holds a copy taken with secret(); that copy is the caller's to wipe.
    SecureMemory::wipe(m_secret);
}

bool SecretStoreJob::finish(SecretStoreError error, const QString &errorMessage, const QString &backendDetail)
{
    if (m_finishing)
        return false;
    m_finishing = true;
    m_error = error;
    m_errorMessage = errorMessage;
    m_backendDetail = backendDetail;
    // Queued even when the outcome is known at once, so callers can always connect after the call returns.
    QMetaObject::invokeMethod(this, &SecretStoreJob::emitFinished, Qt::QueuedConnection);
    return true;
}

void SecretStoreJob::setSecret(const QByteArray &secret)
{
    SecureMemory::wipe(m_secret);
    m_secret = QByteArray(secret.constData(), secret.size());
}

void SecretStoreJob::emitFinished()
{
    const QPointer<SecretStoreJob> self(this);
    emit finished(this);
    if (self) // a receiver may have deleted the job despite the contract
        deleteLater();
}

} // namespace Dawiso
