#include "simulator/cloud/DemoTenant.h"

namespace Dawiso::Simulator {

namespace {

const QString dawisoUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70001");
const QString alexUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70002");
const QString graceUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70003");
const QString bobUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70004");
const QString carolUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70005");
const QString rileyUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70008");
const QString quinnUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70009");
const QString botUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a7000a");
const QString financeSpaceId = QStringLiteral("65f1c0a1b2c3d4e5f6a7d001");
const QString salesSpaceId = QStringLiteral("65f1c0a1b2c3d4e5f6a7d002");
const QString dataLakeSpaceId = QStringLiteral("65f1c0a1b2c3d4e5f6a7d003");
const QString boardSpaceId = QStringLiteral("65f1c0a1b2c3d4e5f6a7d004");
const QString adminGroupId = QStringLiteral("65f1c0a1b2c3d4e5f6a7a001");
const QString financeGroupId = QStringLiteral("65f1c0a1b2c3d4e5f6a7a002");

SimRole defaultRole(const QString &id, const QString &name, const QString &level, const QStringList &scopes = {})
{
    return SimRole {id, name, QStringLiteral("default"), level, scopes, QString(), QString()};
}

SimUser user(const QString &id, const QString &name, const QString &email, const QString &subject,
             const QStringList &roles, const QStringList &groups = {})
{
    SimUser result;
    result.id = id;
    result.name = name;
    result.email = email;
    result.subject = subject;
    result.roleNames = roles;
    result.groupIds = groups;
    result.password = DemoTenant::password();
    return result;
}

SimApp app(int number, const QString &name, const QString &spaceId, const QString &ownerId)
{
    SimApp result;
    result.id = QStringLiteral("3f6c2a1e-5b7d-4c8e-9a0b-%1").arg(number, 12, 10, QLatin1Char('0'));
    result.itemId = QStringLiteral("65f1c0a1b2c3d4e5f6a7e%1").arg(number, 3, 10, QLatin1Char('0'));
    result.name = name;
    result.spaceId = spaceId;
    result.ownerId = ownerId;
    return result;
}

SimApiKey key(SampleKey which, const QString &sub, const QString &description, const QString &status,
              int createdDaysAgo, int expiresInDays)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return SimApiKey {
        DemoTenant::sampleKeyId(which), sub, description, status, now.addDays(-createdDaysAgo).addSecs(-3600),
        now.addDays(expiresInDays),     sub};
}

} // namespace

