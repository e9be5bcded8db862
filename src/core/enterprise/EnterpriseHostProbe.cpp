#include "enterprise/EnterpriseHostProbe.h"

#include "net/CertificateNames.h"
#include "qlik/AuthorizationServerMetadata.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"
#include "qrs/SenseLoginPage.h"
#include "qrs/Xrfkey.h"

#include <QHostAddress>
#include <QJsonObject>

namespace Dawiso {

namespace {

constexpr qsizetype kLongestRelease = 80;

bool isRedirect(int status)
{
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
}

} // namespace

EnterpriseHostProbe::EnterpriseHostProbe(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QlikStep(new QlikClient(network, trust), parent)
{
    client()->setParent(this);
}

void EnterpriseHostProbe::start(const ParsedHost &host)
{
    begin();
    m_host = host;
    client()->setBaseUrl(host.baseUrl());
    // The QRS refuses a request without an xrfkey (400) before it looks at anything else.
    const QByteArray xrfkey = Xrfkey::generate();
    QlikRequest *request = send(urlFor(QStringLiteral("/qrs/about")), xrfkey);
    emit progress(tr("Looking for Qlik Sense Enterprise at %1…").arg(displayAddress()));
    run(request, [this](QlikRequest *answered) { onQrsAnswer(answered); });
}

void EnterpriseHostProbe::cancel()
{
    HostProbeResult result;
    result.host = m_host;
    result.outcome = HostProbeResult::Outcome::Cancelled;
    result.failure = RequestFailure::cancelled();
    result.summary.message = tr("The check was stopped.");
    finishNow([this, result] { emit finished(result); });
}

QString EnterpriseHostProbe::displayAddress() const
{
    const QString prefix = m_host.virtualProxyPrefix();
    return prefix.isEmpty() ? m_host.displayHostAndPort() : m_host.displayHostAndPort() + u'/' + prefix;
}

QUrl EnterpriseHostProbe::urlFor(const QString &path) const
{
    // The virtual proxy's prefix stays in front of every path.
    QUrl url = m_host.baseUrl();
    url.setPath(url.path() + path);
    return url;
}

QlikRequest *EnterpriseHostProbe::send(const QUrl &url, const QByteArray &xrfkey)
{
    QlikRequestOptions options;
    options.authenticated = false;
    options.timeout = m_timeout;
    // The proxy's answer to a request without a session is its login; following it would only fetch the login page.
    options.followRedirects = false;
    if (!xrfkey.isEmpty()) {
        options.queryItems << qMakePair(QStringLiteral("xrfkey"), QString::fromLatin1(xrfkey));
        options.headers << QlikRequestOptions::Header {QByteArrayLiteral("X-Qlik-Xrfkey"), xrfkey};
    }
    return client()->send(url, options);
}

void EnterpriseHostProbe::onQrsAnswer(QlikRequest *request)
{
    HostProbeResult result;
    result.host = m_host;
    if (request->failure().isFailure()) {
        interpretFailure(request->failure(), result);
        deliver(result);
        return;
    }

    result.httpStatus = request->httpStatus();
    result.outcome = HostProbeResult::Outcome::NotQlik;
    const int status = result.httpStatus;
    const QString where = displayAddress();
    if (interpretLogin(request, result)) {
        if (m_host.isShortName() || m_host.isIpAddress()) {
            // Only full names: another short name or an IP address would not help.
            result.certificateNames = CertificateNames::offeredInstead(request->peerCertificate(), m_host.host());
            result.certificateNames.removeIf(
                [](const QString &name) { return !name.contains(u'.') || !QHostAddress(name).isNull(); });
        }
        readRelease(result);
        return;
    }
    if (result.finding == HostProbeResult::Finding::UnknownVirtualProxy) {
        deliver(result);
        return;
    }
    if (status == 400 && request->body().contains("The http request header is incorrect")) {
        result.finding = HostProbeResult::Finding::HostNotAllowed;
        result.summary.message = tr("Qlik Sense at %1 refused the name %2: it is not on the proxy's host allow list.")
                                     .arg(where, m_host.displayHost());
        result.summary.advice = m_host.isShortName() || m_host.isIpAddress()
            ? tr("Enter the server's full name, such as qlik.yourcompany.com, as your browser shows it when you open "
                 "the hub.")
            : tr("Enter the name your browser shows when you open the hub, or ask your Qlik administrator to add %1 "
                 "to the host allow list of the virtual proxy (QMC › Virtual proxies).")
                  .arg(m_host.displayHost());
        deliver(result);
        return;
    }
    if (status == 200 && request->json().object().contains(QLatin1String("buildVersion"))) {
        // The QRS answered without a sign-in: a virtual proxy that lets anonymous users in.
        result.outcome = HostProbeResult::Outcome::Found;
        readRelease(result);
        return;
    }
    if (status >= 500) {
        result.summary.message = tr("%1 has a problem on its side right now (HTTP %2).").arg(where).arg(status);
        result.summary.advice = tr("Try again in a few minutes. If it persists, ask your Qlik administrator to check "
                                   "the Qlik Sense services.");
        deliver(result);
        return;
    }
    result.summary.message = tr("%1 answered, but it is not Qlik Sense Enterprise (HTTP %2).").arg(where).arg(status);
    result.summary.advice = tr("Enter the address you open the hub with, such as qlik.yourcompany.com, without a "
                               "port. Your Qlik administrator knows it.");
    lookForCloudTenant(result);
}

bool EnterpriseHostProbe::interpretLogin(QlikRequest *request, HostProbeResult &result)
{
    const int status = request->httpStatus();
    if (status == 401) {
        const QByteArray challenge = request->header("WWW-Authenticate").toLower();
        if (!challenge.startsWith("ntlm") && !challenge.startsWith("negotiate"))
            return false;
        result.outcome = HostProbeResult::Outcome::Found;
        return true;
    }
    if (!isRedirect(status))
        return false;

    const QUrl target = request->finalUrl().resolved(QUrl::fromEncoded(request->header("Location")));
    if (SenseLoginPage::kindOf(target) == SenseLoginPage::Kind::None)
        return false;
    const QString loginPrefix = SenseLoginPage::prefixOf(target);
    if (!m_host.virtualProxyPrefix().isEmpty() && loginPrefix.isEmpty()) {
        // Qlik Sense serves an unknown prefix with its default virtual proxy, whose login has no prefix.
        result.finding = HostProbeResult::Finding::UnknownVirtualProxy;
        result.summary.message = tr("%1 is Qlik Sense, but “%2” is none of its virtual proxies: the default virtual "
                                    "proxy answered instead.")
                                     .arg(m_host.displayHostAndPort(), m_host.virtualProxyPrefix());
        result.summary.advice = tr("Check the prefix in the QMC under Virtual proxies, or remove it from the address "
                                   "to sign in through the default virtual proxy.");
        return false;
    }
    result.outcome = HostProbeResult::Outcome::Found;
    return true;
}

void EnterpriseHostProbe::interpretFailure(const RequestFailure &failure, HostProbeResult &result)
{
    result.failure = failure;
    result.outcome = failure.kind() == RequestFailure::Kind::Cancelled ? HostProbeResult::Outcome::Cancelled
                                                                       : HostProbeResult::Outcome::Unreachable;
    result.summary = RequestProblem::fromFailure(failure);
    const QString where = displayAddress();
    switch (failure.kind()) {
    case RequestFailure::Kind::ClientCertificateRefused:
        result.finding = HostProbeResult::Finding::CertificatePort;
        if (m_host.port() == 4242) {
            result.outcome = HostProbeResult::Outcome::Found;
            result.summary.message = tr("%1 is the port of the Qlik Sense Repository Service (QRS), which lets in "
                                        "only a client certificate.")
                                         .arg(where);
        } else {
            result.outcome = HostProbeResult::Outcome::NotQlik;
            result.summary.message = tr("%1 wants a client certificate before it answers.").arg(where);
        }
        result.summary.advice = tr("Sign in with a certificate bundle exported from the QMC, or use the proxy's "
                                   "address without a port for a Windows sign-in.");
        break;
    case RequestFailure::Kind::TlsUntrusted:
        // A default install serves a certificate from the site's own CA, which no computer trusts until told to.
        result.summary.advice = tr("Qlik Sense sites usually have a certificate from their own certificate authority "
                                   "(SERVERNAME-CA), which this computer does not know yet. Review the certificate: "
                                   "trust the site's CA for this server only, or load root.pem or root.cer from the "
                                   "QMC's certificate export. Compare the fingerprint with the one your Qlik "
                                   "administrator sees first.");
        break;
    case RequestFailure::Kind::NameNotFound:
        if (m_host.isShortName()) {
            result.summary.advice += u' '
                + tr("If the server has a full name, such as %1.yourcompany.com, enter that.")
                      .arg(m_host.displayHost());
        }
        break;
    default:
        break;
    }
}

void EnterpriseHostProbe::lookForCloudTenant(const HostProbeResult &notSense)
{
    // At the origin's root: a tenant publishes its sign-in metadata there, not below a prefix.
    QUrl url = m_host.baseUrl();
    url.setPath(QStringLiteral("/.well-known/oauth-authorization-server"));
    QlikRequest *request = send(url);
    run(request, [this, notSense](QlikRequest *answered) {
        HostProbeResult result = notSense;
        const QJsonDocument document = answered->isSuccess() ? answered->json() : QJsonDocument();
        QStringList problems;
        if (document.isObject() && AuthorizationServerMetadata::fromJson(document.object(), &problems)) {
            result.finding = HostProbeResult::Finding::QlikCloudTenant;
            result.summary.message =
                tr("%1 is a Qlik Cloud tenant, not Qlik Sense Enterprise.").arg(m_host.displayHostAndPort());
            result.summary.advice = tr("Go back and choose Qlik Cloud.");
        }
        deliver(result);
    });
}

void EnterpriseHostProbe::readRelease(HostProbeResult found)
{
    emit progress(tr("Found Qlik Sense at %1; asking which release it is…").arg(displayAddress()));
    QlikRequest *request = send(urlFor(QStringLiteral("/resources/autogenerated/product-info.json")));
    run(request, [this, found](QlikRequest *answered) mutable {
        if (answered->isSuccess()) {
            const QJsonObject composition = answered->json().object().value(QLatin1String("composition")).toObject();
            QString release = composition.value(QLatin1String("releaseLabel")).toString().simplified();
            if (release.isEmpty())
                release = composition.value(QLatin1String("version")).toString().simplified();
            found.release = release.left(kLongestRelease);
        }
        const QString where = displayAddress();
        if (found.release.isEmpty())
            found.summary.message = tr("Found Qlik Sense Enterprise at %1.").arg(where);
        else
            found.summary.message = tr("Found Qlik Sense Enterprise %1 at %2.").arg(found.release, where);
        if (!found.certificateNames.isEmpty()) {
            found.summary.advice = tr("Its certificate names it %1. The host allow list, JWT sign-in and Dawiso need "
                                      "that full name: use it instead of %2.")
                                       .arg(found.certificateNames.first(), m_host.displayHost());
        }
        deliver(found);
    });
}

void EnterpriseHostProbe::deliver(const HostProbeResult &result)
{
    finish([this, result] { emit finished(result); });
}

} // namespace Dawiso
