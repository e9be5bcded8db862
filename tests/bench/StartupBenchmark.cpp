#include "StartupBenchmark.h"

#include "MarkdownTable.h"
#include "Statistics.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>

#include <ctime>

namespace Dawiso::Bench {

namespace {

const double appTimeTarget = 1.15;
const double demoTimeTarget = 1.25;
const double memoryTarget = 1.2;
const int runTimeoutMs = 60000;

} // namespace

StartupBenchmark::StartupBenchmark(const Options &options)
    : m_options(options)
{
    m_subjects = {
        {QStringLiteral("bare QWizard (bare_wizard)"), options.baseline, {}, 0, 0, {}},
        {QStringLiteral("+ Qt Network (bare_wizard_network)"), options.networkBaseline, {}, 0, 0, {}},
        {QStringLiteral("its first page alone (page_wizard)"), options.pageReference, {}, 0, 0, {}},
        {QStringLiteral("+ Qt Network (page_wizard_network)"), options.networkPageReference, {}, 0, 0, {}},
        {QStringLiteral("dawiso-qlik-setup"), options.application, {}, appTimeTarget, memoryTarget, {}},
        {QStringLiteral("dawiso-qlik-setup --demo"),
         options.application,
         {QStringLiteral("--demo")},
         demoTimeTarget,
         0,
         {}},
    };
}

int StartupBenchmark::run()
{
    QTextStream err(stderr);
    if (!prepareEnvironment()) {
        err << "bench_startup: " << m_problem << Qt::endl;
        return CouldNotRun;
    }
    // Warm-ups fill the page cache and fontconfig's cache, so that the measured runs all start alike. Then the
    // subjects take turns, the first of each round rotating, so that drift on a busy machine hits all of them alike.
    const int rounds = m_options.warmUps + m_options.runs;
    for (int round = 0; round < rounds; ++round) {
        for (int i = 0; i < m_subjects.size(); ++i) {
            Subject &subject = m_subjects[(round + i) % m_subjects.size()];
            Sample sample;
            if (!runOnce(subject, &sample)) {
                err << "bench_startup: " << subject.name << ": " << m_problem << Qt::endl;
                return CouldNotRun;
            }
            if (round >= m_options.warmUps)
                subject.samples << sample;
        }
    }

    QTextStream out(stdout);
    out << "Start-up benchmark: process start to the first painted frame of the wizard window, measured inside each "
           "process (StartupProbe), "
        << m_options.runs << " runs of each after " << m_options.warmUps
        << " warm-ups of each, taking turns; medians.\n"
        << "Platform: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << QThread::idealThreadCount() << " hardware threads; Qt " << qVersion() << "; build type "
        << DQS_BENCH_BUILD_TYPE << "; QT_QPA_PLATFORM=offscreen, an empty HOME.\n";
    if (QLatin1String(DQS_BENCH_BUILD_TYPE) != QLatin1String("Release"))
        out << "Note: this is not a Release build; scripts/bench builds one.\n";
    if (m_clock == QLatin1String("launch"))
        out << "Clock: from the moment this benchmark starts each program (CLOCK_BOOTTIME), to its first frame.\n";
    else if (m_clock != QLatin1String("process"))
        out << "Note: this platform gives no process start time; the clock started at the top of main().\n";
    out << '\n';
    const bool startupMet = printStartup(out);
    out << '\n';
    const bool memoryMet = printMemory(out);
    out << '\n';
    printRuns(out);
    const bool met = startupMet && memoryMet;
    out << '\n' << (met ? "Result: every target is met." : "Result: at least one target is missed.") << Qt::endl;
    return met ? TargetsMet : TargetsMissed;
}

bool StartupBenchmark::prepareEnvironment()
{
    for (const Subject &subject : std::as_const(m_subjects)) {
        const QString &program = subject.program;
        if (!QFileInfo(program).isExecutable()) {
            m_problem = QStringLiteral("%1 is not an executable (build it first)").arg(program);
            return false;
        }
    }
    if (!m_home.isValid()) {
        m_problem = QStringLiteral("no temporary directory for HOME");
        return false;
    }
    // The same small environment for every run: nothing of the caller's session (display, D-Bus, settings) can make
    // one program slower than the other.
    const QDir home(m_home.path());
    const QString runtime = home.filePath(QStringLiteral("runtime"));
    if (!home.mkpath(QStringLiteral("runtime"))
        || !QFile::setPermissions(runtime, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) {
        m_problem = QStringLiteral("could not prepare XDG_RUNTIME_DIR");
        return false;
    }
    m_reportPath = home.filePath(QStringLiteral("startup-report.json"));
    m_environment.insert(QStringLiteral("PATH"), qEnvironmentVariable("PATH", QStringLiteral("/usr/bin:/bin")));
    m_environment.insert(QStringLiteral("HOME"), home.path());
    m_environment.insert(QStringLiteral("XDG_CONFIG_HOME"), home.filePath(QStringLiteral(".config")));
    m_environment.insert(QStringLiteral("XDG_DATA_HOME"), home.filePath(QStringLiteral(".local/share")));
    m_environment.insert(QStringLiteral("XDG_CACHE_HOME"), home.filePath(QStringLiteral(".cache")));
    m_environment.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtime);
    m_environment.insert(QStringLiteral("LANG"), QStringLiteral("C.UTF-8"));
    m_environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    m_environment.insert(QStringLiteral("DQS_STARTUP_REPORT"), m_reportPath);
    m_environment.insert(QStringLiteral("DQS_QUIT_AFTER_FIRST_PAINT"), QStringLiteral("1"));
    return true;
}

bool StartupBenchmark::runOnce(const Subject &subject, Sample *sample)
{
    QFile::remove(m_reportPath);
    QProcess process;
    QProcessEnvironment environment = m_environment;
#ifdef Q_OS_LINUX
    // The probe measures from this moment: exact, where the kernel's start time of a process is good to half a
    // clock tick (5 ms) only. Starting the process (fork, exec) counts, alike for every program.
    timespec now {};
    clock_gettime(CLOCK_BOOTTIME, &now);
    environment.insert(QStringLiteral("DQS_STARTUP_LAUNCHED_NS"),
                       QString::number(qlonglong(now.tv_sec) * 1'000'000'000 + now.tv_nsec));
#endif
    process.setProcessEnvironment(environment);
    process.setProgram(subject.program);
    process.setArguments(subject.arguments);
    process.setStandardOutputFile(QProcess::nullDevice());
    process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process.start();
    if (!process.waitForFinished(runTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        m_problem = QStringLiteral("did not quit within %1 s of starting").arg(runTimeoutMs / 1000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        m_problem = QStringLiteral("ended with exit status %1").arg(process.exitCode());
        return false;
    }
    QFile file(m_reportPath);
    if (!file.open(QIODevice::ReadOnly)) {
        m_problem = QStringLiteral("wrote no start-up report (is DQS_STARTUP_REPORT supported?)");
        return false;
    }
    const QJsonObject report = QJsonDocument::fromJson(file.readAll()).object();
    if (!report.value(QLatin1String("painted")).toBool()) {
        m_problem = QStringLiteral("quit without painting a frame");
        return false;
    }
    m_clock = report.value(QLatin1String("clock")).toString();
    sample->firstFrameMs = report.value(QLatin1String("firstFrameMs")).toDouble();
    sample->fromMainMs = report.value(QLatin1String("firstFrameFromMainMs")).toDouble();
    sample->cpuMs = report.value(QLatin1String("cpuMs")).toDouble();
    sample->peakRssMb = report.value(QLatin1String("peakRssKiB")).toDouble() * 1024 / 1e6;
    return true;
}

QList<double> StartupBenchmark::values(const Subject &subject, double Sample::*field)
{
    QList<double> list;
    for (const Sample &sample : subject.samples)
        list << sample.*field;
    return list;
}

bool StartupBenchmark::printStartup(QTextStream &out) const
{
    const double baseline = Statistics::median(values(m_subjects.first(), &Sample::firstFrameMs));
    const MarkdownTable table({36, 17, 12, 11, 7, 8, 4});
    out << "Start-up: process start to the first painted frame (median of " << m_options.runs << " runs each)\n\n";
    table.header(out,
                 {QStringLiteral("Program"), QStringLiteral("To first frame"), QStringLiteral("From main()"),
                  QStringLiteral("CPU time"), QStringLiteral("Ratio"), QStringLiteral("Target"),
                  QStringLiteral("Met")});
    bool met = true;
    for (const Subject &subject : m_subjects) {
        const double firstFrame = Statistics::median(values(subject, &Sample::firstFrameMs));
        const double ratio = baseline > 0 ? firstFrame / baseline : 0;
        const bool subjectMet = subject.timeTarget == 0 || (ratio > 0 && ratio <= subject.timeTarget);
        met = met && subjectMet;
        table.line(
            out,
            {subject.name, MarkdownTable::number(firstFrame) + QStringLiteral(" ms"),
             MarkdownTable::number(Statistics::median(values(subject, &Sample::fromMainMs))) + QStringLiteral(" ms"),
             MarkdownTable::number(Statistics::median(values(subject, &Sample::cpuMs))) + QStringLiteral(" ms"),
             MarkdownTable::number(ratio, 2),
             subject.timeTarget == 0 ? QString() : QStringLiteral("<= ") + MarkdownTable::number(subject.timeTarget, 2),
             subject.timeTarget == 0 ? QString() : MarkdownTable::yesNo(subjectMet)});
    }
    return met;
}

bool StartupBenchmark::printMemory(QTextStream &out) const
{
    const double baseline = Statistics::median(values(m_subjects.first(), &Sample::peakRssMb));
    const MarkdownTable table({36, 30, 7, 8, 4});
    out << "Memory: peak resident memory at the first painted frame (getrusage ru_maxrss; median of " << m_options.runs
        << " runs each)\n\n";
    table.header(out,
                 {QStringLiteral("Program"), QStringLiteral("Peak resident memory"), QStringLiteral("Ratio"),
                  QStringLiteral("Target"), QStringLiteral("Met")});
    bool met = true;
    for (const Subject &subject : m_subjects) {
        const double peak = Statistics::median(values(subject, &Sample::peakRssMb));
        const double ratio = baseline > 0 ? peak / baseline : 0;
        const bool subjectMet = subject.memoryTarget == 0 || (ratio > 0 && ratio <= subject.memoryTarget);
        met = met && subjectMet;
        table.line(out,
                   {subject.name, MarkdownTable::number(peak) + QStringLiteral(" MB"), MarkdownTable::number(ratio, 2),
                    subject.memoryTarget == 0 ? QString()
                                              : QStringLiteral("<= ") + MarkdownTable::number(subject.memoryTarget, 2),
                    subject.memoryTarget == 0 ? QString() : MarkdownTable::yesNo(subjectMet)});
    }
    return met;
}

void StartupBenchmark::printRuns(QTextStream &out) const
{
    out << "Every run, time to the first frame (ms) / peak resident memory (MB):\n";
    for (const Subject &subject : m_subjects) {
        QStringList runs;
        for (const Sample &sample : subject.samples)
            runs << MarkdownTable::number(sample.firstFrameMs, 0) + QLatin1Char('/')
                    + MarkdownTable::number(sample.peakRssMb, 1);
        out << "  " << subject.name << ": " << runs.join(QStringLiteral(", ")) << '\n';
    }
}

} // namespace Dawiso::Bench
