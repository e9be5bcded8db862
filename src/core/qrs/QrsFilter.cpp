#include "qrs/QrsFilter.h"

#include <QStringList>

namespace Dawiso {

QString QrsFilter::allEqual(const QList<QPair<QString, QString>> &propertiesAndValues)
{
    QStringList clauses;
    for (const auto &[property, value] : propertiesAndValues) {
        QString quoted = value;
        quoted.replace(QLatin1Char('\''), QLatin1String("''"));
        clauses << QStringLiteral("%1 eq '%2'").arg(property, quoted);
    }
    return clauses.join(QLatin1String(" and "));
}

} // namespace Dawiso
