#include "qlik/QlikClient.h"

#include "qlik/QlikPager.h"
#include "qlik/QlikRequest.h"
#include "token/SecureMemory.h"

namespace Dawiso {

QlikClient::QlikClient(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_trust(trust)
{
    // Qlik's REST APIs live under /api/; a redirect or next link there that names another of the server's
    // addresses is read on the address this client was given.
    m_defaultOptions.rebasedPathPrefix = QStringLiteral("/api/");
}

QlikClient::~QlikClient()
{
    clearApiKey();
}

void QlikClient::setBaseUrl(const QUrl &baseUrl)
{
    m_baseUrl = baseUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo);
}

void QlikClient::setApiKey(const QByteArray &apiKey)
{
    clearApiKey();
    if (!apiKey.isEmpty())
        m_authorization = QByteArrayLiteral("Bearer ") + apiKey;
}

void QlikClient::clearApiKey()
{
    SecureMemory::wipe(m_authorization);
}

QUrl QlikClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QlikRequest *QlikClient::get(const QString &path, const QUrlQuery &query)
{
    return send(urlFor(path, query), m_defaultOptions);
}

QlikRequest *QlikClient::send(const QUrl &url, const QlikRequestOptions &options)
{
    // Each request keeps its own copy of the header value and wipes it when done.
    return new QlikRequest(m_network, m_trust, url, options.authenticated ? m_authorization : QByteArray(), options,
                           this);
}

QlikRequest *QlikClient::post(const QString &path, const QJsonDocument &body)
{
    QlikRequestOptions options = m_defaultOptions;
    options.method = QByteArrayLiteral("POST");
    options.body = body.toJson(QJsonDocument::Compact);
    return send(urlFor(path), options);
}

QlikRequest *QlikClient::patch(const QString &path, const QJsonDocument &body)
{
    QlikRequestOptions options = m_defaultOptions;
    options.method = QByteArrayLiteral("PATCH");
    options.body = body.toJson(QJsonDocument::Compact);
    return send(urlFor(path), options);
}

QlikRequest *QlikClient::deleteResource(const QString &path)
{
    QlikRequestOptions options = m_defaultOptions;
    options.method = QByteArrayLiteral("DELETE");
    return send(urlFor(path), options);
}

QlikPager *QlikClient::getAllPages(const QString &path, const QUrlQuery &query)
{
    return new QlikPager(this, urlFor(path, query), m_defaultOptions, this);
}

} // namespace Dawiso
