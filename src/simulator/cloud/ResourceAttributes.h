#pragma once

#include "simulator/cloud/ScimFilter.h"
#include "simulator/cloud/SimulatedTenant.h"

#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

// What the users and roles lists may filter and sort on, and each record's values for those attributes
// (lowercase attribute names, e.g. "assignedroles.name").
class ResourceAttributes
{
public:
    static QStringList userValues(const SimulatedTenant &tenant, const SimUser &user, const QString &attribute);
    static QStringList roleValues(const SimulatedTenant &tenant, const SimRole &role, const QString &attribute);
    static ScimFilter::Rules userFilterRules();
    static ScimFilter::Rules roleFilterRules();
};

} // namespace Dawiso::Simulator
