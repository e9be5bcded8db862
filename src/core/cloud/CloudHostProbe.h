#pragma once

#include "host/ParsedHost.h"
#include "qlik/AuthorizationServerMetadata.h"
#include "qlik/QlikStep.h"
#include "setup/HostProbeResult.h"

class QNetworkAccessManager;

namespace Dawiso {

class TlsTrust;

// Checks that an address is a Qlik Cloud tenant, without credentials: GET /.well-known/oauth-authorization-server
// proves DNS, TLS and that Qlik answers, and its `issuer` names the tenant's own address (HostProbeResult's
// ownHostAndPort). The sign-in endpoints it lists are kept for the automated steps. A newer start() replaces the
// check in flight without a result for it.
class CloudHostProbe : public QlikStep
{
    Q_OBJECT

public:
    CloudHostProbe(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);

    void start(const ParsedHost &host);
    // Stops the check; its finished() (Cancelled) has come when this returns.
    void cancel() override;
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    // The sign-in metadata of the tenant the last probe found; empty when it found none.
    AuthorizationServerMetadata metadata() const { return m_metadata; }

signals:
    void progress(const QString &message);
    void finished(const Dawiso::HostProbeResult &result);

private:
    void onFinished(QlikRequest *request);
    void interpret(QlikRequest *request, HostProbeResult &result);

    ParsedHost m_host;
    AuthorizationServerMetadata m_metadata;
    std::chrono::milliseconds m_timeout {std::chrono::seconds(20)};
};

} // namespace Dawiso
