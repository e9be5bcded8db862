#include "enterprise/VirtualProxySettings.h"

#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCertificate>

namespace Dawiso {

namespace {

QStringList namesOf(const QJsonArray &array, const QString &key = {})
{
    QStringList names;
    for (const QJsonValue &value : array)
        names << (key.isEmpty() ? value.toString() : value.toObject().value(key).toString()).toLower();
    return names;
}

} // namespace

QString VirtualProxySettings::sessionCookieHeaderName() const
{
    return QStringLiteral("X-Qlik-Session-") + prefix;
}

QString VirtualProxySettings::prefixProblem(const QString &prefix)
{
    static const QRegularExpression allowed(QStringLiteral("^[a-z0-9._~-]+$"));
    if (prefix.isEmpty())
        return tr("Enter a prefix: it becomes the path Dawiso uses, as in https://host/dawiso.");
    if (!allowed.match(prefix).hasMatch())
        return tr("A prefix may hold only lower-case letters, digits and the characters - . _ ~ (no spaces, no "
                  "slashes).");
    return {};
}

QJsonObject VirtualProxySettings::toEntity() const
{
    return appliedTo(QJsonObject {
        {QStringLiteral("anonymousAccessMode"), 0},
        {QStringLiteral("jwtAttributeMap"), QJsonArray()},
    });
}

QJsonObject VirtualProxySettings::appliedTo(QJsonObject entity) const
{
    entity.insert(QStringLiteral("prefix"), prefix);
    entity.insert(QStringLiteral("description"), description);
    entity.insert(QStringLiteral("sessionCookieHeaderName"), sessionCookieHeaderName());
    entity.insert(QStringLiteral("authenticationMethod"), kJwtAuthentication);
    entity.insert(QStringLiteral("jwtPublicKeyCertificate"), QString::fromLatin1(certificatePem));
    entity.insert(QStringLiteral("jwtAttributeUserId"), userIdClaim);
    entity.insert(QStringLiteral("jwtAttributeUserDirectory"), userDirectoryClaim);
    entity.insert(QStringLiteral("websocketCrossOriginWhiteList"), QJsonArray::fromStringList(allowedHostNames));
    QJsonArray nodes;
    if (!loadBalancingNodeId.isEmpty())
        nodes.append(QJsonObject {{QStringLiteral("id"), loadBalancingNodeId}});
    entity.insert(QStringLiteral("loadBalancingServerNodes"), nodes);
    return entity;
}

QStringList VirtualProxySettings::differences(const QJsonObject &entity) const
{
    QStringList found;
    if (entity.value(QStringLiteral("authenticationMethod")).toInt(-1) != kJwtAuthentication)
        found << tr("Its authentication method is not JWT.");
    const QList<QSslCertificate> theirs =
        QSslCertificate::fromData(entity.value(QStringLiteral("jwtPublicKeyCertificate")).toString().toLatin1());
    const QList<QSslCertificate> ours = QSslCertificate::fromData(certificatePem);
    if (theirs.isEmpty() || ours.isEmpty() || theirs.first() != ours.first())
        found << tr("Its JWT certificate is not the one this wizard made.");
    if (entity.value(QStringLiteral("jwtAttributeUserId")).toString() != userIdClaim)
        found << tr("Its JWT attribute for user ID is not “%1”.").arg(userIdClaim);
    if (entity.value(QStringLiteral("jwtAttributeUserDirectory")).toString() != userDirectoryClaim)
        found << tr("Its JWT attribute for user directory is not “%1”.").arg(userDirectoryClaim);
    const QStringList allowList = namesOf(entity.value(QStringLiteral("websocketCrossOriginWhiteList")).toArray());
    for (const QString &name : allowedHostNames) {
        if (!allowList.contains(name.toLower()))
            found << tr("Its host allow list does not name %1.").arg(name);
    }
    if (!loadBalancingNodeId.isEmpty()
        && !namesOf(entity.value(QStringLiteral("loadBalancingServerNodes")).toArray(), QStringLiteral("id"))
                .contains(loadBalancingNodeId.toLower())) {
        found << tr("Its load balancing does not name the central node.");
    }
    return found;
}

QList<VirtualProxySettings::QmcField> VirtualProxySettings::qmcFields() const
{
    const QString identification = tr("Identification");
    const QString authentication = tr("Authentication");
    const QString balancing = tr("Load balancing");
    const QString advanced = tr("Advanced");
    return {
        {identification, tr("Description"), description},
        {identification, tr("Prefix"), prefix},
        {identification, tr("Session cookie header name"), sessionCookieHeaderName()},
        {authentication, tr("Authentication method"), QStringLiteral("JWT")},
        {authentication, tr("JWT certificate"), QString::fromLatin1(certificatePem).trimmed()},
        {authentication, tr("JWT attribute for user ID"), userIdClaim},
        {authentication, tr("JWT attribute for user directory"), userDirectoryClaim},
        {balancing, tr("Load balancing nodes"), loadBalancingNodeName},
        {advanced, tr("Host allow list"), allowedHostNames.join(QLatin1Char('\n'))},
    };
}

} // namespace Dawiso
