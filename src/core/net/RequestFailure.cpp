#include "net/RequestFailure.h"

#include "net/TlsTrust.h"

#include <QDateTime>
#include <QLocale>

#include <algorithm>

namespace Dawiso {

namespace {

// Only where a redirect pointed (scheme, host, port): its path or query could carry anything.
QString originText(const QUrl &target)
{
    return target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment);
}

} // namespace

RequestFailure::RequestFailure(Kind kind, QString message, QString advice, QString detail)
    : m_kind(kind)
    , m_message(std::move(message))
    , m_advice(std::move(advice))
    , m_detail(std::move(detail))
{ }

QString RequestFailure::text() const
{
    if (m_advice.isEmpty())
        return m_message;
    return m_message + QLatin1Char(' ') + m_advice;
}

CertificateSummary RequestFailure::peerCertificate() const
{
    return CertificateSummary::fromCertificate(m_chain.isEmpty() ? QSslCertificate() : m_chain.first());
}

RequestFailure RequestFailure::cancelled()
{
    return {Kind::Cancelled, tr("Cancelled."), QString()};
}

RequestFailure RequestFailure::timedOut(const QString &hostAndPort, int seconds)
{
    return {Kind::TimedOut, tr("%1 did not answer within %n second(s).", nullptr, seconds).arg(hostAndPort),
            tr("Check your internet connection and the address, then try again. If your company uses a proxy or a "
               "VPN, make sure it is connected.")};
}

RequestFailure RequestFailure::fromNetworkError(QNetworkReply::NetworkError error, const QString &hostAndPort,
                                                const QString &errorString)
{
    switch (error) {
    case QNetworkReply::NoError:
        return {};
    case QNetworkReply::OperationCanceledError:
        return cancelled();
    case QNetworkReply::TimeoutError:
        return {Kind::TimedOut, tr("%1 did not answer in time.").arg(hostAndPort),
                tr("Check your internet connection and the address, then try again."), errorString};
    case QNetworkReply::HostNotFoundError:
        return {Kind::NameNotFound, tr("No server called %1 was found.").arg(hostAndPort),
                tr("Check the spelling of the address: copy it from your browser's address bar while you are signed "
                   "in to Qlik. If it is correct, check your internet connection."),
                errorString};
    case QNetworkReply::ConnectionRefusedError:
        return {Kind::ConnectionRefused, tr("%1 refused the connection.").arg(hostAndPort),
                tr("The server exists but nothing answers on that port. Check the port number in the address, or "
                   "ask your IT department whether a firewall blocks it."),
                errorString};
    case QNetworkReply::RemoteHostClosedError:
        return {Kind::ConnectionClosed, tr("%1 closed the connection unexpectedly.").arg(hostAndPort),
                tr("Try again in a moment. If it keeps happening, a firewall or proxy may be interfering."),
                errorString};
    case QNetworkReply::SslHandshakeFailedError:
        return {Kind::TlsFailed, tr("A secure connection to %1 could not be set up.").arg(hostAndPort),
                tr("The server and this computer could not agree on encryption. Check the address; if it is right, "
                   "ask your IT department whether a proxy intercepts secure connections."),
                errorString};
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return {Kind::ProxyFailed, tr("The proxy server did not let the connection to %1 through.").arg(hostAndPort),
                tr("Check the proxy settings of your computer, or ask your IT department which proxy to use."),
                errorString};
    case QNetworkReply::TemporaryNetworkFailureError:
    case QNetworkReply::NetworkSessionFailedError:
        return {Kind::Network, tr("This computer seems to be offline."),
                tr("Check your network connection, then try again."), errorString};
    default:
        return {Kind::Network, tr("The connection to %1 failed.").arg(hostAndPort),
                tr("Check your internet connection and the address, then try again."), errorString};
    }
}

RequestFailure RequestFailure::fromSslErrors(const QList<QSslError> &errors, const QList<QSslCertificate> &chain,
                                             const QString &hostAndPort)
{
    bool trustOnly = !errors.isEmpty();
    QStringList descriptions;
    for (const QSslError &error : errors) {
        descriptions << error.errorString();
        if (!TlsTrust::isTrustError(error.error()))
            trustOnly = false;
    }
    descriptions.removeDuplicates();
    const QString detail = descriptions.join(QLatin1Char('\n'));

    RequestFailure failure;
    if (trustOnly) {
        failure = RequestFailure(
            Kind::TlsUntrusted, tr("This computer does not trust the certificate of %1.").arg(hostAndPort),
            tr("Qlik Cloud's certificates are trusted everywhere, so this usually means a company proxy inspects "
               "secure connections, or the address is wrong. Have your company's root certificate trusted (the "
               "README says how), or compare the certificate's SHA-256 fingerprint with the one your IT department "
               "publishes before you trust it."),
            detail);
    } else if (const auto expired =
                   std::find_if(errors.cbegin(), errors.cend(),
                                [](const QSslError &error) { return error.error() == QSslError::CertificateExpired; });
               expired != errors.cend()) {
        const QDateTime expiry = expired->certificate().expiryDate();
        failure = RequestFailure(
            Kind::TlsFailed,
            expiry.isValid()
                ? tr("The certificate of %1 expired on %2.")
                      .arg(hostAndPort, QLocale().toString(expiry.toLocalTime().date(), QLocale::LongFormat))
                : tr("The certificate of %1 has expired.").arg(hostAndPort),
            tr("An expired certificate is never accepted, not even from an authority this computer trusts, so the "
               "connection is not safe. Ask the server's administrator to renew it, then try again."),
            detail);
    } else {
        failure = RequestFailure(Kind::TlsFailed, tr("The certificate of %1 is not valid.").arg(hostAndPort),
                                 tr("The certificate is expired, revoked or otherwise broken, so the connection is "
                                    "not safe. Ask the server's administrator to renew it."),
                                 detail);
    }
    failure.m_sslErrors = errors;
    failure.m_chain = chain;
    failure.m_certificateOrigin = hostAndPort;
    return failure;
}

