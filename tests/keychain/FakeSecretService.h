#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QList>
#include <QMutex>
#include <QStringList>

namespace Dawiso {

// Just enough of the freedesktop Secret Service (org.freedesktop.secrets) for libsecret to store, look up and clear
// an item, with a switch to leave the item requests unanswered: a keychain that hangs, for example because an unlock
// prompt is open. It records which entries were asked for, so a test can tell which jobs reached the keychain.
// Nothing is stored: lookups find nothing, stores succeed. Secrets that arrive are neither kept nor printed.
class FakeSecretService : public QDBusVirtualObject
{
    Q_OBJECT

public:
    explicit FakeSecretService(QObject *parent = nullptr);

    // Takes the bus name and the object tree on connection; false when that fails.
    bool registerOn(const QDBusConnection &connection);

    // While holding, SearchItems and CreateItem (the requests that name an entry) get no answer.
    void setHoldRequests(bool hold);
    // Answers the held requests as a working, empty keyring would.
    void answerHeldRequests();
    int heldRequestCount() const;
    // The "user" attribute (QtKeychain's entry name) of every item request, in arrival order.
    QStringList requestedEntries() const;

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

private:
    static QDBusMessage answerFor(const QDBusMessage &call);
    static QString entryNameOf(const QDBusMessage &call);

    mutable QMutex m_mutex;
    QDBusConnection m_connection;
    bool m_hold = false;
    QList<QDBusMessage> m_held;
    QStringList m_requestedEntries;
};

} // namespace Dawiso
