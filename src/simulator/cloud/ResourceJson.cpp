#include "simulator/cloud/ResourceJson.h"

#include <QJsonArray>

namespace Dawiso::Simulator {

namespace {

QJsonObject roleReference(const SimRole &role)
{
    return QJsonObject {{QStringLiteral("id"), role.id},
                        {QStringLiteral("name"), role.name},
                        {QStringLiteral("type"), role.type},
                        {QStringLiteral("level"), role.level}};
}

QJsonArray roleReferences(const SimulatedTenant &tenant, const QStringList &roleNames)
{
    QJsonArray result;
    for (const QString &roleName : roleNames) {
        if (const SimRole *role = tenant.roleByName(roleName))
            result.append(roleReference(*role));
    }
    return result;
}

} // namespace

ResourceJson::ResourceJson(const SimulatedTenant &tenant, const QString &origin)
    : m_tenant(tenant)
    , m_origin(origin)
{ }

QString ResourceJson::timestamp(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODateWithMs);
}

QDateTime ResourceJson::recordsCreated()
{
    return QDateTime(QDate(2024, 3, 4), QTime(9, 30), Qt::UTC);
}

QString ResourceJson::apiKeyStatus(const SimApiKey &key)
{
    if (key.status == u"active" && key.expiry.isValid() && key.expiry <= QDateTime::currentDateTimeUtc())
        return QStringLiteral("expired");
    return key.status;
}

QJsonObject ResourceJson::selfLink(const QString &path) const
{
    return QJsonObject {{QStringLiteral("self"), QJsonObject {{QStringLiteral("href"), QString(m_origin + path)}}}};
}

QJsonObject ResourceJson::user(const SimUser &user) const
{
    QJsonArray groups;
    for (const QString &groupId : user.groupIds) {
        if (const SimGroup *group = m_tenant.group(groupId)) {
            groups.append(QJsonObject {{QStringLiteral("id"), group->id},
                                       {QStringLiteral("name"), group->name},
                                       {QStringLiteral("providerType"), QStringLiteral("idp")},
                                       {QStringLiteral("assignedRoles"), roleReferences(m_tenant, group->roleNames)}});
        }
    }
    const QString created = timestamp(recordsCreated());
    QJsonObject result {
        {QStringLiteral("id"), user.id},
        {QStringLiteral("tenantId"), m_tenant.id},
        {QStringLiteral("subject"), user.subject},
        {QStringLiteral("name"), user.name},
        {QStringLiteral("email"), user.email},
        {QStringLiteral("status"), user.status},
        {QStringLiteral("assignedRoles"), roleReferences(m_tenant, user.roleNames)},
        {QStringLiteral("assignedGroups"), groups},
        {QStringLiteral("assignedScopes"), QJsonArray::fromStringList(m_tenant.effectiveScopes(user))},
        {QStringLiteral("createdAt"), created},
        {QStringLiteral("lastUpdatedAt"), created},
        {QStringLiteral("links"), selfLink(QStringLiteral("/api/v1/users/") + user.id)},
    };
    if (!user.clientId.isEmpty())
        result.insert(QStringLiteral("clientId"), user.clientId);
    return result;
}

QJsonObject ResourceJson::tenant(const QString &hostAndPort) const
{
    const QString created = timestamp(recordsCreated());
    return QJsonObject {
        {QStringLiteral("id"), m_tenant.id},
        {QStringLiteral("name"), m_tenant.name},
        {QStringLiteral("hostnames"), QJsonArray::fromStringList(QStringList {hostAndPort} + m_tenant.aliasHostnames)},
        {QStringLiteral("region"), m_tenant.region},
        {QStringLiteral("datacenter"), m_tenant.datacenter},
        {QStringLiteral("status"), QStringLiteral("active")},
        {QStringLiteral("created"), created},
        {QStringLiteral("lastUpdated"), created},
        {QStringLiteral("links"), selfLink(QStringLiteral("/api/v1/tenants/") + m_tenant.id)},
    };
}

QJsonObject ResourceJson::role(const SimRole &role) const
{
    const bool custom = role.type == u"custom";
    const QString created = timestamp(recordsCreated());
    return QJsonObject {
        {QStringLiteral("id"), role.id},
        {QStringLiteral("tenantId"), m_tenant.id},
        {QStringLiteral("name"), role.name},
        {QStringLiteral("type"), role.type},
        {QStringLiteral("level"), role.level},
        {QStringLiteral("description"), role.description},
        {QStringLiteral("permissions"), QJsonArray()},
        {QStringLiteral("assignedScopes"), QJsonArray::fromStringList(role.assignedScopes)},
        {QStringLiteral("canEdit"), custom || role.name == u"UserDefault"},
        {QStringLiteral("canDelete"), custom},
        {QStringLiteral("fullUser"), role.userEntitlementType == u"fullUser"},
        {QStringLiteral("userEntitlementType"), role.userEntitlementType},
        {QStringLiteral("createdAt"), created},
        {QStringLiteral("lastUpdatedAt"), created},
        {QStringLiteral("links"), selfLink(QStringLiteral("/api/v1/roles/") + role.id)},
    };
}

QJsonObject ResourceJson::apiKey(const SimApiKey &key) const
{
    return QJsonObject {
        {QStringLiteral("id"), key.id},
        {QStringLiteral("tenantId"), m_tenant.id},
        {QStringLiteral("description"), key.description},
        {QStringLiteral("status"), apiKeyStatus(key)},
        {QStringLiteral("sub"), key.sub},
        {QStringLiteral("subType"), QStringLiteral("user")},
        {QStringLiteral("expiry"), timestamp(key.expiry)},
        {QStringLiteral("createdByUser"), key.createdByUser},
        {QStringLiteral("created"), timestamp(key.created)},
        {QStringLiteral("lastUpdated"), timestamp(key.created)},
    };
}

} // namespace Dawiso::Simulator
