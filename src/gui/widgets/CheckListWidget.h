#pragma once

#include "check/CheckResult.h"

#include <QHash>
#include <QWidget>

class QLabel;
class QVBoxLayout;

namespace Dawiso {

class DisclosureButton;

// The connection check as a checklist: one row per check with its status icon, title and what was found, and the
// fix behind a "How to fix" toggle (opened by itself for a failure, where it matters most).
class CheckListWidget : public QWidget
{
    Q_OBJECT

public:
    explicit CheckListWidget(QWidget *parent = nullptr);

    void setChecks(const QList<CheckResult> &checks);
    void updateCheck(const CheckResult &result);
    CheckStatus statusOf(const QString &id) const;

private:
    struct Row
    {
        QWidget *widget = nullptr;
        QLabel *icon = nullptr;
        QLabel *title = nullptr;
        QLabel *message = nullptr;
        DisclosureButton *fixToggle = nullptr;
        QLabel *fix = nullptr;
        CheckStatus status = CheckStatus::Pending;
    };

    Row createRow(const CheckResult &result);
    void apply(Row &row, const CheckResult &result);

    QVBoxLayout *m_layout;
    QHash<QString, Row> m_rows;
};

} // namespace Dawiso
