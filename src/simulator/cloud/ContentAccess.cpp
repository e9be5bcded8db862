#include "simulator/cloud/ContentAccess.h"

namespace Dawiso::Simulator {

ContentAccess::ContentAccess(const SimulatedTenant &tenant, const SimUser &user, bool tenantAdmin)
    : m_user(user)
    , m_tenantAdmin(tenantAdmin)
{
    m_spaces.reserve(tenant.spaces.size());
    for (const SimSpace &candidate : tenant.spaces)
        m_spaces.insert(candidate.id,
                        SpaceView {&candidate, candidate.ownerId == user.id || candidate.memberIds.contains(user.id)});
}

bool ContentAccess::canSee(const SimSpace &space) const
{
    return m_tenantAdmin || isMember(space);
}

bool ContentAccess::isMember(const SimSpace &space) const
{
    return m_spaces.value(space.id).member;
}

bool ContentAccess::canSee(const SimApp &app) const
{
    if (owns(app))
        return true;
    if (app.spaceId.isEmpty())
        return false;
    const SpaceView view = m_spaces.value(app.spaceId);
    return view.space && (m_tenantAdmin || view.member);
}

bool ContentAccess::canOpen(const SimApp &app) const
{
    if (app.openForbidden)
        return false;
    if (owns(app))
        return true;
    if (app.spaceId.isEmpty())
        return false;
    const SpaceView view = m_spaces.value(app.spaceId);
    if (!view.space)
        return false;
    return view.member || (m_tenantAdmin && view.space->type != u"managed");
}

QString ContentAccess::spaceType(const SimApp &app) const
{
    if (app.spaceId.isEmpty())
        return QStringLiteral("personal");
    const SimSpace *found = space(app.spaceId);
    return found ? found->type : QString();
}

} // namespace Dawiso::Simulator
