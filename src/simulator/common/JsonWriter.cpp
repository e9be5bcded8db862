#include "simulator/common/JsonWriter.h"

#include <algorithm>

namespace Dawiso::Simulator {

JsonWriter::JsonWriter(qsizetype reserve)
{
    m_out.reserve(reserve);
}

void JsonWriter::separate()
{
    if (m_needsComma)
        m_out.append(',');
    m_needsComma = false;
}

void JsonWriter::beginObject()
{
    separate();
    m_out.append('{');
}

void JsonWriter::endObject()
{
    m_out.append('}');
    m_needsComma = true;
}

void JsonWriter::beginArray()
{
    separate();
    m_out.append('[');
}

void JsonWriter::endArray()
{
    m_out.append(']');
    m_needsComma = true;
}

void JsonWriter::key(QLatin1String name)
{
    separate();
    m_out.append('"');
    m_out.append(name.data(), name.size());
    m_out.append("\":", 2);
}

void JsonWriter::string(QStringView text)
{
    static const char hex[] = "0123456789abcdef";
    separate();
    m_out.append('"');
    const QByteArray utf8 = text.toUtf8();
    const bool plain = std::none_of(utf8.cbegin(), utf8.cend(), [](char c) {
        return c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20;
    });
    if (plain) {
        m_out.append(utf8);
        m_out.append('"');
        m_needsComma = true;
        return;
    }
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            m_out.append('\\');
            m_out.append(c);
        } else if (byte < 0x20) {
            m_out.append("\\u00", 4);
            m_out.append(hex[byte >> 4]);
            m_out.append(hex[byte & 0xf]);
        } else {
            m_out.append(c);
        }
    }
    m_out.append('"');
    m_needsComma = true;
}

void JsonWriter::boolean(bool value)
{
    separate();
    m_out.append(value ? QByteArrayView("true") : QByteArrayView("false"));
    m_needsComma = true;
}

void JsonWriter::number(qint64 value)
{
    separate();
    m_out.append(QByteArray::number(value));
    m_needsComma = true;
}

void JsonWriter::raw(const QByteArray &json)
{
    separate();
    m_out.append(json);
    m_needsComma = true;
}

void JsonWriter::string(QLatin1String name, QStringView text)
{
    key(name);
    string(text);
}

void JsonWriter::boolean(QLatin1String name, bool value)
{
    key(name);
    boolean(value);
}

void JsonWriter::number(QLatin1String name, qint64 value)
{
    key(name);
    number(value);
}

void JsonWriter::emptyArray(QLatin1String name)
{
    key(name);
    m_out.append("[]", 2);
    m_needsComma = true;
}

void JsonWriter::emptyObject(QLatin1String name)
{
    key(name);
    m_out.append("{}", 2);
    m_needsComma = true;
}

} // namespace Dawiso::Simulator
