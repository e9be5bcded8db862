#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QPair>

namespace Dawiso::Simulator {

// The header fields of one request, in the order they came and with their names as sent. Names are looked up
// without regard to case, as HTTP defines them (RFC 9110 §5.1): value("X-Qlik-Xrfkey") finds "x-qlik-xrfkey".
class SimHeaders
{
public:
    using Field = QPair<QByteArray, QByteArray>;

    SimHeaders() = default;
    explicit SimHeaders(QList<Field> fields);

    void append(const QByteArray &name, const QByteArray &value);
    // The value of the first field with this name; empty when there is none.
    QByteArray value(QByteArrayView name) const;
    bool contains(QByteArrayView name) const;
    const QList<Field> &fields() const { return m_fields; }
    qsizetype size() const { return m_fields.size(); }

    // Overwrites every value with zeros: values such as Authorization carry credentials.
    void wipe();

private:
    QList<Field> m_fields;
};

} // namespace Dawiso::Simulator
