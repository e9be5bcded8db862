// Network failures in words for people, and which TLS problems a pinned certificate may excuse.
#include "net/RequestFailure.h"
#include "net/TlsTrust.h"
#include "simulator/common/SelfSignedCertificate.h"

#include <QTest>

using namespace Dawiso;

class TestRequestFailure : public QObject
{
    Q_OBJECT

private slots:
    void networkErrors_data();
    void networkErrors();
    void untrustedCertificateIsOfferedForTrust();
    void brokenCertificateIsNot();
    void rateLimitMessagesSayHowLong();
    void pinsAreForOneHostAndPort();
    void pinnedCertificateExcusesOnlyTrustErrors();
    void extraCasReachEveryRequest();
};

void TestRequestFailure::networkErrors_data()
{
    QTest::addColumn<int>("error");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("adviceMentions");

    QTest::newRow("name not found") << int(QNetworkReply::HostNotFoundError) << int(RequestFailure::Kind::NameNotFound)
                                    << "spelling";
    QTest::newRow("refused") << int(QNetworkReply::ConnectionRefusedError)
                             << int(RequestFailure::Kind::ConnectionRefused) << "port";
    QTest::newRow("closed") << int(QNetworkReply::RemoteHostClosedError) << int(RequestFailure::Kind::ConnectionClosed)
                            << "proxy";
    QTest::newRow("timeout") << int(QNetworkReply::TimeoutError) << int(RequestFailure::Kind::TimedOut) << "connection";
    QTest::newRow("handshake") << int(QNetworkReply::SslHandshakeFailedError) << int(RequestFailure::Kind::TlsFailed)
                               << "IT department";
    QTest::newRow("proxy auth") << int(QNetworkReply::ProxyAuthenticationRequiredError)
                                << int(RequestFailure::Kind::ProxyFailed) << "proxy";
    QTest::newRow("offline") << int(QNetworkReply::TemporaryNetworkFailureError) << int(RequestFailure::Kind::Network)
                             << "network";
    QTest::newRow("other") << int(QNetworkReply::ProtocolFailure) << int(RequestFailure::Kind::Network) << "connection";
}

void TestRequestFailure::networkErrors()
{
    QFETCH(int, error);
    QFETCH(int, kind);
    QFETCH(QString, adviceMentions);
    const QString host = QStringLiteral("acme.eu.qlikcloud.com");
    const RequestFailure failure =
        RequestFailure::fromNetworkError(QNetworkReply::NetworkError(error), host, QStringLiteral("technical text"));
    QCOMPARE(int(failure.kind()), kind);
    QVERIFY(failure.isFailure());
    if (failure.kind() != RequestFailure::Kind::Network || error != QNetworkReply::TemporaryNetworkFailureError)
        QVERIFY2(failure.message().contains(host), qPrintable(failure.message()));
    QVERIFY2(failure.advice().contains(adviceMentions), qPrintable(failure.advice()));
    QCOMPARE(failure.technicalDetail(), QStringLiteral("technical text"));
    QVERIFY(failure.text().startsWith(failure.message()));
    QVERIFY(!failure.message().contains(QLatin1String("technical text")));
}

void TestRequestFailure::untrustedCertificateIsOfferedForTrust()
{
    const Simulator::SelfSignedCertificate identity = Simulator::SelfSignedCertificate::generate();
    const QList<QSslError> errors {QSslError(QSslError::SelfSignedCertificate, identity.certificate()),
                                   QSslError(QSslError::HostNameMismatch, identity.certificate())};
    const RequestFailure failure =
        RequestFailure::fromSslErrors(errors, {identity.certificate()}, QStringLiteral("qlik.corp.example:4242"));
    QCOMPARE(failure.kind(), RequestFailure::Kind::TlsUntrusted);
    QVERIFY(failure.message().contains(QLatin1String("qlik.corp.example:4242")));
    QCOMPARE(failure.sslErrors().size(), 2);
    QCOMPARE(failure.peerCertificate().certificate(), identity.certificate());
    QVERIFY(failure.peerCertificate().toText().contains(failure.peerCertificate().sha256Fingerprint()));
}

