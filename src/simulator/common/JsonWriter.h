#pragma once

#include <QByteArray>
#include <QLatin1String>
#include <QStringView>

namespace Dawiso::Simulator {

// Writes compact JSON straight into bytes, for the simulator's long lists. QJsonObject pays a sorted insert per key
// and a second pass to serialise, which made the server the slow end of a 20,000-app item listing. Keys are ASCII
// literals; string values are escaped. Distinct names per value type, so a string literal never turns into a bool.
class JsonWriter
{
public:
    explicit JsonWriter(qsizetype reserve = 0);

    void beginObject();
    void endObject();
    void beginArray();
    void endArray();
    // The key of the next value in the current object.
    void key(QLatin1String name);

    void string(QStringView text);
    void boolean(bool value);
    void number(qint64 value);
    // An already serialised JSON value (e.g. QJsonDocument::toJson(Compact)).
    void raw(const QByteArray &json);

    void string(QLatin1String name, QStringView text);
    void boolean(QLatin1String name, bool value);
    void number(QLatin1String name, qint64 value);
    void emptyArray(QLatin1String name);
    void emptyObject(QLatin1String name);

    QByteArray take() { return std::move(m_out); }

private:
    void separate();

    QByteArray m_out;
    bool m_needsComma = false;
};

} // namespace Dawiso::Simulator
