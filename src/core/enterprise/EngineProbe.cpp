#include "enterprise/EngineProbe.h"

#include "net/TlsTrust.h"
#include "token/SecureMemory.h"

#include <QJsonDocument>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QUrlQuery>
#include <QWebSocket>

namespace Dawiso {

namespace {

constexpr int globalHandle = -1;
// The engine's error codes for OpenDoc (Qlik's Engine API, "Error codes").
constexpr int accessDeniedCode = 5;
constexpr int appNotFoundCode = 1003;

const QString openDoc = QStringLiteral("OpenDoc");
const QString getAppLayout = QStringLiteral("GetAppLayout");
const QString getScriptEx = QStringLiteral("GetScriptEx");

// Qt words a refused handshake as "… status code: 403 (Forbidden)."; its number is the only part to rely on.
int handshakeStatusOf(const QString &errorString)
{
    static const QRegularExpression status(QStringLiteral("code: (\\d{3})\\b"));
    const QRegularExpressionMatch match = status.match(errorString);
    return match.hasMatch() ? match.captured(1).toInt() : 0;
}

QNetworkReply::NetworkError networkErrorOf(QAbstractSocket::SocketError error)
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return QNetworkReply::ConnectionRefusedError;
    case QAbstractSocket::RemoteHostClosedError:
        return QNetworkReply::RemoteHostClosedError;
    case QAbstractSocket::HostNotFoundError:
        return QNetworkReply::HostNotFoundError;
    case QAbstractSocket::SocketTimeoutError:
        return QNetworkReply::TimeoutError;
    case QAbstractSocket::SslHandshakeFailedError:
        return QNetworkReply::SslHandshakeFailedError;
    case QAbstractSocket::ProxyConnectionRefusedError:
    case QAbstractSocket::ProxyConnectionClosedError:
    case QAbstractSocket::ProxyNotFoundError:
    case QAbstractSocket::ProxyProtocolError:
    case QAbstractSocket::ProxyAuthenticationRequiredError:
        return QNetworkReply::ProxyConnectionRefusedError;
    default:
        return QNetworkReply::UnknownNetworkError;
    }
}

QUrl httpsUrlOf(const QUrl &url)
{
    QUrl https = url;
    https.setScheme(QStringLiteral("https"));
    return https;
}

} // namespace

EngineProbe::EngineProbe(const TlsTrust *trust, QObject *parent)
    : QObject(parent)
    , m_trust(trust)
{
    m_timer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &EngineProbe::onTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &EngineProbe::open);
}

EngineProbe::~EngineProbe()
{
    SecureMemory::wipe(m_cookieHeader);
    SecureMemory::wipe(m_csrfToken);
}

QUrl EngineProbe::engineUrl(const QUrl &proxyBaseUrl, const QString &appId)
{
    QUrl url = proxyBaseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo
                                     | QUrl::StripTrailingSlash);
    url.setScheme(QStringLiteral("wss"));
    const QString base = url.path() == QLatin1String("/") ? QString() : url.path();
    url.setPath(base + QStringLiteral("/app/") + appId);
    return url;
}

void EngineProbe::start(const QUrl &proxyBaseUrl, const QString &appId, const QByteArray &cookieHeader,
                        const QByteArray &csrfToken)
{
    cancel();
    m_proxyBaseUrl = proxyBaseUrl;
    m_appId = appId;
    m_cookieHeader = cookieHeader;
    m_csrfToken = csrfToken;
    m_running = true;
    m_greeted = false;
    m_nextId = 1;
    m_pendingId = 0;
    m_pendingMethod.clear();
    m_outcome = Outcome::None;
    m_appTitle.clear();
    m_lastReloadTime.clear();
    m_scriptLength = -1;
    m_closeCode = 0;
    m_closeReason.clear();
    m_handshakeStatus = 0;
    m_engineErrorCode = 0;
    m_engineErrorMessage.clear();
    m_failure = RequestFailure();
    m_rateLimitWaits = 0;
    m_timer.start(m_timeout);
    open();
}

void EngineProbe::cancel()
{
    if (!m_running)
        return;
    m_running = false;
    m_timer.stop();
    m_retryTimer.stop();
    dropSocket();
    SecureMemory::wipe(m_cookieHeader);
    SecureMemory::wipe(m_csrfToken);
}

