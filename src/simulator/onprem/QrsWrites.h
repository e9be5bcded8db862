#pragma once

#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"
#include "simulator/onprem/QrsEntities.h"
#include "simulator/onprem/SiteDirectory.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// The QRS writes the wizard makes, on the simulated site's data: create and replace a virtual proxy, replace a proxy
// service (which links virtual proxies and restarts the proxy when the linked set changes), create a security rule.
// A PUT carries the whole entity: a stale modifiedDate is a 409, and every property it leaves out is reset to its
// default (Qlik's "implicit update"), so a client that sends half an entity sees what it broke. The caller's right to
// write is checked before (QrsService).
class QrsWrites
{
public:
    explicit QrsWrites(SiteDirectory &directory);

    SimResponse createVirtualProxy(const SimRequest &request);
    SimResponse replaceVirtualProxy(const SimRequest &request, const QString &id);
    SimResponse replaceProxyService(const SimRequest &request, const QString &id);
    SimResponse createSystemRule(const SimRequest &request);

    // How long the proxy restarts after the linked set of virtual proxies changed; 0 (the default): not at all.
    void setProxyRestartDelay(int milliseconds) { m_restartDelayMs = milliseconds; }
    bool isProxyRestarting() const;
    // The next n PUTs of a proxy service get 409 because "another admin" changed it just before (its modifiedDate
    // moves on), so that the client has to read it again.
    void setProxyServiceConflicts(int count) { m_pendingConflicts = count; }

private:
    // The virtual proxy the body describes, every property it leaves out at its default; nullopt with the 400 answer
    // in *refusal when a property is wrong. existing: the one a PUT replaces (nullptr for a POST).
    std::optional<SiteVirtualProxy> virtualProxyFrom(const QJsonObject &body, const SiteVirtualProxy *existing,
                                                     SimResponse *refusal) const;

    SiteDirectory &m_directory;
    QrsEntities m_entities;
    int m_restartDelayMs = 0;
    qint64 m_restartingUntilMs = 0;
    int m_pendingConflicts = 0;
};

} // namespace Dawiso::Simulator
