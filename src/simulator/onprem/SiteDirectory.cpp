#include "simulator/onprem/SiteDirectory.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUuid>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

// The same GUID for the same name in every run, so that a failing test names the same entity each time.
QString stableId(const QString &name)
{
    static const QUuid site(QStringLiteral("{6f1c3e5a-2b7d-4c9e-8a41-3d5f0b9e7c12}"));
    return QUuid::createUuidV5(site, name).toString(QUuid::WithoutBraces);
}

const QString created = QStringLiteral("2024-11-20T09:15:00.000Z");
const QString modified = QStringLiteral("2024-12-02T14:30:00.000Z");
const QString kDemoPassword = QStringLiteral("practice-password");
const QString hostName = QStringLiteral("QLIKSERVER1.corp.example");

SiteUser demoUser(const QString &directory, const QString &userId, const QString &name, const QStringList &roles,
                  bool inactive = false)
{
    const bool internal = directory == u"INTERNAL";
    return SiteUser {stableId(QStringLiteral("user:") + directory + u'\\' + userId),
                     directory,
                     userId,
                     name,
                     roles,
                     inactive,
                     internal ? QString() : kDemoPassword,
                     created,
                     modified,
                     SiteAccessType::None,
                     {}};
}

void allocateProfessional(SiteUser &user)
{
    user.accessType = SiteAccessType::Professional;
    user.accessAllocationId = stableId(QStringLiteral("professional:") + user.qualifiedName());
}

SiteVirtualProxy demoVirtualProxy(const QString &prefix, const QString &description, const QString &nodeId)
{
    SiteVirtualProxy proxy;
    proxy.id = stableId(QStringLiteral("virtualproxy:") + prefix);
    proxy.prefix = prefix;
    proxy.description = description;
    proxy.sessionCookieHeaderName =
        prefix.isEmpty() ? QStringLiteral("X-Qlik-Session") : QStringLiteral("X-Qlik-Session-") + prefix;
    proxy.websocketCrossOriginWhiteList = {hostName};
    proxy.loadBalancingNodeIds = {nodeId};
    proxy.createdDate = created;
    proxy.modifiedDate = modified;
    return proxy;
}

SiteUserDirectory demoUserDirectory(const QString &name, const QString &type)
{
    return SiteUserDirectory {stableId(QStringLiteral("userdirectory:") + name), name, name, type, created, modified};
}

SiteApp demoApp(const QString &name, const QString &ownerId, const QString &streamId)
{
    return SiteApp {stableId(QStringLiteral("app:") + name),  name, ownerId, streamId, created, modified,
                    streamId.isEmpty() ? QString() : modified};
}

template <typename List>
auto *findById(List &list, const QString &id)
{
    const auto it = std::find_if(list.begin(), list.end(), [&id](const auto &entry) { return entry.id == id; });
    return it == list.end() ? nullptr : &*it;
}

} // namespace

bool SiteUser::readsEverything() const
{
    return hasRole(QStringLiteral("RootAdmin")) || hasRole(QStringLiteral("AuditAdmin"));
}

QString SiteDirectory::demoAdminAccount()
{
    return QStringLiteral("CORP\\qlikadmin");
}

QString SiteDirectory::demoPassword()
{
    return kDemoPassword;
}

SiteDirectory SiteDirectory::demo()
{
    SiteDirectory directory;
    const QString corp = QStringLiteral("CORP");
    directory.users = {
        demoUser(corp, QStringLiteral("qlikadmin"), QStringLiteral("Quinn Admin"), {QStringLiteral("RootAdmin")}),
        demoUser(corp, QStringLiteral("auditor"), QStringLiteral("Avery Auditor"), {QStringLiteral("AuditAdmin")}),
        demoUser(corp, QStringLiteral("analyst"), QStringLiteral("Ana Analyst"), {}),
        demoUser(corp, QStringLiteral("former"), QStringLiteral("Frankie Former"), {QStringLiteral("RootAdmin")}, true),
        demoUser(corp, QStringLiteral("svc_dawiso"), QStringLiteral("Dawiso Service"), {}),
        demoUser(QStringLiteral("INTERNAL"), QStringLiteral("sa_repository"), QStringLiteral("sa_repository"),
                 {QStringLiteral("RootAdmin")}),
    };
    for (int index : {0, 1, 2, 4})
        allocateProfessional(directory.users[index]);
    directory.userDirectories = {
        demoUserDirectory(corp, QStringLiteral("Repository.UserDirectoryConnectors.ActiveDirectory")),
        demoUserDirectory(QStringLiteral("INTERNAL"), QStringLiteral("Repository.UserDirectoryConnectors.Internal")),
    };

    const SiteStream everyone {stableId(QStringLiteral("stream:Everyone")), QStringLiteral("Everyone"), true, created,
                               modified};
    const SiteStream finance {stableId(QStringLiteral("stream:Finance")), QStringLiteral("Finance"), false, created,
                              modified};
    const SiteStream sales {stableId(QStringLiteral("stream:Sales")), QStringLiteral("Sales"), false, created,
                            modified};
    directory.streams = {everyone, finance, sales};

    const QString admin = directory.users.at(0).id;
    const QString analyst = directory.users.at(2).id;
    directory.apps = {
        demoApp(QStringLiteral("Company Overview"), admin, everyone.id),
        demoApp(QStringLiteral("Help Desk"), admin, everyone.id),
        demoApp(QStringLiteral("Budget 2025"), admin, finance.id),
        demoApp(QStringLiteral("Cash Flow"), admin, finance.id),
        demoApp(QStringLiteral("Sales Pipeline"), admin, sales.id),
        demoApp(QStringLiteral("Analyst Sandbox"), analyst, QString()),
        demoApp(QStringLiteral("Churn Draft"), analyst, QString()),
    };

    const SiteNode central {
        stableId(QStringLiteral("node:central")), QStringLiteral("Central"), hostName, true, created, modified};
    directory.nodes = {central};

    const SiteVirtualProxy defaultProxy =
        demoVirtualProxy(QString(), QStringLiteral("Central Proxy (Default)"), central.id);
    const SiteVirtualProxy sso =
        demoVirtualProxy(QStringLiteral("sso"), QStringLiteral("Single sign-on for the intranet"), central.id);
    directory.virtualProxies = {defaultProxy, sso};
    directory.proxyServices = {SiteProxyService {
        stableId(QStringLiteral("proxyservice:central")), central.id, 443, {defaultProxy.id, sso.id}, modified}};
    return directory;
}

