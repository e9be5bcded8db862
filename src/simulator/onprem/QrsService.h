#pragma once

#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"
#include "simulator/onprem/QrsEntities.h"
#include "simulator/onprem/QrsFilterParser.h"
#include "simulator/onprem/QrsWrites.h"
#include "simulator/onprem/SiteDirectory.h"

#include <QSet>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// The Qlik Sense Repository Service (QRS) of the simulated site: /qrs/about; full lists and counts of users, user
// directories, streams, apps (also the hub list), server nodes, proxy services, virtual proxies, security rules and
// access types; single proxy services and virtual proxies; and the writes of QrsWrites, which need RootAdmin. Every
// request needs the same 16-character xrfkey in the query and in X-Qlik-Xrfkey (400 with an empty body otherwise).
// Security rules as the demo needs them: RootAdmin and AuditAdmin read everything; anybody else reads their own user
// record and license, the Everyone stream, published apps and their own, and no node, proxy service or virtual proxy;
// the security rule of SiteDirectory::readsEveryApp adds every app and stream; an inactive user gets 403. Served on
// the repository port, where X-Qlik-User names the caller, and through the proxy for a session's user.
class QrsService
{
public:
    explicit QrsService(SiteDirectory &directory);

    // A request on the repository port: the caller from X-Qlik-User (no header: INTERNAL\sa_repository; an unknown
    // user: a user without roles).
    SimResponse answerRepository(const SimRequest &request);
    // A request through the proxy on behalf of a signed-in user; qrsPath is the path without the virtual-proxy
    // prefix ("/qrs/about").
    SimResponse answer(const SimRequest &request, const QString &qrsPath, const SiteUser &caller);

    // Requests whose path starts with the prefix (e.g. "/qrs/user", compared without regard to case) get 403.
    void setForbidden(const QString &qrsPathPrefix, bool forbidden);
    QrsWrites &writes() { return m_writes; }
    const QrsWrites &writes() const { return m_writes; }

    // The answer to every request of an inactive user, through the proxy or on the repository port.
    static SimResponse inactiveUser();
    // The same 16 letters and digits in the xrfkey parameter and in X-Qlik-Xrfkey.
    static bool hasValidXrfkey(const SimRequest &request);

private:
    struct Query
    {
        QrsFilterParser::Filter filter;
        bool count = false; // /count instead of /full
    };

    std::optional<SiteUser> repositoryCaller(const SimRequest &request) const;
    bool isForbidden(const QString &path) const;
    SimResponse route(const SimRequest &request, const QString &path, const SiteUser &caller);
    SimResponse create(const SimRequest &request, const QString &entity); // POST /qrs/<entity>
    SimResponse replace(const SimRequest &request, const QString &entity, const QString &id); // PUT /qrs/<entity>/<id>
    SimResponse single(const QString &entity, const QString &id, const SiteUser &caller) const;
    SimResponse listOf(const QString &entity, const Query &query, const SiteUser &caller) const;

    SimResponse users(const Query &query, const SiteUser &caller) const;
    SimResponse userDirectories(const Query &query, const SiteUser &caller) const;
    SimResponse streams(const Query &query, const SiteUser &caller) const;
    SimResponse apps(const Query &query, const SiteUser &caller, bool hubList) const;
    SimResponse nodes(const Query &query, const SiteUser &caller) const;
    SimResponse proxyServices(const Query &query, const SiteUser &caller) const;
    SimResponse virtualProxies(const Query &query, const SiteUser &caller) const;
    SimResponse systemRules(const Query &query, const SiteUser &caller) const;
    SimResponse accessTypes(const Query &query, const SiteUser &caller, SiteAccessType type) const;

    SiteDirectory &m_directory;
    QrsEntities m_entities;
    QrsWrites m_writes;
    QSet<QString> m_forbidden; // lowercase path prefixes
};

} // namespace Dawiso::Simulator
