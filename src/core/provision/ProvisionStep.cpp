#include "provision/ProvisionStep.h"

#include "qlik/QlikRequest.h"

namespace Dawiso {

ProvisionStep::ProvisionStep(QlikCloudClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ProvisionStep::~ProvisionStep()
{
    cancel();
}

void ProvisionStep::cancel()
{
    if (QlikRequest *current = m_current) {
        m_current = nullptr;
        current->disconnect(this);
        current->cancel();
    }
}

bool ProvisionStep::isRunning() const
{
    return m_current != nullptr;
}

void ProvisionStep::run(QlikRequest *request, std::function<void(QlikRequest *)> handler)
{
    m_current = request;
    connect(request, &QlikRequest::finished, this, [this, request, handler = std::move(handler)] {
        m_current = nullptr;
        handler(request);
    });
    request->start();
}

void ProvisionStep::later(std::function<void()> deliver)
{
    QMetaObject::invokeMethod(this, std::move(deliver), Qt::QueuedConnection);
}

} // namespace Dawiso
