#include "dialogs/CertificateDialog.h"
#include "dialogs/FileDialog.h"
#include "net/CertificateSummary.h"
#include "net/RequestFailure.h"
#include "simulator/common/CertificateBuilder.h"

#include <QCheckBox>
#include <QClipboard>
#include <QCryptographicHash>
#include <QDir>
#include <QFontInfo>
#include <QGuiApplication>
#include <QKeySequence>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QScrollArea>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>

using Dawiso::CertificateDialog;
using Dawiso::CertificateSummary;
using Dawiso::FileDialog;
using Dawiso::RequestFailure;
using Dawiso::Simulator::CertificateBuilder;

namespace {

// Test-only public certificates (P-256, made with openssl; the private keys were thrown away). Their validity was
// set explicitly (2020 to 2119, 2020 to 2021, 2090 to 2091) so the tests do not depend on when they run.
// Self-signed, CN=qlik.corp.example, also valid for "qlik".
const char SelfSignedPem[] = R"(-----BEGIN CERTIFICATE-----
MIIBnzCCAUWgAwIBAgICEAAwCgYIKoZIzj0EAwIwHDEaMBgGA1UEAwwRcWxpay5j
b3JwLmV4YW1wbGUwIBcNMjAwMTAxMDAwMDAwWhgPMjExOTEyMzEwMDAwMDBaMBwx
GjAYBgNVBAMMEXFsaWsuY29ycC5leGFtcGxlMFkwEwYHKoZIzj0CAQYIKoZIzj0D
AQcDQgAELMftSPEUOgMo2h7l4pTwZhVQmOYTYn3aereNzcbjAP/Tx4dDenXtXb1g
GsG2SgwblqVC0XwW0APajRCC5H71fqN1MHMwCQYDVR0TBAIwADAOBgNVHQ8BAf8E
BAMCB4AwEwYDVR0lBAwwCgYIKwYBBQUHAwEwHQYDVR0OBBYEFNpAoGWdeufK1qn1
HQIMU1AOzNdGMCIGA1UdEQQbMBmCEXFsaWsuY29ycC5leGFtcGxlggRxbGlrMAoG
CCqGSM49BAMCA0gAMEUCIQDPozWzruXxJPWDeH3GzoPIM/UzBzFiTbNn8KBsFSkK
yAIgcM/uJS5zcKCKqH30Zea2hAlrN1+EWZoUXzdWpALK66Q=
-----END CERTIFICATE-----
)";
// SHA-256 of SelfSignedPem as `openssl x509 -noout -fingerprint -sha256` prints it.
const char SelfSignedFingerprint[] =
    "40:3E:E5:84:16:3E:63:85:EB:B5:F1:E6:2A:2B:79:89:21:12:58:48:E3:21:D2:F4:BD:3D:35:3F:F0:D4:A5:9C";
