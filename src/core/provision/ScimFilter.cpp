#include "provision/ScimFilter.h"

namespace Dawiso {

QString ScimFilter::quoted(const QString &value)
{
    QString escaped;
    escaped.reserve(value.size() + 2);
    escaped += QLatin1Char('"');
    for (const QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            escaped += QLatin1Char('\\');
        // Control characters have no business in a search; dropping them keeps the filter on one line.
        if (c.category() != QChar::Other_Control)
            escaped += c;
    }
    escaped += QLatin1Char('"');
    return escaped;
}

QString ScimFilter::nameEquals(const QString &name)
{
    return QStringLiteral("name eq ") + quoted(name);
}

QString ScimFilter::nameOrEmailContains(const QString &text)
{
    const QString value = quoted(text.trimmed());
    return QStringLiteral("name co ") + value + QStringLiteral(" or email co ") + value;
}

} // namespace Dawiso
