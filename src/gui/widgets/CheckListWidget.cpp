#include "widgets/CheckListWidget.h"

#include "ResourceIcon.h"
#include "widgets/DisclosureButton.h"

#include <QGridLayout>
#include <QIcon>
#include <QLabel>
#include <QVBoxLayout>

namespace Dawiso {

namespace {

QString iconName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pass:
        return QStringLiteral("status-ok");
    case CheckStatus::Warn:
        return QStringLiteral("status-warning");
    case CheckStatus::Fail:
        return QStringLiteral("status-error");
    case CheckStatus::Pending:
    case CheckStatus::Running:
    case CheckStatus::Skipped:
        return QStringLiteral("status-pending");
    }
    return QStringLiteral("status-pending");
}

QString statusWord(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pending:
        return CheckListWidget::tr("Waiting");
    case CheckStatus::Running:
        return CheckListWidget::tr("Checking");
    case CheckStatus::Pass:
        return CheckListWidget::tr("Passed");
    case CheckStatus::Warn:
        return CheckListWidget::tr("Warning");
    case CheckStatus::Fail:
        return CheckListWidget::tr("Failed");
    case CheckStatus::Skipped:
        return CheckListWidget::tr("Not checked");
    }
    return {};
}

} // namespace

CheckListWidget::CheckListWidget(QWidget *parent)
    : QWidget(parent)
    , m_layout(new QVBoxLayout(this))
{
    m_layout->setContentsMargins(0, 0, 0, 0);
    m_layout->setSpacing(6);
    // A short plan keeps its rows at their own height, at the top.
    m_layout->addStretch();
}

void CheckListWidget::setChecks(const QList<CheckResult> &checks)
{
    for (const Row &row : std::as_const(m_rows))
        delete row.widget;
    m_rows.clear();
    for (const CheckResult &check : checks) {
        Row row = createRow(check);
        m_layout->insertWidget(m_layout->count() - 1, row.widget);
        apply(row, check);
        m_rows.insert(check.id, row);
    }
}

void CheckListWidget::updateCheck(const CheckResult &result)
{
    auto it = m_rows.find(result.id);
    if (it != m_rows.end())
        apply(*it, result);
}

CheckStatus CheckListWidget::statusOf(const QString &id) const
{
    return m_rows.value(id).status;
}

CheckListWidget::Row CheckListWidget::createRow(const CheckResult &result)
{
    Row row;
    row.widget = new QWidget(this);
    row.widget->setObjectName(QStringLiteral("check-") + result.id);
    auto *grid = new QGridLayout(row.widget);
    grid->setContentsMargins(0, 0, 0, 0);
    grid->setHorizontalSpacing(8);
    grid->setVerticalSpacing(2);
    grid->setColumnStretch(1, 1);

    row.icon = new QLabel(row.widget);
    row.icon->setObjectName(QStringLiteral("statusIcon"));
    row.icon->setAlignment(Qt::AlignTop | Qt::AlignHCenter);
    const int size = fontMetrics().height();
    row.icon->setFixedWidth(size + 2);
    grid->addWidget(row.icon, 0, 0, 3, 1);

    row.title = new QLabel(result.title, row.widget);
    row.title->setObjectName(QStringLiteral("titleLabel"));
    QFont bold = row.title->font();
    bold.setBold(true);
    row.title->setFont(bold);
    grid->addWidget(row.title, 0, 1);

    row.message = new QLabel(row.widget);
    row.message->setObjectName(QStringLiteral("messageLabel"));
    row.message->setWordWrap(true);
    row.message->setTextFormat(Qt::PlainText);
    row.message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(row.message, 1, 1);

    row.fix = new QLabel(row.widget);
    row.fix->setObjectName(QStringLiteral("fixLabel"));
    row.fix->setWordWrap(true);
    row.fix->setTextFormat(Qt::PlainText);
    row.fix->setTextInteractionFlags(Qt::TextSelectableByMouse);
    row.fix->setContentsMargins(16, 0, 0, 0);
    row.fixToggle = new DisclosureButton(tr("How to fix"), tr("How to fix"), row.widget);
    row.fixToggle->setObjectName(QStringLiteral("fixToggle"));
    row.fixToggle->setContent(row.fix);
    grid->addWidget(row.fixToggle, 2, 1, Qt::AlignLeft);
    grid->addWidget(row.fix, 3, 1);
    return row;
}

void CheckListWidget::apply(Row &row, const CheckResult &result)
{
    const bool newlyFailed = result.status == CheckStatus::Fail && row.status != CheckStatus::Fail;
    row.status = result.status;
    const int size = fontMetrics().height();
    row.icon->setPixmap(
        ResourceIcon::get(QStringLiteral(":/icons/%1.svg").arg(iconName(result.status))).pixmap(size, size));
    row.icon->setToolTip(statusWord(result.status));
    row.message->setText(result.message);
    row.message->setVisible(!result.message.isEmpty());
    row.message->setEnabled(result.status != CheckStatus::Skipped && result.status != CheckStatus::Pending);
    row.fix->setText(result.advice);
    row.fixToggle->setVisible(!result.advice.isEmpty());
    if (result.advice.isEmpty())
        row.fixToggle->setExpanded(false);
    else if (newlyFailed)
        row.fixToggle->setExpanded(true);
    row.widget->setAccessibleName(result.title);
    row.widget->setAccessibleDescription(
        tr("%1: %2", "a check's status word, then what it found").arg(statusWord(result.status), result.message));
}

} // namespace Dawiso
