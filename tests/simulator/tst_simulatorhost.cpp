// SimulatorHost on its own, as a simulated Qlik Sense Enterprise server would use it: a handler of its own, real
// HTTPS from a QNetworkAccessManager, every header kept for the handler and the record, and the common faults.
#include "simulator/common/ExchangeLog.h"
#include "simulator/common/SimHeaders.h"
#include "simulator/common/SimulatorHost.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <optional>

using namespace Dawiso::Simulator;

namespace {

constexpr int replyTimeoutMs = 20000;

struct Answer
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lowercase names
};

// What the test's handler saw of the last request it was given.
struct Seen
{
    int calls = 0;
    QByteArray method;
    QString path;
    QString xrfkeyParameter;
    QByteArray xrfkey;
    QByteArray qlikUser;
    QByteArray custom;
    QByteArray authorization;
    QByteArray contentType;
    QByteArray body;
    qsizetype headerCount = 0;
};

} // namespace

class TestSimulatorHost : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void headerNamesAreLookedUpWithoutRegardToCase();
    void servesARegisteredHandlerOverHttps();
    void longestPrefixChoosesTheHandler();
    void pathsWithoutAHandlerAreNotFound();
    void exchangeLogKeepsAnswersButNoSecret();
    void handlerSeesEveryHeaderQueryAndBody();
    void recordKeepsEveryHeaderButNoCredential();
    void rateLimitFaultAnswersBeforeTheHandler();
    void delayedAnswerArrivesLater();
    void malformedJsonFault();
    void redirectAndNotQlikFaults();
    void askingForAClientCertificateRefusesAClientWithoutOne();
    void stopClosesThePort();

private:
    QUrl url(const QString &pathAndQuery) const;
    Answer send(const QUrl &target, const QList<QPair<QByteArray, QByteArray>> &headers = {},
                const QByteArray &verb = "GET", const QByteArray &body = {});

    std::unique_ptr<SimulatorHost> m_host;
    std::unique_ptr<QNetworkAccessManager> m_network;
    Seen m_seen;
};

