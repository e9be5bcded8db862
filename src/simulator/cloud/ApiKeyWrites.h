#pragma once

#include "simulator/cloud/SimCaller.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QString>

namespace Dawiso::Simulator {

class ApiKeySigner;

// POST /api/v1/api-keys and DELETE /api/v1/api-keys/{id} (https://qlik.dev/apis/rest/api-keys/):
// - create: the caller needs the "api-keys" scope among their effective scopes (Manage API keys, through UserDefault,
//   a role or a group; TenantAdmin alone is not enough) and, with an OAuth token, user_default; {description,
//   expiry?, sub?, subType?} where expiry (ISO 8601, IsoDuration) may not exceed the tenant's max_api_key_expiry
//   (omitted: the maximum) and the caller's active keys must be fewer than max_keys_per_user. 201 ApiKeyWithToken;
//   the token is a JWT signed like every other key and works at once. Keys are for the caller only.
//   Qlik does not document whether a sign-in's access token may create keys; setSignInRefused(true) makes this
//   tenant refuse it (403) as a live one might, while API keys keep working.
// - delete: the owner removes the key (204); a TenantAdmin revokes someone else's (204, status "revoked"); anyone
//   else 403; unknown 404.
class ApiKeyWrites
{
public:
    ApiKeyWrites(SimulatedTenant &tenant, const ApiKeySigner &signer);

    SimResponse create(const SimRequest &request, const SimCaller &caller, const QString &origin);
    SimResponse remove(const SimCaller &caller, const QString &keyId);
    void setSignInRefused(bool refused) { m_signInRefused = refused; }
    // Variation, off by default: refusals of a new key (expiry too long or malformed, too many active keys) name
    // their cause in words ("expiry", "active API keys", "per user") and in meta (max_api_key_expiry,
    // max_keys_per_user). Qlik documents neither, so by default the detail is a neutral sentence.
    void setRefusalWording(bool wording) { m_refusalWording = wording; }

private:
    SimulatedTenant &m_tenant;
    const ApiKeySigner &m_signer;
    bool m_signInRefused = false;
    bool m_refusalWording = false;
};

} // namespace Dawiso::Simulator
