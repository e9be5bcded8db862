#include "StartupBenchmark.h"

#include "LoadAverage.h"
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

#include <algorithm>
#include <cmath>
#include <ctime>

namespace Dawiso::Bench {

namespace {

// The subjects, in the order of the tables.
enum SubjectIndex { Bare, BareNetwork, Page, PageNetwork, Application, Demo, SubjectCount };

// dawiso-qlik-setup against the same first page in a bare QWizard linked against Qt Network: time to the first frame.
const double startupTarget = 1.12;
// dawiso-qlik-setup against bare_wizard: peak resident memory at the first frame.
const double memoryTarget = 1.2;
const int runTimeoutMs = 60000;

QString target(double value)
{
    return QStringLiteral("<= ") + MarkdownTable::number(value, 2);
}

// Judged as the tables print it, to two decimals, so that they never show a ratio equal to its target beside "NO".
bool meets(double ratio, double target)
{
    return ratio > 0 && std::lround(ratio * 100) <= std::lround(target * 100);
}

} // namespace

StartupBenchmark::StartupBenchmark(const Options &options)
    : m_options(options)
{
    m_subjects = {
        {QStringLiteral("bare QWizard (bare_wizard)"), options.baseline, {}},
        {QStringLiteral("+ Qt Network (bare_wizard_network)"), options.networkBaseline, {}},
        {QStringLiteral("its first page alone (page_wizard)"), options.pageReference, {}},
        {QStringLiteral("+ Qt Network (page_wizard_network)"), options.networkPageReference, {}},
        {QStringLiteral("dawiso-qlik-setup"), options.application, {}},
        {QStringLiteral("dawiso-qlik-setup --demo"), options.application, {QStringLiteral("--demo")}},
    };
    Q_ASSERT(m_subjects.size() == SubjectCount);
}

int StartupBenchmark::run()
{
    const auto couldNotRun = [this] {
        QTextStream(stderr) << "bench_startup: " << m_problem << Qt::endl;
        return CouldNotRun;
    };
    Measurement first;
    first.name = QStringLiteral("first");
    if (!prepareEnvironment() || !measure(&first, m_options.runs))
        return couldNotRun();

    QTextStream out(stdout);
    printIntroduction(out);
    bool met = report(out, first);
    if (!met) {
        out << "\nThe first measurement missed a target: measuring again, afresh, with twice as many rounds.\n";
        Measurement second;
        second.name = QStringLiteral("second");
        if (!measure(&second, 2 * m_options.runs))
            return couldNotRun();
        met = report(out, second);
    }
    out << '\n'
        << (met ? "Result: every target is met." : "Result: the second measurement missed a target too.") << Qt::endl;
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

bool StartupBenchmark::measure(Measurement *measurement, int rounds)
{
    measurement->loadBefore = loadAverage();
    // Warm-ups fill the page cache and fontconfig's cache, so that the measured runs all start alike.
    for (int round = 0; round < m_options.warmUps + rounds; ++round) {
        QList<Sample> samples(m_subjects.size());
        for (const int subject : roundOrder(round)) {
            if (!runOnce(m_subjects.at(subject), &samples[subject])) {
                m_problem = m_subjects.at(subject).name + QStringLiteral(": ") + m_problem;
                return false;
            }
        }
        if (round >= m_options.warmUps)
            measurement->rounds << samples;
    }
    measurement->loadAfter = loadAverage();
    return true;
}

QList<int> StartupBenchmark::roundOrder(int round) const
{
    // Every program runs once a round, the first rotating, so that drift on a busy machine hits all of them alike.
    // dawiso-qlik-setup and its baseline run back to back, each first every other round: a burst of another
    // process's work then mostly falls on both runs of a round or on neither, and the median of the rounds' ratios
    // leaves out the rounds where it fell on one.
    const QList<QList<int>> turns {{Bare}, {BareNetwork}, {Page}, {PageNetwork, Application}, {Demo}};
    QList<int> order;
    for (int i = 0; i < turns.size(); ++i) {
        QList<int> turn = turns.at((round + i) % turns.size());
        if (round % 2)
            std::reverse(turn.begin(), turn.end());
        order << turn;
    }
    return order;
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

double StartupBenchmark::median(const Measurement &measurement, int subject, double Sample::*field)
{
    QList<double> values;
    for (const QList<Sample> &round : measurement.rounds)
        values << round.at(subject).*field;
    return Statistics::median(values);
}

double StartupBenchmark::medianRatio(const Measurement &measurement, int subject, int baseline, double Sample::*field)
{
    QList<double> ratios;
    for (const QList<Sample> &round : measurement.rounds) {
        const double base = round.at(baseline).*field;
        if (base <= 0)
            return 0;
        ratios << round.at(subject).*field / base;
    }
    return Statistics::median(ratios);
}

void StartupBenchmark::printIntroduction(QTextStream &out) const
{
    out << "Start-up benchmark: process start to the first painted frame of the wizard window, and the peak resident "
           "memory then, measured inside each process (StartupProbe).\n"
        << "A measurement: " << m_options.warmUps << " warm-up rounds, then " << m_options.runs
        << " rounds in which every program runs once, in turns (the first rotating), dawiso-qlik-setup and "
           "page_wizard_network back to back; a ratio is the median of the rounds' ratios. A measurement that misses "
           "a target is followed by a second, with twice as many rounds, which decides.\n"
        << "Platform: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << QThread::idealThreadCount() << " hardware threads; Qt " << qVersion() << "; build type "
        << DQS_BENCH_BUILD_TYPE << "; QT_QPA_PLATFORM=offscreen, an empty HOME.\n";
    if (QLatin1String(DQS_BENCH_BUILD_TYPE) != QLatin1String("Release"))
        out << "Note: this is not a Release build; scripts/bench builds one.\n";
    if (m_clock == QLatin1String("launch"))
        out << "Clock: from the moment this benchmark starts each program (CLOCK_BOOTTIME), to its first frame.\n";
    else if (m_clock != QLatin1String("process"))
        out << "Note: this platform gives no process start time; the clock started at the top of main().\n";
}

bool StartupBenchmark::report(QTextStream &out, const Measurement &measurement) const
{
    out << '\n';
    const bool startupMet = printStartup(out, measurement);
    out << '\n';
    const bool memoryMet = printMemory(out, measurement);
    out << '\n';
    printRuns(out, measurement);
    out.flush();
    return startupMet && memoryMet;
}

bool StartupBenchmark::printStartup(QTextStream &out, const Measurement &measurement) const
{
    const MarkdownTable table({36, 14, 11, 8, 20, 28, 7, 3});
    out << "Start-up, " << measurement.name << " measurement: median time from process start to the first painted "
        << "frame, " << measurement.rounds.size() << " rounds";
    if (!measurement.loadBefore.isEmpty())
        out << " (load average " << measurement.loadBefore << " before, " << measurement.loadAfter << " after)";
    out << "\n\n";
    table.header(out,
                 {QStringLiteral("Program"), QStringLiteral("To first frame"), QStringLiteral("From main()"),
                  QStringLiteral("CPU time"), QStringLiteral("Ratio to bare_wizard"),
                  QStringLiteral("Ratio to page_wizard_network"), QStringLiteral("Target"), QStringLiteral("Met")});
    const auto ms = [&](int subject, double Sample::*field) -> QString {
        return MarkdownTable::number(median(measurement, subject, field)) + QStringLiteral(" ms");
    };
    bool met = true;
    for (int subject = 0; subject < m_subjects.size(); ++subject) {
        const double toBare = medianRatio(measurement, subject, Bare, &Sample::firstFrameMs);
        QString toPage;
        QString targetCell;
        QString metCell;
        if (subject >= PageNetwork) {
            const double ratio = medianRatio(measurement, subject, PageNetwork, &Sample::firstFrameMs);
            toPage = MarkdownTable::number(ratio, 2);
            if (subject == Application) {
                const bool subjectMet = meets(ratio, startupTarget);
                met = met && subjectMet;
                targetCell = target(startupTarget);
                metCell = MarkdownTable::yesNo(subjectMet);
            }
        }
        table.line(out,
                   {m_subjects.at(subject).name, ms(subject, &Sample::firstFrameMs), ms(subject, &Sample::fromMainMs),
                    ms(subject, &Sample::cpuMs), MarkdownTable::number(toBare, 2), toPage, targetCell, metCell});
    }
    // Without a target: the wizard's own work, which waiting (for the CPU or anything else) does not lengthen.
    out << "\nCPU time of dawiso-qlik-setup to page_wizard_network's, median of the rounds' ratios: "
        << MarkdownTable::number(medianRatio(measurement, Application, PageNetwork, &Sample::cpuMs), 2) << '\n';
    return met;
}

bool StartupBenchmark::printMemory(QTextStream &out, const Measurement &measurement) const
{
    const MarkdownTable table({36, 20, 20, 7, 3});
    out << "Memory, " << measurement.name
        << " measurement: median peak resident memory at the first painted frame (getrusage ru_maxrss)\n\n";
    table.header(out,
                 {QStringLiteral("Program"), QStringLiteral("Peak resident memory"),
                  QStringLiteral("Ratio to bare_wizard"), QStringLiteral("Target"), QStringLiteral("Met")});
    bool met = true;
    for (int subject = 0; subject < m_subjects.size(); ++subject) {
        const double ratio = medianRatio(measurement, subject, Bare, &Sample::peakRssMb);
        QString targetCell;
        QString metCell;
        if (subject == Application) {
            const bool subjectMet = meets(ratio, memoryTarget);
            met = met && subjectMet;
            targetCell = target(memoryTarget);
            metCell = MarkdownTable::yesNo(subjectMet);
        }
        table.line(out,
                   {m_subjects.at(subject).name,
                    MarkdownTable::number(median(measurement, subject, &Sample::peakRssMb)) + QStringLiteral(" MB"),
                    MarkdownTable::number(ratio, 2), targetCell, metCell});
    }
    return met;
}

void StartupBenchmark::printRuns(QTextStream &out, const Measurement &measurement) const
{
    out << "Every run of the " << measurement.name
        << " measurement, time to the first frame (ms) / peak resident memory (MB):\n";
    for (int subject = 0; subject < m_subjects.size(); ++subject) {
        QStringList runs;
        for (const QList<Sample> &round : measurement.rounds)
            runs << MarkdownTable::number(round.at(subject).firstFrameMs, 1) + QLatin1Char('/')
                    + MarkdownTable::number(round.at(subject).peakRssMb, 1);
        out << "  " << m_subjects.at(subject).name << ": " << runs.join(QStringLiteral(", ")) << '\n';
    }
}

} // namespace Dawiso::Bench
