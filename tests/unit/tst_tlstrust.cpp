// A CA trusted for one host: a Qlik Sense site's own CA (QLIKSERVER1-CA) vouches for that server and no other, is
// remembered per host like a pinned certificate, and is refused once it has expired.
#include "common/Clock.h"
#include "net/CertificatePinStore.h"
#include "net/TlsTrust.h"
#include "simulator/common/CertificateAuthority.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Dawiso::Simulator::CertificateAuthority;

class TestTlsTrust : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void caIsTrustedForOneHostOnly();
    void hostKeysAreNormalised();
    void configurationForAddsTheHostsCas();
    void caOutsideItsValidityIsRefused_data();
    void caOutsideItsValidityIsRefused();
    void nullCaIsRefused();
    void pinStoreRemembersCasPerHost();
    void pinStoreDropsExpiredCas();

private:
    CertificateAuthority m_siteCa;
    CertificateAuthority m_otherCa;
};

void TestTlsTrust::initTestCase()
{
    m_siteCa = CertificateAuthority::generate(QStringLiteral("QLIKSERVER1-CA"));
    m_otherCa = CertificateAuthority::generate(QStringLiteral("Corp Root CA"));
    QVERIFY2(!m_siteCa.isNull(), qPrintable(m_siteCa.errorString()));
    QVERIFY2(!m_otherCa.isNull(), qPrintable(m_otherCa.errorString()));
}

void TestTlsTrust::cleanup()
{
    Clock::reset();
}

void TestTlsTrust::caIsTrustedForOneHostOnly()
{
    TlsTrust trust;
    QVERIFY(trust.trustCaForHost(QStringLiteral("qlik.corp.example"), m_siteCa.certificate()));

    QCOMPARE(trust.caCertificatesFor(QStringLiteral("qlik.corp.example")), {m_siteCa.certificate()});
    QVERIFY(trust.caCertificatesFor(QStringLiteral("other.corp.example")).isEmpty());
    // Another port is another server (the QRS on 4242 is trusted on its own).
    QVERIFY(trust.caCertificatesFor(QStringLiteral("qlik.corp.example:4242")).isEmpty());
    // Not a CA for the whole run.
    QVERIFY(trust.caCertificates().isEmpty());
    QVERIFY(!trust.configuration().caCertificates().contains(m_siteCa.certificate()));
    QVERIFY(!trust.configurationFor(QUrl(QStringLiteral("https://other.corp.example/qrs/about")))
                 .caCertificates()
                 .contains(m_siteCa.certificate()));
    // And it pins nothing.
    QVERIFY(!trust.isPinned(QStringLiteral("qlik.corp.example"), m_siteCa.certificate()));
}

void TestTlsTrust::hostKeysAreNormalised()
{
    TlsTrust trust;
    QVERIFY(trust.trustCaForHost(QStringLiteral(" QLIK.corp.example:443 "), m_siteCa.certificate()));
    QCOMPARE(trust.caCertificatesFor(QStringLiteral("qlik.corp.example")).size(), 1);
    // Trusting it twice keeps one copy.
    QVERIFY(trust.trustCaForHost(QStringLiteral("qlik.corp.example"), m_siteCa.certificate()));
    QCOMPARE(trust.caCertificatesFor(QStringLiteral("qlik.corp.example")).size(), 1);
}

void TestTlsTrust::configurationForAddsTheHostsCas()
{
    TlsTrust trust;
    trust.addCaCertificates({m_otherCa.certificate()});
    QVERIFY(trust.trustCaForHost(QStringLiteral("qlik.corp.example:4242"), m_siteCa.certificate()));

    const QList<QSslCertificate> there =
        trust.configurationFor(QUrl(QStringLiteral("https://QLIK.corp.example:4242/qrs/about"))).caCertificates();
    QVERIFY(there.contains(m_siteCa.certificate()));
    QVERIFY(there.contains(m_otherCa.certificate())); // the run's CAs still apply
    for (const QSslCertificate &system : QSslConfiguration::defaultConfiguration().caCertificates())
        QVERIFY(there.contains(system));

    const QList<QSslCertificate> proxy =
        trust.configurationFor(QUrl(QStringLiteral("https://qlik.corp.example/hub"))).caCertificates();
    QVERIFY(!proxy.contains(m_siteCa.certificate()));
    QVERIFY(proxy.contains(m_otherCa.certificate()));
}

