#pragma once

#include "simulator/cloud/SimulatedTenant.h"

namespace Dawiso::Simulator {

// Who sent an authenticated /api/v1 request and what their credential lets them do. An API key acts with all of its
// user's rights; an OAuth access token only within its scopes, and scopes never give more than the user's roles
// (https://qlik.dev/manage/access-control/scopes/).
struct SimCaller
{
    const SimUser *user = nullptr;
    // TenantAdmin (directly or through a group) and, for an OAuth token, the admin_classic scope.
    bool tenantAdmin = false;
    // The user's own permissions, e.g. the "api-keys" scope of their roles: always for an API key, with the
    // user_default scope for an OAuth token.
    bool userScopes = true;
    // The credential was an OAuth access token from a sign-in, not an API key.
    bool signedIn = false;
};

} // namespace Dawiso::Simulator