const SiteUser *SiteDirectory::user(const QString &userDirectory, const QString &userId) const
{
    const auto it = std::find_if(users.cbegin(), users.cend(), [&](const SiteUser &candidate) {
        return candidate.userDirectory.compare(userDirectory, Qt::CaseInsensitive) == 0
            && candidate.userId.compare(userId, Qt::CaseInsensitive) == 0;
    });
    return it == users.cend() ? nullptr : &*it;
}

SiteUser *SiteDirectory::user(const QString &userDirectory, const QString &userId)
{
    return const_cast<SiteUser *>(std::as_const(*this).user(userDirectory, userId));
}

const SiteUser *SiteDirectory::userByQualifiedName(const QString &qualifiedName) const
{
    const qsizetype backslash = qualifiedName.indexOf(u'\\');
    if (backslash <= 0)
        return nullptr;
    return user(qualifiedName.left(backslash), qualifiedName.mid(backslash + 1));
}

const SiteNode *SiteDirectory::node(const QString &id) const
{
    return findById(nodes, id);
}

const SiteVirtualProxy *SiteDirectory::virtualProxy(const QString &id) const
{
    return findById(virtualProxies, id);
}

SiteVirtualProxy *SiteDirectory::virtualProxy(const QString &id)
{
    return findById(virtualProxies, id);
}

const SiteApp *SiteDirectory::app(const QString &id) const
{
    return findById(apps, id);
}

SiteProxyService *SiteDirectory::proxyService(const QString &id)
{
    return findById(proxyServices, id);
}

bool SiteDirectory::isLinked(const QString &virtualProxyId) const
{
    return std::any_of(proxyServices.cbegin(), proxyServices.cend(), [&virtualProxyId](const auto &service) {
        return service.virtualProxyIds.contains(virtualProxyId);
    });
}

bool SiteDirectory::readsEveryApp(const SiteUser &user) const
{
    static const QRegularExpression form(
        QStringLiteral("^\\(\\(\\s*user\\.userDirectory\\s*=\\s*\"([^\"]*)\"\\s+and\\s+"
                       "user\\.userId\\s*=\\s*\"([^\"]*)\"\\s*\\)\\)$"),
        QRegularExpression::CaseInsensitiveOption);
    return std::any_of(systemRules.cbegin(), systemRules.cend(), [&user](const SiteSystemRule &rule) {
        const QStringList resources = rule.resourceFilter.split(u',', Qt::SkipEmptyParts);
        const bool appsCovered = std::any_of(resources.cbegin(), resources.cend(), [](const QString &resource) {
            return resource.trimmed().compare(QLatin1String("App_*"), Qt::CaseInsensitive) == 0;
        });
        const QRegularExpressionMatch match = form.match(rule.rule.trimmed());
        return !rule.disabled && (rule.ruleContext == 0 || rule.ruleContext == 1) && (rule.actions & 2) != 0
            && appsCovered && match.hasMatch()
            && match.captured(1).compare(user.userDirectory, Qt::CaseInsensitive) == 0
            && match.captured(2).compare(user.userId, Qt::CaseInsensitive) == 0;
    });
}

QStringList SiteDirectory::hubAppIds(const SiteUser &user) const
{
    const bool everything = readsEveryApp(user);
    QStringList ids;
    for (const SiteApp &candidate : apps) {
        const auto stream = std::find_if(streams.cbegin(), streams.cend(),
                                         [&candidate](const SiteStream &s) { return s.id == candidate.streamId; });
        const bool everyone = stream != streams.cend() && stream->everyoneReads;
        const bool own = !user.id.isEmpty() && candidate.ownerId == user.id;
        if (everything || everyone || own)
            ids.append(candidate.id);
    }
    return ids;
}

SiteUser &SiteDirectory::addUser(const QString &userDirectory, const QString &userId, const QString &name)
{
    const QString now = nextTimestamp();
    users.append(SiteUser {QUuid::createUuid().toString(QUuid::WithoutBraces),
                           userDirectory,
                           userId,
                           name,
                           {},
                           false,
                           {},
                           now,
                           now,
                           SiteAccessType::None,
                           {}});
    return users.last();
}

QString SiteDirectory::nextTimestamp()
{
    m_lastTimestampMs = std::max(m_lastTimestampMs + 1, QDateTime::currentMSecsSinceEpoch());
    return QDateTime::fromMSecsSinceEpoch(m_lastTimestampMs, Qt::UTC).toString(Qt::ISODateWithMs);
}

const SiteVirtualProxy *SiteDirectory::virtualProxyByPrefix(const QString &prefix) const
{
    const auto it = std::find_if(virtualProxies.cbegin(), virtualProxies.cend(), [&prefix](const auto &proxy) {
        return proxy.prefix.compare(prefix, Qt::CaseInsensitive) == 0;
    });
    return it == virtualProxies.cend() ? nullptr : &*it;
}

} // namespace Dawiso::Simulator
