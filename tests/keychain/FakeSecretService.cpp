#include "FakeSecretService.h"

#include <QDBusArgument>
#include <QDBusConnectionInterface>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QMutexLocker>

namespace {

// A secret as the Secret Service sends it, (oayays): the session, its parameters, the value and its content type.
struct WireSecret
{
    QDBusObjectPath session;
    QByteArray parameters;
    QByteArray value;
    QString contentType;
};

QDBusArgument &operator<<(QDBusArgument &argument, const WireSecret &secret)
{
    argument.beginStructure();
    argument << secret.session << secret.parameters << secret.value << secret.contentType;
    argument.endStructure();
    return argument;
}

const QDBusArgument &operator>>(const QDBusArgument &argument, WireSecret &secret)
{
    argument.beginStructure();
    argument >> secret.session >> secret.parameters >> secret.value >> secret.contentType;
    argument.endStructure();
    return argument;
}

using WireSecrets = QMap<QDBusObjectPath, WireSecret>;

} // namespace

Q_DECLARE_METATYPE(WireSecret)
Q_DECLARE_METATYPE(WireSecrets)

namespace Dawiso {

namespace {

const QString ServiceName = QStringLiteral("org.freedesktop.secrets");
const QString RootPath = QStringLiteral("/org/freedesktop/secrets");
const QString ServiceInterface = QStringLiteral("org.freedesktop.Secret.Service");
const QString CollectionInterface = QStringLiteral("org.freedesktop.Secret.Collection");
const QString ItemInterface = QStringLiteral("org.freedesktop.Secret.Item");
const QString PromptInterface = QStringLiteral("org.freedesktop.Secret.Prompt");
const QString PropertiesInterface = QStringLiteral("org.freedesktop.DBus.Properties");
const QString IsLocked = QStringLiteral("org.freedesktop.Secret.Error.IsLocked");
const QString NoSuchObject = QStringLiteral("org.freedesktop.Secret.Error.NoSuchObject");
const QDBusObjectPath NoPrompt(QStringLiteral("/"));

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

QList<QDBusObjectPath> pathsOf(const QVariant &value)
{
    QList<QDBusObjectPath> paths;
    if (value.canConvert<QDBusArgument>())
        value.value<QDBusArgument>() >> paths;
    return paths;
}

bool matches(const QMap<QString, QString> &attributes, const QMap<QString, QString> &wanted)
{
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (attributes.value(it.key()) != it.value())
            return false;
    }
    return true;
}

} // namespace

FakeSecretService::FakeSecretService(QObject *parent)
    : QDBusVirtualObject(parent)
    , m_connection(QString())
{
    qDBusRegisterMetaType<WireSecret>();
    qDBusRegisterMetaType<WireSecrets>();
}

bool FakeSecretService::registerOn(const QDBusConnection &connection)
{
    {
        const QMutexLocker locker(&m_mutex);
        m_connection = connection;
        m_held.clear(); // asked on a connection that is gone
    }
    return m_connection.registerVirtualObject(RootPath, this, QDBusConnection::SubPath)
        && m_connection.registerService(ServiceName);
}

