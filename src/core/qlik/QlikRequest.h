#pragma once

#include "net/RequestFailure.h"
#include "qlik/QlikError.h"
#include "qlik/QlikRequestOptions.h"

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QNetworkReply>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <QUrl>

#include <optional>

class QAuthenticator;
class QNetworkAccessManager;

namespace Dawiso {

class TlsTrust;

// One request against Qlik, carried through to a final answer: follows redirects itself so that the Authorization
// header, every other credential (credential headers, the client certificate) and a request body only ever go to the
// origin they were meant for, waits out 429 answers as `retry-after` says (a bounded number of times), gives up
// after a timeout, and can be cancelled at any point. Emits finished() exactly once, asynchronously, and then
// deletes itself.
class QlikRequest : public QObject
{
    Q_OBJECT

public:
    QlikRequest(QNetworkAccessManager *network, const TlsTrust *trust, const QUrl &url, QByteArray authorization,
                const QlikRequestOptions &options, QObject *parent = nullptr);
    ~QlikRequest() override;

    // Off by default. On: a redirect to another scheme, host or port is a failure instead of being followed, for
    // callers that trust an answer only from the origin they asked. Set before start().
    void setSameOriginRedirectsOnly(bool only) { m_sameOriginRedirectsOnly = only; }

    void start();
    void cancel();

    // A link or redirect target that names another origin, moved onto `origin` with its path and query when its path
    // starts with pathPrefix (the other scheme, host, port, user info and fragment dropped); nullopt otherwise.
    static std::optional<QUrl> rebased(const QUrl &origin, const QUrl &target, const QString &pathPrefix);
    static bool sameOrigin(const QUrl &a, const QUrl &b);

    bool isFinished() const { return m_finished; }
    // The server answered with 2xx.
    bool isSuccess() const { return m_finished && !m_failure.isFailure() && m_status >= 200 && m_status < 300; }
    // No answer at all (network, TLS, timeout, cancel, rate limit exhausted).
    RequestFailure failure() const { return m_failure; }
    int httpStatus() const { return m_status; }
    QByteArray body() const { return m_body; }
    QByteArray header(const QByteArray &name) const;
    QUrl requestedUrl() const { return m_originalUrl; }
    QUrl finalUrl() const { return m_currentUrl; }
    // The certificate the server of the last answer presented; null for a failure before any answer.
    QSslCertificate peerCertificate() const { return m_peerCertificate; }
    QlikError qlikError() const { return QlikError::fromBody(m_body); }
    QJsonDocument json(QString *parseError = nullptr) const;
    int rateLimitWaits() const { return m_rateLimitWaits; }
    int redirectCount() const { return m_redirects; }

signals:
    void waitingForRateLimit(int seconds, int attempt);
    void redirected(const QUrl &location);
    void finished();

private slots:
    // The network manager asks every listener; only this request's reply on the origin asked gets the sign-in.
    void onAuthenticationRequired(QNetworkReply *reply, QAuthenticator *authenticator);

private:
    void sendAttempt();
    void onSslErrors(const QList<QSslError> &errors);
    void onReplyFinished();
    void onAttemptTimeout();
    // Ends the request as soon as the answer announces or delivers more than maxAnswerBytes.
    void checkAnswerSize();
    void followRedirect(const QByteArray &location);
    void waitForRateLimit();
    void finish(const RequestFailure &failure = {});
    void dropReply();
    QString hostAndPort() const;
    QUrl withQueryItems(const QUrl &url) const;
    bool presentedClientCertificate() const;
    void wipeCredentials();

    QNetworkAccessManager *m_network;
    const TlsTrust *m_trust;
    QUrl m_originalUrl;
    QUrl m_currentUrl;
    QByteArray m_authorization;
    QlikRequestOptions m_options;
    QByteArray m_method;

    QPointer<QNetworkReply> m_reply;
    QTimer m_attemptTimer;
    QTimer m_retryTimer;
    bool m_timedOut = false;
    bool m_finished = false;
    bool m_sameOriginRedirectsOnly = false;
    // A credential was not sent on the current attempt because it went to another origin than the one asked.
    bool m_credentialWithheld = false;
    // The HTTP sign-in was given on the current attempt; asked again, the server refused it.
    bool m_authenticationGiven = false;
    QSet<QUrl> m_visited;
    int m_redirects = 0;
    int m_rateLimitWaits = 0;
    int m_status = 0;
    QByteArray m_body;
    QList<QNetworkReply::RawHeaderPair> m_headers;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_peerChain;
    QSslCertificate m_peerCertificate;
    RequestFailure m_failure;
};

} // namespace Dawiso
