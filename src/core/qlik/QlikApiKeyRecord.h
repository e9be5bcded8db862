#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace Dawiso {

// An API key as GET /api/v1/api-keys lists it (api-keys.json ApiKey): everything but the token itself.
class QlikApiKeyRecord
{
public:
    static std::optional<QlikApiKeyRecord> fromJson(const QJsonObject &object, QStringList *problems);

    QString id;
    QString description;
    QString status; // active | expired | revoked
    QString subject;
    QDateTime created;
    QDateTime expiry;
};

} // namespace Dawiso
