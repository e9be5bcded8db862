#pragma once

#include "common/UserMessage.h"
#include "qlik/QlikStep.h"

namespace Dawiso {

// Deletes an API key (DELETE /api/v1/api-keys/{id}): the way back when a key was created but cannot be kept.
class ApiKeyRevoker : public QlikStep
{
    Q_OBJECT

public:
    using QlikStep::QlikStep;

    void start(const QString &keyId);

signals:
    void finished(bool revoked, const Dawiso::UserMessage &problem);
};

} // namespace Dawiso
