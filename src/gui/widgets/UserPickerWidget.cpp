#include "widgets/UserPickerWidget.h"

#include "ResourceIcon.h"
#include "provision/RoleAssignment.h"
#include "provision/UserSearch.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace Dawiso {

namespace {
constexpr int typingPauseMs = 300;
constexpr int userIndexRole = Qt::UserRole + 1;
} // namespace

UserPickerWidget::UserPickerWidget(QWidget *parent)
    : QWidget(parent)
    , m_searchEdit(new QLineEdit(this))
    , m_list(new QListWidget(this))
    , m_moreButton(new QPushButton(tr("Show m&ore users"), this))
    , m_statusLabel(new QLabel(this))
{
    m_searchEdit->setObjectName(QStringLiteral("userSearchEdit"));
    m_searchEdit->setPlaceholderText(tr("Search by name or e-mail"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setAccessibleName(tr("Search users"));
    m_list->setObjectName(QStringLiteral("userList"));
    m_list->setAccessibleName(tr("Users"));
    m_list->setMinimumHeight(120);
    m_moreButton->setObjectName(QStringLiteral("moreUsersButton"));
    // Every row gets an icon slot, so that names line up whether or not a row carries a warning.
    QPixmap blank(m_list->iconSize().isValid() ? m_list->iconSize() : QSize(16, 16));
    blank.fill(Qt::transparent);
    m_blankIcon = QIcon(blank);
    m_moreButton->hide();
    m_statusLabel->setObjectName(QStringLiteral("userStatusLabel"));
    m_statusLabel->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_searchEdit);
    layout->addWidget(m_list, 1);
    auto *row = new QHBoxLayout;
    row->addWidget(m_statusLabel, 1);
    row->addWidget(m_moreButton);
    layout->addLayout(row);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(typingPauseMs);
    connect(&m_debounce, &QTimer::timeout, this, &UserPickerWidget::searchNow);
    connect(m_searchEdit, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_moreButton, &QPushButton::clicked, this, [this] {
        if (m_search)
            m_search->loadMore();
    });
    connect(m_list, &QListWidget::currentRowChanged, this, [this] {
        if (const auto user = chosenUser())
            emit userChosen(*user);
    });
}

void UserPickerWidget::setSearch(UserSearch *search)
{
    m_search = search;
    connect(search, &UserSearch::resultsChanged, this, &UserPickerWidget::onResults);
    connect(search, &UserSearch::failed, this, &UserPickerWidget::onFailed);
    searchNow();
}

void UserPickerWidget::setSearchText(const QString &text)
{
    m_searchEdit->setText(text);
    searchNow();
}

std::optional<QlikUser> UserPickerWidget::chosenUser() const
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item || !(item->flags() & Qt::ItemIsSelectable))
        return std::nullopt;
    const int index = item->data(userIndexRole).toInt();
    return index >= 0 && index < m_users.size() ? std::optional<QlikUser>(m_users.at(index)) : std::nullopt;
}

void UserPickerWidget::searchNow()
{
    m_debounce.stop();
    if (!m_search)
        return;
    m_statusLabel->setText(tr("Searching…"));
    m_search->search(m_searchEdit->text());
}

void UserPickerWidget::onResults(const QList<QlikUser> &users, bool hasMore)
{
    const QString keep = chosenUser() ? chosenUser()->id : QString();
    m_users = users;
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (int i = 0; i < users.size(); ++i) {
        const QlikUser &user = users.at(i);
        QStringList parts {user.name.isEmpty() ? user.email : user.name};
        if (!user.email.isEmpty() && !user.name.isEmpty())
            parts << user.email;
        if (!user.isActive())
            parts << user.statusInWords();
        const QString refusal = RoleAssignment::refusalFor(user);
        if (!refusal.isEmpty() && user.isTenantAdmin())
            parts << tr("tenant admin");
        else if (!refusal.isEmpty() && user.isAdmin())
            parts << tr("admin role");
        auto *item = new QListWidgetItem(m_blankIcon, parts.join(QStringLiteral("  ·  ")), m_list);
        item->setData(userIndexRole, i);
        if (!refusal.isEmpty()) {
            item->setFlags(item->flags() & ~(Qt::ItemIsSelectable | Qt::ItemIsEnabled));
            // A tooltip alone reaches mouse users only; screen readers read the description.
            item->setToolTip(refusal);
            item->setData(Qt::AccessibleDescriptionRole, refusal);
            item->setIcon(ResourceIcon::get(QStringLiteral(":/icons/status-warning.svg")));
        }
        if (user.id == keep)
            m_list->setCurrentItem(item);
    }
    m_moreButton->setVisible(hasMore);
    m_statusLabel->setText(
        users.isEmpty()
            ? tr("No user matches. Invite one for Dawiso in Administration › Manage users.")
            : tr("%n user(s) shown. Users with an admin role cannot be chosen.", nullptr, int(users.size())));
}

void UserPickerWidget::onFailed(const UserMessage &error)
{
    m_statusLabel->setText(tr("%1 %2", "what went wrong, then what to do").arg(error.message, error.advice));
}

} // namespace Dawiso
