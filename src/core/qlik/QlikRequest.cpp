#include "qlik/QlikRequest.h"

#include "common/Clock.h"
#include "net/TlsTrust.h"
#include "token/SecureMemory.h"

#include <QAuthenticator>
#include <QDateTime>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QUrlQuery>

namespace Dawiso {

namespace {

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

// retry-after is either delta-seconds or an HTTP date (RFC 9110 §10.2.3); Qlik sends seconds.
int retryAfterSeconds(const QByteArray &value)
{
    const QByteArray trimmed = value.trimmed();
    bool ok = false;
    const int seconds = trimmed.toInt(&ok);
    if (ok)
        return qMax(0, seconds);
    const QDateTime when =
        QLocale::c().toDateTime(QString::fromLatin1(trimmed), QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (when.isValid()) {
        const QDateTime utc(when.date(), when.time(), Qt::UTC);
        return int(qBound(qint64(0), Clock::currentDateTimeUtc().secsTo(utc), qint64(24 * 3600)));
    }
    return 1; // the spec's default
}

// Headers that say who is asking, whether or not the caller marked them.
bool isCredentialHeader(const QlikRequestOptions::Header &header)
{
    if (header.credential)
        return true;
    for (const char *name : {"authorization", "proxy-authorization", "cookie", "x-qlik-user"}) {
        if (header.name.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

// The TLS alerts a server ends the handshake with when it wants a client certificate it did not get, as OpenSSL
// names them ("tlsv13 alert certificate required", "tlsv1 alert unknown ca"); the client's own doubts about the
// server's certificate arrive as SSL errors instead.
bool isClientCertificateAlert(const QString &errorString)
{
    for (const char *alert :
         {"alert certificate required", "alert unknown ca", "alert bad certificate", "alert certificate unknown",
          "alert certificate expired", "alert certificate revoked", "alert unsupported certificate"}) {
        if (errorString.contains(QLatin1String(alert), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

// Qt ends a reply whose connection closed before the body it announced was complete as if nothing were wrong; the
// body is then cut short. A compressed body is announced in its compressed size, so only a plain one is measured.
bool isCutShort(const QNetworkReply *reply, qint64 received)
{
    const QByteArray encoding = reply->rawHeader("Content-Encoding").trimmed();
    if (!encoding.isEmpty() && encoding.compare("identity", Qt::CaseInsensitive) != 0)
        return false;
    bool announced = false;
    const qint64 length = reply->rawHeader("Content-Length").trimmed().toLongLong(&announced);
    return announced && received < length;
}

} // namespace

QlikRequest::QlikRequest(QNetworkAccessManager *network, const TlsTrust *trust, const QUrl &url,
                         QByteArray authorization, const QlikRequestOptions &options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_trust(trust)
    , m_authorization(std::move(authorization))
    , m_options(options)
    , m_method(options.method.toUpper())
{
    m_originalUrl = withQueryItems(url);
    m_currentUrl = m_originalUrl;
    m_visited.insert(m_currentUrl);
    m_attemptTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_attemptTimer, &QTimer::timeout, this, &QlikRequest::onAttemptTimeout);
    connect(&m_retryTimer, &QTimer::timeout, this, &QlikRequest::sendAttempt);
}

QlikRequest::~QlikRequest()
{
    dropReply();
    wipeCredentials();
    SecureMemory::wipe(m_body); // an answer may carry a secret: a new API key, an access token
}

void QlikRequest::wipeCredentials()
{
    SecureMemory::wipe(m_authorization);
    SecureMemory::wipe(m_options.body);
    for (QlikRequestOptions::Header &header : m_options.headers) {
        if (isCredentialHeader(header))
            SecureMemory::wipe(header.value);
    }
    m_options.clientKey = QSslKey();
    SecureMemory::wipe(m_options.httpAuthenticationPassword);
}

std::optional<QUrl> QlikRequest::rebased(const QUrl &origin, const QUrl &target, const QString &pathPrefix)
{
    if (pathPrefix.isEmpty() || !target.isValid() || !target.path().startsWith(pathPrefix))
        return std::nullopt;
    QUrl result = origin.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
    result.setPath(target.path(QUrl::FullyEncoded), QUrl::TolerantMode);
    if (target.hasQuery())
        result.setQuery(target.query(QUrl::FullyEncoded), QUrl::TolerantMode);
    return result;
}

bool QlikRequest::presentedClientCertificate() const
{
    return sameOrigin(m_currentUrl, m_originalUrl) && !m_options.clientCertificate.isNull()
        && !m_options.clientKey.isNull();
}

QUrl QlikRequest::withQueryItems(const QUrl &url) const
{
    if (m_options.queryItems.isEmpty())
        return url;
    QUrlQuery query(url);
    for (const auto &item : m_options.queryItems) {
        if (!query.hasQueryItem(item.first))
            query.addQueryItem(item.first, item.second);
    }
    QUrl result = url;
    result.setQuery(query);
    return result;
}

void QlikRequest::start()
{
    if (m_currentUrl.scheme() != QLatin1String("https")) {
        finish(RequestFailure::unsafeRedirect(hostAndPort(), m_currentUrl));
        return;
    }
    sendAttempt();
}

void QlikRequest::cancel()
{
    if (!m_finished)
        finish(RequestFailure::cancelled());
}

QByteArray QlikRequest::header(const QByteArray &name) const
{
    for (const auto &pair : m_headers) {
        if (pair.first.compare(name, Qt::CaseInsensitive) == 0)
            return pair.second;
    }
    return {};
}

QJsonDocument QlikRequest::json(QString *parseError) const
{
    QJsonParseError error {};
    QJsonDocument document = QJsonDocument::fromJson(m_body, &error);
    if (parseError)
        *parseError = error.error == QJsonParseError::NoError ? QString() : error.errorString();
    return document;
}

QString QlikRequest::hostAndPort() const
{
    return TlsTrust::originKey(m_currentUrl);
}

bool QlikRequest::sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0
        && a.port(443) == b.port(443);
}

void QlikRequest::sendAttempt()
{
    if (m_finished)
        return;
    m_sslErrors.clear();
    m_peerChain.clear();
    m_timedOut = false;

    // Credentials (the key, credential headers, the client certificate) and the CAs trusted for the origin asked go
    // only to that origin, never to wherever a redirect points.
    const bool home = sameOrigin(m_currentUrl, m_originalUrl);
    m_credentialWithheld = false;
    m_authenticationGiven = false;

    QNetworkRequest request(m_currentUrl);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    QSslConfiguration tls = m_trust->configurationFor(m_currentUrl);
    if (home) {
        if (!m_options.originCaCertificates.isEmpty())
            tls.addCaCertificates(m_options.originCaCertificates);
        if (!m_options.clientCertificate.isNull() && !m_options.clientKey.isNull()) {
            tls.setLocalCertificate(m_options.clientCertificate);
            tls.setPrivateKey(m_options.clientKey);
        }
    } else if (!m_options.clientCertificate.isNull()) {
        m_credentialWithheld = true;
    }
    request.setSslConfiguration(tls);
    if (m_options.manualCookies) {
        request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
        request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    }
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("DawisoQlikSetup/" DQS_VERSION));
    if (m_options.authenticated && !m_authorization.isEmpty()) {
        if (home)
            request.setRawHeader("Authorization", m_authorization);
        else
            m_credentialWithheld = true;
    }
    for (const QlikRequestOptions::Header &header : m_options.headers) {
        if (home || !isCredentialHeader(header))
            request.setRawHeader(header.name, header.value);
        else
            m_credentialWithheld = true;
    }

    if (m_method == "GET") {
        m_reply = m_network->get(request);
    } else {
        if (!m_options.body.isEmpty())
            request.setHeader(QNetworkRequest::ContentTypeHeader, m_options.contentType);
        m_reply = m_network->sendCustomRequest(request, m_method, m_options.body);
    }
    if (!m_options.httpAuthenticationUser.isEmpty()) {
        connect(m_network, &QNetworkAccessManager::authenticationRequired, this, &QlikRequest::onAuthenticationRequired,
                Qt::UniqueConnection);
    }
    connect(m_reply, &QNetworkReply::sslErrors, this, &QlikRequest::onSslErrors);
    connect(m_reply, &QNetworkReply::finished, this, &QlikRequest::onReplyFinished);
    connect(m_reply, &QNetworkReply::metaDataChanged, this, &QlikRequest::checkAnswerSize);
    connect(m_reply, &QNetworkReply::downloadProgress, this, &QlikRequest::checkAnswerSize);
    m_attemptTimer.start(m_options.timeout);
}

void QlikRequest::onSslErrors(const QList<QSslError> &errors)
{
    if (!m_reply)
        return;
    const QSslConfiguration configuration = m_reply->sslConfiguration();
    if (m_trust->acceptsPinned(m_currentUrl, configuration.peerCertificate(), errors)) {
        // Exactly these errors, for exactly the certificate the user pinned for this host.
        m_reply->ignoreSslErrors(errors);
        return;
    }
    m_sslErrors = errors;
    m_peerChain = configuration.peerCertificateChain();
}

void QlikRequest::onAuthenticationRequired(QNetworkReply *reply, QAuthenticator *authenticator)
{
    // Left empty, the authenticator makes the reply end with the server's 401, which the caller reads as refused.
    if (!m_reply || reply != m_reply || m_authenticationGiven || !sameOrigin(reply->url(), m_originalUrl))
        return;
    m_authenticationGiven = true;
    authenticator->setUser(m_options.httpAuthenticationUser);
    QString password = QString::fromUtf8(m_options.httpAuthenticationPassword);
    authenticator->setPassword(password);
    SecureMemory::wipe(password);
}

void QlikRequest::onAttemptTimeout()
{
    if (!m_reply)
        return;
    m_timedOut = true;
    m_reply->abort(); // finishes the reply with OperationCanceledError; onReplyFinished reports the timeout
}

void QlikRequest::checkAnswerSize()
{
    if (!m_reply || m_options.maxAnswerBytes <= 0)
        return;
    const qint64 announced = m_reply->header(QNetworkRequest::ContentLengthHeader).toLongLong();
    // What the reply holds unread is all that has arrived: the body is read only once the reply has finished.
    if (announced > m_options.maxAnswerBytes || m_reply->bytesAvailable() > m_options.maxAnswerBytes)
        finish(RequestFailure::answerTooLarge(hostAndPort(), m_options.maxAnswerBytes));
}

void QlikRequest::onReplyFinished()
{
    QNetworkReply *reply = m_reply;
    if (!reply || m_finished)
        return;
    m_attemptTimer.stop();
    m_reply = nullptr;
    reply->deleteLater();

    const QVariant statusAttribute = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute);
    if (m_timedOut) {
        finish(RequestFailure::timedOut(hostAndPort(), int(m_options.timeout.count() / 1000)));
        return;
    }
    if (!statusAttribute.isValid()) {
        if (!m_sslErrors.isEmpty())
            finish(RequestFailure::fromSslErrors(m_sslErrors, m_peerChain, hostAndPort()));
        else if (isClientCertificateAlert(reply->errorString()))
            finish(RequestFailure::clientCertificateRefused(hostAndPort(), presentedClientCertificate(),
                                                            reply->errorString()));
        else
            finish(RequestFailure::fromNetworkError(reply->error(), hostAndPort(), reply->errorString()));
        return;
    }

    m_status = statusAttribute.toInt();
    m_peerCertificate = reply->sslConfiguration().peerCertificate();
    m_headers = reply->rawHeaderPairs();
    m_body = reply->readAll();
    if (isCutShort(reply, m_body.size())) {
        finish(RequestFailure::fromNetworkError(QNetworkReply::RemoteHostClosedError, hostAndPort(),
                                                QStringLiteral("The answer ended after %1 of the %2 bytes announced.")
                                                    .arg(m_body.size())
                                                    .arg(QString::fromLatin1(reply->rawHeader("Content-Length")))));
        return;
    }

    if (isRedirect(m_status) && m_options.followRedirects) {
        followRedirect(reply->rawHeader("Location"));
        return;
    }
    if (m_status == 429) {
        waitForRateLimit();
        return;
    }
    if ((m_status == 401 || m_status == 403) && m_credentialWithheld) {
        // Refused because the credential was kept from that origin, not because it is wrong: say where Qlik pointed.
        finish(RequestFailure::credentialWithheld(TlsTrust::originKey(m_originalUrl), m_currentUrl));
        return;
    }
    finish();
}

void QlikRequest::followRedirect(const QByteArray &location)
{
    if (location.isEmpty()) {
        finish(); // a redirect without a target is just an answer; the caller sees the 3xx status
        return;
    }
    if (++m_redirects > m_options.maxRedirects) {
        finish(RequestFailure::tooManyRedirects(TlsTrust::originKey(m_originalUrl)));
        return;
    }
    QUrl target = m_currentUrl.resolved(QUrl::fromEncoded(location));
    const QString askedOrigin = TlsTrust::originKey(m_originalUrl);
    // Only a request for the API itself; others (a sign-in page, a token endpoint) keep the rules below.
    const bool rebases = !m_sameOriginRedirectsOnly && !m_options.rebasedPathPrefix.isEmpty()
        && m_originalUrl.path().startsWith(m_options.rebasedPathPrefix);
    if (target.isValid() && rebases && !sameOrigin(target, m_originalUrl)) {
        // The server's own API under another of its names (an alias): followed on the origin asked, where the
        // credential may go. Anything else another origin points to is not the API this request is for.
        const std::optional<QUrl> onOrigin = rebased(m_originalUrl, target, m_options.rebasedPathPrefix);
        // Back to where it has been already is a loop, however it is written.
        if (!onOrigin || m_visited.contains(withQueryItems(*onOrigin))) {
            finish(RequestFailure::pointedElsewhere(askedOrigin, target));
            return;
        }
        target = *onOrigin;
    }
    if (!target.isValid() || target.scheme() != QLatin1String("https")) {
        finish(RequestFailure::unsafeRedirect(hostAndPort(), target));
        return;
    }
    // RFC 9110 §15.4: 303 turns any method into GET, and so do 301/302 after a POST (as every client does); 307
    // and 308 repeat the request as it was, and so do 301/302 for PUT, PATCH and DELETE.
    const bool becomesGet = m_status == 303 || ((m_status == 301 || m_status == 302) && m_method == "POST");
    if (!sameOrigin(target, m_originalUrl)) {
        if (m_sameOriginRedirectsOnly) {
            finish(RequestFailure::redirectToOtherOrigin(TlsTrust::originKey(m_originalUrl), target));
            return;
        }
        // A repeated body may hold a secret (a client secret, a PKCE verifier, a new key's settings), so it never
        // leaves the origin it was meant for.
        const bool resendsBody = !becomesGet && m_method != "GET" && !m_options.body.isEmpty();
        if (resendsBody) {
            finish(RequestFailure::bodyRedirectToOtherOrigin(hostAndPort(), target));
            return;
        }
    }
    if (becomesGet) {
        m_method = QByteArrayLiteral("GET");
        SecureMemory::wipe(m_options.body);
    }
    // Parameters the caller added (an xrfkey) belong to every request on the origin asked, and to no other.
    if (sameOrigin(target, m_originalUrl))
        target = withQueryItems(target);
    m_visited.insert(target);
    m_currentUrl = target;
    m_body.clear();
    emit redirected(target);
    sendAttempt();
}

void QlikRequest::waitForRateLimit()
{
    const int seconds = retryAfterSeconds(header("retry-after"));
    if (seconds > m_options.longestRateLimitWait.count()) {
        finish(RequestFailure::rateLimited(0, seconds));
        return;
    }
    if (m_rateLimitWaits >= m_options.maxRateLimitRetries) {
        finish(RequestFailure::rateLimited(m_rateLimitWaits, seconds));
        return;
    }
    ++m_rateLimitWaits;
    emit waitingForRateLimit(seconds, m_rateLimitWaits);
    m_retryTimer.start(std::chrono::seconds(seconds));
}

void QlikRequest::dropReply()
{
    m_attemptTimer.stop();
    m_retryTimer.stop();
    if (QNetworkReply *reply = m_reply) {
        m_reply = nullptr;
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void QlikRequest::finish(const RequestFailure &failure)
{
    if (m_finished)
        return;
    dropReply();
    m_finished = true;
    m_failure = failure;
    if (failure.isFailure()) {
        m_status = 0;
        m_body.clear();
    }
    wipeCredentials();
    // Always asynchronous, so a caller connecting after start() or cancelling from a slot sees one clean signal.
    QMetaObject::invokeMethod(
        this,
        [this] {
            emit finished();
            deleteLater();
        },
        Qt::QueuedConnection);
}

} // namespace Dawiso
