#include "enterprise/VirtualProxySetup.h"

#include "enterprise/ReadRule.h"
#include "qlik/QlikRequest.h"
#include "qrs/QrsClient.h"
#include "qrs/QrsFilter.h"
#include "qrs/QrsProblem.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QUrlQuery>

namespace Dawiso {

namespace {

constexpr int kConflictRetries = 3;
constexpr int kServiceUnavailable = 503;
constexpr int kConflict = 409;

QJsonArray linkedProxies(const QJsonObject &proxyService)
{
    return proxyService.value(QStringLiteral("settings")).toObject().value(QStringLiteral("virtualProxies")).toArray();
}

} // namespace

VirtualProxySetup::VirtualProxySetup(QrsClient *qrs, QObject *parent)
    : QlikStep(qrs->qlikClient(), parent)
    , m_qrs(qrs)
{
    qRegisterMetaType<Outcome>();
}

QList<CheckResult> VirtualProxySetup::plan(ContentCoverage coverage)
{
    QList<CheckResult> steps;
    if (coverage == ContentCoverage::ReadRule)
        steps << CheckResult {ruleStepId(), tr("Read rule for the service user"), CheckStatus::Pending, {}, {}};
    steps << CheckResult {createStepId(), tr("JWT virtual proxy"), CheckStatus::Pending, {}, {}}
          << CheckResult {linkStepId(), tr("Linked to the central proxy"), CheckStatus::Pending, {}, {}}
          << CheckResult {restartStepId(), tr("The proxy restarted"), CheckStatus::Pending, {}, {}}
          << CheckResult {confirmStepId(), tr("Read back and confirmed"), CheckStatus::Pending, {}, {}};
    return steps;
}

void VirtualProxySetup::setRestartWait(int totalMs, int intervalMs)
{
    m_restartTotalMs = totalMs;
    m_restartIntervalMs = intervalMs;
}

void VirtualProxySetup::start(const VirtualProxySettings &settings, const ServiceUser &user, ContentCoverage coverage,
                              const QString &proxyServiceId, const QString &reuseProxyId)
{
    startAttempt(settings, user, coverage, proxyServiceId, reuseProxyId, false);
}

void VirtualProxySetup::verify(const VirtualProxySettings &settings, const ServiceUser &user, ContentCoverage coverage,
                               const QString &proxyServiceId)
{
    startAttempt(settings, user, coverage, proxyServiceId, {}, true);
}

void VirtualProxySetup::startAttempt(const VirtualProxySettings &settings, const ServiceUser &user,
                                     ContentCoverage coverage, const QString &proxyServiceId,
                                     const QString &reuseProxyId, bool verifying)
{
    begin();
    ++m_generation;
    m_settings = settings;
    m_user = user;
    m_coverage = coverage;
    m_proxyServiceId = proxyServiceId;
    m_reuseProxyId = reuseProxyId;
    m_proxyId.clear();
    m_proxy = {};
    m_verifying = verifying;
    m_linkChanged = false;
    m_conflicts = 0;
    if (coverage == ContentCoverage::ReadRule)
        findRule();
    else
        findProxy();
}

void VirtualProxySetup::cancel()
{
    ++m_generation;
    QlikStep::cancel();
}

void VirtualProxySetup::report(const QString &id, CheckStatus status, const QString &message, const QString &advice)
{
    emit stepChanged(CheckResult {id, QString(), status, message, advice});
}

void VirtualProxySetup::fail(const QString &id, const UserMessage &problem)
{
    report(id, CheckStatus::Fail, problem.message, problem.advice);
    finish([this, outcome = Outcome {false, false, {}, m_proxyId, problem}] { emit finished(outcome); });
}

void VirtualProxySetup::findRule()
{
    report(ruleStepId(), CheckStatus::Running, tr("Looking for the read rule…"));
    run(m_qrs->get(QStringLiteral("/qrs/systemrule/full"),
                   QrsFilter::query(QrsFilter::allEqual({{QStringLiteral("name"), ReadRule::name(m_user)}}))),
        [this](QlikRequest *request) { onRulesRead(request); });
}

void VirtualProxySetup::onRulesRead(QlikRequest *request)
{
    if (!request->isSuccess()) {
        fail(ruleStepId(), QrsProblem::describe(request, tr("Reading the security rules"), m_qrs->identity()));
        return;
    }
    const QJsonArray rules = request->json().array();
    for (const QJsonValue &rule : rules) {
        if (ReadRule::matches(rule.toObject(), m_user)) {
            report(ruleStepId(), CheckStatus::Pass, tr("The rule “%1” is in place.").arg(ReadRule::name(m_user)));
            findProxy();
            return;
        }
    }
    if (m_verifying) {
        fail(ruleStepId(),
             {tr("There is no enabled rule named “%1” that lets %2 read apps, streams and app objects in both "
                 "contexts.")
                  .arg(ReadRule::name(m_user), m_user.account()),
              tr("In the QMC, open Security rules ▸ Create new, and enter the name, resource filter, condition, "
                 "actions (Read) and context (Both in hub and QMC) exactly as shown above.")});
        return;
    }
    report(ruleStepId(), CheckStatus::Running, tr("Creating the read rule…"));
    run(
        m_qrs->send("POST", QStringLiteral("/qrs/systemrule"), {}, QJsonDocument(ReadRule::entity(m_user))),
        [this](QlikRequest *posted) {
            if (!posted->isSuccess()) {
                fail(ruleStepId(), QrsProblem::describe(posted, tr("Creating the read rule"), m_qrs->identity()));
                return;
            }
            report(ruleStepId(), CheckStatus::Pass,
                   tr("Created the rule “%1”: %2 reads every app, stream and app object, in the hub and the QMC.")
                       .arg(ReadRule::name(m_user), m_user.account()));
            findProxy();
        },
        Completion::MustFinish);
}

void VirtualProxySetup::findProxy()
{
    report(createStepId(), CheckStatus::Running,
           tr("Looking for a virtual proxy with the prefix /%1…").arg(m_settings.prefix));
    run(m_qrs->get(QStringLiteral("/qrs/virtualproxyconfig/full"),
                   QrsFilter::query(QrsFilter::allEqual({{QStringLiteral("prefix"), m_settings.prefix}}))),
        [this](QlikRequest *request) { onProxyFound(request); });
}

void VirtualProxySetup::onProxyFound(QlikRequest *request)
{
    if (!request->isSuccess()) {
        fail(createStepId(), QrsProblem::describe(request, tr("Reading the virtual proxies"), m_qrs->identity()));
        return;
    }
    const QJsonArray found = request->json().array();
    if (m_verifying) {
        if (found.isEmpty()) {
            fail(createStepId(),
                 {tr("There is no virtual proxy with the prefix /%1 yet.").arg(m_settings.prefix),
                  tr("In the QMC, open Virtual proxies ▸ Create new and enter the values shown above, then check "
                     "again.")});
            return;
        }
        m_proxy = found.first().toObject();
        m_proxyId = m_proxy.value(QStringLiteral("id")).toString();
        const QStringList differences = m_settings.differences(m_proxy);
        if (!differences.isEmpty()) {
            fail(createStepId(),
                 {tr("The virtual proxy /%1 exists but is not set up as Dawiso needs: %2")
                      .arg(m_settings.prefix, differences.join(QLatin1Char(' '))),
                  tr("Open it in the QMC (Virtual proxies), correct these fields, Apply, and check "
                     "again.")});
            return;
        }
        report(createStepId(), CheckStatus::Pass,
               tr("The virtual proxy /%1 is set up for JWT.").arg(m_settings.prefix));
        readProxyService();
        return;
    }
    if (!found.isEmpty()) {
        const QJsonObject existing = found.first().toObject();
        if (existing.value(QStringLiteral("id")).toString() != m_reuseProxyId) {
            report(createStepId(), CheckStatus::Warn,
                   tr("A virtual proxy with the prefix /%1 exists already.").arg(m_settings.prefix));
            finish([this, outcome = Outcome {false, true, existing, {}, {}}] { emit finished(outcome); });
            return;
        }
        replaceProxy(existing);
        return;
    }
    createProxy();
}

void VirtualProxySetup::createProxy()
{
    report(createStepId(), CheckStatus::Running, tr("Creating the virtual proxy /%1…").arg(m_settings.prefix));
    run(
        m_qrs->send("POST", QStringLiteral("/qrs/virtualproxyconfig"), {}, QJsonDocument(m_settings.toEntity())),
        [this](QlikRequest *request) { onProxyWritten(request, false); }, Completion::MustFinish);
}

void VirtualProxySetup::replaceProxy(const QJsonObject &existing)
{
    report(createStepId(), CheckStatus::Running,
           tr("Giving the virtual proxy /%1 Dawiso's settings and new certificate…").arg(m_settings.prefix));
    const QString id = existing.value(QStringLiteral("id")).toString();
    run(
        m_qrs->send("PUT", QStringLiteral("/qrs/virtualproxyconfig/%1").arg(id), {},
                    QJsonDocument(m_settings.appliedTo(existing))),
        [this](QlikRequest *request) { onProxyWritten(request, true); }, Completion::MustFinish);
}

void VirtualProxySetup::onProxyWritten(QlikRequest *request, bool replacing)
{
    if (replacing && request->httpStatus() == kConflict && ++m_conflicts <= kConflictRetries) {
        findProxy(); // somebody changed it meanwhile: read it again and reapply
        return;
    }
    if (!request->isSuccess()) {
        fail(createStepId(),
             QrsProblem::describe(request,
                                  replacing ? tr("Updating the virtual proxy") : tr("Creating the virtual proxy"),
                                  m_qrs->identity()));
        return;
    }
    m_proxy = request->json().object();
    m_proxyId = m_proxy.value(QStringLiteral("id")).toString();
    m_conflicts = 0;
    report(createStepId(), CheckStatus::Pass,
           replacing ? tr("The virtual proxy /%1 now uses Dawiso's settings and certificate.").arg(m_settings.prefix)
                     : tr("Created the virtual proxy /%1 with JWT authentication.").arg(m_settings.prefix));
    readProxyService();
}

void VirtualProxySetup::readProxyService()
{
    report(linkStepId(), CheckStatus::Running, tr("Reading the central proxy service…"));
    run(m_qrs->get(QStringLiteral("/qrs/proxyservice/%1").arg(m_proxyServiceId)),
        [this](QlikRequest *request) { onProxyServiceRead(request); });
}

bool VirtualProxySetup::isLinked(const QJsonObject &proxyService) const
{
    const QJsonArray proxies = linkedProxies(proxyService);
    for (const QJsonValue &proxy : proxies) {
        if (proxy.toObject().value(QStringLiteral("id")).toString() == m_proxyId)
            return true;
    }
    return false;
}

void VirtualProxySetup::onProxyServiceRead(QlikRequest *request)
{
    if (!request->isSuccess()) {
        fail(linkStepId(), QrsProblem::describe(request, tr("Reading the central proxy service"), m_qrs->identity()));
        return;
    }
    QJsonObject service = request->json().object();
    if (isLinked(service)) {
        report(linkStepId(), CheckStatus::Pass, tr("The central proxy serves /%1.").arg(m_settings.prefix));
        if (m_verifying || !m_linkChanged)
            confirm(m_proxy);
        else
            waitForRestart();
        return;
    }
    if (m_verifying) {
        fail(linkStepId(),
             {tr("The virtual proxy /%1 is not linked to the central proxy, so the proxy does not "
                 "serve it.")
                  .arg(m_settings.prefix),
              tr("In the QMC, open Virtual proxies ▸ /%1 ▸ Associated items ▸ Proxies ▸ Link, choose "
                 "the central node's proxy and check again.")
                  .arg(m_settings.prefix)});
        return;
    }
    // The whole entity goes back: the QRS resets what a PUT leaves out, and every other linked proxy must stay.
    QJsonObject settings = service.value(QStringLiteral("settings")).toObject();
    QJsonArray proxies = settings.value(QStringLiteral("virtualProxies")).toArray();
    proxies.append(QJsonObject {{QStringLiteral("id"), m_proxyId}});
    settings.insert(QStringLiteral("virtualProxies"), proxies);
    service.insert(QStringLiteral("settings"), settings);
    report(linkStepId(), CheckStatus::Running, tr("Linking /%1 to the central proxy…").arg(m_settings.prefix));
    run(
        m_qrs->send("PUT", QStringLiteral("/qrs/proxyservice/%1").arg(m_proxyServiceId), {}, QJsonDocument(service)),
        [this](QlikRequest *written) { onProxyServiceWritten(written); }, Completion::MustFinish);
}

void VirtualProxySetup::onProxyServiceWritten(QlikRequest *request)
{
    if (request->httpStatus() == kConflict && ++m_conflicts <= kConflictRetries) {
        readProxyService(); // another change came first: start again from what the QRS holds now
        return;
    }
    if (!request->isSuccess()) {
        UserMessage problem =
            QrsProblem::describe(request, tr("Linking the virtual proxy to the central proxy"), m_qrs->identity());
        if (request->httpStatus() == kConflict) {
            problem.advice = tr("The proxy service kept changing while the wizard tried to link /%1. Try again in a "
                                "minute, or link it in the QMC (Virtual proxies ▸ /%1 ▸ Proxies ▸ Link).")
                                 .arg(m_settings.prefix);
        }
        fail(linkStepId(), problem);
        return;
    }
    if (!isLinked(request->json().object())) {
        fail(linkStepId(),
             {tr("The proxy service took the change but does not list /%1.").arg(m_settings.prefix),
              tr("Link it in the QMC (Virtual proxies ▸ /%1 ▸ Proxies ▸ Link).").arg(m_settings.prefix)});
        return;
    }
    m_linkChanged = true;
    report(linkStepId(), CheckStatus::Pass, tr("Linked /%1 to the central proxy.").arg(m_settings.prefix));
    waitForRestart();
}

void VirtualProxySetup::waitForRestart()
{
    m_restartDeadline = QDateTime::currentMSecsSinceEpoch() + m_restartTotalMs;
    report(restartStepId(), CheckStatus::Running,
           tr("The proxy restarts to serve /%1; this takes 10 to 30 seconds…").arg(m_settings.prefix));
    pollRestart();
}

void VirtualProxySetup::pollRestart()
{
    run(m_qrs->get(QStringLiteral("/qrs/virtualproxyconfig/%1").arg(m_proxyId)),
        [this](QlikRequest *request) { onRestartPoll(request); });
}

void VirtualProxySetup::onRestartPoll(QlikRequest *request)
{
    if (request->isSuccess()) {
        report(restartStepId(), CheckStatus::Pass, tr("The proxy answers again."));
        confirm(request->json().object());
        return;
    }
    const bool restarting = request->httpStatus() == kServiceUnavailable || request->failure().isFailure();
    if (!restarting || QDateTime::currentMSecsSinceEpoch() >= m_restartDeadline) {
        UserMessage problem = QrsProblem::describe(request, tr("Waiting for the proxy to restart"), m_qrs->identity());
        if (restarting) {
            problem.advice = tr("The proxy did not come back within a minute. Check the Qlik Sense Proxy Service "
                                "on the central node (QMC ▸ Service cluster, or the Windows services), then go Back "
                                "and try again: what was made stays.");
        }
        fail(restartStepId(), problem);
        return;
    }
    const quint64 generation = m_generation;
    QTimer::singleShot(m_restartIntervalMs, this, [this, generation] {
        if (generation == m_generation && isRunning())
            pollRestart();
    });
}

void VirtualProxySetup::confirm(const QJsonObject &proxy)
{
    m_proxy = proxy;
    if (m_verifying) {
        report(restartStepId(), CheckStatus::Skipped, tr("Nothing changed, so the proxy did not restart."));
    } else if (!m_linkChanged) {
        report(restartStepId(), CheckStatus::Skipped, tr("It was linked already, so the proxy did not restart."));
    }
    report(confirmStepId(), CheckStatus::Running, tr("Reading the virtual proxy back…"));
    const QStringList differences = m_settings.differences(proxy);
    if (!differences.isEmpty()) {
        fail(confirmStepId(),
             {tr("The virtual proxy /%1 does not hold what was written: %2")
                  .arg(m_settings.prefix, differences.join(QLatin1Char(' '))),
              tr("Open it in the QMC (Virtual proxies) and compare it with the Guide me values.")});
        return;
    }
    run(m_qrs->get(QStringLiteral("/qrs/proxyservice/%1").arg(m_proxyServiceId)),
        [this](QlikRequest *request) { onConfirmServiceRead(request); });
}

void VirtualProxySetup::onConfirmServiceRead(QlikRequest *request)
{
    if (!request->isSuccess() || !isLinked(request->json().object())) {
        fail(confirmStepId(),
             request->isSuccess()
                 ? UserMessage {tr("The central proxy no longer lists /%1.").arg(m_settings.prefix),
                                tr("Link it in the QMC (Virtual proxies ▸ /%1 ▸ Proxies ▸ Link).")
                                    .arg(m_settings.prefix)}
                 : QrsProblem::describe(request, tr("Reading the central proxy service"), m_qrs->identity()));
        return;
    }
    report(confirmStepId(), CheckStatus::Pass,
           tr("/%1 uses JWT with Dawiso's certificate, allows %2, and the central proxy serves it.")
               .arg(m_settings.prefix, m_settings.allowedHostNames.join(QStringLiteral(", "))));
    finish([this, outcome = Outcome {true, false, {}, m_proxyId, {}}] { emit finished(outcome); });
}

} // namespace Dawiso