// CN=Corp Example Root CA, O=Corp Example, and a CN=qlik.corp.example certificate it signed.
const char RootCaPem[] = R"(-----BEGIN CERTIFICATE-----
MIIBoDCCAUagAwIBAgICEAEwCgYIKoZIzj0EAwIwNjEdMBsGA1UEAwwUQ29ycCBF
eGFtcGxlIFJvb3QgQ0ExFTATBgNVBAoMDENvcnAgRXhhbXBsZTAgFw0yMDAxMDEw
MDAwMDBaGA8yMTE5MTIzMTAwMDAwMFowNjEdMBsGA1UEAwwUQ29ycCBFeGFtcGxl
IFJvb3QgQ0ExFTATBgNVBAoMDENvcnAgRXhhbXBsZTBZMBMGByqGSM49AgEGCCqG
SM49AwEHA0IABJLrXOkm8nGHOvRiqt91B2oJUj2YkdkJYTKYYjyIBPdBOq7pBQDB
Vivgg2c/w/X30BnbB8LtuMaQ+YvG8C1kKE+jQjBAMA8GA1UdEwEB/wQFMAMBAf8w
DgYDVR0PAQH/BAQDAgEGMB0GA1UdDgQWBBQ3WF8mKbEUqJJ1o8OZpweXQW6snzAK
BggqhkjOPQQDAgNIADBFAiBTe8QaUip90xAGBSn4L1WTXSsMu4O+GWn9Y5A12F7w
eQIhAOs10SjutaOtk2cTWfzgg7IOz6zUzMdj77ViM/t9L9JB
-----END CERTIFICATE-----
)";
const char LeafPem[] = R"(-----BEGIN CERTIFICATE-----
MIIB1TCCAXygAwIBAgICEAIwCgYIKoZIzj0EAwIwNjEdMBsGA1UEAwwUQ29ycCBF
eGFtcGxlIFJvb3QgQ0ExFTATBgNVBAoMDENvcnAgRXhhbXBsZTAgFw0yMDAxMDEw
MDAwMDBaGA8yMTE5MTIzMTAwMDAwMFowHDEaMBgGA1UEAwwRcWxpay5jb3JwLmV4
YW1wbGUwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAS5Y9LfxUxP3t60DsWGrbXE
3nKoIuIU+2E6BZckW1Me/Ox72K8B1Y6sX7CLqLH+zynCbvG3JLdKBHFUgYBayy06
o4GRMIGOMAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQDAgeAMBMGA1UdJQQMMAoGCCsG
AQUFBwMBMB0GA1UdDgQWBBRQEO3fnlji9mNb6Y+LSy4FBP3LiTAfBgNVHSMEGDAW
gBQ3WF8mKbEUqJJ1o8OZpweXQW6snzAcBgNVHREEFTATghFxbGlrLmNvcnAuZXhh
bXBsZTAKBggqhkjOPQQDAgNHADBEAiB2Fyvf0EwBDzIVGW9J4RdblV6M7nUt0hdA
hqAJC8S9xQIgUP8/w5VGHK47jQF/Kx8Exq+poWtuiB7WKxHWRduPsuI=
-----END CERTIFICATE-----
)";
// Self-signed, expired on 1 January 2021.
const char ExpiredPem[] = R"(-----BEGIN CERTIFICATE-----
MIIBejCCAR+gAwIBAgICEAMwCgYIKoZIzj0EAwIwHDEaMBgGA1UEAwwRcWxpay5j
b3JwLmV4YW1wbGUwHhcNMjAwMTAxMDAwMDAwWhcNMjEwMTAxMDAwMDAwWjAcMRow
GAYDVQQDDBFxbGlrLmNvcnAuZXhhbXBsZTBZMBMGByqGSM49AgEGCCqGSM49AwEH
A0IABCW7Z+smqH/IWCmIaUXX3Z5FrUKzZ+JGqIxj9f3KgC8yKXrUbfnBY4qCtFhg
Y/ffvK699O82hyztYoTff/vuOeGjUTBPMAkGA1UdEwQCMAAwDgYDVR0PAQH/BAQD
AgeAMBMGA1UdJQQMMAoGCCsGAQUFBwMBMB0GA1UdDgQWBBQ89TyY3w/ZyWe2K8zN
UMkBC4ewTjAKBggqhkjOPQQDAgNJADBGAiEAoEoGo00qNvN6/XKOZyM4z3pVTyae
1rbLi5LMwjzEnFgCIQDimQM6e5yndglPlK8+o7Cki4nTZdVAS/wdDEv2Ix1Q6g==
-----END CERTIFICATE-----
)";
// Self-signed, valid only from 1 January 2090.
const char NotYetValidPem[] = R"(-----BEGIN CERTIFICATE-----
MIIBfDCCASOgAwIBAgICEAQwCgYIKoZIzj0EAwIwHDEaMBgGA1UEAwwRcWxpay5j
b3JwLmV4YW1wbGUwIhgPMjA5MDAxMDEwMDAwMDBaGA8yMDkxMDEwMTAwMDAwMFow
HDEaMBgGA1UEAwwRcWxpay5jb3JwLmV4YW1wbGUwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAATHPflNr9hE55MUYW38kPGH3aQ1B3STqfib0rvkk5fAVfEfK/ZfQElg
Q4W3EnnPwTS1IDkp678mVjfDsWnEaKTeo1EwTzAJBgNVHRMEAjAAMA4GA1UdDwEB
/wQEAwIHgDATBgNVHSUEDDAKBggrBgEFBQcDATAdBgNVHQ4EFgQUR3spwv5st0D/
gZeAuySrGM00ARYwCgYIKoZIzj0EAwIDRwAwRAIgWiWhrnNqggcvQ7AteRmUkb3k
hcbiO4dgeF/fx+gj7cUCID9E8GLvm3paXbUAZBQ4SzK61IZiDK7XBw7pRLN3PU8v
-----END CERTIFICATE-----
)";

