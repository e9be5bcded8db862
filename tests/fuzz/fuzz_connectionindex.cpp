// The saved-connections index as QSettings finds it on disk, perhaps edited by hand or written by another version:
// the input is the INI file.

#include "secrets/ConnectionIndex.h"

#include <QFile>
#include <QSettings>
#include <QTemporaryDir>

#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const QTemporaryDir directory;
    const QString path = directory.filePath(QStringLiteral("connections.ini"));
    {
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            return 0;
        file.write(reinterpret_cast<const char *>(data), qint64(size));
    }
    QSettings settings(path, QSettings::IniFormat);
    const Dawiso::ConnectionIndex index(&settings);
    for (const Dawiso::SavedConnection &connection : index.connections())
        index.find(connection.kind, connection.hostAndPort);
    return 0;
}
