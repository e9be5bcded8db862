#pragma once

#include <QDirIterator>
#include <QFile>
#include <QStringList>

#include <functional>

namespace Dawiso::Test {

// For tests that read the project's own sources: calls visit(path, lineNumber, line) for every line of every file
// under folder whose name matches one of nameFilters, subfolders included. Line numbers start at 1.
inline void forEachSourceLine(const QString &folder, const QStringList &nameFilters,
                              const std::function<void(const QString &, int, const QString &)> &visit)
{
    QDirIterator it(folder, nameFilters, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        int number = 0;
        while (!file.atEnd())
            visit(path, ++number, QString::fromUtf8(file.readLine()));
    }
}

} // namespace Dawiso::Test
