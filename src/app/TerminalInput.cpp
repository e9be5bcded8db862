#include "TerminalInput.h"

#include "token/SecureMemory.h"

#include <cerrno>

#ifdef Q_OS_UNIX
#include <csignal>
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#endif

namespace Dawiso {

#ifdef Q_OS_UNIX

namespace {

volatile std::sig_atomic_t interruptedWhileReading = 0;

extern "C" void onInterruptWhileReading(int)
{
    interruptedWhileReading = 1;
}

} // namespace

struct TerminalInput::Saved
{
    termios terminal {};
    struct sigaction interruptAction = {};
};

TerminalInput::TerminalInput()
{
    if (!isTerminal(stdin))
        return;
    auto saved = std::make_unique<Saved>();
    if (::tcgetattr(STDIN_FILENO, &saved->terminal) != 0)
        return;
    termios quiet = saved->terminal;
    quiet.c_lflag &= ~tcflag_t(ECHO);
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet);

    // Without SA_RESTART the blocked read returns (EINTR), and the caller sees wasInterrupted().
    interruptedWhileReading = 0;
    struct sigaction action = {};
    action.sa_handler = onInterruptWhileReading;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0;
    ::sigaction(SIGINT, &action, &saved->interruptAction);
    m_saved = std::move(saved);
}

TerminalInput::~TerminalInput()
{
    if (!m_saved)
        return;
    ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved->terminal);
    ::sigaction(SIGINT, &m_saved->interruptAction, nullptr);
}

bool TerminalInput::wasInterrupted() const
{
    return m_saved && interruptedWhileReading != 0;
}

bool TerminalInput::isTerminal(std::FILE *stream)
{
    return ::isatty(::fileno(stream)) == 1;
}

TerminalInput::ReadResult TerminalInput::readAll(QByteArray *buffer, qsizetype limit) const
{
    SecureMemory::wipe(*buffer);
    buffer->resize(limit);
    qsizetype used = 0;
    ReadResult result = ReadResult::TooLong;
    // The descriptor itself: no FILE buffer ever holds what arrives.
    while (used < limit) {
        const ssize_t got = ::read(STDIN_FILENO, buffer->data() + used, size_t(limit - used));
        if (got > 0) {
            used += got;
            continue;
        }
        if (got == 0) {
            result = ReadResult::Complete;
            break;
        }
        if (errno == EINTR) {
            if (wasInterrupted()) {
                result = ReadResult::Interrupted;
                break;
            }
            continue; // another signal: go on reading
        }
        result = ReadResult::Failed;
        break;
    }
    if (result != ReadResult::Complete) {
        SecureMemory::wipe(*buffer);
        return result;
    }
    buffer->truncate(used);
    return result;
}

#else

struct TerminalInput::Saved
{ };

TerminalInput::TerminalInput() = default;

TerminalInput::~TerminalInput() = default;

bool TerminalInput::wasInterrupted() const
{
    return false;
}

TerminalInput::ReadResult TerminalInput::readAll(QByteArray *buffer, qsizetype limit) const
{
    SecureMemory::wipe(*buffer);
    buffer->resize(limit);
    // Unbuffered, so that stdio keeps no copy of what arrives; set before the first read, as the C library requires.
    std::setvbuf(stdin, nullptr, _IONBF, 0);
    qsizetype used = 0;
    while (used < limit) {
        const size_t got = std::fread(buffer->data() + used, 1, size_t(limit - used), stdin);
        used += qsizetype(got);
        if (got == 0)
            break;
    }
    ReadResult result = ReadResult::TooLong;
    if (used < limit)
        result = std::ferror(stdin) ? ReadResult::Failed : ReadResult::Complete;
    if (result != ReadResult::Complete) {
        SecureMemory::wipe(*buffer);
        return result;
    }
    buffer->truncate(used);
    return result;
}

bool TerminalInput::isTerminal(std::FILE *stream)
{
#ifdef Q_OS_WIN
    return ::_isatty(::_fileno(stream)) != 0;
#else
    Q_UNUSED(stream);
    return false;
#endif
}

#endif

} // namespace Dawiso