const QString Host = QStringLiteral("qlik.corp.example:4242");

QSslCertificate certificate(const char *pem)
{
    return QSslCertificate(QByteArray(pem), QSsl::Pem);
}

RequestFailure untrusted(const QList<QSslCertificate> &chain)
{
    const QSslCertificate leaf = chain.value(0);
    return RequestFailure::fromSslErrors(
        {QSslError(QSslError::SelfSignedCertificate, leaf), QSslError(QSslError::HostNameMismatch, leaf)}, chain, Host);
}

} // namespace

class TestCertificateDialog : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void trustButtonNeedsTheCheckbox();
    void cancelIsTheDefault();
    void enterDoesNotTrust();
    void fingerprintMatchesTheSummary();
    void acceptedFingerprintIsTheLeafSha256();
    void acceptRequiresTheCheckbox();
    void cancelTrustsNothing();
    void showsTheCertificate();
    void listsTheErrors();
    void copiesTheFingerprint();
    void validity_data();
    void validity();
    void chainOfOneHasNoChainSection();
    void chainIsCollapsible();
    void noCertificateCannotBeTrusted();

    // A Qlik Sense site with its own CA (QLIKSERVER1-CA).
    void siteCaIsNamedAndItsChainShown();
    void trustTheCaTheServerSent();
    void loadRoot_data();
    void loadRoot();
    void rootOfAnotherSiteIsRefused();
    void fileWithoutCertificateIsRefused();
    void loadingCancelledChangesNothing();
    void namesOfTheCertificateAreOffered();
    void expiredCertificateOffersNoTrust();
    void mnemonicsAreUnique();

private:
    // Saves what the dialog looks like when DQS_SCREENSHOT_DIR is set, for reviewing it by eye.
    static void screenshot(QWidget *dialog, const QString &name);
    static CertificateBuilder::Result authority(const QString &name);
    QString writeFile(const QString &name, const QByteArray &contents);
    RequestFailure siteFailure(const QString &hostAndPort, bool withCa, bool nameMismatch) const;

    QSslCertificate m_selfSigned;
    CertificateBuilder::Result m_siteCa;
    CertificateBuilder::Result m_server;
    QTemporaryDir m_files;
};

void TestCertificateDialog::initTestCase()
{
    m_selfSigned = certificate(SelfSignedPem);
    QVERIFY(!m_selfSigned.isNull());
    for (const char *pem : {RootCaPem, LeafPem, ExpiredPem, NotYetValidPem})
        QVERIFY(!certificate(pem).isNull());

    m_siteCa = authority(QStringLiteral("QLIKSERVER1-CA"));
    QVERIFY2(!m_siteCa.isNull(), qPrintable(m_siteCa.errorString));
    CertificateBuilder::Request server;
    server.commonName = QStringLiteral("qlikserver1.corp.example");
    server.issuerCertificate = m_siteCa.certificate;
    server.issuerKey = m_siteCa.key;
    server.basicConstraints = "critical,CA:FALSE";
    server.extendedKeyUsage = "serverAuth";
    server.subjectAltName = "DNS:qlikserver1.corp.example,DNS:qlik.corp.example,DNS:*.corp.example";
    m_server = CertificateBuilder::build(server);
    QVERIFY2(!m_server.isNull(), qPrintable(m_server.errorString));
    QVERIFY(m_files.isValid());
}

void TestCertificateDialog::screenshot(QWidget *dialog, const QString &name)
{
    const QString directory = qEnvironmentVariable("DQS_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    // As tall as a window may be on this (offscreen, 800 pixels high) screen: like a small laptop's.
    dialog->adjustSize();
    QCoreApplication::processEvents();
    QVERIFY(dialog->grab().save(QDir(directory).filePath(name + QStringLiteral(".png"))));
}

CertificateBuilder::Result TestCertificateDialog::authority(const QString &name)
{
    CertificateBuilder::Request request;
    request.commonName = name;
    request.basicConstraints = "critical,CA:TRUE";
    request.keyUsage = "critical,keyCertSign,cRLSign";
    return CertificateBuilder::build(request);
}

QString TestCertificateDialog::writeFile(const QString &name, const QByteArray &contents)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        return {};
    return path;
}

