#include "qlik/QlikApiKeyRecord.h"

#include "qlik/JsonFieldReader.h"

namespace Dawiso {

std::optional<QlikApiKeyRecord> QlikApiKeyRecord::fromJson(const QJsonObject &object, QStringList *problems)
{
    JsonFieldReader reader(object, QCoreApplication::translate("QlikApiKeyRecord", "API key record"));
    QlikApiKeyRecord record;
    record.id = reader.requiredString(QStringLiteral("id"));
    record.description = reader.optionalString(QStringLiteral("description"));
    record.status = reader.optionalString(QStringLiteral("status"));
    record.subject = reader.optionalString(QStringLiteral("sub"));
    record.created = reader.optionalDateTime(QStringLiteral("created"));
    record.expiry = reader.optionalDateTime(QStringLiteral("expiry"));
    if (problems)
        *problems = reader.problems();
    if (record.id.isEmpty())
        return std::nullopt;
    return record;
}

} // namespace Dawiso
