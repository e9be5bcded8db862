#include "secrets/SecretServiceLockCheck.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusMetaType>
#include <QDBusObjectPath>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QMap>

namespace Dawiso {

void SecretServiceLockCheck::start(const QString &service, const QString &entryName, QObject *context,
                                   const std::function<void(bool locked)> &done)
{
    qDBusRegisterMetaType<QMap<QString, QString>>();
    QDBusMessage search = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets"),
        QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("SearchItems"));
    // QtKeychain's own attributes for the entry, whichever way (text or binary) it was stored.
    const QMap<QString, QString> attributes {{QStringLiteral("user"), entryName}, {QStringLiteral("server"), service}};
    search << QVariant::fromValue(attributes);
    auto *watcher = new QDBusPendingCallWatcher(QDBusConnection::sessionBus().asyncCall(search), context);
    QObject::connect(watcher, &QDBusPendingCallWatcher::finished, context, [done](QDBusPendingCallWatcher *call) {
        call->deleteLater();
        const QDBusPendingReply<QList<QDBusObjectPath>, QList<QDBusObjectPath>> reply = *call;
        done(!reply.isError() && !reply.argumentAt<1>().isEmpty());
    });
}

} // namespace Dawiso
