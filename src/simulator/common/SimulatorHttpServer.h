#pragma once

#include <QAbstractHttpServer>
#include <QHttpServerResponder>
#include <QSslCertificate>

#include <functional>

namespace Dawiso::Simulator {

// An HTTP server that hands every request, with its responder and the client certificate the connection presented
// (null when none), to one dispatcher function. The dispatcher may keep the responder and answer later (delays) or
// never (timeouts).
class SimulatorHttpServer : public QAbstractHttpServer
{
    Q_OBJECT

public:
    using Dispatcher =
        std::function<void(const QHttpServerRequest &, const QSslCertificate &, QHttpServerResponder &&)>;

    explicit SimulatorHttpServer(Dispatcher dispatcher, QObject *parent = nullptr);

    // On: a WebSocket upgrade request is left to Qt, which upgrades it after handleRequest() (Qt 6.4 hands it to
    // both) and emits newWebSocketConnection(); the dispatcher never sees it. Off (the default): it is an ordinary
    // request.
    void setTakesWebSockets(bool takes) { m_takesWebSockets = takes; }

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Dispatcher m_dispatcher;
    bool m_takesWebSockets = false;
};

} // namespace Dawiso::Simulator
