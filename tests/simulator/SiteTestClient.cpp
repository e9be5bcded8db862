#include "SiteTestClient.h"

#include <QNetworkAccessManager>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslConfiguration>

#include <memory>

namespace {

constexpr int replyTimeoutMs = 20000;

} // namespace

const QByteArray SiteTestClient::xrfkey = QByteArrayLiteral("abcdefghij012345");

QByteArray SiteTestClient::Answer::cookie() const
{
    const QByteArray setCookie = headers.value("set-cookie");
    return setCookie.left(setCookie.indexOf(';'));
}

SiteTestClient::SiteTestClient(Dawiso::Simulator::QlikSenseSite &site)
    : m_site(site)
{ }

QString SiteTestClient::withXrfkey(const QString &pathAndQuery)
{
    return pathAndQuery + (pathAndQuery.contains(u'?') ? u'&' : u'?') + QStringLiteral("xrfkey=")
        + QString::fromLatin1(xrfkey);
}

SiteTestClient::Answer SiteTestClient::repository(const QByteArray &verb, const QString &pathAndQuery,
                                                  const QByteArray &qlikUser, const QByteArray &body) const
{
    Headers headers {{"X-Qlik-Xrfkey", xrfkey}};
    if (!qlikUser.isEmpty())
        headers.append({"X-Qlik-User", qlikUser});
    return send(QUrl(m_site.repositoryBaseUrl().toString() + withXrfkey(pathAndQuery)), verb, headers, body, true);
}

SiteTestClient::Answer SiteTestClient::repositoryJson(const QByteArray &verb, const QString &pathAndQuery,
                                                      const QJsonObject &body, const QByteArray &qlikUser) const
{
    return repository(verb, pathAndQuery, qlikUser, QJsonDocument(body).toJson(QJsonDocument::Compact));
}

SiteTestClient::Answer SiteTestClient::proxy(const QByteArray &verb, const QString &pathAndQuery,
                                             const Headers &headers, bool withXrfkeyToo, const QByteArray &body) const
{
    Headers all = headers;
    if (withXrfkeyToo)
        all.append({"X-Qlik-Xrfkey", xrfkey});
    const QString target = withXrfkeyToo ? withXrfkey(pathAndQuery) : pathAndQuery;
    return send(QUrl(m_site.proxyBaseUrl().toString() + target), verb, all, body, false);
}

SiteTestClient::Answer SiteTestClient::send(const QUrl &url, const QByteArray &verb, const Headers &headers,
                                            const QByteArray &body, bool clientCertificate) const
{
    QNetworkAccessManager network;
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_site.siteCa()});
    if (clientCertificate) {
        tls.setLocalCertificate(m_site.clientCertificate());
        tls.setPrivateKey(m_site.clientKey());
    }
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (!body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);

    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Answer answer;
    answer.finished = reply->isFinished() || finished.wait(replyTimeoutMs);
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    if (reply->isOpen())
        answer.body = reply->readAll();
    return answer;
}
