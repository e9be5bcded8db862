#include "PixelIcon.h"

#include <QImage>
#include <QPixmap>

namespace Dawiso {

namespace {

QPixmap toPixmap(const PixelImage &image)
{
    // The pixels stay where the program holds them; QPixmap makes the one copy it paints from.
    return QPixmap::fromImage(QImage(reinterpret_cast<const uchar *>(image.argb), image.size, image.size,
                                     QImage::Format_ARGB32_Premultiplied));
}

} // namespace

QIcon PixelIcon::icon(const PixelImageSet &set)
{
    QIcon icon;
    for (int i = 0; i < set.count; ++i)
        icon.addPixmap(toPixmap(set.images[i]));
    return icon;
}

QPixmap PixelIcon::pixmap(const PixelImageSet &set, int size, qreal devicePixelRatio)
{
    // The smallest image that covers the size in device pixels, else the largest.
    const int wanted = qRound(size * devicePixelRatio);
    const PixelImage *chosen = &set.images[set.count - 1];
    for (int i = set.count - 1; i >= 0; --i) {
        if (set.images[i].size >= wanted)
            chosen = &set.images[i];
    }
    QPixmap pixmap = toPixmap(*chosen);
    pixmap.setDevicePixelRatio(qreal(chosen->size) / size);
    return pixmap;
}

} // namespace Dawiso
