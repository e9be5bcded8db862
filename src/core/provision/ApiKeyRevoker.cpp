#include "provision/ApiKeyRevoker.h"

#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"

namespace Dawiso {

void ApiKeyRevoker::start(const QString &keyId)
{
    begin();
    run(client()->deleteResource(QStringLiteral("/api/v1/api-keys/%1").arg(keyId)), [this](QlikRequest *request) {
        // 404: already gone, which is what was asked for.
        const bool revoked = request->isSuccess() || request->httpStatus() == 404;
        const UserMessage problem =
            revoked ? UserMessage() : RequestProblem::describe(request, tr("Deleting the API key"));
        finish([this, revoked, problem] { emit finished(revoked, problem); });
    });
}

} // namespace Dawiso
