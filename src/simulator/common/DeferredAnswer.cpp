#include "simulator/common/DeferredAnswer.h"

#include <QTcpSocket>
#include <QTimer>

namespace Dawiso::Simulator {

DeferredAnswer::DeferredAnswer(QHttpServerResponder &&responder, SimResponse response, QTcpSocket *socket)
    : QObject(socket)
    , m_responder(std::move(responder))
    , m_response(std::move(response))
{ }

void DeferredAnswer::schedule(QHttpServerResponder &&responder, SimResponse response, int delayMilliseconds)
{
    QTcpSocket *socket = responder.socket();
    auto *answer = new DeferredAnswer(std::move(responder), std::move(response), socket);
    if (delayMilliseconds < 0)
        return;
    QTimer::singleShot(delayMilliseconds, answer, [answer] {
        answer->m_response.writeTo(answer->m_responder);
        answer->deleteLater();
    });
}

} // namespace Dawiso::Simulator
