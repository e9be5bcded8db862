#include "InterruptWatcher.h"

#include <QSocketNotifier>

#ifdef Q_OS_UNIX
#include <cerrno>
#include <csignal>
#include <fcntl.h>
#include <sys/socket.h>
#include <unistd.h>
#endif

namespace Dawiso {

#ifdef Q_OS_UNIX

namespace {

int signalSockets[2] = {-1, -1};
struct sigaction previousAction;

extern "C" void onInterruptSignal(int)
{
    const int savedErrno = errno;
    const char byte = 1;
    // Nothing to do when the write fails: the socket is full, so an interrupt is already pending.
    [[maybe_unused]] const ssize_t written = ::write(signalSockets[0], &byte, 1);
    errno = savedErrno;
}

} // namespace

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalSockets) != 0) {
        signalSockets[0] = signalSockets[1] = -1;
        return;
    }
    for (const int socket : signalSockets)
        ::fcntl(socket, F_SETFD, FD_CLOEXEC);
    // The handler must never block, even if nobody reads for a while.
    ::fcntl(signalSockets[0], F_SETFL, ::fcntl(signalSockets[0], F_GETFL) | O_NONBLOCK);
    m_notifier = new QSocketNotifier(signalSockets[1], QSocketNotifier::Read, this);
    connect(m_notifier, &QSocketNotifier::activated, this, &InterruptWatcher::onReadable);

    struct sigaction action = {};
    action.sa_handler = onInterruptSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    ::sigaction(SIGINT, &action, &previousAction);
}

InterruptWatcher::~InterruptWatcher()
{
    if (!m_notifier)
        return;
    ::sigaction(SIGINT, &previousAction, nullptr);
    delete m_notifier;
    ::close(signalSockets[0]);
    ::close(signalSockets[1]);
    signalSockets[0] = signalSockets[1] = -1;
}

void InterruptWatcher::onReadable()
{
    char bytes[16];
    [[maybe_unused]] const ssize_t read = ::read(signalSockets[1], bytes, sizeof bytes);
    emit interrupted();
}

#else

InterruptWatcher::InterruptWatcher(QObject *parent)
    : QObject(parent)
{ }

InterruptWatcher::~InterruptWatcher() = default;

void InterruptWatcher::onReadable() { }

#endif

} // namespace Dawiso
