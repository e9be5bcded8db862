#pragma once

#include <QJsonObject>
#include <QStringList>

namespace Dawiso {

// The tenant as GET /api/v1/tenants/{id} answers (tenants.json Tenant): who it is and the addresses it answers to.
class QlikTenantRecord
{
public:
    // Reads what it can; a field of the wrong shape leaves its value empty and adds a problem naming it.
    static QlikTenantRecord fromJson(const QJsonObject &object, QStringList *problems);

    QString id;
    QString name;
    QString region;
    QStringList hostnames; // lower case, the tenant's own address first
};

} // namespace Dawiso
