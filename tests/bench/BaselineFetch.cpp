#include "BaselineFetch.h"

#include "token/SecureMemory.h"

#include <QEventLoop>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QUrlQuery>

#include <memory>

namespace Dawiso::Bench {

namespace {

const int maxRedirects = 5;

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

BaselineFetch::BaselineFetch(const QUrl &baseUrl, const QByteArray &token, const QSslConfiguration &tls,
                             const QStringList &appPaths)
    : m_baseUrl(baseUrl)
    , m_authorization(QByteArrayLiteral("Bearer ") + token)
    , m_tls(tls)
    , m_appPaths(appPaths)
{ }

BaselineFetch::~BaselineFetch()
{
    SecureMemory::wipe(m_authorization);
}

QUrl BaselineFetch::urlFor(const QString &path, const QString &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

bool BaselineFetch::run(QNetworkAccessManager &network)
{
    m_requests = 0;
    m_error.clear();

    const std::optional<QJsonDocument> user = fetch(network, urlFor(QStringLiteral("/api/v1/users/me")));
    if (!user)
        return false;
    // The same query the check sends, built the same way.
    QUrlQuery keyQuery;
    keyQuery.addQueryItem(QStringLiteral("sub"), user->object().value(QLatin1String("id")).toString());
    keyQuery.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
    keyQuery.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    QUrl keys = urlFor(QStringLiteral("/api/v1/api-keys"));
    keys.setQuery(keyQuery);
    if (!fetchEveryPage(network, keys) || !fetch(network, urlFor(QStringLiteral("/api/v1/tenants/me")))
        || !fetchEveryPage(network, urlFor(QStringLiteral("/api/v1/spaces"), QStringLiteral("limit=100")))
        || !fetchEveryPage(network,
                           urlFor(QStringLiteral("/api/v1/items"), QStringLiteral("resourceType=app&limit=100"))))
        return false;
    for (const QString &path : std::as_const(m_appPaths)) {
        if (!fetch(network, urlFor(path)))
            return false;
    }
    return true;
}

bool BaselineFetch::fetchEveryPage(QNetworkAccessManager &network, const QUrl &firstPage)
{
    QUrl url = firstPage;
    while (true) {
        QUrl answeredBy;
        const std::optional<QJsonDocument> page = fetch(network, url, &answeredBy);
        if (!page)
            return false;
        const QString next = page->object()
                                 .value(QLatin1String("links"))
                                 .toObject()
                                 .value(QLatin1String("next"))
                                 .toObject()
                                 .value(QLatin1String("href"))
                                 .toString();
        if (next.isEmpty())
            return true;
        url = answeredBy.resolved(QUrl(next));
    }
}

std::optional<QJsonDocument> BaselineFetch::fetch(QNetworkAccessManager &network, const QUrl &url, QUrl *finalUrl)
{
    QUrl current = url;
    for (int hop = 0; hop <= maxRedirects; ++hop) {
        QNetworkRequest request(current);
        request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
        request.setSslConfiguration(m_tls);
        request.setRawHeader("Accept", "application/json");
        request.setRawHeader("Authorization", m_authorization);
        const std::unique_ptr<QNetworkReply> reply(network.get(request));
        ++m_requests;
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        if (!reply->isFinished())
            loop.exec();

        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (isRedirect(status)) {
            current = current.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
            continue;
        }
        if (status != 200) {
            m_error = status == 0 ? QStringLiteral("%1: %2").arg(current.path(), reply->errorString())
                                  : QStringLiteral("%1 answered HTTP %2").arg(current.path()).arg(status);
            return std::nullopt;
        }
        QJsonParseError parseError {};
        QJsonDocument document = QJsonDocument::fromJson(reply->readAll(), &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            m_error = QStringLiteral("%1 answered with invalid JSON: %2").arg(current.path(), parseError.errorString());
            return std::nullopt;
        }
        if (finalUrl)
            *finalUrl = current;
        return document;
    }
    m_error = QStringLiteral("%1 redirected more than %2 times").arg(url.path()).arg(maxRedirects);
    return std::nullopt;
}

} // namespace Dawiso::Bench
