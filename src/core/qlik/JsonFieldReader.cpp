#include "qlik/JsonFieldReader.h"

namespace Dawiso {

JsonFieldReader::JsonFieldReader(const QJsonObject &object, QString context)
    : m_object(object)
    , m_context(std::move(context))
{ }

QJsonValue JsonFieldReader::field(const QString &name, bool (QJsonValue::*hasType)() const, const QString &expected)
{
    QJsonValue value = m_object.value(name);
    if (value.isUndefined() || value.isNull())
        return QJsonValue::Undefined;
    if (!(value.*hasType)()) {
        wrongType(name, expected);
        return QJsonValue::Undefined;
    }
    return value;
}

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
    return optionalString(name);
}

QString JsonFieldReader::optionalString(const QString &name)
{
    return field(name, &QJsonValue::isString, tr("text")).toString();
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
    return field(name, &QJsonValue::isArray, tr("a list")).toArray();
}

} // namespace Dawiso
