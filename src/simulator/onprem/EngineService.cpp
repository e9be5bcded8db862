#include "simulator/onprem/EngineService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkRequest>
#include <QUrlQuery>
#include <QWebSocket>

namespace Dawiso::Simulator {

namespace {

// The handle of the one app a socket may open; the global object's is -1.
constexpr int globalHandle = -1;
constexpr int docHandle = 1;

QJsonObject error(int code, const QString &message)
{
    return {{QStringLiteral("error"),
             QJsonObject {{QStringLiteral("code"), code},
                          {QStringLiteral("parameter"), QString()},
                          {QStringLiteral("message"), message}}}};
}

QJsonObject methodNotFound()
{
    return {{QStringLiteral("error"),
             QJsonObject {{QStringLiteral("code"), -32601},
                          {QStringLiteral("message"), QStringLiteral("Method not found")}}}};
}

QJsonObject result(const QJsonObject &value)
{
    return {{QStringLiteral("result"), value}};
}

QByteArray notification(const QString &method)
{
    const QJsonObject params = method == QLatin1String("OnConnected")
        ? QJsonObject {{QStringLiteral("qSessionState"), QStringLiteral("SESSION_CREATED")}}
        : QJsonObject {};
    return QJsonDocument(QJsonObject {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                      {QStringLiteral("method"), method},
                                      {QStringLiteral("params"), params}})
        .toJson(QJsonDocument::Compact);
}

// A parameter by name, or by its place when the client sends them as an array (Qlik accepts both).
QJsonValue param(const QJsonValue &params, const QString &name, int position)
{
    if (params.isArray())
        return params.toArray().at(position);
    return params.toObject().value(name);
}

// "/<prefix>/app/<id>" or "/app/<id>": the virtual proxy's prefix, or nullopt for any other path.
std::optional<QString> prefixOf(const QString &path)
{
    const QStringList parts = path.split(u'/', Qt::SkipEmptyParts);
    if (parts.size() == 2 && parts.at(0) == QLatin1String("app"))
        return QString();
    if (parts.size() == 3 && parts.at(1) == QLatin1String("app"))
        return parts.at(0);
    return std::nullopt;
}

QString scriptOf(const SiteApp &app)
{
    return QStringLiteral("///$tab Main\r\nSET ThousandSep=',';\r\nSET DecimalSep='.';\r\n\r\n"
                          "///$tab Load\r\n// %1\r\nFacts:\r\nLOAD * FROM [lib://Data/%1.qvd] (qvd);\r\n")
        .arg(app.name);
}

} // namespace

QString EngineService::forbiddenReason()
{
    return QStringLiteral("403 Forbidden: Cross-Site Websocket Hijacking attack prevention check failed");
}

QString EngineService::restartingReason()
{
    return QStringLiteral("503 Service Unavailable: The proxy is restarting.");
}

EngineService::EngineService(const SiteDirectory &directory, SiteAccess access, QObject *parent)
    : QObject(parent)
    , m_directory(directory)
    , m_access(std::move(access))
{ }

EngineService::~EngineService()
{
    // The sockets are children: they go with the service, without their signals reaching it half-destroyed.
    const QList<QWebSocket *> sockets = findChildren<QWebSocket *>(Qt::FindDirectChildrenOnly);
    for (QWebSocket *socket : sockets)
        socket->disconnect(this);
}

void EngineService::accept(std::unique_ptr<QWebSocket> owned)
{
    QWebSocket *socket = owned.release();
    socket->setParent(this);
    connect(socket, &QWebSocket::disconnected, this, [this, socket] { drop(socket); });

    const QNetworkRequest request = socket->request();
    const std::optional<QString> prefix = prefixOf(request.url().path());
    if (!prefix) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("404 Not Found"));
        return;
    }
    if (m_access.proxyRestarting && m_access.proxyRestarting()) {
        socket->close(QWebSocketProtocol::CloseCodeGoingAway, restartingReason());
        return;
    }
    Handshake handshake;
    handshake.prefix = *prefix;
    handshake.cookieHeader = request.rawHeader("Cookie");
    handshake.csrfToken =
        QUrlQuery(request.url()).queryItemValue(QStringLiteral("qlik-csrf-token"), QUrl::FullyDecoded);
    handshake.origin = QString::fromLatin1(request.rawHeader("Origin"));
    handshake.hasAuthorization = request.hasRawHeader("Authorization");
    const std::optional<Caller> caller = m_refusingHandshakes ? std::optional<Caller>() : m_access.admit(handshake);
    if (!caller) {
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, forbiddenReason());
        return;
    }
    if (!m_access.hasAccessAllocation(*caller)) {
        socket->sendTextMessage(QString::fromUtf8(notification(QStringLiteral("OnLicenseAccessDenied"))));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("License access denied"));
        return;
    }
    if (m_access.liveSessionCount(*caller) > sessionBudget) {
        socket->sendTextMessage(QString::fromUtf8(notification(QStringLiteral("OnMaxParallelSessionsExceeded"))));
        socket->close(QWebSocketProtocol::CloseCodePolicyViolated, QStringLiteral("Too many parallel sessions"));
        return;
    }
    m_sockets.insert(socket, Connection {*caller, {}});
    connect(socket, &QWebSocket::textMessageReceived, this,
            [this, socket](const QString &message) { answer(socket, message); });
    socket->sendTextMessage(QString::fromUtf8(notification(QStringLiteral("OnConnected"))));
}

