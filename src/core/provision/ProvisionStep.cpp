#include "provision/ProvisionStep.h"

#include "qlik/QlikRequest.h"

namespace Dawiso {

ProvisionStep::ProvisionStep(QlikCloudClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

ProvisionStep::~ProvisionStep()
{
    abandon();
}

void ProvisionStep::cancel()
{
    if (isCancellable())
        abandon();
}

void ProvisionStep::abandon()
{
    if (QlikRequest *current = m_current) {
        m_current = nullptr;
        m_mustFinish = false;
        current->disconnect(this);
        current->cancel();
    }
}

bool ProvisionStep::isRunning() const
{
    return m_current != nullptr;
}

bool ProvisionStep::isCancellable() const
{
    return !(m_current && m_mustFinish);
}

void ProvisionStep::run(QlikRequest *request, std::function<void(QlikRequest *)> handler, Completion completion)
{
    m_current = request;
    m_mustFinish = completion == Completion::MustFinish;
    connect(request, &QlikRequest::finished, this, [this, request, handler = std::move(handler)] {
        m_current = nullptr;
        m_mustFinish = false;
        handler(request);
    });
    request->start();
}

void ProvisionStep::later(std::function<void()> deliver)
{
    QMetaObject::invokeMethod(this, std::move(deliver), Qt::QueuedConnection);
}

} // namespace Dawiso
