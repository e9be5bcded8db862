#pragma once

#include "net/CertificateSummary.h"

#include <QCoreApplication>
#include <QList>
#include <QNetworkReply>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace Dawiso {

// Why a request did not produce an answer, in words for people: what happened (message) and what to do next
// (advice). HTTP error statuses are not failures here: the server answered, and the caller knows what the answer
// means for its step.
class RequestFailure
{
    Q_DECLARE_TR_FUNCTIONS(RequestFailure)

public:
    enum class Kind {
        None,
        Cancelled,
        TimedOut,
        NameNotFound,
        ConnectionRefused,
        ConnectionClosed,
        TlsUntrusted, // the certificate could be shown to the user and pinned
        TlsFailed, // the handshake failed for another reason (protocol, cipher, revoked, expired)
        ProxyFailed,
        RateLimited, // 429 more often than we are willing to wait for
        UnsafeRedirect, // a redirect to plain http or somewhere we will not follow
        TooManyRedirects,
        OtherAddress, // the server pointed to another address, where the credential was not sent
        ClientCertificateRefused, // the server asked for a client certificate and did not get one it accepts
        InvalidResponse, // an answer, but not one the wizard can read
        Network, // anything else from the network stack
    };

    RequestFailure() = default;
    static RequestFailure cancelled();
    static RequestFailure timedOut(const QString &hostAndPort, int seconds);
    static RequestFailure fromNetworkError(QNetworkReply::NetworkError error, const QString &hostAndPort,
                                           const QString &errorString);
    static RequestFailure fromSslErrors(const QList<QSslError> &errors, const QList<QSslCertificate> &chain,
                                        const QString &hostAndPort);
    static RequestFailure rateLimited(int waitedAttempts, int retryAfterSeconds);
    static RequestFailure unsafeRedirect(const QString &hostAndPort, const QUrl &target);
    // A redirect to another scheme, host or port where the caller accepts an answer only from the origin it asked.
    static RequestFailure redirectToOtherOrigin(const QString &hostAndPort, const QUrl &target);
    // A redirect to another origin that would have repeated the request body there.
    static RequestFailure bodyRedirectToOtherOrigin(const QString &hostAndPort, const QUrl &target);
    static RequestFailure tooManyRedirects(const QString &hostAndPort);
    // The server asked pointed to another address that the wizard does not follow with the credential.
    static RequestFailure pointedElsewhere(const QString &hostAndPort, const QUrl &target);
    // A redirect was followed to another address, which refused the request made there without the credential.
    static RequestFailure credentialWithheld(const QString &hostAndPort, const QUrl &target);
    // The TLS handshake ended on the server's certificate alert; hadCertificate: whether one was presented.
    static RequestFailure clientCertificateRefused(const QString &hostAndPort, bool hadCertificate,
                                                   const QString &detail);
    static RequestFailure invalidResponse(const QString &hostAndPort, const QString &detail);
    // The answer was larger than the wizard reads (maxBytes); reading stopped there.
    static RequestFailure answerTooLarge(const QString &hostAndPort, qint64 maxBytes);

    bool isFailure() const { return m_kind != Kind::None; }
    Kind kind() const { return m_kind; }
    QString message() const { return m_message; }
    QString advice() const { return m_advice; }
    QString technicalDetail() const { return m_detail; }
    // "message advice" as one paragraph.
    QString text() const;

    QList<QSslError> sslErrors() const { return m_sslErrors; }
    QList<QSslCertificate> certificateChain() const { return m_chain; }
    CertificateSummary peerCertificate() const;
    // For a certificate failure: the server whose certificate it is, as TlsTrust::originKey() writes it. After a
    // redirect this is not the address that was asked, and only this one may be shown or pinned. Empty otherwise.
    QString certificateOrigin() const { return m_certificateOrigin; }

private:
    // For a request Qlik sent elsewhere: the key was not used there, so it is not to blame.
    static QString keyStayedHomeAdvice(const QString &hostAndPort);
    RequestFailure(Kind kind, QString message, QString advice, QString detail = {});

    Kind m_kind = Kind::None;
    QString m_message;
    QString m_advice;
    QString m_detail;
    QList<QSslError> m_sslErrors;
    QList<QSslCertificate> m_chain;
    QString m_certificateOrigin;
};

} // namespace Dawiso
