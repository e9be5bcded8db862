// The Qlik Cloud client over real HTTPS against the simulator: redirects, paging, 429, timeouts, cancellation,
// TLS trust and error bodies.
#include "SimulatorClientFixture.h"
#include "SimulatorTrust.h"
#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikPager.h"
#include "qlik/QlikRequest.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;

class TestQlikClient : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void usersMeRedirectKeepsAuthorizationOnSameOrigin();
    void tenantsMeFollows302();
    void crossOriginRedirectDropsAuthorization();
    void apiRedirectToAnotherOriginIsReadOnTheOriginAsked();
    void apiRedirectOutsideTheApiIsNotFollowed();
    void pagingReadsNextLinksOfAnotherHostOnTheOriginAsked();
    void redirectToPlainHttpIsRefused();
    void bodyNeverFollowsARedirectToAnotherOrigin_data();
    void bodyNeverFollowsARedirectToAnotherOrigin();
    void redirectWithoutABodyToResendIsFollowed_data();
    void redirectWithoutABodyToResendIsFollowed();
    void certificateFailureAfterARedirectNamesThatServer();
    void pagingFollowsNextUntilAbsent();
    void pagingWithStartingAfterCursors();
    void rateLimitIsRetriedAfterRetryAfter();
    void rateLimitRetriesAreBounded();
    void rateLimitWaitLongerThanLimitIsReported();
    void timeoutEndsTheRequest();
    void cancelEndsTheRequestOnce();
    void trickledAnswerEndsWithTheAttempt();
    void connectionResetMidBodyIsReported();
    void endlessBodyStopsAtTheLimit();
    void announcedLengthOverTheLimitIsRefused();
    void errorBodiesAreReadLeniently();
    void untrustedCertificateIsReportedWithDetails();
    void pinForAnotherHostDoesNotApply();
    void connectionRefusedIsReported();
    void malformedJsonPageIsReported();
    void apiKeyIsNeverSentWithoutBeingSet();

private:
    // Starts the request and waits for finished(); returns the request (still alive: it deletes itself later).
    QlikRequest *run(QlikRequest *request, int timeoutMs = 20000);
    QlikPager *run(QlikPager *pager, int timeoutMs = 30000);
    // The transport as any server's client uses it: redirects to another origin are followed (without the key), not
    // read on the origin asked as Qlik Cloud's API links are.
    QlikRequest *sendGeneric(const QString &path, const QlikRequestOptions &options);
    QlikRequestOptions genericOptions() const;
};

void TestQlikClient::init()
{
    QVERIFY(startSimulator());
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::Healthy));
}

void TestQlikClient::cleanup()
{
    stopSimulator();
}

QlikRequest *TestQlikClient::run(QlikRequest *request, int timeoutMs)
{
    QSignalSpy finished(request, &QlikRequest::finished);
    request->start();
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return nullptr;
    return request;
}

QlikPager *TestQlikClient::run(QlikPager *pager, int timeoutMs)
{
    QSignalSpy finished(pager, &QlikPager::finished);
    pager->start();
    if (finished.isEmpty() && !finished.wait(timeoutMs))
        return nullptr;
    return pager;
}

QlikRequestOptions TestQlikClient::genericOptions() const
{
    QlikRequestOptions options = m_client->defaultOptions();
    options.rebasedPathPrefix.clear();
    return options;
}

QlikRequest *TestQlikClient::sendGeneric(const QString &path, const QlikRequestOptions &options)
{
    QlikRequestOptions generic = options;
    generic.rebasedPathPrefix.clear();
    return m_client->send(m_client->urlFor(path), generic);
}

void TestQlikClient::usersMeRedirectKeepsAuthorizationOnSameOrigin()
{
    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/users/me")));
    QVERIFY(request);
    QVERIFY2(request->isSuccess(), qPrintable(request->failure().text()));
    QCOMPARE(request->httpStatus(), 200);
    QCOMPARE(request->redirectCount(), 1);
    const QString userId = m_simulator->sampleUserId(SampleKey::Healthy);
    QCOMPARE(request->finalUrl().path(), QStringLiteral("/api/v1/users/") + userId);
    QCOMPARE(request->json().object().value(QLatin1String("id")).toString(), userId);

    const auto requests = m_simulator->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).path, QStringLiteral("/api/v1/users/me"));
    QVERIFY(requests.at(0).hadAuthorization);
    QCOMPARE(requests.at(1).path, QStringLiteral("/api/v1/users/") + userId);
    QVERIFY(requests.at(1).hadAuthorization);
}

