#include "qrs/QrsClient.h"

#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qrs/QlikUserHeader.h"
#include "qrs/Xrfkey.h"
#include "token/SecureMemory.h"

namespace Dawiso {

QrsClient::QrsClient(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QObject(parent)
    , m_client(new QlikClient(network, trust, this))
{
    QlikRequestOptions options = m_client->defaultOptions();
    options.authenticated = false; // no API key: the identity travels as the headers and certificate below
    options.rebasedPathPrefix.clear();
    // A redirect from the QRS is the proxy's sign-in page (the session ended) or somewhere else entirely; either way
    // the caller has to see it rather than have the login page read as the answer.
    options.followRedirects = false;
    options.manualCookies = true;
    m_client->setDefaultOptions(options);
}

QrsClient::~QrsClient()
{
    clearIdentity();
}

void QrsClient::setBaseUrl(const QUrl &baseUrl)
{
    QUrl url =
        baseUrl.adjusted(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo | QUrl::StripTrailingSlash);
    if (url.path() == QLatin1String("/"))
        url.setPath(QString());
    m_baseUrl = url;
    m_client->setBaseUrl(url);
}

void QrsClient::setSessionCookie(const QByteArray &name, const QByteArray &value)
{
    clearIdentity();
    m_cookieHeader = name + '=' + value;
    m_identity = Identity::SessionCookie;
}

void QrsClient::setCertificate(const CertificateBundle &bundle, const QString &userDirectory, const QString &userId)
{
    clearIdentity();
    m_bundle = bundle;
    m_userHeader = QlikUserHeader::value(userDirectory, userId);
    m_identity = Identity::Certificate;
}

void QrsClient::clearIdentity()
{
    SecureMemory::wipe(m_cookieHeader);
    m_userHeader.clear();
    m_bundle = CertificateBundle();
    m_identity = Identity::None;
}

QUrl QrsClient::urlFor(const QString &path, const QUrlQuery &query) const
{
    QUrl url = m_baseUrl;
    url.setPath(m_baseUrl.path() + path);
    if (!query.isEmpty())
        url.setQuery(query);
    return url;
}

QlikRequest *QrsClient::get(const QString &path, const QUrlQuery &query)
{
    return send(QByteArrayLiteral("GET"), path, query);
}

QlikRequest *QrsClient::send(const QByteArray &method, const QString &path, const QUrlQuery &query,
                             const QJsonDocument &body)
{
    QlikRequestOptions options = m_client->defaultOptions();
    options.method = method;
    if (!body.isNull())
        options.body = body.toJson(QJsonDocument::Compact);
    // A fresh key each time: the QRS only wants both copies to match.
    const QByteArray xrfkey = Xrfkey::generate();
    options.queryItems = {{QStringLiteral("xrfkey"), QString::fromLatin1(xrfkey)}};
    options.headers.append({QByteArrayLiteral("X-Qlik-Xrfkey"), xrfkey});
    switch (m_identity) {
    case Identity::SessionCookie:
        options.headers.append({QByteArrayLiteral("Cookie"), m_cookieHeader, true});
        break;
    case Identity::Certificate:
        options.headers.append({QByteArray(QlikUserHeader::name), m_userHeader, true});
        options.clientCertificate = m_bundle.clientCertificate();
        options.clientKey = m_bundle.privateKey();
        options.originCaCertificates = m_bundle.caCertificates();
        break;
    case Identity::None:
        break;
    }
    return m_client->send(urlFor(path, query), options);
}

} // namespace Dawiso
