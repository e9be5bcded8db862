#include "TerminalInput.h"

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

#else

struct TerminalInput::Saved
{ };

TerminalInput::TerminalInput() = default;

TerminalInput::~TerminalInput() = default;

bool TerminalInput::wasInterrupted() const
{
    return false;
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
