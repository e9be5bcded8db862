#include "AppIcon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>

#include <algorithm>
#include <array>

namespace Dawiso {

namespace {

constexpr std::array<int, 8> pngSizes {16, 22, 24, 32, 48, 64, 128, 256};

// Decodes a size only when it is asked for: QIcon::addFile() would decode every file at once, most of which a
// platform never shows (the offscreen one shows none).
class PngSizesEngine : public QIconEngine
{
public:
    QPixmap pixmap(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const int wanted = qMax(size.width(), size.height());
        // The smallest file at least as large as asked, else the largest.
        const auto it = std::find_if(pngSizes.cbegin(), pngSizes.cend(), [wanted](int s) { return s >= wanted; });
        const int chosen = it == pngSizes.cend() ? pngSizes.back() : *it;
        QPixmap pixmap(QStringLiteral(":/icons/app/dawiso-qlik-setup-%1.png").arg(chosen));
        if (pixmap.size() != size && !pixmap.isNull())
            pixmap = pixmap.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        return pixmap;
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        painter->drawPixmap(rect, pixmap(rect.size(), mode, state));
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (const int size : pngSizes)
            sizes << QSize(size, size);
        return sizes;
    }
    QIconEngine *clone() const override { return new PngSizesEngine; }
    QString key() const override { return QStringLiteral("DawisoAppIcon"); }
};

} // namespace

QIcon AppIcon::icon()
{
    return QIcon(new PngSizesEngine);
}

} // namespace Dawiso
