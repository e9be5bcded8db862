#pragma once

#include "simulator/common/SimResponse.h"

#include <QByteArray>
#include <QHttpServerResponder>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace Dawiso::Simulator {

// An answer that breaks on the wire, written to the connection piece by piece: cut off halfway, trickled one byte a
// second, or an endless body made only as fast as the client takes it (never held in memory). It lives as a child of
// the connection's socket, so it ends with the connection (a client that gave up) or with the server.
class BrokenAnswer : public QObject
{
    Q_OBJECT

public:
    // The head (with the full Content-Length; one byte for an empty body) and the first half of the body, then the
    // connection is dropped.
    static void cutOff(QHttpServerResponder &&responder, const SimResponse &response);
    // The head at once, then the body one byte a second.
    static void trickle(QHttpServerResponder &&responder, const SimResponse &response);
    // 200 with a JSON body that has no Content-Length and does not end (the connection closes after a gigabyte).
    static void endless(QHttpServerResponder &&responder);

private:
    BrokenAnswer(QHttpServerResponder &&responder, QTcpSocket *socket);
    void writeHead(const SimResponse &response, bool withLength);
    void dropWhenSent();
    void writeMore();
    qint64 unsent() const;

    QHttpServerResponder m_responder;
    QTcpSocket *m_socket;
    QTimer m_timer;
    QByteArray m_rest;
    qint64 m_written = 0;
};

} // namespace Dawiso::Simulator
