#include "qlik/QlikSpaceRecord.h"

#include "qlik/JsonFieldReader.h"

namespace Dawiso {

std::optional<QlikSpaceRecord> QlikSpaceRecord::fromJson(const QJsonValue &value, QStringList *problems)
{
    QStringList found;
    std::optional<QlikSpaceRecord> space;
    if (!value.isObject()) {
        found << QCoreApplication::translate("QlikSpaceRecord", "A space in Qlik's list is not an object.");
    } else {
        JsonFieldReader reader(value.toObject(), QCoreApplication::translate("QlikSpaceRecord", "space"));
        QlikSpaceRecord record;
        record.id = reader.requiredString(QStringLiteral("id"));
        record.name = reader.optionalString(QStringLiteral("name"));
        record.type = reader.requiredString(QStringLiteral("type"));
        found = reader.problems();
        if (reader.isValid())
            space = record;
    }
    if (problems)
        *problems = found;
    return space;
}

} // namespace Dawiso
