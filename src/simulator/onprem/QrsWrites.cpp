#include "simulator/onprem/QrsWrites.h"

#include "simulator/common/RequestBody.h"
#include "simulator/onprem/JwtValidator.h"

#include <QDateTime>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSet>
#include <QUuid>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

SimResponse plainText(int status, const QString &text)
{
    return SimResponse {status,
                        {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain; charset=utf-8")}},
                        text.toUtf8(),
                        {}};
}

SimResponse stale(const QString &entity)
{
    return plainText(409,
                     QStringLiteral("Conflict: the %1 was changed since it was read (modifiedDate differs). "
                                    "Read it again and send the whole entity.")
                         .arg(entity));
}

// Reads the properties a body carries into what a caller starts with (the defaults); a property of the wrong type is
// remembered, and the first one names the 400.
class BodyReader
{
public:
    explicit BodyReader(const QJsonObject &body)
        : m_body(body)
    { }

    void string(const QString &name, QString *into)
    {
        const QJsonValue value = m_body.value(name);
        if (value.isString())
            *into = value.toString();
        else if (!value.isUndefined() && !value.isNull())
            fail(name);
    }
    void integer(const QString &name, int *into)
    {
        const QJsonValue value = m_body.value(name);
        if (value.isDouble() && value.toDouble() == static_cast<int>(value.toDouble()))
            *into = value.toInt();
        else if (!value.isUndefined() && !value.isNull())
            fail(name);
    }
    void boolean(const QString &name, bool *into)
    {
        const QJsonValue value = m_body.value(name);
        if (value.isBool())
            *into = value.toBool();
        else if (!value.isUndefined() && !value.isNull())
            fail(name);
    }
    void strings(const QString &name, QStringList *into)
    {
        const QJsonValue value = m_body.value(name);
        if (value.isUndefined() || value.isNull())
            return;
        if (!value.isArray()) {
            fail(name);
            return;
        }
        into->clear();
        const QJsonArray entries = value.toArray();
        for (const QJsonValue &entry : entries) {
            if (!entry.isString()) {
                fail(name);
                return;
            }
            into->append(entry.toString());
        }
    }
    // An array of objects; nullopt (and remembered) when it is something else.
    std::optional<QList<QJsonObject>> objects(const QString &name)
    {
        const QJsonValue value = m_body.value(name);
        QList<QJsonObject> result;
        if (value.isUndefined() || value.isNull())
            return result;
        if (!value.isArray()) {
            fail(name);
            return std::nullopt;
        }
        const QJsonArray entries = value.toArray();
        for (const QJsonValue &entry : entries) {
            if (!entry.isObject()) {
                fail(name);
                return std::nullopt;
            }
            result.append(entry.toObject());
        }
        return result;
    }
    void fail(const QString &name)
    {
        if (m_wrong.isEmpty())
            m_wrong = name;
    }
    QString wrong() const { return m_wrong; }

private:
    const QJsonObject &m_body;
    QString m_wrong;
};

std::optional<QJsonObject> objectBody(const SimRequest &request, SimResponse *refusal)
{
    QString problem;
    const std::optional<QJsonDocument> document = RequestBody::json(request, &problem);
    if (!document || !document->isObject()) {
        *refusal = plainText(400, problem.isEmpty() ? QStringLiteral("The body is not a JSON object.") : problem);
        return std::nullopt;
    }
    return document->object();
}

// The body must name the entity of the path, if it names one at all.
bool namesOtherEntity(const QJsonObject &body, const QString &id)
{
    const QJsonValue named = body.value(u"id");
    return named.isString() && named.toString().compare(id, Qt::CaseInsensitive) != 0;
}

} // namespace

QrsWrites::QrsWrites(SiteDirectory &directory)
    : m_directory(directory)
    , m_entities(directory)
{ }

bool QrsWrites::isProxyRestarting() const
{
    return QDateTime::currentMSecsSinceEpoch() < m_restartingUntilMs;
}

