#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace Dawiso {

// Whether the Secret Service (org.freedesktop.secrets, on the session bus) holds an entry QtKeychain stored, locked.
// libsecret tells a locked entry whose unlock prompt was dismissed apart from no entry at all neither when reading
// it (no secret, no error) nor when deleting it (locked items are skipped, no error); this asks the Secret Service
// itself. Linux and the other Secret Service platforms only.
class SecretServiceLockCheck
{
public:
    // Calls done(true) when an item of service and entryName is listed as locked, done(false) when not or when the
    // Secret Service cannot be asked; never before returning, and not at all once context is gone.
    static void start(const QString &service, const QString &entryName, QObject *context,
                      const std::function<void(bool locked)> &done);
};

} // namespace Dawiso
