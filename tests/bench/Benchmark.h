#pragma once

#include "ServedRequests.h"
#include "SimulatorProcess.h"
#include "check/ConnectionReport.h"
#include "net/TlsTrust.h"

#include <QList>
#include <QString>
#include <QStringList>

class QTextStream;

namespace Dawiso::Bench {

// Runs the connection check and its baseline against the serving process, alternately, and prints the figures.
class Benchmark
{
public:
    struct Options
    {
        int apps = 20000;
        int spaces = 1000;
        int runs = 9; // measured runs of each, after one warm-up of each
    };

    enum ExitStatus { TargetsMet = 0, TargetsMissed = 1, CouldNotRun = 2 };

    explicit Benchmark(const Options &options);

    // Runs everything and prints the table on stdout (problems on stderr); returns the process's exit status.
    int run(const QString &program);

private:
    struct Sample
    {
        double wallMs = 0;
        double userMs = 0; // user time of this whole process (all its threads) during the run
        double systemMs = 0; // its system time
        int served = 0; // requests the simulator received
        int counted = 0; // requests the client counted itself
    };
    struct CpuTime
    {
        double userMs = 0;
        double systemMs = 0;
    };

    bool runCheck(Sample *sample);
    bool runBaseline(const QStringList &appPaths, Sample *sample);
    bool takeServed(Sample *sample, ServedRequests *requests = nullptr);
    int expectedRequests() const;
    bool printRequests(QTextStream &out, const ServedRequests &lastCheck) const;
    int printReport(const QList<Sample> &baseline, const QList<Sample> &check, const ServedRequests &lastCheck,
                    const QStringList &appPaths) const;
    static CpuTime cpuTimeNow();
    static double peakResidentMegabytes();

    Options m_options;
    SimulatorProcess m_server;
    TlsTrust m_trust;
    ConnectionReport m_lastReport;
    QString m_problem;
};

} // namespace Dawiso::Bench
