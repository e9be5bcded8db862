#include "widgets/DisclosureButton.h"

#include <QStyleOptionToolButton>
#include <QStylePainter>

namespace Dawiso {

DisclosureButton::DisclosureButton(const QString &collapsedText, const QString &expandedText, QWidget *parent)
    : QToolButton(parent)
    , m_collapsedText(collapsedText)
    , m_expandedText(expandedText)
{
    setCheckable(true);
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setFocusPolicy(Qt::StrongFocus);
    setCursor(Qt::PointingHandCursor);
    connect(this, &QToolButton::toggled, this, &DisclosureButton::applyState);
    applyState(false);
}

void DisclosureButton::setContent(QWidget *content)
{
    m_content = content;
    applyState(isChecked());
}

void DisclosureButton::paintEvent(QPaintEvent *event)
{
    Q_UNUSED(event)
    // Checked is the expanded state for assistive technology, but it should look like a link, not a pressed button.
    QStylePainter painter(this);
    QStyleOptionToolButton option;
    initStyleOption(&option);
    option.state &= ~QStyle::State_On;
    if (!isDown())
        option.state &= ~QStyle::State_Sunken;
    painter.drawComplexControl(QStyle::CC_ToolButton, option);
}

void DisclosureButton::applyState(bool expanded)
{
    setArrowType(expanded ? Qt::DownArrow : Qt::RightArrow);
    setText(expanded ? m_expandedText : m_collapsedText);
    // Screen readers read the state from the name, since the arrow alone says nothing.
    setAccessibleName(text());
    if (m_content)
        m_content->setVisible(expanded);
}

} // namespace Dawiso
