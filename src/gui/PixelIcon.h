#pragma once

#include <QIcon>
#include <QtGlobal>

namespace Dawiso {

// One size of an image rendered at build time (dqs_embed_pixels): premultiplied ARGB32, size × size.
struct PixelImage
{
    int size;
    const quint32 *argb;
};

struct PixelImageSet
{
    const PixelImage *images;
    int count;
};

// The images of the first page, as pixels compiled into the program: showing them decodes nothing, so the first
// frame loads no image-format plugin (see dqs_embed_pixels).
namespace PixelIcons {
extern const PixelImageSet appLogo; // resources/icons/dawiso-qlik-setup.svg
extern const PixelImageSet practice; // resources/icons/practice.svg
} // namespace PixelIcons

class PixelIcon
{
public:
    // Every size of the set, for widgets that pick their own (buttons).
    static QIcon icon(const PixelImageSet &set);
    // The size that suits size logical pixels at devicePixelRatio (the larger one on high-density screens).
    static QPixmap pixmap(const PixelImageSet &set, int size, qreal devicePixelRatio);
};

} // namespace Dawiso
