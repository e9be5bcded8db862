#include "qlik/QlikStep.h"

#include "qlik/QlikPager.h"
#include "qlik/QlikRequest.h"

#include <algorithm>
#include <utility>

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
    if (m_running && isCancellable())
        abandon();
}

void QlikStep::abandon()
{
    ++m_attempt; // what is still queued for the attempt checks this and is dropped
    m_running = false;
    stopAll();
}

bool QlikStep::isCancellable() const
{
    return std::none_of(m_inFlight.cbegin(), m_inFlight.cend(),
                        [](const InFlight &entry) { return entry.job && entry.mustFinish; });
}

void QlikStep::begin()
{
    abandon();
    m_running = true;
}

void QlikStep::run(QlikRequest *request, std::function<void(QlikRequest *)> handler, Completion completion)
{
    Q_ASSERT(m_running);
    track(request, completion == Completion::MustFinish);
    connect(request, &QlikRequest::finished, this, [this, request, attempt = m_attempt, handler = std::move(handler)] {
        if (settle(request, attempt))
            handler(request);
    });
    request->start();
}

void QlikStep::run(QlikPager *pager, std::function<void(QlikPager *)> handler)
{
    Q_ASSERT(m_running);
    track(pager, false);
    connect(pager, &QlikPager::finished, this, [this, pager, attempt = m_attempt, handler = std::move(handler)] {
        if (settle(pager, attempt))
            handler(pager);
    });
    pager->start();
}

void QlikStep::later(std::function<void()> deliver)
{
    QMetaObject::invokeMethod(
        this,
        [this, attempt = m_attempt, deliver = std::move(deliver)] {
            if (attempt == m_attempt && m_running)
                deliver();
        },
        Qt::QueuedConnection);
}

void QlikStep::finish(std::function<void()> deliver)
{
    if (!end())
        return;
    QMetaObject::invokeMethod(
        this,
        [this, attempt = m_attempt, deliver = std::move(deliver)] {
            if (attempt == m_attempt)
                deliver();
        },
        Qt::QueuedConnection);
}

void QlikStep::finishNow(const std::function<void()> &deliver)
{
    if (end())
        deliver();
}

bool QlikStep::end()
{
    if (!m_running)
        return false;
    m_running = false;
    stopAll();
    return true;
}

void QlikStep::track(QObject *job, bool mustFinish)
{
    m_inFlight.append({job, mustFinish});
}

bool QlikStep::settle(QObject *job, quint64 attempt)
{
    m_inFlight.removeIf([job](const InFlight &entry) { return !entry.job || entry.job == job; });
    return attempt == m_attempt && m_running;
}

void QlikStep::stopAll()
{
    const QList<InFlight> inFlight = std::exchange(m_inFlight, {});
    for (const InFlight &entry : inFlight) {
        QObject *job = entry.job;
        if (!job)
            continue;
        job->disconnect(this);
        if (auto *request = qobject_cast<QlikRequest *>(job))
            request->cancel();
        else if (auto *pager = qobject_cast<QlikPager *>(job))
            pager->cancel();
    }
}

} // namespace Dawiso