void TestRequestFailure::brokenCertificateIsNot()
{
    const Simulator::SelfSignedCertificate identity = Simulator::SelfSignedCertificate::generate();
    const QList<QSslError> errors {QSslError(QSslError::SelfSignedCertificate, identity.certificate()),
                                   QSslError(QSslError::CertificateExpired, identity.certificate())};
    const RequestFailure failure = RequestFailure::fromSslErrors(errors, {identity.certificate()}, QStringLiteral("h"));
    QCOMPARE(failure.kind(), RequestFailure::Kind::TlsFailed);
    QVERIFY(failure.advice().contains(QLatin1String("renew")));
}

void TestRequestFailure::rateLimitMessagesSayHowLong()
{
    QVERIFY(RequestFailure::rateLimited(5, 1).advice().contains(QLatin1String("5")));
    QVERIFY(RequestFailure::rateLimited(0, 900).advice().contains(QLatin1String("900")));
    QCOMPARE(RequestFailure::rateLimited(0, 900).kind(), RequestFailure::Kind::RateLimited);
}

void TestRequestFailure::pinsAreForOneHostAndPort()
{
    const Simulator::SelfSignedCertificate identity = Simulator::SelfSignedCertificate::generate();
    const QByteArray fingerprint = CertificateSummary::sha256(identity.certificate());
    TlsTrust trust;
    trust.pin(QStringLiteral("Qlik.Corp.Example:443"), fingerprint);
    QVERIFY(trust.isPinned(QStringLiteral("qlik.corp.example"), identity.certificate()));
    QVERIFY(trust.isPinned(QStringLiteral("qlik.corp.example:443"), identity.certificate()));
    QVERIFY(!trust.isPinned(QStringLiteral("qlik.corp.example:4242"), identity.certificate()));
    QVERIFY(!trust.isPinned(QStringLiteral("other.corp.example"), identity.certificate()));
    const Simulator::SelfSignedCertificate another = Simulator::SelfSignedCertificate::generate();
    QVERIFY(!trust.isPinned(QStringLiteral("qlik.corp.example"), another.certificate()));
    trust.unpin(QStringLiteral("qlik.corp.example"));
    QVERIFY(!trust.isPinned(QStringLiteral("qlik.corp.example"), identity.certificate()));

    QCOMPARE(TlsTrust::originKey(QUrl(QStringLiteral("https://Acme.example:443/x"))), QStringLiteral("acme.example"));
    QCOMPARE(TlsTrust::originKey(QUrl(QStringLiteral("https://[::1]:8443/"))), QStringLiteral("[::1]:8443"));
}

void TestRequestFailure::pinnedCertificateExcusesOnlyTrustErrors()
{
    const Simulator::SelfSignedCertificate identity = Simulator::SelfSignedCertificate::generate();
    const QSslCertificate certificate = identity.certificate();
    TlsTrust trust;
    trust.pin(QStringLiteral("qlik.corp.example:4242"), CertificateSummary::sha256(certificate));
    const QUrl url(QStringLiteral("https://qlik.corp.example:4242/qrs/about"));
    const QList<QSslError> trustErrors {QSslError(QSslError::SelfSignedCertificate, certificate),
                                        QSslError(QSslError::HostNameMismatch, certificate)};
    QVERIFY(trust.acceptsPinned(url, certificate, trustErrors));
    QVERIFY(!trust.acceptsPinned(QUrl(QStringLiteral("https://qlik.corp.example/")), certificate, trustErrors));
    QVERIFY(!trust.acceptsPinned(url, Simulator::SelfSignedCertificate::generate().certificate(), trustErrors));
    QVERIFY(!trust.acceptsPinned(
        url, certificate, trustErrors + QList<QSslError> {QSslError(QSslError::CertificateExpired, certificate)}));
    QVERIFY(!trust.acceptsPinned(url, certificate, {}));
}

void TestRequestFailure::extraCasReachEveryRequest()
{
    const Simulator::SelfSignedCertificate identity = Simulator::SelfSignedCertificate::generate();
    TlsTrust trust;
    const int systemCas = int(trust.configuration().caCertificates().size());
    trust.addCaCertificates({identity.certificate(), identity.certificate(), QSslCertificate()});
    QCOMPARE(trust.caCertificates().size(), 1);
    QCOMPARE(int(trust.configuration().caCertificates().size()), systemCas + 1);
    QVERIFY(trust.configuration().caCertificates().contains(identity.certificate()));
}

QTEST_GUILESS_MAIN(TestRequestFailure)
#include "tst_requestfailure.moc"