void TestQlikClient::tenantsMeFollows302()
{
    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/tenants/me")));
    QVERIFY(request);
    QVERIFY(request->isSuccess());
    QCOMPARE(request->redirectCount(), 1);
    const QString tenantId = m_simulator->tenant().id;
    QCOMPARE(request->finalUrl().path(), QStringLiteral("/api/v1/tenants/") + tenantId);
    QCOMPARE(request->json().object().value(QLatin1String("id")).toString(), tenantId);
}

void TestQlikClient::crossOriginRedirectDropsAuthorization()
{
    // Another origin: same simulated tenant data, different port.
    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, other);
    QUrl target = other.baseUrl();
    target.setPath(QStringLiteral("/api/v1/users/") + m_simulator->sampleUserId(SampleKey::Healthy));
    m_simulator->setRedirectTarget(QStringLiteral("/api/v1/users/me"), target);

    QlikRequest *request = run(sendGeneric(QStringLiteral("/api/v1/users/me"), genericOptions()));
    QVERIFY(request);
    QCOMPARE(request->redirectCount(), 1);
    QCOMPARE(request->finalUrl().port(), int(other.port()));
    // Without the key the other origin refuses: the key was not sent there, and the failure says so instead of
    // passing the refusal on as if the key were wrong.
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::OtherAddress);
    QVERIFY(request->failure().message().contains(m_simulator->hostAndPort()));
    QVERIFY(request->failure().message().contains(QString::number(other.port())));
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(!other.requests().at(0).hadAuthorization);
    QVERIFY(m_simulator->requests().at(0).hadAuthorization);
}

void TestQlikClient::apiRedirectToAnotherOriginIsReadOnTheOriginAsked()
{
    // Qlik's API naming another of its addresses, even over http: path and query are read where the key may go.
    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, other);
    QUrl target = other.baseUrl();
    target.setScheme(QStringLiteral("http"));
    target.setPath(QStringLiteral("/api/v1/users/") + m_simulator->sampleUserId(SampleKey::Healthy));
    target.setQuery(QStringLiteral("fields=name"));
    m_simulator->setRedirectTarget(QStringLiteral("/api/v1/users/me"), target);

    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/users/me")));
    QVERIFY(request);
    QVERIFY2(request->isSuccess(), qPrintable(request->failure().text()));
    QCOMPARE(request->finalUrl().scheme(), QStringLiteral("https"));
    QCOMPARE(request->finalUrl().port(), int(m_simulator->port()));
    QCOMPARE(request->finalUrl().query(), QStringLiteral("fields=name"));
    QCOMPARE(other.requests().size(), 0);
    const auto requests = m_simulator->requests();
    QCOMPARE(requests.size(), 2);
    QVERIFY(requests.at(1).hadAuthorization);
    QCOMPARE(requests.at(1).query, QStringLiteral("fields=name"));
}

void TestQlikClient::apiRedirectOutsideTheApiIsNotFollowed()
{
    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, other);
    QUrl target = other.baseUrl();
    target.setPath(QStringLiteral("/login"));
    m_simulator->setRedirectTarget(QStringLiteral("/api/v1/users/me"), target);

    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/users/me")));
    QVERIFY(request);
    const RequestFailure failure = request->failure();
    QCOMPARE(failure.kind(), RequestFailure::Kind::OtherAddress);
    QVERIFY2(failure.message().contains(m_simulator->hostAndPort()), qPrintable(failure.message()));
    QVERIFY2(failure.message().contains(QStringLiteral("https://localhost:%1").arg(other.port())),
             qPrintable(failure.message()));
    QVERIFY(!failure.text().contains(QLatin1String("generate"), Qt::CaseInsensitive));
    QCOMPARE(other.requests().size(), 0);
}

