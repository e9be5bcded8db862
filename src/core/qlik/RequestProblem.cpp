#include "qlik/RequestProblem.h"

#include "net/RequestFailure.h"
#include "qlik/QlikRequest.h"

namespace Dawiso {

UserMessage RequestProblem::fromFailure(const RequestFailure &failure)
{
    return {failure.message(), failure.advice(), failure.technicalDetail()};
}

UserMessage RequestProblem::describe(const QlikRequest *request, const QString &action)
{
    if (request->failure().isFailure()) {
        UserMessage problem = fromFailure(request->failure());
        problem.message = tr("%1 failed: %2").arg(action, problem.message);
        return problem;
    }
    const int status = request->httpStatus();
    UserMessage problem;
    problem.detail = request->qlikError().summary();
    const QString said = problem.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(problem.detail);
    switch (status) {
    case 401:
        problem.message = tr("%1 failed: Qlik no longer accepts the sign-in%2.").arg(action, said);
        problem.advice = tr("Sign in again and retry.");
        break;
    case 403:
        problem.message = tr("%1 failed: Qlik did not allow it%2.").arg(action, said);
        problem.advice =
            tr("This step needs a tenant admin, and an OAuth client allowed to use the admin_classic scope. "
               "Sign in as a tenant admin, or check the client under Administration › OAuth.");
        break;
    case 404:
        problem.message = tr("%1 failed: Qlik did not find what it was asked for%2.").arg(action, said);
        problem.advice = tr("Someone may have changed it meanwhile. Retry; if it fails again, use the guided steps.");
        break;
    default:
        if (status >= 500) {
            problem.message =
                tr("%1 failed: Qlik had a problem on its side (HTTP %2)%3.").arg(action, QString::number(status), said);
            problem.advice = tr("Try again in a few minutes.");
        } else {
            problem.message = tr("%1 failed: Qlik answered HTTP %2%3.").arg(action, QString::number(status), said);
            problem.advice = tr("Retry; if it fails again, do this step by hand with the guided steps.");
        }
    }
    return problem;
}

} // namespace Dawiso
