// Whether an authority really signed a server's certificate, told apart from one that only has the same name.
#include "net/CertificateIssuer.h"
#include "simulator/common/CertificateBuilder.h"

#include <QTest>

using namespace Dawiso;
using Dawiso::Simulator::CertificateBuilder;

namespace {

CertificateBuilder::Result authority(const QString &name)
{
    CertificateBuilder::Request request;
    request.commonName = name;
    request.basicConstraints = "critical,CA:TRUE";
    request.keyUsage = "critical,keyCertSign,cRLSign";
    return CertificateBuilder::build(request);
}

CertificateBuilder::Result server(const CertificateBuilder::Result &issuer)
{
    CertificateBuilder::Request request;
    request.commonName = QStringLiteral("qlikserver1.corp.example");
    request.issuerCertificate = issuer.certificate;
    request.issuerKey = issuer.key;
    request.basicConstraints = "critical,CA:FALSE";
    request.extendedKeyUsage = "serverAuth";
    request.subjectAltName = "DNS:qlikserver1.corp.example,DNS:qlik.corp.example";
    return CertificateBuilder::build(request);
}

} // namespace

class TestCertificateIssuer : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void theSiteCaIssuedTheServer();
    void anotherCaDidNot();
    void aCaWithTheSameNameButAnotherKeyDidNot();
    void aSelfSignedCertificateIsNoAuthority();
    void authorityInTheChain();
    void siteCaNames_data();
    void siteCaNames();

private:
    CertificateBuilder::Result m_siteCa;
    CertificateBuilder::Result m_server;
};

void TestCertificateIssuer::initTestCase()
{
    m_siteCa = authority(QStringLiteral("QLIKSERVER1-CA"));
    QVERIFY2(!m_siteCa.isNull(), qPrintable(m_siteCa.errorString));
    m_server = server(m_siteCa);
    QVERIFY2(!m_server.isNull(), qPrintable(m_server.errorString));
    QCOMPARE(CertificateIssuer::issuerCommonName(m_server.certificate), QStringLiteral("QLIKSERVER1-CA"));
}

void TestCertificateIssuer::theSiteCaIssuedTheServer()
{
    QVERIFY(CertificateIssuer::isIssuedBy(m_server.certificate, m_siteCa.certificate));
}

void TestCertificateIssuer::anotherCaDidNot()
{
    const CertificateBuilder::Result other = authority(QStringLiteral("OTHERSERVER-CA"));
    QVERIFY(!other.isNull());
    QVERIFY(!CertificateIssuer::isIssuedBy(m_server.certificate, other.certificate));
}

void TestCertificateIssuer::aCaWithTheSameNameButAnotherKeyDidNot()
{
    // A reinstalled site makes a new CA under the old name: its root.pem no longer fits the old server certificate.
    const CertificateBuilder::Result impostor = authority(QStringLiteral("QLIKSERVER1-CA"));
    QVERIFY(!impostor.isNull());
    QVERIFY(!CertificateIssuer::isIssuedBy(m_server.certificate, impostor.certificate));
}

void TestCertificateIssuer::aSelfSignedCertificateIsNoAuthority()
{
    QVERIFY(!CertificateIssuer::isIssuedBy(m_siteCa.certificate, m_siteCa.certificate));
    QVERIFY(!CertificateIssuer::isIssuedBy(m_server.certificate, m_server.certificate));
    QVERIFY(!CertificateIssuer::isIssuedBy(m_server.certificate, QSslCertificate()));
    QVERIFY(!CertificateIssuer::isIssuedBy(QSslCertificate(), m_siteCa.certificate));
}

void TestCertificateIssuer::authorityInTheChain()
{
    QCOMPARE(CertificateIssuer::authorityIn({m_server.certificate, m_siteCa.certificate}), m_siteCa.certificate);
    QVERIFY(CertificateIssuer::authorityIn({m_server.certificate}).isNull());
    QVERIFY(CertificateIssuer::authorityIn({m_siteCa.certificate}).isNull());
    const CertificateBuilder::Result other = authority(QStringLiteral("OTHERSERVER-CA"));
    QVERIFY(CertificateIssuer::authorityIn({m_server.certificate, other.certificate}).isNull());
}

void TestCertificateIssuer::siteCaNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("siteCa");
    QTest::newRow("default install") << QStringLiteral("QLIKSERVER1-CA") << true;
    QTest::newRow("full name") << QStringLiteral("qlik.corp.example-CA") << true;
    QTest::newRow("corporate root") << QStringLiteral("Corp Example Root CA") << false;
    QTest::newRow("public CA") << QStringLiteral("R11") << false;
    QTest::newRow("only the suffix") << QStringLiteral("-CA") << false;
    QTest::newRow("empty") << QString() << false;
}

void TestCertificateIssuer::siteCaNames()
{
    QFETCH(QString, name);
    QFETCH(bool, siteCa);
    QCOMPARE(CertificateIssuer::isQlikSiteCaName(name), siteCa);
}

QTEST_GUILESS_MAIN(TestCertificateIssuer)
#include "tst_certificateissuer.moc"
