#pragma once

#include "simulator/cloud/ScimFilter.h"
#include "simulator/common/SimRequest.h"

#include <QJsonObject>
#include <QString>
#include <QStringList>
#include <QUrlQuery>
#include <QtGlobal>

#include <optional>

namespace Dawiso::Simulator {

class CursorCodec;

// The query parameters every Qlik list shares: limit (1..100, default 20 or the list's own), sort (+field / -field),
// next/prev cursors and, for some lists, a SCIM filter; plus the links object of a page. Invalid values give a
// sentence for the 400 answer.
class ListQuery
{
public:
    // One page of an offset-paged list, with the cursors of its neighbours ("" when there is none).
    struct Page
    {
        qsizetype begin = 0;
        qsizetype end = 0;
        QString next;
        QString prev;
    };

    struct Sort
    {
        QString field;
        bool descending = false;
    };

    // What one offset-paged list accepts.
    struct Rules
    {
        QString list; // names the list in its cursors, e.g. "users"
        int defaultLimit = 20;
        QString defaultSort; // e.g. "+name"
        QStringList sortFields;
        std::optional<ScimFilter::Rules> filter; // nullopt: the list takes no filter parameter
    };

    // The list parameters of one request.
    struct Parameters
    {
        int limit = 20;
        Sort sort;
        int start = 0; // where the wanted page starts: 0 without a cursor
        std::optional<ScimFilter> filter; // none asked for, or the list takes none
    };

    // A request's limit, sort, page start (from its next or prev cursor) and filter, checked in that order: nullopt
    // with the first problem in *error.
    static std::optional<Parameters> parse(const SimRequest &request, const Rules &rules, const CursorCodec &cursors,
                                           QString *error);

    // The single parameters, for lists that page or filter in their own way.
    static std::optional<int> limit(const QUrlQuery &query, QString *error, int defaultLimit = 20);
    // nullopt (with *error) when the field is not one of allowedFields.
    static std::optional<Sort> sort(const QUrlQuery &query, const QString &defaultSort,
                                    const QStringList &allowedFields, QString *error);
    // The raw next or prev cursor (nullopt with *error when both are given).
    static std::optional<QString> cursor(const QUrlQuery &query, QString *error);
    // The page [start, start + limit) of a list of total entries, and the cursors (for list) around it.
    static Page page(qsizetype total, int start, int limit, const CursorCodec &cursors, const QString &list);

    // {"self":{"href"},"next"?:{"href"},"prev"?:{"href"}}: next/prev repeat the request's own query with the given
    // cursor parameter replaced; an empty cursor value leaves that link out.
    static QJsonObject links(const QString &origin, const SimRequest &request, const QStringList &cursorParameters,
                             const QString &nextParameter, const QString &nextValue, const QString &prevParameter,
                             const QString &prevValue);

private:
    // 0 without a cursor, else the offset in the next or prev cursor issued for list.
    static std::optional<int> pageStart(const QUrlQuery &query, const CursorCodec &cursors, const QString &list,
                                        QString *error);
};

} // namespace Dawiso::Simulator
