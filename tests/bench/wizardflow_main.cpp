// bench_wizardflow: whether the wizard stays responsive while it talks to a large simulated tenant, and whether it
// asks that tenant for exactly what each step needs. The method, the figures and their targets are in the README's
// Benchmark section. Exit status: 0 every target met, 1 a target missed, 2 could not run.
#include "BenchCommandLine.h"
#include "SimulatorService.h"
#include "WizardFlowBenchmark.h"

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
        // The wizard is measured offscreen: the same widgets and painting, without a display server's own load.
        qputenv("QT_QPA_PLATFORM", "offscreen");
        app = std::make_unique<QApplication>(argc, argv);
    }
    WizardFlowBenchmark::Options options;
    BenchCommandLine commandLine(QStringLiteral(
        "Walks the wizard through the guided flow against a large simulated tenant (see scripts/bench)."));
    commandLine.addNumber(
        QStringLiteral("runs"),
        QStringLiteral("Walks through the flow in the first measurement (a second has twice as many)."), options.runs,
        1);
    commandLine.addTenantOptions(options.apps, options.spaces);
    if (!commandLine.process(*app))
        return WizardFlowBenchmark::CouldNotRun;
    options.runs = commandLine.number(QStringLiteral("runs"));
    options.apps = commandLine.number(QStringLiteral("apps"));
    options.spaces = commandLine.number(QStringLiteral("spaces"));

    if (serving) {
        SimulatorService service(options.apps, options.spaces);
        if (!service.start())
            return WizardFlowBenchmark::CouldNotRun;
        return app->exec();
    }
    WizardFlowBenchmark benchmark(options);
    return benchmark.run(QCoreApplication::applicationFilePath());
}