void EngineProbe::open()
{
    dropSocket();
    m_sslErrors.clear();
    m_greeted = false;
    const QUrl base = engineUrl(m_proxyBaseUrl, m_appId);
    // The Origin a browser on the site's own pages sends: its name must be on the virtual proxy's allow list.
    const QUrl https = httpsUrlOf(base);
    const QString origin = https.adjusted(QUrl::RemovePath).toString(QUrl::RemoveUserInfo);
    m_socket = new QWebSocket(origin, QWebSocketProtocol::VersionLatest, this);
    m_socket->setSslConfiguration(m_trust->configurationFor(https));

    QUrl url = base;
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("qlik-csrf-token"),
                       QString::fromLatin1(QUrl::toPercentEncoding(QString::fromLatin1(m_csrfToken))));
    url.setQuery(query);
    QNetworkRequest request(url);
    request.setRawHeader("Cookie", m_cookieHeader);

    connect(m_socket, &QWebSocket::connected, this, &EngineProbe::onConnected);
    connect(m_socket, &QWebSocket::textMessageReceived, this, &EngineProbe::onMessage);
    connect(m_socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), this, &EngineProbe::onSocketError);
    connect(m_socket, &QWebSocket::sslErrors, this, &EngineProbe::onSslErrors);
    connect(m_socket, &QWebSocket::disconnected, this, &EngineProbe::onDisconnected);
    emit progress(tr("Opening a WebSocket to the Qlik engine through the proxy…"));
    m_socket->open(request);
}

void EngineProbe::onSslErrors(const QList<QSslError> &errors)
{
    const QSslCertificate peer = errors.isEmpty() ? QSslCertificate() : errors.first().certificate();
    if (m_trust->acceptsPinned(httpsUrlOf(m_socket->requestUrl()), peer, errors)) {
        // Exactly these errors, for exactly the certificate the user pinned for this host.
        m_socket->ignoreSslErrors(errors);
        return;
    }
    m_sslErrors = errors;
}

void EngineProbe::onConnected()
{
    emit progress(tr("Connected to the Qlik engine; waiting for it to greet…"));
}

void EngineProbe::onSocketError()
{
    if (!m_running || !m_socket)
        return;
    // Once open, a socket error is followed by a close, which says more.
    if (m_socket->state() == QAbstractSocket::ConnectedState || m_greeted)
        return;
    const QString hostAndPort = TlsTrust::originKey(httpsUrlOf(m_socket->requestUrl()));
    if (!m_sslErrors.isEmpty()) {
        QList<QSslCertificate> chain;
        for (const QSslError &error : std::as_const(m_sslErrors)) {
            if (!error.certificate().isNull() && !chain.contains(error.certificate()))
                chain << error.certificate();
        }
        m_failure = RequestFailure::fromSslErrors(m_sslErrors, chain, hostAndPort);
        end(Outcome::Failed);
        return;
    }
    const int status = handshakeStatusOf(m_socket->errorString());
    if (status == 429 && m_rateLimitWaits < maxRateLimitRetries) {
        ++m_rateLimitWaits;
        dropSocket();
        const int seconds = 1 << (m_rateLimitWaits - 1);
        emit progress(tr("Qlik asked to wait %n second(s) before opening the engine's WebSocket…", nullptr, seconds));
        m_retryTimer.start(std::chrono::seconds(seconds));
        return;
    }
    if (status == 403) {
        m_handshakeStatus = status;
        end(Outcome::Forbidden);
    } else if (status != 0) {
        m_handshakeStatus = status;
        end(Outcome::HandshakeRefused);
    } else {
        m_failure =
            RequestFailure::fromNetworkError(networkErrorOf(m_socket->error()), hostAndPort, m_socket->errorString());
        end(Outcome::Failed);
    }
}

void EngineProbe::onDisconnected()
{
    if (!m_running || !m_socket)
        return;
    m_closeCode = m_socket->closeCode();
    m_closeReason = m_socket->closeReason();
    if (!m_greeted) {
        // Closed right after the handshake: the proxy's refusal, worded as the HTTP status it stands for
        // ("403 Forbidden: …", "503 Service Unavailable: …").
        const int status = QStringView(m_closeReason).left(3).toInt();
        if (m_closeCode == QWebSocketProtocol::CloseCodePolicyViolated || status == 403) {
            end(Outcome::Forbidden);
            return;
        }
        if (status >= 400 && status < 600) {
            m_handshakeStatus = status;
            end(Outcome::HandshakeRefused);
            return;
        }
    }
    if (m_greeted || m_closeCode != QWebSocketProtocol::CloseCodeNormal) {
        m_engineErrorMessage = m_closeReason;
        end(Outcome::EngineError);
        return;
    }
    // Closed before the handshake said anything: onSocketError() will have ended the probe unless nothing came.
    m_failure = RequestFailure::fromNetworkError(QNetworkReply::RemoteHostClosedError,
                                                 TlsTrust::originKey(httpsUrlOf(m_socket->requestUrl())), QString());
    end(Outcome::Failed);
}

