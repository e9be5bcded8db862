#include "qlik/JsonFieldReader.h"

namespace Dawiso {

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{ }

void JsonFieldReader::wrongType(const QString &name, const QString &expected)
{
    m_problems << tr("In the %1, \"%2\" should be %3.").arg(m_context, name, expected);
}

QString JsonFieldReader::requiredString(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull()) {
        m_problems << tr("The %1 has no \"%2\".").arg(m_context, name);
        return {};
    }
    if (!value.isString()) {
        wrongType(name, tr("text"));
        return {};
    }
    return value.toString();
}

QString JsonFieldReader::optionalString(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isString()) {
        wrongType(name, tr("text"));
        return {};
    }
    return value.toString();
}

QDateTime JsonFieldReader::optionalDateTime(const QString &name)
{
    const QString text = optionalString(name);
    if (text.isEmpty())
        return {};
    QDateTime when = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!when.isValid())
        when = QDateTime::fromString(text, Qt::ISODate);
    if (!when.isValid()) {
        wrongType(name, tr("a date"));
        return {};
    }
    return when.toUTC();
}

QJsonArray JsonFieldReader::optionalArray(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isArray()) {
        wrongType(name, tr("a list"));
        return {};
    }
    return value.toArray();
}

QJsonObject JsonFieldReader::optionalObject(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return {};
    if (!value.isObject()) {
        wrongType(name, tr("an object"));
        return {};
    }
    return value.toObject();
}

std::optional<double> JsonFieldReader::optionalNumber(const QString &name)
{
    const QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return std::nullopt;
    if (!value.isDouble()) {
        wrongType(name, tr("a number"));
        return std::nullopt;
    }
    return value.toDouble();
}

} // namespace Dawiso
