#include "enterprise/EnterpriseConnectionCheck.h"

#include "enterprise/EngineProbe.h"
#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qrs/QrsClient.h"
#include "qrs/QrsFilter.h"
#include "qrs/QrsProblem.h"
#include "signing/JsonWebToken.h"
#include "token/SecureMemory.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkCookie>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>

namespace Dawiso {

namespace {

const QString sessionId = QStringLiteral("session");
const QString identityId = QStringLiteral("identity");
const QString qrsId = QStringLiteral("qrs");
const QString rolesId = QStringLiteral("roles");
const QString contentId = QStringLiteral("content");
const QString appAccessId = QStringLiteral("app-access");
const QString engineId = QStringLiteral("engine");

// The proxy's words for a Host not on the allow list and for a virtual proxy no proxy service serves.
constexpr char headerIncorrect[] = "The http request header is incorrect";

} // namespace

EnterpriseConnectionCheck::EnterpriseConnectionCheck(QNetworkAccessManager *network, const TlsTrust *trust,
                                                     QObject *parent)
    : EnterpriseConnectionCheck(new QrsClient(network, trust), trust, parent)
{ }

EnterpriseConnectionCheck::EnterpriseConnectionCheck(QrsClient *qrs, const TlsTrust *trust, QObject *parent)
    : ConnectionCheck(qrs->qlikClient(), parent)
    , m_qrs(qrs)
    , m_engine(new EngineProbe(trust, this))
{
    m_qrs->setParent(this);
    connect(m_engine, &EngineProbe::progress, this, &EnterpriseConnectionCheck::progress);
    connect(m_engine, &EngineProbe::finished, this, &EnterpriseConnectionCheck::onEngineFinished);
}

EnterpriseConnectionCheck::~EnterpriseConnectionCheck()
{
    released();
}

void EnterpriseConnectionCheck::setRestartWait(int totalMs, int pollMs)
{
    m_restartWaitMs = totalMs;
    m_restartPollMs = pollMs;
}

void EnterpriseConnectionCheck::setRequestTimeout(std::chrono::milliseconds timeout)
{
    QlikRequestOptions options = client()->defaultOptions();
    options.timeout = timeout;
    client()->setDefaultOptions(options);
    m_sessionTimeout = timeout;
}

void EnterpriseConnectionCheck::setServiceUser(const QString &userDirectory, const QString &userId)
{
    m_expectedDirectory = userDirectory;
    m_expectedUserId = userId;
}

QList<CheckResult> EnterpriseConnectionCheck::plannedChecks() const
{
    return plan();
}

QList<CheckResult> EnterpriseConnectionCheck::plan()
{
    return {
        CheckResult::planned(sessionId, tr("The proxy accepts the token")),
        CheckResult::planned(identityId, tr("The token is the service user")),
        CheckResult::planned(qrsId, tr("The repository answers through the proxy")),
        CheckResult::planned(rolesId, tr("The service user's admin roles")),
        CheckResult::planned(contentId, tr("The service user sees streams and apps")),
        CheckResult::planned(appAccessId, tr("Apps can be opened, not only listed")),
        CheckResult::planned(engineId, tr("The engine opens an app and its load script")),
    };
}

void EnterpriseConnectionCheck::reset()
{
    ++m_sessionAttempt;
    SecureMemory::wipe(m_token);
    m_engine->cancel();
    m_hasSession = false;
    SecureMemory::wipe(m_cookieHeader);
    SecureMemory::wipe(m_csrfToken);
    m_userDirectory.clear();
    m_userId.clear();
    m_buildVersion.clear();
    m_roles.clear();
    m_streams = m_apps = m_openable = -1;
    m_sampleAppId.clear();
    m_sampleAppName.clear();
    m_engineApp.clear();
}

void EnterpriseConnectionCheck::released()
{
    ++m_sessionAttempt;
    SecureMemory::wipe(m_token);
    m_engine->cancel();
    client()->clearApiKey();
    m_qrs->clearIdentity();
    SecureMemory::wipe(m_cookieHeader);
    SecureMemory::wipe(m_csrfToken);
}

QString EnterpriseConnectionCheck::serviceUserAccount() const
{
    if (!m_userId.isEmpty())
        return m_userDirectory + QLatin1Char('\\') + m_userId;
    if (!m_expectedUserId.isEmpty())
        return m_expectedDirectory + QLatin1Char('\\') + m_expectedUserId;
    return {};
}

QString EnterpriseConnectionCheck::serviceUser() const
{
    const QString account = serviceUserAccount();
    return account.isEmpty() ? tr("the token's user") : account;
}

QString EnterpriseConnectionCheck::prefixPath() const
{
    return m_prefix.isEmpty() ? QStringLiteral("/") : QStringLiteral("/%1").arg(m_prefix);
}

void EnterpriseConnectionCheck::runChecks(const QByteArray &token)
{
    // The token's own id and expiry, read without verifying it (the proxy does that): for the report only.
    if (const std::optional<JwtClaims> claims = JsonWebToken::readUnverified(token)) {
        currentReport().keyId = claims->jti;
        currentReport().keyExpiry = claims->expiresAt;
    }
    QUrl base(QStringLiteral("https://") + currentReport().host);
    if (!m_prefix.isEmpty())
        base.setPath(QLatin1Char('/') + m_prefix);
    m_qrs->setBaseUrl(base);

    setResult(sessionId, CheckStatus::Running, tr("Asking the proxy for a session with the token…"));
    emit progress(tr("Asking the Qlik proxy for a session; a proxy that has been idle can take 15 to 20 seconds…"));
    SecureMemory::wipe(m_token);
    m_token = token;
    m_restartWaitEndsMs = QDateTime::currentMSecsSinceEpoch() + m_restartWaitMs;
    askForSession();
}

void EnterpriseConnectionCheck::askForSession()
{
    QlikRequestOptions options = client()->defaultOptions();
    options.authenticated = true;
    options.timeout = m_sessionTimeout;
    // The only request that carries the token; the rest go with the session it makes.
    client()->setApiKey(m_token);
    QlikRequest *request = client()->send(m_qrs->urlFor(QStringLiteral("/qps/csrftoken")), options);
    client()->clearApiKey();
    runCounted(request, [this](QlikRequest *answered) { onSession(answered); });
}

UserMessage EnterpriseConnectionCheck::sessionRefusal(const QlikRequest *request) const
{
    const QString host = request->requestedUrl().host();
    const QString proxy = prefixPath();
    const QString said = QString::fromUtf8(request->body().trimmed().left(200));
    UserMessage problem;
    problem.detail = said.isEmpty() ? tr("HTTP %1").arg(request->httpStatus())
                                    : tr("HTTP %1: %2").arg(QString::number(request->httpStatus()), said);
    switch (request->httpStatus()) {
    case 400:
        if (request->body().contains(headerIncorrect)) {
            problem.message = tr("The proxy refused the request (HTTP 400, \"The http request header is "
                                 "incorrect\"): the virtual proxy %1 is not linked to the central proxy, or %2 is "
                                 "not on its host allow list.")
                                  .arg(proxy, host);
            problem.advice =
                tr("In the QMC, open Virtual proxies › %1: its Host allow list must hold %2 exactly as Dawiso uses "
                   "it (the full name such as qlikserver.company.com; a short name or an IP address is refused), "
                   "and under Associated items › Proxies it must be linked to the central node's proxy.")
                    .arg(proxy, host);
            return problem;
        }
        break;
    case 401:
        problem.message = tr("The proxy did not accept the token (HTTP 401). Qlik does not say which part failed.");
        problem.advice =
            tr("Check, in this order: the token has not expired; it was signed with the key whose certificate is in "
               "QMC › Virtual proxies › %1 › Authentication (JWT certificate); its claims carry the user ID and user "
               "directory under the names set there (JWT attribute for user ID and for user directory); and the "
               "user is the one Dawiso should use. When in doubt, make a new token with this wizard.")
                .arg(proxy);
        return problem;
    case 403:
        if (said.contains(QLatin1String("inactive"), Qt::CaseInsensitive)) {
            problem.message = tr("The proxy says the service user's account is inactive (HTTP 403).");
            problem.advice = tr("In QMC › Users, select %1, choose Edit, clear Inactive and apply.").arg(serviceUser());
        } else {
            problem.message = tr("The proxy refused access (HTTP 403).");
            problem.advice = tr("Check that %1 is on the Host allow list of QMC › Virtual proxies › %2 and that the "
                                "service user is active in QMC › Users.")
                                 .arg(host, proxy);
        }
        return problem;
    case 404:
        problem.message = tr("Qlik at %1 has no virtual proxy with the prefix %2 (HTTP 404).").arg(host, proxy);
        problem.advice = tr("Check the prefix in QMC › Virtual proxies, and that the proxy is linked to the central "
                            "node's proxy service.");
        return problem;
    case 503:
        problem.message = tr("The Qlik proxy is restarting (HTTP 503), as it does after a virtual proxy is linked "
                             "or changed.");
        problem.advice = tr("Wait a minute, then run the check again.");
        return problem;
    default:
        break;
    }
    if (request->httpStatus() >= 300 && request->httpStatus() < 400) {
        problem.message =
            tr("The virtual proxy %1 sent the wizard to a sign-in page instead of accepting the token: it does not "
               "use JWT authentication.")
                .arg(proxy);
        problem.advice =
            tr("Check the prefix, and that QMC › Virtual proxies › %1 › Authentication method is JWT.").arg(proxy);
        return problem;
    }
    return QrsProblem::describe(request, tr("Asking the proxy for a session"), QrsClient::Identity::None);
}

UserMessage EnterpriseConnectionCheck::refusal(const QlikRequest *request, const QString &action) const
{
    if (!request->failure().isFailure() && request->httpStatus() == 503)
        return sessionRefusal(request);
    return QrsProblem::describe(request, action, m_qrs->identity());
}

void EnterpriseConnectionCheck::failWith(const QString &id, const UserMessage &problem)
{
    setResult(id, CheckStatus::Fail, problem.message, problem.advice);
}

void EnterpriseConnectionCheck::onSession(QlikRequest *request)
{
    if (request->failure().isFailure()) {
        QString advice = request->failure().advice();
        if (request->failure().kind() == RequestFailure::Kind::TimedOut) {
            advice = tr("A proxy that has not served anyone for a while can take 15 to 20 seconds to answer; this "
                        "one gave no answer in %1 seconds. Check that the Qlik Sense Proxy Service runs, then try "
                        "again.")
                         .arg(std::chrono::duration_cast<std::chrono::seconds>(m_sessionTimeout).count());
        }
        failUnreachable(request->failure().message(), advice);
        return;
    }
    // A proxy restarts for 10 to 30 seconds after a virtual proxy is linked (and a check right after the wizard linked
    // one through the repository's own port does not know when it ends): wait it out, within bounds.
    if (request->httpStatus() == 503 && QDateTime::currentMSecsSinceEpoch() < m_restartWaitEndsMs) {
        emit progress(tr("The Qlik proxy is restarting, as it does after a virtual proxy is linked; asking again in "
                         "a moment…"));
        const int run = m_sessionAttempt;
        QTimer::singleShot(m_restartPollMs, this, [this, run] {
            if (run == m_sessionAttempt && isRunning())
                askForSession();
        });
        return;
    }
    SecureMemory::wipe(m_token);
    if (!request->isSuccess()) {
        failWith(sessionId, sessionRefusal(request));
        stopAfter(tr("Not checked: the proxy did not accept the token."));
        return;
    }
    QByteArray cookieName;
    QByteArray cookieValue;
    for (const QNetworkCookie &cookie : QNetworkCookie::parseCookies(request->header("Set-Cookie"))) {
        if (cookieName.isEmpty() || cookie.name().startsWith("X-Qlik-Session")) {
            cookieName = cookie.name();
            cookieValue = cookie.value();
        }
    }
    m_csrfToken = request->header("qlik-csrf-token");
    if (cookieName.isEmpty()) {
        setResult(sessionId, CheckStatus::Fail,
                  tr("The proxy answered but made no session: its answer set no session cookie."),
                  tr("Check that %1 is a JWT virtual proxy (QMC › Virtual proxies › Authentication method JWT) with "
                     "a session cookie header name.")
                      .arg(prefixPath()));
        stopAfter(tr("Not checked: there is no session."));
        return;
    }
    m_hasSession = true;
    m_cookieHeader = cookieName + '=' + cookieValue;
    m_qrs->setSessionCookie(cookieName, cookieValue);
    SecureMemory::wipe(cookieValue);
    setResult(
        sessionId, CheckStatus::Pass,
        m_csrfToken.isEmpty()
            ? tr("The proxy accepted the token and made a session, but sent no CSRF token.")
            : tr("The proxy accepted the token and made a session (cookie %1).").arg(QString::fromLatin1(cookieName)));

    setResult(identityId, CheckStatus::Running, tr("Asking the proxy whose session it is…"));
    runCounted(m_qrs->get(QStringLiteral("/qps/user")), [this](QlikRequest *answered) { onIdentity(answered); });
}

void EnterpriseConnectionCheck::onIdentity(QlikRequest *request)
{
    if (!request->isSuccess()) {
        failWith(identityId, refusal(request, tr("Asking the proxy whose session it is")));
        stopAfter(tr("Not checked: the session's user is not known."));
        return;
    }
    const QJsonObject user = request->json().object();
    m_userDirectory = user.value(QStringLiteral("userDirectory")).toString();
    m_userId = user.value(QStringLiteral("userId")).toString();
    currentReport().userId = serviceUser();
    currentReport().userName = user.value(QStringLiteral("userName")).toString();
    if (m_userId.isEmpty()) {
        setResult(identityId, CheckStatus::Fail, tr("The proxy did not say whose session it is."),
                  tr("Try again; if it keeps happening, save a report for Dawiso support."));
        stopAfter(tr("Not checked: the session's user is not known."));
        return;
    }
    const bool expected = m_expectedUserId.isEmpty()
        || (m_userId.compare(m_expectedUserId, Qt::CaseInsensitive) == 0
            && m_userDirectory.compare(m_expectedDirectory, Qt::CaseInsensitive) == 0);
    if (!expected) {
        setResult(identityId, CheckStatus::Fail,
                  tr("The token stands for %1, not for the service user %2.")
                      .arg(serviceUser(), m_expectedDirectory + QLatin1Char('\\') + m_expectedUserId),
                  tr("Make a token for %1 with this wizard; Dawiso reads with the rights of whoever the token names.")
                      .arg(m_expectedDirectory + QLatin1Char('\\') + m_expectedUserId));
        stopAfter(tr("Not checked: the token is not the service user's."));
        return;
    }
    setResult(identityId, CheckStatus::Pass, tr("The session is %1's.").arg(serviceUser()));

    setResult(qrsId, CheckStatus::Running, tr("Asking the repository for its version…"));
    runCounted(m_qrs->get(QStringLiteral("/qrs/about")), [this](QlikRequest *answered) { onAbout(answered); });
}

void EnterpriseConnectionCheck::onAbout(QlikRequest *request)
{
    if (!request->isSuccess()) {
        failWith(qrsId, refusal(request, tr("Asking the repository for its version")));
        stopAfter(tr("Not checked: the repository did not answer."));
        return;
    }
    // Anything but the QRS's own object (a page a proxy in front put there, an answer cut short) is no QRS answer.
    const QJsonDocument about = request->json();
    if (!about.isObject()) {
        setResult(qrsId, CheckStatus::Fail, tr("The Qlik Sense Repository Service's answer could not be read."),
                  tr("Check that the address is the Qlik Sense server's own and not another service in front of it, "
                     "then try again. If it keeps happening, save a report for Dawiso support."));
        stopAfter(tr("Not checked: the repository did not answer."));
        return;
    }
    m_buildVersion = about.object().value(QStringLiteral("buildVersion")).toString();
    setResult(qrsId, CheckStatus::Pass,
              m_buildVersion.isEmpty()
                  ? tr("The Qlik Sense Repository Service answered through the proxy.")
                  : tr("The Qlik Sense Repository Service answered through the proxy (build %1).").arg(m_buildVersion));

    setResult(rolesId, CheckStatus::Running, tr("Reading the service user's roles…"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"),
                       QrsFilter::allEqual(
                           {{QStringLiteral("userId"), m_userId}, {QStringLiteral("userDirectory"), m_userDirectory}}));
    runCounted(m_qrs->get(QStringLiteral("/qrs/user/full"), query),
               [this](QlikRequest *answered) { onRoles(answered); });
}

void EnterpriseConnectionCheck::onRoles(QlikRequest *request)
{
    const QString who = serviceUser();
    const QString reach = tr("RootAdmin lets Dawiso read everything through the repository (the QMC context); it "
                             "does not open apps in the hub or the engine, which need a read rule.");
    if (!request->isSuccess()) {
        const UserMessage problem = refusal(request, tr("Reading the service user's roles"));
        setResult(rolesId, CheckStatus::Warn, problem.message, problem.advice);
    } else if (request->json().array().isEmpty()) {
        setResult(rolesId, CheckStatus::Warn,
                  tr("%1 cannot read its own user record, so it has no admin role.").arg(who) + u' ' + reach,
                  tr("If Dawiso should see everything in the repository, give %1 the RootAdmin role in QMC › Users "
                     "(Edit, Admin roles).")
                      .arg(who));
    } else {
        const QJsonObject user = request->json().array().first().toObject();
        const QJsonArray roles = user.value(QStringLiteral("roles")).toArray();
        for (const QJsonValue &role : roles)
            m_roles << role.toString();
        if (m_roles.contains(QStringLiteral("RootAdmin"), Qt::CaseInsensitive)) {
            setResult(rolesId, CheckStatus::Pass, tr("%1 has the RootAdmin role.").arg(who) + u' ' + reach);
        } else {
            setResult(rolesId, CheckStatus::Warn,
                      (m_roles.isEmpty()
                           ? tr("%1 has no admin role.").arg(who)
                           : tr("%1 has the roles %2, but not RootAdmin.").arg(who, m_roles.join(QStringLiteral(", "))))
                          + u' ' + reach,
                      tr("Dawiso sees in the repository only what security rules let %1 read. For everything, give "
                         "it RootAdmin in QMC › Users (Edit, Admin roles).")
                          .arg(who));
        }
    }

    setResult(contentId, CheckStatus::Running, tr("Counting the streams and apps the service user sees…"));
    runCounted(m_qrs->get(QStringLiteral("/qrs/stream/count")),
               [this](QlikRequest *answered) { onStreamCount(answered); });
}

void EnterpriseConnectionCheck::onStreamCount(QlikRequest *request)
{
    if (request->isSuccess() && request->json().object().value(QStringLiteral("value")).isDouble())
        m_streams = request->json().object().value(QStringLiteral("value")).toInt();
    runCounted(m_qrs->get(QStringLiteral("/qrs/app/count")), [this](QlikRequest *answered) { onAppCount(answered); });
}

void EnterpriseConnectionCheck::onAppCount(QlikRequest *request)
{
    const QString who = serviceUser();
    if (!request->isSuccess()) {
        failWith(contentId, refusal(request, tr("Counting the apps")));
    } else if (!request->json().object().value(QStringLiteral("value")).isDouble()) {
        setResult(contentId, CheckStatus::Fail, tr("The repository's count of apps could not be read."),
                  tr("Try again; if it keeps happening, save a report for Dawiso support."));
    } else {
        m_apps = request->json().object().value(QStringLiteral("value")).toInt();
        const QString streams =
            m_streams < 0 ? tr("an unknown number of streams") : tr("%n stream(s)", nullptr, m_streams);
        if (m_apps == 0) {
            setResult(contentId, CheckStatus::Warn,
                      tr("%1 sees no apps (and %2): no security rule lets it read any.").arg(who, streams),
                      tr("In QMC › Security rules, create a rule for %1 on App_*, Stream_* and App.Object_* with "
                         "the action Read and the context Both, or give it RootAdmin in QMC › Users.")
                          .arg(who));
        } else if (m_streams < 0) {
            setResult(
                contentId, CheckStatus::Warn,
                tr("%1 sees %n app(s) in the repository; its count of streams could not be read.", nullptr, m_apps)
                    .arg(who),
                tr("This does not stop Dawiso; check again later. If it keeps happening, save a report for "
                   "Dawiso support."));
        } else {
            setResult(contentId, CheckStatus::Pass,
                      tr("%1 sees %n app(s) in the repository, and %2.", nullptr, m_apps).arg(who, streams));
        }
    }

    setResult(appAccessId, CheckStatus::Running, tr("Reading the apps the service user can open…"));
    runCounted(m_qrs->get(QStringLiteral("/qrs/app/hublist/full")),
               [this](QlikRequest *answered) { onHubList(answered); });
}

void EnterpriseConnectionCheck::onHubList(QlikRequest *request)
{
    const QString who = serviceUser();
    if (!request->isSuccess() || !request->json().isArray()) {
        const UserMessage problem = request->isSuccess()
            ? UserMessage {tr("The list of apps the service user can open could not be read."),
                           tr("Try again; if it keeps happening, save a report for Dawiso support."),
                           {}}
            : refusal(request, tr("Reading the apps the service user can open"));
        failWith(appAccessId, problem);
        setResult(engineId, CheckStatus::Skipped, tr("Not checked: no app is known that could be opened."));
        endSession();
        return;
    }
    QList<QPair<QString, QString>> openable; // name, id
    const QJsonArray entries = request->json().array();
    for (const QJsonValue &value : entries) {
        const QJsonObject app = value.toObject();
        const QString id = app.value(QStringLiteral("id")).toString();
        if (!id.isEmpty())
            openable.append({app.value(QStringLiteral("name")).toString(), id});
    }
    m_openable = int(openable.size());
    // The same sample every time, so that reports compare.
    std::sort(openable.begin(), openable.end());
    if (!openable.isEmpty()) {
        m_sampleAppName = openable.first().first;
        m_sampleAppId = openable.first().second;
    }
    const int total = std::max(m_apps, m_openable);
    const QString fix = tr("For every app, add a security rule in QMC › Security rules for %1 on App_*, Stream_* and "
                           "App.Object_* with the action Read and the context Both (the hub and the QMC), or accept "
                           "that Dawiso reads only the apps published to streams %1 can read.")
                            .arg(who);
    const QString counted = tr("%1 of %n app(s) can be opened by %2.", nullptr, total).arg(m_openable).arg(who);
    if (m_openable == 0 && total > 0) {
        setResult(appAccessId, CheckStatus::Fail,
                  counted + u' ' + tr("Dawiso would see the apps' names but not their sheets or load scripts."), fix);
    } else if (m_openable < total) {
        setResult(appAccessId, CheckStatus::Warn,
                  counted + u' ' + tr("The others are listed in the repository but not in the hub."), fix);
    } else if (total == 0) {
        setResult(
            appAccessId, CheckStatus::Warn, tr("There is no app to open."),
            tr("Dawiso will have nothing to catalog until apps are published or a read rule gives %1 apps.").arg(who));
    } else {
        setResult(appAccessId, CheckStatus::Pass, counted);
    }
    startEngine();
}

void EnterpriseConnectionCheck::startEngine()
{
    if (m_sampleAppId.isEmpty()) {
        setResult(engineId, CheckStatus::Skipped, tr("Not checked: there is no app the service user can open."));
        endSession();
        return;
    }
    setResult(engineId, CheckStatus::Running, tr("Opening “%1” in the Qlik engine…").arg(m_sampleAppName));
    m_engine->start(m_qrs->baseUrl(), m_sampleAppId, m_cookieHeader, m_csrfToken);
}

void EnterpriseConnectionCheck::onEngineFinished()
{
    if (!isRunning())
        return;
    currentReport().counts.requests += 1 + m_engine->rateLimitWaits();
    const QString app = tr("“%1”").arg(m_sampleAppName);
    const QString who = serviceUser();
    const QString socketUnconfirmed =
        tr("(A live proxy may answer the WebSocket handshake with HTTP 403 instead of closing it with code 1008; "
           "both mean the same here.)");
    switch (m_engine->outcome()) {
    case EngineProbe::Outcome::Opened:
        m_engineApp = m_sampleAppName;
        setResult(engineId, CheckStatus::Pass,
                  tr("The engine opened %1 without data and sent its layout and its load script (%n character(s)).",
                     nullptr, m_engine->scriptLength())
                      .arg(app));
        break;
    case EngineProbe::Outcome::Forbidden:
        setResult(engineId, CheckStatus::Fail,
                  tr("The proxy refused the engine's WebSocket (%1): its cross-site check failed (the session "
                     "cookie, the CSRF token or the Origin).")
                          .arg(m_engine->handshakeStatus() == 403
                                   ? tr("HTTP 403")
                                   : tr("closed with code %1").arg(m_engine->closeCode()))
                      + u' ' + socketUnconfirmed,
                  tr("Check that the Host allow list of QMC › Virtual proxies › %1 holds the server's name exactly "
                     "as Dawiso uses it; the engine checks the WebSocket's Origin against that list.")
                      .arg(prefixPath()));
        break;
    case EngineProbe::Outcome::LicenseAccessDenied:
        setResult(engineId, CheckStatus::Fail,
                  tr("The engine refused %1: it has no access allocation (OnLicenseAccessDenied).").arg(who),
                  tr("In QMC › License management › Professional access allocations (or Analyzer access "
                     "allocations), choose Allocate and add %1.")
                      .arg(who));
        break;
    case EngineProbe::Outcome::TooManySessions:
        setResult(engineId, CheckStatus::Fail,
                  tr("The engine refused %1: it has too many sessions open at once "
                     "(OnMaxParallelSessionsExceeded).")
                      .arg(who),
                  tr("Wait for its other sessions to time out, or end them in QMC › Sessions, then check again."));
        break;
    case EngineProbe::Outcome::AccessDenied:
        setResult(engineId, CheckStatus::Fail,
                  tr("The hub lists %1, but the engine refused to open it for %2 (Access denied).").arg(app, who),
                  tr("Add a read rule for %1 with the context Both in QMC › Security rules.").arg(who));
        break;
    case EngineProbe::Outcome::AppNotFound:
        setResult(engineId, CheckStatus::Fail, tr("The engine did not find %1 (App not found).").arg(app),
                  tr("The app may have been deleted meanwhile; run the check again."));
        break;
    case EngineProbe::Outcome::EngineError:
        setResult(engineId, CheckStatus::Fail,
                  m_engine->engineErrorCode() != 0
                      ? tr("The engine answered with an error while reading %1: %2 (code %3).")
                            .arg(app, m_engine->engineErrorMessage())
                            .arg(m_engine->engineErrorCode())
                      : tr("The engine closed the WebSocket while reading %1 (code %2%3).")
                            .arg(app)
                            .arg(m_engine->closeCode())
                            .arg(m_engine->closeReason().isEmpty() ? QString()
                                                                   : QStringLiteral(", ") + m_engine->closeReason()),
                  tr("Try again; if it keeps happening, the engine log on the node says why."));
        break;
    case EngineProbe::Outcome::HandshakeRefused:
        setResult(engineId, CheckStatus::Fail,
                  tr("The proxy refused the engine's WebSocket with HTTP %1.").arg(m_engine->handshakeStatus()),
                  m_engine->handshakeStatus() == 503
                      ? tr("The proxy is restarting: wait a minute, then run the check again.")
                      : tr("Check that nothing between this computer and Qlik blocks WebSockets (a web proxy or "
                           "firewall), then try again."));
        break;
    case EngineProbe::Outcome::Failed:
        setResult(engineId, CheckStatus::Fail, m_engine->failure().message(), m_engine->failure().advice());
        break;
    case EngineProbe::Outcome::None:
        break;
    }
    endSession();
}

void EnterpriseConnectionCheck::stopAfter(const QString &skippedBecause)
{
    skipPending(skippedBecause);
    endSession();
}

void EnterpriseConnectionCheck::endSession()
{
    if (!m_hasSession) {
        finish(verdictFromResults());
        return;
    }
    m_hasSession = false;
    emit progress(tr("Ending the check's session on the proxy…"));
    runCounted(m_qrs->send(QByteArrayLiteral("DELETE"), QStringLiteral("/qps/user")),
               [this](QlikRequest *) { finish(verdictFromResults()); });
}

void EnterpriseConnectionCheck::cancel()
{
    if (isRunning() && m_hasSession) {
        // Not part of the run, which ends now: the request finishes on its own and deletes itself.
        m_hasSession = false;
        m_qrs->send(QByteArrayLiteral("DELETE"), QStringLiteral("/qps/user"))->start();
    }
    ConnectionCheck::cancel();
}

void EnterpriseConnectionCheck::describe(ConnectionReport &report) const
{
    report.credentialIsToken = true;
    const QString counts = QStringLiteral("counts");
    auto count = [](int value) {
        return value < 0 ? tr("not read") : QString::number(value);
    };
    // A count that was not read is null for scripts rather than a number.
    auto countJson = [](int value) {
        return value < 0 ? QJsonValue() : QJsonValue(value);
    };
    report.facts << ReportFact::make(ReportFact::Section::About, tr("Virtual proxy"), prefixPath(),
                                     {QStringLiteral("virtualProxyPrefix")}, m_prefix)
                 << ReportFact::make(ReportFact::Section::About, tr("Service user"), serviceUser(),
                                     {QStringLiteral("serviceUser")}, serviceUserAccount())
                 << ReportFact::make(ReportFact::Section::About, tr("Build"),
                                     m_buildVersion.isEmpty() ? tr("not known") : m_buildVersion,
                                     {QStringLiteral("build")}, m_buildVersion)
                 << ReportFact::make(ReportFact::Section::About, tr("Roles"),
                                     m_roles.isEmpty() ? tr("none") : m_roles.join(QStringLiteral(", ")),
                                     {QStringLiteral("roles")}, QJsonArray::fromStringList(m_roles))
                 << ReportFact::make(ReportFact::Section::Sees, tr("Streams"), count(m_streams),
                                     {counts, QStringLiteral("streams")}, countJson(m_streams))
                 << ReportFact::make(ReportFact::Section::Sees, tr("Apps"), count(m_apps),
                                     {counts, QStringLiteral("apps")}, countJson(m_apps))
                 << ReportFact::make(ReportFact::Section::Sees, tr("Apps that can be opened"), count(m_openable),
                                     {counts, QStringLiteral("openableApps")}, countJson(m_openable))
                 << ReportFact::make(ReportFact::Section::Sees, tr("App opened in the engine"),
                                     m_engineApp.isEmpty() ? tr("none") : m_engineApp, {QStringLiteral("engineApp")},
                                     m_engineApp);
}

} // namespace Dawiso
