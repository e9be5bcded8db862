#include "LatencyProbe.h"

#include <algorithm>

namespace Dawiso::Bench {

namespace {
// Long enough to see the result of an operation painted after the operation itself has ended.
constexpr qint64 tailNs = 150'000'000;
} // namespace

LatencyProbe::LatencyProbe(std::function<bool()> busy, QObject *parent)
    : QObject(parent)
    , m_busy(std::move(busy))
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(intervalMs);
    connect(&m_timer, &QTimer::timeout, this, &LatencyProbe::onTick);
}

void LatencyProbe::start()
{
    m_clock.start();
    m_lastTickNs = -1;
    m_recordUntilNs = -1;
    m_runQueue.reset();
    m_timer.start();
}

void LatencyProbe::stop()
{
    m_timer.stop();
}

QList<double> LatencyProbe::all(const QHash<QString, QList<double>> &byPhase)
{
    QList<double> all;
    for (auto it = byPhase.cbegin(); it != byPhase.cend(); ++it)
        all << it.value();
    return all;
}

void LatencyProbe::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const RunQueueWait::Interval scheduled = m_runQueue.take();
    if (m_busy())
        m_recordUntilNs = now + tailNs;
    if (m_lastTickNs >= 0 && now <= m_recordUntilNs) {
        const double late = std::max(0.0, double(now - m_lastTickNs) / 1e6 - intervalMs);
        // The interval is the thread running, waiting for a CPU, and sleeping; sleeping longer than the 5 ms asked
        // for is being blocked, on what the kernel does not say. Only the part that the other threads spent waiting
        // for a CPU is taken as the machine's, so that a wizard that blocks on its own (a sleep, a synchronous call)
        // still shows.
        const double waitedForCpu = std::min(late, scheduled.waitedMs);
        const double blocked = std::max(0.0, late - scheduled.waitedMs - scheduled.ranMs);
        const double waitedForThreads = std::min({late - waitedForCpu, blocked, scheduled.othersWaitedMs});
        m_lateness[m_phase] << late;
        m_ownLateness[m_phase] << late - waitedForCpu - waitedForThreads;
        m_waitedForCpuMs += waitedForCpu;
        m_waitedForThreadsMs += waitedForThreads;
    }
    m_lastTickNs = now;
}

} // namespace Dawiso::Bench
