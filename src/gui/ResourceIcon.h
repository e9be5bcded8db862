#pragma once

#include <QIcon>
#include <QString>

namespace Dawiso {

// One QIcon per icon file for the whole program. Qt caches an icon's rendered pixmaps (QPixmapCache) under a key of
// that QIcon's own: an icon made anew each time a widget shows it renders its SVG again and leaves one more entry in
// the cache, which grows with every check, page and panel shown until the cache's 10 MB limit. A shared QIcon renders
// each size once.
class ResourceIcon
{
public:
    // The icon of a file, usually a resource (":/icons/copy.svg"); made when first asked for. GUI thread only.
    static QIcon get(const QString &path);
};

} // namespace Dawiso
