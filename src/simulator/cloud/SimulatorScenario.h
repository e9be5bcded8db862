#pragma once

#include "simulator/cloud/CheckScenario.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/cloud/SampleKey.h"
#include "simulator/cloud/SimulatedTenant.h"

#include <QList>
#include <QString>

namespace Dawiso::Simulator {

// A ready tenant for one CheckScenario and the sample key the test should use with it.
struct ScenarioSetup
{
    SimulatedTenant tenant;
    SampleKey key = SampleKey::Healthy;
};

// The tenants and faults behind the connection-check tests. Every tenant starts from SimulatedTenant::demo(), so
// QlikSimulator(setup.tenant).sampleToken(setup.key) works for each of them.
class SimulatorScenario
{
public:
    static ScenarioSetup tenantFor(CheckScenario scenario);
    // Applies the fault-injection part of the scenario to a started simulator (rate limits, delays, malformed or
    // wrong-typed JSON). Call after start(). Scenarios without faults leave the simulator as it is.
    static void applyFaults(CheckScenario scenario, QlikSimulator &simulator);
    // Benchmark tenant: demo()'s users and keys, `spaces` spaces (every third one managed, the rest shared) with the
    // Healthy key's user a member of each, and `apps` apps spread over them in turn (no personal apps when spaces > 0).
    static SimulatedTenant large(int apps, int spaces);

    // Every scenario, in declaration order, and a short stable name for each (test rows, logs).
    static QList<CheckScenario> all();
    static QString name(CheckScenario scenario);
};

} // namespace Dawiso::Simulator
