#pragma once

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

#include <functional>
#include <utility>

class QTcpServer;
class QTcpSocket;

namespace Dawiso {

// The browser's way back to the app after Qlik's sign-in page (RFC 8252 §7.3): a tiny HTTP server on the loopback
// interfaces only (127.0.0.1, and ::1 for a "localhost" redirect URI), on a configured port and path, that takes
// exactly one callback (a GET to the path with a query) and then stops listening, so a second request finds the port
// closed. It answers the browser with a short page and `Connection: close`; any other path gets a 404 page. Requests
// that name another host are refused, so a web page cannot reach it through DNS rebinding, and so are callbacks whose
// state the state check does not accept: neither uses up the one callback. Any program on this computer can connect,
// so each connection has a bounded time and size to send its request head in, and a new connection pushes out the
// oldest one still sending when too many are open. The callback's query holds the authorization code: it is handed
// to the slot connected to callbackReceived() and never logged.
class LoopbackRedirectListener : public QObject
{
    Q_OBJECT

public:
    explicit LoopbackRedirectListener(QObject *parent = nullptr);
    ~LoopbackRedirectListener() override;

    // 0 takes any free port; port() then says which one after listen().
    void setPort(quint16 port) { m_port = port; }
    void setPath(const QString &path);
    quint16 port() const;
    QString path() const { return m_path; }
    // "127.0.0.1" (default) or "localhost" (AuthorizationRequest::isLoopbackHost); it only names the redirect URI:
    // the listener is on the loopback interfaces either way.
    void setHost(const QString &host);
    // http://<host>:<port><path>
    QUrl redirectUri() const;
    // Says whether a callback's one `state` is the sign-in's own; without a check every state is taken.
    void setStateCheck(std::function<bool(const QByteArray &state)> check) { m_stateCheck = std::move(check); }

    // False when the port cannot be opened; errorString() then names the port, and isPortInUse() says whether
    // another program holds it.
    bool listen();
    // Stops listening and drops every open connection.
    void stop();
    bool isListening() const;
    bool isPortInUse() const { return m_portInUse; }
    QString errorString() const { return m_errorString; }

    // The page the browser gets for the callback. Only from a slot connected to callbackReceived(); without it the
    // browser gets a neutral "you can close this tab" page.
    void answerCallback(const QString &heading, const QString &text);

signals:
    // The query of the one callback. It contains the authorization code: never log it.
    void callbackReceived(const QUrlQuery &query);

private:
    void onNewConnection(QTcpServer *server);
    void onReadyRead(QTcpSocket *socket);
    void handleRequest(QTcpSocket *socket, const QByteArray &head);
    void respond(QTcpSocket *socket, int status, const QString &heading, const QString &text);
    void dropConnections();
    void dropOldestPending();

    QTcpServer *m_server;
    // ::1 beside 127.0.0.1, for browsers that resolve "localhost" to IPv6 first; optional (IPv6 may be off).
    QTcpServer *m_server6;
    QString m_host;
    quint16 m_port = 0;
    QString m_path;
    QString m_errorString;
    bool m_portInUse = false;
    bool m_received = false;
    std::function<bool(const QByteArray &)> m_stateCheck;
    // A request still being read, and when its connection came (a serial number: the lowest is the oldest).
    struct Pending
    {
        QByteArray head;
        quint64 arrival = 0;
    };
    QHash<QTcpSocket *, Pending> m_pending;
    quint64 m_arrivals = 0;
    // The connection whose callback is being delivered, until answered.
    QPointer<QTcpSocket> m_answering;
};

} // namespace Dawiso
