#pragma once

#include "common/UserMessage.h"
#include "qlik/QlikRole.h"
#include "qlik/QlikStep.h"
#include "qlik/QlikUser.h"

#include <QStringList>

namespace Dawiso {

// Gives Dawiso's role to the integration user and proves it: read the user, then PATCH replace /assignedRoles with the
// roles they have plus the new one (the users spec's patch schema has no way to add one role, and Qlik's tutorial on
// roles says the same); a 207 is partial success and its errors are shown; finally read the user back and confirm
// the role is there. A tenant admin is refused: Dawiso's key must not carry admin rights.
class RoleAssignment : public QlikStep
{
    Q_OBJECT

public:
    struct Result
    {
        bool ok = false;
        bool alreadyAssigned = false;
        bool partial = false;
        QStringList partialProblems;
        QlikUser user; // as read back
        QString message;
        UserMessage problem;
        // The HTTP status of the answer the step failed on; 0 when there was none.
        int httpStatus = 0;
    };

    using QlikStep::QlikStep;

    // Why this user must not be Dawiso's user, or empty when they may.
    static QString refusalFor(const QlikUser &user);

    void start(const QlikUser &user, const QlikRole &role);

signals:
    void progress(const QString &message);
    void finished(const Dawiso::RoleAssignment::Result &result);

private:
    void onUserForReplace(QlikRequest *request);
    void onPatched(QlikRequest *request);
    void confirm();
    void onConfirmed(QlikRequest *request);
    void fail(const UserMessage &problem, int httpStatus = 0);

    QlikUser m_user;
    QlikRole m_role;
    Result m_result;
};

} // namespace Dawiso
