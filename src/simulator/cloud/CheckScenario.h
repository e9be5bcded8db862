#pragma once

namespace Dawiso::Simulator {

// The situations the connection check must tell apart; SimulatorScenario builds each one.
enum class CheckScenario {
    Healthy, // demo(): the Healthy key sees 3 spaces and their apps, and opens them
    NoSpaces, // the key's user is in no space (and has no apps)
    AppsNotOpenable, // apps are listed but every GET /apps/{id} answers 403 (openForbidden)
    ManagedAdmin, // a tenant admin who is in no managed space: managed apps listed but not openable
    TenantAdminKey, // the key's user is a tenant admin (everything else fine)
    ExpiringSoon, // key expires in 3 days
    ExpiredKey, // key expired (APIKEYS-18)
    RateLimitedFirstPage, // the first page of /api/v1/spaces and of /api/v1/items answer 429 retry-after 1 once
    ManyApps, // 250 apps over 3 spaces: paging needed at limit=100
    SlowResponses, // every response delayed by 300 ms
    InvalidJson, // /api/v1/items answers truncated JSON
    WrongJsonTypes, // /api/v1/spaces data entries have "type": 7 and "name": [] and items have "spaceId": {} etc.
};

} // namespace Dawiso::Simulator
