#include "simulator/onprem/QrsService.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>
#include <QUuid>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

using Lookup = QrsFilterParser::PropertyLookup;

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
SimResponse listing(const QList<T> &entries, const QrsFilterParser::Filter &filter, bool count, Visible visible,
                    Property property, ToJson toJson)
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

bool sameUser(const SiteUser &a, const SiteUser &b)
{
    return a.userDirectory.compare(b.userDirectory, Qt::CaseInsensitive) == 0
        && a.userId.compare(b.userId, Qt::CaseInsensitive) == 0;
}

// A GUID as the QRS writes it in a path, e.g. /qrs/proxyservice/<id>.
bool isGuid(const QString &text)
{
    return !QUuid::fromString(text).isNull();
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
    , m_entities(directory)
    , m_writes(directory)
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
        return service ? *service
                       : SiteUser {{},
                                   QStringLiteral("INTERNAL"),
                                   QStringLiteral("sa_repository"),
                                   {},
                                   {QStringLiteral("RootAdmin")},
                                   false,
                                   {},
                                   {},
                                   {},
                                   SiteAccessType::None,
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
    return SiteUser {{}, directory, userId, userId, {}, false, {}, {}, {}, SiteAccessType::None, {}};
}

SimResponse QrsService::answerRepository(const SimRequest &request)
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

SimResponse QrsService::answer(const SimRequest &request, const QString &qrsPath, const SiteUser &caller)
{
    if (!hasValidXrfkey(request))
        return emptyAnswer(400);
    if (caller.inactive)
        return inactiveUser();
    return isForbidden(qrsPath) ? emptyAnswer(403) : route(request, qrsPath, caller);
}

SimResponse QrsService::route(const SimRequest &request, const QString &path, const SiteUser &caller)
{
    QString trimmed = path;
    while (trimmed.size() > 1 && trimmed.endsWith(u'/'))
        trimmed.chop(1);
    const QString lower = trimmed.toLower();
    if (!lower.startsWith(QLatin1String("/qrs/")))
        return emptyAnswer(404);
    // "/qrs/<entity>" or "/qrs/<entity>/<full|count|id>"; an entity may have a slash of its own
    // (license/professionalaccesstype).
    const qsizetype slash = lower.lastIndexOf(u'/');
    const bool collection = slash <= 4;
    const QString entity = collection ? lower.mid(5) : lower.mid(5, slash - 5);
    const QString id = !collection && isGuid(trimmed.mid(slash + 1)) ? trimmed.mid(slash + 1) : QString();

    if (request.method == "POST" || request.method == "PUT") {
        if (!caller.hasRole(QStringLiteral("RootAdmin")))
            return emptyAnswer(403);
        if (request.method == "POST")
            return collection ? create(request, entity) : emptyAnswer(404);
        return id.isEmpty() ? emptyAnswer(404) : replace(request, entity, id);
    }
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
    if (!id.isEmpty())
        return single(entity, id, caller);

    const std::optional<QrsFilterParser::Filter> filter =
        QrsFilterParser::parse(request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded));
    if (!filter)
        return emptyAnswer(400);
    if (lower == u"/qrs/app/hublist/full")
        return apps({*filter, false}, caller, true);
    const QString kind = lower.mid(slash + 1);
    if (collection || (kind != u"full" && kind != u"count"))
        return emptyAnswer(404);
    return listOf(entity, {*filter, kind == u"count"}, caller);
}

SimResponse QrsService::create(const SimRequest &request, const QString &entity)
{
    if (entity == u"virtualproxyconfig")
        return m_writes.createVirtualProxy(request);
    if (entity == u"systemrule")
        return m_writes.createSystemRule(request);
    return emptyAnswer(404);
}

SimResponse QrsService::replace(const SimRequest &request, const QString &entity, const QString &id)
{
    if (entity == u"virtualproxyconfig")
        return m_writes.replaceVirtualProxy(request, id);
    if (entity == u"proxyservice")
        return m_writes.replaceProxyService(request, id);
    return emptyAnswer(404);
}

SimResponse QrsService::single(const QString &entity, const QString &id, const SiteUser &caller) const
{
    QJsonObject found;
    if (entity == u"virtualproxyconfig") {
        if (const SiteVirtualProxy *proxy = m_directory.virtualProxy(id))
            found = m_entities.virtualProxy(*proxy);
    } else if (entity == u"proxyservice") {
        for (const SiteProxyService &service : m_directory.proxyServices) {
            if (service.id.compare(id, Qt::CaseInsensitive) == 0)
                found = m_entities.proxyService(service);
        }
    } else {
        return emptyAnswer(404);
    }
    if (!caller.readsEverything())
        return emptyAnswer(403);
    return found.isEmpty() ? emptyAnswer(404) : SimResponse::json(200, found);
}