void EngineService::drop(QWebSocket *socket)
{
    m_sockets.remove(socket);
    socket->deleteLater();
}

void EngineService::answer(QWebSocket *socket, const QString &message)
{
    auto connection = m_sockets.find(socket);
    if (connection == m_sockets.end())
        return;
    const QJsonObject request = QJsonDocument::fromJson(message.toUtf8()).object();
    QJsonObject reply = request.isEmpty()
        ? error(-32700, QStringLiteral("Parse error"))
        : call(*connection, request.value(QStringLiteral("handle")).toInt(globalHandle),
               request.value(QStringLiteral("method")).toString(), request.value(QStringLiteral("params")));
    reply.insert(QStringLiteral("jsonrpc"), QStringLiteral("2.0"));
    reply.insert(QStringLiteral("id"), request.value(QStringLiteral("id")));
    socket->sendTextMessage(QString::fromUtf8(QJsonDocument(reply).toJson(QJsonDocument::Compact)));
}

QJsonObject EngineService::call(Connection &connection, int handle, const QString &method,
                                const QJsonValue &params) const
{
    if (handle == globalHandle && method == QLatin1String("OpenDoc")) {
        const QString appId = param(params, QStringLiteral("qDocName"), 0).toString();
        const auto found = std::find_if(m_directory.apps.cbegin(), m_directory.apps.cend(),
                                        [&appId](const SiteApp &app) { return app.id == appId; });
        if (found == m_directory.apps.cend())
            return error(1003, QStringLiteral("App not found"));
        if (!m_access.hubAppIds(connection.caller).contains(appId))
            return error(5, QStringLiteral("Access denied"));
        connection.openedAppId = appId;
        return result({{QStringLiteral("qReturn"),
                        QJsonObject {{QStringLiteral("qType"), QStringLiteral("Doc")},
                                     {QStringLiteral("qHandle"), docHandle},
                                     {QStringLiteral("qGenericId"), appId}}}});
    }
    // The methods of an opened app exist only on its handle.
    const auto app = std::find_if(m_directory.apps.cbegin(), m_directory.apps.cend(),
                                  [&connection](const SiteApp &each) { return each.id == connection.openedAppId; });
    if (handle != docHandle || app == m_directory.apps.cend())
        return methodNotFound();
    if (method == QLatin1String("GetAppLayout")) {
        return result({{QStringLiteral("qLayout"),
                        QJsonObject {{QStringLiteral("qTitle"), app->name},
                                     {QStringLiteral("qFileName"), app->id},
                                     {QStringLiteral("qLastReloadTime"), app->modifiedDate},
                                     {QStringLiteral("qHasScript"), true}}}});
    }
    if (method == QLatin1String("GetScriptEx"))
        return result({{QStringLiteral("qScript"), scriptOf(*app)}});
    if (method == QLatin1String("GetScript")) {
        const SiteUser *user = m_directory.user(connection.caller.userDirectory, connection.caller.userId);
        if (!user || user->id != app->ownerId)
            return error(5, QStringLiteral("Access denied"));
        return result({{QStringLiteral("qScript"), scriptOf(*app)}});
    }
    return methodNotFound();
}

} // namespace Dawiso::Simulator
