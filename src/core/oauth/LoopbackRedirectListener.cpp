#include "oauth/LoopbackRedirectListener.h"

#include "oauth/AuthorizationRequest.h"
#include "oauth/LoopbackRequest.h"
#include "token/SecureMemory.h"

#include <QLocale>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

namespace Dawiso {

namespace {

// Far more than a callback with a long code and a browser's usual headers.
constexpr qsizetype kLongestRequestHead = qsizetype(32) * 1024;
// A browser sends its request the moment it connects; spare connections it never uses, and anything trickling its
// request in a byte at a time, must not stay open for the whole sign-in.
constexpr int kConnectionMilliseconds = 10 * 1000;
constexpr int kMostConnections = 16;

QString appName()
{
    return QStringLiteral(DQS_APP_NAME);
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return QByteArrayLiteral("OK");
    case 400:
        return QByteArrayLiteral("Bad Request");
    case 404:
        return QByteArrayLiteral("Not Found");
    case 405:
        return QByteArrayLiteral("Method Not Allowed");
    case 431:
        return QByteArrayLiteral("Request Header Fields Too Large");
    default:
        return QByteArrayLiteral("Error");
    }
}

QByteArray page(const QString &heading, const QString &text)
{
    const QString html =
        QStringLiteral("<!DOCTYPE html>\n<html lang=\"%1\"><head><meta charset=\"utf-8\">"
                       "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>%2</title>"
                       "<style>body{font-family:system-ui,-apple-system,\"Segoe UI\",sans-serif;max-width:34em;"
                       "margin:15vh auto;padding:0 1.5em;line-height:1.5;color:#222}"
                       "h1{font-size:1.5em;font-weight:600}</style></head>"
                       "<body><h1>%3</h1><p>%4</p></body></html>\n")
            .arg(QLocale().bcp47Name().toHtmlEscaped(), appName().toHtmlEscaped(), heading.toHtmlEscaped(),
                 text.toHtmlEscaped());
    return html.toUtf8();
}

} // namespace

LoopbackRedirectListener::LoopbackRedirectListener(QObject *parent)
    : QObject(parent)
    , m_server(new QTcpServer(this))
    , m_server6(new QTcpServer(this))
    , m_host(AuthorizationRequest::ipv4LoopbackHost())
    , m_port(AuthorizationRequest::DefaultRedirectPort)
    , m_path(AuthorizationRequest::defaultRedirectPath())
{
    m_server->setMaxPendingConnections(kMostConnections);
    m_server6->setMaxPendingConnections(kMostConnections);
    connect(m_server, &QTcpServer::newConnection, this, [this] { onNewConnection(m_server); });
    connect(m_server6, &QTcpServer::newConnection, this, [this] { onNewConnection(m_server6); });
}

void LoopbackRedirectListener::setHost(const QString &host)
{
    m_host = AuthorizationRequest::isLoopbackHost(host) ? host : AuthorizationRequest::ipv4LoopbackHost();
}

LoopbackRedirectListener::~LoopbackRedirectListener()
{
    stop();
}

void LoopbackRedirectListener::setPath(const QString &path)
{
    m_path = path.startsWith(QLatin1Char('/')) ? path : QLatin1Char('/') + path;
}

quint16 LoopbackRedirectListener::port() const
{
    return m_server->isListening() ? m_server->serverPort() : m_port;
}

QUrl LoopbackRedirectListener::redirectUri() const
{
    AuthorizationRequest request;
    request.redirectPath = m_path;
    request.redirectHost = m_host;
    return request.redirectUri(port());
}

bool LoopbackRedirectListener::listen()
{
    stop();
    m_received = false;
    m_portInUse = false;
    m_errorString.clear();
    // The loopback address only: nothing on the network can reach the callback.
    if (m_server->listen(QHostAddress(QHostAddress::LocalHost), m_port)) {
        if (m_host == AuthorizationRequest::localhostHost())
            m_server6->listen(QHostAddress(QHostAddress::LocalHostIPv6), m_server->serverPort());
        return true;
    }
    m_portInUse = m_server->serverError() == QAbstractSocket::AddressInUseError;
    m_errorString = m_portInUse ? tr("Port %1 on this computer is already in use by another program.").arg(m_port)
                                : tr("Port %1 on this computer could not be opened for the sign-in (%2).")
                                      .arg(QString::number(m_port), m_server->errorString());
    return false;
}

void LoopbackRedirectListener::stop()
{
    m_server->close();
    m_server6->close();
    dropConnections();
}

bool LoopbackRedirectListener::isListening() const
{
    return m_server->isListening();
}