// What the probe reports for a Qlik Sense site: the server's certificate from the site CA, with the CA in the chain
// or not, reached by its name or by another one.
RequestFailure TestCertificateDialog::siteFailure(const QString &hostAndPort, bool withCa, bool nameMismatch) const
{
    QList<QSslCertificate> chain {m_server.certificate};
    QList<QSslError> errors;
    if (withCa) {
        chain << m_siteCa.certificate;
        errors << QSslError(QSslError::SelfSignedCertificateInChain, m_siteCa.certificate);
    } else {
        errors << QSslError(QSslError::UnableToGetLocalIssuerCertificate, m_server.certificate);
    }
    if (nameMismatch)
        errors << QSslError(QSslError::HostNameMismatch, m_server.certificate);
    return RequestFailure::fromSslErrors(errors, chain, hostAndPort);
}

void TestCertificateDialog::trustButtonNeedsTheCheckbox()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"));
    auto *trust = dialog.findChild<QPushButton *>(QStringLiteral("trustButton"));
    QVERIFY(check);
    QVERIFY(trust);
    QVERIFY(dialog.canBeTrusted());
    QVERIFY(check->isEnabled());
    QVERIFY(!check->isChecked());
    QVERIFY(check->text().contains(Host));
    QVERIFY(!trust->isEnabled());
    // Nobody vouches for a self-signed certificate: no CA to trust or load.
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("trustCaButton")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("loadRootButton")));
    screenshot(&dialog, QStringLiteral("certificate-self-signed"));

    QTest::mouseClick(check, Qt::LeftButton, {}, QPoint(8, check->height() / 2));
    QVERIFY(check->isChecked());
    QVERIFY(trust->isEnabled());

    check->setChecked(false);
    QVERIFY(!trust->isEnabled());
}

void TestCertificateDialog::cancelIsTheDefault()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *cancel = dialog.findChild<QPushButton *>(QStringLiteral("cancelButton"));
    auto *trust = dialog.findChild<QPushButton *>(QStringLiteral("trustButton"));
    QVERIFY(cancel);
    QVERIFY(cancel->isDefault());
    QVERIFY(!trust->isDefault());
    QVERIFY(!trust->autoDefault());

    // Still true once the trust button is enabled.
    dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->setChecked(true);
    QVERIFY(cancel->isDefault());
    QVERIFY(!trust->isDefault());
}

void TestCertificateDialog::enterDoesNotTrust()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"));
    check->setChecked(true);
    check->setFocus();
    QTest::keyClick(check, Qt::Key_Return);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.acceptedFingerprint().isEmpty());
}

void TestCertificateDialog::fingerprintMatchesTheSummary()
{
    const RequestFailure failure = untrusted({m_selfSigned});
    CertificateDialog dialog(Host, failure);
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("fingerprintText"));
    QVERIFY(label);
    const QString shown = label->text().remove(QLatin1Char('\n'));
    QCOMPARE(shown, failure.peerCertificate().sha256Fingerprint());
    QCOMPARE(shown, CertificateSummary::fromCertificate(m_selfSigned).sha256Fingerprint());
    QCOMPARE(shown, QString::fromLatin1(SelfSignedFingerprint));
    QVERIFY(label->textInteractionFlags().testFlag(Qt::TextSelectableByMouse));
    QVERIFY(QFontInfo(label->font()).fixedPitch());
}

void TestCertificateDialog::acceptedFingerprintIsTheLeafSha256()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(dialog.acceptedFingerprint().isEmpty());

    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->setChecked(true);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("trustButton")), Qt::LeftButton);
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.acceptedFingerprint(), m_selfSigned.digest(QCryptographicHash::Sha256));
    QCOMPARE(dialog.acceptedFingerprint(), CertificateSummary::sha256(m_selfSigned));
    QCOMPARE(dialog.acceptedFingerprint(), QByteArray::fromHex(QByteArray(SelfSignedFingerprint).replace(':', "")));
}

void TestCertificateDialog::acceptRequiresTheCheckbox()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QSignalSpy accepted(&dialog, &QDialog::accepted);
    dialog.accept();
    QCOMPARE(accepted.count(), 0);
    QVERIFY(dialog.isVisible());
    QVERIFY(dialog.acceptedFingerprint().isEmpty());
}

void TestCertificateDialog::cancelTrustsNothing()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->setChecked(true);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("cancelButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.acceptedFingerprint().isEmpty());
}