void TestQlikClient::pagingReadsNextLinksOfAnotherHostOnTheOriginAsked()
{
    // The alias variation: every next link names 127.0.0.1 on this port, an address this run does not trust.
    m_simulator->setAliasHost(QStringLiteral("127.0.0.1"));
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::TenantAdmin));
    const int users = int(m_simulator->tenant().users.size());
    QlikPager *pager =
        run(m_client->getAllPages(QStringLiteral("/api/v1/users"), QUrlQuery(QStringLiteral("limit=2"))));
    QVERIFY(pager);
    QVERIFY2(pager->isSuccess(), qPrintable(pager->failure().text()));
    QCOMPARE(pager->itemCount(), users);
    QCOMPARE(pager->pagesRead(), (users + 1) / 2);
    for (const auto &request : m_simulator->requests()) {
        QVERIFY(request.hadAuthorization);
        QCOMPARE(QString::fromLatin1(request.headers.value("Host")), m_simulator->hostAndPort());
    }
}

void TestQlikClient::redirectToPlainHttpIsRefused()
{
    QUrl target = m_simulator->baseUrl();
    target.setScheme(QStringLiteral("http"));
    target.setPath(QStringLiteral("/api/v1/users/x"));
    m_simulator->setRedirectTarget(QStringLiteral("/api/v1/users/me"), target);
    QlikRequest *request = run(sendGeneric(QStringLiteral("/api/v1/users/me"), genericOptions()));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::UnsafeRedirect);
    QVERIFY(request->failure().message().contains(m_simulator->hostAndPort()));
    QCOMPARE(m_simulator->requests().size(), 1);
}

void TestQlikClient::bodyNeverFollowsARedirectToAnotherOrigin_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // the simulator redirects users/me with 301, everything else with 302
    QTest::newRow("PATCH after 301") << QByteArray("PATCH") << QStringLiteral("/api/v1/users/me");
    QTest::newRow("PUT after 302") << QByteArray("PUT") << QStringLiteral("/api/v1/moved");
    QTest::newRow("DELETE with a body after 302") << QByteArray("DELETE") << QStringLiteral("/api/v1/moved");
}

void TestQlikClient::bodyNeverFollowsARedirectToAnotherOrigin()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    // Another origin this run trusts: only the redirect rule keeps the body from going there.
    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, other);
    QUrl target = other.baseUrl();
    target.setPath(QStringLiteral("/api/v1/elsewhere"));
    m_simulator->setRedirectTarget(path, target);

    QlikRequestOptions options = genericOptions();
    options.method = method;
    options.body = QByteArrayLiteral(R"({"clientSecret":"not-for-other-servers"})");
    QlikRequest *request = run(sendGeneric(path, options));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::UnsafeRedirect);
    QVERIFY2(request->failure().message().contains(QString::number(other.port())),
             qPrintable(request->failure().message()));
    QVERIFY(!request->failure().advice().isEmpty());
    QCOMPARE(other.requests().size(), 0);
    QCOMPARE(m_simulator->requests().size(), 1);
    QCOMPARE(m_simulator->requests().at(0).method, method);
}

void TestQlikClient::redirectWithoutABodyToResendIsFollowed_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<bool>("sameOrigin");
    QTest::addColumn<QByteArray>("methodAfterwards");
    QTest::newRow("POST becomes GET after 302") << QByteArray("POST") << QByteArray("{}") << false << QByteArray("GET");
    QTest::newRow("DELETE without a body") << QByteArray("DELETE") << QByteArray() << false << QByteArray("DELETE");
    QTest::newRow("PUT with a body, same origin") << QByteArray("PUT") << QByteArray("{}") << true << QByteArray("PUT");
}

void TestQlikClient::redirectWithoutABodyToResendIsFollowed()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, body);
    QFETCH(bool, sameOrigin);
    QFETCH(QByteArray, methodAfterwards);
    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, other);
    QlikSimulator &destination = sameOrigin ? *m_simulator : other;
    QUrl target = destination.baseUrl();
    target.setPath(QStringLiteral("/api/v1/elsewhere"));
    m_simulator->setRedirectTarget(QStringLiteral("/api/v1/moved"), target);

    QlikRequestOptions options = genericOptions();
    options.method = method;
    options.body = body;
    QlikRequest *request = run(sendGeneric(QStringLiteral("/api/v1/moved"), options));
    QVERIFY(request);
    QVERIFY2(!request->failure().isFailure(), qPrintable(request->failure().text()));
    QCOMPARE(request->redirectCount(), 1);
    const auto arrived = destination.requests();
    QVERIFY(!arrived.isEmpty());
    QCOMPARE(arrived.constLast().path, QStringLiteral("/api/v1/elsewhere"));
    QCOMPARE(arrived.constLast().method, methodAfterwards);
}

