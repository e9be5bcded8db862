#include "simulator/common/SimulatorHost.h"

#include "simulator/common/BrokenAnswer.h"
#include "simulator/common/DeferredAnswer.h"
#include "simulator/common/ExchangeLog.h"
#include "simulator/common/SimulatorHttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QWebSocket>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

SimRequest simRequest(const QHttpServerRequest &request)
{
    const QUrl url = request.url();
    SimRequest result;
    result.method = methodName(request.method());
    result.path = url.path();
    result.rawQuery = url.query(QUrl::FullyEncoded);
    result.query = QUrlQuery(result.rawQuery);
    result.headers = SimHeaders(request.headers());
    result.body = request.body();
    return result;
}

SimResponse notFound()
{
    return SimResponse {
        404, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}}, "Not found\n", {}};
}

SimResponse notQlikPage()
{
    SimResponse response = SimResponse::html(
        404,
        QByteArrayLiteral("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
                          "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p>"
                          "</body></html>\n"));
    response.headers.append({QByteArrayLiteral("Server"), QByteArrayLiteral("Apache")});
    return response;
}

SimResponse malformed(const SimResponse &response)
{
    const bool json = response.isJson() && response.body.size() > 1;
    const QByteArray body =
        json ? response.body.left(response.body.size() / 2) : QByteArrayLiteral("{\"data\":[{\"id\":\"");
    return SimResponse {
        200, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")}}, body, {}};
}

SimResponse serviceUnavailable()
{
    return SimResponse::html(503,
                             QByteArrayLiteral("<!DOCTYPE html>\n<html><head><title>503 Service Temporarily "
                                               "Unavailable</title></head>\n<body><h1>503 Service Temporarily "
                                               "Unavailable</h1></body></html>\n"));
}

// What a fault makes of the handler's answer; transport faults keep it and break it on the wire (dispatch()).
SimResponse withFault(SimResponse response, FaultInjector::AnswerFault fault)
{
    switch (fault) {
    case FaultInjector::AnswerFault::None:
        return response;
    case FaultInjector::AnswerFault::ServiceUnavailable:
        response = serviceUnavailable();
        response.deviation = QStringLiteral("fault: 503");
        return response;
    case FaultInjector::AnswerFault::WrongShape:
        response = SimResponse::json(200, QByteArrayLiteral("[\"wrong shape\"]"));
        response.deviation = QStringLiteral("fault: wrong JSON shape");
        return response;
    case FaultInjector::AnswerFault::ResetMidBody:
        response.deviation = QStringLiteral("fault: connection reset mid-body");
        return response;
    case FaultInjector::AnswerFault::HugeBody:
        response.deviation = QStringLiteral("fault: endless body");
        return response;
    case FaultInjector::AnswerFault::Trickle:
        response.deviation = QStringLiteral("fault: trickled answer");
        return response;
    }
    return response;
}

} // namespace

SimulatorHost::SimulatorHost(QObject *parent)
    : QObject(parent)
    , m_identity(SelfSignedCertificate::generate())
{
    // This instance's certificate and key and no client certificate asked for, as a configuration that can still
    // change before start(): QAbstractHttpServer::sslSetup() takes it whole.
    m_sslConfiguration.setLocalCertificate(m_identity.certificate());
    m_sslConfiguration.setPrivateKey(m_identity.privateKey());
    m_sslConfiguration.setProtocol(QSsl::SecureProtocols);
    m_certificate = m_identity.certificate();
}

void SimulatorHost::setServerIdentity(const QSslCertificate &certificate, const QSslKey &key)
{
    m_certificate = certificate;
    m_sslConfiguration.setLocalCertificate(certificate);
    m_sslConfiguration.setPrivateKey(key);
}

