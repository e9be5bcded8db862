#include "setup/HostProbeResult.h"

namespace Dawiso {

bool HostProbeResult::isAlias() const
{
    return isFound() && !ownHostAndPort.isEmpty()
        && ownHostAndPort.compare(host.hostAndPort(), Qt::CaseInsensitive) != 0;
}

} // namespace Dawiso