void TestQlikClient::certificateFailureAfterARedirectNamesThatServer()
{
    // The address asked is trusted; the one it redirects to is not. The failure is about the second server's
    // certificate, and it must say so, or that certificate could be trusted for the first one.
    QlikSimulator other;
    QVERIFY(other.start());
    QUrl target = other.baseUrl();
    target.setPath(QStringLiteral("/api/v1/users/") + m_simulator->sampleUserId(SampleKey::Healthy));
    m_simulator->setRedirectTarget(QStringLiteral("/api/v1/users/me"), target);

    QlikRequest *request = run(sendGeneric(QStringLiteral("/api/v1/users/me"), genericOptions()));
    QVERIFY(request);
    const RequestFailure failure = request->failure();
    QCOMPARE(failure.kind(), RequestFailure::Kind::TlsUntrusted);
    QCOMPARE(failure.certificateOrigin(), other.hostAndPort());
    QCOMPARE(failure.peerCertificate().certificate(), other.certificate());
    QVERIFY(failure.message().contains(other.hostAndPort()));
}

void TestQlikClient::pagingFollowsNextUntilAbsent()
{
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::TenantAdmin));
    const int users = int(m_simulator->tenant().users.size());
    QVERIFY2(users >= 5, "the demo tenant needs enough users to page");
    QlikPager *pager =
        run(m_client->getAllPages(QStringLiteral("/api/v1/users"), QUrlQuery(QStringLiteral("limit=2"))));
    QVERIFY(pager);
    QVERIFY2(pager->isSuccess(), qPrintable(pager->failure().text()));
    QCOMPARE(pager->itemCount(), users);
    QCOMPARE(pager->items().size(), users);
    const int expectedPages = (users + 1) / 2;
    QCOMPARE(pager->pagesRead(), expectedPages);
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/api/v1/users")), expectedPages);

    QSet<QString> ids;
    for (const QJsonValue &user : pager->items())
        ids.insert(user.toObject().value(QLatin1String("id")).toString());
    QCOMPARE(ids.size(), users); // no page twice, none skipped
}

void TestQlikClient::pagingWithStartingAfterCursors()
{
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::TenantAdmin));
    const int keys = int(m_simulator->tenant().apiKeys.size());
    QVERIFY(keys >= 3);
    QlikPager *pager =
        run(m_client->getAllPages(QStringLiteral("/api/v1/api-keys"), QUrlQuery(QStringLiteral("limit=1"))));
    QVERIFY(pager);
    QVERIFY2(pager->isSuccess(), qPrintable(pager->failure().text()));
    QCOMPARE(pager->itemCount(), keys);
    QCOMPARE(pager->pagesRead(), keys);
    for (const auto &request : m_simulator->requests())
        QVERIFY(!request.query.contains(QLatin1String("token")));
}

void TestQlikClient::rateLimitIsRetriedAfterRetryAfter()
{
    m_simulator->rateLimitNext(QStringLiteral("/api/v1/tenants"), 2, 1);
    QlikRequest *request = m_client->get(QStringLiteral("/api/v1/tenants/me"));
    QSignalSpy waits(request, &QlikRequest::waitingForRateLimit);
    QElapsedTimer clock;
    clock.start();
    QVERIFY(run(request));
    QVERIFY2(request->isSuccess(), qPrintable(request->failure().text()));
    QCOMPARE(request->rateLimitWaits(), 2);
    QCOMPARE(waits.size(), 2);
    QCOMPARE(waits.at(0).at(0).toInt(), 1); // seconds, as retry-after said
    QCOMPARE(waits.at(1).at(1).toInt(), 2); // attempt number
    QVERIFY(clock.elapsed() >= 1900); // it really waited, twice
}

void TestQlikClient::rateLimitRetriesAreBounded()
{
    m_simulator->rateLimitNext(QStringLiteral("/api/v1/tenants"), 10, 0);
    QlikRequestOptions options = m_client->defaultOptions();
    options.maxRateLimitRetries = 3;
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/api/v1/tenants/me")), options));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::RateLimited);
    QCOMPARE(request->rateLimitWaits(), 3);
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/api/v1/tenants/me")), 4);
}

