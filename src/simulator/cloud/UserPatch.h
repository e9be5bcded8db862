#pragma once

#include "simulator/cloud/SimCaller.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// PATCH /api/v1/users/{id} (a JSONPatchArray, https://qlik.dev/apis/rest/users/), TenantAdmin only, in the forms the
// users spec's JSONPatch schema allows:
//   replace /assignedRoles        [{"name"} | {"id"}, ...]
//   remove-value /assignedRoles   [{"name"} | {"id"}, ...]
//   replace /name                 "New Name"
//   replace /status               "active" | "disabled"
// → 204. An unknown role or any other operation → 400 and nothing changes. Any role may be assigned, including
// TenantAdmin and roles whose userEntitlementType is fullUser (the client warns about those).
// Variations for tests, all off by default:
// - appendRole: also take add /assignedRoles/- with {"name"} | {"id"} (or an array of them), and remove-value with a
//   single reference: the spec's example shows these forms, but its schema allows neither (the path is not in the
//   JSONPatch path enum, a single object is none of the value's types), and the qlik.dev "Manage roles" tutorial
//   says roles can only be replaced;
// - partial: 207 with an Errors body. Every operation that can be applied is; those that cannot are reported, each
//   with source.pointer "/<index>"; when all applied, one entry reports a non-critical failure of a side effect.
class UserPatch
{
public:
    explicit UserPatch(SimulatedTenant &tenant);

    void setAppendRole(bool appendRole) { m_appendRole = appendRole; }
    void setPartial(bool partial) { m_partial = partial; }

    SimResponse apply(const SimRequest &request, const SimCaller &caller, const QString &userId);

private:
    // Applies one operation to *user; returns the reason when it cannot.
    std::optional<QString> applyOne(const QJsonObject &operation, SimUser *user) const;
    // Role names for a {"name"} / {"id"} reference or an array of them; the reason in *error when one is unknown.
    std::optional<QStringList> roleNames(const QJsonValue &value, bool arrayRequired, QString *error) const;

    SimulatedTenant &m_tenant;
    bool m_appendRole = false;
    bool m_partial = false;
};

} // namespace Dawiso::Simulator
