#pragma once

#include "secrets/SecretStoreError.h"

#include <QByteArray>
#include <QObject>
#include <QString>

namespace Dawiso {

// One asynchronous keychain operation. finished() is always emitted exactly once, from the event loop (never from
// inside the call that created the job), and the job deletes itself right after finished() returns: do not delete it
// and do not keep the pointer beyond the slot.
class SecretStoreJob : public QObject
{
    Q_OBJECT

public:
    ~SecretStoreJob() override;

    SecretStoreError error() const { return m_error; }
    // Plain words with the fix, empty when there is no error. Never contains the secret.
    QString errorMessage() const { return m_errorMessage; }
    // The backend's own text (for a "details" expander and for support). Never contains the secret.
    QString backendDetail() const { return m_backendDetail; }
    // Read jobs: the secret. The job's buffer is wiped when the job is destroyed; a caller that keeps a copy
    // owns that copy and wipes it when done.
    QByteArray secret() const { return m_secret; }
    // True once the outcome is known; finished() may still be pending.
    bool isFinished() const { return m_finishing; }

signals:
    void finished(Dawiso::SecretStoreJob *job);

protected:
    explicit SecretStoreJob(QObject *parent = nullptr);

    // Records the outcome and schedules finished() and deleteLater() on the event loop. Only the first call counts,
    // so that a timeout and a late answer can never both report; returns whether this call was the first.
    bool finish(SecretStoreError error, const QString &errorMessage = QString(),
                const QString &backendDetail = QString());
    // Takes a private copy, so that wiping it later never changes the caller's buffer.
    void setSecret(const QByteArray &secret);

private:
    void emitFinished();

    SecretStoreError m_error = SecretStoreError::None;
    QString m_errorMessage;
    QString m_backendDetail;
    QByteArray m_secret;
    bool m_finishing = false;
};

} // namespace Dawiso
