#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QUrlQuery>

namespace Dawiso {

// The QRS `filter=` parameter, written in one place: `eq` clauses joined by ` and `, `so` (substring) clauses joined
// by ` or `. A single quote
// inside a value is doubled, so a name such as O'Brien stays one value instead of ending the clause early.
class QrsFilter
{
public:
    QrsFilter() = delete;

    // allEqual({{"userId", "qlikadmin"}, {"userDirectory", "CORP"}}) = "userId eq 'qlikadmin' and userDirectory eq
    // 'CORP'"; the QRS compares the strings without regard to case.
    static QString allEqual(const QList<QPair<QString, QString>> &propertiesAndValues);
    // anyContains({"userId", "name"}, "svc") = "userId so 'svc' or name so 'svc'", for a search box.
    static QString anyContains(const QStringList &properties, const QString &text);
    // The query that carries a filter: filter=<filter>.
    static QUrlQuery query(const QString &filter);
    // 'value', its single quotes doubled.
    static QString literal(const QString &value);
};

} // namespace Dawiso
