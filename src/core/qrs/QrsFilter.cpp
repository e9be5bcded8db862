#include "qrs/QrsFilter.h"

#include <QStringList>

namespace Dawiso {

QString QrsFilter::allEqual(const QList<QPair<QString, QString>> &propertiesAndValues)
{
    QStringList clauses;
    for (const auto &[property, value] : propertiesAndValues)
        clauses << QStringLiteral("%1 eq %2").arg(property, literal(value));
    return clauses.join(QLatin1String(" and "));
}

QString QrsFilter::anyContains(const QStringList &properties, const QString &text)
{
    QStringList clauses;
    for (const QString &property : properties)
        clauses << QStringLiteral("%1 so %2").arg(property, literal(text));
    return clauses.join(QLatin1String(" or "));
}

QUrlQuery QrsFilter::query(const QString &filter)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), filter);
    return query;
}

QString QrsFilter::literal(const QString &value)
{
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace Dawiso
