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

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    Dispatcher m_dispatcher;
};

} // namespace Dawiso::Simulator
