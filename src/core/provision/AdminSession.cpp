#include "provision/AdminSession.h"

#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"

namespace Dawiso {

AdminSession::AdminSession(QlikClient *client, QObject *parent)
    : QlikStep(client, parent)
{ }

void AdminSession::start()
{
    cancel();
    m_result = Result();
    emit progress(tr("Checking that you are a tenant admin…"));
    fetch(QStringLiteral("/api/v1/users/me"), &AdminSession::onUser);
}

void AdminSession::fetch(const QString &path, void (AdminSession::*handler)(QlikRequest *))
{
    run(client()->get(path), [this, handler](QlikRequest *request) { (this->*handler)(request); });
}

void AdminSession::fail(const ProvisionStepError &error)
{
    m_result.ok = false;
    m_result.error = error;
    emit finished(m_result);
}

void AdminSession::onUser(QlikRequest *request)
{
    if (!request->isSuccess()) {
        fail(ProvisionStepError::fromRequest(request, tr("Reading who signed in")));
        return;
    }
    QString problem;
    const auto user = QlikUser::fromBody(request->body(), &problem);
    if (!user) {
        ProvisionStepError error;
        error.message = tr("Qlik's answer about who signed in could not be read.");
        error.advice = tr("Retry; if it fails again, use the guided steps.");
        error.detail = problem;
        fail(error);
        return;
    }
    m_result.admin = *user;
    if (!user->isTenantAdmin()) {
        ProvisionStepError error;
        error.message = tr("%1 is not a tenant admin, so the wizard cannot create or assign roles with this sign-in.")
                            .arg(user->displayName());
        error.advice =
            tr("Sign in as a user with the Tenant Admin role, or use the guided steps and ask a tenant admin "
               "to do them.");
        fail(error);
        return;
    }
    m_result.tenantId = user->tenantId;
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
        fail(ProvisionStepError::fromRequest(request, tr("Reading the tenant")));
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
    emit finished(m_result);
}

} // namespace Dawiso
