#include "provision/UserSearch.h"

#include "provision/ScimFilter.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/RequestProblem.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrlQuery>

namespace Dawiso {

void UserSearch::search(const QString &text)
{
    begin();
    m_users.clear();
    m_next.clear();
    QUrlQuery query;
    if (!text.trimmed().isEmpty()) {
        query.addQueryItem(QStringLiteral("filter"),
                           QString::fromLatin1(QUrl::toPercentEncoding(ScimFilter::nameOrEmailContains(text))));
    }
    // Sorted by name already: +name is the list's default (users.json), so no sort parameter is sent.
    query.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    run(client()->get(QStringLiteral("/api/v1/users"), query),
        [this](QlikRequest *request) { onPage(request, false); });
}

void UserSearch::loadMore()
{
    if (!m_next.isValid() || isRunning())
        return;
    const QUrl next = std::exchange(m_next, QUrl());
    begin();
    run(client()->send(next, client()->defaultOptions()), [this](QlikRequest *request) { onPage(request, true); });
}

void UserSearch::onPage(QlikRequest *request, bool append)
{
    if (!request->isSuccess()) {
        const UserMessage problem = RequestProblem::describe(request, tr("Searching for users"));
        finish([this, problem] { emit failed(problem); });
        return;
    }
    const QJsonObject page = request->json().object();
    if (!append)
        m_users.clear();
    const QJsonArray entries = page.value(QLatin1String("data")).toArray();
    for (const QJsonValue &value : entries) {
        if (const auto user = QlikUser::fromJson(value.toObject(), nullptr))
            m_users << *user;
    }
    const QString href = page.value(QLatin1String("links"))
                             .toObject()
                             .value(QLatin1String("next"))
                             .toObject()
                             .value(QLatin1String("href"))
                             .toString();
    QUrl next = href.isEmpty() ? QUrl() : request->finalUrl().resolved(QUrl(href));
    // The key may only go back to the tenant's own origin; a link naming another of its addresses is read there.
    if (next.isValid() && !QlikRequest::sameOrigin(next, client()->baseUrl()))
        next = QlikRequest::rebased(client()->baseUrl(), next, client()->defaultOptions().rebasedPathPrefix)
                   .value_or(QUrl());
    m_next = next;
    finish([this, users = m_users, more = hasMore()] { emit resultsChanged(users, more); });
}

} // namespace Dawiso
