// The sign-in's loopback listener under attack from other programs on this computer, over real TCP connections:
// garbage, an endless request head, a connection trickling its request in, a crowd of idle connections, requests for
// another host, path or state, and a second callback. None of them may crash it, hold it up, or use up the one
// callback the browser brings; only loopback addresses may reach it at all.
#include "oauth/LoopbackRedirectListener.h"

#include <QFile>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>

#include <algorithm>
#include <memory>
#include <vector>

using namespace Dawiso;
using namespace Qt::StringLiterals;

namespace {

// "Did not hang" bounds only.
constexpr int kWait = 30000;
// Longer than the listener gives a connection to send its request head, by a wide margin.
constexpr int kDropWait = 60000;

const QByteArray kState = QByteArrayLiteral("the-state-of-this-sign-in");

// What a client got back on one connection.
struct Answer
{
    bool refused = false; // the port did not take the connection
    bool closed = false; // the listener ended the connection
    int status = 0;
    QString body;
};

QByteArray request(const QByteArray &target, quint16 port, const QByteArray &host = {})
{
    const QByteArray hostHeader = host.isEmpty() ? "127.0.0.1:" + QByteArray::number(port) : host;
    return "GET " + target + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nUser-Agent: tst_loopbacklistenerattacks\r\n\r\n";
}

QByteArray callback(quint16 port, const QByteArray &state = kState)
{
    return request("/callback?code=the-code&state=" + state, port);
}

// Sends bytes on a fresh connection and reads until the listener closes it. The listener lives on this thread, so
// the socket is driven by the event loop, never by blocking waits.
Answer exchange(quint16 port, const QByteArray &bytes,
                const QHostAddress &address = QHostAddress(QHostAddress::LocalHost))
{
    QTcpSocket socket;
    Answer answer;
    QByteArray received;
    QEventLoop loop;
    QObject::connect(&socket, &QTcpSocket::connected, &loop, [&] { socket.write(bytes); });
    QObject::connect(&socket, &QTcpSocket::readyRead, &loop, [&] { received += socket.readAll(); });
    QObject::connect(&socket, &QTcpSocket::disconnected, &loop, [&] {
        answer.closed = true;
        loop.quit();
    });
    QObject::connect(&socket, &QTcpSocket::errorOccurred, &loop, [&](QAbstractSocket::SocketError error) {
        if (error == QAbstractSocket::ConnectionRefusedError)
            answer.refused = true;
        else
            answer.closed = true;
        loop.quit();
    });
    QTimer::singleShot(kWait, &loop, &QEventLoop::quit);
    socket.connectToHost(address, port);
    loop.exec();
    received += socket.readAll();

    const qsizetype end = received.indexOf("\r\n\r\n");
    const QByteArray head = end < 0 ? received : received.left(end);
    answer.body = end < 0 ? QString() : QString::fromUtf8(received.mid(end + 4));
    const QList<QByteArray> statusLine = head.left(head.indexOf('\r')).split(' ');
    answer.status = statusLine.size() >= 2 ? statusLine.at(1).toInt() : 0;
    return answer;
}

// The local addresses of the sockets listening on a port, as the kernel lists them (hex, as in /proc/net/tcp*).
QList<QByteArray> listeningAddresses(quint16 port)
{
    QList<QByteArray> addresses;
    const QByteArray portHex = QByteArray::number(port, 16).toUpper().rightJustified(4, '0');
    for (const QString &table : {u"/proc/net/tcp"_s, u"/proc/net/tcp6"_s}) {
        QFile file(table);
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const QList<QByteArray> lines = file.readAll().split('\n');
        for (const QByteArray &line : lines) {
            const QList<QByteArray> fields = line.simplified().split(' ');
            // sl local_address rem_address st ...; 0A is LISTEN.
            if (fields.size() < 4 || fields.at(3) != "0A")
                continue;
            const QList<QByteArray> local = fields.at(1).split(':');
            if (local.size() == 2 && local.at(1) == portHex)
                addresses.append(local.at(0));
        }
    }
    return addresses;
}

} // namespace

