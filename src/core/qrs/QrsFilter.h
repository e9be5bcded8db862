#pragma once

#include <QList>
#include <QPair>
#include <QString>

namespace Dawiso {

// The QRS `filter=` parameter, written in one place: `property eq 'value'` clauses joined by ` and `. A single quote
// inside a value is doubled, so a name such as O'Brien stays one value instead of ending the clause early.
class QrsFilter
{
public:
    QrsFilter() = delete;

    // allEqual({{"userId", "qlikadmin"}, {"userDirectory", "CORP"}}) = "userId eq 'qlikadmin' and userDirectory eq
    // 'CORP'"; the QRS compares the strings without regard to case.
    static QString allEqual(const QList<QPair<QString, QString>> &propertiesAndValues);
};

} // namespace Dawiso
