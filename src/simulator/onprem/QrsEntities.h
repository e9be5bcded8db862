#pragma once

#include "simulator/onprem/SiteDirectory.h"

#include <QJsonObject>
#include <QString>

namespace Dawiso::Simulator {

// The QRS entities of the simulated site as JSON, the way the repository writes them in a full list, a single GET
// and the answer to a write.
class QrsEntities
{
public:
    explicit QrsEntities(const SiteDirectory &directory);

    QJsonObject user(const SiteUser &user) const;
    QJsonObject stream(const SiteStream &stream) const;
    QJsonObject app(const SiteApp &app) const;
    QJsonObject node(const SiteNode &node) const;
    QJsonObject virtualProxy(const SiteVirtualProxy &proxy) const;
    QJsonObject proxyService(const SiteProxyService &service) const;
    QJsonObject systemRule(const SiteSystemRule &rule) const;
    QJsonObject userDirectory(const SiteUserDirectory &userDirectory) const;
    // The user's professional or analyzer access type entity; schemaPath names which.
    QJsonObject accessType(const SiteUser &user, const QString &schemaPath) const;

private:
    QJsonObject userReference(const SiteUser &user) const;

    const SiteDirectory &m_directory;
};

} // namespace Dawiso::Simulator
