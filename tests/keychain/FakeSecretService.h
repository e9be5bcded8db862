#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QList>
#include <QMap>
#include <QMutex>
#include <QStringList>

namespace Dawiso {

// Just enough of the freedesktop Secret Service (org.freedesktop.secrets) for libsecret to store, look up and clear
// items, kept in memory only (never printed), with switches for the faults a real keychain has: requests left
// unanswered (an unlock prompt nobody answers, a hung daemon), a locked keyring whose unlock prompt is dismissed,
// and a keyring that gives back something other than what was stored. It records which entries were asked for, so a
// test can tell which jobs reached the keychain.
class FakeSecretService : public QDBusVirtualObject
{
    Q_OBJECT

public:
    explicit FakeSecretService(QObject *parent = nullptr);

    // Takes the bus name and the object tree on connection; false when that fails. Requests held on an earlier
    // connection are dropped.
    bool registerOn(const QDBusConnection &connection);

    // Lets go of the connection, so that QDBusConnection::disconnectFromBus() closes it: the daemon is gone, and the
    // bus answers what it held with an error. Register on a new connection to come back.
    void releaseConnection();

    // While holding, SearchItems and CreateItem (the requests that name an entry) get no answer.
    void setHoldRequests(bool hold);
    // Answers the held requests as the keyring would.
    void answerHeldRequests();
    int heldRequestCount() const;
    // The "user" attribute (QtKeychain's entry name) of every item request, in arrival order.
    QStringList requestedEntries() const;

    // A locked keyring: its items are listed as locked, creating or deleting one is refused as locked, and every
    // unlock prompt is dismissed, as when nobody enters the password.
    void setLocked(bool locked);
    // Secrets are read back with their first byte changed.
    void setCorruptReads(bool corrupt);
    // An item as an earlier run (or another program) left it: the attributes it matches and its stored value.
    void addItem(const QMap<QString, QString> &attributes, const QByteArray &value);
    // The stored values of the items whose "user" attribute is entryName, in the order they were created.
    QList<QByteArray> storedValues(const QString &entryName) const;
    void clearItems();

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

private:
    struct Item
    {
        QString path;
        QMap<QString, QString> attributes;
        QByteArray value;
    };

    QDBusMessage answerFor(const QDBusMessage &call);
    QDBusMessage searchItems(const QDBusMessage &call) const;
    QDBusMessage createItem(const QDBusMessage &call);
    QDBusMessage getSecrets(const QDBusMessage &call) const;
    QDBusMessage deleteItem(const QDBusMessage &call);
    QDBusMessage unlock(const QDBusMessage &call);
    QByteArray valueAsRead(const Item &item) const;
    static QString entryNameOf(const QDBusMessage &call);

    mutable QMutex m_mutex;
    QDBusConnection m_connection;
    bool m_hold = false;
    bool m_locked = false;
    bool m_corruptReads = false;
    QList<QDBusMessage> m_held;
    QStringList m_requestedEntries;
    QList<Item> m_items;
    int m_nextItem = 1;
    int m_nextPrompt = 1;
};

} // namespace Dawiso
