#include "simulator/cloud/ContentJson.h"

#include "simulator/cloud/ResourceJson.h"

#include <QMap>
#include <QStringList>

namespace Dawiso::Simulator {

namespace {

struct TableTemplate
{
    QString name;
    QStringList fields;
    qint64 rows;
};

// Two small star schemas; an app gets one of them, its tables scaled by a factor of its own.
QList<TableTemplate> schema(bool sales)
{
    if (sales) {
        return {
            {QStringLiteral("Orders"),
             {QStringLiteral("OrderID"), QStringLiteral("CustomerID"), QStringLiteral("ProductID"),
              QStringLiteral("Date"), QStringLiteral("Quantity"), QStringLiteral("Amount")},
             184230},
            {QStringLiteral("Customers"),
             {QStringLiteral("CustomerID"), QStringLiteral("CustomerName"), QStringLiteral("Country"),
              QStringLiteral("Segment")},
             5120},
            {QStringLiteral("Products"),
             {QStringLiteral("ProductID"), QStringLiteral("ProductName"), QStringLiteral("Category")},
             860},
            {QStringLiteral("Calendar"),
             {QStringLiteral("Date"), QStringLiteral("Year"), QStringLiteral("Quarter"), QStringLiteral("Month")},
             1461},
        };
    }
    return {
        {QStringLiteral("GeneralLedger"),
         {QStringLiteral("AccountID"), QStringLiteral("CostCenterID"), QStringLiteral("Date"),
          QStringLiteral("Amount")},
         952311},
        {QStringLiteral("Accounts"),
         {QStringLiteral("AccountID"), QStringLiteral("AccountName"), QStringLiteral("AccountType")},
         412},
        {QStringLiteral("CostCenters"), {QStringLiteral("CostCenterID"), QStringLiteral("CostCenterName")}, 58},
    };
}

// FNV-1a over the id: qHash is seeded per process, and an app's data model must not change between runs.
quint32 stableHash(const QString &text)
{
    quint32 hash = 2166136261U;
    for (const QChar c : text) {
        hash ^= c.unicode();
        hash *= 16777619U;
    }
    return hash;
}

QJsonObject href(const QString &url)
{
    return QJsonObject {{QStringLiteral("href"), url}};
}

QJsonArray assignableRoles(const QString &spaceType)
{
    QStringList roles;
    if (spaceType == u"managed") {
        roles = {QStringLiteral("consumer"),    QStringLiteral("contributor"), QStringLiteral("dataconsumer"),
                 QStringLiteral("facilitator"), QStringLiteral("publisher"),   QStringLiteral("basicconsumer")};
    } else if (spaceType == u"data") {
        roles = {QStringLiteral("consumer"),    QStringLiteral("dataconsumer"), QStringLiteral("datapreview"),
                 QStringLiteral("facilitator"), QStringLiteral("operator"),     QStringLiteral("producer"),
                 QStringLiteral("publisher")};
    } else {
        roles = {QStringLiteral("codeveloper"), QStringLiteral("consumer"), QStringLiteral("dataconsumer"),
                 QStringLiteral("facilitator"), QStringLiteral("producer")};
    }
    return QJsonArray::fromStringList(roles);
}

} // namespace

ContentJson::ContentJson(const SimulatedTenant &tenant, const ContentAccess &access, const QString &origin)
    : m_tenant(tenant)
    , m_access(access)
    , m_origin(origin)
{ }

QDateTime ContentJson::spaceCreated(qsizetype position)
{
    return ResourceJson::recordsCreated().addSecs(3600 * position);
}

QDateTime ContentJson::appCreated(qsizetype position)
{
    return ResourceJson::recordsCreated().addDays(1).addSecs(60 * position);
}

QJsonObject ContentJson::personalSpace()
{
    return QJsonObject {
        {QStringLiteral("resourceType"), QStringLiteral("space")},
        {QStringLiteral("actions"), QJsonArray {QStringLiteral("create"), QStringLiteral("read")}},
    };
}

QJsonObject ContentJson::space(const SimSpace &space, qsizetype position) const
{
    const bool owner = space.ownerId == m_access.user().id;
    QJsonArray actions {QStringLiteral("read")};
    if (owner || m_access.isTenantAdmin()) {
        actions = QJsonArray {QStringLiteral("change_owner"), QStringLiteral("create"), QStringLiteral("read"),
                              QStringLiteral("update"), QStringLiteral("delete")};
        if (space.type == u"managed")
            actions.append(QStringLiteral("publish"));
    }
    const bool member = !owner && space.memberIds.contains(m_access.user().id);
    const QString created = ResourceJson::timestamp(spaceCreated(position));
    const QString self = m_origin + QStringLiteral("/api/v1/spaces/") + space.id;
    return QJsonObject {
        {QStringLiteral("id"), space.id},
        {QStringLiteral("name"), space.name},
        {QStringLiteral("type"), space.type},
        {QStringLiteral("ownerId"), space.ownerId},
        {QStringLiteral("tenantId"), m_tenant.id},
        {QStringLiteral("createdAt"), created},
        {QStringLiteral("updatedAt"), created},
        {QStringLiteral("createdBy"), space.ownerId},
        {QStringLiteral("description"), space.description},
        {QStringLiteral("meta"),
         QJsonObject {
             {QStringLiteral("actions"), actions},
             {QStringLiteral("roles"), member ? QJsonArray {QStringLiteral("consumer")} : QJsonArray()},
             {QStringLiteral("assignableRoles"), assignableRoles(space.type)},
         }},
        {QStringLiteral("links"),
         QJsonObject {
             {QStringLiteral("self"), href(self)},
             {QStringLiteral("assignments"), href(self + QStringLiteral("/assignments"))},
         }},
    };
}

QStringList ContentJson::appActions(const SimApp &app) const
{
    if (m_access.owns(app)) {
        return {QStringLiteral("read"),         QStringLiteral("update"),      QStringLiteral("delete"),
                QStringLiteral("reload"),       QStringLiteral("import"),      QStringLiteral("publish"),
                QStringLiteral("duplicate"),    QStringLiteral("export"),      QStringLiteral("exportdata"),
                QStringLiteral("change_owner"), QStringLiteral("change_space")};
    }
    QStringList actions {QStringLiteral("read")};
    if (m_access.canOpen(app))
        actions += {QStringLiteral("duplicate"), QStringLiteral("exportdata")};
    if (m_access.isTenantAdmin())
        actions += {QStringLiteral("delete"), QStringLiteral("change_owner"), QStringLiteral("change_space")};
    return actions;
}

QString ContentJson::ownerSubject(const SimApp &app) const
{
    const SimUser *owner = m_tenant.user(app.ownerId);
    return owner ? owner->subject : app.ownerId;
}

void ContentJson::writeItem(JsonWriter &out, const SimApp &app, qsizetype position, bool withActions) const
{
    const QDateTime createdAt = appCreated(position);
    const QString created = ResourceJson::timestamp(createdAt);
    const QString updated = ResourceJson::timestamp(createdAt.addDays(2));
    const QString reloaded = ResourceJson::timestamp(createdAt.addDays(3));
    const bool published = m_access.spaceType(app) == u"managed";
    const QStringList actions = appActions(app);
    const auto writeActions = [&out, &actions](QLatin1String name) {
        out.key(name);
        out.beginArray();
        for (const QString &action : actions)
            out.string(action);
        out.endArray();
    };
    const QString self = m_origin + QStringLiteral("/api/v1/items/") + app.itemId;

    out.beginObject();
    out.string(QLatin1String("id"), app.itemId);
    out.string(QLatin1String("name"), app.name);
    out.string(QLatin1String("description"), QString());
    out.string(QLatin1String("resourceType"), u"app");
    out.string(QLatin1String("resourceSubType"), QString());
    out.string(QLatin1String("resourceId"), app.id);
    // No resourceLink: items.json makes it an optional URI, and an app has none.
    // Personal items carry no spaceId (the Items API makes it optional; catalogs read "none" as the personal space).
    if (!app.spaceId.isEmpty())
        out.string(QLatin1String("spaceId"), app.spaceId);
    out.string(QLatin1String("ownerId"), app.ownerId);
    out.string(QLatin1String("creatorId"), app.ownerId);
    out.string(QLatin1String("updaterId"), app.ownerId);
    out.string(QLatin1String("tenantId"), m_tenant.id);
    out.string(QLatin1String("createdAt"), created);
    out.string(QLatin1String("updatedAt"), updated);
    out.string(QLatin1String("resourceCreatedAt"), created);
    out.string(QLatin1String("resourceUpdatedAt"), updated);
    out.string(QLatin1String("resourceReloadEndTime"), reloaded);
    out.string(QLatin1String("resourceReloadStatus"), u"ok");
    out.boolean(QLatin1String("isFavorited"), false);
    out.string(QLatin1String("thumbnailId"), QString());
    if (withActions)
        writeActions(QLatin1String("actions"));
    out.emptyArray(QLatin1String("collectionIds"));

    out.key(QLatin1String("resourceAttributes"));
    out.beginObject();
    out.string(QLatin1String("id"), app.id);
    out.string(QLatin1String("name"), app.name);
    out.string(QLatin1String("description"), QString());
    out.string(QLatin1String("thumbnail"), QString());
    out.string(QLatin1String("lastReloadTime"), reloaded);
    out.string(QLatin1String("createdDate"), created);
    out.string(QLatin1String("modifiedDate"), updated);
    out.string(QLatin1String("owner"), ownerSubject(app));
    out.string(QLatin1String("ownerId"), app.ownerId);
    out.boolean(QLatin1String("published"), published);
    out.string(QLatin1String("publishTime"), published ? updated : QString());
    out.emptyObject(QLatin1String("custom"));
    out.boolean(QLatin1String("hasSectionAccess"), app.hasSectionAccess);
    out.boolean(QLatin1String("encrypted"), true);
    out.boolean(QLatin1String("isDirectQueryMode"), false);
    out.string(QLatin1String("usage"), u"ANALYTICS");
    out.string(QLatin1String("spaceId"), app.spaceId);
    out.string(QLatin1String("_resourcetype"), u"app");
    out.endObject();
    out.emptyObject(QLatin1String("resourceCustomAttributes"));

    out.key(QLatin1String("meta"));
    out.beginObject();
    out.boolean(QLatin1String("isFavorited"), false);
    if (withActions)
        writeActions(QLatin1String("actions"));
    out.emptyArray(QLatin1String("tags"));
    out.emptyArray(QLatin1String("collections"));
    out.endObject();

    out.key(QLatin1String("links"));
    out.beginObject();
    out.key(QLatin1String("self"));
    out.beginObject();
    out.string(QLatin1String("href"), self);
    out.endObject();
    out.key(QLatin1String("open"));
    out.beginObject();
    out.string(QLatin1String("href"), QString(m_origin + QStringLiteral("/sense/app/") + app.id));
    out.endObject();
    out.key(QLatin1String("collections"));
    out.beginObject();
    out.string(QLatin1String("href"), QString(self + QStringLiteral("/collections")));
    out.endObject();
    out.endObject();
    out.endObject();
}

QJsonObject ContentJson::app(const SimApp &app, qsizetype position) const
{
    const QDateTime createdAt = appCreated(position);
    const QString updated = ResourceJson::timestamp(createdAt.addDays(2));
    const bool published = m_access.spaceType(app) == u"managed";
    const bool owner = m_access.owns(app);
    return QJsonObject {
        {QStringLiteral("attributes"),
         QJsonObject {
             {QStringLiteral("id"), app.id},
             {QStringLiteral("name"), app.name},
             {QStringLiteral("description"), QString()},
             {QStringLiteral("thumbnail"), QString()},
             {QStringLiteral("lastReloadTime"), ResourceJson::timestamp(createdAt.addDays(3))},
             {QStringLiteral("createdDate"), ResourceJson::timestamp(createdAt)},
             {QStringLiteral("modifiedDate"), updated},
             {QStringLiteral("owner"), ownerSubject(app)},
             {QStringLiteral("ownerId"), app.ownerId},
             {QStringLiteral("dynamicColor"), QString()},
             {QStringLiteral("published"), published},
             {QStringLiteral("publishTime"), published ? updated : QString()},
             {QStringLiteral("custom"), QJsonObject()},
             {QStringLiteral("hasSectionAccess"), app.hasSectionAccess},
             {QStringLiteral("encrypted"), true},
             {QStringLiteral("originAppId"), QString()},
             {QStringLiteral("isDirectQueryMode"), false},
             {QStringLiteral("usage"), QStringLiteral("ANALYTICS")},
             {QStringLiteral("_resourcetype"), QStringLiteral("app")},
         }},
        {QStringLiteral("privileges"), QJsonArray::fromStringList(appActions(app))},
        {QStringLiteral("create"),
         QJsonArray {
             QJsonObject {{QStringLiteral("resource"), QStringLiteral("sheet")}, {QStringLiteral("canCreate"), owner}},
             QJsonObject {{QStringLiteral("resource"), QStringLiteral("bookmark")},
                          {QStringLiteral("canCreate"), true}},
             QJsonObject {{QStringLiteral("resource"), QStringLiteral("story")}, {QStringLiteral("canCreate"), owner}},
         }},
    };
}

QJsonObject ContentJson::dataModel(const SimApp &app)
{
    const quint32 hash = stableHash(app.id);
    const QList<TableTemplate> templates = schema(hash % 2 == 0);
    const qint64 scale = 1 + hash % 7;

    QMap<QString, QStringList> fieldTables; // field -> the tables it appears in
    for (const TableTemplate &table : templates) {
        for (const QString &field : table.fields)
            fieldTables[field].append(table.name);
    }
    QJsonArray tables;
    qint64 staticBytes = 0;
    for (const TableTemplate &table : templates) {
        int keys = 0;
        for (const QString &field : table.fields)
            keys += fieldTables.value(field).size() > 1 ? 1 : 0;
        const qint64 rows = table.rows * scale;
        const qint64 bytes = rows * table.fields.size() * 6;
        staticBytes += bytes;
        tables.append(QJsonObject {
            {QStringLiteral("name"), table.name},
            {QStringLiteral("is_system"), false},
            {QStringLiteral("is_semantic"), false},
            {QStringLiteral("is_loose"), false},
            {QStringLiteral("no_of_rows"), rows},
            {QStringLiteral("no_of_fields"), static_cast<int>(table.fields.size())},
            {QStringLiteral("no_of_key_fields"), keys},
            {QStringLiteral("comment"), QString()},
            {QStringLiteral("byte_size"), bytes},
        });
    }

    QJsonArray fields;
    for (auto it = fieldTables.cbegin(); it != fieldTables.cend(); ++it) {
        const bool key = it.value().size() > 1;
        const bool numeric =
            it.key().endsWith(u"ID") || it.key() == u"Amount" || it.key() == u"Quantity" || it.key() == u"Year";
        QJsonArray tags {numeric ? QStringLiteral("$numeric") : QStringLiteral("$text")};
        if (key)
            tags.prepend(QStringLiteral("$key"));
        const qint64 cardinal = 40 + stableHash(it.key()) % 5000;
        fields.append(QJsonObject {
            {QStringLiteral("name"), it.key()},
            {QStringLiteral("src_tables"), QJsonArray::fromStringList(it.value())},
            {QStringLiteral("is_system"), false},
            {QStringLiteral("is_hidden"), false},
            {QStringLiteral("is_semantic"), false},
            {QStringLiteral("distinct_only"), false},
            {QStringLiteral("is_locked"), false},
            {QStringLiteral("always_one_selected"), false},
            {QStringLiteral("is_numeric"), numeric},
            {QStringLiteral("cardinal"), cardinal},
            {QStringLiteral("total_count"), cardinal},
            {QStringLiteral("comment"), QString()},
            {QStringLiteral("tags"), tags},
            {QStringLiteral("byte_size"), cardinal * 8},
            {QStringLiteral("hash"), QString::number(stableHash(app.id + it.key()), 16)},
        });
    }

    return QJsonObject {
        {QStringLiteral("tables"), tables},
        {QStringLiteral("fields"), fields},
        {QStringLiteral("reload_meta"),
         QJsonObject {
             {QStringLiteral("cpu_time_spent_ms"), static_cast<qint64>(1200 + hash % 9000)},
             {QStringLiteral("hardware"),
              QJsonObject {{QStringLiteral("logical_cores"), 8},
                           {QStringLiteral("total_memory"), static_cast<qint64>(34359738368LL)}}},
             {QStringLiteral("peak_memory_bytes"), staticBytes * 3},
             {QStringLiteral("fullReloadPeakMemoryBytes"), staticBytes * 3},
             {QStringLiteral("partialReloadPeakMemoryBytes"), 0},
         }},
        {QStringLiteral("static_byte_size"), staticBytes},
        {QStringLiteral("has_section_access"), app.hasSectionAccess},
        {QStringLiteral("is_direct_query_mode"), false},
        {QStringLiteral("usage"), QStringLiteral("ANALYTICS")},
        {QStringLiteral("tables_profiling_data"), QJsonArray()},
    };
}

} // namespace Dawiso::Simulator