void TestCertificateDialog::showsTheCertificate()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("headlineLabel"))->text().contains(Host));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("subjectText"))->text(), QStringLiteral("qlik.corp.example"));
    QStringList alsoValidFor =
        dialog.findChild<QLabel *>(QStringLiteral("alternativeNamesText"))->text().split(QStringLiteral(", "));
    alsoValidFor.sort();
    QCOMPARE(alsoValidFor, QStringList({QStringLiteral("qlik"), QStringLiteral("qlik.corp.example")}));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("issuerText"))->text(),
             CertificateDialog::tr("itself (self-signed)"));
    const QString validity = dialog.findChild<QLabel *>(QStringLiteral("validityText"))->text();
    QVERIFY2(validity.contains(QStringLiteral("2020")) && validity.contains(QStringLiteral("2119")),
             qPrintable(validity));
    QVERIFY(!dialog.findChild<QWidget *>(QStringLiteral("validityNote")));
}

void TestCertificateDialog::listsTheErrors()
{
    const RequestFailure failure = untrusted({m_selfSigned});
    QCOMPARE(failure.kind(), RequestFailure::Kind::TlsUntrusted);
    CertificateDialog dialog(Host, failure);
    auto *list = dialog.findChild<QLabel *>(QStringLiteral("errorsList"));
    QVERIFY(list);
    QCOMPARE(failure.sslErrors().size(), 2);
    for (const QSslError &error : failure.sslErrors()) {
        QVERIFY(!error.errorString().isEmpty());
        QVERIFY2(list->text().contains(QStringLiteral("<li>") + error.errorString().toHtmlEscaped()),
                 qPrintable(error.errorString()));
    }
}

void TestCertificateDialog::copiesTheFingerprint()
{
    QGuiApplication::clipboard()->clear();
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *copy = dialog.findChild<QPushButton *>(QStringLiteral("copyFingerprintButton"));
    QVERIFY(copy);
    const QString copyText = copy->text();
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QString::fromLatin1(SelfSignedFingerprint));
    QVERIFY(copy->text() != copyText); // says it worked ...
    QTRY_COMPARE_WITH_TIMEOUT(copy->text(), copyText, 10000); // ... and then goes back
}

void TestCertificateDialog::validity_data()
{
    QTest::addColumn<QByteArray>("pem");
    QTest::addColumn<bool>("trustable");
    QTest::addColumn<QString>("noteMentions");
    QTest::newRow("valid") << QByteArray(SelfSignedPem) << true << QString();
    QTest::newRow("expired") << QByteArray(ExpiredPem) << false << QStringLiteral("2021");
    QTest::newRow("not yet valid") << QByteArray(NotYetValidPem) << false << QStringLiteral("2090");
}

void TestCertificateDialog::validity()
{
    QFETCH(QByteArray, pem);
    QFETCH(bool, trustable);
    QFETCH(QString, noteMentions);

    const QSslCertificate cert(pem, QSsl::Pem);
    CertificateDialog dialog(Host, untrusted({cert}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *check = dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"));
    auto *trust = dialog.findChild<QPushButton *>(QStringLiteral("trustButton"));
    auto *note = dialog.findChild<QLabel *>(QStringLiteral("validityNote"));
    QCOMPARE(dialog.canBeTrusted(), trustable);
    QCOMPARE(check->isEnabled(), trustable);
    QCOMPARE(note != nullptr, !trustable);
    if (note) {
        QVERIFY(note->isVisible());
        QVERIFY2(note->text().contains(noteMentions), qPrintable(note->text()));
        // Red, and distinctly so from the normal text.
        const QColor colour = note->palette().color(QPalette::WindowText);
        QVERIFY(colour.red() > colour.green() + 60);
    }

    // Even a forced tick cannot make an invalid certificate trusted.
    check->setChecked(true);
    QCOMPARE(trust->isEnabled(), trustable);
    dialog.accept();
    QCOMPARE(dialog.result() == QDialog::Accepted, trustable);
    QCOMPARE(dialog.acceptedFingerprint().isEmpty(), !trustable);
}

void TestCertificateDialog::chainOfOneHasNoChainSection()
{
    CertificateDialog dialog(Host, untrusted({m_selfSigned}));
    QVERIFY(!dialog.findChild<QToolButton *>(QStringLiteral("chainToggle")));
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("chainText")));
}

