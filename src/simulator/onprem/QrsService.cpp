#include "simulator/onprem/QrsService.h"

#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

using Lookup = QrsFilterParser::PropertyLookup;

const QString modifiedBy = QStringLiteral("INTERNAL\\sa_repository");
// What the QRS writes as the publish time of an app that was never published.
const QString neverPublished = QStringLiteral("1753-01-01T00:00:00.000Z");

SimResponse emptyAnswer(int status)
{
    return SimResponse {status, {}, {}, {}};
}

SimResponse jsonArray(const QJsonArray &array)
{
    return SimResponse::json(200, QJsonDocument(array).toJson(QJsonDocument::Compact));
}

bool named(const QString &property, QLatin1String name)
{
    return property.compare(name, Qt::CaseInsensitive) == 0;
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// Every entry the caller may see and the filter selects, as a full list or as {"value": count}. A filter naming a
// property the entity does not have is a 400, as the QRS answers it.
template <typename T, typename Visible, typename Property, typename ToJson>
SimResponse listing(const QList<T> &entries, const QList<QrsFilterParser::Condition> &filter, bool count,
                    Visible visible, Property property, ToJson toJson)
{
    const T blank {};
    if (!QrsFilterParser::knowsEveryProperty(filter, [&](const QString &name) { return property(blank, name); }))
        return emptyAnswer(400);
    QJsonArray items;
    int matching = 0;
    for (const T &entry : entries) {
        if (!visible(entry)
            || !QrsFilterParser::matches(filter, [&](const QString &name) { return property(entry, name); }))
            continue;
        ++matching;
        if (!count)
            items.append(toJson(entry));
    }
    if (count)
        return SimResponse::json(200, QJsonObject {{QStringLiteral("value"), matching}});
    return jsonArray(items);
}

std::optional<QString> commonProperty(const QString &id, const QString &name, const QString &property)
{
    if (named(property, QLatin1String("id")))
        return id;
    if (named(property, QLatin1String("name")))
        return name;
    return std::nullopt;
}

} // namespace

QrsService::QrsService(SiteDirectory &directory)
    : m_directory(directory)
{ }

SimResponse QrsService::inactiveUser()
{
    return SimResponse {403,
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}},
                        "Your account is inactive. Contact your administrator to activate it.",
                        {}};
}

void QrsService::setForbidden(const QString &qrsPathPrefix, bool forbidden)
{
    if (forbidden)
        m_forbidden.insert(qrsPathPrefix.toLower());
    else
        m_forbidden.remove(qrsPathPrefix.toLower());
}

bool QrsService::isForbidden(const QString &path) const
{
    const QString lower = path.toLower();
    return std::any_of(m_forbidden.cbegin(), m_forbidden.cend(),
                       [&lower](const QString &prefix) { return lower.startsWith(prefix); });
}

bool QrsService::hasValidXrfkey(const SimRequest &request)
{
    static const QRegularExpression shape(QStringLiteral("^[0-9a-zA-Z]{16}$"));
    const auto items = request.query.queryItems(QUrl::FullyDecoded);
    const auto parameter = std::find_if(items.cbegin(), items.cend(), [](const auto &item) {
        return item.first.compare(QLatin1String("xrfkey"), Qt::CaseInsensitive) == 0;
    });
    return parameter != items.cend() && shape.match(parameter->second).hasMatch()
        && request.header("X-Qlik-Xrfkey") == parameter->second.toLatin1();
}

std::optional<SiteUser> QrsService::repositoryCaller(const SimRequest &request) const
{
    const QByteArray header = request.header("X-Qlik-User");
    if (header.isEmpty()) {
        const SiteUser *service = m_directory.user(QStringLiteral("INTERNAL"), QStringLiteral("sa_repository"));
        return service ? *service : SiteUser {{},
                                              QStringLiteral("INTERNAL"),
                                              QStringLiteral("sa_repository"),
                                              {},
                                              {QStringLiteral("RootAdmin")},
                                              false,
                                              {},
                                              {},
                                              {}};
    }
    QString directory;
    QString userId;
    for (const QByteArray &part : header.split(';')) {
        const qsizetype equals = part.indexOf('=');
        if (equals < 0)
            return std::nullopt;
        const QString name = QString::fromLatin1(part.left(equals).trimmed());
        const QString value = QUrl::fromPercentEncoding(part.mid(equals + 1).trimmed());
        if (named(name, QLatin1String("UserDirectory")))
            directory = value;
        else if (named(name, QLatin1String("UserId")))
            userId = value;
    }
    if (directory.isEmpty() || userId.isEmpty())
        return std::nullopt;
    if (const SiteUser *known = m_directory.user(directory, userId))
        return *known;
    return SiteUser {{}, directory, userId, userId, {}, false, {}, {}, {}};
}