void SimulatorHost::setClientCertificates(ClientCertificates mode, const QList<QSslCertificate> &caCertificates)
{
    switch (mode) {
    case ClientCertificates::NotAsked:
        m_sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyNone);
        break;
    case ClientCertificates::Ask:
        m_sslConfiguration.setPeerVerifyMode(QSslSocket::QueryPeer);
        break;
    case ClientCertificates::Require:
        m_sslConfiguration.setPeerVerifyMode(QSslSocket::VerifyPeer);
        break;
    }
    // Refused within the handshake, with the TLS alert a real server sends (certificate required, unknown CA), rather
    // than by closing the connection after it: the client can then tell why.
    const bool require = mode == ClientCertificates::Require;
    m_sslConfiguration.setMissingCertificateIsFatal(require);
    m_sslConfiguration.setHandshakeMustInterruptOnError(require);
    // The authorities a client certificate must come from; the server's own trust in the system's CAs plays no part.
    m_sslConfiguration.setCaCertificates(caCertificates);
}

SimulatorHost::~SimulatorHost()
{
    stop();
}

void SimulatorHost::addHandler(const QString &pathPrefix, Handler handler)
{
    m_handlers.append({pathPrefix, std::move(handler)});
}

bool SimulatorHost::start(const QHostAddress &address, quint16 port)
{
    if (m_server) {
        qWarning("SimulatorHost: already listening on port %u", m_port);
        return false;
    }
    if (m_identity.isNull()) {
        qWarning("SimulatorHost: no TLS certificate: %s", qUtf8Printable(m_identity.errorString()));
        return false;
    }
    auto *server = new SimulatorHttpServer(
        [this](const QHttpServerRequest &request, const QSslCertificate &clientCertificate,
               QHttpServerResponder &&responder) { dispatch(request, clientCertificate, std::move(responder)); },
        this);
    server->sslSetup(m_sslConfiguration);
    // Qt upgrades a request only while this signal has a receiver; without one it drops the connection.
    if (m_webSocketHandler) {
        server->setTakesWebSockets(true);
        connect(server, &SimulatorHttpServer::newWebSocketConnection, this, [this, server] {
            while (server->hasPendingWebSocketConnections())
                acceptWebSocket(server->nextPendingWebSocketConnection());
        });
    }
    const quint16 boundPort = server->listen(address, port);
    if (boundPort == 0) {
        qWarning("SimulatorHost: cannot listen on %s port %u", qUtf8Printable(address.toString()), port);
        delete server;
        return false;
    }
    m_server = server;
    m_port = boundPort;
    return true;
}

void SimulatorHost::stop()
{
    // Deleting the server closes its connections, and with them the answers held back on them.
    delete m_server;
    m_server = nullptr;
}

QString SimulatorHost::hostAndPort() const
{
    return QStringLiteral("localhost:%1").arg(m_port);
}

QUrl SimulatorHost::baseUrl() const
{
    return QUrl(QStringLiteral("https://") + hostAndPort());
}

QSslCertificate SimulatorHost::certificate() const
{
    return m_certificate;
}

QByteArray SimulatorHost::certificatePem() const
{
    return m_certificate.toPem();
}

void SimulatorHost::rateLimitNext(const QString &pathPrefix, int times, int retryAfterSeconds)
{
    m_faults.rateLimitNext(pathPrefix, times, retryAfterSeconds);
}

void SimulatorHost::setResponseDelay(const QString &pathPrefix, int milliseconds)
{
    m_faults.setResponseDelay(pathPrefix, milliseconds);
}

void SimulatorHost::setRedirectTarget(const QString &path, const QUrl &absoluteLocation)
{
    m_faults.setRedirectTarget(path, absoluteLocation);
}

void SimulatorHost::setNotQlik(bool notQlik)
{
    m_faults.setNotQlik(notQlik);
}

void SimulatorHost::setMalformedJson(const QString &pathPrefix, bool malformed)
{
    m_faults.setMalformedJson(pathPrefix, malformed);
}

void SimulatorHost::setAnswerFault(const QString &pathPrefix, FaultInjector::AnswerFault fault)
{
    m_faults.setAnswerFault(pathPrefix, fault);
}

