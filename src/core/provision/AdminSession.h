#pragma once

#include "common/UserMessage.h"
#include "provision/ApiKeyPolicy.h"
#include "qlik/QlikStep.h"
#include "qlik/QlikUser.h"

namespace Dawiso {

// What the automated steps learn from the signed-in admin's token first: that they hold TenantAdmin (GET
// /api/v1/users/me), the tenant's id (GET /api/v1/tenants/me) and its API-key policy (GET
// /api/v1/api-keys/configs/{tenantId}).
class AdminSession : public QlikStep
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        QlikUser admin;
        QString tenantId;
        ApiKeyPolicy policy;
        UserMessage problem;
        // The HTTP status of the answer the step failed on; 0 when there was none.
        int httpStatus = 0;
    };

    // client: pointed at the tenant, with the admin's access token set.
    explicit AdminSession(QlikClient *client, QObject *parent = nullptr);

    void start();

signals:
    void progress(const QString &message);
    void finished(const Dawiso::AdminSession::Result &result);

private:
    void onUser(QlikRequest *request);
    void onTenant(QlikRequest *request);
    void onPolicy(QlikRequest *request);
    void fetch(const QString &path, void (AdminSession::*handler)(QlikRequest *));
    void fail(const UserMessage &problem, int httpStatus = 0);
    void done();

    Result m_result;
};

} // namespace Dawiso
