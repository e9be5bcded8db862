#pragma once

#include "ServedRequests.h"
#include "SimulatorProcess.h"

#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

class QTextStream;

namespace Dawiso {
class CloudFlow;
class SetupController;
class SetupWizard;
} // namespace Dawiso

namespace Dawiso::Bench {

class LatencyProbe;

// Walks the real wizard through the guided flow against the serving process, the way a user does, and measures two
// things on the way: how late the event loop gets while the wizard works (responsiveness) and which HTTP requests
// each step makes (requests). Responsiveness is judged on the lateness that is the wizard's own (see LatencyProbe); a
// measurement that misses a responsiveness target is followed by a second, with twice as many walks, which decides:
// a busy machine can spoil one measurement, a slower wizard spoils both.
class WizardFlowBenchmark
{
public:
    struct Options
    {
        int apps = 20000;
        int spaces = 1000;
        int runs = 3; // walks through the flow in the first measurement, each with a new wizard
    };

    enum ExitStatus { TargetsMet = 0, TargetsMissed = 1, CouldNotRun = 2 };

    explicit WizardFlowBenchmark(const Options &options);

    // Runs everything and prints the responsiveness and requests tables on stdout; returns the exit status.
    int run(const QString &program);

    // For the load benchmark: starts the serving process; false (see problem()) when it does not come up.
    bool serve(const QString &program);
    const ServedTenant &tenant() const { return m_server.tenant(); }
    // One walk through the flow without measuring it, so without the pauses after each step; false (see problem())
    // when it did not get through.
    bool walkOnce();
    QString problem() const { return m_problem; }

private:
    // What the simulator received in each step of one walk.
    struct Walk
    {
        ServedRequests host;
        ServedRequests key;
        ServedRequests check;
        int apps = 0;
        int spaces = 0;
    };
    struct Expected
    {
        QString step;
        QString request;
        int count;
        std::function<int(const ServedRequests &)> served;
        const ServedRequests Walk::*in;
    };

    // Walks the flow `walks` times with one probe, prints the responsiveness table; false when a walk failed.
    bool measure(QTextStream &out, const QString &name, int walks, bool *met);
    bool isWorking() const;
    bool walk(LatencyProbe &probe, Walk *result);
    bool waitFor(const std::function<bool()> &condition, int timeoutMs, const QString &what);
    void pause(int ms);
    // The pause after a step, while the probe watches the wizard show its result; none when nothing is measured.
    void watch(int ms);
    bool takeRequests(LatencyProbe &probe, ServedRequests *requests);
    static bool canGoNext(const SetupWizard &wizard);
    static void clickNext(SetupWizard &wizard);
    QList<Expected> expectedRequests() const;
    bool printResponsiveness(QTextStream &out, const LatencyProbe &probe, const QString &heading) const;
    void printIntroduction(QTextStream &out) const;
    bool printRequests(QTextStream &out) const;

    Options m_options;
    SimulatorProcess m_server;
    SetupController *m_controller = nullptr; // of the walk in progress
    CloudFlow *m_cloud = nullptr; // its Qlik Cloud flow
    QList<Walk> m_walks; // of every measurement
    bool m_watching = true; // pauses after each step (see watch())
    QString m_problem;
};

} // namespace Dawiso::Bench
