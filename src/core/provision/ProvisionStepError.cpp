#include "provision/ProvisionStepError.h"

#include "qlik/QlikRequest.h"

namespace Dawiso {

ProvisionStepError ProvisionStepError::fromRequest(const QlikRequest *request, const QString &action)
{
    ProvisionStepError error;
    if (request->failure().isFailure()) {
        error.message = tr("%1 failed: %2").arg(action, request->failure().message());
        error.advice = request->failure().advice();
        error.detail = request->failure().technicalDetail();
        return error;
    }
    error.httpStatus = request->httpStatus();
    error.detail = request->qlikError().summary();
    const QString said = error.detail.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error.detail);
    switch (error.httpStatus) {
    case 401:
        error.message = tr("%1 failed: Qlik no longer accepts the sign-in%2.").arg(action, said);
        error.advice = tr("Sign in again and retry.");
        break;
    case 403:
        error.message = tr("%1 failed: Qlik did not allow it%2.").arg(action, said);
        error.advice = tr("This step needs a tenant admin, and an OAuth client allowed to use the admin_classic scope. "
                          "Sign in as a tenant admin, or check the client under Administration › OAuth.");
        break;
    case 404:
        error.message = tr("%1 failed: Qlik did not find what it was asked for%2.").arg(action, said);
        error.advice = tr("Someone may have changed it meanwhile. Retry; if it fails again, use the guided steps.");
        break;
    default:
        if (error.httpStatus >= 500) {
            error.message = tr("%1 failed: Qlik had a problem on its side (HTTP %2)%3.")
                                .arg(action, QString::number(error.httpStatus), said);
            error.advice = tr("Try again in a few minutes.");
        } else {
            error.message =
                tr("%1 failed: Qlik answered HTTP %2%3.").arg(action, QString::number(error.httpStatus), said);
            error.advice = tr("Retry; if it fails again, do this step by hand with the guided steps.");
        }
    }
    return error;
}

} // namespace Dawiso
