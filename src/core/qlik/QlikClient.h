#pragma once

#include "qlik/QlikRequestOptions.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace Dawiso {

class QlikPager;
class QlikRequest;
class TlsTrust;

// The door to one Qlik server's REST API: holds the server's base URL and, while needed, the credential (in memory
// only, wiped when cleared or destroyed). Hands out requests and pagers; the caller starts them.
class QlikClient : public QObject
{
    Q_OBJECT

public:
    QlikClient(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);
    ~QlikClient() override;

    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }

    void setApiKey(const QByteArray &apiKey);
    void clearApiKey();
    bool hasApiKey() const { return !m_authorization.isEmpty(); }

    QlikRequestOptions defaultOptions() const { return m_defaultOptions; }
    // What get(), post(), patch(), deleteResource() and getAllPages() start from (headers, query items, identity).
    void setDefaultOptions(const QlikRequestOptions &options) { m_defaultOptions = options; }

    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;

    QlikRequest *get(const QString &path, const QUrlQuery &query = {});
    // Any method: options.method and options.body say what to send.
    QlikRequest *send(const QUrl &url, const QlikRequestOptions &options);
    // JSON bodies, as Qlik's write endpoints take them (PATCH: a JSON Patch array).
    QlikRequest *post(const QString &path, const QJsonDocument &body);
    QlikRequest *patch(const QString &path, const QJsonDocument &body);
    QlikRequest *deleteResource(const QString &path);
    QlikPager *getAllPages(const QString &path, const QUrlQuery &query = {});

private:
    QNetworkAccessManager *m_network;
    const TlsTrust *m_trust;
    QUrl m_baseUrl;
    QByteArray m_authorization;
    QlikRequestOptions m_defaultOptions;
};

} // namespace Dawiso
