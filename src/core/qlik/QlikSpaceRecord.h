#pragma once

#include <QJsonValue>
#include <QStringList>

#include <optional>

namespace Dawiso {

// A space of a GET /api/v1/spaces page (spaces.json Space): enough to count it by type and to name it.
class QlikSpaceRecord
{
public:
    // Nothing, with problems naming the field, when the entry is not an object or lacks its id or type.
    static std::optional<QlikSpaceRecord> fromJson(const QJsonValue &value, QStringList *problems);

    QString id;
    QString name;
    QString type; // shared | managed | data
};

} // namespace Dawiso
