#pragma once

#include <QIcon>

namespace Dawiso {

// The application's icon, from the sizes pre-rendered as PNG (resources/icons/app, see scripts/render-icons). Showing
// the window then needs no SVG renderer: the SVG icon engine, and Qt SVG with it, loads only when an SVG icon is
// first shown, which keeps it out of start-up.
class AppIcon
{
public:
    // Every size from 16 to 256 px, for windows and the taskbar.
    static QIcon icon();
};

} // namespace Dawiso
