#pragma once

#include "provision/ProvisionStep.h"
#include "provision/ProvisionStepError.h"

namespace Dawiso {

// Deletes an API key (DELETE /api/v1/api-keys/{id}): the way back when a key was created but cannot be kept.
class ApiKeyRevoker : public ProvisionStep
{
    Q_OBJECT

public:
    using ProvisionStep::ProvisionStep;

    void start(const QString &keyId);

signals:
    void finished(bool revoked, const Dawiso::ProvisionStepError &error);
};

} // namespace Dawiso
