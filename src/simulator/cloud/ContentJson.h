#pragma once

#include "simulator/cloud/ContentAccess.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/JsonWriter.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QString>

namespace Dawiso::Simulator {

// Renders spaces, app items and apps as the Space (https://qlik.dev/apis/rest/spaces/), itemResultResponseBody
// (https://qlik.dev/apis/rest/items/), NxApp and DataModelMetadata (https://qlik.dev/apis/rest/apps/) resources, as
// one caller sees them (roles, actions and privileges depend on the caller). Content has no
// stored dates: a record's dates follow from its position in the tenant's list, so the lists' creation order is
// their order in the tenant.
class ContentJson
{
public:
    ContentJson(const SimulatedTenant &tenant, const ContentAccess &access, const QString &origin);

    QJsonObject space(const SimSpace &space, qsizetype position) const;
    // Spaces' meta.personalSpace: what the caller may do in their own personal space.
    static QJsonObject personalSpace();
    // Items come in pages of up to 100 and tenants of 20,000 apps, so they are written straight as bytes.
    void writeItem(JsonWriter &out, const SimApp &app, qsizetype position, bool withActions = true) const;
    QJsonObject app(const SimApp &app, qsizetype position) const;
    // A small, plausible data model: three or four tables with their fields, the same every time for an app.
    static QJsonObject dataModel(const SimApp &app);

private:
    static QDateTime spaceCreated(qsizetype position);
    static QDateTime appCreated(qsizetype position);
    QStringList appActions(const SimApp &app) const;
    QString ownerSubject(const SimApp &app) const;

    const SimulatedTenant &m_tenant;
    const ContentAccess &m_access;
    QString m_origin;
};

} // namespace Dawiso::Simulator
