#include "simulator/common/RequestBody.h"

#include <QJsonObject>

namespace Dawiso::Simulator {

namespace {

const QByteArray jsonType = QByteArrayLiteral("application/json");
const QByteArray formType = QByteArrayLiteral("application/x-www-form-urlencoded");

QString describe(const QByteArray &contentType)
{
    return contentType.isEmpty() ? QStringLiteral("no Content-Type")
                                 : QStringLiteral("Content-Type %1").arg(QString::fromLatin1(contentType));
}

QString decodeFormPart(QByteArray part)
{
    part.replace('+', ' ');
    return QString::fromUtf8(QByteArray::fromPercentEncoding(part));
}

} // namespace

std::optional<QJsonDocument> RequestBody::json(const SimRequest &request, QString *error)
{
    const QByteArray contentType = request.contentType();
    if (contentType != jsonType) {
        *error =
            QStringLiteral("Expected a JSON body (Content-Type application/json), got %1.").arg(describe(contentType));
        return std::nullopt;
    }
    QJsonParseError parseError;
    QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("The body is not valid JSON: %1 at offset %2.")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return std::nullopt;
    }
    return document;
}

std::optional<QHash<QString, QString>> RequestBody::fields(const SimRequest &request, bool jsonToo, QString *error)
{
    const QByteArray contentType = request.contentType();
    if (contentType == formType)
        return formFields(request.body, error);
    if (!jsonToo || contentType != jsonType) {
        *error = jsonToo
            ? QStringLiteral("Expected application/x-www-form-urlencoded or application/json, got %1.")
                  .arg(describe(contentType))
            : QStringLiteral("Expected application/x-www-form-urlencoded, got %1.").arg(describe(contentType));
        return std::nullopt;
    }
    const auto document = json(request, error);
    if (!document)
        return std::nullopt;
    if (!document->isObject()) {
        *error = QStringLiteral("The JSON body must be an object.");
        return std::nullopt;
    }
    QHash<QString, QString> result;
    const QJsonObject object = document->object();
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        if (!it.value().isString()) {
            *error = QStringLiteral("The field '%1' must be a string.").arg(it.key());
            return std::nullopt;
        }
        result.insert(it.key(), it.value().toString());
    }
    return result;
}

std::optional<QHash<QString, QString>> RequestBody::formFields(const QByteArray &body, QString *error)
{
    QHash<QString, QString> result;
    for (const QByteArray &pair : body.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype equals = pair.indexOf('=');
        const QString name = decodeFormPart(equals < 0 ? pair : pair.left(equals));
        const QString value = equals < 0 ? QString() : decodeFormPart(pair.mid(equals + 1));
        if (result.contains(name)) {
            *error = QStringLiteral("The field '%1' appears more than once.").arg(name);
            return std::nullopt;
        }
        result.insert(name, value);
    }
    return result;
}

} // namespace Dawiso::Simulator
