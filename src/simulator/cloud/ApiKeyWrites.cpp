#include "simulator/cloud/ApiKeyWrites.h"

#include "simulator/cloud/ApiKeySigner.h"
#include "simulator/cloud/IsoDuration.h"
#include "simulator/cloud/QlikError.h"
#include "simulator/cloud/ResourceJson.h"
#include "simulator/common/CryptoUtil.h"
#include "simulator/common/RequestBody.h"

#include <QJsonArray>
#include <QJsonObject>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

// Spec default of max_api_key_expiry, for a tenant configured with something unreadable.
constexpr qint64 defaultMaximumSeconds = qint64(24) * 3600;

// Points at the field and names the limit, so that a client can tell which rule was broken.
// Qlik documents no wording for its refusals of a new key; by default they say nothing a client could search for.
const QString neutralDetail = QStringLiteral("The request is not valid.");

SimResponse badRequest(const QString &detail, const QString &pointer = QString(),
                       const QJsonObject &meta = QJsonObject())
{
    QJsonObject item {
        {QStringLiteral("code"), QStringLiteral("HTTP-400")},
        {QStringLiteral("title"), QStringLiteral("Bad request")},
        {QStringLiteral("detail"), detail},
        {QStringLiteral("status"), 400},
    };
    if (!pointer.isEmpty())
        item.insert(QStringLiteral("source"), QJsonObject {{QStringLiteral("pointer"), pointer}});
    if (!meta.isEmpty())
        item.insert(QStringLiteral("meta"), meta);
    return SimResponse::json(400,
                             QJsonObject {{QStringLiteral("errors"), QJsonArray {item}},
                                          {QStringLiteral("traceId"), CryptoUtil::randomHexId(16)}});
}

SimResponse forbidden(const QString &detail)
{
    return QlikError::response(403, QStringLiteral("HTTP-403"), QStringLiteral("Forbidden"), ErrorStatusStyle::Integer,
                               detail);
}

} // namespace

ApiKeyWrites::ApiKeyWrites(SimulatedTenant &tenant, const ApiKeySigner &signer)
    : m_tenant(tenant)
    , m_signer(signer)
{ }

SimResponse ApiKeyWrites::create(const SimRequest &request, const SimCaller &caller, const QString &origin)
{
    const QString me = caller.user->id;
    if (!m_tenant.effectiveScopes(*caller.user).contains(QStringLiteral("api-keys"))) {
        return forbidden(QStringLiteral("Creating API keys needs the Manage API keys permission (scope \"api-keys\") "
                                        "through a role or User Default."));
    }
    if (caller.signedIn && m_signInRefused)
        return forbidden(QStringLiteral("API keys cannot be created with this kind of access token."));
    if (!caller.userScopes) {
        return forbidden(
            QStringLiteral("This access token lacks the user_default scope, which creating API keys needs."));
    }
    QString error;
    const auto document = RequestBody::json(request, &error);
    if (!document)
        return badRequest(error);
    if (!document->isObject())
        return badRequest(QStringLiteral("The body must be a JSON object (ApiKeyBody)."));
    const QJsonObject body = document->object();
    const QJsonValue description = body.value(QStringLiteral("description"));
    if (!description.isString() || description.toString().trimmed().isEmpty()) {
        return badRequest(QStringLiteral("description is required and must be a non-empty string."),
                          QStringLiteral("/description"));
    }
    const QJsonValue subType = body.value(QStringLiteral("subType"));
    if (!subType.isUndefined() && subType.toString() != u"user") {
        return badRequest(subType.toString() == u"externalClient"
                              ? QStringLiteral("The practice tenant has no SCIM identity provider.")
                              : QStringLiteral("subType must be \"user\" or \"externalClient\"."),
                          QStringLiteral("/subType"));
    }
    const QJsonValue sub = body.value(QStringLiteral("sub"));
    if (!sub.isUndefined() && sub.toString() != me)
        return forbidden(QStringLiteral("API keys can only be created for yourself."));

    const qint64 maximum = IsoDuration::seconds(m_tenant.maxApiKeyExpiry).value_or(defaultMaximumSeconds);
    qint64 lifetime = maximum;
    const QJsonValue expiry = body.value(QStringLiteral("expiry"));
    if (!expiry.isUndefined()) {
        const auto requested = IsoDuration::seconds(expiry.toString());
        if (!expiry.isString() || !requested) {
            return badRequest(m_refusalWording
                                  ? QStringLiteral("expiry must be an ISO 8601 duration such as P90D, P12W or PT24H.")
                                  : neutralDetail,
                              QStringLiteral("/expiry"));
        }
        if (*requested > maximum) {
            if (!m_refusalWording)
                return badRequest(neutralDetail, QStringLiteral("/expiry"));
            return badRequest(QStringLiteral("The expiry %1 is longer than this tenant's maximum API key expiry of %2.")
                                  .arg(expiry.toString(), m_tenant.maxApiKeyExpiry),
                              QStringLiteral("/expiry"),
                              QJsonObject {{QStringLiteral("max_api_key_expiry"), m_tenant.maxApiKeyExpiry}});
        }
        lifetime = *requested;
    }
    const auto active = std::count_if(m_tenant.apiKeys.cbegin(), m_tenant.apiKeys.cend(), [&me](const SimApiKey &key) {
        return key.sub == me && ResourceJson::apiKeyStatus(key) == u"active";
    });
    if (active >= m_tenant.maxKeysPerUser) {
        if (!m_refusalWording)
            return badRequest(neutralDetail);
        return badRequest(QStringLiteral("You already have %1 active API keys, the maximum of this tenant (%2 per "
                                         "user). Delete one before creating another.")
                              .arg(active)
                              .arg(m_tenant.maxKeysPerUser),
                          QString(), QJsonObject {{QStringLiteral("max_keys_per_user"), m_tenant.maxKeysPerUser}});
    }

    const QDateTime now = QDateTime::currentDateTimeUtc();
    const SimApiKey key {CryptoUtil::randomHexId(), me, description.toString(), QStringLiteral("active"), now,
                         now.addSecs(lifetime),     me};
    m_tenant.apiKeys.append(key);
    QJsonObject answer = ResourceJson(m_tenant, origin).apiKey(key);
    QByteArray token = m_signer.sign(key, m_tenant.id);
    answer.insert(QStringLiteral("token"), QString::fromLatin1(token));
    token.fill('\0');
    SimResponse response = SimResponse::json(201, answer);
    response.headers.append({QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")});
    return response;
}

SimResponse ApiKeyWrites::remove(const SimCaller &caller, const QString &keyId)
{
    const auto found = std::find_if(m_tenant.apiKeys.begin(), m_tenant.apiKeys.end(),
                                    [&keyId](const SimApiKey &key) { return key.id == keyId; });
    if (found == m_tenant.apiKeys.end()) {
        return QlikError::response(404, QStringLiteral("HTTP-404"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::Integer, QStringLiteral("API key not found."));
    }
    if (found->sub == caller.user->id) {
        m_tenant.apiKeys.removeAt(std::distance(m_tenant.apiKeys.begin(), found));
        return SimResponse::noContent();
    }
    if (!caller.tenantAdmin)
        return forbidden(QStringLiteral("Only the key's owner or a tenant admin can delete or revoke this API key."));
    found->status = QStringLiteral("revoked");
    return SimResponse::noContent();
}

} // namespace Dawiso::Simulator
