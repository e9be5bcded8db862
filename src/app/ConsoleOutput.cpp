#include "ConsoleOutput.h"

namespace Dawiso {

void ConsoleOutput::write(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void ConsoleOutput::printError(const QString &message)
{
    write(stderr, message.toUtf8() + '\n');
}

} // namespace Dawiso
