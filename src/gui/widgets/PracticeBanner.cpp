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
    // Worded for every deployment: the simulated Qlik Cloud tenant and the simulated Qlik Sense site alike.
    setText(tr("Practice run: you are working with a Qlik simulated on this computer. Nothing changes in your real "
               "Qlik, and no key, password or certificate here is a real one."));
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
