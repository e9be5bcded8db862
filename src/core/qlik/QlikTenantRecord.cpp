#include "qlik/QlikTenantRecord.h"

#include "qlik/JsonFieldReader.h"

namespace Dawiso {

QlikTenantRecord QlikTenantRecord::fromJson(const QJsonObject &object, QStringList *problems)
{
    JsonFieldReader reader(object, QCoreApplication::translate("QlikTenantRecord", "tenant record"));
    QlikTenantRecord record;
    record.id = reader.requiredString(QStringLiteral("id"));
    record.name = reader.optionalString(QStringLiteral("name"));
    record.region = reader.optionalString(QStringLiteral("region"));
    const QJsonArray hostnames = reader.optionalArray(QStringLiteral("hostnames"));
    for (const QJsonValue &value : hostnames) {
        if (value.isString())
            record.hostnames << value.toString().toLower();
    }
    if (problems)
        *problems = reader.problems();
    return record;
}

} // namespace Dawiso
