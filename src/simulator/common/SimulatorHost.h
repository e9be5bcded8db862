#pragma once

#include "simulator/common/FaultInjector.h"
#include "simulator/common/RecordedRequest.h"
#include "simulator/common/SelfSignedCertificate.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QByteArray>
#include <QHostAddress>
#include <QList>
#include <QObject>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QString>
#include <QUrl>

#include <functional>
#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QWebSocket;

namespace Dawiso::Simulator {

class SimulatorHttpServer;

// What every simulated Qlik server shares: HTTPS on loopback with a throw-away certificate, handlers chosen by path
// prefix, a record of every request, and the faults tests switch on. A simulated server (the Qlik Cloud tenant,
// QlikSimulator) derives from it, registers its handlers and shapes the few answers that are its own (see the
// protected hooks). Everything runs on the thread that owns the host; delays never block it.
class SimulatorHost : public QObject
{
    Q_OBJECT

public:
    using Handler = std::function<SimResponse(const SimRequest &)>;
    // Takes over an upgraded WebSocket, open and with its handshake request recorded.
    using WebSocketHandler = std::function<void(std::unique_ptr<QWebSocket>)>;

    explicit SimulatorHost(QObject *parent = nullptr);
    ~SimulatorHost() override;

    // Requests whose path starts with pathPrefix go to handler; when several prefixes match, the longest one wins.
    // A path no handler takes gets a plain 404.
    void addHandler(const QString &pathPrefix, Handler handler);

    // WebSocket upgrades (wss://) go to handler; set before start(). Qt's QAbstractHttpServer completes the handshake
    // before any handler could see the request, so a refusal is a close right after it, never an HTTP status. Without
    // a handler an upgrade request is dropped, as Qt does.
    void setWebSocketHandler(WebSocketHandler handler) { m_webSocketHandler = std::move(handler); }

    // Listens with TLS on the address; port 0 = any free port. Returns false (and qWarning) on failure.
    bool start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    // Stops listening and closes every connection; answers held back by a delay are dropped.
    void stop();
    bool isListening() const { return m_server != nullptr; }
    quint16 port() const { return m_port; }
    QString hostAndPort() const; // "localhost:<port>" (the host the client should use)
    QUrl baseUrl() const; // "https://localhost:<port>"
    QSslCertificate certificate() const; // the certificate this instance serves
    // The same certificate as PEM, e.g. for a --ca-file; it works as a trust anchor
    // (QSslConfiguration::addCaCertificates) for "localhost", 127.0.0.1 and ::1.
    QByteArray certificatePem() const;
    // Serves this certificate and key (e.g. issued by a CertificateAuthority) instead of the throw-away one; before
    // start(). certificate() and certificatePem() then name it.
    void setServerIdentity(const QSslCertificate &certificate, const QSslKey &key);

    // Mutual TLS, set before start(). Ask: the handshake asks for a client certificate and takes any (or none);
    // requests record it. Require: only a certificate signed by one of caCertificates gets through the handshake;
    // without one the handshake is refused and no request arrives.
    enum class ClientCertificates { NotAsked, Ask, Require };
    void setClientCertificates(ClientCertificates mode, const QList<QSslCertificate> &caCertificates = {});

    // The TLS set-up start() serves with: this instance's certificate and key, and whatever the setters above chose.
    // Change it before start() for anything they do not cover (protocols, ciphers).
    QSslConfiguration sslConfiguration() const { return m_sslConfiguration; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_sslConfiguration = configuration; }

    // Fault injection for tests (all default off). Prefixes match the request path; the longest match wins.
    // The next `times` matching requests get 429 with retry-after, or without it for retryAfterSeconds < 0 (0 times
    // clears).
    void rateLimitNext(const QString &pathPrefix, int times, int retryAfterSeconds);
    // Answer matching requests after `milliseconds` (0 clears), or never (-1) until the client gives up.
    void setResponseDelay(const QString &pathPrefix, int milliseconds);
    // Requests for exactly `path` are redirected there (with redirectStatus()); an empty URL clears.
    void setRedirectTarget(const QString &path, const QUrl &absoluteLocation);
    void setNotQlik(bool notQlik); // behave like a generic web server: HTML 404 everywhere
    // Matching requests get 200 with the first half of the JSON they would have had (or a JSON fragment).
    void setMalformedJson(const QString &pathPrefix, bool malformed);
    // Matching requests' answers break as `fault` says (see FaultInjector::AnswerFault); None clears.
    void setAnswerFault(const QString &pathPrefix, FaultInjector::AnswerFault fault);

    // Whether answers go into the ExchangeLog (on by default). That log is held to the Qlik Cloud specs, so a server
    // that simulates another product turns it off.
    void setExchangeLogged(bool logged) { m_exchangeLogged = logged; }

    // Recorded requests never carry a secret (see RecordedRequest).
    QList<RecordedRequest> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    int requestCount(const QString &pathPrefix) const;

signals:
    // Emitted as soon as a request has arrived and been recorded, before any (delayed) answer goes out.
    void requestHandled(const Dawiso::Simulator::RecordedRequest &request);

protected:
    // The answer to a rate-limited request; by default a 429 with retry-after (none when negative) and a short text
    // body.
    virtual SimResponse rateLimitedAnswer(int retryAfterSeconds) const;
    // The status of an injected redirect for this path; 302 by default.
    virtual int redirectStatus(const QString &path) const;

private:
    void dispatch(const QHttpServerRequest &request, const QSslCertificate &clientCertificate,
                  QHttpServerResponder &&responder);
    void acceptWebSocket(std::unique_ptr<QWebSocket> socket);
    SimResponse answer(const SimRequest &request);
    Handler handlerFor(const QString &path) const;

    SelfSignedCertificate m_identity;
    QSslCertificate m_certificate; // the one served
    QSslConfiguration m_sslConfiguration;
    QList<QPair<QString, Handler>> m_handlers;
    WebSocketHandler m_webSocketHandler;
    FaultInjector m_faults;
    QList<RecordedRequest> m_requests;
    SimulatorHttpServer *m_server = nullptr;
    quint16 m_port = 0;
    bool m_exchangeLogged = true;
};

} // namespace Dawiso::Simulator
