#include "cloud/CloudHostProbe.h"

#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"
#include "qrs/SenseLoginPage.h"

#include <QJsonObject>

namespace Dawiso {

CloudHostProbe::CloudHostProbe(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QlikStep(new QlikClient(network, trust), parent)
{
    client()->setParent(this);
}

void CloudHostProbe::start(const ParsedHost &host)
{
    begin();
    m_host = host;
    client()->setBaseUrl(host.baseUrl());
    QlikRequestOptions options;
    options.authenticated = false;
    options.timeout = m_timeout;
    QlikRequest *request =
        client()->send(client()->urlFor(QStringLiteral("/.well-known/oauth-authorization-server")), options);
    // The answer must come from the address that was typed: a certificate, an issuer or endpoints from wherever a
    // redirect points would be taken for the tenant's own.
    request->setSameOriginRedirectsOnly(true);
    connect(request, &QlikRequest::waitingForRateLimit, this, [this](int seconds) {
        emit progress(tr("Qlik asked to wait %n second(s) before asking again…", nullptr, seconds));
    });
    emit progress(tr("Looking for a Qlik Cloud tenant at %1…").arg(host.displayHostAndPort()));
    run(request, [this](QlikRequest *answered) { onFinished(answered); });
}

void CloudHostProbe::cancel()
{
    HostProbeResult result;
    result.host = m_host;
    result.outcome = HostProbeResult::Outcome::Cancelled;
    result.failure = RequestFailure::cancelled();
    result.summary.message = tr("The check was stopped.");
    finishNow([this, result] { emit finished(result); });
}

void CloudHostProbe::onFinished(QlikRequest *request)
{
    HostProbeResult result;
    result.host = m_host;
    interpret(request, result);
    finish([this, result] { emit finished(result); });
}

void CloudHostProbe::interpret(QlikRequest *request, HostProbeResult &result)
{
    m_metadata = AuthorizationServerMetadata();
    const QString where = m_host.displayHostAndPort();
    const QString exampleAdvice = tr("Use the address you see in your browser when you are signed in to Qlik Cloud, "
                                     "for example your-company.eu.qlikcloud.com.");

    if (request->failure().isFailure()) {
        result.failure = request->failure();
        result.outcome = result.failure.kind() == RequestFailure::Kind::Cancelled
            ? HostProbeResult::Outcome::Cancelled
            : HostProbeResult::Outcome::Unreachable;
        result.summary = RequestProblem::fromFailure(result.failure);
        if (result.failure.kind() == RequestFailure::Kind::UnsafeRedirect) {
            result.outcome = HostProbeResult::Outcome::NotQlik;
            result.summary.advice =
                tr("Check the address: it must be your Qlik Cloud tenant's own address, the one you see "
                   "in your browser when you are signed in to Qlik Cloud (for example "
                   "your-company.eu.qlikcloud.com), not a link that forwards to it.");
        }
        return;
    }

    result.httpStatus = request->httpStatus();
    result.outcome = HostProbeResult::Outcome::NotQlik;
    // Qlik Sense Enterprise's proxy sends whoever is not signed in to its own login pages.
    if (SenseLoginPage::kindOf(request->finalUrl()) != SenseLoginPage::Kind::None) {
        result.finding = HostProbeResult::Finding::QlikSenseServer;
        result.summary.message =
            tr("%1 is a Qlik Sense Enterprise server (client-managed), not a Qlik Cloud tenant.").arg(where);
        result.summary.advice = tr("Go back to the first page and choose Qlik Sense Enterprise on Windows, or enter "
                                   "your Qlik Cloud tenant's address here.");
        return;
    }
    const int status = result.httpStatus;
    if (status == 401 || status == 403 || status == 407) {
        result.summary.message = tr("%1 asked for a sign-in before it would answer (HTTP %2).").arg(where).arg(status);
        result.summary.advice = tr("A Qlik Cloud tenant answers this check without one, so this is probably a company "
                                   "proxy or a different server. Check the address and your proxy settings.");
        return;
    }
    if (status >= 500) {
        result.summary.message = tr("%1 has a problem on its side right now (HTTP %2).").arg(where).arg(status);
        result.summary.advice = tr("Try again in a few minutes. If it persists, check Qlik's status page at "
                                   "status.qlikcloud.com.");
        return;
    }
    if (status != 200) {
        result.summary.message = tr("%1 answered, but it is not a Qlik Cloud tenant (HTTP %2).").arg(where).arg(status);
        result.summary.advice = exampleAdvice;
        return;
    }

    QString parseError;
    const QJsonDocument document = request->json(&parseError);
    QStringList problems;
    QString refusal;
    const auto metadata = document.isObject()
        ? AuthorizationServerMetadata::fromJson(document.object(), &problems, &refusal)
        : std::nullopt;
    if (!metadata && !refusal.isEmpty()) {
        result.summary.message = refusal;
        result.summary.advice =
            tr("Check the address: it must be your Qlik Cloud tenant's own address. If it is, save a "
               "report and send it to Dawiso support.");
        return;
    }
    if (!metadata) {
        result.summary.message = tr("%1 answered, but not like a Qlik Cloud tenant.").arg(where);
        result.summary.advice = exampleAdvice;
        return;
    }

    m_metadata = *metadata;
    result.ownHostAndPort = TlsTrust::originKey(metadata->issuer);
    result.outcome = HostProbeResult::Outcome::Found;
    if (result.isAlias()) {
        result.summary.message =
            tr("Found a Qlik Cloud tenant. Its own address is %1; %2 leads to it.").arg(metadata->issuer.host(), where);
        result.summary.advice = tr("Both work. Dawiso is usually given the tenant's own address.");
    } else {
        result.summary.message = tr("Found the Qlik Cloud tenant %1.").arg(where);
    }
}

} // namespace Dawiso
