#pragma once

#include "simulator/onprem/SiteDirectory.h"

#include <QByteArray>
#include <QHash>
#include <QJsonObject>
#include <QJsonValue>
#include <QObject>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

class QWebSocket;

namespace Dawiso::Simulator {

// The Qlik Associative Engine of the simulated site, reached through the proxy over a WebSocket:
// wss://HOST/<prefix>/app/<appId>?qlik-csrf-token=<t> (or /app/engineData). The proxy's rules come first: the
// session cookie, the CSRF token of that session, an Origin whose name is on the virtual proxy's allow list and no
// Authorization header; a socket that breaks one is closed at once with 1008 and Qlik's "403 Forbidden" text (the
// site's proxy host upgrades before anyone sees the request; a live proxy answers the handshake with HTTP 403), and
// while the proxy restarts every socket is closed with 1001 and "503 Service Unavailable". Then
// the engine greets (OnConnected), or refuses a user without an access allocation (OnLicenseAccessDenied) or one over
// the session budget (OnMaxParallelSessionsExceeded), and answers JSON-RPC: OpenDoc for apps in the caller's hub list,
// GetAppLayout, GetScriptEx (read) and GetScript (the owner's reload right) on the opened app.
class EngineService : public QObject
{
    Q_OBJECT

public:
    // What the proxy saw of a socket's handshake.
    struct Handshake
    {
        QString prefix; // "" for the default virtual proxy
        QByteArray cookieHeader;
        QString csrfToken; // the qlik-csrf-token query parameter
        QString origin; // the Origin header, e.g. "https://qlikserver1.corp.example"
        bool hasAuthorization = false;
    };
    // The user a session stands for.
    struct Caller
    {
        QString userDirectory;
        QString userId;
    };
    // What the engine asks the rest of the site: the proxy's sessions, the licences, the security rules.
    struct SiteAccess
    {
        // The session's user when the handshake passes the proxy's checks; nullopt refuses it.
        std::function<std::optional<Caller>(const Handshake &)> admit;
        std::function<int(const Caller &)> liveSessionCount;
        std::function<bool(const Caller &)> hasAccessAllocation;
        std::function<QStringList(const Caller &)> hubAppIds;
        // While true the proxy serves no one: a socket is closed at once as a 503.
        std::function<bool()> proxyRestarting;
    };

    // More live proxy sessions of one user than this and the engine refuses the next socket.
    static constexpr int sessionBudget = 5;
    // The close reason of a refused handshake, as Qlik's proxy words its 403.
    static QString forbiddenReason();
    // The close reason while the proxy restarts (a live proxy answers the handshake with 503 instead; unconfirmed).
    static QString restartingReason();

    EngineService(const SiteDirectory &directory, SiteAccess access, QObject *parent = nullptr);
    ~EngineService() override;

    // Takes over a socket the proxy host upgraded (SimulatorHost::setWebSocketHandler).
    void accept(std::unique_ptr<QWebSocket> socket);
    // Fault for tests: every handshake is refused as the proxy's cross-site check refuses one, whatever it carries.
    void setRefusingHandshakes(bool refusing) { m_refusingHandshakes = refusing; }
    // Sockets still open, for tests that check the client closed its own.
    int openSocketCount() const { return int(m_sockets.size()); }

private:
    struct Connection
    {
        Caller caller;
        QString openedAppId; // empty until OpenDoc
    };

    void answer(QWebSocket *socket, const QString &message);
    QJsonObject call(Connection &connection, int handle, const QString &method, const QJsonValue &params) const;
    void drop(QWebSocket *socket);

    const SiteDirectory &m_directory;
    SiteAccess m_access;
    QHash<QWebSocket *, Connection> m_sockets;
    bool m_refusingHandshakes = false;
};

} // namespace Dawiso::Simulator
