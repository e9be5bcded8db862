#pragma once

#include "qlik/QlikRequestOptions.h"
#include "qlik/QlikStep.h"
#include "qrs/ProxySignInResult.h"

#include <QByteArray>
#include <QPointer>
#include <QString>
#include <QUrl>

class QNetworkAccessManager;

namespace Dawiso {

class QlikRequest;
class TlsTrust;

// Signs a Qlik Sense Enterprise admin (DOMAIN\user and password) in through the site's proxy, as a browser would:
// asks for /qps/user, and follows the proxy's redirects by hand so that each hop stays on the proxy's origin and the
// ticket and the session cookie are seen. When the proxy sends its Windows login, the sign-in goes by NTLM (Qt's
// QAuthenticator, answered once per request and only for the proxy's origin); when it sends Qlik's login form, the
// form is filled in and posted, and a form shown again means the user name or password is wrong. Ends with the
// session cookie and the user the proxy names, or a precise failure. The requests say honestly what they are
// (`DawisoQlikSetup/<version> (Windows authentication)`): the proxy offers Windows sign-in only to a User-Agent
// that contains "Windows".
//
// Each attempt has a network manager of its own, gone when the attempt ends, so that neither the Windows sign-in
// cached by Qt nor a connection NTLM authenticated outlives it. The password is wiped when the attempt ends;
// nothing secret is logged. finished() comes exactly once per start(), always asynchronously (QlikStep).
class ProxySignIn : public QlikStep
{
    Q_OBJECT

public:
    explicit ProxySignIn(const TlsTrust *trust, QObject *parent = nullptr);
    ~ProxySignIn() override;

    // Timeouts of each request (QlikRequest's defaults unless set); only timeout and maxRateLimitRetries are used.
    void setRequestOptions(const QlikRequestOptions &options) { m_requestOptions = options; }

    // proxyBaseUrl: https://host[:port][/virtual proxy prefix]. user: DOMAIN\user. Takes the password and wipes it;
    // pass it with std::move so that no other copy of the buffer is left behind.
    void start(const QUrl &proxyBaseUrl, const QString &user, QByteArray password);
    // Stops at any point; finished() reports Kind::Cancelled.
    void cancel() override;
    void abandon() override;

    static QByteArray userAgent();

signals:
    void finished(const Dawiso::ProxySignInResult &result);

private:
    // What the proxy was asked for: the next place it pointed to, its Windows login, its login form, the form's post.
    enum class Hop { Follow, WindowsLogin, FormPage, FormPost };

    void ask(const QUrl &url, Hop hop, QByteArray method = QByteArrayLiteral("GET"), QByteArray body = {});
    void onAnswer(QlikRequest *request, Hop hop);
    void keepSessionCookie(const QlikRequest *request);
    void postForm(QlikRequest *request);
    void readUser(QlikRequest *request);
    void fail(ProxySignInResult::Kind kind, const QString &message, const QString &advice, const QString &detail = {});
    void conclude(ProxySignInResult result);
    void releaseAttempt();

    const TlsTrust *m_trust;
    QlikRequestOptions m_requestOptions;
    QPointer<QNetworkAccessManager> m_network;
    QUrl m_base;
    QUrl m_target; // <base>/qps/user, which names the user once signed in
    QString m_user;
    QByteArray m_password;
    QByteArray m_cookieName;
    QByteArray m_cookieValue;
    int m_hops = 0;
    bool m_formPosted = false;
};

} // namespace Dawiso
