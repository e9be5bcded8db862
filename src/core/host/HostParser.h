#pragma once

#include "host/DeploymentKind.h"
#include "host/ParsedHost.h"

#include <QCoreApplication>
#include <QString>

namespace Dawiso {

// Turns whatever people paste into the host field (a full URL, a host with a port, an IDN name, an IPv6 literal)
// into a normalised host[:port], or explains in one plain sentence why it cannot be a Qlik address.
// Pure logic: no network, no DNS.
class HostParser
{
    Q_DECLARE_TR_FUNCTIONS(HostParser)

public:
    static ParsedHost parse(const QString &input, DeploymentKind kind);
};

} // namespace Dawiso
