#pragma once

#include "common/UserMessage.h"
#include "host/ParsedHost.h"
#include "net/RequestFailure.h"

#include <QString>
#include <QStringList>

namespace Dawiso {

// What a host probe found, ready to show: a server of the chosen deployment (perhaps under an alias of its own
// address), something that is not that, or no answer at all (with the reason in failure).
class HostProbeResult
{
public:
    enum class Outcome {
        Found,
        NotQlik,
        Unreachable,
        Cancelled,
    };
    // What a Qlik Sense Enterprise probe learnt beyond the outcome, for a flow to act on; the summary says it in
    // words. Always None for Qlik Cloud.
    enum class Finding {
        None,
        QlikCloudTenant, // a Qlik Cloud tenant where Qlik Sense Enterprise was chosen (NotQlik)
        UnknownVirtualProxy, // a Qlik Sense proxy, but the prefix is none of its virtual proxies (NotQlik)
        HostNotAllowed, // the proxy refused the name: it is not on the host allow list (NotQlik)
        CertificatePort, // the QRS port, whose handshake wants a client certificate: a certificate bundle (Found)
        QlikSenseServer, // a Qlik Sense Enterprise proxy where Qlik Cloud was chosen (NotQlik)
    };

    Outcome outcome = Outcome::Unreachable;
    ParsedHost host;
    // The server's own address as it names itself (a Qlik Cloud tenant's issuer), as host[:port]; empty when it did
    // not say. Differs from host.hostAndPort() for an alias.
    QString ownHostAndPort;
    int httpStatus = 0;
    Finding finding = Finding::None;
    // The release the server names, e.g. "November 2024 Patch 3" (Qlik Sense Enterprise); empty when it did not say.
    QString release;
    // Found at a short name or an IP address: the full names the server's certificate carries, which allow lists,
    // JWT sign-in and Dawiso need instead.
    QStringList certificateNames;
    RequestFailure failure;
    // What happened, what to do next (nothing on success), and the failure's technical detail.
    UserMessage summary;

    bool isFound() const { return outcome == Outcome::Found; }
    // Found, under another address than the server's own.
    bool isAlias() const;
};

} // namespace Dawiso
