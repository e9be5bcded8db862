#pragma once

#include "simulator/cloud/SimCaller.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QString>

namespace Dawiso::Simulator {

// POST /api/v1/roles and PATCH /api/v1/roles/{id} (https://qlik.dev/apis/rest/roles/), TenantAdmin only:
// - create: {name (unique, case-insensitive), description?, assignedScopes?} → 201 Role (custom, level user, no
//   entitlement change); at most 500 custom roles;
// - patch: add /assignedScopes/-, replace /assignedScopes, remove-value /assignedScopes, replace /name,
//   replace /description → 204; only custom roles and UserDefault (other default roles: 403). A patch applies whole
//   or not at all.
// Errors use the roles service's shape (no status in the error items).
class RoleWrites
{
public:
    static constexpr int maximumCustomRoles = 500;

    explicit RoleWrites(SimulatedTenant &tenant);

    SimResponse create(const SimRequest &request, const SimCaller &caller, const QString &origin);
    SimResponse patch(const SimRequest &request, const SimCaller &caller, const QString &roleId);
    // Variation, off while empty: custom roles may not hold this scope (400 on create and patch), as a tenant whose
    // Qlik refuses a scope to custom roles would answer. Qlik documents no such refusal; the answer says nothing
    // more than Bad request.
    void setRefusedScope(const QString &scope) { m_refusedScope = scope; }

private:
    // Whether another role than `except` already has the name (compared case-insensitively).
    bool nameTaken(const QString &name, const QString &exceptRoleId) const;
    void rename(const QString &from, const QString &to);

    SimulatedTenant &m_tenant;
    QString m_refusedScope;
};

} // namespace Dawiso::Simulator