int SimulatorHost::requestCount(const QString &pathPrefix) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(), [&pathPrefix](const auto &request) {
        return request.path.startsWith(pathPrefix);
    }));
}

SimResponse SimulatorHost::rateLimitedAnswer(int retryAfterSeconds) const
{
    SimResponse response {429,
                          {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}},
                          "Too many requests\n",
                          {}};
    if (retryAfterSeconds >= 0)
        response.headers.append({QByteArrayLiteral("retry-after"), QByteArray::number(retryAfterSeconds)});
    else
        response.deviation = QStringLiteral("fault: 429 without retry-after");
    return response;
}

int SimulatorHost::redirectStatus(const QString &) const
{
    return 302;
}

void SimulatorHost::dispatch(const QHttpServerRequest &request, const QSslCertificate &clientCertificate,
                             QHttpServerResponder &&responder)
{
    SimRequest received = simRequest(request);
    received.clientCertificate = clientCertificate;
    const RecordedRequest record = RecordedRequest::of(received);
    m_requests.append(record);
    emit requestHandled(record);

    SimResponse response = answer(received);
    if (m_exchangeLogged)
        ExchangeLog::record(received, response);
    received.wipe();

    const int delay = m_faults.responseDelay(received.path);
    switch (m_faults.answerFault(received.path)) {
    case FaultInjector::AnswerFault::ResetMidBody:
        BrokenAnswer::cutOff(std::move(responder), response);
        return;
    case FaultInjector::AnswerFault::HugeBody:
        BrokenAnswer::endless(std::move(responder));
        return;
    case FaultInjector::AnswerFault::Trickle:
        BrokenAnswer::trickle(std::move(responder), response);
        return;
    default:
        break;
    }
    if (delay == 0)
        response.writeTo(responder);
    else
        DeferredAnswer::schedule(std::move(responder), std::move(response), delay);
}

void SimulatorHost::acceptWebSocket(std::unique_ptr<QWebSocket> socket)
{
    const QNetworkRequest handshake = socket->request();
    SimRequest received;
    received.method = QByteArrayLiteral("GET");
    received.path = handshake.url().path();
    received.rawQuery = handshake.url().query(QUrl::FullyEncoded);
    received.query = QUrlQuery(received.rawQuery);
    for (const QByteArray &name : handshake.rawHeaderList())
        received.headers.append(name, handshake.rawHeader(name));
    const RecordedRequest record = RecordedRequest::of(received);
    received.wipe();
    m_requests.append(record);
    emit requestHandled(record);
    m_webSocketHandler(std::move(socket));
}

SimResponse SimulatorHost::answer(const SimRequest &request)
{
    if (m_faults.isNotQlik()) {
        SimResponse page = notQlikPage();
        page.deviation = QStringLiteral("fault: not Qlik");
        return page;
    }
    if (const auto retryAfter = m_faults.takeRateLimit(request.path))
        return rateLimitedAnswer(*retryAfter);
    const QUrl redirect = m_faults.redirectTarget(request.path);
    if (!redirect.isEmpty()) {
        SimResponse response =
            SimResponse::redirect(redirectStatus(request.path), redirect.toString(QUrl::FullyEncoded));
        response.deviation = QStringLiteral("fault: injected redirect");
        return response;
    }
    const Handler handler = handlerFor(request.path);
    SimResponse response = withFault(handler ? handler(request) : notFound(), m_faults.answerFault(request.path));
    if (m_faults.isMalformed(request.path)) {
        SimResponse broken = malformed(response);
        broken.deviation = QStringLiteral("fault: malformed JSON");
        return broken;
    }
    return response;
}

SimulatorHost::Handler SimulatorHost::handlerFor(const QString &path) const
{
    // A copy: a handler may add handlers while it runs.
    Handler best;
    qsizetype bestLength = -1;
    for (const auto &entry : m_handlers) {
        if (path.startsWith(entry.first) && entry.first.size() > bestLength) {
            best = entry.second;
            bestLength = entry.first.size();
        }
    }
    return best;
}

} // namespace Dawiso::Simulator
