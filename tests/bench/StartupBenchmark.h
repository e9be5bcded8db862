#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class QTextStream;

namespace Dawiso::Bench {

// Starts the wizard, its baselines and the references again and again, in rounds, each quitting after its first
// painted frame, and compares what their StartupProbe reported: the time to that frame and the peak resident memory
// then. A measurement that misses a target is followed by a second, fresh and twice as long, which decides: a busy
// machine can spoil one measurement, a slower wizard spoils both.
class StartupBenchmark
{
public:
    struct Options
    {
        QString application; // dawiso-qlik-setup
        QString baseline; // bare_wizard
        QString networkBaseline; // bare_wizard_network
        QString pageReference; // page_wizard
        QString networkPageReference; // page_wizard_network: the start-up target's baseline
        int runs = 61; // measured rounds of the first measurement (the second has twice as many), after warm-ups
        int warmUps = 3;
    };

    // Fewer rounds leave the median ratio too loose for its target on a busy machine.
    static constexpr int minimumRuns = 31;

    enum ExitStatus { TargetsMet = 0, TargetsMissed = 1, CouldNotRun = 2 };

    explicit StartupBenchmark(const Options &options);

    // Runs everything and prints the start-up and memory tables of each measurement on stdout; returns the process's
    // exit status.
    int run();

private:
    struct Sample
    {
        double firstFrameMs = 0; // from the process's start
        double fromMainMs = 0;
        double cpuMs = 0;
        double peakRssMb = 0;
    };
    struct Subject
    {
        QString name; // as the tables show it
        QString program;
        QStringList arguments;
    };
    struct Measurement
    {
        QString name; // "first", "second"
        QList<QList<Sample>> rounds; // rounds[round][subject], measured rounds only
        QString loadBefore; // the 1-minute load average, empty where unknown
        QString loadAfter;
    };

    bool prepareEnvironment();
    bool measure(Measurement *measurement, int rounds);
    QList<int> roundOrder(int round) const;
    bool runOnce(const Subject &subject, Sample *sample);
    void printIntroduction(QTextStream &out) const;
    // Prints the measurement's tables and every run; true when it meets every target.
    bool report(QTextStream &out, const Measurement &measurement) const;
    bool printStartup(QTextStream &out, const Measurement &measurement) const;
    bool printMemory(QTextStream &out, const Measurement &measurement) const;
    void printRuns(QTextStream &out, const Measurement &measurement) const;

    static double median(const Measurement &measurement, int subject, double Sample::*field);
    static double medianRatio(const Measurement &measurement, int subject, int baseline, double Sample::*field);

    Options m_options;
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
    QString m_reportPath;
    QString m_clock;
    QList<Subject> m_subjects;
    QString m_problem;
};

} // namespace Dawiso::Bench
