#pragma once

#include "host/ParsedHost.h"
#include "net/RequestFailure.h"
#include "qlik/AuthorizationServerMetadata.h"

#include <QString>

namespace Dawiso {

// What the host check found, ready to show: a Qlik Cloud tenant (perhaps under an alias), something that is not
// Qlik, or no answer at all (with the reason in failure()).
class HostProbeResult
{
public:
    enum class Outcome {
        QlikCloudTenant,
        NotQlik,
        Unreachable,
        Cancelled,
    };

    Outcome outcome = Outcome::Unreachable;
    ParsedHost host;
    AuthorizationServerMetadata metadata;
    // The tenant's own address from `issuer`, as host[:port]; differs from host.hostAndPort() for an alias.
    QString issuerHostAndPort;
    int httpStatus = 0;
    RequestFailure failure;
    QString message; // what happened
    QString advice; // what to do next (empty on success)

    bool isQlikCloudTenant() const { return outcome == Outcome::QlikCloudTenant; }
    bool isAlias() const;
};

} // namespace Dawiso
