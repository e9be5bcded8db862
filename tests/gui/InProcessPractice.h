#pragma once

#include "SetupWizard.h"
#include "SimulatorPracticeServer.h"
#include "SimulatorPracticeSite.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/onprem/QlikSenseSite.h"

namespace Dawiso::Test {

// Serves a wizard's practice tenant and practice site from the test's own process (SimulatorPracticeServer and
// SimulatorPracticeSite, as the practice plugin does), so that the test can reach the simulators behind them. Set it
// up before the practice run starts.
class InProcessPractice
{
public:
    explicit InProcessPractice(SetupWizard *wizard)
    {
        wizard->setPracticeServerFactory([this]() -> std::unique_ptr<PracticeServer> {
            auto server = std::make_unique<SimulatorPracticeServer>();
            m_simulator = server->simulator();
            return server;
        });
        wizard->setPracticeSiteFactory([this]() -> std::unique_ptr<PracticeSite> {
            auto site = std::make_unique<SimulatorPracticeSite>();
            m_site = site->site();
            return site;
        });
    }

    // The simulator of the running practice tenant; null before it starts.
    Simulator::QlikSimulator *simulator() const { return m_simulator; }
    // The simulated site of a running practice run on Qlik Sense Enterprise; null before it starts.
    Simulator::QlikSenseSite *site() const { return m_site; }

private:
    Simulator::QlikSimulator *m_simulator = nullptr;
    Simulator::QlikSenseSite *m_site = nullptr;
};

} // namespace Dawiso::Test
