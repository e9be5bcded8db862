#pragma once

#include <QByteArray>
#include <QHash>

namespace Dawiso::Bench {

// What the kernel counts for the threads of this process (Linux: /proc/self/task/*/schedstat): how long a thread ran
// on a CPU, and how long it was ready to run but waited on a run queue for a CPU that other work held. Elsewhere
// isAvailable() is false and every figure is 0.
//
// Made on the thread it watches ("this thread"); every call comes from that thread.
class RunQueueWait
{
public:
    // What happened since the previous take() (or since reset()), in milliseconds.
    struct Interval
    {
        double ranMs = 0; // this thread, on a CPU
        double waitedMs = 0; // this thread, ready and waiting for a CPU
        double othersWaitedMs = 0; // the process's other threads, summed, ready and waiting for a CPU
    };

    RunQueueWait();
    ~RunQueueWait();
    RunQueueWait(const RunQueueWait &) = delete;
    RunQueueWait &operator=(const RunQueueWait &) = delete;

    bool isAvailable() const { return m_self >= 0; }
    // Starts counting afresh, so that the next take() covers only the time after this call.
    void reset();
    Interval take();

private:
    struct Counters
    {
        qint64 ranNs = 0;
        qint64 waitedNs = 0;
    };

    void read(Counters *self, QHash<QByteArray, qint64> *others) const;

    int m_self = -1; // this thread's schedstat, kept open: read at every tick
    QByteArray m_selfId;
    Counters m_last;
    QHash<QByteArray, qint64> m_othersLast; // thread id -> its wait at the previous take(), in ns
};

} // namespace Dawiso::Bench
