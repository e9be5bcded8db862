#include "simulator/cloud/QlikSimulator.h"

#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/WrongJsonTypes.h"
#include "simulator/common/CryptoUtil.h"
#include "simulator/common/DeferredAnswer.h"
#include "simulator/common/SimulatorHttpServer.h"

#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>

namespace Dawiso::Simulator {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return QByteArrayLiteral("GET");
    case QHttpServerRequest::Method::Put:
        return QByteArrayLiteral("PUT");
    case QHttpServerRequest::Method::Delete:
        return QByteArrayLiteral("DELETE");
    case QHttpServerRequest::Method::Post:
        return QByteArrayLiteral("POST");
    case QHttpServerRequest::Method::Head:
        return QByteArrayLiteral("HEAD");
    case QHttpServerRequest::Method::Options:
        return QByteArrayLiteral("OPTIONS");
    case QHttpServerRequest::Method::Patch:
        return QByteArrayLiteral("PATCH");
    case QHttpServerRequest::Method::Connect:
        return QByteArrayLiteral("CONNECT");
    case QHttpServerRequest::Method::Trace:
        return QByteArrayLiteral("TRACE");
    default:
        return QByteArrayLiteral("UNKNOWN");
    }
}

SimResponse rateLimited(int retryAfterSeconds)
{
    const QJsonObject item {
        {QStringLiteral("code"), QStringLiteral("HTTP-429")},
        {QStringLiteral("title"), QStringLiteral("API rate limit reached.")},
        {QStringLiteral("detail"),
         QStringLiteral("You need to wait %1 seconds until limit is lifted.").arg(retryAfterSeconds)},
    };
    SimResponse response = SimResponse::json(429, QJsonObject {{QStringLiteral("errors"), QJsonArray {item}}});
    response.headers.append({QByteArrayLiteral("retry-after"), QByteArray::number(retryAfterSeconds)});
    return response;
}

SimResponse notQlikPage()
{
    SimResponse response = SimResponse::html(
        404,
        QByteArrayLiteral("<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head>\n"
                          "<body><h1>Not Found</h1><p>The requested URL was not found on this server.</p>"
                          "</body></html>\n"));
    response.headers.append({QByteArrayLiteral("Server"), QByteArrayLiteral("Apache")});
    return response;
}

// Query parameters whose values are secrets in OAuth and API-key traffic.
QString redactedQuery(const QString &rawQuery)
{
    static const QStringList secretNames {
        QStringLiteral("code"),          QStringLiteral("code_verifier"),
        QStringLiteral("client_secret"), QStringLiteral("password"),
        QStringLiteral("token"),         QStringLiteral("access_token"),
        QStringLiteral("refresh_token"), QStringLiteral("client_assertion"),
        QStringLiteral("api_key"),
    };
    QStringList items = rawQuery.split(u'&');
    bool redacted = false;
    for (QString &item : items) {
        const qsizetype equals = item.indexOf(u'=');
        const QString name = QUrl::fromPercentEncoding(item.left(equals < 0 ? item.size() : equals).toUtf8());
        if (equals >= 0 && secretNames.contains(name, Qt::CaseInsensitive)) {
            item = item.left(equals + 1) + QStringLiteral("redacted");
            redacted = true;
        }
    }
    return redacted ? items.join(u'&') : rawQuery;
}

QByteArray mediaType(const QByteArray &contentType)
{
    const qsizetype semicolon = contentType.indexOf(';');
    return (semicolon < 0 ? contentType : contentType.left(semicolon)).trimmed().toLower();
}

SimResponse malformed(SimResponse response)
{
    const bool json = response.isJson() && response.body.size() > 1;
    const QByteArray body =
        json ? response.body.left(response.body.size() / 2) : QByteArrayLiteral("{\"data\":[{\"id\":\"");
    return SimResponse {
        200, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8")}}, body};
}

} // namespace

QlikSimulator::QlikSimulator(QObject *parent)
    : QlikSimulator(SimulatedTenant::demo(), parent)
{ }

QlikSimulator::QlikSimulator(SimulatedTenant tenant, QObject *parent)
    : QObject(parent)
    , m_tenant(std::move(tenant))
    , m_identity(SelfSignedCertificate::generate())
    , m_oauthTokens(m_clock)
    , m_oauth(m_tenant, m_oauthTokens, m_clock)
    , m_api(m_tenant, m_tokens, m_cursors, m_oauthTokens)
{
    for (const SampleKey key : DemoTenant::sampleKeys()) {
        if (const SimApiKey *record = m_tenant.apiKey(DemoTenant::sampleKeyId(key))) {
            m_sampleTokens.insert(key, m_tokens.sign(*record, m_tenant.id));
            m_sampleUsers.insert(key, record->sub);
        }
    }
}

QlikSimulator::~QlikSimulator()
{
    // Close the connections (and drop held-back answers) while everything they refer to still exists.
    delete m_server;
    for (QByteArray &token : m_sampleTokens)
        token.fill('\0');
}

bool QlikSimulator::start(const QHostAddress &address, quint16 port)
{
    if (m_server) {
        qWarning("QlikSimulator: already listening on port %u", m_port);
        return false;
    }
    if (m_identity.isNull()) {
        qWarning("QlikSimulator: no TLS certificate: %s", qUtf8Printable(m_identity.errorString()));
        return false;
    }
    auto *server =
        new SimulatorHttpServer([this](const QHttpServerRequest &request,
                                       QHttpServerResponder &&responder) { dispatch(request, std::move(responder)); },
                                this);
    server->sslSetup(m_identity.certificate(), m_identity.privateKey());
    const quint16 boundPort = server->listen(address, port);
    if (boundPort == 0) {
        qWarning("QlikSimulator: cannot listen on %s port %u", qUtf8Printable(address.toString()), port);
        delete server;
        return false;
    }
    m_server = server;
    m_port = boundPort;
    m_api.setHostAndPort(hostAndPort());
    return true;
}

