// What a request can carry beyond a Bearer key, over real HTTPS against the simulator: extra headers and query
// parameters, a client certificate (mutual TLS) and certificate authorities trusted for one origin; and that no
// credential, header or certificate alike, follows a redirect to another origin.
#include "SimulatorTrust.h"
#include "net/TlsTrust.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/common/CertificateAuthority.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;
using Simulator::CertificateAuthority;
using Simulator::QlikSimulator;
using Simulator::SampleKey;
using Simulator::SimulatorHost;

namespace {

const QByteArray xrfkey = QByteArrayLiteral("abcdefghij123456");
const QByteArray qlikUser = QByteArrayLiteral("UserDirectory=INTERNAL; UserId=sa_repository");

} // namespace

class TestTransportOptions : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void extraHeadersAndQueryArrive();
    void credentialsStayOnTheirOriginAcrossARedirect();
    void withheldCredentialIsNotReportedAsRefused();
    void originCaIsTrustedForThatOriginOnly();
    void mutualTlsWithTheClientCertificate();
    void mutualTlsWithoutTheClientCertificateFailsClearly();
    void mutualTlsWithAnotherAuthoritysCertificateFailsClearly();

private:
    QlikRequest *run(QlikRequest *request);
    QlikRequestOptions credentialOptions() const;

    CertificateAuthority m_authority;
    CertificateAuthority::Issued m_clientIdentity;
    std::unique_ptr<QlikSimulator> m_simulator;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<QlikClient> m_client;
};

void TestTransportOptions::initTestCase()
{
    m_authority = CertificateAuthority::generate();
    QVERIFY2(!m_authority.isNull(), qPrintable(m_authority.errorString()));
    m_clientIdentity = m_authority.issueClient(QStringLiteral("sa_repository"));
    QVERIFY2(!m_clientIdentity.isNull(), qPrintable(m_authority.errorString()));
}

void TestTransportOptions::init()
{
    m_simulator = std::make_unique<QlikSimulator>();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    m_client = std::make_unique<QlikClient>(m_network.get(), m_trust.get());
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::Healthy));
}

void TestTransportOptions::cleanup()
{
    m_client.reset();
    m_network.reset();
    m_simulator.reset();
}

QlikRequest *TestTransportOptions::run(QlikRequest *request)
{
    QSignalSpy finished(request, &QlikRequest::finished);
    request->start();
    if (finished.isEmpty() && !finished.wait(20000))
        return nullptr;
    return request;
}

// Every kind of credential at once, and a header and a parameter that are none.
QlikRequestOptions TestTransportOptions::credentialOptions() const
{
    QlikRequestOptions options = m_client->defaultOptions();
    options.headers = {{QByteArrayLiteral("X-Qlik-Xrfkey"), xrfkey},
                       {QByteArrayLiteral("X-Qlik-User"), qlikUser},
                       {QByteArrayLiteral("Cookie"), QByteArrayLiteral("X-Qlik-Session=not-for-others")},
                       {QByteArrayLiteral("X-Vendor-Ticket"), QByteArrayLiteral("ticket-not-for-others"), true}};
    options.queryItems = {{QStringLiteral("xrfkey"), QString::fromLatin1(xrfkey)}};
    options.clientCertificate = m_clientIdentity.certificate;
    options.clientKey = m_clientIdentity.key;
    return options;
}

void TestTransportOptions::extraHeadersAndQueryArrive()
{
    QVERIFY(m_simulator->start());
    Test::trustSimulator(*m_trust, *m_simulator);
    m_client->setBaseUrl(m_simulator->baseUrl());
    QlikRequestOptions options = m_client->defaultOptions();
    options.headers = {{QByteArrayLiteral("X-Qlik-Xrfkey"), xrfkey},
                       {QByteArrayLiteral("X-Qlik-User"), qlikUser},
                       {QByteArrayLiteral("User-Agent"), QByteArrayLiteral("DawisoQrsProbe/1")}};
    options.queryItems = {{QStringLiteral("xrfkey"), QString::fromLatin1(xrfkey)}};

    // tenants/me answers with a 302 on the same origin: the second request carries all of it too.
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/api/v1/tenants/me")), options));
    QVERIFY(request);
    QVERIFY2(request->isSuccess(), qPrintable(request->failure().text()));
    const auto arrived = m_simulator->requests();
    QCOMPARE(arrived.size(), 2);
    for (const auto &received : arrived) {
        QCOMPARE(received.headers.value("X-Qlik-Xrfkey"), xrfkey);
        QCOMPARE(received.headers.value("x-qlik-user"), qlikUser);
        QCOMPARE(received.headers.value("User-Agent"), QByteArrayLiteral("DawisoQrsProbe/1"));
        QVERIFY(received.hadAuthorization);
        QCOMPARE(QUrlQuery(received.query).queryItemValue(QStringLiteral("xrfkey")), QString::fromLatin1(xrfkey));
    }
    QCOMPARE(arrived.at(1).path, QStringLiteral("/api/v1/tenants/") + m_simulator->tenant().id);
}

