// bench_startup: how fast the wizard shows its first page, and how much memory it holds then, against the same page
// in a bare QWizard and against an empty QWizard, built in the same tree with the same probe and run in turns. The
// method, the figures and their targets are in the README's Benchmark section. Exit status: 0 every target met, 1 a
// target missed (in a second measurement too), 2 could not run.
#include "BenchCommandLine.h"
#include "StartupBenchmark.h"

#include <QCoreApplication>

using namespace Dawiso::Bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    StartupBenchmark::Options options;
    BenchCommandLine commandLine(QStringLiteral("Measures start-up time and memory of the wizard against the same page "
                                                "in a bare QWizard (see scripts/bench)."));
    commandLine.addNumber(QStringLiteral("runs"),
                          QStringLiteral("Measured rounds of the first measurement (a second has twice as many)."),
                          options.runs, StartupBenchmark::minimumRuns);
    commandLine.addPath(QStringLiteral("app"), QStringLiteral("The wizard's executable."),
                        QStringLiteral(DQS_BENCH_APPLICATION));
    commandLine.addPath(QStringLiteral("baseline"), QStringLiteral("The bare QWizard's executable."),
                        QStringLiteral(DQS_BENCH_BASELINE));
    commandLine.addPath(QStringLiteral("network-baseline"),
                        QStringLiteral("The bare QWizard linked against Qt Network, for reference."),
                        QStringLiteral(DQS_BENCH_NETWORK_BASELINE));
    commandLine.addPath(QStringLiteral("page-reference"),
                        QStringLiteral("The first page alone in a QWizard, for reference."),
                        QStringLiteral(DQS_BENCH_PAGE_REFERENCE));
    commandLine.addPath(QStringLiteral("network-page-reference"),
                        QStringLiteral("The first page alone in a QWizard linked against Qt Network: the start-up "
                                       "target's baseline."),
                        QStringLiteral(DQS_BENCH_NETWORK_PAGE_REFERENCE));
    if (!commandLine.process(app))
        return StartupBenchmark::CouldNotRun;
    options.runs = commandLine.number(QStringLiteral("runs"));
    options.application = commandLine.value(QStringLiteral("app"));
    options.baseline = commandLine.value(QStringLiteral("baseline"));
    options.networkBaseline = commandLine.value(QStringLiteral("network-baseline"));
    options.pageReference = commandLine.value(QStringLiteral("page-reference"));
    options.networkPageReference = commandLine.value(QStringLiteral("network-page-reference"));

    StartupBenchmark benchmark(options);
    return benchmark.run();
}
