#include "simulator/cloud/RoleWrites.h"

#include "simulator/cloud/QlikError.h"
#include "simulator/cloud/ResourceJson.h"
#include "simulator/common/CryptoUtil.h"
#include "simulator/common/RequestBody.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>
#include <optional>

namespace Dawiso::Simulator {

namespace {

SimResponse badRequest(const QString &detail)
{
    return QlikError::response(400, QStringLiteral("HTTP-400"), QStringLiteral("Bad request"),
                               ErrorStatusStyle::Omitted, detail);
}

SimResponse forbidden(const QString &detail)
{
    return QlikError::response(403, QStringLiteral("HTTP-403"), QStringLiteral("Forbidden"), ErrorStatusStyle::Omitted,
                               detail);
}

// A scope list: a string (one scope) where allowed, or an array of non-empty strings without spaces.
std::optional<QStringList> scopeList(const QJsonValue &value, bool singleAllowed)
{
    QStringList scopes;
    if (value.isString() && singleAllowed) {
        scopes.append(value.toString());
    } else if (value.isArray()) {
        const QJsonArray entries = value.toArray();
        for (const QJsonValue &entry : entries) {
            if (!entry.isString())
                return std::nullopt;
            scopes.append(entry.toString());
        }
    } else {
        return std::nullopt;
    }
    const bool wellFormed = std::all_of(scopes.cbegin(), scopes.cend(),
                                        [](const QString &scope) { return !scope.isEmpty() && !scope.contains(u' '); });
    if (!wellFormed)
        return std::nullopt;
    scopes.removeDuplicates();
    return scopes;
}

} // namespace

RoleWrites::RoleWrites(SimulatedTenant &tenant)
    : m_tenant(tenant)
{ }

bool RoleWrites::nameTaken(const QString &name, const QString &exceptRoleId) const
{
    return std::any_of(m_tenant.roles.cbegin(), m_tenant.roles.cend(), [&](const SimRole &role) {
        return role.id != exceptRoleId && role.name.compare(name, Qt::CaseInsensitive) == 0;
    });
}

void RoleWrites::rename(const QString &from, const QString &to)
{
    // Users and groups hold roles by name here, so a renamed role must follow them.
    const auto renameIn = [&from, &to](QStringList &roleNames) {
        std::replace(roleNames.begin(), roleNames.end(), from, to);
    };
    for (SimUser &user : m_tenant.users)
        renameIn(user.roleNames);
    for (SimGroup &group : m_tenant.groups)
        renameIn(group.roleNames);
}

SimResponse RoleWrites::create(const SimRequest &request, const SimCaller &caller, const QString &origin)
{
    if (!caller.tenantAdmin)
        return forbidden(QStringLiteral("Creating roles requires the TenantAdmin role."));
    QString error;
    const auto document = RequestBody::json(request, &error);
    if (!document)
        return badRequest(error);
    if (!document->isObject())
        return badRequest(QStringLiteral("The body must be a JSON object (CreateRole)."));
    const QJsonObject body = document->object();
    const QJsonValue name = body.value(QStringLiteral("name"));
    if (!name.isString() || name.toString().trimmed().isEmpty())
        return badRequest(QStringLiteral("name is required and must be a non-empty string."));
    const QJsonValue description = body.value(QStringLiteral("description"));
    if (!description.isUndefined() && !description.isString())
        return badRequest(QStringLiteral("description must be a string."));
    QStringList scopes;
    if (body.contains(QStringLiteral("assignedScopes"))) {
        const auto given = scopeList(body.value(QStringLiteral("assignedScopes")), false);
        if (!given)
            return badRequest(QStringLiteral("assignedScopes must be an array of scope names."));
        scopes = *given;
        if (!m_refusedScope.isEmpty() && scopes.contains(m_refusedScope))
            return badRequest(QStringLiteral("The request is not valid."));
    }
    const QString roleName = name.toString().trimmed();
    if (nameTaken(roleName, QString()))
        return badRequest(QStringLiteral("A role named '%1' already exists; role names must be unique.").arg(roleName));
    const auto custom = std::count_if(m_tenant.roles.cbegin(), m_tenant.roles.cend(),
                                      [](const SimRole &role) { return role.type == u"custom"; });
    if (custom >= maximumCustomRoles) {
        return badRequest(
            QStringLiteral("The tenant already has the maximum of %1 custom roles.").arg(maximumCustomRoles));
    }

    // As the custom-roles tutorial's answer shows it: no entitlement change, user level.
    SimRole role;
    role.id = CryptoUtil::randomHexId();
    role.name = roleName;
    role.type = QStringLiteral("custom");
    role.level = QStringLiteral("user");
    role.assignedScopes = scopes;
    role.description = description.toString();
    m_tenant.roles.append(role);
    return SimResponse::json(201, ResourceJson(m_tenant, origin).role(role));
}

SimResponse RoleWrites::patch(const SimRequest &request, const SimCaller &caller, const QString &roleId)
{
    if (!caller.tenantAdmin)
        return forbidden(QStringLiteral("Updating roles requires the TenantAdmin role."));
    SimRole *target = m_tenant.role(roleId);
    if (!target) {
        return QlikError::response(404, QStringLiteral("IDENTITIES-10402"), QStringLiteral("Not Found"),
                                   ErrorStatusStyle::Omitted);
    }
    const bool userDefault = target->type == u"default" && target->name == u"UserDefault";
    if (target->type != u"custom" && !userDefault)
        return forbidden(QStringLiteral("The default role '%1' cannot be changed.").arg(target->name));
    QString error;
    const auto document = RequestBody::json(request, &error);
    if (!document)
        return badRequest(error);
    if (!document->isArray() || document->array().isEmpty())
        return badRequest(QStringLiteral("The body must be a non-empty JSON Patch array (PatchRoles)."));

    SimRole changed = *target;
    const QJsonArray operations = document->array();
    for (qsizetype i = 0; i < operations.size(); ++i) {
        const QJsonObject operation = operations.at(i).toObject();
        const QString op = operation.value(QStringLiteral("op")).toString();
        const QString path = operation.value(QStringLiteral("path")).toString();
        const QJsonValue value = operation.value(QStringLiteral("value"));
        const QString where = QStringLiteral("Operation %1 (%2 %3): ").arg(i).arg(op, path);
        if (path == u"/assignedScopes/-" && op == u"add") {
            const auto scopes = scopeList(value, true);
            if (!scopes)
                return badRequest(where + QStringLiteral("value must be a scope name or an array of them."));
            for (const QString &scope : *scopes) {
                if (!changed.assignedScopes.contains(scope))
                    changed.assignedScopes.append(scope);
            }
        } else if (path == u"/assignedScopes" && op == u"replace") {
            const auto scopes = scopeList(value, false);
            if (!scopes)
                return badRequest(where + QStringLiteral("value must be an array of scope names."));
            changed.assignedScopes = *scopes;
        } else if (path == u"/assignedScopes" && op == u"remove-value") {
            const auto scopes = scopeList(value, true);
            if (!scopes)
                return badRequest(where + QStringLiteral("value must be a scope name or an array of them."));
            for (const QString &scope : *scopes)
                changed.assignedScopes.removeAll(scope);
        } else if (path == u"/name" && op == u"replace") {
            const QString newName = value.toString().trimmed();
            if (!value.isString() || newName.isEmpty())
                return badRequest(where + QStringLiteral("value must be a non-empty string."));
            if (userDefault)
                return badRequest(where + QStringLiteral("the UserDefault role cannot be renamed."));
            if (nameTaken(newName, changed.id))
                return badRequest(where + QStringLiteral("a role named '%1' already exists.").arg(newName));
            changed.name = newName;
        } else if (path == u"/description" && op == u"replace") {
            if (!value.isString())
                return badRequest(where + QStringLiteral("value must be a string."));
            changed.description = value.toString();
        } else {
            return badRequest(where
                              + QStringLiteral("supported are add /assignedScopes/-, replace /assignedScopes, "
                                               "remove-value /assignedScopes, replace /name and replace "
                                               "/description."));
        }
    }
    if (!m_refusedScope.isEmpty() && changed.assignedScopes.contains(m_refusedScope)
        && !target->assignedScopes.contains(m_refusedScope))
        return badRequest(QStringLiteral("The request is not valid."));
    if (changed.name != target->name)
        rename(target->name, changed.name);
    *target = changed;
    return SimResponse::noContent();
}

} // namespace Dawiso::Simulator
