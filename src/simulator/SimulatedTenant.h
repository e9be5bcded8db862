#pragma once

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

struct SimRole
{
    QString id;
    QString name;
    QString type; // "default" | "custom"
    QString level; // "admin" | "user"
    QStringList assignedScopes;
    QString userEntitlementType; // "" or "fullUser"
};

struct SimGroup
{
    QString id;
    QString name;
    QStringList roleNames;
};

struct SimUser
{
    QString id;
    QString name;
    QString email;
    QString subject;
    QString status = QStringLiteral("active");
    QStringList roleNames;
    QStringList groupIds;
};

struct SimApiKey
{
    QString id;
    QString sub;
    QString description;
    QString status; // active | expired | revoked
    QDateTime created;
    QDateTime expiry;
    QString createdByUser;
};

// The data of one simulated tenant. Plain data: tests build their own or start from demo().
class SimulatedTenant
{
public:
    QString id; // 32-char tenant id like "BL4tTJ4S7xrHTcq0zQxQrJ5qB1_Q6cSo"
    QString name; // display name, e.g. "Practice Tenant"
    QString region; // "eu"
    QString datacenter; // "eu-west-1"
    QStringList aliasHostnames; // extra hostnames reported after the simulator's own host:port
    QList<SimRole> roles; // must include the default roles TenantAdmin (level admin) and UserDefault
    QList<SimGroup> groups;
    QList<SimUser> users;
    QList<SimApiKey> apiKeys;
    int maxKeysPerUser = 5;
    QString maxApiKeyExpiry = QStringLiteral("P365D");

    // The practice tenant used by --demo: "Dawiso Integration" (non-admin, custom role "Dawiso Integration" with the
    // "api-keys" scope), "Alex Admin" (TenantAdmin directly), "Grace Group-Admin" (TenantAdmin only through a group),
    // a few other users (one disabled, one invited) and the sample API keys of SampleKey.
    static SimulatedTenant demo();

    // Look-ups by id or name; nullptr when absent. The pointers are valid until the lists change.
    const SimUser *user(const QString &userId) const;
    const SimRole *role(const QString &roleId) const;
    const SimRole *roleByName(const QString &roleName) const;
    const SimGroup *group(const QString &groupId) const;
    const SimApiKey *apiKey(const QString &keyId) const;

    // Whether the user holds TenantAdmin, directly or through one of their groups (Qlik grants both the same way).
    bool isTenantAdmin(const SimUser &user) const;
    // The user's effective scopes: their roles', their groups' roles' and UserDefault's, without duplicates.
    QStringList effectiveScopes(const SimUser &user) const;
};

} // namespace Dawiso::Simulator
