#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

// The license a user is allocated, as /qrs/license/professionalaccesstype and analyzeraccesstype list it.
enum class SiteAccessType { None, Professional, Analyzer };

// A user of the simulated Qlik Sense site, as the QRS User entity holds it, plus the password the site's sign-in
// accepts (the simulator's only; Qlik itself asks the Windows domain).
struct SiteUser
{
    QString id; // a GUID
    QString userDirectory;
    QString userId;
    QString name;
    QStringList roles; // e.g. "RootAdmin", "AuditAdmin"
    bool inactive = false;
    QString password; // empty: no sign-in with a password (the INTERNAL service accounts)
    QString createdDate; // ISO 8601, as the QRS writes it
    QString modifiedDate;
    // The license the user holds; without one the Engine refuses the user.
    SiteAccessType accessType = SiteAccessType::None;
    QString accessAllocationId; // the id of the access type entity; empty with SiteAccessType::None

    QString qualifiedName() const { return userDirectory + u'\\' + userId; } // "CORP\qlikadmin"
    bool hasRole(const QString &role) const { return roles.contains(role, Qt::CaseInsensitive); }
    // RootAdmin and AuditAdmin read every entity through the QRS.
    bool readsEverything() const;
};

struct SiteStream
{
    QString id;
    QString name;
    bool everyoneReads = false; // the "Everyone" stream: what users without an admin role see
    QString createdDate;
    QString modifiedDate;
};

struct SiteApp
{
    QString id;
    QString name;
    QString ownerId; // a SiteUser's id
    QString streamId; // empty: not published
    QString createdDate;
    QString modifiedDate;
    QString publishTime; // empty when not published

    bool isPublished() const { return !streamId.isEmpty(); }
};

struct SiteNode
{
    QString id;
    QString name;
    QString hostName;
    bool isCentral = false;
    QString createdDate;
    QString modifiedDate;
};

// One entry of a virtual proxy's jwtAttributeMap: a Qlik Sense attribute taken from a claim of the token.
struct SiteJwtAttribute
{
    QString senseAttribute;
    QString jwtAttribute;
    bool isMandatory = false;
};

struct SiteVirtualProxy
{
    // authenticationMethod of a JWT virtual proxy; 0 = Ticket, which is the Windows authentication module's.
    static constexpr int jwtAuthentication = 4;

    QString id;
    QString prefix; // "" for the default virtual proxy
    QString description;
    QString sessionCookieHeaderName;
    int authenticationMethod = 0;
    QString windowsAuthenticationEnabledDevicePattern = QStringLiteral("Windows");
    QStringList websocketCrossOriginWhiteList; // host names, the QMC's "Host allow list"
    int anonymousAccessMode = 0;
    int sessionInactivityTimeout = 30; // minutes
    // As posted; the QRS does not derive it from the proxy services that link the virtual proxy.
    QStringList loadBalancingNodeIds;
    QString jwtPublicKeyCertificate; // PEM
    QString jwtAttributeUserId; // the claim names
    QString jwtAttributeUserDirectory;
    QList<SiteJwtAttribute> jwtAttributeMap;
    QString createdDate;
    QString modifiedDate;

    bool isDefault() const { return prefix.isEmpty(); }
    bool isJwt() const { return authenticationMethod == jwtAuthentication; }
};

struct SiteProxyService
{
    QString id;
    QString nodeId;
    int listenPort = 443;
    QStringList virtualProxyIds;
    QString modifiedDate;
};

// A security rule. The simulator reads only the one form the wizard writes: see SiteDirectory::readsEveryApp.
struct SiteSystemRule
{
    QString id;
    QString name;
    QString category = QStringLiteral("Security");
    QString type = QStringLiteral("Custom");
    QString rule; // e.g. ((user.userDirectory="CORP" and user.userId="svc_dawiso"))
    QString resourceFilter; // e.g. "App_*,Stream_*,App.Object_*"
    int actions = 0; // bits: 1 Create, 2 Read, 4 Update, 8 Delete, ...
    int ruleContext = 0; // 0 both the hub and the QMC, 1 the hub only, 2 the QMC only
    bool disabled = false;
    QString comment;
    QString createdDate;
    QString modifiedDate;
};

struct SiteUserDirectory
{
    QString id;
    QString name;
    QString userDirectoryName;
    QString type;
    QString createdDate;
    QString modifiedDate;
};

// The simulated site's repository: users, streams, apps, nodes, proxy services and virtual proxies. Live data: tests
// change it between requests.
class SiteDirectory
{
public:
    // The demo site the tests and the practice run use (see the names below).
    static SiteDirectory demo();
    // The demo site's RootAdmin ("CORP\\qlikadmin") and the password of its people, for the practice run.
    static QString demoAdminAccount();
    static QString demoPassword();

    // A user by directory and id, both compared without regard to case; nullptr when there is none.
    const SiteUser *user(const QString &userDirectory, const QString &userId) const;
    SiteUser *user(const QString &userDirectory, const QString &userId);
    // "CORP\qlikadmin"; nullptr without a backslash or when there is no such user.
    const SiteUser *userByQualifiedName(const QString &qualifiedName) const;
    const SiteNode *node(const QString &id) const;
    const SiteVirtualProxy *virtualProxy(const QString &id) const;
    SiteVirtualProxy *virtualProxy(const QString &id);
    // The virtual proxy with this prefix (compared without regard to case); nullptr when there is none.
    const SiteVirtualProxy *virtualProxyByPrefix(const QString &prefix) const;
    const SiteApp *app(const QString &id) const;
    SiteProxyService *proxyService(const QString &id);
    // Whether a proxy service links the virtual proxy: only then does the proxy serve its prefix.
    bool isLinked(const QString &virtualProxyId) const;

    // Whether an enabled security rule lets the user read every app and stream in the hub: ruleContext 0 or 1,
    // actions with Read (2), a resourceFilter naming App_*, and the rule naming exactly this user as
    // ((user.userDirectory="DIR" and user.userId="ID")).
    bool readsEveryApp(const SiteUser &user) const;
    // The ids of the apps the user may open (the hub list): the Everyone stream's, the user's own, and every app with
    // the rule above. Admin roles play no part: RootAdmin's rule covers the QMC only.
    QStringList hubAppIds(const SiteUser &user) const;

    // A user signing in for the first time through a JWT virtual proxy: no roles, active, no password, no license.
    SiteUser &addUser(const QString &userDirectory, const QString &userId, const QString &name);

    // "Now" as the QRS writes modifiedDate, later than any this directory handed out before, so that a write always
    // changes modifiedDate.
    QString nextTimestamp();

    QList<SiteUser> users;
    QList<SiteStream> streams;
    QList<SiteApp> apps;
    QList<SiteNode> nodes;
    QList<SiteProxyService> proxyServices;
    QList<SiteVirtualProxy> virtualProxies;
    QList<SiteSystemRule> systemRules;
    QList<SiteUserDirectory> userDirectories;

private:
    qint64 m_lastTimestampMs = 0;
};

} // namespace Dawiso::Simulator