void TestTransportOptions::credentialsStayOnTheirOriginAcrossARedirect()
{
    // Both ask for a client certificate and record the one they get.
    m_simulator->setClientCertificates(SimulatorHost::ClientCertificates::Ask);
    QVERIFY(m_simulator->start());
    QlikSimulator other;
    other.setClientCertificates(SimulatorHost::ClientCertificates::Ask);
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, *m_simulator);
    Test::trustSimulator(*m_trust, other);
    m_client->setBaseUrl(m_simulator->baseUrl());
    QUrl target = other.baseUrl();
    target.setPath(QStringLiteral("/.well-known/oauth-authorization-server"));
    m_simulator->setRedirectTarget(QStringLiteral("/moved"), target);

    QlikRequestOptions options = credentialOptions();
    options.rebasedPathPrefix.clear(); // a generic transport, which follows
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/moved")), options));
    QVERIFY(request);
    QVERIFY2(request->isSuccess(), qPrintable(request->failure().text()));
    QCOMPARE(request->redirectCount(), 1);

    QCOMPARE(m_simulator->requests().size(), 1);
    const auto asked = m_simulator->requests().at(0);
    QVERIFY(asked.hadAuthorization);
    QCOMPARE(asked.headers.value("X-Qlik-User"), qlikUser);
    QVERIFY(asked.headers.contains("Cookie"));
    QCOMPARE(asked.headers.value("X-Vendor-Ticket"), QByteArrayLiteral("ticket-not-for-others"));
    QCOMPARE(asked.clientCertificate, m_clientIdentity.certificate);

    QCOMPARE(other.requests().size(), 1);
    const auto elsewhere = other.requests().at(0);
    QVERIFY(!elsewhere.hadAuthorization);
    QVERIFY(!elsewhere.headers.contains("X-Qlik-User"));
    QVERIFY(!elsewhere.headers.contains("Cookie"));
    QVERIFY(!elsewhere.headers.contains("X-Vendor-Ticket"));
    QVERIFY(elsewhere.clientCertificate.isNull());
    // What is no credential still goes along; the caller's query parameters belong to the origin asked.
    QCOMPARE(elsewhere.headers.value("X-Qlik-Xrfkey"), xrfkey);
    QVERIFY(!elsewhere.query.contains(QLatin1String("xrfkey")));
}

void TestTransportOptions::withheldCredentialIsNotReportedAsRefused()
{
    QVERIFY(m_simulator->start());
    QlikSimulator other;
    QVERIFY(other.start());
    Test::trustSimulator(*m_trust, *m_simulator);
    Test::trustSimulator(*m_trust, other);
    m_client->setBaseUrl(m_simulator->baseUrl());
    QUrl target = other.baseUrl();
    target.setPath(QStringLiteral("/api/v1/users/me"));
    m_simulator->setRedirectTarget(QStringLiteral("/moved"), target);

    // A generic transport (no rebasing) follows; the other origin refuses the request made without the key.
    QlikRequestOptions options = credentialOptions();
    options.rebasedPathPrefix.clear();
    QlikRequest *request = run(m_client->send(m_client->urlFor(QStringLiteral("/moved")), options));
    QVERIFY(request);
    const RequestFailure failure = request->failure();
    QCOMPARE(failure.kind(), RequestFailure::Kind::OtherAddress);
    QVERIFY2(failure.message().contains(m_simulator->hostAndPort()), qPrintable(failure.message()));
    QVERIFY2(failure.message().contains(QString::number(other.port())), qPrintable(failure.message()));
    QVERIFY(!failure.text().contains(QLatin1String("generate"), Qt::CaseInsensitive));
    QCOMPARE(other.requests().size(), 1);
    QVERIFY(!other.requests().at(0).hadAuthorization);
}

