#include "qrs/QrsProblem.h"

#include "net/RequestFailure.h"
#include "net/TlsTrust.h"
#include "qlik/QlikRequest.h"
#include "qrs/SenseLoginPage.h"

#include <QHostAddress>

namespace Dawiso {

namespace {

// The proxy's answer to a host name that is not on the virtual proxy's host allow list.
constexpr char hostNotAllowed[] = "The http request header is incorrect";

bool isRedirect(int status)
{
    return status >= 300 && status < 400;
}

// Qlik's own words, when they are short text (the QRS answers errors in plain text or not at all).
QString answerText(const QlikRequest *request)
{
    const QByteArray body = request->body().trimmed();
    if (body.isEmpty() || body.size() > 300 || body.startsWith('<'))
        return {};
    return QString::fromUtf8(body);
}

} // namespace

bool QrsProblem::isSignInRedirect(const QlikRequest *request)
{
    if (!request->isFinished() || request->failure().isFailure() || !isRedirect(request->httpStatus()))
        return false;
    const QUrl target = request->finalUrl().resolved(QUrl::fromEncoded(request->header("Location")));
    return SenseLoginPage::kindOf(target) != SenseLoginPage::Kind::None;
}

UserMessage QrsProblem::describe(const QlikRequest *request, const QString &action, QrsClient::Identity identity)
{
    const QUrl url = request->requestedUrl();
    const QString origin = TlsTrust::originKey(url);
    const RequestFailure failure = request->failure();
    if (failure.isFailure()) {
        UserMessage problem {tr("%1 failed: %2").arg(action, failure.message()), failure.advice(),
                             failure.technicalDetail()};
        if (failure.kind() == RequestFailure::Kind::TlsUntrusted) {
            problem.advice = tr("Qlik Sense Enterprise sites usually have certificates from their own certificate "
                                "authority. Trust the site's CA for this server, or load root.pem or root.cer from "
                                "its certificate export; compare the fingerprint with the one your Qlik "
                                "administrator sees before you trust it.");
        }
        return problem;
    }

    const int status = request->httpStatus();
    const QString said = answerText(request);
    UserMessage problem;
    problem.detail = said.isEmpty() ? tr("HTTP %1").arg(status) : tr("HTTP %1: %2").arg(QString::number(status), said);

    if (isRedirect(status)) {
        if (isSignInRedirect(request)) {
            problem.message = tr("%1 failed: the Qlik session has ended.").arg(action);
            problem.advice = tr("Sign in again, then retry.");
        } else {
            const QUrl target = request->finalUrl().resolved(QUrl::fromEncoded(request->header("Location")));
            problem.message =
                tr("%1 failed: Qlik at %2 sent the wizard to %3 instead of answering.")
                    .arg(action, origin,
                         target.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment));
            problem.advice = tr("The site may sign people in somewhere else (SAML or another identity provider). "
                                "Check the address and the virtual proxy prefix, or use a virtual proxy with "
                                "Windows authentication.");
        }
        return problem;
    }

    switch (status) {
    case 400: {
        if (!request->body().contains(hostNotAllowed)) {
            problem.message = tr("%1 failed: Qlik refused the request as not well formed (HTTP 400).").arg(action);
            problem.advice = tr("Qlik checks that every request carries the same xrfkey in its address and its "
                                "headers; something between this computer and Qlik may have changed the request. "
                                "Retry; if it fails again, save a report for Dawiso support.");
            break;
        }
        const QString host = url.host();
        problem.message = tr("%1 failed: the Qlik proxy does not accept the address %2.").arg(action, host);
        if (!QHostAddress(host).isNull()) {
            problem.advice = tr("%1 is an IP address. Use the server's full name instead (for example "
                                "qlikserver.company.com), as it is on the virtual proxy's host allow list.")
                                 .arg(host);
        } else if (!host.contains(QLatin1Char('.'))) {
            problem.advice = tr("%1 is a short name. Use the server's full name instead, e.g. %1.company.com "
                                "with your company's domain, as it is on the virtual proxy's host allow list.")
                                 .arg(host);
        } else {
            problem.advice = tr("Use the full name that is on the virtual proxy's host allow list, or have a Qlik "
                                "administrator add %1 to it (QMC › Virtual proxies › Host allow list). On a site "
                                "with several nodes, the virtual proxy must also be linked to the central proxy.")
                                 .arg(host);
        }
        break;
    }
    case 401:
        if (identity == QrsClient::Identity::Certificate) {
            problem.message = tr("%1 failed: Qlik at %2 did not accept the client certificate.").arg(action, origin);
            problem.advice = tr("Choose certificates exported from this site in the QMC (Certificates), then try "
                                "again.");
        } else if (identity == QrsClient::Identity::SessionCookie) {
            problem.message = tr("%1 failed: Qlik no longer accepts the sign-in.").arg(action);
            problem.advice = tr("Sign in again, then retry.");
        } else {
            problem.message = tr("%1 failed: Qlik at %2 wants to know who is calling.").arg(action, origin);
            problem.advice = tr("Sign in, or choose the site's client certificates, then retry.");
        }
        break;
    case 403:
        if (said.contains(QLatin1String("inactive"), Qt::CaseInsensitive)) {
            problem.message =
                tr("%1 failed: Qlik says the account is inactive (\"Your account is inactive\").").arg(action);
            problem.advice = tr("A Qlik administrator can activate it in the QMC (Users), or sign in with another "
                                "administrator account.");
        } else if (identity == QrsClient::Identity::Certificate) {
            problem.message = tr("%1 failed: the user named for the certificate may not do this.").arg(action);
            problem.advice = tr("With certificates, a request has the rights of the user it names (X-Qlik-User). "
                                "Name a user with the RootAdmin role, or one a security rule allows this.");
        } else {
            problem.message = tr("%1 failed: the signed-in user may not do this.").arg(action);
            problem.advice = tr("It needs the RootAdmin role, or a security rule that allows it (QMC › Security "
                                "rules). Sign in as a RootAdmin, or ask one to give you the role.");
        }
        break;
    case 404:
        problem.message = tr("%1 failed: Qlik at %2 has nothing at %3.").arg(action, origin, url.path());
        problem.advice = tr("Check the virtual proxy prefix (the part of the address after the server's name) and "
                            "the port: through the proxy the address ends with the prefix of a virtual proxy, or "
                            "nothing for the default one; the repository's own port 4242 takes no prefix.");
        break;
    case 409:
        problem.message = tr("%1 failed: someone changed it in Qlik meanwhile.").arg(action);
        problem.advice = tr("The wizard's copy was older than Qlik's (its modifiedDate). Reload it and retry.");
        break;
    default:
        if (status >= 500) {
            problem.message =
                tr("%1 failed: Qlik had a problem on its side (HTTP %2).").arg(action, QString::number(status));
            problem.advice = tr("Try again in a few minutes. If it keeps happening, the repository log on the "
                                "central node says why.");
        } else {
            problem.message = tr("%1 failed: Qlik answered HTTP %2.").arg(action, QString::number(status));
            problem.advice = tr("Retry; if it fails again, save a report for Dawiso support.");
        }
    }
    return problem;
}

} // namespace Dawiso