void TestQlikClient::rateLimitWaitLongerThanLimitIsReported()
{
    m_simulator->rateLimitNext(QStringLiteral("/api/v1/tenants"), 1, 3600);
    QElapsedTimer clock;
    clock.start();
    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/tenants/me")));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::RateLimited);
    QVERIFY(request->failure().advice().contains(QLatin1String("3600")));
    QVERIFY(clock.elapsed() < 10000);
}

void TestQlikClient::timeoutEndsTheRequest()
{
    m_simulator->setResponseDelay(QStringLiteral("/api/v1/users"), -1);
    QlikRequestOptions options = m_client->defaultOptions();
    options.timeout = std::chrono::milliseconds(800);
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/api/v1/users/me")), options));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::TimedOut);
    QVERIFY(request->failure().message().contains(m_simulator->hostAndPort()));
    QVERIFY(!request->failure().advice().isEmpty());
}

void TestQlikClient::cancelEndsTheRequestOnce()
{
    m_simulator->setResponseDelay(QStringLiteral("/api/v1/users"), -1);
    QlikRequest *request = m_client->get(QStringLiteral("/api/v1/users/me"));
    QSignalSpy finished(request, &QlikRequest::finished);
    request->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_simulator->requestCount(QStringLiteral("/api/v1/users/me")), 1, 10000);
    request->cancel();
    request->cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::Cancelled);
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestQlikClient::trickledAnswerEndsWithTheAttempt()
{
    // One byte a second keeps the connection alive for minutes; the attempt's timer covers the whole answer.
    m_simulator->setAnswerFault(QStringLiteral("/api/v1/spaces"), Simulator::FaultInjector::AnswerFault::Trickle);
    QlikRequestOptions options = m_client->defaultOptions();
    options.timeout = std::chrono::milliseconds(1500);
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/api/v1/spaces")), options));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::TimedOut);
    QVERIFY(!request->failure().advice().isEmpty());
}

void TestQlikClient::connectionResetMidBodyIsReported()
{
    m_simulator->setAnswerFault(QStringLiteral("/api/v1/spaces"), Simulator::FaultInjector::AnswerFault::ResetMidBody);
    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/spaces")));
    QVERIFY(request);
    QVERIFY2(request->failure().isFailure(), qPrintable(QString::number(request->httpStatus())));
    QVERIFY(request->body().isEmpty());
    QVERIFY(!request->failure().message().isEmpty());
    QVERIFY(!request->failure().advice().isEmpty());
}

void TestQlikClient::endlessBodyStopsAtTheLimit()
{
    // No Content-Length and no end: the bytes as they arrive are counted, long before the attempt's timer.
    m_simulator->setAnswerFault(QStringLiteral("/api/v1/spaces"), Simulator::FaultInjector::AnswerFault::HugeBody);
    QlikRequestOptions options = m_client->defaultOptions();
    QCOMPARE(options.maxAnswerBytes, qint64(32 * 1024 * 1024));
    options.timeout = std::chrono::minutes(5);
    QElapsedTimer clock;
    clock.start();
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/api/v1/spaces")), options), 120000);
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::InvalidResponse);
    QVERIFY2(request->failure().message().contains(QLatin1String("32 MB")), qPrintable(request->failure().message()));
    QVERIFY(!request->failure().advice().isEmpty());
    QVERIFY(request->body().isEmpty());
    QVERIFY(clock.elapsed() < 60000);
}

void TestQlikClient::announcedLengthOverTheLimitIsRefused()
{
    // The spaces page is a few kilobytes; its Content-Length alone ends the request.
    QlikRequestOptions options = m_client->defaultOptions();
    options.maxAnswerBytes = 100;
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/api/v1/spaces")), options));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::InvalidResponse);
    QVERIFY(request->body().isEmpty());
    options.maxAnswerBytes = 1024 * 1024;
    request = run(m_client->send(m_client->urlFor(QStringLiteral("/api/v1/spaces")), options));
    QVERIFY(request);
    QVERIFY(request->isSuccess());
}

