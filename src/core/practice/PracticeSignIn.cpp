#include "practice/PracticeSignIn.h"

#include "practice/PracticeServer.h"
#include "token/SecureMemory.h"

#include <QHostAddress>
#include <QTcpSocket>

namespace Dawiso {

namespace {

// The listener answers at once; anything slower means it is not the wizard's listener that took the connection.
constexpr int kAnswerMilliseconds = 10 * 1000;

} // namespace

PracticeSignIn::PracticeSignIn(PracticeServer *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kAnswerMilliseconds);
    connect(&m_timeout, &QTimer::timeout, this, [this] {
        finish(tr("The wizard did not take the sign-in's answer in time. Close this window and sign in again."));
    });
}

PracticeSignIn::~PracticeSignIn()
{
    cancel();
}

void PracticeSignIn::signIn(const QUrl &authorizationUrl, const QString &email, const QString &password)
{
    cancel();
    m_running = true;
    QString problem;
    const QUrl redirect = m_server->completeSignIn(authorizationUrl, email, password, &problem);
    if (redirect.isEmpty()) {
        finishLater(problem);
        return;
    }
    deliver(redirect);
}

void PracticeSignIn::finishLater(const QString &problem)
{
    // Queued, so that finished() never comes from inside signIn(); dropped when another sign-in has begun since.
    const quint64 attempt = m_attempt;
    QMetaObject::invokeMethod(
        this,
        [this, attempt, problem] {
            if (attempt == m_attempt)
                finish(problem);
        },
        Qt::QueuedConnection);
}

void PracticeSignIn::cancel()
{
    ++m_attempt;
    m_running = false;
    m_timeout.stop();
    dropSocket();
}

void PracticeSignIn::deliver(const QUrl &redirect)
{
    // The redirect carries the authorization code: it goes to a loopback listener over plain http (RFC 8252 §7.3),
    // never anywhere else.
    const QHostAddress address(redirect.host());
    if (redirect.scheme() != QLatin1String("http") || !address.isLoopback() || redirect.port() <= 0) {
        finishLater(tr("The practice tenant sent the sign-in somewhere other than this wizard."));
        return;
    }
    const QByteArray target = redirect.toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority | QUrl::RemoveFragment);
    m_request = "GET " + target + " HTTP/1.1\r\nHost: " + redirect.host().toLatin1() + ':'
        + QByteArray::number(redirect.port()) + "\r\nConnection: close\r\n\r\n";
    m_answer.clear();
    m_socket = new QTcpSocket(this);
    connect(m_socket, &QTcpSocket::connected, this, [this] {
        m_socket->write(m_request);
        SecureMemory::wipe(m_request);
    });
    connect(m_socket, &QTcpSocket::readyRead, this, [this] { m_answer += m_socket->readAll(); });
    connect(m_socket, &QTcpSocket::disconnected, this, &PracticeSignIn::onAnswered);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &PracticeSignIn::onSocketError);
    m_timeout.start();
    m_socket->connectToHost(address, static_cast<quint16>(redirect.port()));
}

void PracticeSignIn::onSocketError()
{
    if (!m_socket)
        return;
    // The listener closes the connection once it has answered; that is the end of its answer, not a failure.
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError)
        return;
    finish(m_socket->error() == QAbstractSocket::ConnectionRefusedError
               ? tr("The wizard is no longer waiting for this sign-in. Close this window and sign in again.")
               : tr("The sign-in's answer could not reach the wizard (%1).").arg(m_socket->errorString()));
}

void PracticeSignIn::onAnswered()
{
    if (!m_socket)
        return;
    m_answer += m_socket->readAll();
    // "HTTP/1.1 200 OK": the listener took the redirect, whatever the sign-in makes of it.
    const QList<QByteArray> statusLine = m_answer.left(m_answer.indexOf('\r')).split(' ');
    const int status = statusLine.size() >= 2 && statusLine.at(0).startsWith("HTTP/1.") ? statusLine.at(1).toInt() : 0;
    if (status == 200)
        finish(QString());
    else if (status == 0)
        finish(tr("The wizard closed the connection without taking the sign-in's answer. Close this window and sign "
                  "in again."));
    else
        finish(tr("The wizard did not take the sign-in's answer (HTTP status %1). Close this window and sign in "
                  "again.")
                   .arg(status));
}

void PracticeSignIn::finish(const QString &problem)
{
    if (!m_running)
        return;
    m_running = false;
    m_timeout.stop();
    dropSocket();
    emit finished(problem);
}

void PracticeSignIn::dropSocket()
{
    SecureMemory::wipe(m_request);
    m_answer.clear();
    if (QTcpSocket *socket = m_socket) {
        m_socket = nullptr;
        socket->disconnect(this);
        socket->abort();
        socket->deleteLater();
    }
}

} // namespace Dawiso
