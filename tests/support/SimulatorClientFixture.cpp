#include "SimulatorClientFixture.h"

#include "SimulatorTrust.h"

namespace Dawiso::Test {

bool SimulatorClientFixture::startSimulator(Simulator::SimulatedTenant tenant)
{
    stopSimulator();
    m_simulator = std::make_unique<Simulator::QlikSimulator>(std::move(tenant));
    if (!m_simulator->start())
        return false;
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    trustSimulator(*m_trust, *m_simulator);
    m_client = createClient();
    return true;
}

std::unique_ptr<QlikClient> SimulatorClientFixture::createClient() const
{
    auto client = std::make_unique<QlikClient>(m_network.get(), m_trust.get());
    client->setBaseUrl(m_simulator->baseUrl());
    return client;
}

void SimulatorClientFixture::stopSimulator()
{
    m_client.reset();
    m_network.reset();
    m_trust.reset();
    m_simulator.reset();
}

} // namespace Dawiso::Test
