#include "Benchmark.h"

#include "BaselineFetch.h"
#include "MarkdownTable.h"
#include "Statistics.h"
#include "cloud/CloudConnectionCheck.h"
#include "qlik/QlikClient.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QNetworkAccessManager>
#include <QSslCertificate>
#include <QSysInfo>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <algorithm>
#include <functional>

#ifdef Q_OS_UNIX
#include <sys/resource.h>
#endif

namespace Dawiso::Bench {

namespace {

const QString appsPrefix = QStringLiteral("/api/v1/apps/");
const double ratioTarget = 1.2;
const double memoryTargetMegabytes = 150;

} // namespace

Benchmark::Benchmark(const Options &options)
    : m_options(options)
{ }

int Benchmark::run(const QString &program)
{
    QTextStream err(stderr);
    if (!m_server.serve(program, m_options.apps, m_options.spaces)) {
        err << "bench_connectioncheck: " << m_server.error() << Qt::endl;
        return CouldNotRun;
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(m_server.tenant().certificatePem, QSsl::Pem);
    if (certificates.isEmpty()) {
        err << "bench_connectioncheck: the served certificate could not be read." << Qt::endl;
        return CouldNotRun;
    }
    // Both clients trust exactly the served certificate, as a CA of this run (what --ca-file does).
    m_trust.addCaCertificates(certificates);

    // The warm-up check also tells which apps the check opens, so that the baseline opens the same ones.
    Sample warmUpCheck;
    ServedRequests served;
    if (!runCheck(&warmUpCheck) || !takeServed(&warmUpCheck, &served)) {
        err << "bench_connectioncheck: " << m_problem << Qt::endl;
        return m_lastReport.verdict == ConnectionReport::Verdict::Usable ? CouldNotRun : TargetsMissed;
    }
    QStringList appPaths;
    for (auto it = served.byPath.cbegin(); it != served.byPath.cend(); ++it) {
        if (it.key().startsWith(appsPrefix))
            appPaths << it.key(); // sorted: each app before its /data/metadata
    }
    Sample warmUpBaseline;
    if (!runBaseline(appPaths, &warmUpBaseline) || !takeServed(&warmUpBaseline)) {
        err << "bench_connectioncheck: the baseline could not run: " << m_problem << Qt::endl;
        return CouldNotRun;
    }

    QList<Sample> baseline;
    QList<Sample> check;
    for (int i = 0; i < m_options.runs; ++i) {
        Sample baselineRun;
        if (!runBaseline(appPaths, &baselineRun) || !takeServed(&baselineRun)) {
            err << "bench_connectioncheck: the baseline could not run: " << m_problem << Qt::endl;
            return CouldNotRun;
        }
        baseline << baselineRun;
        Sample checkRun;
        if (!runCheck(&checkRun) || !takeServed(&checkRun, &served)) {
            err << "bench_connectioncheck: " << m_problem << Qt::endl;
            return m_lastReport.verdict == ConnectionReport::Verdict::Usable ? CouldNotRun : TargetsMissed;
        }
        check << checkRun;
    }
    return printReport(baseline, check, served, appPaths);
}

bool Benchmark::runCheck(Sample *sample)
{
    const ServedTenant &tenant = m_server.tenant();
    QNetworkAccessManager network;
    QlikClient client(&network, &m_trust);
    client.setBaseUrl(tenant.baseUrl());
    CloudConnectionCheck check(&client);
    QEventLoop loop;
    bool finished = false;
    QObject::connect(&check, &ConnectionCheck::finished, &loop, [&](const ConnectionReport &report) {
        m_lastReport = report;
        finished = true;
        loop.quit();
    });
    QTimer giveUp; // the check has its own timeouts; this only keeps a broken run from hanging the benchmark
    giveUp.setSingleShot(true);
    QObject::connect(&giveUp, &QTimer::timeout, &loop, &QEventLoop::quit);
    giveUp.start(std::chrono::minutes(10));

    const CpuTime cpuBefore = cpuTimeNow();
    QElapsedTimer wall;
    wall.start();
    check.start(tenant.hostAndPort(), tenant.token);
    if (!finished)
        loop.exec();
    sample->wallMs = double(wall.nsecsElapsed()) / 1e6;
    const CpuTime cpuAfter = cpuTimeNow();
    sample->userMs = cpuAfter.userMs - cpuBefore.userMs;
    sample->systemMs = cpuAfter.systemMs - cpuBefore.systemMs;

    if (!finished) {
        check.cancel();
        m_lastReport.verdict = ConnectionReport::Verdict::Cancelled;
        m_problem = QStringLiteral("the connection check did not finish within 10 minutes");
        return false;
    }
    sample->counted = m_lastReport.counts.requests;
    const int apps = m_lastReport.value(QStringLiteral("counts.apps")).toInt();
    const int spaces = m_lastReport.value(QStringLiteral("counts.spaces")).toInt();
    if (m_lastReport.verdict != ConnectionReport::Verdict::Usable || apps != tenant.apps || spaces != tenant.spaces) {
        QStringList findings;
        for (const CheckResult &result : std::as_const(m_lastReport.checks))
            findings << checkStatusName(result.status) + QLatin1Char(' ') + result.id + QStringLiteral(": ")
                    + result.message;
        m_problem = QStringLiteral("the connection check did not find the tenant usable with %1 spaces and %2 apps "
                                   "(it counted %3 and %4):\n  %5")
                        .arg(tenant.spaces)
                        .arg(tenant.apps)
                        .arg(spaces)
                        .arg(apps)
                        .arg(findings.join(QStringLiteral("\n  ")));
        if (m_lastReport.verdict == ConnectionReport::Verdict::Usable)
            m_lastReport.verdict = ConnectionReport::Verdict::Blocked;
        return false;
    }
    return true;
}

bool Benchmark::runBaseline(const QStringList &appPaths, Sample *sample)
{
    const ServedTenant &tenant = m_server.tenant();
    QNetworkAccessManager network;
    // Built once, as a plain client would: the same trust as the check's.
    BaselineFetch fetch(tenant.baseUrl(), tenant.token, m_trust.configuration(), appPaths);

    const CpuTime cpuBefore = cpuTimeNow();
    QElapsedTimer wall;
    wall.start();
    const bool ok = fetch.run(network);
    sample->wallMs = double(wall.nsecsElapsed()) / 1e6;
    const CpuTime cpuAfter = cpuTimeNow();
    sample->userMs = cpuAfter.userMs - cpuBefore.userMs;
    sample->systemMs = cpuAfter.systemMs - cpuBefore.systemMs;
    sample->counted = fetch.requests();
    if (!ok)
        m_problem = fetch.error();
    return ok;
}

bool Benchmark::takeServed(Sample *sample, ServedRequests *requests)
{
    const std::optional<ServedRequests> served = m_server.takeRequests();
    if (!served) {
        m_problem = m_server.error();
        return false;
    }
    sample->served = served->total;
    if (requests)
        *requests = *served;
    return true;
}

int Benchmark::expectedRequests() const
{
    const ServedTenant &tenant = m_server.tenant();
    // users/me 301 + users/{id}, api-keys (1 page), tenants/me 302 + tenants/{id}, then the lists and the samples.
    return 2 + 1 + 2 + ServedTenant::pagesFor(tenant.spaces) + ServedTenant::pagesFor(tenant.apps)
        + 2 * int(tenant.sampleSpaceTypes.size());
}

// Where the requests of one check go: expected from the tenant's content, and what the simulator received. True
// when every row matches.
bool Benchmark::printRequests(QTextStream &out, const ServedRequests &lastCheck) const
{
    const ServedTenant &tenant = m_server.tenant();
    const QList<int> pathWidths {52, 8, 10};
    bool allMatch = true;
    auto pathRow = [&](const QString &what, int want, int got) {
        allMatch = allMatch && want == got;
        out << MarkdownTable::row({what, QString::number(want), QString::number(got)}, pathWidths) << '\n';
    };
    const auto &byPath = lastCheck.byPath;
    const int userById = lastCheck.sum([](const QString &path) {
        return path.startsWith(QLatin1String("/api/v1/users/")) && path != QLatin1String("/api/v1/users/me");
    });
    const int tenantById = lastCheck.sum([](const QString &path) {
        return path.startsWith(QLatin1String("/api/v1/tenants/")) && path != QLatin1String("/api/v1/tenants/me");
    });
    const int appOpens = lastCheck.sum([](const QString &path) {
        return path.startsWith(appsPrefix) && !path.endsWith(QLatin1String("/data/metadata"));
    });
    const int metadata = lastCheck.sum([](const QString &path) {
        return path.startsWith(appsPrefix) && path.endsWith(QLatin1String("/data/metadata"));
    });
    const int listed = byPath.value(QStringLiteral("/api/v1/users/me")) + userById
        + byPath.value(QStringLiteral("/api/v1/api-keys")) + byPath.value(QStringLiteral("/api/v1/tenants/me"))
        + tenantById + byPath.value(QStringLiteral("/api/v1/spaces")) + byPath.value(QStringLiteral("/api/v1/items"))
        + appOpens + metadata;
    const QString types = tenant.sampleSpaceTypes.join(QStringLiteral(", "));
    out << "HTTP requests of one check, as the simulator counted them (last run):\n\n";
    out << MarkdownTable::row({QStringLiteral("Request"), QStringLiteral("Expected"), QStringLiteral("Check")},
                              pathWidths)
        << '\n'
        << MarkdownTable::rule(pathWidths) << '\n';
    pathRow(QStringLiteral("GET /api/v1/users/me (301)"), 1, byPath.value(QStringLiteral("/api/v1/users/me")));
    pathRow(QStringLiteral("GET /api/v1/users/{id}"), 1, userById);
    pathRow(QStringLiteral("GET /api/v1/api-keys (1 page)"), 1, byPath.value(QStringLiteral("/api/v1/api-keys")));
    pathRow(QStringLiteral("GET /api/v1/tenants/me (302)"), 1, byPath.value(QStringLiteral("/api/v1/tenants/me")));
    pathRow(QStringLiteral("GET /api/v1/tenants/{id}"), 1, tenantById);
    pathRow(QStringLiteral("GET /api/v1/spaces pages, ceil(%1/100)").arg(tenant.spaces),
            ServedTenant::pagesFor(tenant.spaces), byPath.value(QStringLiteral("/api/v1/spaces")));
    pathRow(QStringLiteral("GET /api/v1/items pages, ceil(%1/100)").arg(tenant.apps),
            ServedTenant::pagesFor(tenant.apps), byPath.value(QStringLiteral("/api/v1/items")));
    pathRow(QStringLiteral("GET /api/v1/apps/{id} (%1)").arg(types), int(tenant.sampleSpaceTypes.size()), appOpens);
    pathRow(QStringLiteral("GET /api/v1/apps/{id}/data/metadata"), int(tenant.sampleSpaceTypes.size()), metadata);
    pathRow(QStringLiteral("anything else"), 0, lastCheck.total - listed);
    pathRow(QStringLiteral("total"), expectedRequests(), lastCheck.total);
    out << '\n';
    return allMatch;
}

int Benchmark::printReport(const QList<Sample> &baseline, const QList<Sample> &check, const ServedRequests &lastCheck,
                           const QStringList &appPaths) const
{
    const ServedTenant &tenant = m_server.tenant();
    QTextStream out(stdout);
    const int expected = expectedRequests();

    out << "Connection check benchmark: " << tenant.apps << " apps in " << tenant.spaces << " spaces, " << check.size()
        << " runs of each after one warm-up of each, alternating.\n"
        << "Platform: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << QThread::idealThreadCount() << " hardware threads; Qt " << qVersion() << "; build type "
        << DQS_BENCH_BUILD_TYPE << ".\n";
    if (QLatin1String(DQS_BENCH_BUILD_TYPE) != QLatin1String("Release"))
        out << "Note: this is not a Release build; scripts/bench builds one.\n";
    out << "The simulator runs in its own process: the figures below are the client's only.\n\n";

    const bool rowsMatch = printRequests(out, lastCheck);

    QList<double> baselineWall, checkWall, baselineUser, checkUser, baselineSystem, checkSystem;
    QStringList baselineRuns, checkRuns;
    bool countsEqual = rowsMatch;
    bool baselineEqual = true;
    QList<int> checkServed, checkCounted, baselineServed, baselineCounted;
    for (const Sample &sample : baseline) {
        baselineWall << sample.wallMs;
        baselineUser << sample.userMs;
        baselineSystem << sample.systemMs;
        baselineRuns << MarkdownTable::number(sample.wallMs, 0);
        baselineEqual = baselineEqual && sample.served == expected && sample.counted == expected;
        baselineServed << sample.served;
        baselineCounted << sample.counted;
    }
    for (const Sample &sample : check) {
        checkWall << sample.wallMs;
        checkUser << sample.userMs;
        checkSystem << sample.systemMs;
        checkRuns << MarkdownTable::number(sample.wallMs, 0);
        countsEqual = countsEqual && sample.served == expected;
        checkServed << sample.served;
        checkCounted << sample.counted;
    }
    auto distinct = [](QList<int> values) {
        std::sort(values.begin(), values.end());
        values.resize(std::distance(values.begin(), std::unique(values.begin(), values.end())));
        QStringList text;
        for (const int value : values)
            text << QString::number(value);
        return text.join(QStringLiteral(" or "));
    };
    const double baselineMedian = Statistics::median(baselineWall);
    const double checkMedian = Statistics::median(checkWall);
    const double ratio = baselineMedian > 0 ? checkMedian / baselineMedian : 0;
    const double memory = peakResidentMegabytes();
    const bool ratioMet = ratio > 0 && ratio <= ratioTarget;
    const bool memoryMet = memory >= 0 && memory < memoryTargetMegabytes;

#if defined(Q_OS_LINUX)
    const QString memorySource = QStringLiteral("getrusage ru_maxrss, Linux");
#elif defined(Q_OS_MACOS)
    const QString memorySource = QStringLiteral("getrusage ru_maxrss, macOS");
#else
    const QString memorySource = QStringLiteral("not measured on this platform");
#endif
    auto cpu = [](const QList<double> &user, const QList<double> &system) -> QString {
        return MarkdownTable::number(Statistics::median(user), 0) + QStringLiteral(" / ")
            + MarkdownTable::number(Statistics::median(system), 0) + QStringLiteral(" ms");
    };
    const QList<int> widths {52, 16, 10, 4};
    out << MarkdownTable::row(
        {QStringLiteral("Figure"), QStringLiteral("Measured"), QStringLiteral("Target"), QStringLiteral("Met")}, widths)
        << '\n'
        << MarkdownTable::rule(widths) << '\n'
        << MarkdownTable::row({QStringLiteral("HTTP requests of the check (simulator, every run)"),
                               distinct(checkServed), QStringLiteral("= %1").arg(expected),
                               MarkdownTable::yesNo(countsEqual)},
                              widths)
        << '\n'
        << MarkdownTable::row(
               {QStringLiteral("  counted by the check itself (report.counts)"), distinct(checkCounted), {}, {}},
               widths)
        << '\n'
        << MarkdownTable::row({QStringLiteral("HTTP requests of the baseline (simulator / own)"),
                               distinct(baselineServed) + QStringLiteral(" / ") + distinct(baselineCounted),
                               QStringLiteral("= %1").arg(expected), MarkdownTable::yesNo(baselineEqual)},
                              widths)
        << '\n'
        << MarkdownTable::row({QStringLiteral("Median wall time, baseline (sequential QNAM)"),
                               MarkdownTable::number(baselineMedian) + QStringLiteral(" ms"),
                               {},
                               {}},
                              widths)
        << '\n'
        << MarkdownTable::row({QStringLiteral("Median wall time, connection check"),
                               MarkdownTable::number(checkMedian) + QStringLiteral(" ms"),
                               {},
                               {}},
                              widths)
        << '\n'
        << MarkdownTable::row({QStringLiteral("Ratio check / baseline"), MarkdownTable::number(ratio, 2),
                               QStringLiteral("<= ") + MarkdownTable::number(ratioTarget, 2),
                               MarkdownTable::yesNo(ratioMet)},
                              widths)
        << '\n'
        << MarkdownTable::row(
               {QStringLiteral("Median CPU time, baseline (user / system)"), cpu(baselineUser, baselineSystem), {}, {}},
               widths)
        << '\n'
        << MarkdownTable::row({QStringLiteral("Median CPU time, connection check (user / system)"),
                               cpu(checkUser, checkSystem),
                               {},
                               {}},
                              widths)
        << '\n'
        << MarkdownTable::row(
               {QStringLiteral("Peak resident memory (%1)").arg(memorySource),
                memory < 0 ? QStringLiteral("n/a") : MarkdownTable::number(memory) + QStringLiteral(" MB"),
                QStringLiteral("< ") + MarkdownTable::number(memoryTargetMegabytes, 0) + QStringLiteral(" MB"),
                MarkdownTable::yesNo(memoryMet)},
               widths)
        << '\n';
    out << "\nWall time of every run (ms), baseline: " << baselineRuns.join(QStringLiteral(", ")) << '\n'
        << "Wall time of every run (ms), check:    " << checkRuns.join(QStringLiteral(", ")) << '\n'
        << "Apps opened (by both): " << appPaths.join(QStringLiteral(", ")) << "\n\n";

    if (!baselineEqual) {
        out << "Result: the baseline did not read exactly the expected pages, so the comparison is void." << Qt::endl;
        return CouldNotRun;
    }
    const bool met = countsEqual && ratioMet && memoryMet;
    out << (met ? "Result: every target is met." : "Result: at least one target is missed.") << Qt::endl;
    return met ? TargetsMet : TargetsMissed;
}

Benchmark::CpuTime Benchmark::cpuTimeNow()
{
    CpuTime time;
#ifdef Q_OS_UNIX
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
    auto ms = [](const timeval &value) {
        return double(value.tv_sec) * 1e3 + double(value.tv_usec) / 1e3;
    };
    time.userMs = ms(usage.ru_utime);
    time.systemMs = ms(usage.ru_stime);
#endif
    return time;
}

double Benchmark::peakResidentMegabytes()
{
#ifdef Q_OS_UNIX
    rusage usage {};
    getrusage(RUSAGE_SELF, &usage);
#ifdef Q_OS_MACOS
    return double(usage.ru_maxrss) / 1e6; // bytes
#else
    return double(usage.ru_maxrss) * 1024 / 1e6; // KiB
#endif
#else
    return -1;
#endif
}

} // namespace Dawiso::Bench
