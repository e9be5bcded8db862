#pragma once

#include "common/UserMessage.h"
#include "qlik/QlikStep.h"
#include "qlik/QlikUser.h"

#include <QList>
#include <QUrl>

namespace Dawiso {

// Finds users for the user picker: name or email containing what was typed (SCIM "co", quotes escaped), a page at a
// time; loadMore() follows links.next. A new search abandons the one in flight, so answers never arrive out of order.
class UserSearch : public QlikStep
{
    Q_OBJECT

public:
    static constexpr int pageSize = 20;

    using QlikStep::QlikStep;

    void search(const QString &text);
    void loadMore();
    bool hasMore() const { return m_next.isValid(); }
    QList<QlikUser> users() const { return m_users; }

signals:
    void resultsChanged(const QList<Dawiso::QlikUser> &users, bool hasMore);
    void failed(const Dawiso::UserMessage &problem);

private:
    void onPage(QlikRequest *request, bool append);

    QList<QlikUser> m_users;
    QUrl m_next;
};

} // namespace Dawiso
