#pragma once

#include "host/ParsedHost.h"
#include "setup/HostProbeResult.h"

#include <QObject>
#include <QPointer>

class QNetworkAccessManager;

namespace Dawiso {

class QlikClient;
class QlikRequest;
class TlsTrust;

// Checks that an address is a Qlik Cloud tenant, without credentials: GET /.well-known/oauth-authorization-server
// proves DNS, TLS and that Qlik answers, and its `issuer` names the tenant's own address.
class CloudHostProbe : public QObject
{
    Q_OBJECT

public:
    CloudHostProbe(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);

    void start(const ParsedHost &host);
    void cancel();
    bool isRunning() const;
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }

signals:
    void progress(const QString &message);
    void finished(const Dawiso::HostProbeResult &result);

private:
    void abandon();
    void onFinished(QlikRequest *request);
    void interpret(QlikRequest *request, HostProbeResult &result) const;

    QlikClient *m_client;
    QPointer<QlikRequest> m_request;
    ParsedHost m_host;
    std::chrono::milliseconds m_timeout {std::chrono::seconds(20)};
};

} // namespace Dawiso
