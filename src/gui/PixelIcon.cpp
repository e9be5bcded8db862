#include "PixelIcon.h"

#include <QIconEngine>
#include <QImage>
#include <QPainter>
#include <QPixmap>

namespace Dawiso {

namespace {

// The smallest image that covers extent pixels, else the largest (the sets are in ascending size).
const PixelImage &imageFor(const PixelImageSet &set, int extent)
{
    for (int i = 0; i < set.count; ++i) {
        if (set.images[i].size >= extent)
            return set.images[i];
    }
    return set.images[set.count - 1];
}

QPixmap toPixmap(const PixelImage &image)
{
    // The pixels stay where the program holds them; QPixmap makes the one copy it paints from.
    return QPixmap::fromImage(QImage(reinterpret_cast<const uchar *>(image.argb), image.size, image.size,
                                     QImage::Format_ARGB32_Premultiplied));
}

// Makes a size's pixmap only when it is asked for: platforms ask for a few sizes of a window icon (the offscreen one
// for none), and each pixmap is a copy.
class PixelIconEngine : public QIconEngine
{
public:
    explicit PixelIconEngine(const PixelImageSet &set)
        : m_set(set)
    { }

    QPixmap pixmap(const QSize &size, QIcon::Mode, QIcon::State) override
    {
        const int extent = qMax(size.width(), size.height());
        QPixmap pixmap = toPixmap(imageFor(m_set, extent));
        if (pixmap.width() != extent)
            pixmap = pixmap.scaled(size, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        return pixmap;
    }
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        const qreal ratio = painter->device() ? painter->device()->devicePixelRatio() : 1.0;
        painter->drawPixmap(rect, pixmap(rect.size() * ratio, mode, state));
    }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        QList<QSize> sizes;
        for (int i = 0; i < m_set.count; ++i)
            sizes << QSize(m_set.images[i].size, m_set.images[i].size);
        return sizes;
    }
    QIconEngine *clone() const override { return new PixelIconEngine(m_set); }
    QString key() const override { return QStringLiteral("DawisoPixelIcon"); }

private:
    const PixelImageSet &m_set;
};

} // namespace

QIcon PixelIcon::icon(const PixelImageSet &set)
{
    return QIcon(new PixelIconEngine(set));
}

QPixmap PixelIcon::pixmap(const PixelImageSet &set, int size, qreal devicePixelRatio)
{
    const PixelImage &image = imageFor(set, qRound(size * devicePixelRatio));
    QPixmap pixmap = toPixmap(image);
    pixmap.setDevicePixelRatio(qreal(image.size) / size);
    return pixmap;
}

} // namespace Dawiso