void TestCertificateDialog::chainIsCollapsible()
{
    const QSslCertificate leaf = certificate(LeafPem);
    const QSslCertificate root = certificate(RootCaPem);
    CertificateDialog dialog(Host, untrusted({leaf, root}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    // The leaf is what gets pinned, not the CA.
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("fingerprintText"))->text().remove(QLatin1Char('\n')),
             CertificateSummary::fromCertificate(leaf).sha256Fingerprint());
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("issuerText"))->text(),
             QStringLiteral("Corp Example Root CA, Corp Example"));

    auto *toggle = dialog.findChild<QToolButton *>(QStringLiteral("chainToggle"));
    auto *text = dialog.findChild<QLabel *>(QStringLiteral("chainText"));
    QVERIFY(toggle);
    QVERIFY(text);
    QVERIFY(!text->isVisible());
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(text->isVisible());
    const QString html = QString(text->text()).remove(QStringLiteral("<br>"));
    for (const QSslCertificate &cert : {leaf, root}) {
        const CertificateSummary summary = CertificateSummary::fromCertificate(cert);
        QVERIFY2(html.contains(summary.sha256Fingerprint()), qPrintable(summary.subject()));
        QVERIFY2(html.contains(summary.subject().toHtmlEscaped()), qPrintable(summary.subject()));
    }
    QTest::mouseClick(toggle, Qt::LeftButton);
    QVERIFY(!text->isVisible());

    dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->setChecked(true);
    dialog.accept();
    QCOMPARE(dialog.acceptedFingerprint(), CertificateSummary::sha256(leaf));
}

void TestCertificateDialog::noCertificateCannotBeTrusted()
{
    CertificateDialog dialog(Host, untrusted({}));
    QVERIFY(!dialog.canBeTrusted());
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->isEnabled());
    QVERIFY(!dialog.findChild<QLabel *>(QStringLiteral("fingerprintText")));
    dialog.accept();
    QVERIFY(dialog.acceptedFingerprint().isEmpty());
}

void TestCertificateDialog::siteCaIsNamedAndItsChainShown()
{
    const QString host = QStringLiteral("qlikserver1.corp.example");
    const RequestFailure failure = siteFailure(host, true, false);
    QCOMPARE(failure.kind(), RequestFailure::Kind::TlsUntrusted);
    CertificateDialog dialog(host, failure);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    auto *note = dialog.findChild<QLabel *>(QStringLiteral("siteCaNote"));
    QVERIFY(note);
    QVERIFY2(note->text().contains(QLatin1String("QLIKSERVER1-CA")), qPrintable(note->text()));
    QVERIFY2(note->text().contains(QLatin1String("root.pem")), qPrintable(note->text()));
    QCOMPARE(dialog.findChild<QLabel *>(QStringLiteral("issuerText"))->text(), QStringLiteral("QLIKSERVER1-CA"));

    // Every certificate the server sent: subject, issuer, validity and SHA-256.
    dialog.findChild<QToolButton *>(QStringLiteral("chainToggle"))->click();
    const QString chain =
        dialog.findChild<QLabel *>(QStringLiteral("chainText"))->text().remove(QStringLiteral("<br>"));
    for (const QSslCertificate &cert : {m_server.certificate, m_siteCa.certificate}) {
        const CertificateSummary summary = CertificateSummary::fromCertificate(cert);
        QVERIFY2(chain.contains(summary.subject()), qPrintable(chain));
        QVERIFY2(chain.contains(summary.sha256Fingerprint()), qPrintable(chain));
        QVERIFY2(chain.contains(QString::number(summary.validUntil().toLocalTime().date().year())), qPrintable(chain));
    }
    QVERIFY2(chain.contains(QLatin1String("Issued by QLIKSERVER1-CA")), qPrintable(chain));
    QVERIFY2(chain.contains(QLatin1String("Issued by itself")), qPrintable(chain));
    // Collapsed again for the picture: the dialog opens that way.
    dialog.findChild<QToolButton *>(QStringLiteral("chainToggle"))->click();
    // Reached by its own name: no other name to offer.
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("useNameButton")));
    screenshot(&dialog, QStringLiteral("certificate-site-ca"));

    // A corporate or public issuer gets no such note.
    CertificateDialog other(Host, untrusted({certificate(LeafPem), certificate(RootCaPem)}));
    QVERIFY(!other.findChild<QLabel *>(QStringLiteral("siteCaNote")));
}

