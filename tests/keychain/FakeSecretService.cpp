#include "FakeSecretService.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QMutexLocker>

namespace Dawiso {

namespace {

const QString ServiceName = QStringLiteral("org.freedesktop.secrets");
const QString RootPath = QStringLiteral("/org/freedesktop/secrets");
const QString ServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
const QString CollectionInterface = QStringLiteral("org.freedesktop.Secret.Collection");
const QString PropertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");

bool isItemRequest(const QDBusMessage &call)
{
    return (call.interface() == ServiceInterface && call.member() == QLatin1String("SearchItems"))
        || (call.interface() == CollectionInterface && call.member() == QLatin1String("CreateItem"));
}

QMap<QString, QString> stringMapOf(const QVariant &value)
{
    QMap<QString, QString> map;
    if (value.canConvert<QDBusArgument>())
        value.value<QDBusArgument>() >> map;
    return map;
}

} // namespace

FakeSecretService::FakeSecretService(QObject *parent)
    : QDBusVirtualObject(parent)
    , m_connection(QString())
{ }

bool FakeSecretService::registerOn(const QDBusConnection &connection)
{
    {
        const QMutexLocker locker(&m_mutex);
        m_connection = connection;
    }
    return m_connection.registerVirtualObject(RootPath, this, QDBusConnection::SubPath)
        && m_connection.registerService(ServiceName);
}

void FakeSecretService::setHoldRequests(bool hold)
{
    const QMutexLocker locker(&m_mutex);
    m_hold = hold;
}

void FakeSecretService::answerHeldRequests()
{
    const QMutexLocker locker(&m_mutex);
    for (const QDBusMessage &call : std::as_const(m_held))
        m_connection.send(answerFor(call));
    m_held.clear();
}

int FakeSecretService::heldRequestCount() const
{
    const QMutexLocker locker(&m_mutex);
    return static_cast<int>(m_held.size());
}

QStringList FakeSecretService::requestedEntries() const
{
    const QMutexLocker locker(&m_mutex);
    return m_requestedEntries;
}

QString FakeSecretService::introspect(const QString &) const
{
    return QString(); // libsecret does not introspect
}

bool FakeSecretService::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    if (message.type() != QDBusMessage::MethodCallMessage)
        return false;
    const QMutexLocker locker(&m_mutex);
    if (isItemRequest(message)) {
        m_requestedEntries.append(entryNameOf(message));
        if (m_hold) {
            m_held.append(message);
            return true;
        }
    }
    connection.send(answerFor(message));
    return true;
}

QDBusMessage FakeSecretService::answerFor(const QDBusMessage &call)
{
    const QString member = call.member();
    if (call.interface() == PropertiesInterface && member == QLatin1String("GetAll"))
        return call.createReply(QVariant(QVariantMap()));
    if (call.interface() == ServiceInterface && member == QLatin1String("OpenSession")) {
        // Only the unencrypted session: libsecret falls back to it when its Diffie-Hellman offer is refused.
        if (call.arguments().value(0).toString() != QLatin1String("plain"))
            return call.createErrorReply(QDBusError::NotSupported, QStringLiteral("Only plain sessions"));
        return call.createReply(
            QVariantList {QVariant::fromValue(QDBusVariant(QString())),
                          QVariant::fromValue(QDBusObjectPath(RootPath + QStringLiteral("/session/1")))});
    }
    if (call.interface() == ServiceInterface && member == QLatin1String("SearchItems")) {
        const QList<QDBusObjectPath> none;
        return call.createReply(QVariantList {QVariant::fromValue(none), QVariant::fromValue(none)});
    }
    if (call.interface() == CollectionInterface && member == QLatin1String("CreateItem")) {
        return call.createReply(
            QVariantList {QVariant::fromValue(QDBusObjectPath(RootPath + QStringLiteral("/collection/login/1"))),
                          QVariant::fromValue(QDBusObjectPath(QStringLiteral("/")))});
    }
    return call.createErrorReply(QDBusError::UnknownMethod,
                                 QStringLiteral("Not provided by the fake: %1.%2").arg(call.interface(), member));
}

QString FakeSecretService::entryNameOf(const QDBusMessage &call)
{
    const QVariant first = call.arguments().value(0);
    if (call.member() == QLatin1String("SearchItems"))
        return stringMapOf(first).value(QStringLiteral("user"));
    // CreateItem: a{sv} properties, among them the attributes as a{ss}.
    QVariantMap properties;
    if (first.canConvert<QDBusArgument>())
        first.value<QDBusArgument>() >> properties;
    return stringMapOf(properties.value(QStringLiteral("org.freedesktop.Secret.Item.Attributes")))
        .value(QStringLiteral("user"));
}

} // namespace Dawiso
