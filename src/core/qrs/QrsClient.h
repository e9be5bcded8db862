#pragma once

#include "qrs/CertificateBundle.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QObject>
#include <QString>
#include <QUrl>
#include <QUrlQuery>

class QNetworkAccessManager;

namespace Dawiso {

class QlikClient;
class QlikRequest;
class TlsTrust;

// The door to one Qlik Sense Enterprise site's Repository Service (QRS), through the proxy
// (https://host[:port]/<virtual proxy prefix>) or on its own port (https://host:4242). Every request carries a fresh
// xrfkey in the query and in X-Qlik-Xrfkey, and one identity:
// - a proxy session cookie, sent as a credential header of its own (never through the network manager's cookie jar,
//   which neither adds other cookies nor keeps what answers set), so it goes to the site's origin and nowhere else;
// - or a certificate bundle: the client certificate and key presented to this origin only, the bundle's CAs trusted
//   for it, and X-Qlik-User naming whose rights the request runs with.
// QRS answers are never redirects: a 3xx is handed back as the answer, not followed (QrsProblem says what it means,
// such as a session that ended).
class QrsClient : public QObject
{
    Q_OBJECT

public:
    enum class Identity { None, SessionCookie, Certificate };

    QrsClient(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);
    ~QrsClient() override;

    // Scheme, host, port and path (the virtual proxy prefix) are kept; a trailing '/', user info, query and fragment
    // are not.
    void setBaseUrl(const QUrl &baseUrl);
    QUrl baseUrl() const { return m_baseUrl; }

    // The proxy session a sign-in ended with (ProxySignIn), held in memory only and wiped when replaced or cleared.
    void setSessionCookie(const QByteArray &name, const QByteArray &value);
    // The repository's own port: the bundle's certificate and key, and the user whose rights apply.
    void setCertificate(const CertificateBundle &bundle, const QString &userDirectory, const QString &userId);
    void clearIdentity();
    Identity identity() const { return m_identity; }

    // path is the QRS path, e.g. "/qrs/about"; the prefix path goes before it.
    QUrl urlFor(const QString &path, const QUrlQuery &query = {}) const;

    // Returned unstarted, as QlikClient hands them out.
    QlikRequest *get(const QString &path, const QUrlQuery &query = {});
    // POST and PUT take the complete entity (QRS resets what a PUT leaves out); DELETE takes no body.
    QlikRequest *send(const QByteArray &method, const QString &path, const QUrlQuery &query = {},
                      const QJsonDocument &body = {});

    // The transport underneath, e.g. for a QlikStep made of QRS requests.
    QlikClient *qlikClient() const { return m_client; }

private:
    QlikClient *m_client;
    QUrl m_baseUrl;
    Identity m_identity = Identity::None;
    QByteArray m_cookieHeader; // "name=value"
    QByteArray m_userHeader;
    CertificateBundle m_bundle;
};

} // namespace Dawiso
