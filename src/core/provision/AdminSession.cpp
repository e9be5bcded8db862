#include "provision/AdminSession.h"

#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"

namespace Dawiso {

AdminSession::AdminSession(QlikClient *client, QObject *parent)
    : QlikStep(client, parent)
{ }

void AdminSession::start()
{
    begin();
    m_result = Result();
    emit progress(tr("Checking that you are a tenant admin…"));
    fetch(QStringLiteral("/api/v1/users/me"), &AdminSession::onUser);
}

void AdminSession::fetch(const QString &path, void (AdminSession::*handler)(QlikRequest *))
{
    run(client()->get(path), [this, handler](QlikRequest *request) { (this->*handler)(request); });
}

void AdminSession::fail(const UserMessage &problem, int httpStatus)
{
    m_result.ok = false;
    m_result.problem = problem;
    m_result.httpStatus = httpStatus;
    done();
}

void AdminSession::done()
{
    finish([this] { emit finished(m_result); });
}

void AdminSession::onUser(QlikRequest *request)
{
    const auto read = QlikUser::fromRequest(request, tr("Reading who signed in"),
                                            {tr("Qlik's answer about who signed in could not be read."),
                                             tr("Retry; if it fails again, use the guided steps.")});
    if (const auto *problem = std::get_if<UserMessage>(&read)) {
        fail(*problem, request->httpStatus());
        return;
    }
    const QlikUser &user = std::get<QlikUser>(read);
    m_result.admin = user;
    if (!user.isTenantAdmin()) {
        fail({tr("%1 is not a tenant admin, so the wizard cannot create or assign roles with this sign-in.")
                  .arg(user.displayName()),
              tr("Sign in as a user with the Tenant Admin role, or use the guided steps and ask a tenant admin "
                 "to do them.")});
        return;
    }
    m_result.tenantId = user.tenantId;
    emit progress(tr("Reading the tenant's API-key policy…"));
    if (m_result.tenantId.isEmpty())
        fetch(QStringLiteral("/api/v1/tenants/me"), &AdminSession::onTenant);
    else
        fetch(QStringLiteral("/api/v1/api-keys/configs/%1").arg(m_result.tenantId), &AdminSession::onPolicy);
}

void AdminSession::onTenant(QlikRequest *request)
{
    m_result.tenantId =
        request->isSuccess() ? request->json().object().value(QLatin1String("id")).toString() : QString();
    if (m_result.tenantId.isEmpty()) {
        fail(RequestProblem::describe(request, tr("Reading the tenant")), request->httpStatus());
        return;
    }
    fetch(QStringLiteral("/api/v1/api-keys/configs/%1").arg(m_result.tenantId), &AdminSession::onPolicy);
}

void AdminSession::onPolicy(QlikRequest *request)
{
    // Without the policy the wizard still works: it offers the default choices and lets Qlik enforce its limits.
    if (request->isSuccess())
        m_result.policy = ApiKeyPolicy::fromJson(request->json().object());
    m_result.ok = true;
    done();
}

} // namespace Dawiso
