#pragma once

#include <QByteArray>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

class QTcpSocket;

namespace Dawiso {

class PracticeServer;

// Plays the person's browser in a practice run's sign-in, which a real browser cannot do: it would not trust the
// practice tenant's certificate. The practice server signs the person in within this process (no HTTP), and the
// redirect it answers with goes to the wizard's loopback listener as a plain HTTP GET over 127.0.0.1, exactly as a
// browser sends it. Handing the code to the sign-in object directly would be shorter, but this way the listener (its
// parsing, its Host check, its one callback), the state check and the code exchange run as they do after a real
// sign-in, so that a practice run exercises them. The code is never logged.
class PracticeSignIn : public QObject
{
    Q_OBJECT

public:
    explicit PracticeSignIn(PracticeServer *server, QObject *parent = nullptr);
    ~PracticeSignIn() override;

    // Starts signing in; finished() follows exactly once, asynchronously. A sign-in still running is dropped first.
    void signIn(const QUrl &authorizationUrl, const QString &email, const QString &password);
    // Drops a running sign-in without a finished() of its own.
    void cancel();
    bool isRunning() const { return m_running; }

signals:
    // problem: empty once the wizard's listener has taken the redirect; otherwise a sentence for people.
    void finished(const QString &problem);

private:
    void deliver(const QUrl &redirect);
    void finishLater(const QString &problem);
    void onAnswered();
    void onSocketError();
    void finish(const QString &problem);
    void dropSocket();

    PracticeServer *m_server;
    QPointer<QTcpSocket> m_socket;
    QByteArray m_request; // holds the code until it is written
    QByteArray m_answer;
    QTimer m_timeout;
    bool m_running = false;
    // Answers queued for an earlier signIn() are dropped once a newer one has begun.
    quint64 m_attempt = 0;
};

} // namespace Dawiso