void TestSimulatorHost::init()
{
    m_seen = Seen();
    m_host = std::make_unique<SimulatorHost>();
    m_host->addHandler(QStringLiteral("/qrs/"), [this](const SimRequest &request) {
        ++m_seen.calls;
        m_seen.method = request.method;
        m_seen.path = request.path;
        m_seen.xrfkeyParameter = request.query.queryItemValue(QStringLiteral("xrfkey"));
        m_seen.xrfkey = request.header("X-Qlik-Xrfkey");
        m_seen.qlikUser = request.header("x-qlik-user");
        m_seen.custom = request.header("X-DAWISO-TEST");
        m_seen.authorization = request.authorization();
        m_seen.contentType = request.contentType();
        m_seen.body = request.body;
        m_seen.headerCount = request.headers.size();
        return SimResponse::json(200, QJsonObject {{QStringLiteral("path"), request.path}});
    });
    QVERIFY(m_host->start());
    QVERIFY(m_host->isListening());
    QVERIFY(m_host->port() != 0);
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSimulatorHost::cleanup()
{
    m_network.reset();
    m_host.reset();
}

QUrl TestSimulatorHost::url(const QString &pathAndQuery) const
{
    return QUrl(m_host->baseUrl().toString() + pathAndQuery);
}

Answer TestSimulatorHost::send(const QUrl &target, const QList<QPair<QByteArray, QByteArray>> &headers,
                               const QByteArray &verb, const QByteArray &body)
{
    QNetworkRequest request(target);
    // Trust exactly the host's certificate: no system CAs needed, no errors ignored.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_host->certificate());
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    for (const auto &header : headers)
        request.setRawHeader(header.first, header.second);

    std::unique_ptr<QNetworkReply> reply(m_network->sendCustomRequest(request, verb, body));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    Answer answer;
    answer.finished = reply->isFinished() || finished.wait(replyTimeoutMs);
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    if (reply->isOpen())
        answer.body = reply->readAll();
    return answer;
}

void TestSimulatorHost::headerNamesAreLookedUpWithoutRegardToCase()
{
    SimHeaders headers;
    headers.append("X-Qlik-Xrfkey", "0123456789abcdef");
    headers.append("x-qlik-user", "UserDirectory=INTERNAL; UserId=sa_api");
    headers.append("X-Qlik-Xrfkey", "second");
    QCOMPARE(headers.size(), 3);
    QCOMPARE(headers.value("x-qlik-xrfkey"), QByteArray("0123456789abcdef")); // the first of two
    QCOMPARE(headers.value("X-QLIK-USER"), QByteArray("UserDirectory=INTERNAL; UserId=sa_api"));
    QVERIFY(headers.contains("X-Qlik-User"));
    QVERIFY(!headers.contains("X-Qlik-Xrf"));
    QVERIFY(headers.value("Authorization").isEmpty());
    QCOMPARE(headers.fields().at(1).first, QByteArray("x-qlik-user")); // names stay as sent

    SimRequest request;
    request.headers = headers;
    request.headers.append("content-type", "Application/JSON; charset=utf-8");
    request.body = "{}";
    QCOMPARE(request.header("X-QLIK-XRFKEY"), QByteArray("0123456789abcdef"));
    QCOMPARE(request.contentType(), QByteArray("application/json"));
    request.wipe();
    QCOMPARE(request.header("X-Qlik-Xrfkey"), QByteArray(16, '\0'));
    QCOMPARE(request.body, QByteArray(2, '\0'));
}

void TestSimulatorHost::servesARegisteredHandlerOverHttps()
{
    const Answer answer = send(url(QStringLiteral("/qrs/about")));
    QVERIFY(answer.finished);
    QCOMPARE(answer.error, QNetworkReply::NoError);
    QCOMPARE(answer.status, 200);
    QCOMPARE(QJsonDocument::fromJson(answer.body).object().value(u"path").toString(), QStringLiteral("/qrs/about"));
    QCOMPARE(answer.headers.value("content-length"), QByteArray::number(answer.body.size()));
    QCOMPARE(m_seen.calls, 1);
    QCOMPARE(m_host->hostAndPort(), QStringLiteral("localhost:%1").arg(m_host->port()));
    QVERIFY(!m_host->certificatePem().isEmpty());
}

void TestSimulatorHost::longestPrefixChoosesTheHandler()
{
    m_host->addHandler(QStringLiteral("/qrs/app"), [](const SimRequest &) {
        return SimResponse::json(200, QJsonObject {{QStringLiteral("handler"), QStringLiteral("apps")}});
    });
    const Answer apps = send(url(QStringLiteral("/qrs/app/full")));
    QCOMPARE(apps.status, 200);
    QCOMPARE(QJsonDocument::fromJson(apps.body).object().value(u"handler").toString(), QStringLiteral("apps"));
    QCOMPARE(m_seen.calls, 0);

    QCOMPARE(send(url(QStringLiteral("/qrs/stream"))).status, 200);
    QCOMPARE(m_seen.calls, 1);
    QCOMPARE(m_seen.path, QStringLiteral("/qrs/stream"));
}

void TestSimulatorHost::exchangeLogKeepsAnswersButNoSecret()
{
    // ctest names the directory for every test; run on its own, the test uses one of its own.
    QTemporaryDir ownDirectory;
    if (!ExchangeLog::isEnabled())
        qputenv("DQS_SIMULATOR_EXCHANGE_LOG", ownDirectory.path().toLocal8Bit());
    const QString marker = QStringLiteral("exchange-log-%1").arg(QCoreApplication::applicationPid());
    m_host->addHandler(QStringLiteral("/qrs/secret"), [&marker](const SimRequest &) {
        return SimResponse::json(
            201,
            QJsonObject {{QStringLiteral("marker"), marker},
                         {QStringLiteral("token"), QStringLiteral("s3cr3t-token")},
                         {QStringLiteral("nested"),
                          QJsonObject {{QStringLiteral("access_token"), QStringLiteral("s3cr3t-access")},
                                       {QStringLiteral("client_secret"), QStringLiteral("s3cr3t-client")}}}});
    });
    QCOMPARE(send(url(QStringLiteral("/qrs/secret?password=s3cr3t-query"))).status, 201);

    const QDir directory(qEnvironmentVariable("DQS_SIMULATOR_EXCHANGE_LOG"));
    QByteArray line;
    for (const QString &name : directory.entryList({QStringLiteral("*.jsonl")}, QDir::Files)) {
        QFile file(directory.filePath(name));
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QByteArray &candidate : file.readAll().split('\n')) {
            if (candidate.contains(marker.toUtf8()))
                line = candidate;
        }
    }
    QVERIFY2(!line.isEmpty(), "the answer was not recorded");
    QVERIFY2(!line.contains("s3cr3t"), line.constData());
    const QJsonObject entry = QJsonDocument::fromJson(line).object();
    QCOMPARE(entry.value(u"method").toString(), QStringLiteral("GET"));
    QCOMPARE(entry.value(u"path").toString(), QStringLiteral("/qrs/secret"));
    QCOMPARE(entry.value(u"status").toInt(), 201);
    const QJsonObject body = entry.value(u"body").toObject();
    QCOMPARE(body.value(u"token").toString(), QStringLiteral("redacted"));
    QCOMPARE(body.value(u"nested").toObject().value(u"access_token").toString(), QStringLiteral("redacted"));
}

