#include "simulator/cloud/ContentApi.h"

#include "simulator/cloud/ContentJson.h"
#include "simulator/cloud/CursorCodec.h"
#include "simulator/cloud/ListQuery.h"
#include "simulator/cloud/QlikError.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include <algorithm>
#include <optional>

namespace Dawiso::Simulator {

namespace {

const QString itemsListPrefix = QStringLiteral("items@");

QString param(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QStringList commaList(const QString &text)
{
    QStringList values;
    for (const QString &value : text.split(u',', Qt::SkipEmptyParts)) {
        const QString trimmed = value.trimmed();
        if (!trimmed.isEmpty())
            values.append(trimmed);
    }
    return values;
}

// The Spaces and Items APIs' error bodies carry code, title and detail, no status.
SimResponse badRequest(const QString &detail)
{
    return QlikError::response(400, QStringLiteral("HTTP-400"), QStringLiteral("Bad request"),
                               ErrorStatusStyle::Omitted, detail);
}

// The filters of GET /api/v1/items that the simulator understands; the others are accepted and ignored.
struct ItemFilter
{
    bool apps = true; // resourceType is absent or names "app"
    QStringList spaceTypes;
    QString spaceId;
    QString name;
    QString ownerId;
    QString notOwnerId;
    QString itemId;
    QStringList resourceIds;

    bool matches(const SimApp &app, const ContentAccess &access) const
    {
        if (!spaceId.isEmpty() && (spaceId == u"personal" ? !app.spaceId.isEmpty() : app.spaceId != spaceId))
            return false;
        if (!spaceTypes.isEmpty() && !spaceTypes.contains(access.spaceType(app)))
            return false;
        if (!ownerId.isEmpty() && app.ownerId != ownerId)
            return false;
        if (!notOwnerId.isEmpty() && app.ownerId == notOwnerId)
            return false;
        if (!itemId.isEmpty() && app.itemId != itemId)
            return false;
        if (!resourceIds.isEmpty() && !resourceIds.contains(app.id))
            return false;
        return name.isEmpty() || app.name.contains(name, Qt::CaseInsensitive);
    }
};

// "app,qvapp" or "app[qvd,chart-monitoring],qvapp": the resource types, without their subtype lists.
std::optional<QStringList> resourceTypes(const QString &text, QString *error)
{
    QString types;
    int depth = 0;
    for (const QChar c : text) {
        if (c == u'[')
            ++depth;
        else if (c == u']')
            --depth;
        else if (depth == 0)
            types.append(c);
        if (depth < 0 || depth > 1) {
            *error = QStringLiteral("resourceType has unbalanced brackets");
            return std::nullopt;
        }
    }
    if (depth != 0) {
        *error = QStringLiteral("resourceType has unbalanced brackets");
        return std::nullopt;
    }
    // The Items API's itemResourceTypeEnum.
    const QStringList known = QStringLiteral("app qlikview qvapp genericlink sharingservicetask note dataasset dataset "
                                             "automation automl-experiment automl-deployment assistant dataproduct "
                                             "dataqualityrule glossary knowledgebase script semantictype page")
                                  .split(u' ');
    const QStringList result = commaList(types);
    for (const QString &type : result) {
        if (!known.contains(type)) {
            *error = QStringLiteral("resourceType %1 is not a known resource type").arg(type);
            return std::nullopt;
        }
    }
    return result;
}

std::optional<ItemFilter> itemFilter(const QUrlQuery &query, QString *error)
{
    ItemFilter filter;
    const QString typeText = param(query, QStringLiteral("resourceType"));
    if (!typeText.isEmpty()) {
        const auto types = resourceTypes(typeText, error);
        if (!types)
            return std::nullopt;
        filter.apps = types->contains(QStringLiteral("app"));
    }
    const QString resourceId = param(query, QStringLiteral("resourceId"));
    const QString resourceIds = param(query, QStringLiteral("resourceIds"));
    if ((!resourceId.isEmpty() || !resourceIds.isEmpty()) && typeText.isEmpty()) {
        *error = QStringLiteral("resourceType is required with resourceId and resourceIds");
        return std::nullopt;
    }
    filter.resourceIds = commaList(resourceIds);
    if (!resourceId.isEmpty())
        filter.resourceIds.append(resourceId);

    filter.spaceTypes = commaList(param(query, QStringLiteral("spaceType")));
    for (const QString &type : std::as_const(filter.spaceTypes)) {
        if (type != u"shared" && type != u"managed" && type != u"personal" && type != u"data") {
            *error = QStringLiteral("spaceType must be shared, managed, personal or data");
            return std::nullopt;
        }
    }
    filter.spaceId = param(query, QStringLiteral("spaceId"));
    filter.name = param(query, QStringLiteral("name"));
    if (filter.name.isEmpty())
        filter.name = param(query, QStringLiteral("query"));
    filter.ownerId = param(query, QStringLiteral("ownerId"));
    if (filter.ownerId.isEmpty())
        filter.ownerId = param(query, QStringLiteral("createdByUserId"));
    filter.notOwnerId = param(query, QStringLiteral("notOwnerId"));
    if (filter.notOwnerId.isEmpty())
        filter.notOwnerId = param(query, QStringLiteral("notCreatedByUserId"));
    filter.itemId = param(query, QStringLiteral("id"));
    return filter;
}

// Who asks what, without the page position: snapshots are shared by the pages of one walk only.
QString snapshotKey(const QString &userId, const QUrlQuery &query)
{
    auto items = query.queryItems(QUrl::FullyDecoded);
    items.removeIf(
        [](const auto &item) { return item.first == u"next" || item.first == u"prev" || item.first == u"limit"; });
    std::sort(items.begin(), items.end());
    QString key = userId;
    for (const auto &item : std::as_const(items))
        key += u'\n' + item.first + u'=' + item.second;
    return key;
}

} // namespace

ContentApi::ContentApi(const SimulatedTenant &tenant, const CursorCodec &cursors)
    : m_tenant(tenant)
    , m_cursors(cursors)
{ }

SimResponse ContentApi::spaces(const SimRequest &request, const ContentAccess &access, const QString &origin) const
{
    // Spaces: limit defaults to 10; sort supports type, name and createdAt; no SCIM filter.
    static const ListQuery::Rules rules {
        QStringLiteral("spaces"),
        10,
        QStringLiteral("+createdAt"),
        {QStringLiteral("type"), QStringLiteral("name"), QStringLiteral("createdAt")},
        std::nullopt,
    };
    QString error;
    const auto list = ListQuery::parse(request, rules, m_cursors, &error);
    if (!list)
        return badRequest(error);
    const QStringList types = commaList(param(request.query, QStringLiteral("type")));
    for (const QString &type : types) {
        if (type != u"shared" && type != u"managed" && type != u"data")
            return badRequest(QStringLiteral("type must be shared, managed or data"));
    }
    const QString name = param(request.query, QStringLiteral("name"));
    const QString ownerId = param(request.query, QStringLiteral("ownerId"));

    QList<qsizetype> matching; // positions in the tenant's spaces, in creation order
    for (qsizetype i = 0; i < m_tenant.spaces.size(); ++i) {
        const SimSpace &candidate = m_tenant.spaces.at(i);
        if (access.canSee(candidate) && (types.isEmpty() || types.contains(candidate.type))
            && (name.isEmpty() || candidate.name.contains(name, Qt::CaseInsensitive))
            && (ownerId.isEmpty() || candidate.ownerId == ownerId))
            matching.append(i);
    }
    if (list->sort.field == u"createdAt") {
        if (list->sort.descending)
            std::reverse(matching.begin(), matching.end());
    } else {
        const bool byName = list->sort.field == u"name";
        std::stable_sort(matching.begin(), matching.end(), [&](qsizetype a, qsizetype b) {
            const SimSpace &first = m_tenant.spaces.at(a);
            const SimSpace &second = m_tenant.spaces.at(b);
            const int order =
                byName ? first.name.compare(second.name, Qt::CaseInsensitive) : first.type.compare(second.type);
            return list->sort.descending ? order > 0 : order < 0;
        });
    }

    const ListQuery::Page page = ListQuery::page(matching.size(), list->start, list->limit, m_cursors, rules.list);
    const ContentJson json(m_tenant, access, origin);
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i) {
        const qsizetype position = matching.at(i);
        data.append(json.space(m_tenant.spaces.at(position), position));
    }
    return SimResponse::json(
        200,
        QJsonObject {
            {QStringLiteral("data"), data},
            {QStringLiteral("meta"),
             QJsonObject {{QStringLiteral("count"), matching.size()},
                          {QStringLiteral("personalSpace"), ContentJson::personalSpace()}}},
            {QStringLiteral("links"),
             ListQuery::links(origin, request, {QStringLiteral("next"), QStringLiteral("prev")}, QStringLiteral("next"),
                              page.next, QStringLiteral("prev"), page.prev)},
        });
}

SimResponse ContentApi::items(const SimRequest &request, const ContentAccess &access, const QString &origin) const
{
    QString error;
    // Items: limit 1..100, default 10; sort +createdAt by default.
    const auto limit = ListQuery::limit(request.query, &error, 10);
    const auto sort = limit ? ListQuery::sort(request.query, QStringLiteral("+createdAt"),
                                              {QStringLiteral("createdAt"), QStringLiteral("updatedAt"),
                                               QStringLiteral("recentlyUsed"), QStringLiteral("name")},
                                              &error)
                            : std::nullopt;
    const auto cursor = sort ? ListQuery::cursor(request.query, &error) : std::nullopt;
    const auto filter = cursor ? itemFilter(request.query, &error) : std::nullopt;
    if (!filter)
        return badRequest(error);

    // A cursor names its snapshot and an offset in it.
    quint64 snapshotId = 0;
    int start = 0;
    if (!cursor->isEmpty()) {
        const auto position = m_cursors.decode(*cursor);
        bool ok = false;
        if (position && position->list.startsWith(itemsListPrefix))
            snapshotId = QStringView(position->list).mid(itemsListPrefix.size()).toULongLong(&ok);
        if (!ok)
            return badRequest(QStringLiteral("the page cursor is not valid"));
        start = position->offset;
    }

    const QString key = snapshotKey(access.user().id, request.query);
    auto snapshot = snapshotId != 0 ? m_snapshots.find(snapshotId, key) : nullptr;
    if (!snapshot) {
        // Items updatedAt and recentlyUsed follow creation order in the simulator, so only name needs sorting.
        QList<ItemSnapshots::Entry> entries;
        if (filter->apps) {
            for (qsizetype i = 0; i < m_tenant.apps.size(); ++i) {
                const SimApp &candidate = m_tenant.apps.at(i);
                if (access.canSee(candidate) && filter->matches(candidate, access))
                    entries.append(ItemSnapshots::Entry {candidate, i});
            }
        }
        if (sort->field == u"name") {
            std::stable_sort(entries.begin(), entries.end(), [&sort](const auto &a, const auto &b) {
                const int order = a.app.name.compare(b.app.name, Qt::CaseInsensitive);
                return sort->descending ? order > 0 : order < 0;
            });
        } else if (sort->descending) {
            std::reverse(entries.begin(), entries.end());
        }
        snapshot = m_snapshots.add(key, std::move(entries));
    }

    const QString list = itemsListPrefix + QString::number(snapshot->id);
    const ListQuery::Page page = ListQuery::page(snapshot->entries.size(), start, *limit, m_cursors, list);
    const ContentJson json(m_tenant, access, origin);
    // noActions=true: "the actions-array will be omitted from the response" (items.json), in the item and its meta.
    const bool withActions = request.query.queryItemValue(QStringLiteral("noActions")) != u"true";
    JsonWriter out((page.end - page.begin) * 2048 + 1024);
    out.beginObject();
    out.key(QLatin1String("data"));
    out.beginArray();
    for (qsizetype i = page.begin; i < page.end; ++i) {
        const ItemSnapshots::Entry &entry = snapshot->entries.at(i);
        json.writeItem(out, entry.app, entry.position, withActions);
    }
    out.endArray();
    // The items list has data and links only (no meta, no count).
    const QJsonObject links = ListQuery::links(origin, request, {QStringLiteral("next"), QStringLiteral("prev")},
                                               QStringLiteral("next"), page.next, QStringLiteral("prev"), page.prev);
    out.key(QLatin1String("links"));
    out.raw(QJsonDocument(links).toJson(QJsonDocument::Compact));
    out.endObject();
    return SimResponse::json(200, out.take());
}

std::variant<const SimApp *, SimResponse> ContentApi::openable(const ContentAccess &access, const QString &appId) const
{
    const SimApp *found = m_tenant.app(appId);
    if (!found) {
        return QlikError::response(404, QStringLiteral("HTTP-404"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::Integer, QStringLiteral("No app with this id."));
    }
    if (!access.canOpen(*found)) {
        return QlikError::response(403, QStringLiteral("HTTP-403"), QStringLiteral("Forbidden"),
                                   ErrorStatusStyle::Integer, QStringLiteral("Access to this app is denied."));
    }
    return found;
}

SimResponse ContentApi::app(const ContentAccess &access, const QString &appId, const QString &origin) const
{
    const auto found = openable(access, appId);
    if (const auto *refusal = std::get_if<SimResponse>(&found))
        return *refusal;
    const SimApp *app = std::get<const SimApp *>(found);
    return SimResponse::json(200, ContentJson(m_tenant, access, origin).app(*app, app - m_tenant.apps.constData()));
}

SimResponse ContentApi::appMetadata(const ContentAccess &access, const QString &appId) const
{
    const auto found = openable(access, appId);
    if (const auto *refusal = std::get_if<SimResponse>(&found))
        return *refusal;
    return SimResponse::json(200, ContentJson::dataModel(*std::get<const SimApp *>(found)));
}

} // namespace Dawiso::Simulator