SimulatedTenant DemoTenant::build()
{
    SimulatedTenant tenant;
    tenant.id = QStringLiteral("BL4tTJ4S7xrHTcq0zQxQrJ5qB1_Q6cSo");
    tenant.name = QStringLiteral("Practice Tenant");
    tenant.region = QStringLiteral("eu");
    tenant.datacenter = QStringLiteral("eu-west-1");

    tenant.roles = {
        defaultRole(QStringLiteral("65f1c0a1b2c3d4e5f6a7b001"), QStringLiteral("TenantAdmin"), QStringLiteral("admin"),
                    {QStringLiteral("admin_classic")}),
        defaultRole(QStringLiteral("65f1c0a1b2c3d4e5f6a7b002"), QStringLiteral("UserDefault"), QStringLiteral("user"),
                    {QStringLiteral("user_default")}),
        defaultRole(QStringLiteral("65f1c0a1b2c3d4e5f6a7b003"), QStringLiteral("AnalyticsAdmin"),
                    QStringLiteral("admin")),
        defaultRole(QStringLiteral("65f1c0a1b2c3d4e5f6a7b004"), QStringLiteral("DataAdmin"), QStringLiteral("admin")),
        defaultRole(QStringLiteral("65f1c0a1b2c3d4e5f6a7b005"), QStringLiteral("SharedSpaceCreator"),
                    QStringLiteral("user")),
        defaultRole(QStringLiteral("65f1c0a1b2c3d4e5f6a7b006"), QStringLiteral("ManagedSpaceCreator"),
                    QStringLiteral("user")),
        defaultRole(QStringLiteral("65f1c0a1b2c3d4e5f6a7b007"), QStringLiteral("Steward"), QStringLiteral("user")),
        SimRole {QStringLiteral("65f1c0a1b2c3d4e5f6a7b008"),
                 QStringLiteral("Dawiso Integration"),
                 QStringLiteral("custom"),
                 QStringLiteral("user"),
                 {QStringLiteral("api-keys")},
                 QString(),
                 QStringLiteral("Lets the Dawiso catalog's integration user create API keys.")},
        SimRole {QStringLiteral("65f1c0a1b2c3d4e5f6a7b009"),
                 QStringLiteral("Report Publisher"),
                 QStringLiteral("custom"),
                 QStringLiteral("user"),
                 {QStringLiteral("apps.image:export")},
                 QStringLiteral("fullUser"),
                 QStringLiteral("Publishes reports; makes its users full users.")},
    };

    tenant.groups = {
        SimGroup {adminGroupId, QStringLiteral("Qlik Administrators"), {QStringLiteral("TenantAdmin")}},
        SimGroup {financeGroupId, QStringLiteral("Finance"), {QStringLiteral("SharedSpaceCreator")}},
    };

    SimUser dan = user(QStringLiteral("65f1c0a1b2c3d4e5f6a70006"), QStringLiteral("Dan Disabled"),
                       QStringLiteral("dan.disabled@example.com"), QStringLiteral("auth0|dan-disabled"), {});
    dan.status = QStringLiteral("disabled");
    SimUser erin = user(QStringLiteral("65f1c0a1b2c3d4e5f6a70007"), QStringLiteral("Erin Invited"),
                        QStringLiteral("erin.invited@example.com"), QStringLiteral("auth0|erin-invited"), {});
    erin.status = QStringLiteral("invited");

    tenant.users = {
        user(dawisoUserId, QStringLiteral("Dawiso Integration"), integrationUserEmail(),
             QStringLiteral("auth0|dawiso-integration"), {QStringLiteral("Dawiso Integration")}),
        user(alexUserId, QStringLiteral("Alex Admin"), adminEmail(), QStringLiteral("auth0|alex-admin"),
             {QStringLiteral("TenantAdmin")}),
        user(graceUserId, QStringLiteral("Grace Group-Admin"), QStringLiteral("grace.groupadmin@example.com"),
             QStringLiteral("auth0|grace-group-admin"), {}, {adminGroupId}),
        user(bobUserId, QStringLiteral("Bob Analyst"), QStringLiteral("bob.analyst@example.com"),
             QStringLiteral("auth0|bob-analyst"), {QStringLiteral("Steward")}, {financeGroupId}),
        user(carolUserId, QStringLiteral("Carol Consumer"), QStringLiteral("carol.consumer@example.com"),
             QStringLiteral("auth0|carol-consumer"), {}),
        dan,
        erin,
        user(rileyUserId, QStringLiteral("Riley Reader"), DemoTenant::unassignedUserEmail(),
             QStringLiteral("auth0|riley-reader"), {}),
        // A double quote and an apostrophe in a name, for the escaping of user searches.
        user(quinnUserId, QStringLiteral("Quinn \"Q\" O'Neil"), QStringLiteral("quinn.oneil@example.com"),
             QStringLiteral("auth0|quinn-oneil"), {}),
    };
    addOAuthClients(tenant);

    tenant.apiKeys = {
        key(SampleKey::Healthy, dawisoUserId, QStringLiteral("Dawiso catalog ingestion"), QStringLiteral("active"), 1,
            90),
        key(SampleKey::TenantAdmin, alexUserId, QStringLiteral("Admin automation"), QStringLiteral("active"), 5, 60),
        key(SampleKey::GroupAdmin, graceUserId, QStringLiteral("Group admin scripts"), QStringLiteral("active"), 6, 60),
        key(SampleKey::Revoked, dawisoUserId, QStringLiteral("Old ingestion key (revoked)"), QStringLiteral("revoked"),
            30, 60),
        key(SampleKey::Expired, dawisoUserId, QStringLiteral("First ingestion key"), QStringLiteral("expired"), 100,
            -10),
        key(SampleKey::ExpiringSoon, dawisoUserId, QStringLiteral("Ingestion key about to expire"),
            QStringLiteral("active"), 87, 3),
    };
    addContent(tenant);
    return tenant;
}

void DemoTenant::addOAuthClients(SimulatedTenant &tenant)
{
    tenant.oauthClients = {
        SimOAuthClient {nativeClientId(),
                        QStringLiteral("native"),
                        {nativeRedirectUri()},
                        QString(),
                        {},
                        {QStringLiteral("admin_classic"), QStringLiteral("user_default")},
                        QString()},
        SimOAuthClient {m2mClientId(),
                        QStringLiteral("web"),
                        {},
                        m2mClientSecret(),
                        {QStringLiteral("client_credentials")},
                        {QStringLiteral("admin_classic"), QStringLiteral("user_default")},
                        botUserId},
    };
    // Qlik's bot users look like this (qlik.dev oauth-connect-qlik-cli): subject "qlikbot\\<clientId>", TenantAdmin.
    SimUser bot;
    bot.id = botUserId;
    bot.name = QStringLiteral("Dawiso M2M practice client");
    bot.subject = QStringLiteral("qlikbot\\") + m2mClientId();
    bot.clientId = m2mClientId();
    bot.roleNames = {QStringLiteral("TenantAdmin")};
    tenant.users.append(bot);
}

QString DemoTenant::nativeClientId()
{
    return QStringLiteral("dawiso-qlik-setup-practice");
}

QString DemoTenant::nativeRedirectUri()
{
    return QStringLiteral("http://127.0.0.1:%1%2").arg(nativeRedirectPort()).arg(nativeRedirectPath());
}

