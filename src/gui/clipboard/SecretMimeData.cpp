#include "clipboard/SecretMimeData.h"

#include "token/SecureMemory.h"

namespace Dawiso {

SecretMimeData::SecretMimeData(const QByteArray &secret)
    : m_secret(secret.constData(), secret.size()) // a buffer of our own, not the caller's
    , m_text(QString::fromUtf8(secret))
{
    setText(m_text);
    // KDE's Klipper, GNOME extensions and most Linux/BSD clipboard managers skip entries with this hint.
    setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    // macOS clipboard managers (per nspasteboard.org) skip items that carry org.nspasteboard.ConcealedType; its
    // payload is the secret itself, as KeePassXC sends it.
    setData(QStringLiteral("application/x-nspasteboard-concealed-type"), m_secret);
    // Windows: the presence of this format keeps clipboard monitors away (KeePassXC #2358) ...
    setData(QStringLiteral("ExcludeClipboardContentFromMonitorProcessing"), QByteArrayLiteral("1"));
    // ... and these DWORD 0 values keep the secret out of Win+V clipboard history and the cloud clipboard, which
    // would otherwise keep it after we clear the clipboard and sync it to the user's other devices.
    const QByteArray dwordZero(4, '\0');
    setData(QStringLiteral("CanIncludeInClipboardHistory"), dwordZero);
    setData(QStringLiteral("CanUploadToCloudClipboard"), dwordZero);
}

SecretMimeData::~SecretMimeData()
{
    // QMimeData's copies go first, so that ours are the last owners and are zeroed, not merely released.
    clear();
    SecureMemory::wipe(m_secret);
    SecureMemory::wipe(m_text);
}

} // namespace Dawiso
