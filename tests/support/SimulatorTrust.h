#pragma once

#include "net/CertificateSummary.h"
#include "net/TlsTrust.h"
#include "simulator/cloud/QlikSimulator.h"

namespace Dawiso::Test {

// Trusts exactly this simulator's certificate for exactly its address, as --demo does.
inline void trustSimulator(TlsTrust &trust, const Simulator::QlikSimulator &simulator)
{
    trust.pin(simulator.hostAndPort(), CertificateSummary::sha256(simulator.certificate()));
}

} // namespace Dawiso::Test
