#include "simulator/common/SimulatorHttpServer.h"

#include <QHttpServerRequest>
#include <QSslSocket>

namespace Dawiso::Simulator {

SimulatorHttpServer::SimulatorHttpServer(Dispatcher dispatcher, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatcher(std::move(dispatcher))
{ }

bool SimulatorHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // An answer written here would reach the client before Qt's 101 and spoil the handshake.
    if (m_takesWebSockets && request.value(QByteArrayLiteral("upgrade")).compare("websocket", Qt::CaseInsensitive) == 0)
        return true;
    const auto *tls = qobject_cast<QSslSocket *>(socket);
    m_dispatcher(request, tls ? tls->peerCertificate() : QSslCertificate(), makeResponder(request, socket));
    return true;
}

void SimulatorHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Unreachable while handleRequest() takes every request; answer sensibly anyway.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Dawiso::Simulator
