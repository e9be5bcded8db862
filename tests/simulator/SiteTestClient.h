#pragma once

#include "simulator/onprem/QlikSenseSite.h"

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QNetworkReply>
#include <QPair>
#include <QString>

// Requests to a simulated Qlik Sense site over real HTTPS, each with a fresh QNetworkAccessManager (no connection,
// TLS session or cookie carries over), trusting only the site's CA, redirects and cookies left to the test.
class SiteTestClient
{
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;
    struct Answer
    {
        bool finished = false;
        int status = 0;
        QNetworkReply::NetworkError error = QNetworkReply::NoError;
        QByteArray body;
        QHash<QByteArray, QByteArray> headers; // lowercase names

        QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
        QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
        // "<name>=<value>" of the Set-Cookie header; empty when there is none.
        QByteArray cookie() const;
    };

    static const QByteArray xrfkey;

    explicit SiteTestClient(Dawiso::Simulator::QlikSenseSite &site);

    // On the repository port with the site's client certificate, the xrfkey (query and header) and X-Qlik-User when
    // given. A body is sent as application/json.
    Answer repository(const QByteArray &verb, const QString &pathAndQuery, const QByteArray &qlikUser = {},
                      const QByteArray &body = {}) const;
    Answer repositoryJson(const QByteArray &verb, const QString &pathAndQuery, const QJsonObject &body,
                          const QByteArray &qlikUser = {}) const;
    // On the proxy port; the xrfkey when asked. A body is sent as application/json.
    Answer proxy(const QByteArray &verb, const QString &pathAndQuery, const Headers &headers, bool withXrfkey,
                 const QByteArray &body = {}) const;

    static QString withXrfkey(const QString &pathAndQuery);

private:
    Answer send(const QUrl &url, const QByteArray &verb, const Headers &headers, const QByteArray &body,
                bool clientCertificate) const;

    Dawiso::Simulator::QlikSenseSite &m_site;
};
