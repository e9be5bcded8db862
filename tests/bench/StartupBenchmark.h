#pragma once

#include <QList>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

class QTextStream;

namespace Dawiso::Bench {

// Starts the wizard, the bare-Qt baseline and the references again and again, in turns, each quitting after its first
// painted frame, and compares what their StartupProbe reported: the time to that frame and the peak resident memory
// then.
class StartupBenchmark
{
public:
    struct Options
    {
        QString application; // dawiso-qlik-setup
        QString baseline; // bare_wizard
        // References, shown without a target: the baseline linked against Qt Network (bare_wizard_network), the first
        // page alone (page_wizard) and the first page alone linked against Qt Network (page_wizard_network).
        QString networkBaseline;
        QString pageReference;
        QString networkPageReference;
        int runs = 31; // measured runs of each, after the warm-up runs
        int warmUps = 3;
    };

    enum ExitStatus { TargetsMet = 0, TargetsMissed = 1, CouldNotRun = 2 };

    explicit StartupBenchmark(const Options &options);

    // Runs everything and prints the start-up and memory tables on stdout; returns the process's exit status.
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
        double timeTarget = 0; // ratio to the baseline; 0 for none (the baseline, the reference)
        double memoryTarget = 0; // likewise; 0 as well for no target
        QList<Sample> samples;
    };

    bool prepareEnvironment();
    bool runOnce(const Subject &subject, Sample *sample);
    bool printStartup(QTextStream &out) const;
    bool printMemory(QTextStream &out) const;
    void printRuns(QTextStream &out) const;
    static QList<double> values(const Subject &subject, double Sample::*field);

    Options m_options;
    QTemporaryDir m_home;
    QProcessEnvironment m_environment;
    QString m_reportPath;
    QString m_clock;
    QList<Subject> m_subjects;
    QString m_problem;
};

} // namespace Dawiso::Bench
