#include "secrets/SecretStoreMessages.h"

#include <algorithm>

namespace Dawiso {

QString SecretStoreMessages::forError(SecretStoreError error, SecretStoreOperation operation)
{
    const QString suffix =
        operation == SecretStoreOperation::Write ? QLatin1Char(' ') + notSavedElsewhere() : QString();
    switch (error) {
    case SecretStoreError::None:
        return QString();
    case SecretStoreError::NotFound:
        return tr("No key is saved in your computer's keychain for this connection. Enter the key again to save it.");
    case SecretStoreError::Unavailable:
        return unavailable() + suffix;
    case SecretStoreError::AccessDenied:
        return accessDenied() + suffix;
    case SecretStoreError::TimedOut:
        return tr("Your computer's keychain did not answer in time. If a password prompt is open, answer it; "
                  "otherwise sign out of your computer and back in to restart the keychain, then try again.");
    case SecretStoreError::TooLarge:
        return tr("The key is too large for your computer's keychain, so it was not saved. Check that you copied "
                  "only the key, then try again.");
    case SecretStoreError::Failed:
        return failed(operation) + suffix;
    }
    return failed(operation) + suffix;
}

QString SecretStoreMessages::timedOut(std::chrono::milliseconds timeout)
{
    // Rounded up, so that a short limit never reads "within 0 seconds".
    const int seconds = static_cast<int>(std::max<qint64>(1, (timeout.count() + 999) / 1000));
    return tr("The keychain did not answer within %n second(s). If a password prompt is open, answer it; otherwise "
              "sign out of your computer and back in to restart the keychain, then try again.",
              nullptr, seconds);
}

QString SecretStoreMessages::tooLarge(qsizetype size, qsizetype limit)
{
    return tr("The key is too large for your computer's keychain (%1 bytes; at most %2 bytes fit), so it was not "
              "saved. Check that you copied only the key, then try again.")
        .arg(size)
        .arg(limit);
}

QString SecretStoreMessages::emptySecret()
{
    return tr("There is no key to save. Enter the key, then try again.");
}

QString SecretStoreMessages::invalidEntryName()
{
    return tr("The wizard could not name the keychain entry for this connection. Go back, check the Qlik host, then "
              "try again.");
}

QString SecretStoreMessages::unavailable()
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager is not available. Make sure you are signed in to Windows with your own "
              "user account, then try again.");
#elif defined(Q_OS_MACOS)
    return tr("The macOS Keychain is not available. Make sure you are signed in to your own macOS user account, "
              "then try again.");
#else
    return tr("Your computer's keychain (Secret Service) is not available. Install and unlock GNOME Keyring or "
              "KWallet, then try again.");
#endif
}

QString SecretStoreMessages::accessDenied()
{
#if defined(Q_OS_WIN)
    return tr("Windows Credential Manager refused access. Sign in to Windows with your own account (not a guest or "
              "restricted account), then try again.");
#elif defined(Q_OS_MACOS)
    return tr("The macOS Keychain is locked or refused access. Unlock your login keychain and click \"Allow\" when "
              "macOS asks, then try again.");
#else
    return tr("Your computer's keychain (Secret Service) is locked or refused access. Unlock GNOME Keyring or "
              "KWallet (enter your login password when asked) and allow access, then try again.");
#endif
}

QString SecretStoreMessages::failed(SecretStoreOperation operation)
{
    switch (operation) {
    case SecretStoreOperation::Write:
        return tr("The key could not be saved in your computer's keychain. Try again; if it keeps failing, restart "
                  "your computer and check that the keychain works.");
    case SecretStoreOperation::Read:
        return tr("The saved key could not be read from your computer's keychain. Try again; if it keeps failing, "
                  "restart your computer and check that the keychain works.");
    case SecretStoreOperation::Delete:
        return tr("The saved key could not be removed from your computer's keychain. Try again; if it keeps failing, "
                  "restart your computer and check that the keychain works.");
    }
    return QString();
}

QString SecretStoreMessages::notSavedElsewhere()
{
    return tr("The key was not saved anywhere else.");
}

} // namespace Dawiso