class TestLoopbackListenerAttacks : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void listensOnLoopbackOnly_data();
    void listensOnLoopbackOnly();
    void garbageIsRefused_data();
    void garbageIsRefused();
    void oversizedRequestHeadIsRefused();
    void slowConnectionIsDroppedWithoutHoldingUpOthers();
    void crowdOfConnectionsDoesNotShutOutTheBrowser();
    void crowdOfRequestsIsAnswered();
    void wrongRequestsDoNotUseUpTheCallback_data();
    void wrongRequestsDoNotUseUpTheCallback();
    void secondCallbackFindsThePortClosed();

private:
    // Expects the one callback to come through now, with the right state.
    void expectCallback(quint16 port);

    std::unique_ptr<LoopbackRedirectListener> m_listener;
    std::unique_ptr<QSignalSpy> m_callbacks;
};

void TestLoopbackListenerAttacks::init()
{
    m_listener = std::make_unique<LoopbackRedirectListener>();
    m_listener->setPort(0);
    m_listener->setStateCheck([](const QByteArray &state) { return state == kState; });
    m_callbacks = std::make_unique<QSignalSpy>(m_listener.get(), &LoopbackRedirectListener::callbackReceived);
    QVERIFY(m_listener->listen());
}

void TestLoopbackListenerAttacks::cleanup()
{
    m_callbacks.reset();
    m_listener.reset();
}

void TestLoopbackListenerAttacks::expectCallback(quint16 port)
{
    QVERIFY(m_callbacks->isEmpty());
    const Answer answer = exchange(port, callback(port));
    QCOMPARE(answer.status, 200);
    QCOMPARE(m_callbacks->size(), 1);
    QVERIFY(m_callbacks->constFirst().constFirst().value<QUrlQuery>().queryItemValue(u"state"_s).toLatin1() == kState);
}

void TestLoopbackListenerAttacks::listensOnLoopbackOnly_data()
{
    QTest::addColumn<QString>("host");
    QTest::addColumn<QList<QByteArray>>("expected");
    // 127.0.0.1 and ::1 as /proc/net/tcp and tcp6 write them.
    const QByteArray ipv4 = "0100007F";
    const QByteArray ipv6 = "00000000000000000000000001000000";
    QTest::newRow("127.0.0.1") << u"127.0.0.1"_s << QList<QByteArray> {ipv4};
    QTest::newRow("localhost") << u"localhost"_s << QList<QByteArray> {ipv4, ipv6};
}

void TestLoopbackListenerAttacks::listensOnLoopbackOnly()
{
    QFETCH(QString, host);
    QFETCH(QList<QByteArray>, expected);
    m_listener->setHost(host);
    QVERIFY(m_listener->listen());
    const quint16 port = m_listener->port();
    QList<QByteArray> addresses = listeningAddresses(port);
    if (addresses.size() == 1 && expected.size() == 2)
        expected.removeLast(); // no IPv6 on this machine: the listener does without it
    QCOMPARE(addresses, expected);
    expectCallback(port);
}

void TestLoopbackListenerAttacks::garbageIsRefused_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QByteArray noise(4096, '\0');
    QRandomGenerator generator(20261207);
    for (char &byte : noise)
        byte = char(generator.bounded(256));
    // Never a complete head: dropped when its time is up.
    QTest::newRow("random bytes") << noise;
    QTest::newRow("random bytes, then a blank line") << noise + "\r\n\r\n";
    QTest::newRow("only a blank line") << QByteArray("\r\n\r\n");
    QTest::newRow("NUL bytes") << QByteArray(64, '\0') + "\r\n\r\n";
    QTest::newRow("TLS client hello") << QByteArray::fromHex("16030100a5010000a10303") + noise.left(160) + "\r\n\r\n";
    QTest::newRow("no version") << QByteArray("GET /callback?code=x&state=" + kState + "\r\n\r\n");
    QTest::newRow("absolute form") << QByteArray("GET http://127.0.0.1/callback?code=x&state=" + kState
                                                 + " HTTP/1.1\r\n\r\n");
    QTest::newRow("not UTF-8 in the query") << QByteArray("GET /callback?code=\xff\xfe&state=\xc0 HTTP/1.1\r\n\r\n");
    QTest::newRow("a header without a colon") << QByteArray("GET /favicon.ico HTTP/1.1\r\nHost\r\n\r\n");
}

