#pragma once

#include "qlik/QlikUser.h"

#include <QIcon>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace Dawiso {

class UserSearch;
struct UserMessage;

// Finding Dawiso's user: search as you type (after a short pause), results a page at a time with "Show more",
// each with its e-mail and status. Users with an admin role are listed but cannot be chosen, and say why.
class UserPickerWidget : public QWidget
{
    Q_OBJECT

public:
    explicit UserPickerWidget(QWidget *parent = nullptr);

    // Not owned; the picker searches through it. Setting it runs an empty search (the first page of users).
    void setSearch(UserSearch *search);
    std::optional<QlikUser> chosenUser() const;
    void setSearchText(const QString &text); // for tests and for "use this user again"

signals:
    void userChosen(const Dawiso::QlikUser &user);

private:
    void onResults(const QList<QlikUser> &users, bool hasMore);
    void onFailed(const UserMessage &error);
    void searchNow();

    UserSearch *m_search = nullptr;
    QLineEdit *m_searchEdit;
    QListWidget *m_list;
    QPushButton *m_moreButton;
    QLabel *m_statusLabel;
    QTimer m_debounce;
    QList<QlikUser> m_users;
    QIcon m_blankIcon;
};

} // namespace Dawiso
