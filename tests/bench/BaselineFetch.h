#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QSslConfiguration>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

class QNetworkAccessManager;

namespace Dawiso::Bench {

// The yardstick the connection check is measured against: the plainest client that reads the same pages. One GET
// after another on a QNetworkAccessManager, each awaited in a local event loop; redirects followed by hand (one
// more GET each); every answer parsed with QJsonDocument::fromJson and nothing more, except for the two values
// needed to go on: the user's id (for the api-keys query) and links.next.href (for the next page).
class BaselineFetch
{
public:
    // appPaths: the apps the check opens (/api/v1/apps/{id} and its /data/metadata), as the simulator saw them.
    BaselineFetch(const QUrl &baseUrl, const QByteArray &token, const QSslConfiguration &tls,
                  const QStringList &appPaths);
    ~BaselineFetch();
    BaselineFetch(const BaselineFetch &) = delete;
    BaselineFetch &operator=(const BaselineFetch &) = delete;

    // One full pass; false (see error()) at the first answer that is not what a healthy tenant sends.
    bool run(QNetworkAccessManager &network);
    int requests() const { return m_requests; } // GETs sent by the last run, redirects included
    QString error() const { return m_error; }

private:
    std::optional<QJsonDocument> fetch(QNetworkAccessManager &network, const QUrl &url, QUrl *finalUrl = nullptr);
    bool fetchEveryPage(QNetworkAccessManager &network, const QUrl &firstPage);
    QUrl urlFor(const QString &path, const QString &query = {}) const;

    QUrl m_baseUrl;
    QByteArray m_authorization;
    QSslConfiguration m_tls;
    QStringList m_appPaths;
    int m_requests = 0;
    QString m_error;
};

} // namespace Dawiso::Bench
