#pragma once

#include "qlik/QlikErrorItem.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace Dawiso {

// The error body Qlik's REST services send, read leniently: any of its fields may be missing or of another type,
// and a body that is not JSON at all still yields a usable (empty) error rather than a failure.
class QlikError
{
public:
    static QlikError fromBody(const QByteArray &body);

    bool isEmpty() const { return m_items.isEmpty(); }
    const QList<QlikErrorItem> &items() const { return m_items; }
    QString traceId() const { return m_traceId; }
    bool hasCode(const QString &code) const;

    // "title: detail" of the first error, or just one of them; empty when the body said nothing usable.
    QString summary() const;

private:
    QList<QlikErrorItem> m_items;
    QString m_traceId;
};

} // namespace Dawiso
