// bench_startup: how fast the wizard shows its first page, and how much memory it holds then, against the floor Qt
// itself sets.
//
// What is measured. Each program is started with QT_QPA_PLATFORM=offscreen (the same pixels are painted, without a
// display server whose own load would vary from run to run), an empty HOME and an otherwise minimal environment,
// DQS_STARTUP_REPORT=<file>, DQS_QUIT_AFTER_FIRST_PAINT=1 and DQS_STARTUP_LAUNCHED_NS (the moment this benchmark
// starts it, on Linux). Its StartupProbe (src/gui) takes, inside the process, the time from that start (else the
// kernel's start time of the process, good to half a clock tick) to the first painted frame of the wizard window, and
// the peak resident memory then, and writes them when the program quits, which it does right after that frame. Figures,
// each with its target from issue 6:
// - start-up: the median time to the first frame of dawiso-qlik-setup, and of dawiso-qlik-setup --demo (the
//   practice run with its simulated tenant), against the baseline's: at most 1.15 and 1.25 times;
// - memory: the median peak resident memory of dawiso-qlik-setup at that frame against the baseline's: at most 1.2
//   times (--demo is shown too).
// The time from main() and the CPU time of each are printed as well, without targets: they show how much of the
// difference is the loading of libraries before main() and how much is work. So are references without a target,
// which take the difference apart: bare_wizard_network, the baseline linked against Qt Network (what loading Qt Network
// and its libraries costs any program that talks to the network); page_wizard, the wizard's first page alone in a bare
// QWizard (what the page costs); page_wizard_network, that page linked against Qt Network (what is left over it is the
// product's own code and its other libraries).
//
// Why the baseline is fair. bare_wizard is a QWizard with one empty QWizardPage, linked against Qt Widgets only,
// built in the same tree with the same compiler flags and the same probe, and run in the same environment. All
// programs take turns, the first of each round rotating, after warm-up runs of each, and medians are compared, so
// that a busy machine slows all of them alike.
//
// Exit status: 0 every target met, 1 a target missed, 2 could not run.
#include "BenchCommandLine.h"
#include "StartupBenchmark.h"

#include <QCoreApplication>

using namespace Dawiso::Bench;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    StartupBenchmark::Options options;
    BenchCommandLine commandLine(
        QStringLiteral("Measures start-up time and memory of the wizard against a bare QWizard (see scripts/bench)."));
    commandLine.addNumber(QStringLiteral("runs"), QStringLiteral("Measured runs of each."), options.runs, 10);
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
                        QStringLiteral("The first page alone in a QWizard linked against Qt Network, for reference."),
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
