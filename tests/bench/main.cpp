// bench_connectioncheck: how fast, how frugal and how exact the connection check is on a large simulated tenant,
// against the plainest client that fetches the same pages (BaselineFetch) in the same run. The method, the figures
// and their targets are in the README's Benchmark section. Exit status: 0 every target met, 1 a target missed (or
// the check misread the tenant), 2 could not run.
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