SimResponse QrsService::answerRepository(const SimRequest &request) const
{
    if (!hasValidXrfkey(request))
        return emptyAnswer(400);
    const std::optional<SiteUser> caller = repositoryCaller(request);
    if (!caller)
        return emptyAnswer(400);
    if (caller->inactive)
        return inactiveUser();
    return isForbidden(request.path) ? emptyAnswer(403) : route(request, request.path, *caller);
}

SimResponse QrsService::answer(const SimRequest &request, const QString &qrsPath, const SiteUser &caller) const
{
    if (!hasValidXrfkey(request))
        return emptyAnswer(400);
    if (caller.inactive)
        return inactiveUser();
    return isForbidden(qrsPath) ? emptyAnswer(403) : route(request, qrsPath, caller);
}

SimResponse QrsService::route(const SimRequest &request, const QString &path, const SiteUser &caller) const
{
    QString lower = path.toLower();
    while (lower.size() > 1 && lower.endsWith(u'/'))
        lower.chop(1);
    if (!lower.startsWith(QLatin1String("/qrs/")))
        return emptyAnswer(404);
    if (request.method != "GET")
        return emptyAnswer(405);
    if (lower == u"/qrs/about") {
        return SimResponse::json(
            200,
            QJsonObject {{QStringLiteral("buildVersion"), QStringLiteral("31.22.7.0")},
                         {QStringLiteral("buildDate"), QStringLiteral("11/12/2024 2:15:00 PM")},
                         {QStringLiteral("databaseProvider"), QStringLiteral("Devart.Data.PostgreSql")},
                         {QStringLiteral("nodeType"), 1},
                         {QStringLiteral("sharedPersistence"), true},
                         {QStringLiteral("requiresBootstrap"), false},
                         {QStringLiteral("singleNodeOnly"), false},
                         {QStringLiteral("schemaPath"), QStringLiteral("About")}});
    }

    const std::optional<QList<QrsFilterParser::Condition>> filter =
        QrsFilterParser::parse(request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded));
    if (!filter)
        return emptyAnswer(400);
    if (lower == u"/qrs/app/hublist/full")
        return apps({*filter, false}, caller, true);
    const qsizetype slash = lower.lastIndexOf(u'/');
    const QString entity = lower.mid(5, slash - 5);
    const QString kind = lower.mid(slash + 1);
    if (slash <= 5 || (kind != u"full" && kind != u"count"))
        return emptyAnswer(404);
    const Query query {*filter, kind == u"count"};
    if (entity == u"user")
        return users(query, caller);
    if (entity == u"stream")
        return streams(query, caller);
    if (entity == u"app")
        return apps(query, caller, false);
    if (entity == u"servernodeconfiguration")
        return nodes(query, caller);
    if (entity == u"proxyservice")
        return proxyServices(query, caller);
    if (entity == u"virtualproxyconfig")
        return virtualProxies(query, caller);
    return emptyAnswer(404);
}

SimResponse QrsService::users(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.users, query.filter, query.count,
        [&caller](const SiteUser &user) {
            return caller.readsEverything()
                || (user.userDirectory.compare(caller.userDirectory, Qt::CaseInsensitive) == 0
                    && user.userId.compare(caller.userId, Qt::CaseInsensitive) == 0);
        },
        [](const SiteUser &user, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("userId")))
                return user.userId;
            if (named(property, QLatin1String("userDirectory")))
                return user.userDirectory;
            return commonProperty(user.id, user.name, property);
        },
        [this](const SiteUser &user) { return userJson(user); });
}

