#include "LoadBenchmark.h"

#include "LoadAverage.h"
#include "MarkdownTable.h"
#include "check/ConnectionReport.h"
#include "cloud/CloudConnectionCheck.h"
#include "qlik/QlikClient.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <cmath>

#ifdef Q_OS_UNIX
#include <unistd.h>
#endif

namespace Dawiso::Bench {

namespace {

// Growth of the resident memory from the end of the first tenth of the runs to the end of all of them. The allocator
// keeps some freed memory and Qt fills caches on first use; a leak of even a few kB a run grows well past this over
// 1,000 checks or 100 walks of the wizard.
const double growthTargetMb = 4;

WizardFlowBenchmark::Options wizardOptions(const LoadBenchmark::Options &options)
{
    WizardFlowBenchmark::Options wizard;
    wizard.apps = options.apps;
    wizard.spaces = options.spaces;
    return wizard;
}

QString megabytes(double value)
{
    return MarkdownTable::number(value, 1) + QStringLiteral(" MB");
}

} // namespace

LoadBenchmark::LoadBenchmark(const Options &options)
    : m_options(options)
    , m_wizard(wizardOptions(options))
{ }

int LoadBenchmark::run(const QString &program)
{
    QTextStream err(stderr);
    if (residentMegabytes() < 0 || openFiles(false) < 0) {
        err << "bench_load: this platform has no /proc/self/status and /proc/self/fd to measure with." << Qt::endl;
        return CouldNotRun;
    }
    if (!m_wizard.serve(program)) {
        err << "bench_load: " << m_wizard.problem() << Qt::endl;
        return CouldNotRun;
    }
    const ServedTenant &tenant = m_wizard.tenant();
    m_trust.addCaCertificates(QSslCertificate::fromData(tenant.certificatePem, QSsl::Pem));

    QTextStream out(stdout);
    out << "Load benchmark: in one process, the connection check " << m_options.checks
        << " times, then the real wizard (offscreen) through the guided flow " << m_options.walks
        << " times, against a simulated tenant of " << tenant.apps << " apps in " << tenant.spaces
        << " spaces served by another process; an in-memory keychain for the wizard.\n"
        << "Platform: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << QThread::idealThreadCount() << " hardware threads; Qt " << qVersion() << "; build type "
        << DQS_BENCH_BUILD_TYPE << ".\n";
    if (QLatin1String(DQS_BENCH_BUILD_TYPE) != QLatin1String("Release"))
        out << "Note: this is not a Release build; scripts/bench builds one.\n";
    out.flush();

    const QString loadBefore = loadAverage();
    QList<Phase> phases;
    Phase checks;
    checks.name = QStringLiteral("Connection check");
    if (!measure(
            m_options.checks, [this] { return runCheck(); }, &checks)) {
        err << "bench_load: a connection check: " << m_problem << Qt::endl;
        return CouldNotRun;
    }
    phases << checks;
    Phase walks;
    walks.name = QStringLiteral("Wizard, guided flow");
    if (!measure(
            m_options.walks,
            [this] {
                if (m_wizard.walkOnce())
                    return true;
                m_problem = m_wizard.problem();
                return false;
            },
            &walks)) {
        err << "bench_load: a walk through the wizard: " << m_problem << Qt::endl;
        return CouldNotRun;
    }
    phases << walks;

    out << '\n';
    if (!loadBefore.isEmpty())
        out << "Load average " << loadBefore << " before, " << loadAverage() << " after.\n\n";
    const bool met = printReport(out, phases);
    out << '\n' << (met ? "Result: every target is met." : "Result: at least one target is missed.") << Qt::endl;
    return met ? TargetsMet : TargetsMissed;
}

bool LoadBenchmark::measure(int runs, const std::function<bool()> &once, Phase *phase)
{
    phase->runs = runs;
    // The first run loads what stays for the process's life (TLS, fonts, the network stack's helpers).
    if (!once())
        return false;
    settle();
    phase->filesBefore = openFiles(false);
    phase->socketsBefore = openFiles(true);
    const int tenth = qMax(1, runs / 10);
    QElapsedTimer elapsed;
    elapsed.start();
    for (int i = 1; i <= runs; ++i) {
        if (!once())
            return false;
        if (i == tenth) {
            settle();
            phase->residentAfterTenthMb = residentMegabytes();
        }
    }
    phase->seconds = double(elapsed.elapsed()) / 1000;
    settle();
    phase->residentAtEndMb = residentMegabytes();
    phase->filesAfter = openFiles(false);
    phase->socketsAfter = openFiles(true);
    return true;
}

bool LoadBenchmark::runCheck()
{
    const ServedTenant &tenant = m_wizard.tenant();
    QNetworkAccessManager network;
    QlikClient client(&network, &m_trust);
    client.setBaseUrl(tenant.baseUrl());
    CloudConnectionCheck check(&client);
    QEventLoop loop;
    ConnectionReport report;
    bool finished = false;
    QObject::connect(&check, &ConnectionCheck::finished, &loop, [&](const ConnectionReport &finishedReport) {
        report = finishedReport;
        finished = true;
        loop.quit();
    });
    QTimer giveUp; // the check has its own timeouts; this only keeps a broken run from hanging the benchmark
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
    giveUp.start(std::chrono::minutes(2));
    check.start(tenant.hostAndPort(), tenant.token);
    if (!finished)
        loop.exec();
    if (!finished) {
        check.cancel();
        m_problem = QStringLiteral("it did not finish within 2 minutes");
        return false;
    }
    if (report.verdict != ConnectionReport::Verdict::Usable) {
        m_problem = QStringLiteral("it did not find the tenant usable: %1").arg(report.verdictText());
        return false;
    }
    return true;
}

bool LoadBenchmark::printReport(QTextStream &out, const QList<Phase> &phases) const
{
    out << "Load held: resident memory after the first tenth of the runs and at the end (VmRSS, /proc/self/status), "
           "and open files and sockets (/proc/self/fd) after one warm-up run and at the end, each after letting "
           "deleteLater() run\n\n";
    const MarkdownTable table({20, 6, 8, 14, 10, 8, 10, 14, 16, 10, 4});
    table.header(out,
                 {QStringLiteral("Load"), QStringLiteral("Runs"), QStringLiteral("Time"),
                  QStringLiteral("RSS after 10%"), QStringLiteral("RSS at end"), QStringLiteral("Growth"),
                  QStringLiteral("Target"), QStringLiteral("Files (before)"), QStringLiteral("Sockets (before)"),
                  QStringLiteral("Target"), QStringLiteral("Met")});
    bool allMet = true;
    for (const Phase &phase : phases) {
        const double growth = phase.residentAtEndMb - phase.residentAfterTenthMb;
        // Judged as printed, to a tenth of a MB.
        const bool memoryMet = std::lround(growth * 10) <= std::lround(growthTargetMb * 10);
        const bool filesMet = phase.filesAfter <= phase.filesBefore && phase.socketsAfter <= phase.socketsBefore;
        const bool met = memoryMet && filesMet;
        allMet = allMet && met;
        table.line(out,
                   {phase.name, QString::number(phase.runs),
                    MarkdownTable::number(phase.seconds, 1) + QStringLiteral(" s"),
                    megabytes(phase.residentAfterTenthMb), megabytes(phase.residentAtEndMb), megabytes(growth),
                    QStringLiteral("<= ") + megabytes(growthTargetMb),
                    QStringLiteral("%1 (%2)").arg(phase.filesAfter).arg(phase.filesBefore),
                    QStringLiteral("%1 (%2)").arg(phase.socketsAfter).arg(phase.socketsBefore),
                    QStringLiteral("<= before"), MarkdownTable::yesNo(met)});
    }
    return allMet;
}

void LoadBenchmark::settle()
{
    // Objects deleted later, and the network stack's own threads closing their sockets, need a few turns of the loop.
    for (int i = 0; i < 5; ++i) {
        QEventLoop loop;
        QTimer::singleShot(20, &loop, &QEventLoop::quit);
        loop.exec();
        QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    }
}

double LoadBenchmark::residentMegabytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024;
    }
    return -1;
}

int LoadBenchmark::openFiles(bool socketsOnly)
{
    const QDir fds(QStringLiteral("/proc/self/fd"));
    if (!fds.exists())
        return -1;
    // The listing's own descriptor is among them, before as after.
    const QStringList entries = fds.entryList(QDir::AllEntries | QDir::System | QDir::NoDotAndDotDot);
    if (!socketsOnly)
        return int(entries.size());
    int sockets = 0;
#ifdef Q_OS_UNIX
    for (const QString &entry : entries) {
        char target[64] = {};
        const QByteArray path = QFile::encodeName(fds.filePath(entry));
        const ssize_t length = ::readlink(path.constData(), target, sizeof(target) - 1);
        if (length > 0 && QByteArray(target, qsizetype(length)).startsWith("socket:"))
            ++sockets;
    }
#endif
    return sockets;
}

} // namespace Dawiso::Bench
