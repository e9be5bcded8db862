#include "simulator/common/SimHeaders.h"

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

bool sameName(const QByteArray &fieldName, QByteArrayView name)
{
    return fieldName.compare(name, Qt::CaseInsensitive) == 0;
}

} // namespace

SimHeaders::SimHeaders(QList<Field> fields)
    : m_fields(std::move(fields))
{ }

void SimHeaders::append(const QByteArray &name, const QByteArray &value)
{
    m_fields.append({name, value});
}

QByteArray SimHeaders::value(QByteArrayView name) const
{
    for (const Field &field : m_fields) {
        if (sameName(field.first, name))
            return field.second;
    }
    return {};
}

bool SimHeaders::contains(QByteArrayView name) const
{
    return std::any_of(m_fields.cbegin(), m_fields.cend(),
                       [name](const Field &field) { return sameName(field.first, name); });
}

void SimHeaders::wipe()
{
    for (Field &field : m_fields)
        field.second.fill('\0');
}

} // namespace Dawiso::Simulator
