#include "simulator/cloud/QlikApi.h"

#include "simulator/cloud/ApiKeySigner.h"
#include "simulator/cloud/CursorCodec.h"
#include "simulator/cloud/ListQuery.h"
#include "simulator/cloud/OAuthTokenStore.h"
#include "simulator/cloud/QlikError.h"
#include "simulator/cloud/ResourceAttributes.h"
#include "simulator/cloud/ResourceJson.h"

#include <QJsonArray>
#include <QUrl>

#include <algorithm>
#include <functional>
#include <optional>

namespace Dawiso::Simulator {

namespace {

enum class Endpoint {
    WellKnown,
    UsersMe,
    User,
    Users,
    TenantMe,
    Tenant,
    ApiKeys,
    ApiKey,
    ApiKeyConfig,
    Roles,
    Role,
    Spaces,
    Items,
    App,
    AppMetadata,
};

struct Route
{
    Endpoint endpoint;
    QString id;
};

std::optional<Route> route(const QString &path)
{
    if (path == u"/.well-known/oauth-authorization-server")
        return Route {Endpoint::WellKnown, {}};
    const QString prefix = QStringLiteral("/api/v1/");
    if (!path.startsWith(prefix))
        return std::nullopt;
    const QStringList parts = path.mid(prefix.size()).split(u'/');
    if (parts.contains(QString()))
        return std::nullopt;
    const QString &collection = parts.constFirst();
    if (parts.size() == 1) {
        if (collection == u"users")
            return Route {Endpoint::Users, {}};
        if (collection == u"api-keys")
            return Route {Endpoint::ApiKeys, {}};
        if (collection == u"roles")
            return Route {Endpoint::Roles, {}};
        if (collection == u"spaces")
            return Route {Endpoint::Spaces, {}};
        if (collection == u"items")
            return Route {Endpoint::Items, {}};
        return std::nullopt;
    }
    if (parts.size() == 2) {
        const QString &id = parts.at(1);
        if (collection == u"users")
            return Route {id == u"me" ? Endpoint::UsersMe : Endpoint::User, id};
        if (collection == u"tenants")
            return Route {id == u"me" ? Endpoint::TenantMe : Endpoint::Tenant, id};
        if (collection == u"api-keys")
            return Route {Endpoint::ApiKey, id};
        if (collection == u"roles")
            return Route {Endpoint::Role, id};
        if (collection == u"apps")
            return Route {Endpoint::App, id};
        return std::nullopt;
    }
    if (parts.size() == 3 && collection == u"api-keys" && parts.at(1) == u"configs")
        return Route {Endpoint::ApiKeyConfig, parts.at(2)};
    if (parts.size() == 4 && collection == u"apps" && parts.at(2) == u"data" && parts.at(3) == u"metadata")
        return Route {Endpoint::AppMetadata, parts.at(1)};
    return std::nullopt;
}

// The methods each endpoint answers; GET first. Anything else is 405 with an Allow header.
QList<QByteArray> allowedMethods(Endpoint endpoint)
{
    switch (endpoint) {
    case Endpoint::User:
    case Endpoint::Role:
        return {QByteArrayLiteral("GET"), QByteArrayLiteral("PATCH")};
    case Endpoint::Roles:
    case Endpoint::ApiKeys:
        return {QByteArrayLiteral("GET"), QByteArrayLiteral("POST")};
    case Endpoint::ApiKey:
        return {QByteArrayLiteral("GET"), QByteArrayLiteral("DELETE")};
    default:
        return {QByteArrayLiteral("GET")};
    }
}

QString param(const QUrlQuery &query, const QString &key)
{
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

SimResponse badRequest(ErrorStatusStyle style, const QString &detail)
{
    return QlikError::response(400, QStringLiteral("HTTP-400"), QStringLiteral("Bad request"), style, detail);
}

SimResponse forbidden(ErrorStatusStyle style, const QString &detail)
{
    return QlikError::response(403, QStringLiteral("HTTP-403"), QStringLiteral("Forbidden"), style, detail);
}

SimResponse notAuthorized(const QString &detail = QString())
{
    return QlikError::response(401, QStringLiteral("LOGIN-1"), QStringLiteral("Not Authorized"),
                               ErrorStatusStyle::String, detail);
}

// APIKEYS-18 is the code of Qlik's com.qlik.v1.api-key.validation.failed event ("expired or revoked"). Whether the
// live REST answer to such a key carries this code is unconfirmed: check against a live tenant.
SimResponse expiredOrRevoked()
{
    return QlikError::response(401, QStringLiteral("APIKEYS-18"), QStringLiteral("API key is expired or revoked"),
                               ErrorStatusStyle::Integer);
}

// The answer for a credential whose user is gone (401) or not active (403); nullopt when the user may act.
std::optional<SimResponse> refuseUser(const SimUser *user)
{
    if (!user)
        return notAuthorized();
    if (user->status != u"active") {
        return forbidden(ErrorStatusStyle::Integer,
                         QStringLiteral("The user of this credential is %1 in the tenant.").arg(user->status));
    }
    return std::nullopt;
}

// ?fields=a,b trims a resource to those fields (links only when asked for). The id always stays so that a trimmed
// resource can still be told apart; whether Qlik does the same is unconfirmed.
QJsonObject trimmed(const QJsonObject &resource, const QUrlQuery &query)
{
    const QString fields = param(query, QStringLiteral("fields"));
    if (fields.isEmpty())
        return resource;
    QJsonObject result {{QStringLiteral("id"), resource.value(QStringLiteral("id"))}};
    for (const QString &field : fields.split(u',', Qt::SkipEmptyParts)) {
        const QString name = field.trimmed();
        if (resource.contains(name))
            result.insert(name, resource.value(name));
    }
    return result;
}

template <typename T>
void sortBy(QList<const T *> *items, const ListQuery::Sort &sort,
            const std::function<QString(const T &, const QString &)> &value)
{
    const QString field = sort.field.toLower();
    std::stable_sort(items->begin(), items->end(), [&](const T *a, const T *b) {
        int order = value(*a, field).compare(value(*b, field), Qt::CaseInsensitive);
        if (order == 0)
            order = a->id.compare(b->id);
        return sort.descending ? order > 0 : order < 0;
    });
}

} // namespace

QlikApi::QlikApi(SimulatedTenant &tenant, const ApiKeySigner &tokens, const CursorCodec &cursors,
                 const OAuthTokenStore &oauthTokens, std::function<QString()> hostAndPort)
    : m_tenant(tenant)
    , m_tokens(tokens)
    , m_cursors(cursors)
    , m_oauthTokens(oauthTokens)
    , m_content(tenant, cursors)
    , m_roleWrites(tenant)
    , m_userPatch(tenant)
    , m_apiKeyWrites(tenant, tokens)
    , m_hostAndPort(std::move(hostAndPort))
{ }

QString QlikApi::origin() const
{
    return QStringLiteral("https://") + m_hostAndPort();
}

QString QlikApi::linksOrigin() const
{
    if (m_aliasHost.isEmpty())
        return origin();
    const QString own = m_hostAndPort();
    return QStringLiteral("https://") + m_aliasHost + own.mid(own.lastIndexOf(u':'));
}

SimResponse QlikApi::handle(const SimRequest &request)
{
    const auto matched = route(request.path);
    if (!matched) {
        return QlikError::response(404, QStringLiteral("HTTP-404"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::Integer, QStringLiteral("No such endpoint."));
    }
    const QList<QByteArray> allowed = allowedMethods(matched->endpoint);
    if (!allowed.contains(request.method)) {
        SimResponse response = QlikError::response(405, QStringLiteral("HTTP-405"),
                                                   QStringLiteral("Method not allowed"), ErrorStatusStyle::Integer);
        QByteArray allow;
        for (const QByteArray &method : allowed)
            allow += (allow.isEmpty() ? QByteArray() : QByteArrayLiteral(", ")) + method;
        response.headers.append({QByteArrayLiteral("Allow"), allow});
        return response;
    }
    if (matched->endpoint == Endpoint::WellKnown)
        return wellKnown();

    const auto authenticated = authenticate(request);
    if (const auto *refusal = std::get_if<SimResponse>(&authenticated))
        return *refusal;
    const SimCaller &caller = std::get<SimCaller>(authenticated);
    // Content visibility is worked out per request (the tenant may have changed), and only where it is needed.
    const auto access = [this, &caller] {
        return ContentAccess(m_tenant, *caller.user, caller.tenantAdmin);
    };
    const bool get = request.method == "GET";

    switch (matched->endpoint) {
    case Endpoint::WellKnown:
        return wellKnown();
    case Endpoint::UsersMe:
        return usersMe(request, caller);
    case Endpoint::User:
        return get ? user(request, caller, matched->id) : m_userPatch.apply(request, caller, matched->id);
    case Endpoint::Users:
        return users(request, caller);
    case Endpoint::TenantMe:
        return tenantMe();
    case Endpoint::Tenant:
        return tenant(matched->id);
    case Endpoint::ApiKeys:
        return get ? apiKeys(request, caller) : m_apiKeyWrites.create(request, caller, linksOrigin());
    case Endpoint::ApiKey:
        return get ? apiKey(caller, matched->id) : m_apiKeyWrites.remove(caller, matched->id);
    case Endpoint::ApiKeyConfig:
        return apiKeyConfig(matched->id);
    case Endpoint::Roles:
        return get ? roles(request, caller) : m_roleWrites.create(request, caller, linksOrigin());
    case Endpoint::Role:
        return get ? role(caller, matched->id) : m_roleWrites.patch(request, caller, matched->id);
    case Endpoint::Spaces:
        return m_content.spaces(request, access(), linksOrigin());
    case Endpoint::Items:
        return m_content.items(request, access(), linksOrigin());
    case Endpoint::App:
        return m_content.app(access(), matched->id, linksOrigin());
    case Endpoint::AppMetadata:
        return m_content.appMetadata(access(), matched->id);
    }
    Q_UNREACHABLE();
    return {};
}

std::variant<SimCaller, SimResponse> QlikApi::authenticate(const SimRequest &request) const
{
    const QByteArray scheme = QByteArrayLiteral("bearer ");
    const QByteArray header = request.authorization();
    if (header.size() <= scheme.size() || header.left(scheme.size()).toLower() != scheme)
        return notAuthorized();
    const QByteArray credential = header.mid(scheme.size()).trimmed();
    // API keys are JWTs; the simulator's OAuth access tokens are opaque and have no dots.
    if (credential.count('.') != 2)
        return authenticateOAuth(credential);
    const auto claims = m_tokens.verify(credential);
    if (!claims || claims->tenantId != m_tenant.id)
        return notAuthorized();
    const SimApiKey *key = m_tenant.apiKey(claims->keyId);
    if (!key || key->sub != claims->subject)
        return notAuthorized();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (ResourceJson::apiKeyStatus(*key) != u"active" || claims->expiry <= now)
        return expiredOrRevoked();
    const SimUser *owner = m_tenant.user(key->sub);
    if (const auto refusal = refuseUser(owner))
        return *refusal;
    // An API key acts with all of its user's rights.
    return SimCaller {owner, m_tenant.isTenantAdmin(*owner), true};
}

std::variant<SimCaller, SimResponse> QlikApi::authenticateOAuth(const QByteArray &token) const
{
    OAuthGrant grant;
    switch (m_oauthTokens.accessToken(token, &grant)) {
    case OAuthTokenStore::Lookup::Unknown:
        return notAuthorized();
    case OAuthTokenStore::Lookup::Expired:
        return notAuthorized(QStringLiteral("The access token has expired; sign in again."));
    case OAuthTokenStore::Lookup::Valid:
        break;
    }
    const SimUser *user = m_tenant.user(grant.userId);
    if (const auto refusal = refuseUser(user))
        return *refusal;
    // Scopes narrow what the user's roles allow; they never add to it.
    const bool admin = m_tenant.isTenantAdmin(*user) && grant.scopes.contains(QStringLiteral("admin_classic"));
    return SimCaller {user, admin, grant.scopes.contains(QStringLiteral("user_default")), true};
}

SimResponse QlikApi::wellKnown() const
{
    // Exactly the grants OAuthServer answers (Qlik also lists urn:qlik:oauth:user-impersonation, which the practice
    // tenant does not simulate).
    const QString base = origin();
    return SimResponse::json(
        200,
        QJsonObject {
            {QStringLiteral("issuer"), m_issuerOverride.isEmpty() ? base : m_issuerOverride},
            {QStringLiteral("authorization_endpoint"), QString(base + QStringLiteral("/oauth/authorize"))},
            {QStringLiteral("token_endpoint"), QString(base + QStringLiteral("/oauth/token"))},
            {QStringLiteral("revocation_endpoint"), QString(base + QStringLiteral("/oauth/revoke"))},
            {QStringLiteral("jwks_uri"), QString(base + QStringLiteral("/.well-known/jwks.json"))},
            {QStringLiteral("grant_types_supported"),
             QJsonArray {QStringLiteral("authorization_code"), QStringLiteral("refresh_token"),
                         QStringLiteral("client_credentials")}},
            {QStringLiteral("response_types_supported"), QJsonArray {QStringLiteral("code")}},
            {QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("S256")}},
        });
}

SimResponse QlikApi::usersMe(const SimRequest &request, const SimCaller &caller) const
{
    // Relative, unless the tenant names its other address (an alias) in absolute links.
    QString location =
        (m_aliasHost.isEmpty() ? QString() : linksOrigin()) + QStringLiteral("/api/v1/users/") + caller.user->id;
    if (!request.rawQuery.isEmpty())
        location += u'?' + request.rawQuery;
    return SimResponse::redirect(301, location);
}

SimResponse QlikApi::user(const SimRequest &request, const SimCaller &caller, const QString &userId) const
{
    if (!caller.tenantAdmin && userId != caller.user->id)
        return forbidden(ErrorStatusStyle::Integer, QStringLiteral("Only a tenant admin can read other users."));
    const SimUser *found = m_tenant.user(userId);
    if (!found) {
        return QlikError::response(404, QStringLiteral("USERS-7"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::Integer);
    }
    return SimResponse::json(200, trimmed(ResourceJson(m_tenant, linksOrigin()).user(*found), request.query));
}

SimResponse QlikApi::users(const SimRequest &request, const SimCaller &caller) const
{
    static const ListQuery::Rules rules {
        QStringLiteral("users"),
        20,
        QStringLiteral("+name"),
        {QStringLiteral("name"), QStringLiteral("id"), QStringLiteral("_id"), QStringLiteral("tenantId"),
         QStringLiteral("clientId"), QStringLiteral("status"), QStringLiteral("subject"), QStringLiteral("email"),
         QStringLiteral("inviteExpiry"), QStringLiteral("createdAt")},
        ResourceAttributes::userFilterRules(),
    };
    QString error;
    const auto list = ListQuery::parse(request, rules, m_cursors, &error);
    if (!list)
        return badRequest(ErrorStatusStyle::Integer, error);

    QList<const SimUser *> matching;
    for (const SimUser &candidate : std::as_const(m_tenant.users)) {
        if (!caller.tenantAdmin && candidate.id != caller.user->id)
            continue;
        const auto values = [this, &candidate](const QString &attribute) {
            return ResourceAttributes::userValues(m_tenant, candidate, attribute);
        };
        if (!list->filter || list->filter->matches(values))
            matching.append(&candidate);
    }
    sortBy<SimUser>(&matching, list->sort, [this](const SimUser &item, const QString &field) {
        return ResourceAttributes::userValues(m_tenant, item, field).value(0);
    });

    const ListQuery::Page page = ListQuery::page(matching.size(), list->start, list->limit, m_cursors, rules.list);
    const ResourceJson json(m_tenant, linksOrigin());
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(trimmed(json.user(*matching.at(i)), request.query));
    QJsonObject body {
        {QStringLiteral("data"), data},
        {QStringLiteral("links"),
         ListQuery::links(linksOrigin(), request, {QStringLiteral("next"), QStringLiteral("prev")},
                          QStringLiteral("next"), page.next, QStringLiteral("prev"), page.prev)},
    };
    if (param(request.query, QStringLiteral("totalResults")) == u"true")
        body.insert(QStringLiteral("totalResults"), matching.size());
    return SimResponse::json(200, body);
}

SimResponse QlikApi::tenantMe() const
{
    return SimResponse::redirect(
        302, (m_aliasHost.isEmpty() ? QString() : linksOrigin()) + QStringLiteral("/api/v1/tenants/") + m_tenant.id);
}

SimResponse QlikApi::tenant(const QString &tenantId) const
{
    if (tenantId != m_tenant.id) {
        return QlikError::response(404, QStringLiteral("TENANTS-8"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::String);
    }
    return SimResponse::json(200, ResourceJson(m_tenant, linksOrigin()).tenant(m_hostAndPort()));
}

SimResponse QlikApi::apiKeys(const SimRequest &request, const SimCaller &caller) const
{
    QString error;
    const auto limit = ListQuery::limit(request.query, &error);
    const auto sort = limit
        ? ListQuery::sort(request.query, QStringLiteral("-created"),
                          {QStringLiteral("createdByUser"), QStringLiteral("sub"), QStringLiteral("status"),
                           QStringLiteral("description"), QStringLiteral("created")},
                          &error)
        : std::nullopt;
    if (!sort)
        return badRequest(ErrorStatusStyle::Integer, error);
    const QString sub = param(request.query, QStringLiteral("sub"));
    const QString status = param(request.query, QStringLiteral("status"));
    const QString createdByUser = param(request.query, QStringLiteral("createdByUser"));
    const QString startingAfter = param(request.query, QStringLiteral("startingAfter"));
    const QString endingBefore = param(request.query, QStringLiteral("endingBefore"));
    if (!status.isEmpty() && status != u"active" && status != u"expired" && status != u"revoked")
        return badRequest(ErrorStatusStyle::Integer, QStringLiteral("status must be active, expired or revoked"));
    if (!startingAfter.isEmpty() && !endingBefore.isEmpty()) {
        return badRequest(ErrorStatusStyle::Integer,
                          QStringLiteral("startingAfter and endingBefore cannot be used together"));
    }
    const QString &me = caller.user->id;
    if (!caller.tenantAdmin && ((!sub.isEmpty() && sub != me) || (!createdByUser.isEmpty() && createdByUser != me))) {
        return forbidden(ErrorStatusStyle::Integer,
                         QStringLiteral("Listing API keys of other users requires the TenantAdmin role."));
    }

    QList<const SimApiKey *> matching;
    for (const SimApiKey &key : std::as_const(m_tenant.apiKeys)) {
        const bool visible = caller.tenantAdmin || key.sub == me;
        if (visible && (sub.isEmpty() || key.sub == sub)
            && (status.isEmpty() || ResourceJson::apiKeyStatus(key) == status)
            && (createdByUser.isEmpty() || key.createdByUser == createdByUser))
            matching.append(&key);
    }
    sortBy<SimApiKey>(&matching, *sort, [](const SimApiKey &key, const QString &field) {
        if (field == u"createdbyuser")
            return key.createdByUser;
        if (field == u"sub")
            return key.sub;
        if (field == u"status")
            return ResourceJson::apiKeyStatus(key);
        if (field == u"description")
            return key.description;
        return ResourceJson::timestamp(key.created);
    });

    // startingAfter / endingBefore name a key; the page is the keys right after / right before it in sort order.
    const QString anchor = startingAfter.isEmpty() ? endingBefore : startingAfter;
    qsizetype begin = 0;
    qsizetype end = std::min<qsizetype>(*limit, matching.size());
    if (!anchor.isEmpty()) {
        const auto found = std::find_if(matching.cbegin(), matching.cend(),
                                        [&anchor](const SimApiKey *key) { return key->id == anchor; });
        if (found == matching.cend())
            return badRequest(ErrorStatusStyle::Integer, QStringLiteral("No API key %1 in this listing.").arg(anchor));
        const qsizetype index = found - matching.cbegin();
        begin = startingAfter.isEmpty() ? std::max<qsizetype>(0, index - *limit) : index + 1;
        end = startingAfter.isEmpty() ? index : std::min<qsizetype>(begin + *limit, matching.size());
    }

    const ResourceJson json(m_tenant, linksOrigin());
    QJsonArray data;
    for (qsizetype i = begin; i < end; ++i)
        data.append(json.apiKey(*matching.at(i)));
    const QString next = end < matching.size() && end > begin ? matching.at(end - 1)->id : QString();
    const QString prev = begin > 0 && end > begin ? matching.at(begin)->id : QString();
    return SimResponse::json(
        200,
        QJsonObject {
            {QStringLiteral("data"), data},
            {QStringLiteral("links"),
             ListQuery::links(linksOrigin(), request, {QStringLiteral("startingAfter"), QStringLiteral("endingBefore")},
                              QStringLiteral("startingAfter"), next, QStringLiteral("endingBefore"), prev)},
        });
}

SimResponse QlikApi::apiKey(const SimCaller &caller, const QString &keyId) const
{
    const SimApiKey *key = m_tenant.apiKey(keyId);
    if (!key) {
        return QlikError::response(404, QStringLiteral("HTTP-404"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::Integer, QStringLiteral("API key not found."));
    }
    if (!caller.tenantAdmin && key->sub != caller.user->id) {
        return forbidden(ErrorStatusStyle::Integer,
                         QStringLiteral("Reading API keys of other users requires the TenantAdmin role."));
    }
    return SimResponse::json(200, ResourceJson(m_tenant, linksOrigin()).apiKey(*key));
}

SimResponse QlikApi::apiKeyConfig(const QString &tenantId) const
{
    if (tenantId != m_tenant.id) {
        return QlikError::response(404, QStringLiteral("HTTP-404"), QStringLiteral("Not found"),
                                   ErrorStatusStyle::Integer, QStringLiteral("Tenant not found."));
    }
    return SimResponse::json(200,
                             QJsonObject {
                                 {QStringLiteral("max_keys_per_user"), m_tenant.maxKeysPerUser},
                                 {QStringLiteral("max_api_key_expiry"), m_tenant.maxApiKeyExpiry},
                                 {QStringLiteral("scim_externalClient_expiry"), QStringLiteral("P365D")},
                             });
}

SimResponse QlikApi::roles(const SimRequest &request, const SimCaller &caller) const
{
    // Since 2024-04-09 only TenantAdmin may list roles (https://qlik.dev/changelog/89-api-updates-roles/).
    if (!caller.tenantAdmin)
        return forbidden(ErrorStatusStyle::Omitted, QStringLiteral("Listing roles requires the TenantAdmin role."));
    static const ListQuery::Rules rules {
        QStringLiteral("roles"),
        20,
        QStringLiteral("+name"),
        {QStringLiteral("name"), QStringLiteral("id"), QStringLiteral("type"), QStringLiteral("level"),
         QStringLiteral("createdAt"), QStringLiteral("lastUpdatedAt"), QStringLiteral("description")},
        ResourceAttributes::roleFilterRules(),
    };
    QString error;
    const auto list = ListQuery::parse(request, rules, m_cursors, &error);
    if (!list)
        return badRequest(ErrorStatusStyle::Omitted, error);

    QList<const SimRole *> matching;
    for (const SimRole &candidate : std::as_const(m_tenant.roles)) {
        const auto values = [this, &candidate](const QString &attribute) {
            return ResourceAttributes::roleValues(m_tenant, candidate, attribute);
        };
        if (!list->filter || list->filter->matches(values))
            matching.append(&candidate);
    }
    sortBy<SimRole>(&matching, list->sort, [this](const SimRole &item, const QString &field) {
        return ResourceAttributes::roleValues(m_tenant, item, field).value(0);
    });

    const ListQuery::Page page = ListQuery::page(matching.size(), list->start, list->limit, m_cursors, rules.list);
    const ResourceJson json(m_tenant, linksOrigin());
    QJsonArray data;
    for (qsizetype i = page.begin; i < page.end; ++i)
        data.append(json.role(*matching.at(i)));
    QJsonObject body {
        {QStringLiteral("data"), data},
        {QStringLiteral("links"),
         ListQuery::links(linksOrigin(), request, {QStringLiteral("next"), QStringLiteral("prev")},
                          QStringLiteral("next"), page.next, QStringLiteral("prev"), page.prev)},
    };
    if (param(request.query, QStringLiteral("totalResults")) == u"true")
        body.insert(QStringLiteral("totalResults"), matching.size());
    return SimResponse::json(200, body);
}

SimResponse QlikApi::role(const SimCaller &caller, const QString &roleId) const
{
    if (!caller.tenantAdmin)
        return forbidden(ErrorStatusStyle::Omitted, QStringLiteral("Reading roles requires the TenantAdmin role."));
    const SimRole *found = m_tenant.role(roleId);
    if (!found) {
        return QlikError::response(404, QStringLiteral("IDENTITIES-10402"), QStringLiteral("Not Found"),
                                   ErrorStatusStyle::Omitted);
    }
    return SimResponse::json(200, ResourceJson(m_tenant, linksOrigin()).role(*found));
}

} // namespace Dawiso::Simulator
