#include "dialogs/CertificateDialog.h"
#include "net/CertificateSummary.h"
#include "net/RequestFailure.h"

#include <QCheckBox>
#include <QClipboard>
#include <QCryptographicHash>
#include <QFontInfo>
#include <QGuiApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslError>
#include <QTest>
#include <QToolButton>

using Dawiso::CertificateDialog;
using Dawiso::CertificateSummary;
using Dawiso::RequestFailure;

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

private:
    QSslCertificate m_selfSigned;
};

void TestCertificateDialog::initTestCase()
{
    m_selfSigned = certificate(SelfSignedPem);
    QVERIFY(!m_selfSigned.isNull());
    for (const char *pem : {RootCaPem, LeafPem, ExpiredPem, NotYetValidPem})
        QVERIFY(!certificate(pem).isNull());
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

QTEST_MAIN(TestCertificateDialog)
#include "tst_certificatedialog.moc"
