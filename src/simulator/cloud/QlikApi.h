#pragma once

#include "simulator/cloud/ApiKeyWrites.h"
#include "simulator/cloud/ContentApi.h"
#include "simulator/cloud/RoleWrites.h"
#include "simulator/cloud/SimCaller.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/cloud/UserPatch.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QString>

#include <functional>
#include <variant>

namespace Dawiso::Simulator {

class ApiKeySigner;
class CursorCodec;
class OAuthTokenStore;
class ResourceJson;

// The simulated tenant's REST API: turns one request into one answer, following Qlik's REST specifications
// (https://qlik.dev/apis/rest/: users, tenants, api-keys, roles and the authorization server metadata; spaces, items
// and apps through ContentApi; the writes through RoleWrites, UserPatch and ApiKeyWrites). Callers authenticate with an
// API key or an OAuth access token (OAuthServer issues those) as Bearer. No transport and no fault injection here,
// apart from the users PATCH misbehaviours that only the endpoint itself can show.
class QlikApi
{
public:
    // hostAndPort: the simulator's "localhost:<port>", known once it listens.
    QlikApi(SimulatedTenant &tenant, const ApiKeySigner &tokens, const CursorCodec &cursors,
            const OAuthTokenStore &oauthTokens, std::function<QString()> hostAndPort);

    void setIssuerOverride(const QString &issuer) { m_issuerOverride = issuer; }
    void setUserPatchAppendRole(bool appendRole) { m_userPatch.setAppendRole(appendRole); }
    void setApiKeyRefusalWording(bool wording) { m_apiKeyWrites.setRefusalWording(wording); }
    void setUserPatchPartial(bool partial) { m_userPatch.setPartial(partial); }
    void setKeyCreationBySignInRefused(bool refused) { m_apiKeyWrites.setSignInRefused(refused); }
    void setAliasHost(const QString &host) { m_aliasHost = host; }
    void setRoleScopeRefused(const QString &scope) { m_roleWrites.setRefusedScope(scope); }

    SimResponse handle(const SimRequest &request);

private:
    QString origin() const;
    // Where absolute links and redirects point: the origin, or the alias host on the same port.
    QString linksOrigin() const;
    std::variant<SimCaller, SimResponse> authenticate(const SimRequest &request) const;
    std::variant<SimCaller, SimResponse> authenticateOAuth(const QByteArray &token) const;

    SimResponse wellKnown() const;
    SimResponse usersMe(const SimRequest &request, const SimCaller &caller) const;
    SimResponse user(const SimRequest &request, const SimCaller &caller, const QString &userId) const;
    SimResponse users(const SimRequest &request, const SimCaller &caller) const;
    SimResponse tenantMe() const;
    SimResponse tenant(const QString &tenantId) const;
    SimResponse apiKeys(const SimRequest &request, const SimCaller &caller) const;
    SimResponse apiKey(const SimCaller &caller, const QString &keyId) const;
    SimResponse apiKeyConfig(const QString &tenantId) const;
    SimResponse roles(const SimRequest &request, const SimCaller &caller) const;
    SimResponse role(const SimCaller &caller, const QString &roleId) const;

    SimulatedTenant &m_tenant;
    const ApiKeySigner &m_tokens;
    const CursorCodec &m_cursors;
    const OAuthTokenStore &m_oauthTokens;
    ContentApi m_content;
    RoleWrites m_roleWrites;
    UserPatch m_userPatch;
    ApiKeyWrites m_apiKeyWrites;
    std::function<QString()> m_hostAndPort;
    QString m_issuerOverride;
    QString m_aliasHost;
};

} // namespace Dawiso::Simulator
