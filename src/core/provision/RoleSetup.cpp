#include "provision/RoleSetup.h"

#include "provision/ScimFilter.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Dawiso {

void RoleSetup::start(const QString &roleName)
{
    begin();
    m_roleName = roleName.trimmed();
    m_result = Result();
    emit progress(tr("Looking for the role “%1”…").arg(m_roleName));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"),
                       QString::fromLatin1(QUrl::toPercentEncoding(ScimFilter::nameEquals(m_roleName))));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    run(client()->get(QStringLiteral("/api/v1/roles"), query), [this](QlikRequest *request) { onSearch(request); });
}

void RoleSetup::fail(const UserMessage &problem, int httpStatus)
{
    m_result.ok = false;
    m_result.problem = problem;
    m_result.httpStatus = httpStatus;
    finish([this] { emit finished(m_result); });
}

void RoleSetup::failScopeRefused(QlikRequest *request, const QString &what)
{
    fail({what,
          tr("Set it by hand: in Administration › Manage users › Permissions, create or edit the role “%1”, set "
             "Manage API keys to Allowed and save. Then carry on with the guided steps (Guide me), which assign the "
             "role.")
              .arg(m_roleName),
          request->qlikError().summary()},
         request->httpStatus());
}

void RoleSetup::onSearch(QlikRequest *request)
{
    if (!request->isSuccess()) {
        fail(RequestProblem::describe(request, tr("Looking for the role")), request->httpStatus());
        return;
    }
    // The filter is case-insensitive; the name still has to be the one asked for, not just contain it.
    std::optional<QlikRole> found;
    const QJsonArray entries = request->json().object().value(QLatin1String("data")).toArray();
    for (const QJsonValue &value : entries) {
        const auto role = QlikRole::fromJson(value.toObject(), nullptr);
        if (role && role->name.compare(m_roleName, Qt::CaseInsensitive) == 0) {
            found = role;
            break;
        }
    }

    if (!found) {
        emit progress(tr("Creating the role “%1”…").arg(m_roleName));
        const QJsonObject body {
            {QStringLiteral("name"), m_roleName},
            {QStringLiteral("description"),
             tr("Lets Dawiso's integration user create API keys (Manage API keys). Created by Dawiso Qlik Setup.")},
            {QStringLiteral("assignedScopes"), QJsonArray {manageApiKeysScope()}}};
        run(client()->post(QStringLiteral("/api/v1/roles"), QJsonDocument(body)),
            [this](QlikRequest *created) { onCreated(created); });
        return;
    }

    m_result.role = *found;
    if (found->type == QLatin1String("default")) {
        fail({tr("“%1” is one of Qlik's built-in roles, which cannot be changed.").arg(found->name),
              tr("Choose another name for Dawiso's role.")});
        return;
    }
    if (found->grantsScope(manageApiKeysScope())) {
        m_result.action = Action::Reused;
        confirm(found->id);
        return;
    }
    emit progress(tr("Adding Manage API keys to the role “%1”…").arg(found->name));
    const QJsonArray patch {QJsonObject {{QStringLiteral("op"), QStringLiteral("add")},
                                         {QStringLiteral("path"), QStringLiteral("/assignedScopes/-")},
                                         {QStringLiteral("value"), manageApiKeysScope()}}};
    run(client()->patch(QStringLiteral("/api/v1/roles/%1").arg(found->id), QJsonDocument(patch)),
        [this](QlikRequest *patched) { onScopeAdded(patched); });
}

void RoleSetup::onCreated(QlikRequest *request)
{
    if (request->httpStatus() == 400) {
        // The name was looked up first, so what Qlik can refuse in this body is the scope.
        failScopeRefused(request,
                         tr("Qlik refused to create the role “%1” with the scope %2 (Manage API keys).")
                             .arg(m_roleName, manageApiKeysScope()));
        return;
    }
    if (!request->isSuccess()) {
        fail(RequestProblem::describe(request, tr("Creating the role")), request->httpStatus());
        return;
    }
    const auto role = QlikRole::fromJson(request->json().object(), nullptr);
    if (!role) {
        fail({tr("Qlik created the role but its answer could not be read."),
              tr("Retry: the wizard will find the role by its name.")});
        return;
    }
    m_result.action = Action::Created;
    m_result.role = *role;
    confirm(role->id);
}

void RoleSetup::onScopeAdded(QlikRequest *request)
{
    if (request->httpStatus() == 400) {
        failScopeRefused(request,
                         tr("Qlik refused to add the scope %1 (Manage API keys) to the role “%2”.")
                             .arg(manageApiKeysScope(), m_result.role.name));
        return;
    }
    if (!request->isSuccess()) {
        fail(RequestProblem::describe(request, tr("Adding Manage API keys to the role")), request->httpStatus());
        return;
    }
    m_result.action = Action::ScopeAdded;
    confirm(m_result.role.id);
}

void RoleSetup::confirm(const QString &roleId)
{
    emit progress(tr("Checking the role…"));
    run(client()->get(QStringLiteral("/api/v1/roles/%1").arg(roleId)),
        [this](QlikRequest *request) { onConfirmed(request); });
}

void RoleSetup::onConfirmed(QlikRequest *request)
{
    if (!request->isSuccess()) {
        fail(RequestProblem::describe(request, tr("Checking the role")), request->httpStatus());
        return;
    }
    const auto role = QlikRole::fromJson(request->json().object(), nullptr);
    if (!role || !role->grantsScope(manageApiKeysScope())) {
        fail({tr("The role “%1” still does not grant Manage API keys.").arg(m_result.role.name),
              tr("Open Administration › Manage users › Permissions, edit the role, set Manage API keys to Allowed, "
                 "and save."),
              role ? role->assignedScopes.join(QLatin1String(", ")) : QString()});
        return;
    }
    m_result.role = *role;
    m_result.ok = true;
    switch (m_result.action) {
    case Action::Reused:
        m_result.message = tr("The role “%1” already lets its users create API keys.").arg(role->name);
        break;
    case Action::Created:
        m_result.message = tr("Created the role “%1” with Manage API keys allowed.").arg(role->name);
        break;
    case Action::ScopeAdded:
        m_result.message = tr("Added Manage API keys to the role “%1”.").arg(role->name);
        break;
    }
    if (role->promotesToFullUser())
        m_result.warning = tr("Assigning “%1” makes its users full users, which may cost a paid licence on "
                              "capacity subscriptions. Check with your Qlik administrator before you assign it.")
                               .arg(role->name);
    finish([this] { emit finished(m_result); });
}

} // namespace Dawiso
