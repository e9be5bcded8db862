#include "qlik/QlikAppItem.h"

#include "qlik/JsonFieldReader.h"

#include <QJsonObject>

namespace Dawiso {

std::optional<QlikAppItem> QlikAppItem::fromJson(const QJsonValue &value, QStringList *problems)
{
    if (!value.isObject()) {
        if (problems)
            *problems =
                QStringList {QCoreApplication::translate("QlikAppItem", "An app in Qlik's list is not an object.")};
        return std::nullopt;
    }
    const QLatin1String nameKey("name");
    const QLatin1String appIdKey("resourceId");
    const QLatin1String spaceIdKey("spaceId");
    auto isOptionalString = [](const QJsonValue &field) {
        return field.isString() || field.isUndefined() || field.isNull();
    };
    const QJsonObject item = value.toObject();
    const QJsonValue appId = item.value(appIdKey);
    const QJsonValue spaceId = item.value(spaceIdKey);
    const QJsonValue name = item.value(nameKey);
    if (!appId.isString() || !isOptionalString(spaceId) || !isOptionalString(name)) {
        JsonFieldReader reader(item, QCoreApplication::translate("QlikAppItem", "app item"));
        reader.requiredString(appIdKey);
        reader.optionalString(spaceIdKey);
        reader.optionalString(nameKey);
        if (problems)
            *problems = reader.problems();
        return std::nullopt;
    }
    if (problems)
        problems->clear();
    return QlikAppItem {appId.toString(), spaceId.toString(), name.toString()};
}

} // namespace Dawiso
