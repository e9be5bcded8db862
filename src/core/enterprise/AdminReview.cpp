#include "enterprise/AdminReview.h"

#include "qlik/QlikRequest.h"
#include "qrs/QrsClient.h"
#include "qrs/QrsFilter.h"
#include "qrs/QrsProblem.h"

#include <QJsonDocument>
#include <QUrlQuery>

namespace Dawiso {

namespace {

// The finding ids, as the checklist and the tests name them.
constexpr QLatin1String kQrs("qrs");
constexpr QLatin1String kIdentity("identity");
constexpr QLatin1String kRootAdmin("root-admin");
constexpr QLatin1String kCentralNode("central-node");
constexpr QLatin1String kProxy("proxy");
constexpr QLatin1String kContent("content");

constexpr QLatin1String kRootAdminRole("RootAdmin");

QString prefixName(const QString &prefix)
{
    return prefix.isEmpty() ? AdminReview::tr("the default virtual proxy") : QStringLiteral("/%1").arg(prefix);
}

} // namespace

AdminReview::AdminReview(QrsClient *qrs, QObject *parent)
    : QlikStep(qrs->qlikClient(), parent)
    , m_qrs(qrs)
{ }

QList<CheckResult> AdminReview::plan()
{
    return {
        {QString(kQrs), tr("The repository service answers"), CheckStatus::Pending, {}, {}},
        {QString(kIdentity), tr("Who you are"), CheckStatus::Pending, {}, {}},
        {QString(kRootAdmin), tr("RootAdmin role"), CheckStatus::Pending, {}, {}},
        {QString(kCentralNode), tr("Central node"), CheckStatus::Pending, {}, {}},
        {QString(kProxy), tr("Proxy service and virtual proxies"), CheckStatus::Pending, {}, {}},
        {QString(kContent), tr("What the site holds"), CheckStatus::Pending, {}, {}},
    };
}

void AdminReview::start(const AdminAccess &access, const QString &virtualProxyPrefix)
{
    begin();
    m_access = access;
    m_access.findings = plan();
    m_prefix = virtualProxyPrefix;
    m_pendingReads = 0;
    m_userFound = false;
    m_nodesReadable = false;
    m_proxiesReadable = false;
    m_userReadProblem.clear();
    emit progress(tr("Asking the repository service who you are and what you may do…"));
    run(m_qrs->get(QStringLiteral("/qrs/about")), [this](QlikRequest *request) { readAbout(request); });
}

void AdminReview::setFinding(QLatin1String id, CheckStatus status, const QString &message, const QString &advice)
{
    for (CheckResult &finding : m_access.findings) {
        if (finding.id == id) {
            finding.status = status;
            finding.message = message;
            finding.advice = advice;
            return;
        }
    }
}

void AdminReview::skipRemaining()
{
    for (CheckResult &finding : m_access.findings) {
        if (finding.status == CheckStatus::Pending || finding.status == CheckStatus::Running) {
            finding.status = CheckStatus::Skipped;
            finding.message = tr("Not checked: the repository service did not answer.");
        }
    }
}

void AdminReview::readAbout(QlikRequest *request)
{
    if (!request->isSuccess()) {
        const UserMessage problem =
            QrsProblem::describe(request, tr("Asking the repository service for its version"), m_qrs->identity());
        setFinding(kQrs, CheckStatus::Fail, problem.message, problem.advice);
        skipRemaining();
        finish([this, access = m_access] { emit finished(access); });
        return;
    }
    // Anything but the QRS's own object (a page a proxy in front put there, an answer cut short) is no QRS answer, and
    // every read after it would be as doubtful.
    const QJsonDocument about = request->json();
    if (!about.isObject()) {
        setFinding(kQrs, CheckStatus::Fail, tr("The Qlik Sense Repository Service's answer could not be read."),
                   tr("Check that the address is the Qlik Sense server's own and not another service in front of "
                      "it, then try again. If it keeps happening, save a report for Dawiso support."));
        skipRemaining();
        finish([this, access = m_access] { emit finished(access); });
        return;
    }
    m_access.buildVersion = about.object().value(QStringLiteral("buildVersion")).toString();
    setFinding(kQrs, CheckStatus::Pass,
               m_access.buildVersion.isEmpty()
                   ? tr("The Qlik Sense Repository Service answered.")
                   : tr("The Qlik Sense Repository Service answered (build %1).").arg(m_access.buildVersion));

    emit progress(tr("Reading your roles, the central node, the proxy and what the site holds…"));
    const QString userFilter = QrsFilter::allEqual(
        {{QStringLiteral("userId"), m_access.userId}, {QStringLiteral("userDirectory"), m_access.userDirectory}});
    m_pendingReads = 6;
    run(m_qrs->get(QStringLiteral("/qrs/user/full"), QrsFilter::query(userFilter)),
        [this](QlikRequest *r) { readUser(r); });
    run(m_qrs->get(QStringLiteral("/qrs/servernodeconfiguration/full"),
                   QrsFilter::query(QStringLiteral("isCentral eq true"))),
        [this](QlikRequest *r) { readCentralNode(r); });
    run(m_qrs->get(QStringLiteral("/qrs/proxyservice/full")), [this](QlikRequest *r) { readProxyServices(r); });
    run(m_qrs->get(QStringLiteral("/qrs/stream/count")),
        [this](QlikRequest *r) { readCount(r, &m_access.streamCount); });
    run(m_qrs->get(QStringLiteral("/qrs/app/count")), [this](QlikRequest *r) { readCount(r, &m_access.appCount); });
    if (m_access.method == AdminAccess::Method::WindowsAccount)
        run(m_qrs->get(QStringLiteral("/qrs/app/hublist/full")), [this](QlikRequest *r) { readOpenable(r); });
    else
        oneRead(); // the hub list means "through this proxy"; a certificate bundle goes round the proxy
}

void AdminReview::readUser(QlikRequest *request)
{
    if (!request->isSuccess()) {
        m_userReadProblem = QrsProblem::describe(request, tr("Reading your user record"), m_qrs->identity()).message;
    } else {
        const QJsonArray users = request->json().array();
        if (!users.isEmpty()) {
            const QJsonObject user = users.first().toObject();
            m_userFound = true;
            if (m_access.userName.isEmpty())
                m_access.userName = user.value(QStringLiteral("name")).toString();
            m_access.roles.clear();
            const QJsonArray roles = user.value(QStringLiteral("roles")).toArray();
            for (const QJsonValue &role : roles)
                m_access.roles << role.toString();
            m_access.isRootAdmin = m_access.roles.contains(kRootAdminRole, Qt::CaseInsensitive);
            if (user.value(QStringLiteral("inactive")).toBool()) {
                m_access.isRootAdmin = false;
                m_userReadProblem = tr("The account %1 is inactive in the QMC.").arg(m_access.account());
            }
        }
    }
    oneRead();
}

void AdminReview::readCentralNode(QlikRequest *request)
{
    if (request->isSuccess()) {
        const QJsonArray nodes = request->json().array();
        m_nodesReadable = !nodes.isEmpty();
        if (m_nodesReadable) {
            const QJsonObject node = nodes.first().toObject();
            m_access.centralNodeId = node.value(QStringLiteral("id")).toString();
            m_access.centralNodeHostName = node.value(QStringLiteral("hostName")).toString();
        }
    }
    oneRead();
}

void AdminReview::readProxyServices(QlikRequest *request)
{
    if (request->isSuccess()) {
        const QJsonArray services = request->json().array();
        for (const QJsonValue &value : services) {
            const QJsonObject service = value.toObject();
            const QJsonObject node = service.value(QStringLiteral("serverNodeConfiguration")).toObject();
            // The central node's proxy first: the virtual proxy of part two is linked there.
            if (!m_proxiesReadable || node.value(QStringLiteral("isCentral")).toBool()) {
                m_proxiesReadable = true;
                m_access.proxyServiceId = service.value(QStringLiteral("id")).toString();
                m_access.virtualProxyPrefixes.clear();
                const QJsonArray proxies = service.value(QStringLiteral("settings"))
                                               .toObject()
                                               .value(QStringLiteral("virtualProxies"))
                                               .toArray();
                for (const QJsonValue &proxy : proxies)
                    m_access.virtualProxyPrefixes << proxy.toObject().value(QStringLiteral("prefix")).toString();
            }
        }
    }
    oneRead();
}

void AdminReview::readCount(QlikRequest *request, int *count)
{
    if (request->isSuccess()) {
        const QJsonValue value = request->json().object().value(QStringLiteral("value"));
        if (value.isDouble())
            *count = value.toInt();
    }
    oneRead();
}

void AdminReview::readOpenable(QlikRequest *request)
{
    if (request->isSuccess() && request->json().isArray())
        m_access.openableAppCount = int(request->json().array().size());
    oneRead();
}

void AdminReview::oneRead()
{
    if (--m_pendingReads == 0)
        conclude();
}

void AdminReview::conclude()
{
    const QString account = m_access.account();
    const QString grantAdvice =
        tr("Ask a RootAdmin of this site to open QMC › Users, select %1, choose Edit, add RootAdmin under Admin roles "
           "and apply. Then sign in here again.")
            .arg(account);

    // Who you are.
    if (m_userFound && m_userReadProblem.isEmpty()) {
        const QString how = m_access.method == AdminAccess::Method::CertificateBundle
            ? tr("Acting as %1 with the certificate bundle (X-Qlik-User).")
            : tr("Signed in through the proxy as %1.");
        const QString who = m_access.userName.isEmpty() || m_access.userName == m_access.userId
            ? account
            : tr("%1 (%2)").arg(m_access.userName, account);
        setFinding(kIdentity, CheckStatus::Pass, how.arg(who));
    } else if (!m_userReadProblem.isEmpty()) {
        setFinding(kIdentity, CheckStatus::Fail, m_userReadProblem,
                   tr("A RootAdmin can activate the account in QMC › Users (Edit, then clear Inactive), or sign in "
                      "here with another administrator's account."));
    } else if (m_access.method == AdminAccess::Method::CertificateBundle) {
        setFinding(kIdentity, CheckStatus::Fail, tr("The repository has no user %1.").arg(account),
                   tr("Check the user directory and user ID in QMC › Users (the columns User directory and User "
                      "ID) and enter them exactly as shown there."));
    } else {
        setFinding(kIdentity, CheckStatus::Warn,
                   tr("Signed in as %1, but the repository did not show you your own user record, which it does "
                      "only for administrators.")
                       .arg(account));
    }

    // RootAdmin.
    if (m_access.isRootAdmin) {
        setFinding(kRootAdmin, CheckStatus::Pass, tr("%1 has the RootAdmin role.").arg(account));
    } else if (m_access.roles.contains(QStringLiteral("AuditAdmin"), Qt::CaseInsensitive)) {
        setFinding(kRootAdmin, CheckStatus::Fail,
                   tr("%1 is an AuditAdmin: that role reads everything in the QMC but cannot create the virtual "
                      "proxy and the user Dawiso needs.")
                       .arg(account),
                   grantAdvice);
    } else if (m_userFound && !m_access.roles.isEmpty()) {
        setFinding(kRootAdmin, CheckStatus::Fail,
                   tr("%1 has the roles %2, but not RootAdmin, which Dawiso's set-up needs.")
                       .arg(account, m_access.roles.join(QStringLiteral(", "))),
                   grantAdvice);
    } else {
        setFinding(kRootAdmin, CheckStatus::Fail, tr("%1 has no admin role on this site.").arg(account), grantAdvice);
    }

    const QString needsRootAdmin = tr("Only a RootAdmin sees this. Sign in as a RootAdmin to check it.");
    // Central node.
    if (m_nodesReadable) {
        setFinding(kCentralNode, CheckStatus::Pass, tr("The central node is %1.").arg(m_access.centralNodeHostName));
    } else {
        setFinding(kCentralNode, m_access.isRootAdmin ? CheckStatus::Fail : CheckStatus::Skipped,
                   tr("The repository showed no central node."),
                   m_access.isRootAdmin ? tr("Open QMC › Nodes: one node must be the central node. If the QMC "
                                             "shows it, note its host name for Dawiso's set-up.")
                                        : needsRootAdmin);
    }

    // Proxy service.
    if (m_proxiesReadable) {
        QStringList names;
        for (const QString &prefix : std::as_const(m_access.virtualProxyPrefixes))
            names << prefixName(prefix);
        const QString listed =
            tr("The central proxy serves these virtual proxies: %1.").arg(names.join(QStringLiteral(", ")));
        if (!m_prefix.isEmpty() && !m_access.virtualProxyPrefixes.contains(m_prefix)) {
            setFinding(kProxy, CheckStatus::Warn, listed,
                       tr("The address you entered uses /%1, which the central proxy does not serve. Check the "
                          "prefix in QMC › Virtual proxies, and its link under QMC › Proxies.")
                           .arg(m_prefix));
        } else {
            setFinding(kProxy, CheckStatus::Pass, listed);
        }
    } else {
        setFinding(kProxy, m_access.isRootAdmin ? CheckStatus::Fail : CheckStatus::Skipped,
                   tr("The repository showed no proxy service."),
                   m_access.isRootAdmin ? tr("Open QMC › Proxies and check that the central node runs a proxy "
                                             "service.")
                                        : needsRootAdmin);
    }

    // Content.
    if (m_access.streamCount < 0 || m_access.appCount < 0) {
        setFinding(kContent, CheckStatus::Warn, tr("The repository did not say how many streams and apps it holds."),
                   tr("Open QMC › Apps and QMC › Streams to see them."));
    } else if (m_access.appCount == 0) {
        setFinding(kContent, CheckStatus::Warn,
                   tr("The site holds no apps you can see, in %n stream(s).", nullptr, m_access.streamCount),
                   m_access.isRootAdmin ? tr("Dawiso will have nothing to catalog until apps are published.")
                                        : needsRootAdmin);
    } else {
        const QString held = tr("%n app(s)", nullptr, m_access.appCount);
        QString message = tr("%1 in %n stream(s).", nullptr, m_access.streamCount).arg(held);
        if (m_access.openableAppCount >= 0) {
            message +=
                u' ' + tr("You can open %1 of them in the hub through this proxy.").arg(m_access.openableAppCount);
            // Qlik's RootAdmin rule applies in the QMC only: the hub shows other people's unpublished apps to their
            // owners alone. Dawiso reads the repository, which sees them all; its own user's reach comes later.
            if (m_access.openableAppCount < m_access.appCount)
                message += u' ' + tr("RootAdmin reaches every app in the QMC, not in the hub.");
        }
        setFinding(kContent, CheckStatus::Pass, message);
    }

    finish([this, access = m_access] { emit finished(access); });
}

} // namespace Dawiso