void TestCertificateDialog::trustTheCaTheServerSent()
{
    const QString host = QStringLiteral("qlikserver1.corp.example");
    CertificateDialog dialog(host, siteFailure(host, true, false));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *trustCa = dialog.findChild<QPushButton *>(QStringLiteral("trustCaButton"));
    auto *label = dialog.findChild<QLabel *>(QStringLiteral("authorityLabel"));
    QVERIFY(trustCa);
    QVERIFY(trustCa->text().contains(host));
    QVERIFY(!trustCa->autoDefault());
    QVERIFY2(label->text().contains(CertificateSummary::fromCertificate(m_siteCa.certificate).sha256Fingerprint()),
             qPrintable(label->text()));
    // The CA the server sent is only as good as the comparison of its fingerprint.
    QVERIFY(!trustCa->isEnabled());
    trustCa->click();
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(dialog.isVisible());

    dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->setChecked(true);
    QVERIFY(trustCa->isEnabled());
    QTest::mouseClick(trustCa, Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.decision(), CertificateDialog::Decision::TrustAuthority);
    QCOMPARE(dialog.acceptedAuthority(), m_siteCa.certificate);
    QVERIFY(dialog.acceptedFingerprint().isEmpty());
    QVERIFY(dialog.chosenName().isEmpty());
}

void TestCertificateDialog::loadRoot_data()
{
    QTest::addColumn<QString>("fileName");
    QTest::addColumn<bool>("der");
    QTest::newRow("root.pem") << QStringLiteral("root.pem") << false;
    QTest::newRow("root.cer (DER)") << QStringLiteral("root.cer") << true;
}

void TestCertificateDialog::loadRoot()
{
    QFETCH(QString, fileName);
    QFETCH(bool, der);
    const QString path = writeFile(fileName, der ? m_siteCa.certificate.toDer() : m_siteCa.certificate.toPem());
    QVERIFY(!path.isEmpty());

    const QString host = QStringLiteral("qlikserver1.corp.example");
    CertificateDialog dialog(host, siteFailure(host, false, false));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *trustCa = dialog.findChild<QPushButton *>(QStringLiteral("trustCaButton"));
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("rootStatusLabel"));
    QVERIFY(!trustCa->isEnabled()); // the server sent no CA
    QVERIFY(
        dialog.findChild<QLabel *>(QStringLiteral("authorityLabel"))->text().contains(QLatin1String("did not send")));
    QVERIFY(!status->isVisible());

    FileDialog::setNextFileName(path);
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("loadRootButton")), Qt::LeftButton);
    QVERIFY(status->isVisible());
    QVERIFY2(!status->property("problem").toBool(), qPrintable(status->text()));
    QVERIFY2(status->text().contains(fileName) && status->text().contains(QLatin1String("QLIKSERVER1-CA")),
             qPrintable(status->text()));
    // A root that proved it signed the certificate needs no fingerprint comparison.
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->isChecked());
    QVERIFY(trustCa->isEnabled());
    // Scrolled into view, however small the screen.
    dialog.adjustSize();
    const QWidget *viewport = dialog.findChild<QScrollArea *>(QStringLiteral("detailsArea"))->viewport();
    QTest::qWait(50); // the layout with the status text
    QVERIFY(viewport->rect().contains(QRect(trustCa->mapTo(viewport, QPoint(0, 0)), trustCa->size())));
    if (!der)
        screenshot(&dialog, QStringLiteral("certificate-root-loaded"));
    QTest::mouseClick(trustCa, Qt::LeftButton);
    QCOMPARE(dialog.decision(), CertificateDialog::Decision::TrustAuthority);
    QCOMPARE(dialog.acceptedAuthority(), m_siteCa.certificate);
}

void TestCertificateDialog::rootOfAnotherSiteIsRefused()
{
    // Same name, another key: the CA of a reinstalled or another site.
    const CertificateBuilder::Result other = authority(QStringLiteral("QLIKSERVER1-CA"));
    QVERIFY(!other.isNull());
    const QString path = writeFile(QStringLiteral("other-root.pem"), other.certificate.toPem());
    const QString host = QStringLiteral("qlikserver1.corp.example");
    CertificateDialog dialog(host, siteFailure(host, false, false));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    FileDialog::setNextFileName(path);
    dialog.findChild<QPushButton *>(QStringLiteral("loadRootButton"))->click();
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("rootStatusLabel"));
    QVERIFY(status->property("problem").toBool());
    QVERIFY2(status->text().contains(QLatin1String("did not issue this server's certificate")),
             qPrintable(status->text()));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("trustCaButton"))->isEnabled());
    screenshot(&dialog, QStringLiteral("certificate-root-refused"));
}

