#include "widgets/PracticeBanner.h"

#include <QPainter>

namespace Dawiso {

namespace {
// Amber, readable on light and dark palettes alike.
const QColor fill(240, 173, 78, 56);
const QColor border(240, 173, 78, 204);
constexpr qreal radius = 4;
} // namespace

PracticeBanner::PracticeBanner(QWidget *parent)
    : QLabel(parent)
{
    setObjectName(QStringLiteral("practiceBanner"));
    setTextFormat(Qt::PlainText);
    setWordWrap(true);
    setContentsMargins(9, 7, 9, 7);
    setText(tr("Practice run: you are working with a Qlik tenant simulated on this computer. Nothing changes in your "
               "real Qlik, and the sample keys are not real keys."));
    setAccessibleName(tr("Practice run"));
}

void PracticeBanner::paintEvent(QPaintEvent *event)
{
    {
        QPainter painter(this);
        painter.setRenderHint(QPainter::Antialiasing);
        painter.setPen(border);
        painter.setBrush(fill);
        painter.drawRoundedRect(QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5), radius, radius);
    }
    QLabel::paintEvent(event);
}

} // namespace Dawiso
