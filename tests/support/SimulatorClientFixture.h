#pragma once

#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QNetworkAccessManager>

#include <memory>

namespace Dawiso::Test {

// A simulated tenant and a client that trusts it, as most tests against the simulator need them: the simulator, a
// network manager, a trust that pins exactly this simulator's certificate, and a QlikClient pointed at it. A test
// class derives from it next to QObject and calls startSimulator() in init() (or initTestCase() to share one).
class SimulatorClientFixture
{
protected:
    // Serves tenant over HTTPS on loopback and sets up the client for it, afresh each time; false when the simulator
    // cannot listen.
    [[nodiscard]] bool startSimulator(Simulator::SimulatedTenant tenant = Simulator::SimulatedTenant::demo());
    // The client first, then what it uses, then the simulator.
    void stopSimulator();
    // Another client of the same simulator, trusting it, for a test that acts as several users at once.
    std::unique_ptr<QlikClient> createClient() const;

    std::unique_ptr<Simulator::QlikSimulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<QlikClient> m_client; // no API key: the test sets the one it needs
};

} // namespace Dawiso::Test
