// bench_load: whether the connection check and the wizard's guided flow, each run many times in one process, leave
// memory, files or sockets behind. The method, the figures and their targets are in the README's Benchmark section.
// Exit status: 0 every target met, 1 a target missed, 2 could not run.
#include "BenchCommandLine.h"
#include "LoadBenchmark.h"
#include "SimulatorService.h"

#include <QApplication>

#include <algorithm>
#include <memory>

using namespace Dawiso::Bench;

int main(int argc, char **argv)
{
    const bool serving =
        std::any_of(argv + 1, argv + argc, [](const char *arg) { return qstrcmp(arg, "--serve") == 0; });
    std::unique_ptr<QCoreApplication> app;
    if (serving) {
        app = std::make_unique<QCoreApplication>(argc, argv); // the serving process needs no display
    } else {
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    }
    LoadBenchmark::Options options;
    BenchCommandLine commandLine(QStringLiteral(
        "Runs the connection check and the wizard's guided flow many times in one process and looks for what they "
        "leave behind (see scripts/bench)."));
    commandLine.addNumber(QStringLiteral("checks"), QStringLiteral("Connection checks, after one warm-up."),
                          options.checks, 10);
    commandLine.addNumber(QStringLiteral("walks"), QStringLiteral("Walks through the wizard, after one warm-up."),
                          options.walks, 10);
    commandLine.addTenantOptions(options.apps, options.spaces);
    if (!commandLine.process(*app))
        return LoadBenchmark::CouldNotRun;
    options.checks = commandLine.number(QStringLiteral("checks"));
    options.walks = commandLine.number(QStringLiteral("walks"));
    options.apps = commandLine.number(QStringLiteral("apps"));
    options.spaces = commandLine.number(QStringLiteral("spaces"));

    if (serving) {
        SimulatorService service(options.apps, options.spaces);
        if (!service.start())
            return LoadBenchmark::CouldNotRun;
        return app->exec();
    }
    LoadBenchmark benchmark(options);
    return benchmark.run(QCoreApplication::applicationFilePath());
}
