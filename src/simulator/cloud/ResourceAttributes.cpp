#include "simulator/cloud/ResourceAttributes.h"

#include "simulator/cloud/ResourceJson.h"

namespace Dawiso::Simulator {

QStringList ResourceAttributes::userValues(const SimulatedTenant &tenant, const SimUser &user, const QString &attribute)
{
    if (attribute == u"id" || attribute == u"_id")
        return {user.id};
    if (attribute == u"subject")
        return {user.subject};
    if (attribute == u"name")
        return {user.name};
    if (attribute == u"email")
        return {user.email};
    if (attribute == u"status")
        return {user.status};
    if (attribute == u"clientid")
        return {user.clientId};
    if (attribute == u"tenantid")
        return {tenant.id};
    if (attribute == u"createdat")
        return {ResourceJson::timestamp(ResourceJson::recordsCreated())};
    if (attribute == u"assignedscopes")
        return tenant.effectiveScopes(user);
    if (attribute == u"assignedgroups.id")
        return user.groupIds;
    QStringList roleNames;
    if (attribute == u"assignedroles.name" || attribute == u"assignedroles.id") {
        roleNames = user.roleNames;
    } else if (attribute == u"assignedgroupsassignedroles.name") {
        for (const QString &groupId : user.groupIds) {
            if (const SimGroup *group = tenant.group(groupId))
                roleNames += group->roleNames;
        }
    } else {
        return {};
    }
    if (attribute == u"assignedroles.id") {
        QStringList ids;
        for (const QString &roleName : std::as_const(roleNames)) {
            if (const SimRole *role = tenant.roleByName(roleName))
                ids.append(role->id);
        }
        return ids;
    }
    return roleNames;
}

QStringList ResourceAttributes::roleValues(const SimulatedTenant &tenant, const SimRole &role, const QString &attribute)
{
    if (attribute == u"id")
        return {role.id};
    if (attribute == u"name")
        return {role.name};
    if (attribute == u"type")
        return {role.type};
    if (attribute == u"level")
        return {role.level};
    if (attribute == u"tenantid")
        return {tenant.id};
    if (attribute == u"createdat" || attribute == u"lastupdatedat")
        return {ResourceJson::timestamp(ResourceJson::recordsCreated())};
    if (attribute == u"description")
        return {role.description};
    return {};
}

ScimFilter::Rules ResourceAttributes::userFilterRules()
{
    // As the Users API documents the filter parameter.
    ScimFilter::Rules rules;
    rules.attributesByOperator.insert(
        QStringLiteral("eq"),
        {QStringLiteral("id"), QStringLiteral("subject"), QStringLiteral("name"), QStringLiteral("email"),
         QStringLiteral("status"), QStringLiteral("clientid"), QStringLiteral("assignedroles.id"),
         QStringLiteral("assignedroles.name"), QStringLiteral("assignedgroups.id"),
         QStringLiteral("assignedgroupsassignedroles.name"), QStringLiteral("assignedscopes")});
    rules.attributesByOperator.insert(QStringLiteral("co"),
                                      {QStringLiteral("name"), QStringLiteral("email"), QStringLiteral("subject")});
    rules.wholeQueryAttribute = QStringLiteral("status");
    return rules;
}

ScimFilter::Rules ResourceAttributes::roleFilterRules()
{
    const QStringList filterable {QStringLiteral("id"),
                                  QStringLiteral("name"),
                                  QStringLiteral("type"),
                                  QStringLiteral("level"),
                                  QStringLiteral("tenantid"),
                                  QStringLiteral("createdat"),
                                  QStringLiteral("lastupdatedat"),
                                  QStringLiteral("description"),
                                  QStringLiteral("permissions")};
    ScimFilter::Rules rules;
    for (const char *op : {"eq", "ne", "co", "sw", "ew", "pr"})
        rules.attributesByOperator.insert(QLatin1String(op), filterable);
    return rules;
}

} // namespace Dawiso::Simulator
