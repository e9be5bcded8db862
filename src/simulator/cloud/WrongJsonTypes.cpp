#include "simulator/cloud/WrongJsonTypes.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Dawiso::Simulator {

namespace {

QJsonValue wrongType(const QString &key, const QJsonValue &value)
{
    if (key == u"id")
        return value;
    if (key == u"name")
        return QJsonArray();
    if (key == u"spaceId")
        return QJsonObject();
    if (value.isString())
        return 7;
    if (value.isObject())
        return QJsonArray();
    return value;
}

} // namespace

SimResponse WrongJsonTypes::apply(const SimResponse &response)
{
    if (!response.isJson())
        return response;
    QJsonDocument document = QJsonDocument::fromJson(response.body);
    QJsonObject body = document.object();
    if (!body.value(u"data").isArray())
        return response;
    QJsonArray data;
    const QJsonArray entries = body.value(u"data").toArray();
    for (const QJsonValue &entry : entries) {
        if (!entry.isObject()) {
            data.append(entry);
            continue;
        }
        const QJsonObject original = entry.toObject();
        QJsonObject broken;
        for (auto it = original.constBegin(); it != original.constEnd(); ++it)
            broken.insert(it.key(), wrongType(it.key(), it.value()));
        // Items of personal apps have no spaceId; give them the wrong one too.
        if (!broken.contains(u"spaceId"))
            broken.insert(QStringLiteral("spaceId"), QJsonObject());
        data.append(broken);
    }
    body.insert(QStringLiteral("data"), data);
    SimResponse result = response;
    result.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return result;
}

} // namespace Dawiso::Simulator
