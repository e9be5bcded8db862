#include "simulator/cloud/ListQuery.h"

#include "simulator/cloud/CursorCodec.h"

#include <QUrl>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

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

std::optional<ListQuery::Parameters> ListQuery::parse(const SimRequest &request, const Rules &rules,
                                                      const CursorCodec &cursors, QString *error)
{
    Parameters result;
    const auto limitAsked = limit(request.query, error, rules.defaultLimit);
    if (!limitAsked)
        return std::nullopt;
    result.limit = *limitAsked;
    const auto sortAsked = sort(request.query, rules.defaultSort, rules.sortFields, error);
    if (!sortAsked)
        return std::nullopt;
    result.sort = *sortAsked;
    const auto startAsked = pageStart(request.query, cursors, rules.list, error);
    if (!startAsked)
        return std::nullopt;
    result.start = *startAsked;
    const QString filterText = request.query.queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded);
    if (rules.filter && !filterText.isEmpty()) {
        QString filterError;
        result.filter = ScimFilter::parse(filterText, *rules.filter, &filterError);
        if (!result.filter) {
            *error = QStringLiteral("Invalid filter: ") + filterError;
            return std::nullopt;
        }
    }
    return result;
}

std::optional<int> ListQuery::limit(const QUrlQuery &query, QString *error, int defaultLimit)
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

std::optional<QString> ListQuery::cursor(const QUrlQuery &query, QString *error)
{
    const QString next = query.queryItemValue(QStringLiteral("next"), QUrl::FullyDecoded);
    const QString prev = query.queryItemValue(QStringLiteral("prev"), QUrl::FullyDecoded);
    if (!next.isEmpty() && !prev.isEmpty()) {
        *error = QStringLiteral("next and prev cannot be used together");
        return std::nullopt;
    }
    return next.isEmpty() ? prev : next;
}

std::optional<int> ListQuery::pageStart(const QUrlQuery &query, const CursorCodec &cursors, const QString &list,
                                        QString *error)
{
    const auto given = cursor(query, error);
    if (!given)
        return std::nullopt;
    if (given->isEmpty())
        return 0;
    const auto offset = cursors.decode(list, *given);
    if (!offset)
        *error = QStringLiteral("the page cursor is not valid");
    return offset;
}

ListQuery::Page ListQuery::page(qsizetype total, int start, int limit, const CursorCodec &cursors, const QString &list)
{
    Page result;
    result.begin = std::min<qsizetype>(start, total);
    result.end = std::min<qsizetype>(result.begin + limit, total);
    if (result.end < total)
        result.next = cursors.encode(list, static_cast<int>(result.end));
    if (result.begin > 0)
        result.prev = cursors.encode(list, static_cast<int>(std::max<qsizetype>(0, result.begin - limit)));
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