SimResponse QrsService::streams(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.streams, query.filter, query.count,
        [&caller](const SiteStream &stream) { return caller.readsEverything() || stream.everyoneReads; },
        [](const SiteStream &stream, const QString &property) {
            return commonProperty(stream.id, stream.name, property);
        },
        [](const SiteStream &stream) {
            return QJsonObject {{QStringLiteral("id"), stream.id},
                                {QStringLiteral("name"), stream.name},
                                {QStringLiteral("createdDate"), stream.createdDate},
                                {QStringLiteral("modifiedDate"), stream.modifiedDate},
                                {QStringLiteral("modifiedByUserName"), modifiedBy},
                                {QStringLiteral("customProperties"), QJsonArray()},
                                {QStringLiteral("tags"), QJsonArray()},
                                {QStringLiteral("schemaPath"), QStringLiteral("Stream")}};
        });
}

SimResponse QrsService::apps(const Query &query, const SiteUser &caller, bool hubList) const
{
    // The hub shows published apps and one's own, whatever one's admin roles: RootAdmin's rule covers the QMC only.
    const bool everything = caller.readsEverything() && !hubList;
    return listing(
        m_directory.apps, query.filter, query.count,
        [&](const SiteApp &app) {
            return everything || app.isPublished() || (!caller.id.isEmpty() && app.ownerId == caller.id);
        },
        [](const SiteApp &app, const QString &property) { return commonProperty(app.id, app.name, property); },
        [this](const SiteApp &app) { return appJson(app); });
}

SimResponse QrsService::nodes(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.nodes, query.filter, query.count, [&caller](const SiteNode &) { return caller.readsEverything(); },
        [](const SiteNode &node, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("isCentral")))
                return boolText(node.isCentral);
            if (named(property, QLatin1String("hostName")))
                return node.hostName;
            return commonProperty(node.id, node.name, property);
        },
        [this](const SiteNode &node) { return nodeJson(node); });
}

SimResponse QrsService::proxyServices(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.proxyServices, query.filter, query.count,
        [&caller](const SiteProxyService &) { return caller.readsEverything(); },
        [this](const SiteProxyService &service, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("id")))
                return service.id;
            // How Qlik's own tools find the central proxy: the property of the linked node.
            if (named(property, QLatin1String("serverNodeConfiguration.isCentral"))
                || named(property, QLatin1String("isCentral"))) {
                const SiteNode *node = m_directory.node(service.nodeId);
                return boolText(node && node->isCentral);
            }
            return std::nullopt;
        },
        [this](const SiteProxyService &service) { return proxyServiceJson(service); });
}

SimResponse QrsService::virtualProxies(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.virtualProxies, query.filter, query.count,
        [&caller](const SiteVirtualProxy &) { return caller.readsEverything(); },
        [](const SiteVirtualProxy &proxy, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("prefix")))
                return proxy.prefix;
            if (named(property, QLatin1String("id")))
                return proxy.id;
            return std::nullopt;
        },
        [this](const SiteVirtualProxy &proxy) { return virtualProxyJson(proxy); });
}

QJsonObject QrsService::userJson(const SiteUser &user) const
{
    return QJsonObject {{QStringLiteral("id"), user.id},
                        {QStringLiteral("userId"), user.userId},
                        {QStringLiteral("userDirectory"), user.userDirectory},
                        {QStringLiteral("name"), user.name},
                        {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)},
                        {QStringLiteral("inactive"), user.inactive},
                        {QStringLiteral("removedExternally"), false},
                        {QStringLiteral("blacklisted"), false},
                        {QStringLiteral("createdDate"), user.createdDate},
                        {QStringLiteral("modifiedDate"), user.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("User")}};
}

