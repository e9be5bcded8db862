#include "clipboard/StoredSecretCopier.h"

#include "clipboard/SecretClipboard.h"
#include "secrets/SecretStoreJob.h"
#include "token/SecureMemory.h"

namespace Dawiso {

StoredSecretCopier::StoredSecretCopier(QObject *parent)
    : QObject(parent)
    , m_clipboard(new SecretClipboard(this))
{
    connect(m_clipboard, &SecretClipboard::secondsLeftChanged, this, [this](int seconds) {
        emit statusChanged(tr("The %1 is on the clipboard for %n more second(s). Paste it into Dawiso now.",
                              "the noun: key or token", seconds)
                               .arg(m_what));
    });
    connect(m_clipboard, &SecretClipboard::cleared, this, [this] {
        emit statusChanged(
            tr("The clipboard was cleared. Copy the %1 again if needed.", "the noun: key or token").arg(m_what));
    });
    connect(m_clipboard, &SecretClipboard::replacedByOther, this, [this] {
        emit statusChanged(
            tr("You copied something else, so the %1 is no longer on the clipboard.", "the noun: key or token")
                .arg(m_what));
    });
}

void StoredSecretCopier::copy(SecretStoreJob *read, const QString &what)
{
    m_reading = true;
    m_what = what;
    connect(read, &SecretStoreJob::finished, this, &StoredSecretCopier::onRead);
}

void StoredSecretCopier::onRead(SecretStoreJob *job)
{
    m_reading = false;
    if (job->error() != SecretStoreError::None) {
        emit failed({tr("The %1 could not be read from the keychain.", "the noun: key or token").arg(m_what),
                     job->errorMessage(), job->backendDetail()});
        return;
    }
    QByteArray secret = job->secret();
    m_clipboard->copySecret(secret);
    SecureMemory::wipe(secret);
    emit copied();
}

} // namespace Dawiso
