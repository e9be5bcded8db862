#include "simulator/cloud/SimulatorScenario.h"

#include "simulator/cloud/DemoTenant.h"

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

QString keyUser(const SimulatedTenant &tenant, SampleKey key)
{
    const SimApiKey *record = tenant.apiKey(DemoTenant::sampleKeyId(key));
    return record ? record->sub : QString();
}

QString ownerOfEverything(const SimulatedTenant &tenant)
{
    for (const SimUser &user : tenant.users) {
        if (user.name == u"Bob Analyst")
            return user.id;
    }
    return tenant.users.constFirst().id;
}

// Generated records get ids of Qlik's shapes: 24 hex characters for spaces and items, a UUID for apps.
SimSpace generatedSpace(int number, const QString &type, const QString &ownerId, const QStringList &memberIds)
{
    return SimSpace {QStringLiteral("5e00%1").arg(number, 20, 16, QLatin1Char('0')),
                     QStringLiteral("Space %1").arg(number + 1, 4, 10, QLatin1Char('0')),
                     type,
                     ownerId,
                     memberIds,
                     QStringLiteral("Generated space for paging and benchmarks.")};
}

SimApp generatedApp(int number, const QString &spaceId, const QString &ownerId)
{
    SimApp app;
    app.id = QStringLiteral("00000000-0000-4000-8000-%1").arg(number, 12, 16, QLatin1Char('0'));
    app.itemId = QStringLiteral("6e00%1").arg(number, 20, 16, QLatin1Char('0'));
    app.name = QStringLiteral("App %1").arg(number + 1, 5, 10, QLatin1Char('0'));
    app.spaceId = spaceId;
    app.ownerId = ownerId;
    return app;
}

void removeFromSpaces(SimulatedTenant &tenant, const QString &userId, const QString &type = QString())
{
    for (SimSpace &space : tenant.spaces) {
        if (type.isEmpty() || space.type == type)
            space.memberIds.removeAll(userId);
    }
}

} // namespace

ScenarioSetup SimulatorScenario::tenantFor(CheckScenario scenario)
{
    ScenarioSetup setup {SimulatedTenant::demo(), SampleKey::Healthy};
    SimulatedTenant &tenant = setup.tenant;
    switch (scenario) {
    case CheckScenario::Healthy:
    case CheckScenario::RateLimitedFirstPage:
    case CheckScenario::SlowResponses:
    case CheckScenario::InvalidJson:
    case CheckScenario::WrongJsonTypes:
        break;
    case CheckScenario::NoSpaces: {
        const QString userId = keyUser(tenant, SampleKey::Healthy);
        removeFromSpaces(tenant, userId);
        const auto owned = [&userId](const auto &record) {
            return record.ownerId == userId;
        };
        tenant.spaces.removeIf(owned);
        tenant.apps.removeIf(owned);
        break;
    }
    case CheckScenario::AppsNotOpenable:
        for (SimApp &app : tenant.apps)
            app.openForbidden = true;
        break;
    case CheckScenario::ManagedAdmin: {
        // demo() already has Alex Admin outside the managed space; keep it so if demo() ever changes.
        setup.key = SampleKey::TenantAdmin;
        const QString userId = keyUser(tenant, setup.key);
        removeFromSpaces(tenant, userId, QStringLiteral("managed"));
        const QString owner = ownerOfEverything(tenant);
        for (SimSpace &space : tenant.spaces) {
            if (space.type == u"managed" && space.ownerId == userId)
                space.ownerId = owner;
        }
        for (SimApp &app : tenant.apps) {
            const SimSpace *space = tenant.space(app.spaceId);
            if (space && space->type == u"managed" && app.ownerId == userId)
                app.ownerId = owner;
        }
        break;
    }
    case CheckScenario::TenantAdminKey: {
        setup.key = SampleKey::TenantAdmin;
        const QString userId = keyUser(tenant, setup.key);
        for (SimSpace &space : tenant.spaces) {
            if (space.ownerId != userId && !space.memberIds.contains(userId))
                space.memberIds.append(userId);
        }
        break;
    }
    case CheckScenario::ExpiringSoon:
        setup.key = SampleKey::ExpiringSoon;
        break;
    case CheckScenario::ExpiredKey:
        setup.key = SampleKey::Expired;
        break;
    case CheckScenario::ManyApps: {
        const QString userId = keyUser(tenant, SampleKey::Healthy);
        QStringList spaceIds;
        for (const SimSpace &space : std::as_const(tenant.spaces)) {
            if (space.memberIds.contains(userId))
                spaceIds.append(space.id);
        }
        const QString owner = ownerOfEverything(tenant);
        tenant.apps.clear();
        for (int i = 0; i < 250; ++i)
            tenant.apps.append(generatedApp(i, spaceIds.at(i % spaceIds.size()), owner));
        break;
    }
    }
    return setup;
}