std::optional<SiteVirtualProxy> QrsWrites::virtualProxyFrom(const QJsonObject &body, const SiteVirtualProxy *existing,
                                                            SimResponse *refusal) const
{
    const auto refuse = [refusal](const QString &field, const QString &why) {
        *refusal = plainText(400, QStringLiteral("%1: %2").arg(field, why));
        return std::nullopt;
    };
    SiteVirtualProxy proxy;
    BodyReader reader(body);
    reader.string(QStringLiteral("prefix"), &proxy.prefix);
    reader.string(QStringLiteral("description"), &proxy.description);
    reader.string(QStringLiteral("sessionCookieHeaderName"), &proxy.sessionCookieHeaderName);
    reader.integer(QStringLiteral("authenticationMethod"), &proxy.authenticationMethod);
    reader.string(QStringLiteral("windowsAuthenticationEnabledDevicePattern"),
                  &proxy.windowsAuthenticationEnabledDevicePattern);
    reader.strings(QStringLiteral("websocketCrossOriginWhiteList"), &proxy.websocketCrossOriginWhiteList);
    reader.integer(QStringLiteral("anonymousAccessMode"), &proxy.anonymousAccessMode);
    reader.integer(QStringLiteral("sessionInactivityTimeout"), &proxy.sessionInactivityTimeout);
    reader.string(QStringLiteral("jwtPublicKeyCertificate"), &proxy.jwtPublicKeyCertificate);
    reader.string(QStringLiteral("jwtAttributeUserId"), &proxy.jwtAttributeUserId);
    reader.string(QStringLiteral("jwtAttributeUserDirectory"), &proxy.jwtAttributeUserDirectory);
    const std::optional<QList<QJsonObject>> nodes = reader.objects(QStringLiteral("loadBalancingServerNodes"));
    const std::optional<QList<QJsonObject>> attributes = reader.objects(QStringLiteral("jwtAttributeMap"));
    if (!reader.wrong().isEmpty())
        return refuse(reader.wrong(), QStringLiteral("not of the expected type."));

    for (const QJsonObject &node : *nodes) {
        const QString nodeId = node.value(u"id").toString();
        if (!m_directory.node(nodeId))
            return refuse(QStringLiteral("loadBalancingServerNodes"), QStringLiteral("no server node with this id."));
        proxy.loadBalancingNodeIds.append(nodeId);
    }
    for (const QJsonObject &attribute : *attributes) {
        proxy.jwtAttributeMap.append(SiteJwtAttribute {attribute.value(u"senseAttribute").toString(),
                                                       attribute.value(u"jwtAttribute").toString(),
                                                       attribute.value(u"isMandatory").toBool()});
    }

    static const QRegularExpression prefixShape(QStringLiteral("^[a-z0-9\\-._~]+$"));
    const bool replacesDefault = existing && existing->isDefault() && proxy.prefix.isEmpty();
    if (!replacesDefault && !prefixShape.match(proxy.prefix).hasMatch())
        return refuse(QStringLiteral("prefix"), QStringLiteral("must be lowercase letters, digits and - . _ ~."));
    if (proxy.sessionCookieHeaderName.isEmpty()) {
        proxy.sessionCookieHeaderName = proxy.prefix.isEmpty() ? QStringLiteral("X-Qlik-Session")
                                                               : QStringLiteral("X-Qlik-Session-") + proxy.prefix;
    }
    for (const SiteVirtualProxy &other : m_directory.virtualProxies) {
        if (existing && other.id == existing->id)
            continue;
        if (other.prefix.compare(proxy.prefix, Qt::CaseInsensitive) == 0)
            return refuse(QStringLiteral("prefix"), QStringLiteral("another virtual proxy uses it."));
        if (other.sessionCookieHeaderName.compare(proxy.sessionCookieHeaderName, Qt::CaseInsensitive) == 0)
            return refuse(QStringLiteral("sessionCookieHeaderName"), QStringLiteral("another virtual proxy uses it."));
    }
    if (proxy.isJwt() && !JwtValidator::certificateParses(proxy.jwtPublicKeyCertificate.toUtf8())) {
        return refuse(QStringLiteral("jwtPublicKeyCertificate"),
                      QStringLiteral("not a PEM X.509 certificate (JWT authentication needs one)."));
    }
    return proxy;
}

SimResponse QrsWrites::createVirtualProxy(const SimRequest &request)
{
    SimResponse refusal;
    const std::optional<QJsonObject> body = objectBody(request, &refusal);
    if (!body)
        return refusal;
    std::optional<SiteVirtualProxy> proxy = virtualProxyFrom(*body, nullptr, &refusal);
    if (!proxy)
        return refusal;
    proxy->id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    proxy->createdDate = m_directory.nextTimestamp();
    proxy->modifiedDate = proxy->createdDate;
    m_directory.virtualProxies.append(*proxy);
    return SimResponse::json(201, m_entities.virtualProxy(*proxy));
}

