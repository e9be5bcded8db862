#pragma once

#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace Dawiso {

// An app of a GET /api/v1/items?resourceType=app page (items.json ItemResultResponseBody): the app's id, its space
// (none for a personal space) and its name.
class QlikAppItem
{
public:
    // Nothing, with problems naming the field, when the entry is not an object or a field has the wrong shape. A
    // tenant may have tens of thousands of apps: the common case reads the three fields directly, and only an item of
    // the wrong shape goes through JsonFieldReader, for a message that names the field.
    static std::optional<QlikAppItem> fromJson(const QJsonValue &value, QStringList *problems);

    QString appId;
    QString spaceId;
    QString name;
};

} // namespace Dawiso