void TestSimulatorHost::pathsWithoutAHandlerAreNotFound()
{
    const Answer answer = send(url(QStringLiteral("/api/v1/users/me")));
    QCOMPARE(answer.status, 404);
    QCOMPARE(m_seen.calls, 0);
    QCOMPARE(m_host->requestCount(QStringLiteral("/api/")), 1);
}

void TestSimulatorHost::handlerSeesEveryHeaderQueryAndBody()
{
    const Answer answer = send(url(QStringLiteral("/qrs/app/count?xrfkey=0123456789abcdef")),
                               {{"X-Qlik-Xrfkey", "0123456789abcdef"},
                                {"X-Qlik-User", "UserDirectory=INTERNAL; UserId=sa_api"},
                                {"x-dawiso-test", "kept as sent"},
                                {"Authorization", "Bearer not-a-real-token"},
                                {"Content-Type", "application/json; charset=utf-8"}},
                               "POST", "{\"filter\":\"\"}");
    QCOMPARE(answer.status, 200);
    QCOMPARE(m_seen.calls, 1);
    QCOMPARE(m_seen.method, QByteArray("POST"));
    QCOMPARE(m_seen.path, QStringLiteral("/qrs/app/count"));
    QCOMPARE(m_seen.xrfkeyParameter, QStringLiteral("0123456789abcdef"));
    QCOMPARE(m_seen.xrfkey, QByteArray("0123456789abcdef"));
    QCOMPARE(m_seen.qlikUser, QByteArray("UserDirectory=INTERNAL; UserId=sa_api"));
    QCOMPARE(m_seen.custom, QByteArray("kept as sent"));
    QCOMPARE(m_seen.authorization, QByteArray("Bearer not-a-real-token"));
    QCOMPARE(m_seen.contentType, QByteArray("application/json"));
    QCOMPARE(m_seen.body, QByteArray("{\"filter\":\"\"}"));
    // The five above, plus what QNetworkAccessManager adds (Host, Content-Length, Connection, ...).
    QVERIFY2(m_seen.headerCount > 5, qPrintable(QString::number(m_seen.headerCount)));
}

void TestSimulatorHost::recordKeepsEveryHeaderButNoCredential()
{
    QSignalSpy handled(m_host.get(), &SimulatorHost::requestHandled);
    QCOMPARE(send(url(QStringLiteral("/qrs/about?xrfkey=0123456789abcdef&password=hunter2")),
                  {{"X-Qlik-Xrfkey", "0123456789abcdef"},
                   {"Authorization", "Bearer not-a-real-token"},
                   {"Cookie", "X-Qlik-Session=not-a-real-session"}})
                 .status,
             200);

    QCOMPARE(handled.count(), 1);
    const QList<RecordedRequest> requests = m_host->requests();
    QCOMPARE(requests.size(), 1);
    const RecordedRequest &record = requests.at(0);
    QCOMPARE(record.method, QByteArray("GET"));
    QCOMPARE(record.path, QStringLiteral("/qrs/about"));
    QCOMPARE(record.query, QStringLiteral("xrfkey=0123456789abcdef&password=redacted"));
    QVERIFY(record.hadAuthorization);
    QCOMPARE(record.headers.value("x-qlik-xrfkey"), QByteArray("0123456789abcdef"));
    QCOMPARE(record.headers.value("Authorization"), QByteArray("redacted"));
    QCOMPARE(record.headers.value("cookie"), QByteArray("redacted"));
    QCOMPARE(record.headers.value("Host"), m_host->hostAndPort().toUtf8());
    for (const SimHeaders::Field &field : record.headers.fields()) {
        QVERIFY(!field.second.contains("not-a-real"));
        QVERIFY(!field.second.contains('\0'));
    }
    QCOMPARE(handled.at(0).at(0).value<RecordedRequest>().headers.value("X-Qlik-Xrfkey"),
             QByteArray("0123456789abcdef"));

    m_host->clearRequests();
    QVERIFY(m_host->requests().isEmpty());
}

