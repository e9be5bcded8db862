#include "LatencyProbe.h"

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
    m_timer.start();
}

void LatencyProbe::stop()
{
    m_timer.stop();
}

QList<double> LatencyProbe::allLateness() const
{
    QList<double> all;
    for (auto it = m_lateness.cbegin(); it != m_lateness.cend(); ++it)
        all << it.value();
    return all;
}

void LatencyProbe::onTick()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_busy())
        m_recordUntilNs = now + tailNs;
    if (m_lastTickNs >= 0 && now <= m_recordUntilNs) {
        const double late = double(now - m_lastTickNs) / 1e6 - intervalMs;
        m_lateness[m_phase] << qMax(0.0, late);
    }
    m_lastTickNs = now;
}

} // namespace Dawiso::Bench
