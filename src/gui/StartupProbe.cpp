#include "StartupProbe.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEvent>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QWidget>

#include <ctime>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif
#ifdef Q_OS_LINUX
#include <unistd.h>
#endif

namespace Dawiso {

namespace {

const char reportVariable[] = "DQS_STARTUP_REPORT";
const char quitVariable[] = "DQS_QUIT_AFTER_FIRST_PAINT";
const char launchedVariable[] = "DQS_STARTUP_LAUNCHED_NS";

QElapsedTimer &sinceMain()
{
    static QElapsedTimer timer;
    return timer;
}

#ifdef Q_OS_LINUX
double boottimeMs()
{
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
}

// Field 22 of /proc/self/stat: when the kernel started this process, in whole clock ticks since boot
// (CLOCK_BOOTTIME). The start lies somewhere within that tick (10 ms at the usual 100 Hz), so its middle is the
// estimate: on average right, where the tick's beginning would make every process look half a tick slower.
double processStartMs()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray line = stat.readAll();
    // The command name (field 2) is in parentheses and may itself hold spaces and parentheses.
    const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
    constexpr int startTimeIndex = 22 - 3;
    bool ok = false;
    const qulonglong ticks = fields.value(startTimeIndex).toULongLong(&ok);
    const long ticksPerSecond = sysconf(_SC_CLK_TCK);
    if (!ok || ticksPerSecond <= 0)
        return -1;
    return (double(ticks) + 0.5) * 1e3 / double(ticksPerSecond);
}

// The Qt plugins mapped into the process (…/plugins/<kind>/<file>), as "<kind>/<file>": what the first frame made
// Qt load, so that tests can see that it decoded no image (no imageformats or iconengines plugin).
QStringList loadedPlugins()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    const QByteArray marker = QByteArrayLiteral("/plugins/");
    QStringList plugins;
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const qsizetype at = line.indexOf(marker);
        if (at < 0)
            continue;
        const QString plugin = QString::fromLocal8Bit(line.mid(at + marker.size()));
        if (!plugins.contains(plugin))
            plugins << plugin;
    }
    return plugins;
}
#endif

double cpuTimeMs()
{
#ifdef Q_OS_UNIX
    timespec used {};
    if (clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &used) != 0)
        return -1;
    return double(used.tv_sec) * 1e3 + double(used.tv_nsec) / 1e6;
#else
    return -1;
#endif
}

qint64 peakResidentKiB()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    if (getrusage(RUSAGE_SELF, &usage) != 0)
        return -1;
#ifdef Q_OS_MACOS
    return qint64(usage.ru_maxrss) / 1024; // bytes there
#else
    return qint64(usage.ru_maxrss);
#endif
#else
    return -1;
#endif
}

} // namespace

void StartupProbe::processStarted()
{
    if (qEnvironmentVariableIsSet(reportVariable))
        sinceMain().start();
}

void StartupProbe::watch(QWidget *window)
{
    const QString path = qEnvironmentVariable(reportVariable);
    if (path.isEmpty() || !window)
        return;
    window->installEventFilter(new StartupProbe(path, window));
}

StartupProbe::StartupProbe(const QString &reportPath, QObject *parent)
    : QObject(parent)
    , m_reportPath(reportPath)
    , m_quitAfterFirstPaint(qEnvironmentVariableIntValue(quitVariable) == 1)
{
    connect(qApp, &QCoreApplication::aboutToQuit, this, &StartupProbe::writeReport);
}

bool StartupProbe::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::Paint && !m_painted) {
        m_painted = true;
        // The window paints first and its children after it, in the same pass; the frame is complete (and flushed)
        // once this event's delivery is over, so the time is taken in the next turn of the event loop.
        QMetaObject::invokeMethod(this, &StartupProbe::recordFirstFrame, Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

void StartupProbe::recordFirstFrame()
{
    if (sinceMain().isValid())
        m_firstFrameFromMainMs = double(sinceMain().nsecsElapsed()) / 1e6;
#ifdef Q_OS_LINUX
    // A launcher that took CLOCK_BOOTTIME right before starting this process (the benchmark) gives the exact start;
    // the kernel's own start time is good to half a clock tick only.
    bool launchKnown = false;
    const qlonglong launchedNs = qEnvironmentVariable(launchedVariable).toLongLong(&launchKnown);
    const double started = launchKnown && launchedNs > 0 ? double(launchedNs) / 1e6 : processStartMs();
    if (started >= 0) {
        m_firstFrameMs = boottimeMs() - started;
        m_clock = launchKnown ? QStringLiteral("launch") : QStringLiteral("process");
    }
#endif
    if (m_clock.isEmpty()) {
        m_firstFrameMs = m_firstFrameFromMainMs;
        m_clock = QStringLiteral("main");
    }
    m_cpuMs = cpuTimeMs();
    m_peakRssKiB = peakResidentKiB();
#ifdef Q_OS_LINUX
    m_plugins = loadedPlugins();
#endif
    if (m_quitAfterFirstPaint)
        QCoreApplication::quit();
}

void StartupProbe::writeReport() const
{
    QFile file(m_reportPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return;
    const QJsonObject report {
        {QStringLiteral("painted"), m_firstFrameMs >= 0},
        {QStringLiteral("clock"), m_clock},
        {QStringLiteral("firstFrameMs"), m_firstFrameMs},
        {QStringLiteral("firstFrameFromMainMs"), m_firstFrameFromMainMs},
        {QStringLiteral("cpuMs"), m_cpuMs},
        {QStringLiteral("peakRssKiB"), m_peakRssKiB},
        {QStringLiteral("plugins"), QJsonArray::fromStringList(m_plugins)},
    };
    file.write(QJsonDocument(report).toJson(QJsonDocument::Compact));
}

} // namespace Dawiso
