#include "LoadAverage.h"

#include <QFile>

namespace Dawiso::Bench {

QString loadAverage()
{
    QFile file(QStringLiteral("/proc/loadavg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QString::fromLatin1(file.readLine().split(' ').value(0));
}

} // namespace Dawiso::Bench
