#pragma once

#include "WizardFlowBenchmark.h"
#include "net/TlsTrust.h"

#include <QString>

#include <functional>

class QTextStream;

namespace Dawiso::Bench {

// Load held: the connection check run many times in one process, then the wizard's whole guided flow many times
// (WizardFlowBenchmark's walk), against the serving process. Each must leave nothing behind: the resident memory at
// the end within a few MB of what it was after the first tenth of the runs, and no more files or sockets open than
// after one warm-up run.
class LoadBenchmark
{
public:
    struct Options
    {
        int apps = 100;
        int spaces = 10;
        int checks = 1000;
        int walks = 100;
    };

    enum ExitStatus { TargetsMet = 0, TargetsMissed = 1, CouldNotRun = 2 };

    explicit LoadBenchmark(const Options &options);

    // Runs everything and prints the table on stdout (problems on stderr); returns the process's exit status.
    int run(const QString &program);

private:
    struct Phase
    {
        QString name;
        int runs = 0;
        double seconds = 0;
        double residentAfterTenthMb = 0;
        double residentAtEndMb = 0;
        int filesBefore = 0;
        int filesAfter = 0;
        int socketsBefore = 0;
        int socketsAfter = 0;
    };

    // One warm-up run, then `runs` runs of `once`; false (see m_problem) when a run failed.
    bool measure(int runs, const std::function<bool()> &once, Phase *phase);
    bool runCheck();
    bool printReport(QTextStream &out, const QList<Phase> &phases) const;
    // Lets deleteLater() and the network stack's queued clean-up run.
    static void settle();
    // VmRSS of /proc/self/status; negative where there is none.
    static double residentMegabytes();
    // Entries of /proc/self/fd, and those of them that are sockets; negative where there is none.
    static int openFiles(bool socketsOnly);

    Options m_options;
    WizardFlowBenchmark m_wizard;
    TlsTrust m_trust;
    QString m_problem;
};

} // namespace Dawiso::Bench
