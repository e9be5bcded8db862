#pragma once

#include "RunQueueWait.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>

namespace Dawiso::Bench {

// Measures how late the event loop of this thread gets to a 5 ms timer: each tick's lateness is the time since the
// previous tick beyond the 5 ms asked for, so a slot that blocks the loop for 80 ms shows as one tick 80 ms late.
// Ticks are recorded while busy() says the wizard is working, and for a short tail after (the results it paints),
// under the name of the current phase.
//
// Each tick's own lateness is the part that is the wizard's: its lateness less the time the kernel counts the thread
// as ready to run but waiting for a CPU (another process had it), and less the time the thread was blocked while the
// process's other threads waited for a CPU (Qt paints with helper threads and waits for them). On a busy machine that
// part is the machine's; on an idle one it is about 0, and both are the same.
class LatencyProbe : public QObject
{
    Q_OBJECT

public:
    static constexpr int intervalMs = 5;

    explicit LatencyProbe(std::function<bool()> busy, QObject *parent = nullptr);

    void start();
    void stop();
    void setPhase(const QString &phase) { m_phase = phase; }

    QList<double> lateness(const QString &phase) const { return m_lateness.value(phase); }
    QList<double> ownLateness(const QString &phase) const { return m_ownLateness.value(phase); }
    QList<double> allLateness() const { return all(m_lateness); }
    QList<double> allOwnLateness() const { return all(m_ownLateness); }

    // False where the kernel does not say how long a thread waited for a CPU: own lateness is then all lateness.
    bool separatesWaiting() const { return m_runQueue.isAvailable(); }
    // Of the recorded ticks' lateness, in all: waiting for a CPU, and waiting for the other threads while they did.
    double waitedForCpuMs() const { return m_waitedForCpuMs; }
    double waitedForThreadsMs() const { return m_waitedForThreadsMs; }

private:
    void onTick();
    static QList<double> all(const QHash<QString, QList<double>> &byPhase);

    std::function<bool()> m_busy;
    QTimer m_timer;
    QElapsedTimer m_clock;
    RunQueueWait m_runQueue;
    qint64 m_lastTickNs = -1;
    qint64 m_recordUntilNs = -1;
    QString m_phase;
    QHash<QString, QList<double>> m_lateness; // ms, per phase
    QHash<QString, QList<double>> m_ownLateness; // ms, per phase, tick by tick as in m_lateness
    double m_waitedForCpuMs = 0;
    double m_waitedForThreadsMs = 0;
};

} // namespace Dawiso::Bench
