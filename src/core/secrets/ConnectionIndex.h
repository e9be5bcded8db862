#pragma once

#include "secrets/SavedConnection.h"

#include <QList>

#include <optional>

class QSettings;

namespace Dawiso {

// The non-secret index of saved connections, kept in QSettings. It never holds a key or token: those live in the
// keychain only. One entry per (kind, host); hosts compare case-insensitively and are stored lowercased.
class ConnectionIndex
{
public:
    // settings is not owned and must outlive the index; tests pass a QSettings on a temporary file.
    explicit ConnectionIndex(QSettings *settings);

    // Sorted by host, then kind. Entries that cannot be read (unknown kind, no host) are skipped.
    QList<SavedConnection> connections() const;
    std::optional<SavedConnection> find(DeploymentKind kind, const QString &hostAndPort) const;
    // Adds the connection or replaces the one with the same kind and host. An invalid savedAt becomes now.
    void upsert(const SavedConnection &connection);
    void remove(DeploymentKind kind, const QString &hostAndPort);
    // Remembers how the last check of that connection ended and when; nothing happens when it is not saved.
    void recordCheck(DeploymentKind kind, const QString &hostAndPort, SavedConnection::LastCheck result,
                     const QDateTime &checkedAt);

    // The identifiers of LastCheck in the index and in `list --format json`: "usable", "blocked", "unreachable", "".
    static QString lastCheckId(SavedConnection::LastCheck result);
    static SavedConnection::LastCheck lastCheckFromId(const QString &id);

private:
    void writeAll(const QList<SavedConnection> &connections);

    QSettings *m_settings;
};

} // namespace Dawiso
