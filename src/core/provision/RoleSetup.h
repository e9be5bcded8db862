#pragma once

#include "common/UserMessage.h"
#include "qlik/QlikRole.h"
#include "qlik/QlikStep.h"

namespace Dawiso {

// Makes sure the tenant has a custom role that grants Manage API keys (scope "api-keys"): finds it by name
// (GET /api/v1/roles?filter=name eq "…"), creates it (POST /api/v1/roles) or adds the scope to it (PATCH add
// /assignedScopes/-), and then reads it back to confirm the scope is really there. Needs a tenant admin's token.
class RoleSetup : public QlikStep
{
    Q_OBJECT

public:
    enum class Action {
        Reused,
        Created,
        ScopeAdded,
    };
    Q_ENUM(Action)

    struct Result
    {
        bool ok = false;
        Action action = Action::Reused;
        QlikRole role;
        QString message;
        QString warning; // the role promotes users to full (paid) users
        UserMessage problem;
        // The HTTP status of the answer the step failed on; 0 when there was none.
        int httpStatus = 0;
    };

    static QString manageApiKeysScope() { return QStringLiteral("api-keys"); }

    using QlikStep::QlikStep;

    void start(const QString &roleName);

signals:
    void progress(const QString &message);
    void finished(const Dawiso::RoleSetup::Result &result);

private:
    void onSearch(QlikRequest *request);
    void onCreated(QlikRequest *request);
    void onScopeAdded(QlikRequest *request);
    void confirm(const QString &roleId);
    void onConfirmed(QlikRequest *request);
    void fail(const UserMessage &problem, int httpStatus = 0);
    void failScopeRefused(QlikRequest *request, const QString &what);

    QString m_roleName;
    Result m_result;
};

} // namespace Dawiso