SimResponse QrsWrites::replaceVirtualProxy(const SimRequest &request, const QString &id)
{
    SiteVirtualProxy *existing = m_directory.virtualProxy(id);
    if (!existing)
        return plainText(404, QStringLiteral("No virtual proxy with this id."));
    SimResponse refusal;
    const std::optional<QJsonObject> body = objectBody(request, &refusal);
    if (!body)
        return refusal;
    if (namesOtherEntity(*body, id))
        return plainText(400, QStringLiteral("id: not the virtual proxy of the path."));
    if (body->value(u"modifiedDate").toString() != existing->modifiedDate)
        return stale(QStringLiteral("virtual proxy"));
    std::optional<SiteVirtualProxy> proxy = virtualProxyFrom(*body, existing, &refusal);
    if (!proxy)
        return refusal;
    proxy->id = existing->id;
    proxy->createdDate = existing->createdDate;
    proxy->modifiedDate = m_directory.nextTimestamp();
    *existing = *proxy;
    return SimResponse::json(200, m_entities.virtualProxy(*existing));
}

SimResponse QrsWrites::replaceProxyService(const SimRequest &request, const QString &id)
{
    SiteProxyService *service = m_directory.proxyService(id);
    if (!service)
        return plainText(404, QStringLiteral("No proxy service with this id."));
    SimResponse refusal;
    const std::optional<QJsonObject> body = objectBody(request, &refusal);
    if (!body)
        return refusal;
    if (namesOtherEntity(*body, id))
        return plainText(400, QStringLiteral("id: not the proxy service of the path."));
    if (m_pendingConflicts > 0) {
        --m_pendingConflicts;
        service->modifiedDate = m_directory.nextTimestamp();
    }
    if (body->value(u"modifiedDate").toString() != service->modifiedDate)
        return stale(QStringLiteral("proxy service"));

    const QJsonObject settings = body->value(u"settings").toObject();
    int listenPort = 443;
    QStringList linked;
    BodyReader reader(settings);
    reader.integer(QStringLiteral("listenPort"), &listenPort);
    const std::optional<QList<QJsonObject>> proxies = reader.objects(QStringLiteral("virtualProxies"));
    if (!reader.wrong().isEmpty())
        return plainText(400, QStringLiteral("settings.%1: not of the expected type.").arg(reader.wrong()));
    for (const QJsonObject &proxy : *proxies) {
        const QString proxyId = proxy.value(u"id").toString();
        if (!m_directory.virtualProxy(proxyId))
            return plainText(400,
                             QStringLiteral("settings.virtualProxies: no virtual proxy with the id %1.").arg(proxyId));
        if (!linked.contains(proxyId))
            linked.append(proxyId);
    }

    const QStringList before = service->virtualProxyIds;
    const bool changed = QSet<QString>(before.cbegin(), before.cend()) != QSet<QString>(linked.cbegin(), linked.cend());
    service->virtualProxyIds = linked;
    service->listenPort = listenPort;
    service->modifiedDate = m_directory.nextTimestamp();
    if (changed && m_restartDelayMs > 0)
        m_restartingUntilMs = QDateTime::currentMSecsSinceEpoch() + m_restartDelayMs;
    return SimResponse::json(200, m_entities.proxyService(*service));
}

SimResponse QrsWrites::createSystemRule(const SimRequest &request)
{
    SimResponse refusal;
    const std::optional<QJsonObject> body = objectBody(request, &refusal);
    if (!body)
        return refusal;
    SiteSystemRule rule;
    BodyReader reader(*body);
    reader.string(QStringLiteral("name"), &rule.name);
    reader.string(QStringLiteral("category"), &rule.category);
    reader.string(QStringLiteral("type"), &rule.type);
    reader.string(QStringLiteral("rule"), &rule.rule);
    reader.string(QStringLiteral("resourceFilter"), &rule.resourceFilter);
    reader.integer(QStringLiteral("actions"), &rule.actions);
    reader.integer(QStringLiteral("ruleContext"), &rule.ruleContext);
    reader.boolean(QStringLiteral("disabled"), &rule.disabled);
    reader.string(QStringLiteral("comment"), &rule.comment);
    if (!reader.wrong().isEmpty())
        return plainText(400, QStringLiteral("%1: not of the expected type.").arg(reader.wrong()));
    if (rule.name.trimmed().isEmpty())
        return plainText(400, QStringLiteral("name: a security rule needs a name."));
    if (rule.ruleContext < 0 || rule.ruleContext > 2)
        return plainText(400, QStringLiteral("ruleContext: 0, 1 or 2."));
    rule.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
    rule.createdDate = m_directory.nextTimestamp();
    rule.modifiedDate = rule.createdDate;
    m_directory.systemRules.append(rule);
    return SimResponse::json(201, m_entities.systemRule(rule));
}

} // namespace Dawiso::Simulator