RequestFailure RequestFailure::rateLimited(int waitedAttempts, int retryAfterSeconds)
{
    return {Kind::RateLimited, tr("Qlik is limiting how many requests the wizard may make right now."),
            waitedAttempts > 0
                ? tr("The wizard waited %n time(s) as Qlik asked; try again in a few minutes.", nullptr, waitedAttempts)
                : tr("Qlik asked to wait %n second(s), longer than the wizard waits; try again later.", nullptr,
                     retryAfterSeconds)};
}

RequestFailure RequestFailure::unsafeRedirect(const QString &hostAndPort, const QUrl &target)
{
    return {Kind::UnsafeRedirect,
            tr("%1 sent the wizard to an address it will not follow (%2).")
                .arg(hostAndPort, target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery)),
            tr("Only encrypted (https) addresses are followed. Check the address you entered.")};
}

RequestFailure RequestFailure::redirectToOtherOrigin(const QString &hostAndPort, const QUrl &target)
{
    return {Kind::UnsafeRedirect,
            tr("%1 did not answer itself: it sent the wizard on to a different address (%2).")
                .arg(hostAndPort, originText(target)),
            tr("Check the address you entered: it must be the server's own address, not one that forwards to "
               "another.")};
}

RequestFailure RequestFailure::bodyRedirectToOtherOrigin(const QString &hostAndPort, const QUrl &target)
{
    return {Kind::UnsafeRedirect,
            tr("%1 sent the wizard on to a different address (%2). The wizard did not follow, because it would have "
               "sent the details of this request there.")
                .arg(hostAndPort, originText(target)),
            tr("Check that the address you entered is your Qlik tenant's own address and not one that forwards "
               "elsewhere, then try again.")};
}

RequestFailure RequestFailure::tooManyRedirects(const QString &hostAndPort)
{
    return {Kind::TooManyRedirects, tr("%1 redirected the wizard too many times.").arg(hostAndPort),
            tr("Check the address you entered; it may point to a login page instead of the Qlik tenant.")};
}

RequestFailure RequestFailure::pointedElsewhere(const QString &hostAndPort, const QUrl &target)
{
    return {Kind::OtherAddress,
            tr("Qlik at %1 pointed the wizard to another address, %2, which the wizard did not follow.")
                .arg(hostAndPort, originText(target)),
            keyStayedHomeAdvice(hostAndPort)};
}

RequestFailure RequestFailure::credentialWithheld(const QString &hostAndPort, const QUrl &target)
{
    return {Kind::OtherAddress,
            tr("Qlik at %1 pointed the wizard to another address, %2, which asked who is calling.")
                .arg(hostAndPort, originText(target)),
            keyStayedHomeAdvice(hostAndPort)};
}

QString RequestFailure::keyStayedHomeAdvice(const QString &hostAndPort)
{
    return tr("The key goes only to %1, so it was not used there and nothing is known to be wrong with it. Check that "
              "%1 is the address your browser shows when you are signed in to Qlik; if it is, try again later, and "
              "if it keeps happening, save a report for Dawiso support.")
        .arg(hostAndPort);
}

RequestFailure RequestFailure::clientCertificateRefused(const QString &hostAndPort, bool hadCertificate,
                                                        const QString &detail)
{
    if (!hadCertificate) {
        return {Kind::ClientCertificateRefused,
                tr("%1 asks for a client certificate, and none was given.").arg(hostAndPort),
                tr("This server lets in only callers that present a certificate it trusts. Choose the client "
                   "certificate and its key exported for this server, then try again."),
                detail};
    }
    return {Kind::ClientCertificateRefused, tr("%1 did not accept the client certificate.").arg(hostAndPort),
            tr("Check that the certificate and its key were exported from this server (or one that trusts the same "
               "root), and that they have not expired, then try again."),
            detail};
}

RequestFailure RequestFailure::invalidResponse(const QString &hostAndPort, const QString &detail)
{
    return {Kind::InvalidResponse, tr("%1 sent an answer the wizard cannot read.").arg(hostAndPort),
            tr("Try again in a moment. If it keeps happening, check that the address is your Qlik tenant and "
               "not a proxy or login page, and save a report for Dawiso support."),
            detail};
}

RequestFailure RequestFailure::answerTooLarge(const QString &hostAndPort, qint64 maxBytes)
{
    return {Kind::InvalidResponse,
            tr("%1 sent an answer larger than %2 MB, far more than any Qlik answer, so the wizard stopped reading it.")
                .arg(hostAndPort)
                .arg(maxBytes / (qint64(1024) * 1024)),
            tr("Check that the address is your Qlik server's own and not a proxy or another service in front of it, "
               "then try again. If it keeps happening, save a report for Dawiso support.")};
}

} // namespace Dawiso
