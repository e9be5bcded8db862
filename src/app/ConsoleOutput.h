#pragma once

#include <QByteArray>
#include <QString>

#include <cstdio>

namespace Dawiso {

// What the command-line modes write: bytes as they are, flushed at once, so that standard output and standard error
// keep their order in a terminal and a pipe sees each result as soon as it exists.
class ConsoleOutput
{
public:
    static void write(std::FILE *stream, const QByteArray &bytes);
    // One line on standard error.
    static void printError(const QString &message);
};

} // namespace Dawiso
