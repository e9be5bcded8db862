#pragma once

#include "simulator/common/SimResponse.h"

#include <QHttpServerResponder>
#include <QObject>

class QTcpSocket;

namespace Dawiso::Simulator {

// An answer held back by a response delay. It lives as a child of the connection's socket, so it disappears with
// the connection (a client that gave up) or with the server, and never writes to a socket that is gone.
class DeferredAnswer : public QObject
{
    Q_OBJECT

public:
    // delayMilliseconds < 0: keep the request open and never answer.
    static void schedule(QHttpServerResponder &&responder, SimResponse response, int delayMilliseconds);

private:
    DeferredAnswer(QHttpServerResponder &&responder, SimResponse response, QTcpSocket *socket);

    QHttpServerResponder m_responder;
    SimResponse m_response;
};

} // namespace Dawiso::Simulator