void LoopbackRedirectListener::dropConnections()
{
    const QList<QTcpSocket *> sockets = m_pending.keys();
    for (QTcpSocket *socket : sockets) {
        SecureMemory::wipe(m_pending[socket].head);
        m_pending.remove(socket);
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

void LoopbackRedirectListener::dropOldestPending()
{
    auto oldest = m_pending.cbegin();
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        if (it->arrival < oldest->arrival)
            oldest = it;
    }
    QTcpSocket *socket = oldest.key();
    SecureMemory::wipe(m_pending[socket].head);
    m_pending.remove(socket);
    socket->disconnect(this);
    socket->abort();
    socket->deleteLater();
}

void LoopbackRedirectListener::onNewConnection(QTcpServer *server)
{
    while (QTcpSocket *socket = server->nextPendingConnection()) {
        if (m_received) {
            socket->abort();
            socket->deleteLater();
            continue;
        }
        // Turning the newest connection away would let a program holding idle ones shut the browser out until they
        // time out; the browser's request comes the moment it connects, so the oldest one gives way.
        if (m_pending.size() >= kMostConnections)
            dropOldestPending();
        // Whatever a connection sends beyond a request head is never read; Qt must not buffer it either.
        socket->setReadBufferSize(kLongestRequestHead);
        m_pending.insert(socket, Pending {QByteArray(), ++m_arrivals});
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this, socket] {
            if (m_pending.contains(socket)) {
                SecureMemory::wipe(m_pending[socket].head);
                m_pending.remove(socket);
            }
        });
        // From the connection on, not from the last byte: trickling a request in keeps no connection open longer.
        auto *deadline = new QTimer(socket);
        deadline->setSingleShot(true);
        connect(deadline, &QTimer::timeout, socket, &QTcpSocket::abort);
        deadline->start(kConnectionMilliseconds);
    }
}

void LoopbackRedirectListener::onReadyRead(QTcpSocket *socket)
{
    const auto it = m_pending.find(socket);
    if (it == m_pending.end())
        return; // already answered; anything more from this browser is not read
    QByteArray chunk = socket->readAll();
    it->head.append(chunk);
    SecureMemory::wipe(chunk);
    const qsizetype end = it->head.indexOf("\r\n\r\n");
    if (end < 0) {
        if (it->head.size() > kLongestRequestHead) {
            SecureMemory::wipe(it->head);
            m_pending.remove(socket);
            respond(socket, 431, tr("Request too large"), tr("This page only takes the answer of a sign-in."));
        }
        return;
    }
    QByteArray head = it->head.left(end);
    SecureMemory::wipe(it->head);
    m_pending.remove(socket);
    handleRequest(socket, head);
    SecureMemory::wipe(head);
}

void LoopbackRedirectListener::handleRequest(QTcpSocket *socket, const QByteArray &head)
{
    const QString notHereHeading = tr("Nothing to see here");
    const QString notHereText =
        tr("This address only takes Qlik's answer at the end of a sign-in of %1. You can close this tab.")
            .arg(appName());
    const LoopbackRequest request = LoopbackRequest::parse(head, m_path, port());
    switch (request.verdict) {
    case LoopbackRequest::Verdict::BadRequest:
        respond(socket, 400, notHereHeading, notHereText);
        return;
    case LoopbackRequest::Verdict::NotFound:
        respond(socket, 404, tr("Page not found"), notHereText);
        return;
    case LoopbackRequest::Verdict::MethodNotAllowed:
        respond(socket, 405, notHereHeading, notHereText);
        return;
    case LoopbackRequest::Verdict::Callback:
        break;
    }
    if (m_stateCheck) {
        const QStringList states = request.query.allQueryItemValues(QStringLiteral("state"), QUrl::FullyDecoded);
        // Not the one callback: a stale tab or another program must not end the sign-in the browser is still on.
        if (states.size() != 1 || !m_stateCheck(states.constFirst().toUtf8())) {
            respond(socket, 400, tr("Sign-in answer refused"),
                    tr("%1 did not start this sign-in, so its answer was refused; it may have been forged. Close this "
                       "tab and finish the sign-in in the one %1 opened last.")
                        .arg(appName()));
            return;
        }
    }

    // The one callback: nobody gets a second chance to deliver one.
    m_received = true;
    // The connection being answered is no longer pending, so only the browser's spare connections are dropped.
    m_server->close();
    m_server6->close();
    dropConnections();
    m_answering = socket;
    const QPointer<LoopbackRedirectListener> self(this);
    emit callbackReceived(request.query);
    if (!self)
        return;
    if (m_answering)
        answerCallback(tr("Sign-in answer received"), tr("You can close this tab and return to %1.").arg(appName()));
}

void LoopbackRedirectListener::answerCallback(const QString &heading, const QString &text)
{
    if (QTcpSocket *socket = m_answering) {
        m_answering = nullptr;
        respond(socket, 200, heading, text);
    }
}

void LoopbackRedirectListener::respond(QTcpSocket *socket, int status, const QString &heading, const QString &text)
{
    const QByteArray body = page(heading, text);
    QByteArray response = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reasonPhrase(status) + "\r\n";
    response += "Content-Type: text/html; charset=utf-8\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    // The callback's address holds the code: keep the page out of caches and its address out of any Referer.
    response += "Cache-Control: no-store\r\n";
    response += "Referrer-Policy: no-referrer\r\n";
    response += "X-Content-Type-Options: nosniff\r\n";
    response += "Content-Security-Policy: default-src 'none'; style-src 'unsafe-inline'\r\n";
    if (status == 405)
        response += "Allow: GET\r\n";
    response += "Connection: close\r\n\r\n";
    response += body;
    socket->write(response);
    socket->disconnectFromHost();
}

} // namespace Dawiso
