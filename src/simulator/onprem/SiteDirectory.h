#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

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

struct SiteVirtualProxy
{
    QString id;
    QString prefix; // "" for the default virtual proxy
    QString description;
    QString sessionCookieHeaderName;
    int authenticationMethod = 0; // 0 = Ticket, which is the Windows authentication module's
    QString windowsAuthenticationEnabledDevicePattern;
    QStringList websocketCrossOriginWhiteList;
    QString modifiedDate;
};

struct SiteProxyService
{
    QString id;
    QString nodeId;
    int listenPort = 443;
    QStringList virtualProxyIds;
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
    // The virtual proxy with this prefix (compared without regard to case); nullptr when there is none.
    const SiteVirtualProxy *virtualProxyByPrefix(const QString &prefix) const;

    QList<SiteUser> users;
    QList<SiteStream> streams;
    QList<SiteApp> apps;
    QList<SiteNode> nodes;
    QList<SiteProxyService> proxyServices;
    QList<SiteVirtualProxy> virtualProxies;
};

} // namespace Dawiso::Simulator
