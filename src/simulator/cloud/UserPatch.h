#pragma once

#include "simulator/cloud/SimCaller.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// PATCH /api/v1/users/{id} (a JSONPatchArray, https://qlik.dev/apis/rest/users/), TenantAdmin only:
//   add /assignedRoles/-          {"name"} | {"id"} (or an array of them)
//   replace /assignedRoles        [{"name"} | {"id"}, ...]
//   remove-value /assignedRoles   {"name"} | {"id"} (or an array of them)
//   replace /name                 "New Name"
//   replace /status               "active" | "disabled"
// → 204. An unknown role or an unsupported operation → 400 and nothing changes. Any role may be assigned, including
// TenantAdmin and roles whose userEntitlementType is fullUser (the client warns about those).
// Two misbehaviours of real tenants can be switched on for tests:
// - addUnsupported: every request with an add operation answers 400, as the qlik.dev "Manage roles" tutorial says
//   the API behaves (replace only), so clients must fall back to read-modify-replace;
// - partial: 207 with an Errors body. Every operation that can be applied is; those that cannot are reported, each
//   with source.pointer "/<index>"; when all applied, one entry reports a non-critical failure of a side effect.
class UserPatch
{
public:
    explicit UserPatch(SimulatedTenant &tenant);

    void setAddUnsupported(bool unsupported) { m_addUnsupported = unsupported; }
    void setPartial(bool partial) { m_partial = partial; }

    SimResponse apply(const SimRequest &request, const SimCaller &caller, const QString &userId);

private:
    // Applies one operation to *user; returns the reason when it cannot.
    std::optional<QString> applyOne(const QJsonObject &operation, SimUser *user) const;
    // Role names for a {"name"} / {"id"} reference or an array of them; the reason in *error when one is unknown.
    std::optional<QStringList> roleNames(const QJsonValue &value, bool arrayRequired, QString *error) const;

    SimulatedTenant &m_tenant;
    bool m_addUnsupported = false;
    bool m_partial = false;
};

} // namespace Dawiso::Simulator