void TestLoopbackListenerAttacks::garbageIsRefused()
{
    QFETCH(QByteArray, bytes);
    const quint16 port = m_listener->port();
    const Answer answer = exchange(port, bytes);
    QVERIFY(answer.closed);
    QVERIFY(answer.status == 0 || answer.status >= 400);
    QVERIFY(m_callbacks->isEmpty());
    expectCallback(port);
}

void TestLoopbackListenerAttacks::oversizedRequestHeadIsRefused()
{
    const quint16 port = m_listener->port();
    // A head that never ends: far beyond any browser's, then refused and closed, not read on for ever.
    QByteArray endless = "GET /callback?code=x&state=" + kState + " HTTP/1.1\r\n";
    while (endless.size() < 256 * 1024)
        endless += "X-Filler: " + QByteArray(100, 'a') + "\r\n";
    const Answer answer = exchange(port, endless);
    QVERIFY(answer.closed);
    QVERIFY(answer.status == 0 || answer.status == 431);
    QVERIFY(m_callbacks->isEmpty());
    expectCallback(port);
}

void TestLoopbackListenerAttacks::slowConnectionIsDroppedWithoutHoldingUpOthers()
{
    const quint16 port = m_listener->port();
    // A request head that would be a valid callback, one byte at a time, never finished.
    QTcpSocket slow;
    const QByteArray trickle = callback(port);
    qsizetype sent = 0;
    QTimer drip;
    connect(&drip, &QTimer::timeout, &slow, [&] {
        if (slow.state() == QAbstractSocket::ConnectedState && sent < trickle.size() - 1)
            slow.write(trickle.mid(sent++, 1));
    });
    bool dropped = false;
    connect(&slow, &QTcpSocket::disconnected, &slow, [&] { dropped = true; });
    connect(&slow, &QTcpSocket::errorOccurred, &slow, [&] { dropped = true; });
    slow.connectToHost(QHostAddress(QHostAddress::LocalHost), port);
    drip.start(100);
    QTRY_VERIFY_WITH_TIMEOUT(sent > 5, kWait);

    // Meanwhile other connections are answered.
    QCOMPARE(exchange(port, request("/favicon.ico", port)).status, 404);
    QVERIFY(!dropped);

    QTRY_VERIFY_WITH_TIMEOUT(dropped, kDropWait);
    drip.stop();
    QVERIFY(sent < trickle.size() - 1);
    QVERIFY(m_callbacks->isEmpty());
    expectCallback(port);
}

void TestLoopbackListenerAttacks::crowdOfConnectionsDoesNotShutOutTheBrowser()
{
    const quint16 port = m_listener->port();
    // Twenty connections that stay open, some with the start of a request, the way a program holding the port up
    // would: the browser's callback still comes through.
    std::vector<std::unique_ptr<QTcpSocket>> crowd;
    int connected = 0;
    for (int i = 0; i < 20; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        connect(socket.get(), &QTcpSocket::connected, socket.get(), [s = socket.get(), i, &connected] {
            ++connected;
            if (i % 2 == 1)
                s->write("GET /callback?code=x");
        });
        socket->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        crowd.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(connected, 20, kWait);
    QTest::qWait(50);
    expectCallback(port);
    // With the callback taken, the crowd is sent away.
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(crowd.cbegin(), crowd.cend(),
                                         [](const std::unique_ptr<QTcpSocket> &socket) {
                                             return socket->state() == QAbstractSocket::UnconnectedState;
                                         }),
                             kWait);
}

