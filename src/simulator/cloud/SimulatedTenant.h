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
    QString description;
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
    QString password; // the simulated identity provider's password; empty: cannot sign in (bots)
    QString clientId; // bots of machine-to-machine OAuth clients: the client they act for
};

// An OAuth client registered in the tenant (https://qlik.dev/apis/rest/oauth-clients/, reduced to what
// /oauth/authorize and /oauth/token check).
struct SimOAuthClient
{
    QString clientId;
    QString appType; // "native" | "spa" | "web"
    QStringList redirectUris; // exact match required: no loopback port wildcard (unconfirmed in Qlik, so strict)
    QString clientSecret; // web clients only (machine to machine)
    QStringList allowedGrantTypes; // web clients: e.g. ["client_credentials"]; native and spa use authorization_code
    QStringList allowedScopes; // e.g. ["admin_classic", "user_default", "offline_access"]
    QString botUserId; // web clients: the bot user (TenantAdmin, subject "qlikbot\\<clientId>") tokens act as
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

// A shared, managed or data space. Personal spaces are not records: an app without a spaceId is in its owner's.
struct SimSpace
{
    QString id;
    QString name;
    QString type; // "shared" | "managed" | "data"
    QString ownerId;
    QStringList memberIds; // user ids with a space role (any role counts)
    QString description;
};

// An app and its item: Qlik lists it through /api/v1/items and opens it through /api/v1/apps/{id}.
struct SimApp
{
    QString id; // the app id (resourceId of its item; /api/v1/apps/{id})
    QString itemId; // the item's own id (/api/v1/items data[].id)
    QString name;
    QString spaceId; // empty: the owner's personal space
    QString ownerId;
    bool openForbidden = false; // GET /apps/{id} and /data/metadata answer 403 even for members
    bool hasSectionAccess = false; // reported in the item's resourceAttributes and the app's attributes
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
    QList<SimSpace> spaces;
    QList<SimApp> apps; // in creation order: the items list's default order (+createdAt) is this order
    QList<SimOAuthClient> oauthClients;
    int maxKeysPerUser = 5;
    QString maxApiKeyExpiry = QStringLiteral("P365D");

    // The practice tenant of --demo and of most tests; DemoTenant builds it and says who and what is in it.
    static SimulatedTenant demo();

    // Look-ups by id or name; nullptr when absent. The pointers are valid until the lists change.
    const SimUser *user(const QString &userId) const;
    const SimRole *role(const QString &roleId) const;
    const SimRole *roleByName(const QString &roleName) const;
    const SimGroup *group(const QString &groupId) const;
    const SimApiKey *apiKey(const QString &keyId) const;
    const SimSpace *space(const QString &spaceId) const;
    const SimApp *app(const QString &appId) const;
    const SimOAuthClient *oauthClient(const QString &clientId) const;
    // For the write endpoints.
    SimUser *user(const QString &userId);
    SimRole *role(const QString &roleId);

    // Whether the user holds TenantAdmin, directly or through one of their groups (Qlik grants both the same way).
    bool isTenantAdmin(const SimUser &user) const;
    // The user's effective scopes: their roles', their groups' roles' and UserDefault's, without duplicates.
    QStringList effectiveScopes(const SimUser &user) const;
};

} // namespace Dawiso::Simulator