void TestQlikClient::errorBodiesAreReadLeniently()
{
    m_client->setApiKey("eyJhbGciOiJFUzM4NCJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl");
    QlikRequest *refused = run(m_client->get(QStringLiteral("/api/v1/users/me")));
    QVERIFY(refused);
    QCOMPARE(refused->httpStatus(), 401);
    const QlikError error = refused->qlikError();
    QVERIFY(!error.isEmpty());
    QVERIFY(!error.items().first().code.isEmpty());
    QCOMPARE(error.items().first().status, 401); // sent as the string "401"

    m_client->setApiKey(m_simulator->sampleToken(SampleKey::TenantAdmin));
    QlikRequest *missing = run(m_client->get(QStringLiteral("/api/v1/users/000000000000000000000000")));
    QVERIFY(missing);
    QCOMPARE(missing->httpStatus(), 404);
    QVERIFY(missing->qlikError().hasCode(QStringLiteral("USERS-7")));
    QCOMPARE(missing->qlikError().items().first().status, 404); // sent as a number
}

void TestQlikClient::untrustedCertificateIsReportedWithDetails()
{
    TlsTrust empty;
    QlikClient client(m_network.get(), &empty);
    client.setBaseUrl(m_simulator->baseUrl());
    QlikRequest *request = run(client.get(QStringLiteral("/.well-known/oauth-authorization-server")));
    QVERIFY(request);
    const RequestFailure failure = request->failure();
    QCOMPARE(failure.kind(), RequestFailure::Kind::TlsUntrusted);
    QVERIFY(!failure.sslErrors().isEmpty());
    QCOMPARE(failure.peerCertificate().certificate(), m_simulator->certificate());
    QCOMPARE(failure.peerCertificate().sha256Fingerprint(),
             CertificateSummary::formatFingerprint(CertificateSummary::sha256(m_simulator->certificate())));
    QVERIFY(failure.message().contains(m_simulator->hostAndPort()));
    QCOMPARE(failure.certificateOrigin(), m_simulator->hostAndPort());
    QCOMPARE(m_simulator->requests().size(), 0); // nothing was sent over the untrusted connection

    empty.pin(m_simulator->hostAndPort(), CertificateSummary::sha256(m_simulator->certificate()));
    m_network->clearConnectionCache();
    QlikRequest *trusted = run(client.get(QStringLiteral("/.well-known/oauth-authorization-server")));
    QVERIFY(trusted);
    QVERIFY2(trusted->isSuccess(), qPrintable(trusted->failure().text()));
}

void TestQlikClient::pinForAnotherHostDoesNotApply()
{
    TlsTrust trust;
    trust.pin(QStringLiteral("localhost:1"), CertificateSummary::sha256(m_simulator->certificate()));
    QlikClient client(m_network.get(), &trust);
    client.setBaseUrl(m_simulator->baseUrl());
    QlikRequest *request = run(client.get(QStringLiteral("/.well-known/oauth-authorization-server")));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::TlsUntrusted);
}

void TestQlikClient::connectionRefusedIsReported()
{
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close(); // nothing listens there any more
    QUrl base(QStringLiteral("https://localhost"));
    base.setPort(port);
    m_client->setBaseUrl(base);
    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/users/me")));
    QVERIFY(request);
    QCOMPARE(request->failure().kind(), RequestFailure::Kind::ConnectionRefused);
    QVERIFY(request->failure().message().contains(QString::number(port)));
}

void TestQlikClient::malformedJsonPageIsReported()
{
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::TenantAdmin));
    m_simulator->setMalformedJson(QStringLiteral("/api/v1/users"), true);
    QlikPager *pager = run(m_client->getAllPages(QStringLiteral("/api/v1/users")));
    QVERIFY(pager);
    QCOMPARE(pager->failure().kind(), RequestFailure::Kind::InvalidResponse);
    QVERIFY(!pager->failure().technicalDetail().isEmpty());
}

void TestQlikClient::apiKeyIsNeverSentWithoutBeingSet()
{
    m_client->clearApiKey();
    QlikRequest *request = run(m_client->get(QStringLiteral("/api/v1/users/me")));
    QVERIFY(request);
    QCOMPARE(request->httpStatus(), 401);
    QVERIFY(!m_simulator->requests().at(0).hadAuthorization);
}

QTEST_GUILESS_MAIN(TestQlikClient)
#include "tst_qlikclient.moc"
