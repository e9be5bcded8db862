#pragma once

#include "simulator/cloud/SimulatedTenant.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

// What one user may see and open of the tenant's content, by Qlik's rules (simplified):
// - a space is visible to its owner and members; a TenantAdmin sees every space;
// - an app item is visible to its owner, or to whoever sees its space (personal apps: the owner only);
// - an app opens for its owner and its space's members unless openForbidden; a TenantAdmin who is no member opens
//   apps in shared and data spaces but not in managed ones (admins see managed apps but cannot open them).
// Built once per request in O(spaces); every question after that is a hash look-up. Holds pointers into the tenant,
// so it must not outlive the request.
class ContentAccess
{
public:
    ContentAccess(const SimulatedTenant &tenant, const SimUser &user, bool tenantAdmin);

    const SimUser &user() const { return m_user; }
    bool isTenantAdmin() const { return m_tenantAdmin; }

    const SimSpace *space(const QString &spaceId) const { return m_spaces.value(spaceId).space; }
    bool canSee(const SimSpace &space) const;
    // Owner or member: holds a space role (or owns the space).
    bool isMember(const SimSpace &space) const;

    bool canSee(const SimApp &app) const;
    bool canOpen(const SimApp &app) const;
    bool owns(const SimApp &app) const { return app.ownerId == m_user.id; }
    // "personal", or the type of the app's space ("" when the space does not exist).
    QString spaceType(const SimApp &app) const;

private:
    struct SpaceView
    {
        const SimSpace *space = nullptr;
        bool member = false;
    };

    const SimUser &m_user;
    bool m_tenantAdmin;
    QHash<QString, SpaceView> m_spaces;
};

} // namespace Dawiso::Simulator
