#include "simulator/onprem/QrsEntities.h"

#include <QJsonArray>

namespace Dawiso::Simulator {

namespace {

const QString modifiedBy = QStringLiteral("INTERNAL\\sa_repository");
// What the QRS writes as the date of something that never happened (an app never published, a license never used).
const QString never = QStringLiteral("1753-01-01T00:00:00.000Z");

} // namespace

QrsEntities::QrsEntities(const SiteDirectory &directory)
    : m_directory(directory)
{ }

QJsonObject QrsEntities::userReference(const SiteUser &user) const
{
    return QJsonObject {{QStringLiteral("id"), user.id},
                        {QStringLiteral("userId"), user.userId},
                        {QStringLiteral("userDirectory"), user.userDirectory},
                        {QStringLiteral("name"), user.name}};
}

QJsonObject QrsEntities::user(const SiteUser &user) const
{
    return QJsonObject {{QStringLiteral("id"), user.id},
                        {QStringLiteral("userId"), user.userId},
                        {QStringLiteral("userDirectory"), user.userDirectory},
                        {QStringLiteral("name"), user.name},
                        {QStringLiteral("roles"), QJsonArray::fromStringList(user.roles)},
                        {QStringLiteral("inactive"), user.inactive},
                        {QStringLiteral("removedExternally"), false},
                        {QStringLiteral("blacklisted"), false},
                        {QStringLiteral("createdDate"), user.createdDate},
                        {QStringLiteral("modifiedDate"), user.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("User")}};
}

QJsonObject QrsEntities::stream(const SiteStream &stream) const
{
    return QJsonObject {{QStringLiteral("id"), stream.id},
                        {QStringLiteral("name"), stream.name},
                        {QStringLiteral("createdDate"), stream.createdDate},
                        {QStringLiteral("modifiedDate"), stream.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("customProperties"), QJsonArray()},
                        {QStringLiteral("tags"), QJsonArray()},
                        {QStringLiteral("schemaPath"), QStringLiteral("Stream")}};
}

QJsonObject QrsEntities::app(const SiteApp &app) const
{
    QJsonValue stream; // null when not published
    for (const SiteStream &candidate : m_directory.streams) {
        if (candidate.id == app.streamId)
            stream = QJsonObject {{QStringLiteral("id"), candidate.id}, {QStringLiteral("name"), candidate.name}};
    }
    QJsonObject owner;
    for (const SiteUser &user : m_directory.users) {
        if (user.id == app.ownerId)
            owner = userReference(user);
    }
    return QJsonObject {{QStringLiteral("id"), app.id},
                        {QStringLiteral("name"), app.name},
                        {QStringLiteral("appId"), QString()},
                        {QStringLiteral("published"), app.isPublished()},
                        {QStringLiteral("publishTime"), app.isPublished() ? app.publishTime : never},
                        {QStringLiteral("stream"), stream},
                        {QStringLiteral("owner"), owner},
                        {QStringLiteral("createdDate"), app.createdDate},
                        {QStringLiteral("modifiedDate"), app.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("App")}};
}

QJsonObject QrsEntities::node(const SiteNode &node) const
{
    return QJsonObject {{QStringLiteral("id"), node.id},
                        {QStringLiteral("name"), node.name},
                        {QStringLiteral("hostName"), node.hostName},
                        {QStringLiteral("isCentral"), node.isCentral},
                        {QStringLiteral("nodePurpose"), 0},
                        {QStringLiteral("engineEnabled"), true},
                        {QStringLiteral("proxyEnabled"), true},
                        {QStringLiteral("schedulerEnabled"), true},
                        {QStringLiteral("printingEnabled"), true},
                        {QStringLiteral("failoverCandidate"), node.isCentral},
                        {QStringLiteral("createdDate"), node.createdDate},
                        {QStringLiteral("modifiedDate"), node.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("ServerNodeConfiguration")}};
}

QJsonObject QrsEntities::virtualProxy(const SiteVirtualProxy &proxy) const
{
    QJsonArray loadBalancing;
    for (const QString &nodeId : proxy.loadBalancingNodeIds) {
        QJsonObject reference {{QStringLiteral("id"), nodeId}};
        if (const SiteNode *linked = m_directory.node(nodeId)) {
            reference.insert(QStringLiteral("name"), linked->name);
            reference.insert(QStringLiteral("hostName"), linked->hostName);
        }
        loadBalancing.append(reference);
    }
    QJsonArray attributeMap;
    for (const SiteJwtAttribute &attribute : proxy.jwtAttributeMap) {
        attributeMap.append(QJsonObject {{QStringLiteral("senseAttribute"), attribute.senseAttribute},
                                         {QStringLiteral("jwtAttribute"), attribute.jwtAttribute},
                                         {QStringLiteral("isMandatory"), attribute.isMandatory}});
    }
    return QJsonObject {
        {QStringLiteral("id"), proxy.id},
        {QStringLiteral("prefix"), proxy.prefix},
        {QStringLiteral("description"), proxy.description},
        {QStringLiteral("sessionCookieHeaderName"), proxy.sessionCookieHeaderName},
        {QStringLiteral("authenticationMethod"), proxy.authenticationMethod},
        {QStringLiteral("windowsAuthenticationEnabledDevicePattern"), proxy.windowsAuthenticationEnabledDevicePattern},
        {QStringLiteral("websocketCrossOriginWhiteList"),
         QJsonArray::fromStringList(proxy.websocketCrossOriginWhiteList)},
        {QStringLiteral("anonymousAccessMode"), proxy.anonymousAccessMode},
        {QStringLiteral("sessionInactivityTimeout"), proxy.sessionInactivityTimeout},
        {QStringLiteral("defaultVirtualProxy"), proxy.isDefault()},
        {QStringLiteral("loadBalancingServerNodes"), loadBalancing},
        {QStringLiteral("jwtPublicKeyCertificate"), proxy.jwtPublicKeyCertificate},
        {QStringLiteral("jwtAttributeUserId"), proxy.jwtAttributeUserId},
        {QStringLiteral("jwtAttributeUserDirectory"), proxy.jwtAttributeUserDirectory},
        {QStringLiteral("jwtAttributeMap"), attributeMap},
        {QStringLiteral("createdDate"), proxy.createdDate},
        {QStringLiteral("modifiedDate"), proxy.modifiedDate},
        {QStringLiteral("modifiedByUserName"), modifiedBy},
        {QStringLiteral("schemaPath"), QStringLiteral("VirtualProxyConfig")}};
}

QJsonObject QrsEntities::proxyService(const SiteProxyService &service) const
{
    QJsonObject node;
    if (const SiteNode *linked = m_directory.node(service.nodeId)) {
        node = QJsonObject {{QStringLiteral("id"), linked->id},
                            {QStringLiteral("name"), linked->name},
                            {QStringLiteral("hostName"), linked->hostName},
                            {QStringLiteral("isCentral"), linked->isCentral}};
    }
    QJsonArray proxies;
    for (const QString &id : service.virtualProxyIds) {
        if (const SiteVirtualProxy *proxy = m_directory.virtualProxy(id))
            proxies.append(virtualProxy(*proxy));
    }
    return QJsonObject {
        {QStringLiteral("id"), service.id},
        {QStringLiteral("serverNodeConfiguration"), node},
        {QStringLiteral("settings"),
         QJsonObject {{QStringLiteral("listenPort"), service.listenPort}, {QStringLiteral("virtualProxies"), proxies}}},
        {QStringLiteral("modifiedDate"), service.modifiedDate},
        {QStringLiteral("modifiedByUserName"), modifiedBy},
        {QStringLiteral("schemaPath"), QStringLiteral("ProxyService")}};
}

QJsonObject QrsEntities::systemRule(const SiteSystemRule &rule) const
{
    return QJsonObject {{QStringLiteral("id"), rule.id},
                        {QStringLiteral("name"), rule.name},
                        {QStringLiteral("category"), rule.category},
                        {QStringLiteral("type"), rule.type},
                        {QStringLiteral("rule"), rule.rule},
                        {QStringLiteral("resourceFilter"), rule.resourceFilter},
                        {QStringLiteral("actions"), rule.actions},
                        {QStringLiteral("ruleContext"), rule.ruleContext},
                        {QStringLiteral("disabled"), rule.disabled},
                        {QStringLiteral("comment"), rule.comment},
                        {QStringLiteral("createdDate"), rule.createdDate},
                        {QStringLiteral("modifiedDate"), rule.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("SystemRule")}};
}

QJsonObject QrsEntities::userDirectory(const SiteUserDirectory &userDirectory) const
{
    return QJsonObject {{QStringLiteral("id"), userDirectory.id},
                        {QStringLiteral("name"), userDirectory.name},
                        {QStringLiteral("userDirectoryName"), userDirectory.userDirectoryName},
                        {QStringLiteral("type"), userDirectory.type},
                        {QStringLiteral("configured"), true},
                        {QStringLiteral("operational"), true},
                        {QStringLiteral("syncOnlyLoggedInUsers"), true},
                        {QStringLiteral("createdDate"), userDirectory.createdDate},
                        {QStringLiteral("modifiedDate"), userDirectory.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), QStringLiteral("UserDirectory")}};
}

QJsonObject QrsEntities::accessType(const SiteUser &user, const QString &schemaPath) const
{
    return QJsonObject {{QStringLiteral("id"), user.accessAllocationId},
                        {QStringLiteral("user"), userReference(user)},
                        {QStringLiteral("lastUsed"), never},
                        {QStringLiteral("quarantined"), false},
                        {QStringLiteral("createdDate"), user.createdDate},
                        {QStringLiteral("modifiedDate"), user.modifiedDate},
                        {QStringLiteral("modifiedByUserName"), modifiedBy},
                        {QStringLiteral("schemaPath"), schemaPath}};
}

} // namespace Dawiso::Simulator
