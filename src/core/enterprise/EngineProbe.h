#pragma once

#include "net/RequestFailure.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <chrono>

class QWebSocket;

namespace Dawiso {

class TlsTrust;

// One visit to the Qlik Associative Engine through the site's proxy over a WebSocket, the way a catalog reads an
// app: wss://HOST/<prefix>/app/<appId>?qlik-csrf-token=<t> with the proxy session's Cookie and Origin https://HOST,
// and no Authorization header (the proxy refuses a socket that carries one); then OpenDoc without data, GetAppLayout
// and GetScriptEx (the read right is enough; GetScript needs reload), and the socket is closed. The session cookie
// goes to the origin it came from and nowhere else. Trust is the run's (TlsTrust, pins included). Bounded by a timer
// from the first byte to the last answer; a 429 on the handshake is waited out a few times; cancellable. Emits
// finished() exactly once per start(), from the event loop, unless cancelled.
class EngineProbe : public QObject
{
    Q_OBJECT

public:
    enum class Outcome {
        None, // not finished
        Opened, // the app opened and its layout and script were read
        // The proxy refused the socket: a close with 1008 or a handshake answered 403 (CSRF token, Origin, cookie).
        Forbidden,
        LicenseAccessDenied, // OnLicenseAccessDenied: the user has no access allocation
        TooManySessions, // OnMaxParallelSessionsExceeded
        AccessDenied, // OpenDoc: the user may not open the app (engine error 5)
        AppNotFound, // OpenDoc: no such app (engine error 1003)
        EngineError, // another error answer, or a socket closed while a call was waiting
        // The handshake was answered with another HTTP status, or the socket closed at once with a reason that names
        // one ("503 Service Unavailable: …"): handshakeStatus().
        HandshakeRefused,
        Failed, // no WebSocket at all: network, TLS or timeout (failure())
    };

    explicit EngineProbe(const TlsTrust *trust, QObject *parent = nullptr);
    ~EngineProbe() override;

    // Before start(); 30 s by default, for the whole visit.
    void setTimeout(std::chrono::milliseconds timeout) { m_timeout = timeout; }
    static constexpr int maxRateLimitRetries = 3;

    // proxyBaseUrl: https://HOST[:port]/<prefix>; cookieHeader: "name=value" of the proxy session; csrfToken: the
    // session's qlik-csrf-token. Copies of both are wiped when the visit ends.
    void start(const QUrl &proxyBaseUrl, const QString &appId, const QByteArray &cookieHeader,
               const QByteArray &csrfToken);
    void cancel();
    bool isRunning() const { return m_running; }

    Outcome outcome() const { return m_outcome; }
    // Opened: what the engine said of the app.
    QString appTitle() const { return m_appTitle; }
    QString lastReloadTime() const { return m_lastReloadTime; }
    int scriptLength() const { return m_scriptLength; }
    // Forbidden and other closes: how the socket was closed.
    int closeCode() const { return m_closeCode; }
    QString closeReason() const { return m_closeReason; }
    int handshakeStatus() const { return m_handshakeStatus; }
    // EngineError, AccessDenied, AppNotFound: the engine's own words.
    int engineErrorCode() const { return m_engineErrorCode; }
    QString engineErrorMessage() const { return m_engineErrorMessage; }
    // Failed: why (TimedOut, TLS, network).
    RequestFailure failure() const { return m_failure; }
    // The rate-limited handshakes that were waited out.
    int rateLimitWaits() const { return m_rateLimitWaits; }

    // The engine's WebSocket address for the app, without the CSRF token: wss://HOST[:port]/<prefix>/app/<appId>.
    static QUrl engineUrl(const QUrl &proxyBaseUrl, const QString &appId);

signals:
    void progress(const QString &message);
    void finished();

private:
    void open();
    void onConnected();
    void onMessage(const QString &message);
    void onSocketError();
    void onSslErrors(const QList<QSslError> &errors);
    void onDisconnected();
    void onTimeout();
    void call(const QString &method, int handle, const QJsonObject &params);
    void end(Outcome outcome);
    void dropSocket();

    const TlsTrust *m_trust;
    std::chrono::milliseconds m_timeout {std::chrono::seconds(30)};
    QUrl m_proxyBaseUrl;
    QString m_appId;
    QByteArray m_cookieHeader;
    QByteArray m_csrfToken;
    QPointer<QWebSocket> m_socket;
    QTimer m_timer;
    QTimer m_retryTimer;
    bool m_running = false;
    bool m_greeted = false;
    int m_nextId = 1;
    int m_pendingId = 0;
    int m_pendingHandle = -1; // the opened app's
    QString m_pendingMethod;
    QList<QSslError> m_sslErrors;

    Outcome m_outcome = Outcome::None;
    QString m_appTitle;
    QString m_lastReloadTime;
    int m_scriptLength = -1;
    int m_closeCode = 0;
    QString m_closeReason;
    int m_handshakeStatus = 0;
    int m_engineErrorCode = 0;
    QString m_engineErrorMessage;
    RequestFailure m_failure;
    int m_rateLimitWaits = 0;
};

} // namespace Dawiso
