#include "ListQuery.h"

#include <QUrl>

namespace Dawiso::Simulator {

namespace {

constexpr int defaultLimit = 20;
constexpr int maximumLimit = 100;

QJsonObject href(const QString &url)
{
    return QJsonObject {{QStringLiteral("href"), url}};
}

QString pageUrl(const QString &origin, const SimRequest &request, const QStringList &cursorParameters,
                const QString &parameter, const QString &value)
{
    QUrlQuery query = request.query;
    for (const QString &cursor : cursorParameters)
        query.removeAllQueryItems(cursor);
    query.addQueryItem(parameter, value);
    return origin + request.path + u'?' + query.toString(QUrl::FullyEncoded);
}

} // namespace

std::optional<int> ListQuery::limit(const QUrlQuery &query, QString *error)
{
    const QString limitKey = QStringLiteral("limit");
    if (!query.hasQueryItem(limitKey))
        return defaultLimit;
    bool ok = false;
    const int value = query.queryItemValue(limitKey).toInt(&ok);
    if (!ok || value < 1 || value > maximumLimit) {
        *error = QStringLiteral("limit must be a whole number from 1 to 100");
        return std::nullopt;
    }
    return value;
}

std::optional<ListQuery::Sort> ListQuery::sort(const QUrlQuery &query, const QString &defaultSort,
                                               const QStringList &allowedFields, QString *error)
{
    const QString sortKey = QStringLiteral("sort");
    // A literal '+' arrives as a space from clients that form-encode the query; read both as ascending.
    QString text = query.hasQueryItem(sortKey) ? query.queryItemValue(sortKey, QUrl::FullyDecoded) : defaultSort;
    if (text.startsWith(u' '))
        text[0] = u'+';
    Sort result;
    if (text.startsWith(u'+') || text.startsWith(u'-')) {
        result.descending = text.startsWith(u'-');
        text.remove(0, 1);
    }
    if (!allowedFields.contains(text)) {
        *error = QStringLiteral("sort must be one of %1, optionally prefixed with + or -")
                     .arg(allowedFields.join(QStringLiteral(", ")));
        return std::nullopt;
    }
    result.field = text;
    return result;
}

QJsonObject ListQuery::links(const QString &origin, const SimRequest &request, const QStringList &cursorParameters,
                             const QString &nextParameter, const QString &nextValue, const QString &prevParameter,
                             const QString &prevValue)
{
    QString self = origin + request.path;
    if (!request.rawQuery.isEmpty())
        self += u'?' + request.rawQuery;
    QJsonObject result {{QStringLiteral("self"), href(self)}};
    if (!nextValue.isEmpty())
        result.insert(QStringLiteral("next"),
                      href(pageUrl(origin, request, cursorParameters, nextParameter, nextValue)));
    if (!prevValue.isEmpty())
        result.insert(QStringLiteral("prev"),
                      href(pageUrl(origin, request, cursorParameters, prevParameter, prevValue)));
    return result;
}

} // namespace Dawiso::Simulator