void TestLoopbackListenerAttacks::crowdOfRequestsIsAnswered()
{
    const quint16 port = m_listener->port();
    // Twenty requests at once for other pages, and the callback among them: the callback comes through once, and
    // every other connection is answered or, once the callback is taken, closed; none is left hanging.
    std::vector<std::unique_ptr<QTcpSocket>> crowd;
    int answered = 0;
    // The connections end with `counting`, before the count the lambdas write goes out of scope.
    QObject counting;
    for (int i = 0; i < 21; ++i) {
        auto socket = std::make_unique<QTcpSocket>();
        QTcpSocket *s = socket.get();
        const QByteArray bytes = i == 10 ? callback(port) : request("/page-" + QByteArray::number(i), port);
        connect(s, &QTcpSocket::connected, s, [s, bytes] { s->write(bytes); });
        connect(s, &QTcpSocket::disconnected, &counting, [s, count = &answered] {
            if (s->readAll().startsWith("HTTP/1.1 "))
                ++*count;
        });
        s->connectToHost(QHostAddress(QHostAddress::LocalHost), port);
        crowd.push_back(std::move(socket));
    }
    QTRY_COMPARE_WITH_TIMEOUT(m_callbacks->size(), 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(answered >= 1, kWait);
    QTRY_VERIFY_WITH_TIMEOUT(std::all_of(crowd.cbegin(), crowd.cend(),
                                         [](const std::unique_ptr<QTcpSocket> &socket) {
                                             return socket->state() == QAbstractSocket::UnconnectedState;
                                         }),
                             kWait);
    QCOMPARE(m_callbacks->size(), 1);
}

void TestLoopbackListenerAttacks::wrongRequestsDoNotUseUpTheCallback_data()
{
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QByteArray>("host");
    QTest::addColumn<int>("status");
    const QByteArray good = "/callback?code=the-code&state=" + kState;
    QTest::newRow("another host (DNS rebinding)") << good << QByteArray("evil.example") << 400;
    QTest::newRow("another host with the port") << good << QByteArray("evil.example:PORT") << 400;
    QTest::newRow("loopback on another port") << good << QByteArray("127.0.0.1:1") << 400;
    QTest::newRow("another path") << QByteArray("/other?code=the-code&state=" + kState) << QByteArray() << 404;
    QTest::newRow("a longer path") << QByteArray("/callback/x?code=the-code&state=" + kState) << QByteArray() << 404;
    QTest::newRow("another state") << QByteArray("/callback?code=the-code&state=forged") << QByteArray() << 400;
    QTest::newRow("no state") << QByteArray("/callback?code=the-code") << QByteArray() << 400;
    QTest::newRow("the state twice") << QByteArray(good + "&state=forged") << QByteArray() << 400;
    QTest::newRow("the state's beginning")
        << QByteArray("/callback?code=the-code&state=" + kState.left(10)) << QByteArray() << 400;
    QTest::newRow("an error with another state")
        << QByteArray("/callback?error=access_denied&state=forged") << QByteArray() << 400;
}

void TestLoopbackListenerAttacks::wrongRequestsDoNotUseUpTheCallback()
{
    QFETCH(QByteArray, target);
    QFETCH(QByteArray, host);
    QFETCH(int, status);
    const quint16 port = m_listener->port();
    host.replace("PORT", QByteArray::number(port));
    const Answer answer = exchange(port, request(target, port, host));
    QCOMPARE(answer.status, status);
    QVERIFY(answer.closed);
    QVERIFY(m_callbacks->isEmpty());
    QVERIFY(m_listener->isListening());
    expectCallback(port);
}

void TestLoopbackListenerAttacks::secondCallbackFindsThePortClosed()
{
    const quint16 port = m_listener->port();
    expectCallback(port);
    QVERIFY(!m_listener->isListening());
    QVERIFY(exchange(port, callback(port)).refused);
    QVERIFY(exchange(port, request("/favicon.ico", port)).refused);
    QCOMPARE(m_callbacks->size(), 1);
}

QTEST_GUILESS_MAIN(TestLoopbackListenerAttacks)
#include "tst_loopbacklistenerattacks.moc"
