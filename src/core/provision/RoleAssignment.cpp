#include "provision/RoleAssignment.h"

#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"

#include <QJsonArray>
#include <QJsonObject>

namespace Dawiso {

namespace {

bool holdsRole(const QlikUser &user, const QlikRole &role)
{
    for (const QlikRoleRef &assigned : user.roles) {
        if (assigned.id == role.id || (assigned.id.isEmpty() && assigned.name == role.name))
            return true;
    }
    return false;
}

} // namespace

QString RoleAssignment::refusalFor(const QlikUser &user)
{
    if (user.holdsTenantAdminDirectly()) {
        return tr("%1 is a tenant admin. A key of theirs would let Dawiso see and change everything in the tenant; "
                  "choose a user without admin roles.")
            .arg(user.displayName());
    }
    const QStringList groups = user.tenantAdminGroups();
    if (!groups.isEmpty()) {
        return tr("%1 is a tenant admin through the group %2. A key of theirs would let Dawiso see and change "
                  "everything in the tenant; choose a user without admin roles.")
            .arg(user.displayName(), groups.join(QLatin1String(", ")));
    }
    if (user.isAdmin()) {
        QStringList held;
        for (const QlikUser::AdminRole &role : user.adminRoles())
            held << role.role;
        return tr("%1 holds the admin-level role(s) %2. A key of theirs would let Dawiso change what that role "
                  "administers, not only read it; choose a user without admin roles.",
                  nullptr, int(held.size()))
            .arg(user.displayName(), held.join(QLatin1String(", ")));
    }
    if (!user.isActive()) {
        return tr("%1's account is %2 in Qlik; Dawiso needs an active user.")
            .arg(user.displayName(), user.statusInWords());
    }
    return {};
}

void RoleAssignment::fail(const UserMessage &problem, int httpStatus)
{
    m_result.ok = false;
    m_result.problem = problem;
    m_result.httpStatus = httpStatus;
    finish([this] { emit finished(m_result); });
}

void RoleAssignment::start(const QlikUser &user, const QlikRole &role)
{
    begin();
    m_user = user;
    m_role = role;
    m_result = Result();
    const QString refusal = refusalFor(user);
    if (!refusal.isEmpty()) {
        fail({refusal, tr("Pick another user, or invite a new one for Dawiso in Administration › Manage users.")});
        return;
    }
    if (holdsRole(user, role)) {
        m_result.alreadyAssigned = true;
        confirm();
        return;
    }
    emit progress(tr("Giving the role “%1” to %2…").arg(role.name, user.displayName()));
    // Qlik's patch schema only replaces the whole list (no add /assignedRoles/-), so read the roles the user has now
    // and send them back with ours.
    run(client()->get(QStringLiteral("/api/v1/users/%1").arg(user.id)),
        [this](QlikRequest *read) { onUserForReplace(read); });
}

void RoleAssignment::onUserForReplace(QlikRequest *request)
{
    const auto read = QlikUser::fromRequest(
        request, tr("Reading the user's roles"),
        {tr("The user's roles could not be read, so the role was not assigned."),
         tr("Assign the role by hand: Administration › Manage users, open the user, Roles › Assign roles.")});
    if (const auto *problem = std::get_if<UserMessage>(&read)) {
        fail(*problem, request->httpStatus());
        return;
    }
    QJsonArray roles;
    for (const QlikRoleRef &assigned : std::get<QlikUser>(read).roles)
        roles.append(assigned.id.isEmpty() ? QJsonObject {{QStringLiteral("name"), assigned.name}}
                                           : QJsonObject {{QStringLiteral("id"), assigned.id}});
    roles.append(QJsonObject {{QStringLiteral("id"), m_role.id}});
    const QJsonArray patch {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                         {QStringLiteral("path"), QStringLiteral("/assignedRoles")},
                                         {QStringLiteral("value"), roles}}};
    run(client()->patch(QStringLiteral("/api/v1/users/%1").arg(m_user.id), QJsonDocument(patch)),
        [this](QlikRequest *replaced) { onPatched(replaced); });
}

void RoleAssignment::onPatched(QlikRequest *request)
{
    if (request->httpStatus() == 207) {
        // Partial success: Qlik applied what it could and lists the rest.
        m_result.partial = true;
        // The list lives in the error: a range-for over items() of a temporary error would read freed memory.
        const QlikError error = request->qlikError();
        for (const QlikErrorItem &item : error.items())
            m_result.partialProblems << (item.detail.isEmpty() ? item.title
                                                               : item.title + QLatin1String(": ") + item.detail);
    } else if (!request->isSuccess()) {
        fail(RequestProblem::describe(request, tr("Assigning the role")), request->httpStatus());
        return;
    }
    confirm();
}

void RoleAssignment::confirm()
{
    emit progress(tr("Checking that %1 has the role…").arg(m_user.displayName()));
    run(client()->get(QStringLiteral("/api/v1/users/%1").arg(m_user.id)),
        [this](QlikRequest *request) { onConfirmed(request); });
}

void RoleAssignment::onConfirmed(QlikRequest *request)
{
    if (!request->isSuccess()) {
        fail(RequestProblem::describe(request, tr("Checking the user's roles")), request->httpStatus());
        return;
    }
    const auto read = QlikUser::fromAnswer(request);
    const QlikUser *user = std::get_if<QlikUser>(&read);
    if (!user || !holdsRole(*user, m_role)) {
        fail(
            {tr("Qlik did not keep the role “%1” on %2.").arg(m_role.name, m_user.displayName()),
             tr("Assign it by hand: Administration › Manage users, open the user, Roles › Assign roles, pick the role, "
                "Assign."),
             m_result.partialProblems.join(QLatin1Char('\n'))});
        return;
    }
    // The role is there; what lets the user create keys is the scope it brings, which Qlik lists on the user too.
    // A user whose permissions are not listed at all is taken on the role's word.
    if (!user->scopes.isEmpty() && !user->scopes.contains(QLatin1String("api-keys"))) {
        fail({tr("%1 has the role “%2”, but Qlik does not list Manage API keys among their permissions.")
                  .arg(user->displayName(), m_role.name),
              tr("In Administration › Manage users › Permissions, open the role “%1” and check that Manage API keys "
                 "is set to Allowed; save, then assign the role again.")
                  .arg(m_role.name),
              tr("Permissions Qlik lists for the user: %1").arg(user->scopes.join(QLatin1String(", ")))});
        return;
    }
    m_result.user = *user;
    m_result.ok = true;
    m_result.message = m_result.alreadyAssigned
        ? tr("%1 already has the role “%2”.").arg(user->displayName(), m_role.name)
        : tr("%1 now has the role “%2”.").arg(user->displayName(), m_role.name);
    m_result.message += QLatin1Char(' ')
        + tr("If %1 is signed in to Qlik, they may have to sign out and in again before they can create "
             "API keys.")
              .arg(user->name.isEmpty() ? user->displayName() : user->name);
    finish([this] { emit finished(m_result); });
}

} // namespace Dawiso
