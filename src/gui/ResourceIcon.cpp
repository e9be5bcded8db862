#include "ResourceIcon.h"

#include <QCoreApplication>
#include <QHash>

namespace Dawiso {

QIcon ResourceIcon::get(const QString &path)
{
    static QHash<QString, QIcon> icons;
    if (icons.isEmpty()) {
        // Let go of the icons with the application, while the plugins that draw them are still there.
        qAddPostRoutine([] { icons.clear(); });
    }
    auto it = icons.find(path);
    if (it == icons.end())
        it = icons.insert(path, QIcon(path));
    return *it;
}

} // namespace Dawiso
