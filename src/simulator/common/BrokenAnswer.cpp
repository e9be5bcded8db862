#include "simulator/common/BrokenAnswer.h"

#include <QSslSocket>
#include <QTcpSocket>

namespace Dawiso::Simulator {

namespace {

// What the endless body repeats, and how much of it may wait in the socket's buffers at a time.
const QByteArray endlessPiece = QByteArray("\"fault\",").repeated(qsizetype(8) * 1024);
constexpr qint64 bufferedLimit = qint64(256) * 1024;
constexpr qint64 endlessLimit = qint64(1024) * 1024 * 1024;

} // namespace

BrokenAnswer::BrokenAnswer(QHttpServerResponder &&responder, QTcpSocket *socket)
    : QObject(socket)
    , m_responder(std::move(responder))
    , m_socket(socket)
{ }

void BrokenAnswer::writeHead(const SimResponse &response, bool withLength)
{
    m_responder.writeStatusLine(static_cast<QHttpServerResponder::StatusCode>(response.status));
    for (const auto &header : response.headers)
        m_responder.writeHeader(header.first, header.second);
    if (withLength)
        m_responder.writeHeader(QByteArrayLiteral("Content-Length"), QByteArray::number(response.body.size()));
    else
        m_responder.writeHeader(QByteArrayLiteral("Connection"), QByteArrayLiteral("close"));
}

qint64 BrokenAnswer::unsent() const
{
    const auto *tls = qobject_cast<const QSslSocket *>(m_socket);
    return m_socket->bytesToWrite() + (tls ? tls->encryptedBytesToWrite() : 0);
}

void BrokenAnswer::cutOff(QHttpServerResponder &&responder, const SimResponse &response)
{
    QTcpSocket *socket = responder.socket();
    if (!socket || !socket->isOpen())
        return;
    auto *answer = new BrokenAnswer(std::move(responder), socket);
    // An answer without a body is announced with one byte it never gets, so that it too stops short.
    SimResponse announced = response;
    if (announced.body.isEmpty())
        announced.body = QByteArrayLiteral(" ");
    answer->writeHead(announced, true);
    answer->m_responder.writeBody(announced.body.left(announced.body.size() / 2));
    // Dropped only once the half is on its way, so that the client sees a body that stops short.
    connect(&answer->m_timer, &QTimer::timeout, answer, &BrokenAnswer::dropWhenSent);
    answer->m_timer.start(10);
}

void BrokenAnswer::dropWhenSent()
{
    if (unsent() > 0)
        return;
    m_timer.stop();
    // Without TLS's goodbye: the connection simply ends. The socket may go with it, and this object too.
    m_socket->abort();
}

void BrokenAnswer::trickle(QHttpServerResponder &&responder, const SimResponse &response)
{
    QTcpSocket *socket = responder.socket();
    if (!socket || !socket->isOpen())
        return;
    auto *answer = new BrokenAnswer(std::move(responder), socket);
    answer->writeHead(response, true);
    answer->m_rest = response.body;
    connect(&answer->m_timer, &QTimer::timeout, answer, [answer] {
        if (answer->m_rest.isEmpty()) {
            answer->m_timer.stop();
            return;
        }
        answer->m_responder.writeBody(answer->m_rest.left(1));
        answer->m_rest.remove(0, 1);
    });
    answer->m_timer.start(1000);
}

void BrokenAnswer::endless(QHttpServerResponder &&responder)
{
    QTcpSocket *socket = responder.socket();
    if (!socket || !socket->isOpen())
        return;
    auto *answer = new BrokenAnswer(std::move(responder), socket);
    answer->writeHead(SimResponse::json(200, QByteArray()), false);
    answer->m_responder.writeBody(QByteArrayLiteral("["));
    // More as soon as the client has taken what was sent; the timer only covers a client that reads slowly.
    connect(socket, &QTcpSocket::bytesWritten, answer, &BrokenAnswer::writeMore);
    if (auto *tls = qobject_cast<QSslSocket *>(socket))
        connect(tls, &QSslSocket::encryptedBytesWritten, answer, &BrokenAnswer::writeMore);
    connect(&answer->m_timer, &QTimer::timeout, answer, &BrokenAnswer::writeMore);
    answer->m_timer.start(50);
    answer->writeMore();
}

void BrokenAnswer::writeMore()
{
    if (!m_socket->isOpen())
        return;
    while (unsent() < bufferedLimit) {
        if (m_written >= endlessLimit) {
            m_timer.stop();
            m_socket->disconnectFromHost();
            return;
        }
        m_responder.writeBody(endlessPiece);
        m_written += endlessPiece.size();
    }
}

} // namespace Dawiso::Simulator
