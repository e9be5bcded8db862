#pragma once

#include "oauth/TokenResponse.h"
#include "qlik/QlikRequestOptions.h"

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace Dawiso {

class QlikRequest;
class TlsTrust;

// One form POST to an OAuth token endpoint, with the TLS trust and timeouts of every other request (QlikRequest).
// The body carries secrets, so no redirect is followed: they go to the published token address and nowhere else.
// Emits finished() exactly once unless cancelled; the answer's body is zeroed once the request is gone.
class TokenEndpointCall : public QObject
{
    Q_OBJECT

public:
    TokenEndpointCall(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);
    ~TokenEndpointCall() override;

    // Takes the body (form-urlencoded) and wipes it once sent.
    void start(const QUrl &endpoint, QByteArray formBody, const QlikRequestOptions &options);
    // Drops the request in flight without emitting finished().
    void cancel();
    bool isRunning() const;

signals:
    void finished(const Dawiso::TokenResponse &response);

private:
    void onFinished(QlikRequest *request);

    QNetworkAccessManager *m_network;
    const TlsTrust *m_trust;
    QPointer<QlikRequest> m_request;
    QUrl m_endpoint;
};

} // namespace Dawiso