void TestTransportOptions::originCaIsTrustedForThatOriginOnly()
{
    // Two servers with certificates from the same company CA; the run trusts neither, the request trusts the CA for
    // the first one's origin.
    const CertificateAuthority::Issued first = m_authority.issueServer();
    const CertificateAuthority::Issued second = m_authority.issueServer();
    QVERIFY(!first.isNull() && !second.isNull());
    m_simulator->setServerIdentity(first.certificate, first.key);
    QVERIFY(m_simulator->start());
    QlikSimulator other;
    other.setServerIdentity(second.certificate, second.key);
    QVERIFY(other.start());
    m_client->setBaseUrl(m_simulator->baseUrl());
    QlikRequestOptions options = m_client->defaultOptions();
    options.originCaCertificates = {m_authority.certificate()};

    const QString wellKnown = QStringLiteral("/.well-known/oauth-authorization-server");
    QlikRequest *trusted = run(m_client->send(m_client->urlFor(wellKnown), options));
    QVERIFY(trusted);
    QVERIFY2(trusted->isSuccess(), qPrintable(trusted->failure().text()));

    // Without it, the same server is not trusted: the CA was the request's, not the run's.
    QlikClient plain(m_network.get(), m_trust.get());
    plain.setBaseUrl(other.baseUrl());
    QlikRequest *untrusted = run(plain.get(wellKnown));
    QVERIFY(untrusted);
    QCOMPARE(untrusted->failure().kind(), RequestFailure::Kind::TlsUntrusted);

    // A redirect to the other origin does not take the CA along.
    QUrl target = other.baseUrl();
    target.setPath(wellKnown);
    m_simulator->setRedirectTarget(QStringLiteral("/moved"), target);
    options.rebasedPathPrefix.clear();
    QlikRequest *redirected = run(m_client->send(m_client->urlFor(QStringLiteral("/moved")), options));
    QVERIFY(redirected);
    QCOMPARE(redirected->failure().kind(), RequestFailure::Kind::TlsUntrusted);
    QCOMPARE(redirected->failure().certificateOrigin(), other.hostAndPort());
    QCOMPARE(other.requests().size(), 0);
}

void TestTransportOptions::mutualTlsWithTheClientCertificate()
{
    m_simulator->setClientCertificates(SimulatorHost::ClientCertificates::Require, {m_authority.certificate()});
    QVERIFY(m_simulator->start());
    Test::trustSimulator(*m_trust, *m_simulator);
    m_client->setBaseUrl(m_simulator->baseUrl());
    QlikRequestOptions options = m_client->defaultOptions();
    options.clientCertificate = m_clientIdentity.certificate;
    options.clientKey = m_clientIdentity.key;
    QlikRequest *request =
        run(m_client->send(m_client->urlFor(QStringLiteral("/.well-known/oauth-authorization-server")), options));
    QVERIFY(request);
    QVERIFY2(request->isSuccess(), qPrintable(request->failure().text()));
    QCOMPARE(m_simulator->requests().size(), 1);
    QCOMPARE(m_simulator->requests().at(0).clientCertificate, m_clientIdentity.certificate);
}

void TestTransportOptions::mutualTlsWithoutTheClientCertificateFailsClearly()
{
    m_simulator->setClientCertificates(SimulatorHost::ClientCertificates::Require, {m_authority.certificate()});
    QVERIFY(m_simulator->start());
    Test::trustSimulator(*m_trust, *m_simulator);
    m_client->setBaseUrl(m_simulator->baseUrl());
    QlikRequest *request = run(m_client->get(QStringLiteral("/.well-known/oauth-authorization-server")));
    QVERIFY(request);
    const RequestFailure failure = request->failure();
    QCOMPARE(failure.kind(), RequestFailure::Kind::ClientCertificateRefused);
    QVERIFY2(failure.message().contains(m_simulator->hostAndPort()), qPrintable(failure.message()));
    QVERIFY2(failure.message().contains(QLatin1String("client certificate")), qPrintable(failure.message()));
    QCOMPARE(m_simulator->requests().size(), 0);
}

void TestTransportOptions::mutualTlsWithAnotherAuthoritysCertificateFailsClearly()
{
    const CertificateAuthority stranger = CertificateAuthority::generate(QStringLiteral("Another CA"));
    const CertificateAuthority::Issued strangersClient = stranger.issueClient(QStringLiteral("someone"));
    QVERIFY(!strangersClient.isNull());
    m_simulator->setClientCertificates(SimulatorHost::ClientCertificates::Require, {m_authority.certificate()});
    QVERIFY(m_simulator->start());
    Test::trustSimulator(*m_trust, *m_simulator);
    m_client->setBaseUrl(m_simulator->baseUrl());
    QlikRequestOptions options = m_client->defaultOptions();
    options.clientCertificate = strangersClient.certificate;
    options.clientKey = strangersClient.key;
    QlikRequest *request =
        run(m_client->send(m_client->urlFor(QStringLiteral("/.well-known/oauth-authorization-server")), options));
    QVERIFY(request);
    const RequestFailure failure = request->failure();
    QCOMPARE(failure.kind(), RequestFailure::Kind::ClientCertificateRefused);
    QVERIFY2(failure.message().contains(QLatin1String("did not accept the client certificate")),
             qPrintable(failure.message()));
    QCOMPARE(m_simulator->requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestTransportOptions)
#include "tst_transportoptions.moc"