void SimulatorScenario::applyFaults(CheckScenario scenario, QlikSimulator &simulator)
{
    switch (scenario) {
    case CheckScenario::RateLimitedFirstPage:
        simulator.rateLimitNext(QStringLiteral("/api/v1/spaces"), 1, 1);
        simulator.rateLimitNext(QStringLiteral("/api/v1/items"), 1, 1);
        break;
    case CheckScenario::SlowResponses:
        simulator.setResponseDelay(QStringLiteral("/"), 300);
        break;
    case CheckScenario::InvalidJson:
        simulator.setMalformedJson(QStringLiteral("/api/v1/items"), true);
        break;
    case CheckScenario::WrongJsonTypes:
        simulator.setWrongJsonTypes(QStringLiteral("/api/v1/spaces"), true);
        simulator.setWrongJsonTypes(QStringLiteral("/api/v1/items"), true);
        break;
    default:
        break;
    }
}

SimulatedTenant SimulatorScenario::large(int apps, int spaces)
{
    SimulatedTenant tenant = SimulatedTenant::demo();
    const QString userId = keyUser(tenant, SampleKey::Healthy);
    const QString owner = ownerOfEverything(tenant);
    tenant.spaces.clear();
    tenant.apps.clear();
    tenant.spaces.reserve(spaces);
    for (int i = 0; i < spaces; ++i)
        tenant.spaces.append(
            generatedSpace(i, i % 3 == 2 ? QStringLiteral("managed") : QStringLiteral("shared"), owner, {userId}));
    tenant.apps.reserve(apps);
    for (int i = 0; i < apps; ++i)
        tenant.apps.append(generatedApp(i, spaces > 0 ? tenant.spaces.at(i % spaces).id : QString(), owner));
    return tenant;
}

QList<CheckScenario> SimulatorScenario::all()
{
    return {CheckScenario::Healthy,         CheckScenario::NoSpaces,
            CheckScenario::AppsNotOpenable, CheckScenario::ManagedAdmin,
            CheckScenario::TenantAdminKey,  CheckScenario::ExpiringSoon,
            CheckScenario::ExpiredKey,      CheckScenario::RateLimitedFirstPage,
            CheckScenario::ManyApps,        CheckScenario::SlowResponses,
            CheckScenario::InvalidJson,     CheckScenario::WrongJsonTypes};
}

QString SimulatorScenario::name(CheckScenario scenario)
{
    switch (scenario) {
    case CheckScenario::Healthy:
        return QStringLiteral("healthy");
    case CheckScenario::NoSpaces:
        return QStringLiteral("no-spaces");
    case CheckScenario::AppsNotOpenable:
        return QStringLiteral("apps-not-openable");
    case CheckScenario::ManagedAdmin:
        return QStringLiteral("managed-admin");
    case CheckScenario::TenantAdminKey:
        return QStringLiteral("tenant-admin-key");
    case CheckScenario::ExpiringSoon:
        return QStringLiteral("expiring-soon");
    case CheckScenario::ExpiredKey:
        return QStringLiteral("expired-key");
    case CheckScenario::RateLimitedFirstPage:
        return QStringLiteral("rate-limited-first-page");
    case CheckScenario::ManyApps:
        return QStringLiteral("many-apps");
    case CheckScenario::SlowResponses:
        return QStringLiteral("slow-responses");
    case CheckScenario::InvalidJson:
        return QStringLiteral("invalid-json");
    case CheckScenario::WrongJsonTypes:
        return QStringLiteral("wrong-json-types");
    }
    return {};
}

} // namespace Dawiso::Simulator
