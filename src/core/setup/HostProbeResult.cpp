#include "setup/HostProbeResult.h"

namespace Dawiso {

bool HostProbeResult::isAlias() const
{
    return isQlikCloudTenant() && !issuerHostAndPort.isEmpty()
        && issuerHostAndPort.compare(host.hostAndPort(), Qt::CaseInsensitive) != 0;
}

} // namespace Dawiso
