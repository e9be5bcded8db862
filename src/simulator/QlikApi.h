#pragma once

#include "ContentApi.h"
#include "SimRequest.h"
#include "SimResponse.h"
#include "SimulatedTenant.h"

#include <QString>

#include <variant>

namespace Dawiso::Simulator {

class ApiKeySigner;
class CursorCodec;
class ResourceJson;

// The simulated tenant's REST API: turns one request into one answer, following shared/qlik-specs (users.json,
// tenants.json, api-keys.json, roles.json, well-known.json; spaces.json, items.json and apps.json through
// ContentApi). No transport and no fault injection here.
class QlikApi
{
public:
    QlikApi(SimulatedTenant &tenant, const ApiKeySigner &tokens, const CursorCodec &cursors);

    void setHostAndPort(const QString &hostAndPort) { m_hostAndPort = hostAndPort; }
    void setIssuerOverride(const QString &issuer) { m_issuerOverride = issuer; }

    SimResponse handle(const SimRequest &request) const;

private:
    struct Caller
    {
        const SimUser *user = nullptr;
        bool tenantAdmin = false;
    };

    QString origin() const;
    std::variant<Caller, SimResponse> authenticate(const SimRequest &request) const;

    SimResponse wellKnown() const;
    SimResponse usersMe(const SimRequest &request, const Caller &caller) const;
    SimResponse user(const SimRequest &request, const Caller &caller, const QString &userId) const;
    SimResponse users(const SimRequest &request, const Caller &caller) const;
    SimResponse tenantMe() const;
    SimResponse tenant(const QString &tenantId) const;
    SimResponse apiKeys(const SimRequest &request, const Caller &caller) const;
    SimResponse apiKey(const Caller &caller, const QString &keyId) const;
    SimResponse apiKeyConfig(const QString &tenantId) const;
    SimResponse roles(const SimRequest &request, const Caller &caller) const;
    SimResponse role(const Caller &caller, const QString &roleId) const;

    SimulatedTenant &m_tenant;
    const ApiKeySigner &m_tokens;
    const CursorCodec &m_cursors;
    ContentApi m_content;
    QString m_hostAndPort;
    QString m_issuerOverride;
};

} // namespace Dawiso::Simulator
