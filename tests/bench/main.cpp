// bench_connectioncheck: how fast, how frugal and how exact the connection check is on a large tenant.
//
// What is measured. The connection check (ConnectionCheck on a QlikClient, from start() to finished()) against
// a simulated Qlik Cloud tenant of 20,000 apps in 1,000 spaces, all visible to the key's user, over real HTTPS on
// loopback. Three figures, each with its target from issue 3:
// - the HTTP requests of the check, as the simulator received them, against the pages the check needs: one per 100
//   spaces, one per 100 apps, plus the fixed calls (users/me 301 and users/{id}, one page of api-keys, tenants/me
//   302 and tenants/{id}, and GET /apps/{id} + /data/metadata for the one sample app per space type) - exactly equal;
// - the median wall time of the check against a baseline measured in the same run - at most 1.2 times;
// - the peak resident memory of this process after all runs (getrusage ru_maxrss) - under 150 MB.
// The CPU time of each run (user and system, all threads of this process) is printed too, without a target: it shows
// how much of the wall time is the client's own work, the part the engine can change.
// The simulator runs in a second process (this program with --serve), so that the memory and CPU time measured
// here are the client's only. The key reaches this process through the serving process's stdout, never through an
// argument or a file, and is never printed.
//
// Why the baseline is fair. BaselineFetch is the plainest client that reads the same pages: one GET after another
// on a QNetworkAccessManager, each parsed with QJsonDocument::fromJson, following links.next.href and redirects by
// hand. It sends the same Authorization header, trusts the same certificate (the same TlsTrust configuration, as a
// CA), and fetches exactly the same URLs: the same list queries, and the very apps the check opened in its warm-up
// run (taken from the simulator's log, so the baseline needs no logic of its own to pick them). It does no work
// the check could skip: no per-item reading, no counting, no progress. Both get a fresh QNetworkAccessManager per
// run, constructed outside the timed region, so both pay their TLS handshakes; both are warmed up once, then run
// alternately so that drift on a busy machine hits both alike, and medians are compared. The simulator confirms the
// baseline's requests too: a baseline that did not read exactly the expected pages voids the comparison.
//
// Exit status: 0 every target met, 1 a target missed (or the check misread the tenant), 2 could not run.
#include "BenchCommandLine.h"
#include "Benchmark.h"
#include "SimulatorService.h"

#include <QCoreApplication>

using namespace Dawiso::Bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Benchmark::Options options;
    BenchCommandLine commandLine(
        QStringLiteral("Measures the connection check against a simulated tenant of many apps (see scripts/bench)."));
    commandLine.addNumber(QStringLiteral("runs"), QStringLiteral("Measured runs of each."), options.runs, 5);
    commandLine.addTenantOptions(options.apps, options.spaces);
    if (!commandLine.process(app))
        return Benchmark::CouldNotRun;
    options.runs = commandLine.number(QStringLiteral("runs"));
    options.apps = commandLine.number(QStringLiteral("apps"));
    options.spaces = commandLine.number(QStringLiteral("spaces"));

    if (commandLine.isSet(QStringLiteral("serve"))) {
        SimulatorService service(options.apps, options.spaces);
        if (!service.start())
            return Benchmark::CouldNotRun;
        return app.exec();
    }
    Benchmark benchmark(options);
    return benchmark.run(QCoreApplication::applicationFilePath());
}
