#include "qlik/QlikStep.h"

#include "qlik/QlikRequest.h"

namespace Dawiso {

QlikStep::QlikStep(QlikClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{ }

QlikStep::~QlikStep()
{
    abandon();
}

void QlikStep::cancel()
{
    if (isCancellable())
        abandon();
}

void QlikStep::abandon()
{
    if (QlikRequest *current = m_current) {
        m_current = nullptr;
        m_mustFinish = false;
        current->disconnect(this);
        current->cancel();
    }
}

bool QlikStep::isRunning() const
{
    return m_current != nullptr;
}

bool QlikStep::isCancellable() const
{
    return !(m_current && m_mustFinish);
}

void QlikStep::run(QlikRequest *request, std::function<void(QlikRequest *)> handler, Completion completion)
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

void QlikStep::later(std::function<void()> deliver)
{
    QMetaObject::invokeMethod(this, std::move(deliver), Qt::QueuedConnection);
}

} // namespace Dawiso
