#pragma once

#include "SetupWizard.h"
#include "SimulatorPracticeServer.h"
#include "simulator/cloud/QlikSimulator.h"

namespace Dawiso::Test {

// Serves a wizard's practice tenant from the test's own process (SimulatorPracticeServer, as the practice plugin
// does), so that the test can reach the simulator behind it. Set it up before the practice run starts.
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
    }

    // The simulator of the running practice tenant; null before it starts.
    Simulator::QlikSimulator *simulator() const { return m_simulator; }

private:
    Simulator::QlikSimulator *m_simulator = nullptr;
};

} // namespace Dawiso::Test
