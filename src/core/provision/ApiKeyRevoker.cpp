#include "provision/ApiKeyRevoker.h"

#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"

namespace Dawiso {

void ApiKeyRevoker::start(const QString &keyId)
{
    cancel();
    run(client()->deleteResource(QStringLiteral("/api/v1/api-keys/%1").arg(keyId)), [this](QlikRequest *request) {
        // 404: already gone, which is what was asked for.
        if (request->isSuccess() || request->httpStatus() == 404)
            emit finished(true, {});
        else
            emit finished(false, ProvisionStepError::fromRequest(request, tr("Deleting the API key")));
    });
}

} // namespace Dawiso
