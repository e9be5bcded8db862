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

// The images the window shows before its first frame, as pixels compiled into the program: showing them decodes
// nothing, so start-up loads no image-format plugin (see dqs_embed_pixels). Each set is in ascending size.
namespace PixelIcons {
extern const PixelImageSet appIcon; // resources/icons/dawiso-qlik-setup.svg: window icon and the wizard's logo
extern const PixelImageSet practice; // resources/icons/practice.svg
} // namespace PixelIcons

class PixelIcon
{
public:
    // Every size of the set, each made when first asked for: window icons and buttons.
    static QIcon icon(const PixelImageSet &set);
    // The size that suits size logical pixels at devicePixelRatio (the larger one on high-density screens).
    static QPixmap pixmap(const PixelImageSet &set, int size, qreal devicePixelRatio);
};

} // namespace Dawiso
