#include "qlik/QlikUser.h"

#include "qlik/JsonFieldReader.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"

#include <QJsonDocument>

namespace Dawiso {

namespace {

const QLatin1String tenantAdmin("TenantAdmin");

QList<QlikRoleRef> readRoles(const QJsonArray &array, JsonFieldReader &owner)
{
    QList<QlikRoleRef> roles;
    for (const QJsonValue &value : array) {
        if (!value.isObject()) {
            owner.addProblem(QCoreApplication::translate("QlikUser", "A role of the user is not an object."));
            continue;
        }
        JsonFieldReader reader(value.toObject(), QCoreApplication::translate("QlikUser", "role"));
        QlikRoleRef role;
        role.id = reader.optionalString(QStringLiteral("id"));
        role.name = reader.optionalString(QStringLiteral("name"));
        role.type = reader.optionalString(QStringLiteral("type"));
        role.level = reader.optionalString(QStringLiteral("level"));
        for (const QString &problem : reader.problems())
            owner.addProblem(problem);
        roles << role;
    }
    return roles;
}

} // namespace

std::optional<QlikUser> QlikUser::fromJson(const QJsonObject &object, QStringList *problems)
{
    JsonFieldReader reader(object, QCoreApplication::translate("QlikUser", "user record"));
    QlikUser user;
    user.id = reader.requiredString(QStringLiteral("id"));
    user.tenantId = reader.optionalString(QStringLiteral("tenantId"));
    user.subject = reader.optionalString(QStringLiteral("subject"));
    user.name = reader.optionalString(QStringLiteral("name"));
    user.email = reader.optionalString(QStringLiteral("email"));
    user.status = reader.optionalString(QStringLiteral("status"));
    user.roles = readRoles(reader.optionalArray(QStringLiteral("assignedRoles")), reader);

    const QJsonArray groups = reader.optionalArray(QStringLiteral("assignedGroups"));

    for (const QJsonValue &value : groups) {
        if (!value.isObject()) {
            reader.addProblem(QCoreApplication::translate("QlikUser", "A group of the user is not an object."));
            continue;
        }
        JsonFieldReader groupReader(value.toObject(), QCoreApplication::translate("QlikUser", "group"));
        QlikGroupRef group;
        group.id = groupReader.optionalString(QStringLiteral("id"));
        group.name = groupReader.optionalString(QStringLiteral("name"));
        group.roles = readRoles(groupReader.optionalArray(QStringLiteral("assignedRoles")), groupReader);
        for (const QString &problem : groupReader.problems())
            reader.addProblem(problem);
        user.groups << group;
    }
    const QJsonArray scopes = reader.optionalArray(QStringLiteral("assignedScopes"));
    for (const QJsonValue &value : scopes) {
        if (value.isString())
            user.scopes << value.toString();
    }

    if (problems)
        *problems = reader.problems();
    // Only a missing or mistyped id makes the record unusable; other problems are reported but tolerated.
    if (user.id.isEmpty())
        return std::nullopt;
    return user;
}

std::variant<QlikUser, UserMessage> QlikUser::fromRequest(const QlikRequest *request, const QString &action,
                                                          UserMessage unreadable)
{
    if (!request->isSuccess())
        return RequestProblem::describe(request, action);
    return fromAnswer(request, std::move(unreadable));
}

std::variant<QlikUser, UserMessage> QlikUser::fromAnswer(const QlikRequest *request, UserMessage unreadable)
{
    QString parseError;
    const QJsonDocument document = request->json(&parseError);
    QStringList problems;
    if (const auto user = document.isObject() ? fromJson(document.object(), &problems) : std::nullopt)
        return *user;
    if (!parseError.isEmpty())
        unreadable.detail = parseError;
    else if (!document.isObject())
        unreadable.detail = QCoreApplication::translate("QlikUser", "The answer is not a JSON object.");
    else
        unreadable.detail = problems.join(QLatin1Char(' '));
    return unreadable;
}

bool QlikUser::holdsTenantAdminDirectly() const
{
    for (const QlikRoleRef &role : roles) {
        if (role.name == tenantAdmin)
            return true;
    }
    return false;
}

QStringList QlikUser::tenantAdminGroups() const
{
    QStringList names;
    for (const QlikGroupRef &group : groups) {
        for (const QlikRoleRef &role : group.roles) {
            if (role.name == tenantAdmin) {
                names << (group.name.isEmpty() ? group.id : group.name);
                break;
            }
        }
    }
    return names;
}

QString QlikUser::displayName() const
{
    if (!name.isEmpty() && !email.isEmpty() && name != email)
        return name + QLatin1String(" (") + email + QLatin1Char(')');
    if (!name.isEmpty())
        return name;
    if (!email.isEmpty())
        return email;
    return id;
}

QString QlikUser::statusInWords() const
{
    // The statuses of Qlik's users API (users.json).
    if (status == u"active")
        return tr("active");
    if (status == u"invited")
        return tr("invited but not yet signed in");
    if (status == u"disabled")
        return tr("disabled");
    if (status == u"deleted")
        return tr("deleted");
    if (status == u"provisioned")
        return tr("provisioned but not yet signed in");
    return status;
}

QList<QlikUser::AdminRole> QlikUser::adminRoles() const
{
    // A role without a level (an older answer) counts as admin-level only when it is TenantAdmin.
    auto isAdminLevel = [](const QlikRoleRef &role) {
        return role.level == QLatin1String("admin") || role.name == tenantAdmin;
    };
    QList<AdminRole> found;
    for (const QlikRoleRef &role : roles) {
        if (isAdminLevel(role))
            found.append({role.name.isEmpty() ? role.id : role.name, QString()});
    }
    for (const QlikGroupRef &group : groups) {
        for (const QlikRoleRef &role : group.roles) {
            if (isAdminLevel(role))
                found.append({role.name.isEmpty() ? role.id : role.name, group.name.isEmpty() ? group.id : group.name});
        }
    }
    return found;
}

QString QlikUser::adminWarning() const
{
    const QList<AdminRole> held = adminRoles();
    if (held.isEmpty())
        return {};
    const QString who = displayName();
    if (isTenantAdmin()) {
        const QStringList adminGroups = tenantAdminGroups();
        const QString how = holdsTenantAdminDirectly()
            ? tr("%1 holds the Tenant Admin role.").arg(who)
            : tr("%1 is a tenant admin through the group %2.").arg(who, adminGroups.join(QLatin1String(", ")));
        return how + QLatin1Char(' ')
            + tr("A key acts with all the rights of its user, so Dawiso could see and change everything in your "
                 "tenant, and the key stops working if that person leaves or loses the role. Qlik and Dawiso "
                 "recommend a dedicated user without admin roles: assign the Dawiso Integration role to such a user "
                 "and generate the key while signed in as them.");
    }
    QStringList how;
    for (const AdminRole &role : held) {
        how << (role.group.isEmpty()
                    ? role.role
                    : tr("%1 (through the group %2)", "an admin role held through a group").arg(role.role, role.group));
    }
    return tr("%1 holds the admin-level role(s) %2.", nullptr, int(held.size())).arg(who, how.join(QLatin1String(", ")))
        + QLatin1Char(' ')
        + tr("A key acts with all the rights of its user, so Dawiso could change what that role administers, not "
             "only read, and the key stops working if that person leaves or loses the role. Qlik and Dawiso "
             "recommend a dedicated user without admin roles: assign the Dawiso Integration role to such a user and "
             "generate the key while signed in as them.");
}

} // namespace Dawiso