void TestCertificateDialog::fileWithoutCertificateIsRefused()
{
    const QString path = writeFile(QStringLiteral("client_key.pem"),
                                   "-----BEGIN PRIVATE KEY-----\nnot a real key\n-----END PRIVATE KEY-----\n");
    const QString host = QStringLiteral("qlikserver1.corp.example");
    CertificateDialog dialog(host, siteFailure(host, false, false));
    FileDialog::setNextFileName(path);
    dialog.findChild<QPushButton *>(QStringLiteral("loadRootButton"))->click();
    auto *status = dialog.findChild<QLabel *>(QStringLiteral("rootStatusLabel"));
    QVERIFY(status->property("problem").toBool());
    QVERIFY2(status->text().contains(QLatin1String("holds no certificate")), qPrintable(status->text()));
    QVERIFY(!status->text().contains(QLatin1String("not a real key")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("trustCaButton"))->isEnabled());
}

void TestCertificateDialog::loadingCancelledChangesNothing()
{
    const QString host = QStringLiteral("qlikserver1.corp.example");
    CertificateDialog dialog(host, siteFailure(host, false, false));
    FileDialog::setNextFileName(QString());
    dialog.findChild<QPushButton *>(QStringLiteral("loadRootButton"))->click();
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("rootStatusLabel"))->isHidden());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("trustCaButton"))->isEnabled());
}

void TestCertificateDialog::namesOfTheCertificateAreOffered()
{
    const QString byAddress = QStringLiteral("10.0.0.5");
    CertificateDialog dialog(byAddress, siteFailure(byAddress, true, true));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QList<QPushButton *> buttons = dialog.findChildren<QPushButton *>(QStringLiteral("useNameButton"));
    QStringList names;
    for (const QPushButton *button : buttons)
        names << button->property("certificateName").toString();
    // The wildcard names no one server.
    QCOMPARE(names, QStringList({QStringLiteral("qlikserver1.corp.example"), QStringLiteral("qlik.corp.example")}));
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("namesLabel"))->text().contains(byAddress));
    for (const QPushButton *button : buttons)
        QVERIFY(!button->autoDefault());
    screenshot(&dialog, QStringLiteral("certificate-names"));

    QSignalSpy chosen(&dialog, &CertificateDialog::nameChosen);
    QTest::mouseClick(buttons.at(1), Qt::LeftButton);
    QCOMPARE(chosen.size(), 1);
    QCOMPARE(chosen.first().first().toString(), QStringLiteral("qlik.corp.example"));
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.decision(), CertificateDialog::Decision::UseName);
    QCOMPARE(dialog.chosenName(), QStringLiteral("qlik.corp.example"));
    // Choosing a name trusts nothing.
    QVERIFY(dialog.acceptedFingerprint().isEmpty());
    QVERIFY(dialog.acceptedAuthority().isNull());
}

void TestCertificateDialog::expiredCertificateOffersNoTrust()
{
    CertificateDialog dialog(Host, untrusted({certificate(ExpiredPem), m_siteCa.certificate}));
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QVERIFY(!dialog.canBeTrusted());
    QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("validityNote"))->isVisible());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("trustButton"))->isVisible());
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("trustCheck"))->isVisible());
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("trustCaButton")));
    QVERIFY(!dialog.findChild<QPushButton *>(QStringLiteral("loadRootButton")));
    screenshot(&dialog, QStringLiteral("certificate-expired"));
    dialog.accept();
    QCOMPARE(dialog.decision(), CertificateDialog::Decision::None);
}

void TestCertificateDialog::mnemonicsAreUnique()
{
    const QString byAddress = QStringLiteral("10.0.0.5");
    CertificateDialog dialog(byAddress, siteFailure(byAddress, true, true));
    QMultiMap<QString, QString> found;
    const auto add = [&found](const QString &text) {
        const QString key = QKeySequence::mnemonic(text).toString();
        if (!key.isEmpty())
            found.insert(key, text);
    };
    for (const QAbstractButton *button : dialog.findChildren<QAbstractButton *>())
        add(button->text());
    for (const QLabel *label : dialog.findChildren<QLabel *>()) {
        if (label->buddy())
            add(label->text());
    }
    QVERIFY(found.size() >= 4);
    for (const QString &key : found.uniqueKeys())
        QVERIFY2(found.count(key) == 1, qPrintable(key + QStringLiteral(": ") + found.values(key).join(u'|')));
}

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
