#pragma once

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
    QList<double> allLateness() const;

private:
    void onTick();

    std::function<bool()> m_busy;
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_lastTickNs = -1;
    qint64 m_recordUntilNs = -1;
    QString m_phase;
    QHash<QString, QList<double>> m_lateness; // ms, per phase
};

} // namespace Dawiso::Bench