void TestTlsTrust::caOutsideItsValidityIsRefused_data()
{
    QTest::addColumn<int>("daysFromNow");
    // The authority is valid from an hour ago for 30 days.
    QTest::newRow("expired") << 31;
    QTest::newRow("not yet valid") << -1;
}

void TestTlsTrust::caOutsideItsValidityIsRefused()
{
    QFETCH(int, daysFromNow);
    Clock::setFixed(QDateTime::currentDateTimeUtc().addDays(daysFromNow));
    TlsTrust trust;
    QVERIFY(!trust.trustCaForHost(QStringLiteral("qlik.corp.example"), m_siteCa.certificate()));
    QVERIFY(trust.caCertificatesFor(QStringLiteral("qlik.corp.example")).isEmpty());
    QVERIFY(!trust.configurationFor(QUrl(QStringLiteral("https://qlik.corp.example")))
                 .caCertificates()
                 .contains(m_siteCa.certificate()));
}

void TestTlsTrust::nullCaIsRefused()
{
    TlsTrust trust;
    QVERIFY(!trust.trustCaForHost(QStringLiteral("qlik.corp.example"), QSslCertificate()));
    QVERIFY(trust.caCertificatesFor(QStringLiteral("qlik.corp.example")).isEmpty());
}

void TestTlsTrust::pinStoreRemembersCasPerHost()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    const QString file = directory.filePath(QStringLiteral("trust.ini"));
    const QByteArray fingerprint(32, '\x5a');
    {
        QSettings settings(file, QSettings::IniFormat);
        CertificatePinStore store(&settings);
        store.addCertificateAuthority(QStringLiteral("QLIK.corp.example"), m_siteCa.certificate());
        store.addCertificateAuthority(QStringLiteral("qlik.corp.example"), m_siteCa.certificate());
        store.addCertificateAuthority(QStringLiteral("qlik.corp.example:4242"), m_otherCa.certificate());
        store.add(QStringLiteral("qlik.corp.example"), fingerprint);
    }

    QSettings settings(file, QSettings::IniFormat);
    CertificatePinStore store(&settings);
    TlsTrust trust;
    store.loadInto(trust);
    QCOMPARE(trust.caCertificatesFor(QStringLiteral("qlik.corp.example")), {m_siteCa.certificate()});
    QCOMPARE(trust.caCertificatesFor(QStringLiteral("qlik.corp.example:4242")), {m_otherCa.certificate()});
    QVERIFY(trust.caCertificatesFor(QStringLiteral("other.corp.example")).isEmpty());
    QVERIFY(trust.caCertificates().isEmpty());

    store.removeHost(QStringLiteral("qlik.corp.example"));
    TlsTrust afterRemoval;
    store.loadInto(afterRemoval);
    QVERIFY(afterRemoval.caCertificatesFor(QStringLiteral("qlik.corp.example")).isEmpty());
    QCOMPARE(afterRemoval.caCertificatesFor(QStringLiteral("qlik.corp.example:4242")).size(), 1);
}

void TestTlsTrust::pinStoreDropsExpiredCas()
{
    QTemporaryDir directory;
    QVERIFY(directory.isValid());
    QSettings settings(directory.filePath(QStringLiteral("trust.ini")), QSettings::IniFormat);
    CertificatePinStore store(&settings);
    store.addCertificateAuthority(QStringLiteral("qlik.corp.example"), m_siteCa.certificate());

    Clock::setFixed(QDateTime::currentDateTimeUtc().addDays(31));
    TlsTrust trust;
    store.loadInto(trust);
    QVERIFY(trust.caCertificatesFor(QStringLiteral("qlik.corp.example")).isEmpty());
}

QTEST_GUILESS_MAIN(TestTlsTrust)
#include "tst_tlstrust.moc"