SimResponse QrsService::listOf(const QString &entity, const Query &query, const SiteUser &caller) const
{
    if (entity == u"user")
        return users(query, caller);
    if (entity == u"userdirectory")
        return userDirectories(query, caller);
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
    if (entity == u"systemrule")
        return systemRules(query, caller);
    if (entity == u"license/professionalaccesstype")
        return accessTypes(query, caller, SiteAccessType::Professional);
    if (entity == u"license/analyzeraccesstype")
        return accessTypes(query, caller, SiteAccessType::Analyzer);
    return emptyAnswer(404);
}

SimResponse QrsService::users(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.users, query.filter, query.count,
        [&caller](const SiteUser &user) { return caller.readsEverything() || sameUser(user, caller); },
        [](const SiteUser &user, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("userId")))
                return user.userId;
            if (named(property, QLatin1String("userDirectory")))
                return user.userDirectory;
            return commonProperty(user.id, user.name, property);
        },
        [this](const SiteUser &user) { return m_entities.user(user); });
}

SimResponse QrsService::userDirectories(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.userDirectories, query.filter, query.count,
        [&caller](const SiteUserDirectory &) { return caller.readsEverything(); },
        [](const SiteUserDirectory &directory, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("userDirectoryName")))
                return directory.userDirectoryName;
            if (named(property, QLatin1String("type")))
                return directory.type;
            return commonProperty(directory.id, directory.name, property);
        },
        [this](const SiteUserDirectory &directory) { return m_entities.userDirectory(directory); });
}

SimResponse QrsService::streams(const Query &query, const SiteUser &caller) const
{
    const bool everything = caller.readsEverything() || m_directory.readsEveryApp(caller);
    return listing(
        m_directory.streams, query.filter, query.count,
        [everything](const SiteStream &stream) { return everything || stream.everyoneReads; },
        [](const SiteStream &stream, const QString &property) {
            return commonProperty(stream.id, stream.name, property);
        },
        [this](const SiteStream &stream) { return m_entities.stream(stream); });
}

SimResponse QrsService::apps(const Query &query, const SiteUser &caller, bool hubList) const
{
    const bool everything = caller.readsEverything() || m_directory.readsEveryApp(caller);
    const QStringList hub = hubList ? m_directory.hubAppIds(caller) : QStringList();
    return listing(
        m_directory.apps, query.filter, query.count,
        [&](const SiteApp &app) {
            if (hubList)
                return hub.contains(app.id);
            return everything || app.isPublished() || (!caller.id.isEmpty() && app.ownerId == caller.id);
        },
        [](const SiteApp &app, const QString &property) { return commonProperty(app.id, app.name, property); },
        [this](const SiteApp &app) { return m_entities.app(app); });
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
        [this](const SiteNode &node) { return m_entities.node(node); });
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
        [this](const SiteProxyService &service) { return m_entities.proxyService(service); });
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
            if (named(property, QLatin1String("sessionCookieHeaderName")))
                return proxy.sessionCookieHeaderName;
            return std::nullopt;
        },
        [this](const SiteVirtualProxy &proxy) { return m_entities.virtualProxy(proxy); });
}

SimResponse QrsService::systemRules(const Query &query, const SiteUser &caller) const
{
    return listing(
        m_directory.systemRules, query.filter, query.count,
        [&caller](const SiteSystemRule &) { return caller.readsEverything(); },
        [](const SiteSystemRule &rule, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("category")))
                return rule.category;
            if (named(property, QLatin1String("type")))
                return rule.type;
            return commonProperty(rule.id, rule.name, property);
        },
        [this](const SiteSystemRule &rule) { return m_entities.systemRule(rule); });
}

SimResponse QrsService::accessTypes(const Query &query, const SiteUser &caller, SiteAccessType type) const
{
    QList<SiteUser> holders;
    std::copy_if(m_directory.users.cbegin(), m_directory.users.cend(), std::back_inserter(holders),
                 [type](const SiteUser &user) { return user.accessType == type; });
    const QString schemaPath = type == SiteAccessType::Professional ? QStringLiteral("License.ProfessionalAccessType")
                                                                    : QStringLiteral("License.AnalyzerAccessType");
    return listing(
        holders, query.filter, query.count,
        [&caller](const SiteUser &user) { return caller.readsEverything() || sameUser(user, caller); },
        [](const SiteUser &user, const QString &property) -> std::optional<QString> {
            if (named(property, QLatin1String("id")))
                return user.accessAllocationId;
            if (named(property, QLatin1String("user.userId")))
                return user.userId;
            if (named(property, QLatin1String("user.userDirectory")))
                return user.userDirectory;
            if (named(property, QLatin1String("user.name")))
                return user.name;
            return std::nullopt;
        },
        [this, &schemaPath](const SiteUser &user) { return m_entities.accessType(user, schemaPath); });
}

} // namespace Dawiso::Simulator
