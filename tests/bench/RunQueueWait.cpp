#include "RunQueueWait.h"

#ifdef Q_OS_LINUX
#include <cstdio>
#include <dirent.h>
#include <fcntl.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

namespace Dawiso::Bench {

namespace {

#ifdef Q_OS_LINUX
// A schedstat file holds three numbers: ns on a CPU, ns waiting on a run queue, time slices.
bool readSchedstat(int fd, qint64 *ranNs, qint64 *waitedNs)
{
    char text[96] = {};
    const ssize_t size = pread(fd, text, sizeof text - 1, 0);
    long long ran = 0;
    long long waited = 0;
    if (size <= 0 || std::sscanf(text, "%lld %lld", &ran, &waited) != 2)
        return false;
    *ranNs = ran;
    *waitedNs = waited;
    return true;
}
#endif

} // namespace

RunQueueWait::RunQueueWait()
{
#ifdef Q_OS_LINUX
    m_self = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    m_selfId = QByteArray::number(qlonglong(syscall(SYS_gettid)));
#endif
    reset();
}

RunQueueWait::~RunQueueWait()
{
#ifdef Q_OS_LINUX
    if (m_self >= 0)
        ::close(m_self);
#endif
}

void RunQueueWait::reset()
{
    m_othersLast.clear();
    read(&m_last, &m_othersLast);
}

RunQueueWait::Interval RunQueueWait::take()
{
    Counters now;
    QHash<QByteArray, qint64> others;
    read(&now, &others);
    Interval interval;
    interval.ranMs = double(now.ranNs - m_last.ranNs) / 1e6;
    interval.waitedMs = double(now.waitedNs - m_last.waitedNs) / 1e6;
    // A thread that started since the previous take() waited all of its wait since then; one that ended took its
    // wait with it, which only makes the sum smaller.
    qint64 othersWaitedNs = 0;
    for (auto it = others.cbegin(); it != others.cend(); ++it)
        othersWaitedNs += it.value() - m_othersLast.value(it.key(), 0);
    interval.othersWaitedMs = double(othersWaitedNs) / 1e6;
    m_last = now;
    m_othersLast = std::move(others);
    return interval;
}

void RunQueueWait::read(Counters *self, QHash<QByteArray, qint64> *others) const
{
#ifdef Q_OS_LINUX
    if (m_self < 0 || !readSchedstat(m_self, &self->ranNs, &self->waitedNs))
        return;
    DIR *tasks = opendir("/proc/self/task");
    if (!tasks)
        return;
    while (const dirent *entry = readdir(tasks)) {
        const QByteArray id(entry->d_name);
        if (id.startsWith('.') || id == m_selfId)
            continue;
        const QByteArray path = "/proc/self/task/" + id + "/schedstat";
        const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            continue; // it has just ended
        qint64 ran = 0;
        qint64 waited = 0;
        if (readSchedstat(fd, &ran, &waited))
            others->insert(id, waited);
        ::close(fd);
    }
    closedir(tasks);
#else
    Q_UNUSED(self);
    Q_UNUSED(others);
#endif
}

} // namespace Dawiso::Bench
