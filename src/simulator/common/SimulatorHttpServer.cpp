#include "simulator/common/SimulatorHttpServer.h"

namespace Dawiso::Simulator {

SimulatorHttpServer::SimulatorHttpServer(Dispatcher dispatcher, QObject *parent)
    : QAbstractHttpServer(parent)
    , m_dispatcher(std::move(dispatcher))
{ }

bool SimulatorHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    m_dispatcher(request, makeResponder(request, socket));
    return true;
}

void SimulatorHttpServer::missingHandler(const QHttpServerRequest &request, QTcpSocket *socket)
{
    // Unreachable while handleRequest() takes every request; answer sensibly anyway.
    makeResponder(request, socket).write(QHttpServerResponder::StatusCode::NotFound);
}

} // namespace Dawiso::Simulator
