#pragma once

#include "simulator/cloud/SimulatedTenant.h"

#include <QDateTime>
#include <QJsonObject>
#include <QString>

namespace Dawiso::Simulator {

// Renders the tenant's records as the JSON resources of Qlik's REST APIs: User (https://qlik.dev/apis/rest/users/),
// Tenant (https://qlik.dev/apis/rest/tenants/), Role (https://qlik.dev/apis/rest/roles/) and ApiKey
// (https://qlik.dev/apis/rest/api-keys/). Links are absolute, built on the simulator's origin.
class ResourceJson
{
public:
    ResourceJson(const SimulatedTenant &tenant, const QString &origin);

    QJsonObject user(const SimUser &user) const;
    QJsonObject tenant(const QString &hostAndPort) const;
    QJsonObject role(const SimRole &role) const;
    // Never carries the token: Qlik returns it only once, when the key is created.
    QJsonObject apiKey(const SimApiKey &key) const;

    // ISO 8601 in UTC with milliseconds and "Z", as Qlik writes dates.
    static QString timestamp(const QDateTime &dateTime);
    // The simulated tenant's records have no history: every record was "created" at this fixed moment.
    static QDateTime recordsCreated();
    // The status Qlik reports: an active key past its expiry reads as expired.
    static QString apiKeyStatus(const SimApiKey &key);

private:
    QJsonObject selfLink(const QString &path) const;

    const SimulatedTenant &m_tenant;
    QString m_origin;
};

} // namespace Dawiso::Simulator
