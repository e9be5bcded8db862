#include "simulator/cloud/SimulatedTenant.h"

#include "simulator/cloud/DemoTenant.h"

namespace Dawiso::Simulator {

namespace {

template <typename T>
const T *findById(const QList<T> &items, const QString &id)
{
    for (const T &item : items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

template <typename T>
T *findById(QList<T> &items, const QString &id)
{
    for (T &item : items) {
        if (item.id == id)
            return &item;
    }
    return nullptr;
}

} // namespace

SimulatedTenant SimulatedTenant::demo()
{
    return DemoTenant::build();
}

const SimUser *SimulatedTenant::user(const QString &userId) const
{
    return findById(users, userId);
}

const SimRole *SimulatedTenant::role(const QString &roleId) const
{
    return findById(roles, roleId);
}

const SimRole *SimulatedTenant::roleByName(const QString &roleName) const
{
    for (const SimRole &candidate : roles) {
        if (candidate.name == roleName)
            return &candidate;
    }
    return nullptr;
}

const SimGroup *SimulatedTenant::group(const QString &groupId) const
{
    return findById(groups, groupId);
}

const SimApiKey *SimulatedTenant::apiKey(const QString &keyId) const
{
    return findById(apiKeys, keyId);
}

const SimSpace *SimulatedTenant::space(const QString &spaceId) const
{
    return findById(spaces, spaceId);
}

const SimApp *SimulatedTenant::app(const QString &appId) const
{
    return findById(apps, appId);
}

const SimOAuthClient *SimulatedTenant::oauthClient(const QString &clientId) const
{
    for (const SimOAuthClient &client : oauthClients) {
        if (client.clientId == clientId)
            return &client;
    }
    return nullptr;
}

SimUser *SimulatedTenant::user(const QString &userId)
{
    return findById(users, userId);
}

SimRole *SimulatedTenant::role(const QString &roleId)
{
    return findById(roles, roleId);
}

bool SimulatedTenant::isTenantAdmin(const SimUser &candidate) const
{
    const QString tenantAdmin = QStringLiteral("TenantAdmin");
    if (candidate.roleNames.contains(tenantAdmin))
        return true;
    for (const QString &groupId : candidate.groupIds) {
        const SimGroup *found = group(groupId);
        if (found && found->roleNames.contains(tenantAdmin))
            return true;
    }
    return false;
}

QStringList SimulatedTenant::effectiveScopes(const SimUser &candidate) const
{
    QStringList roleNames = candidate.roleNames;
    for (const QString &groupId : candidate.groupIds) {
        if (const SimGroup *found = group(groupId))
            roleNames += found->roleNames;
    }
    roleNames.append(QStringLiteral("UserDefault"));

    QStringList scopes;
    for (const QString &roleName : std::as_const(roleNames)) {
        if (const SimRole *found = roleByName(roleName)) {
            for (const QString &scope : found->assignedScopes) {
                if (!scopes.contains(scope))
                    scopes.append(scope);
            }
        }
    }
    return scopes;
}

} // namespace Dawiso::Simulator