quint16 DemoTenant::nativeRedirectPort()
{
    return 47824;
}

QString DemoTenant::nativeRedirectPath()
{
    return QStringLiteral("/callback");
}

QString DemoTenant::m2mClientId()
{
    return QStringLiteral("dawiso-m2m-practice");
}

QString DemoTenant::m2mClientSecret()
{
    return QStringLiteral("practice-m2m-secret");
}

QString DemoTenant::password()
{
    return QStringLiteral("practice");
}

QString DemoTenant::adminEmail()
{
    return QStringLiteral("alex.admin@example.com");
}

QString DemoTenant::integrationUserEmail()
{
    return QStringLiteral("dawiso.integration@example.com");
}

QString DemoTenant::unassignedUserEmail()
{
    return QStringLiteral("riley.reader@example.com");
}

void DemoTenant::addContent(SimulatedTenant &tenant)
{
    // Alex Admin owns nothing in and is no member of the managed space: the managed-space admin trap. Riley Reader,
    // whom the automated practice flow makes Dawiso's user, is already in the spaces to catalog, as an admin would
    // arrange, so that flow ends with a passing connection check.
    tenant.spaces = {
        SimSpace {financeSpaceId,
                  QStringLiteral("Finance"),
                  QStringLiteral("shared"),
                  bobUserId,
                  {dawisoUserId, carolUserId, rileyUserId},
                  QStringLiteral("Finance team apps: budgets, ledgers and cash flow.")},
        SimSpace {salesSpaceId,
                  QStringLiteral("Sales Production"),
                  QStringLiteral("managed"),
                  bobUserId,
                  {dawisoUserId, carolUserId, rileyUserId},
                  QStringLiteral("Published sales apps for the whole company.")},
        SimSpace {dataLakeSpaceId,
                  QStringLiteral("Data Lake"),
                  QStringLiteral("data"),
                  bobUserId,
                  {dawisoUserId, rileyUserId},
                  QStringLiteral("Data connections and data files for the analytics spaces.")},
        SimSpace {boardSpaceId,
                  QStringLiteral("Board"),
                  QStringLiteral("shared"),
                  alexUserId,
                  {graceUserId},
                  QStringLiteral("Board reporting; restricted.")},
    };

    SimApp cashFlow = app(4, QStringLiteral("Cash Flow Forecast"), financeSpaceId, bobUserId);
    cashFlow.hasSectionAccess = true;
    tenant.apps = {
        app(1, QStringLiteral("Finance Overview"), financeSpaceId, bobUserId),
        app(2, QStringLiteral("Budget vs Actual"), financeSpaceId, bobUserId),
        app(3, QStringLiteral("Accounts Payable"), financeSpaceId, carolUserId),
        cashFlow,
        app(5, QStringLiteral("General Ledger Explorer"), financeSpaceId, alexUserId),
        app(6, QStringLiteral("Sales Dashboard"), salesSpaceId, bobUserId),
        app(7, QStringLiteral("Customer Analysis"), salesSpaceId, bobUserId),
        app(8, QStringLiteral("Pipeline Forecast"), salesSpaceId, carolUserId),
        app(9, QStringLiteral("Regional Performance"), salesSpaceId, bobUserId),
        app(10, QStringLiteral("Data Lake Ingestion Monitor"), dataLakeSpaceId, bobUserId),
        app(11, QStringLiteral("Source Systems Profiling"), dataLakeSpaceId, bobUserId),
        app(12, QStringLiteral("Board KPIs"), boardSpaceId, alexUserId),
        app(13, QStringLiteral("Executive Summary"), boardSpaceId, alexUserId),
        app(14, QStringLiteral("Bob's Sandbox"), QString(), bobUserId),
        app(15, QStringLiteral("Carol's Scratchpad"), QString(), carolUserId),
    };
}

QString DemoTenant::sampleKeyId(SampleKey key)
{
    switch (key) {
    case SampleKey::Healthy:
        return QStringLiteral("65f1c0a1b2c3d4e5f6a7c001");
    case SampleKey::TenantAdmin:
        return QStringLiteral("65f1c0a1b2c3d4e5f6a7c002");
    case SampleKey::GroupAdmin:
        return QStringLiteral("65f1c0a1b2c3d4e5f6a7c003");
    case SampleKey::Revoked:
        return QStringLiteral("65f1c0a1b2c3d4e5f6a7c004");
    case SampleKey::Expired:
        return QStringLiteral("65f1c0a1b2c3d4e5f6a7c005");
    case SampleKey::ExpiringSoon:
        return QStringLiteral("65f1c0a1b2c3d4e5f6a7c006");
    }
    return {};
}

QList<SampleKey> DemoTenant::sampleKeys()
{
    return {SampleKey::Healthy, SampleKey::TenantAdmin, SampleKey::GroupAdmin,
            SampleKey::Revoked, SampleKey::Expired,     SampleKey::ExpiringSoon};
}

} // namespace Dawiso::Simulator