void EngineProbe::onTimeout()
{
    if (!m_running)
        return;
    m_failure = RequestFailure::timedOut(TlsTrust::originKey(httpsUrlOf(engineUrl(m_proxyBaseUrl, m_appId))),
                                         int(std::chrono::duration_cast<std::chrono::seconds>(m_timeout).count()));
    end(Outcome::Failed);
}

void EngineProbe::call(const QString &method, int handle, const QJsonObject &params)
{
    m_pendingId = m_nextId++;
    m_pendingMethod = method;
    const QJsonObject request {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                               {QStringLiteral("id"), m_pendingId},
                               {QStringLiteral("handle"), handle},
                               {QStringLiteral("method"), method},
                               {QStringLiteral("params"), params}};
    m_socket->sendTextMessage(QString::fromUtf8(QJsonDocument(request).toJson(QJsonDocument::Compact)));
}

void EngineProbe::onMessage(const QString &message)
{
    if (!m_running)
        return;
    const QJsonObject answer = QJsonDocument::fromJson(message.toUtf8()).object();
    const QString method = answer.value(QStringLiteral("method")).toString();
    if (!method.isEmpty()) {
        // Notifications: the greeting, or why the engine will not serve this session.
        if (method == QLatin1String("OnLicenseAccessDenied")) {
            end(Outcome::LicenseAccessDenied);
        } else if (method == QLatin1String("OnMaxParallelSessionsExceeded")) {
            end(Outcome::TooManySessions);
        } else if (method == QLatin1String("OnConnected") && !m_greeted) {
            m_greeted = true;
            emit progress(tr("Opening the app in the Qlik engine (without data)…"));
            call(openDoc, globalHandle, {{QStringLiteral("qDocName"), m_appId}, {QStringLiteral("qNoData"), true}});
        }
        return;
    }
    if (answer.value(QStringLiteral("id")).toInt() != m_pendingId || m_pendingId == 0)
        return;
    if (answer.contains(QStringLiteral("error"))) {
        const QJsonObject error = answer.value(QStringLiteral("error")).toObject();
        m_engineErrorCode = error.value(QStringLiteral("code")).toInt();
        m_engineErrorMessage = error.value(QStringLiteral("message")).toString();
        if (m_pendingMethod == openDoc && m_engineErrorCode == accessDeniedCode)
            end(Outcome::AccessDenied);
        else if (m_pendingMethod == openDoc && m_engineErrorCode == appNotFoundCode)
            end(Outcome::AppNotFound);
        else
            end(Outcome::EngineError);
        return;
    }
    const QJsonObject result = answer.value(QStringLiteral("result")).toObject();
    if (m_pendingMethod == openDoc) {
        const int handle =
            result.value(QStringLiteral("qReturn")).toObject().value(QStringLiteral("qHandle")).toInt(globalHandle);
        if (handle == globalHandle) {
            m_engineErrorMessage = tr("OpenDoc returned no handle for the app.");
            end(Outcome::EngineError);
            return;
        }
        emit progress(tr("Reading the app's layout and load script…"));
        m_pendingHandle = handle;
        call(getAppLayout, handle, {});
    } else if (m_pendingMethod == getAppLayout) {
        const QJsonObject layout = result.value(QStringLiteral("qLayout")).toObject();
        m_appTitle = layout.value(QStringLiteral("qTitle")).toString();
        m_lastReloadTime = layout.value(QStringLiteral("qLastReloadTime")).toString();
        call(getScriptEx, m_pendingHandle, {});
    } else if (m_pendingMethod == getScriptEx) {
        m_scriptLength = int(result.value(QStringLiteral("qScript")).toString().size());
        end(Outcome::Opened);
    }
}

void EngineProbe::end(Outcome outcome)
{
    if (!m_running)
        return;
    m_running = false;
    m_outcome = outcome;
    m_timer.stop();
    m_retryTimer.stop();
    dropSocket();
    SecureMemory::wipe(m_cookieHeader);
    SecureMemory::wipe(m_csrfToken);
    // Queued: the socket whose signal ended the visit is still on the stack, and a receiver may delete the probe.
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (!m_running)
                emit finished();
        },
        Qt::QueuedConnection);
}

void EngineProbe::dropSocket()
{
    if (!m_socket)
        return;
    QWebSocket *socket = m_socket;
    m_socket.clear();
    socket->disconnect(this);
    // A polite close, so that the engine ends the session now rather than when the connection times out.
    if (socket->state() == QAbstractSocket::ConnectedState) {
        connect(socket, &QWebSocket::disconnected, socket, &QObject::deleteLater);
        QTimer::singleShot(std::chrono::seconds(5), socket, &QObject::deleteLater);
        socket->close();
    } else {
        socket->abort();
        socket->deleteLater();
    }
}

} // namespace Dawiso
