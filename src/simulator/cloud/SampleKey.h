#pragma once

namespace Dawiso::Simulator {

// The sample API keys of the demo tenant (SimulatedTenant::demo()).
enum class SampleKey {
    Healthy, // Dawiso Integration user, active, expires in 90 days
    TenantAdmin, // Alex Admin, active, expires in 60 days
    GroupAdmin, // Grace Group-Admin, active, expires in 60 days
    Revoked, // Dawiso Integration user, status revoked (expiry in the future)
    Expired, // Dawiso Integration user, expiry 10 days ago, status expired
    ExpiringSoon, // Dawiso Integration user, active, expires in 3 days
};

} // namespace Dawiso::Simulator