QJsonObject QrsService::appJson(const SiteApp &app) const
{
    QJsonValue stream; // null when not published
    for (const SiteStream &candidate : m_directory.streams) {
        if (candidate.id == app.streamId)
            stream = QJsonObject {{QStringLiteral("id"), candidate.id}, {QStringLiteral("name"), candidate.name}};
    }
    QJsonObject owner;
    for (const SiteUser &user : m_directory.users) {
        if (user.id == app.ownerId) {
            owner = QJsonObject {{QStringLiteral("id"), user.id},
                                 {QStringLiteral("userId"), user.userId},
                                 {QStringLiteral("userDirectory"), user.userDirectory},
                                 {QStringLiteral("name"), user.name}};
        }
    }
    return QJsonObject {{QStringLiteral("id"), app.id},
                        {QStringLiteral("name"), app.name},
                        {QStringLiteral("appId"), QString()},
                        {QStringLiteral("published"), app.isPublished()},
                        {QStringLiteral("publishTime"), app.isPublished() ? app.publishTime : neverPublished},
                        {QStringLiteral("stream"), stream},
                        {QStringLiteral("owner"), owner},
                        {QStringLiteral("createdDate"), app.createdDate},
                        {QStringLiteral("modifiedDate"), app.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("App")}};
}

QJsonObject QrsService::nodeJson(const SiteNode &node) const
{
    return QJsonObject {{QStringLiteral("id"), node.id},
                        {QStringLiteral("name"), node.name},
                        {QStringLiteral("hostName"), node.hostName},
                        {QStringLiteral("isCentral"), node.isCentral},
                        {QStringLiteral("nodePurpose"), 0},
                        {QStringLiteral("engineEnabled"), true},
                        {QStringLiteral("proxyEnabled"), true},
                        {QStringLiteral("schedulerEnabled"), true},
                        {QStringLiteral("printingEnabled"), true},
                        {QStringLiteral("failoverCandidate"), node.isCentral},
                        {QStringLiteral("createdDate"), node.createdDate},
                        {QStringLiteral("modifiedDate"), node.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("ServerNodeConfiguration")}};
}

QJsonObject QrsService::virtualProxyJson(const SiteVirtualProxy &proxy) const
{
    QJsonArray loadBalancing;
    for (const SiteProxyService &service : m_directory.proxyServices) {
        if (service.virtualProxyIds.contains(proxy.id))
            loadBalancing.append(QJsonObject {{QStringLiteral("id"), service.nodeId}});
    }
    return QJsonObject {
        {QStringLiteral("id"), proxy.id},
        {QStringLiteral("prefix"), proxy.prefix},
        {QStringLiteral("description"), proxy.description},
        {QStringLiteral("sessionCookieHeaderName"), proxy.sessionCookieHeaderName},
        {QStringLiteral("authenticationMethod"), proxy.authenticationMethod},
        {QStringLiteral("windowsAuthenticationEnabledDevicePattern"), proxy.windowsAuthenticationEnabledDevicePattern},
        {QStringLiteral("websocketCrossOriginWhiteList"),
         QJsonArray::fromStringList(proxy.websocketCrossOriginWhiteList)},
        {QStringLiteral("anonymousAccessMode"), 0},
        {QStringLiteral("sessionInactivityTimeout"), 30},
        {QStringLiteral("defaultVirtualProxy"), proxy.prefix.isEmpty()},
        {QStringLiteral("loadBalancingServerNodes"), loadBalancing},
        {QStringLiteral("modifiedDate"), proxy.modifiedDate},
        {QStringLiteral("schemaPath"), QStringLiteral("VirtualProxyConfig")}};
}

QJsonObject QrsService::proxyServiceJson(const SiteProxyService &service) const
{
    QJsonObject node;
    if (const SiteNode *linked = m_directory.node(service.nodeId)) {
        node = QJsonObject {{QStringLiteral("id"), linked->id},
                            {QStringLiteral("name"), linked->name},
                            {QStringLiteral("hostName"), linked->hostName},
                            {QStringLiteral("isCentral"), linked->isCentral}};
    }
    QJsonArray proxies;
    for (const QString &id : service.virtualProxyIds) {
        if (const SiteVirtualProxy *proxy = m_directory.virtualProxy(id))
            proxies.append(virtualProxyJson(*proxy));
    }
    return QJsonObject {
        {QStringLiteral("id"), service.id},
        {QStringLiteral("serverNodeConfiguration"), node},
        {QStringLiteral("settings"),
         QJsonObject {{QStringLiteral("listenPort"), service.listenPort}, {QStringLiteral("virtualProxies"), proxies}}},
        {QStringLiteral("modifiedDate"), service.modifiedDate},
        {QStringLiteral("schemaPath"), QStringLiteral("ProxyService")}};
}

} // namespace Dawiso::Simulator