void TestSimulatorHost::rateLimitFaultAnswersBeforeTheHandler()
{
    m_host->rateLimitNext(QStringLiteral("/qrs/"), 1, 3);
    const Answer limited = send(url(QStringLiteral("/qrs/about")));
    QCOMPARE(limited.status, 429);
    QCOMPARE(limited.headers.value("retry-after"), QByteArray("3"));
    QCOMPARE(m_seen.calls, 0);
    // Recorded all the same: the client did send it.
    QCOMPARE(m_host->requestCount(QStringLiteral("/qrs/about")), 1);

    QCOMPARE(send(url(QStringLiteral("/qrs/about"))).status, 200);
    QCOMPARE(m_seen.calls, 1);
}

void TestSimulatorHost::delayedAnswerArrivesLater()
{
    m_host->setResponseDelay(QStringLiteral("/qrs/about"), 300);
    QElapsedTimer clock;
    clock.start();
    const Answer answer = send(url(QStringLiteral("/qrs/about")));
    QCOMPARE(answer.status, 200);
    QVERIFY2(clock.elapsed() >= 250, qPrintable(QString::number(clock.elapsed())));
}

void TestSimulatorHost::malformedJsonFault()
{
    m_host->setMalformedJson(QStringLiteral("/qrs/about"), true);
    const Answer answer = send(url(QStringLiteral("/qrs/about")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(m_seen.calls, 1);
    QJsonParseError error;
    QJsonDocument::fromJson(answer.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);

    m_host->setMalformedJson(QStringLiteral("/qrs/about"), false);
    QCOMPARE(QJsonDocument::fromJson(send(url(QStringLiteral("/qrs/about"))).body).object().value(u"path"),
             QStringLiteral("/qrs/about"));
}

void TestSimulatorHost::redirectAndNotQlikFaults()
{
    const QUrl elsewhere(QStringLiteral("https://elsewhere.example.com/qrs/about"));
    m_host->setRedirectTarget(QStringLiteral("/qrs/about"), elsewhere);
    const Answer redirected = send(url(QStringLiteral("/qrs/about")));
    QCOMPARE(redirected.status, 302);
    QCOMPARE(redirected.headers.value("location"), elsewhere.toEncoded());
    QCOMPARE(m_seen.calls, 0);

    m_host->setRedirectTarget(QStringLiteral("/qrs/about"), QUrl());
    m_host->setNotQlik(true);
    const Answer foreign = send(url(QStringLiteral("/qrs/about")));
    QCOMPARE(foreign.status, 404);
    QVERIFY(foreign.headers.value("content-type").startsWith("text/html"));
    QCOMPARE(m_seen.calls, 0);
}

void TestSimulatorHost::askingForAClientCertificateRefusesAClientWithoutOne()
{
    SimulatorHost mutual;
    mutual.addHandler(QStringLiteral("/"), [](const SimRequest &) { return SimResponse::noContent(); });
    QSslConfiguration tls = mutual.sslConfiguration();
    QCOMPARE(tls.localCertificate(), mutual.certificate());
    tls.setPeerVerifyMode(QSslSocket::VerifyPeer);
    tls.setCaCertificates({mutual.certificate()});
    mutual.setSslConfiguration(tls);
    QVERIFY(mutual.start());

    QNetworkRequest request(QUrl(mutual.baseUrl().toString() + QStringLiteral("/qrs/about")));
    QSslConfiguration clientTls = QSslConfiguration::defaultConfiguration();
    clientTls.addCaCertificate(mutual.certificate());
    request.setSslConfiguration(clientTls);
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(replyTimeoutMs));
    QVERIFY(reply->error() != QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 0);
    QVERIFY(mutual.requests().isEmpty());
}

void TestSimulatorHost::stopClosesThePort()
{
    const QUrl target = url(QStringLiteral("/qrs/about"));
    m_host->stop();
    QVERIFY(!m_host->isListening());
    const Answer answer = send(target);
    QVERIFY(answer.finished);
    QCOMPARE(answer.error, QNetworkReply::ConnectionRefusedError);
    QCOMPARE(m_seen.calls, 0);
}

QTEST_GUILESS_MAIN(TestSimulatorHost)
#include "tst_simulatorhost.moc"
