#pragma once

#include "SimRequest.h"

#include <QJsonObject>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// The query parameters every Qlik list shares: limit (1..100, default 20) and sort (+field / -field), plus the
// links object of a page. Invalid values give a sentence for the 400 answer.
class ListQuery
{
public:
    struct Sort
    {
        QString field;
        bool descending = false;
    };

    static std::optional<int> limit(const QUrlQuery &query, QString *error);
    // nullopt (with *error) when the field is not one of allowedFields.
    static std::optional<Sort> sort(const QUrlQuery &query, const QString &defaultSort,
                                    const QStringList &allowedFields, QString *error);

    // {"self":{"href"},"next"?:{"href"},"prev"?:{"href"}}: next/prev repeat the request's own query with the given
    // cursor parameter replaced; an empty cursor value leaves that link out.
    static QJsonObject links(const QString &origin, const SimRequest &request, const QStringList &cursorParameters,
                             const QString &nextParameter, const QString &nextValue, const QString &prevParameter,
                             const QString &prevValue);
};

} // namespace Dawiso::Simulator
