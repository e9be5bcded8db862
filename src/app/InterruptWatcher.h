#pragma once

#include <QObject>

class QSocketNotifier;

namespace Dawiso {

// Turns Ctrl-C (SIGINT) into a Qt signal, so that a running command can stop cleanly and still say what it found.
// The signal handler only writes one byte to a socket pair (the only thing that is safe there); the event loop reads
// it and emits interrupted(). One watcher at a time; the previous handler is restored when it is destroyed. On
// platforms without POSIX signals it does nothing and Ctrl-C keeps its default effect.
class InterruptWatcher : public QObject
{
    Q_OBJECT

public:
    explicit InterruptWatcher(QObject *parent = nullptr);
    ~InterruptWatcher() override;

signals:
    void interrupted();

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace Dawiso
