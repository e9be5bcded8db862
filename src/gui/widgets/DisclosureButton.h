#pragma once

#include <QString>
#include <QToolButton>

namespace Dawiso {

// A flat "▸ Show details" / "▾ Hide details" toggle that shows and hides one widget. Used wherever technical text
// is available but would overwhelm a non-developer if shown up front.
class DisclosureButton : public QToolButton
{
    Q_OBJECT

public:
    DisclosureButton(const QString &collapsedText, const QString &expandedText, QWidget *parent = nullptr);

    // The widget shown while the button is checked; it is hidden right away when the button is not.
    void setContent(QWidget *content);
    void setExpanded(bool expanded) { setChecked(expanded); }

protected:
    void paintEvent(QPaintEvent *event) override;

private:
    void applyState(bool expanded);

    QString m_collapsedText;
    QString m_expandedText;
    QWidget *m_content = nullptr;
};

} // namespace Dawiso
