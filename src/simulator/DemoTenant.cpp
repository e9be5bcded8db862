#include "DemoTenant.h"

namespace Dawiso::Simulator {

namespace {

const QString dawisoUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70001");
const QString alexUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70002");
const QString graceUserId = QStringLiteral("65f1c0a1b2c3d4e5f6a70003");
const QString adminGroupId = QStringLiteral("65f1c0a1b2c3d4e5f6a7a001");
const QString financeGroupId = QStringLiteral("65f1c0a1b2c3d4e5f6a7a002");

SimRole defaultRole(const QString &id, const QString &name, const QString &level, const QStringList &scopes = {})
{
    return SimRole {id, name, QStringLiteral("default"), level, scopes, QString()};
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
                 QString()},
        SimRole {QStringLiteral("65f1c0a1b2c3d4e5f6a7b009"),
                 QStringLiteral("Report Publisher"),
                 QStringLiteral("custom"),
                 QStringLiteral("user"),
                 {QStringLiteral("apps.image:export")},
                 QStringLiteral("fullUser")},
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
        user(dawisoUserId, QStringLiteral("Dawiso Integration"), QStringLiteral("dawiso.integration@example.com"),
             QStringLiteral("auth0|dawiso-integration"), {QStringLiteral("Dawiso Integration")}),
        user(alexUserId, QStringLiteral("Alex Admin"), QStringLiteral("alex.admin@example.com"),
             QStringLiteral("auth0|alex-admin"), {QStringLiteral("TenantAdmin")}),
        user(graceUserId, QStringLiteral("Grace Group-Admin"), QStringLiteral("grace.groupadmin@example.com"),
             QStringLiteral("auth0|grace-group-admin"), {}, {adminGroupId}),
        user(QStringLiteral("65f1c0a1b2c3d4e5f6a70004"), QStringLiteral("Bob Analyst"),
             QStringLiteral("bob.analyst@example.com"), QStringLiteral("auth0|bob-analyst"),
             {QStringLiteral("Steward")}, {financeGroupId}),
        user(QStringLiteral("65f1c0a1b2c3d4e5f6a70005"), QStringLiteral("Carol Consumer"),
             QStringLiteral("carol.consumer@example.com"), QStringLiteral("auth0|carol-consumer"), {}),
        dan,
        erin,
    };

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
    return tenant;
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