void FakeSecretService::releaseConnection()
{
    const QMutexLocker locker(&m_mutex);
    m_connection.unregisterObject(RootPath, QDBusConnection::UnregisterTree);
    m_connection = QDBusConnection(QString());
    m_held.clear();
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

void FakeSecretService::setLocked(bool locked)
{
    const QMutexLocker locker(&m_mutex);
    m_locked = locked;
}

void FakeSecretService::setCorruptReads(bool corrupt)
{
    const QMutexLocker locker(&m_mutex);
    m_corruptReads = corrupt;
}

void FakeSecretService::addItem(const QMap<QString, QString> &attributes, const QByteArray &value)
{
    const QMutexLocker locker(&m_mutex);
    m_items.append({RootPath + QStringLiteral("/collection/login/%1").arg(m_nextItem++), attributes, value});
}

QList<QByteArray> FakeSecretService::storedValues(const QString &entryName) const
{
    const QMutexLocker locker(&m_mutex);
    QList<QByteArray> values;
    for (const Item &item : m_items) {
        if (item.attributes.value(QStringLiteral("user")) == entryName)
            values.append(item.value);
    }
    return values;
}

void FakeSecretService::clearItems()
{
    const QMutexLocker locker(&m_mutex);
    m_items.clear();
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
    if (message.interface() == PromptInterface && message.member() == QLatin1String("Prompt")) {
        // The prompt ends at once, dismissed: nobody entered the password.
        QDBusMessage completed =
            QDBusMessage::createSignal(message.path(), PromptInterface, QStringLiteral("Completed"));
        completed << true << QVariant::fromValue(QDBusVariant(QVariant::fromValue(QList<QDBusObjectPath>())));
        connection.send(completed);
    }
    return true;
}

QDBusMessage FakeSecretService::answerFor(const QDBusMessage &call)
{
    const QString interface = call.interface();
    const QString member = call.member();
    if (interface == PropertiesInterface && member == QLatin1String("GetAll"))
        return call.createReply(QVariant(QVariantMap()));
    if (interface == ServiceInterface && member == QLatin1String("OpenSession")) {
        // Only the unencrypted session: libsecret falls back to it when its Diffie-Hellman offer is refused.
        if (call.arguments().value(0).toString() != QLatin1String("plain"))
            return call.createErrorReply(QDBusError::NotSupported, QStringLiteral("Only plain sessions"));
        return call.createReply(
            QVariantList {QVariant::fromValue(QDBusVariant(QString())),
                          QVariant::fromValue(QDBusObjectPath(RootPath + QStringLiteral("/session/1")))});
    }
    if (interface == ServiceInterface && member == QLatin1String("SearchItems"))
        return searchItems(call);
    if (interface == ServiceInterface && member == QLatin1String("GetSecrets"))
        return getSecrets(call);
    if (interface == ServiceInterface && member == QLatin1String("Unlock"))
        return unlock(call);
    if (interface == CollectionInterface && member == QLatin1String("CreateItem"))
        return createItem(call);
    if (interface == ItemInterface && member == QLatin1String("Delete"))
        return deleteItem(call);
    if (interface == PromptInterface && member == QLatin1String("Prompt"))
        return call.createReply();
    return call.createErrorReply(QDBusError::UnknownMethod,
                                 QStringLiteral("Not provided by the fake: %1.%2").arg(interface, member));
}

QDBusMessage FakeSecretService::searchItems(const QDBusMessage &call) const
{
    const QMap<QString, QString> wanted = stringMapOf(call.arguments().value(0));
    QList<QDBusObjectPath> found;
    for (const Item &item : m_items) {
        if (matches(item.attributes, wanted))
            found.append(QDBusObjectPath(item.path));
    }
    const QList<QDBusObjectPath> none;
    return m_locked ? call.createReply(QVariantList {QVariant::fromValue(none), QVariant::fromValue(found)})
                    : call.createReply(QVariantList {QVariant::fromValue(found), QVariant::fromValue(none)});
}

QDBusMessage FakeSecretService::createItem(const QDBusMessage &call)
{
    if (m_locked)
        return call.createErrorReply(IsLocked, QStringLiteral("The collection is locked."));
    // (a{sv} properties, (oayays) secret, b replace); the attributes are a{ss} among the properties.
    QVariantMap properties;
    const QVariant first = call.arguments().value(0);
    if (first.canConvert<QDBusArgument>())
        first.value<QDBusArgument>() >> properties;
    const QMap<QString, QString> attributes =
        stringMapOf(properties.value(QStringLiteral("org.freedesktop.Secret.Item.Attributes")));
    WireSecret secret;
    const QVariant second = call.arguments().value(1);
    if (second.canConvert<QDBusArgument>())
        second.value<QDBusArgument>() >> secret;
    const bool replace = call.arguments().value(2).toBool();
    if (replace) {
        for (Item &item : m_items) {
            if (item.attributes == attributes) {
                item.value = secret.value;
                return call.createReply(
                    QVariantList {QVariant::fromValue(QDBusObjectPath(item.path)), QVariant::fromValue(NoPrompt)});
            }
        }
    }
    const QString path = RootPath + QStringLiteral("/collection/login/%1").arg(m_nextItem++);
    m_items.append({path, attributes, secret.value});
    return call.createReply(QVariantList {QVariant::fromValue(QDBusObjectPath(path)), QVariant::fromValue(NoPrompt)});
}

QDBusMessage FakeSecretService::getSecrets(const QDBusMessage &call) const
{
    if (m_locked)
        return call.createErrorReply(IsLocked, QStringLiteral("The items are locked."));
    const QList<QDBusObjectPath> paths = pathsOf(call.arguments().value(0));
    const QDBusObjectPath session = call.arguments().value(1).value<QDBusObjectPath>();
    WireSecrets secrets;
    for (const Item &item : m_items) {
        if (paths.contains(QDBusObjectPath(item.path)))
            secrets.insert(QDBusObjectPath(item.path),
                           {session, QByteArray(), valueAsRead(item), QStringLiteral("text/plain")});
    }
    return call.createReply(QVariant::fromValue(secrets));
}

QDBusMessage FakeSecretService::deleteItem(const QDBusMessage &call)
{
    if (m_locked)
        return call.createErrorReply(IsLocked, QStringLiteral("The item is locked."));
    for (qsizetype i = 0; i < m_items.size(); ++i) {
        if (m_items.at(i).path == call.path()) {
            m_items.removeAt(i);
            return call.createReply(QVariant::fromValue(NoPrompt));
        }
    }
    return call.createErrorReply(NoSuchObject, QStringLiteral("No such item."));
}

QDBusMessage FakeSecretService::unlock(const QDBusMessage &call)
{
    const QList<QDBusObjectPath> objects = pathsOf(call.arguments().value(0));
    if (!m_locked)
        return call.createReply(QVariantList {QVariant::fromValue(objects), QVariant::fromValue(NoPrompt)});
    const QDBusObjectPath prompt(RootPath + QStringLiteral("/prompt/u%1").arg(m_nextPrompt++));
    return call.createReply(QVariantList {QVariant::fromValue(QList<QDBusObjectPath>()), QVariant::fromValue(prompt)});
}

QByteArray FakeSecretService::valueAsRead(const Item &item) const
{
    QByteArray value = item.value;
    if (m_corruptReads && !value.isEmpty())
        value[0] = char(value.at(0) ^ 0x01);
    return value;
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
