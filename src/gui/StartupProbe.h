#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QWidget;

namespace Dawiso {

// Measures start-up from inside the process, for the start-up and memory benchmarks (tests/bench): the time from
// the operating system's start of the process to the first painted frame of a window, and the peak resident memory
// at that moment. Off, and free, unless the environment variable DQS_STARTUP_REPORT names a file; the figures are
// written there as one JSON object when the application quits. With DQS_QUIT_AFTER_FIRST_PAINT=1 as well, the
// application quits right after that first frame.
//
// Process start: on Linux the kernel's start time of the process (/proc/self/stat, in clock ticks) against
// CLOCK_BOOTTIME, so that loading the program and its libraries counts ("clock": "process"); or, more exactly, the
// CLOCK_BOOTTIME nanoseconds a launcher put into DQS_STARTUP_LAUNCHED_NS right before starting it ("launch").
// Elsewhere the clock starts in processStarted(), at the top of main(), and the report says so ("main").
class StartupProbe : public QObject
{
    Q_OBJECT

public:
    // Call first thing in main(), before QApplication exists.
    static void processStarted();
    // Watches for the first paint of window; call before window is shown.
    static void watch(QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    explicit StartupProbe(const QString &reportPath, QObject *parent);
    void recordFirstFrame();
    void writeReport() const;

    QString m_reportPath;
    bool m_quitAfterFirstPaint = false;
    bool m_painted = false;
    double m_firstFrameMs = -1; // from process start (see "clock")
    double m_firstFrameFromMainMs = -1;
    double m_cpuMs = -1; // CPU time of the process (all threads) until then
    qint64 m_peakRssKiB = -1;
    QString m_clock;
    QStringList m_plugins; // Linux only, see loadedPlugins()
};

} // namespace Dawiso