QString QlikSimulator::hostAndPort() const
{
    return QStringLiteral("localhost:%1").arg(m_port);
}

QUrl QlikSimulator::baseUrl() const
{
    return QUrl(QStringLiteral("https://") + hostAndPort());
}

QSslCertificate QlikSimulator::certificate() const
{
    return m_identity.certificate();
}

QByteArray QlikSimulator::certificatePem() const
{
    return m_identity.certificate().toPem();
}

QByteArray QlikSimulator::issueApiKey(const QString &userId, const QDateTime &expiry, const QString &description,
                                      const QString &status)
{
    const SimApiKey key {CryptoUtil::randomHexId(),       userId,         description, status,
                         QDateTime::currentDateTimeUtc(), expiry.toUTC(), userId};
    m_tenant.apiKeys.append(key);
    return m_tokens.sign(key, m_tenant.id);
}

QByteArray QlikSimulator::issueOAuthToken(const QString &userId, const QStringList &scopes)
{
    const SimOAuthClient *client = m_tenant.oauthClient(DemoTenant::nativeClientId());
    const OAuthGrant grant {userId, client ? client->clientId : QString(), scopes, {}, {}};
    return m_oauthTokens.issue(grant, false).accessToken;
}

QString QlikSimulator::sampleKeyId(SampleKey key) const
{
    return m_sampleTokens.contains(key) ? DemoTenant::sampleKeyId(key) : QString();
}

void QlikSimulator::rateLimitNext(const QString &pathPrefix, int times, int retryAfterSeconds)
{
    m_faults.rateLimitNext(pathPrefix, times, retryAfterSeconds);
}

void QlikSimulator::setResponseDelay(const QString &pathPrefix, int milliseconds)
{
    m_faults.setResponseDelay(pathPrefix, milliseconds);
}

void QlikSimulator::setRedirectTarget(const QString &path, const QUrl &absoluteLocation)
{
    m_faults.setRedirectTarget(path, absoluteLocation);
}

void QlikSimulator::setIssuerOverride(const QString &issuer)
{
    m_api.setIssuerOverride(issuer);
}

void QlikSimulator::setNotQlik(bool notQlik)
{
    m_faults.setNotQlik(notQlik);
}

void QlikSimulator::setMalformedJson(const QString &pathPrefix, bool malformed)
{
    m_faults.setMalformedJson(pathPrefix, malformed);
}

void QlikSimulator::setWrongJsonTypes(const QString &pathPrefix, bool wrongTypes)
{
    m_faults.setWrongJsonTypes(pathPrefix, wrongTypes);
}

void QlikSimulator::setUserPatchAddUnsupported(bool unsupported)
{
    m_api.setUserPatchAddUnsupported(unsupported);
}

void QlikSimulator::setUserPatchPartial(bool partial)
{
    m_api.setUserPatchPartial(partial);
}

void QlikSimulator::advanceOAuthClock(qint64 seconds)
{
    m_clock.advance(seconds);
}

int QlikSimulator::requestCount(const QString &pathPrefix) const
{
    return static_cast<int>(std::count_if(m_requests.cbegin(), m_requests.cend(), [&pathPrefix](const auto &request) {
        return request.path.startsWith(pathPrefix);
    }));
}

void QlikSimulator::dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder)
{
    const QUrl url = request.url();
    SimRequest simRequest;
    simRequest.method = methodName(request.method());
    simRequest.path = url.path();
    simRequest.rawQuery = url.query(QUrl::FullyEncoded);
    simRequest.query = QUrlQuery(simRequest.rawQuery);
    bool hadAuthorization = false;
    for (const auto &header : request.headers()) {
        if (header.first.compare("authorization", Qt::CaseInsensitive) == 0) {
            hadAuthorization = true;
            simRequest.authorization = header.second;
        } else if (header.first.compare("content-type", Qt::CaseInsensitive) == 0) {
            simRequest.contentType = mediaType(header.second);
        }
    }
    simRequest.body = request.body();

    const RecordedRequest record {simRequest.method, simRequest.path, redactedQuery(simRequest.rawQuery),
                                  hadAuthorization};
    m_requests.append(record);
    emit requestHandled(record);

    SimResponse response = answer(simRequest);
    simRequest.authorization.fill('\0');
    simRequest.body.fill('\0');

    const int delay = m_faults.responseDelay(simRequest.path);
    if (delay == 0)
        response.writeTo(responder);
    else
        DeferredAnswer::schedule(std::move(responder), std::move(response), delay);
}

SimResponse QlikSimulator::answer(const SimRequest &request)
{
    if (m_faults.isNotQlik())
        return notQlikPage();
    if (const auto retryAfter = m_faults.takeRateLimit(request.path))
        return rateLimited(*retryAfter);
    const QUrl redirect = m_faults.redirectTarget(request.path);
    if (!redirect.isEmpty())
        return SimResponse::redirect(request.path == u"/api/v1/users/me" ? 301 : 302,
                                     redirect.toString(QUrl::FullyEncoded));
    SimResponse response = OAuthServer::handles(request.path) ? m_oauth.handle(request) : m_api.handle(request);
    if (response.status == 200 && m_faults.hasWrongJsonTypes(request.path))
        response = WrongJsonTypes::apply(response);
    if (m_faults.isMalformed(request.path))
        return malformed(std::move(response));
    return response;
}

} // namespace Dawiso::Simulator
