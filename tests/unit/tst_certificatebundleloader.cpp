// Reading a Qlik Sense Enterprise certificate export: the PEM trio and the Windows .pfx, and one plain sentence for
// each field that was filled in wrong. The files are made at test time in a temporary directory.
#include "CertificateFiles.h"
#include "qrs/CertificateBundleLoader.h"

#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Slot = CertificateBundleLoader::Slot;
using Test::CertificateFiles;

namespace {

const QByteArray passphrase = QByteArrayLiteral("export-password");

// Every problem the loader found, a line each, for a failure message.
QString problemLines(const CertificateBundleLoader::Result &result)
{
    QStringList lines;
    for (const QString &problem : result.problems)
        lines << problem;
    return lines.join(QLatin1Char('\n'));
}

} // namespace

class TestCertificateBundleLoader : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void rsaPemExportLoads();
    void ecPemExportLoads();
    void rootCerInDerLoads();
    void encryptedKeyNeedsTheRightPassphrase_data();
    void encryptedKeyNeedsTheRightPassphrase();
    void keyInTheCertificateSlot();
    void certificateInTheKeySlot();
    void derCertificateWherePemIsExpected();
    void keyOfAnotherCertificate();
    void expiredAndNotYetValidCertificates();
    void certificateNotIssuedByTheRoot();
    void clientCertificateChosenAsRoot();
    void emptyAndMissingFiles();
    void pfxLoadsWithItsPassword();
    void pfxWithoutOrWithAWrongPassword();
    void pemFileChosenAsPfx();

private:
    QString file(const QString &name, const QByteArray &contents);

    QTemporaryDir m_directory;
    CertificateFiles::Identity m_authority;
    CertificateFiles::Identity m_otherAuthority;
    CertificateFiles::Identity m_rsaClient;
    CertificateFiles::Identity m_ecClient;
    CertificateFiles::Identity m_otherClient;
};

void TestCertificateBundleLoader::initTestCase()
{
    QVERIFY(m_directory.isValid());
    m_authority = CertificateFiles::authority(QStringLiteral("QLIKSERVER1-CA"));
    QVERIFY2(!m_authority.isNull(), qPrintable(m_authority.errorString));
    m_otherAuthority = CertificateFiles::authority(QStringLiteral("OTHERSERVER-CA"));
    QVERIFY2(!m_otherAuthority.isNull(), qPrintable(m_otherAuthority.errorString));
    m_rsaClient = CertificateFiles::rsaClient(m_authority, QStringLiteral("QlikClient"));
    QVERIFY2(!m_rsaClient.isNull(), qPrintable(m_rsaClient.errorString));
    m_ecClient = CertificateFiles::ecClient(m_authority, QStringLiteral("QlikClient"));
    QVERIFY2(!m_ecClient.isNull(), qPrintable(m_ecClient.errorString));
    m_otherClient = CertificateFiles::rsaClient(m_otherAuthority, QStringLiteral("QlikClient"));
    QVERIFY2(!m_otherClient.isNull(), qPrintable(m_otherClient.errorString));
}

QString TestCertificateBundleLoader::file(const QString &name, const QByteArray &contents)
{
    const QString path = m_directory.filePath(name);
    if (!CertificateFiles::write(path, contents))
        qWarning("could not write %s", qPrintable(path));
    return path;
}

void TestCertificateBundleLoader::rsaPemExportLoads()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()),
                                         file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()),
                                         file(QStringLiteral("root.pem"), m_authority.certificate.toPem()), {});
    QVERIFY2(result.isValid(), qPrintable(problemLines(result)));
    QCOMPARE(result.bundle.clientCertificate(), m_rsaClient.certificate);
    QCOMPARE(result.bundle.privateKey(), m_rsaClient.key);
    QCOMPARE(result.bundle.caCertificates(), QList<QSslCertificate> {m_authority.certificate});
}

void TestCertificateBundleLoader::ecPemExportLoads()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("ec.pem"), m_ecClient.certificate.toPem()),
                                         file(QStringLiteral("ec_key.pem"), m_ecClient.key.toPem()),
                                         file(QStringLiteral("root.pem"), m_authority.certificate.toPem()), {});
    QVERIFY2(result.isValid(), qPrintable(problemLines(result)));
    QCOMPARE(result.bundle.privateKey(), m_ecClient.key);
}

void TestCertificateBundleLoader::rootCerInDerLoads()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()),
                                         file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()),
                                         file(QStringLiteral("root.cer"), m_authority.certificate.toDer()), {});
    QVERIFY2(result.isValid(), qPrintable(problemLines(result)));
    QCOMPARE(result.bundle.caCertificates(), QList<QSslCertificate> {m_authority.certificate});
}

void TestCertificateBundleLoader::encryptedKeyNeedsTheRightPassphrase_data()
{
    QTest::addColumn<bool>("legacy");
    QTest::newRow("PKCS#8 ENCRYPTED PRIVATE KEY") << false;
    QTest::newRow("RSA PRIVATE KEY with Proc-Type") << true;
}

void TestCertificateBundleLoader::encryptedKeyNeedsTheRightPassphrase()
{
    QFETCH(bool, legacy);
    const QByteArray encrypted = legacy ? CertificateFiles::encryptedLegacy(m_rsaClient.key, passphrase)
                                        : CertificateFiles::encryptedPkcs8(m_rsaClient.key, passphrase);
    QVERIFY(encrypted.contains(legacy ? "Proc-Type: 4,ENCRYPTED" : "BEGIN ENCRYPTED PRIVATE KEY"));
    const QString certificate = file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem());
    const QString key = file(QStringLiteral("client_key.pem"), encrypted);
    const QString root = file(QStringLiteral("root.pem"), m_authority.certificate.toPem());

    const auto opened = CertificateBundleLoader::fromPem(certificate, key, root, passphrase);
    QVERIFY2(opened.isValid(), qPrintable(problemLines(opened)));
    QCOMPARE(opened.bundle.privateKey(), m_rsaClient.key);

    const auto without = CertificateBundleLoader::fromPem(certificate, key, root, {});
    QVERIFY(!without.isValid());
    QCOMPARE(without.problems.keys(), QList<Slot> {Slot::Passphrase});
    QVERIFY2(without.problem(Slot::Passphrase).contains(QLatin1String("protected by a password")),
             qPrintable(without.problem(Slot::Passphrase)));

    const auto wrong = CertificateBundleLoader::fromPem(certificate, key, root, QByteArrayLiteral("not-it"));
    QVERIFY(!wrong.isValid());
    QCOMPARE(wrong.problems.keys(), QList<Slot> {Slot::Passphrase});
    QVERIFY2(wrong.problem(Slot::Passphrase).contains(QLatin1String("does not open client_key.pem")),
             qPrintable(wrong.problem(Slot::Passphrase)));
    QVERIFY(!wrong.problem(Slot::Passphrase).contains(QLatin1String("not-it")));
}

void TestCertificateBundleLoader::keyInTheCertificateSlot()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()),
                                         file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()),
                                         file(QStringLiteral("root.pem"), m_authority.certificate.toPem()), {});
    QCOMPARE(result.problems.keys(), QList<Slot> {Slot::Certificate});
    QVERIFY2(result.problem(Slot::Certificate).contains(QLatin1String("holds a private key, not the certificate")),
             qPrintable(result.problem(Slot::Certificate)));
    QVERIFY(result.problem(Slot::Certificate).contains(QLatin1String("client.pem")));
    QVERIFY(result.bundle.isNull());
}

void TestCertificateBundleLoader::certificateInTheKeySlot()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()),
                                         file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()),
                                         file(QStringLiteral("root.pem"), m_authority.certificate.toPem()), {});
    QCOMPARE(result.problems.keys(), QList<Slot> {Slot::Key});
    QVERIFY2(result.problem(Slot::Key).contains(QLatin1String("holds a certificate, not the private key")),
             qPrintable(result.problem(Slot::Key)));
}

void TestCertificateBundleLoader::derCertificateWherePemIsExpected()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.der"), m_rsaClient.certificate.toDer()),
                                         file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()),
                                         file(QStringLiteral("root.pem"), m_authority.certificate.toPem()), {});
    QCOMPARE(result.problems.keys(), QList<Slot> {Slot::Certificate});
    QVERIFY2(result.problem(Slot::Certificate).contains(QLatin1String("binary (DER)")),
             qPrintable(result.problem(Slot::Certificate)));

    const auto derKey =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()),
                                         file(QStringLiteral("client_key.der"), m_rsaClient.key.toDer()),
                                         file(QStringLiteral("root.pem"), m_authority.certificate.toPem()), {});
    QCOMPARE(derKey.problems.keys(), QList<Slot> {Slot::Key});
    QVERIFY2(derKey.problem(Slot::Key).contains(QLatin1String("not a private key in PEM form")),
             qPrintable(derKey.problem(Slot::Key)));
}

void TestCertificateBundleLoader::keyOfAnotherCertificate()
{
    const QString root = file(QStringLiteral("root.pem"), m_authority.certificate.toPem());
    // The same algorithm: only the public key tells them apart.
    const CertificateFiles::Identity sibling = CertificateFiles::rsaClient(m_authority, QStringLiteral("QlikClient"));
    QVERIFY(!sibling.isNull());
    const auto rsa =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()),
                                         file(QStringLiteral("client_key.pem"), sibling.key.toPem()), root, {});
    QCOMPARE(rsa.problems.keys(), QList<Slot> {Slot::Key});
    QVERIFY2(rsa.problem(Slot::Key).contains(QLatin1String("does not belong to the client certificate")),
             qPrintable(rsa.problem(Slot::Key)));

    const CertificateFiles::Identity ecSibling = CertificateFiles::ecClient(m_authority, QStringLiteral("QlikClient"));
    const auto ec =
        CertificateBundleLoader::fromPem(file(QStringLiteral("ec.pem"), m_ecClient.certificate.toPem()),
                                         file(QStringLiteral("ec_key.pem"), ecSibling.key.toPem()), root, {});
    QCOMPARE(ec.problems.keys(), QList<Slot> {Slot::Key});

    const auto mixed =
        CertificateBundleLoader::fromPem(file(QStringLiteral("ec.pem"), m_ecClient.certificate.toPem()),
                                         file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()), root, {});
    QCOMPARE(mixed.problems.keys(), QList<Slot> {Slot::Key});
}

void TestCertificateBundleLoader::expiredAndNotYetValidCertificates()
{
    const QString root = file(QStringLiteral("root.pem"), m_authority.certificate.toPem());
    const CertificateFiles::Identity expired =
        CertificateFiles::rsaClient(m_authority, QStringLiteral("QlikClient"), -60, -1);
    QVERIFY(!expired.isNull());
    const auto old =
        CertificateBundleLoader::fromPem(file(QStringLiteral("expired_client.pem"), expired.certificate.toPem()),
                                         file(QStringLiteral("expired_client_key.pem"), expired.key.toPem()), root, {});
    QCOMPARE(old.problems.keys(), QList<Slot> {Slot::Certificate});
    QVERIFY2(old.problem(Slot::Certificate).contains(QLatin1String("expired on")),
             qPrintable(old.problem(Slot::Certificate)));
    QVERIFY(old.problem(Slot::Certificate).contains(QLatin1String("Export new certificates")));

    const CertificateFiles::Identity future =
        CertificateFiles::rsaClient(m_authority, QStringLiteral("QlikClient"), 2, 30);
    QVERIFY(!future.isNull());
    const auto early =
        CertificateBundleLoader::fromPem(file(QStringLiteral("future.pem"), future.certificate.toPem()),
                                         file(QStringLiteral("future_key.pem"), future.key.toPem()), root, {});
    QCOMPARE(early.problems.keys(), QList<Slot> {Slot::Certificate});
    QVERIFY2(early.problem(Slot::Certificate).contains(QLatin1String("valid only from")),
             qPrintable(early.problem(Slot::Certificate)));
}

void TestCertificateBundleLoader::certificateNotIssuedByTheRoot()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("other_client.pem"), m_otherClient.certificate.toPem()),
                                         file(QStringLiteral("other_client_key.pem"), m_otherClient.key.toPem()),
                                         file(QStringLiteral("root.pem"), m_authority.certificate.toPem()), {});
    QCOMPARE(result.problems.keys(), QList<Slot> {Slot::Root});
    QVERIFY2(result.problem(Slot::Root).contains(QLatin1String("did not issue the client certificate")),
             qPrintable(result.problem(Slot::Root)));

    // The same issuer name on another key is not the issuer either.
    const CertificateFiles::Identity namesake = CertificateFiles::authority(QStringLiteral("QLIKSERVER1-CA"));
    const auto sameName =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()),
                                         file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()),
                                         file(QStringLiteral("root.pem"), namesake.certificate.toPem()), {});
    QCOMPARE(sameName.problems.keys(), QList<Slot> {Slot::Root});
}

void TestCertificateBundleLoader::clientCertificateChosenAsRoot()
{
    const QString client = file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem());
    const auto result = CertificateBundleLoader::fromPem(
        client, file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()), client, {});
    QCOMPARE(result.problems.keys(), QList<Slot> {Slot::Root});
    QVERIFY2(result.problem(Slot::Root).contains(QLatin1String("This is the client certificate, not the root")),
             qPrintable(result.problem(Slot::Root)));

    const auto keyAsRoot =
        CertificateBundleLoader::fromPem(client, file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()),
                                         file(QStringLiteral("client_key.pem"), m_rsaClient.key.toPem()), {});
    QCOMPARE(keyAsRoot.problems.keys(), QList<Slot> {Slot::Root});
    QVERIFY(keyAsRoot.problem(Slot::Root).contains(QLatin1String("not the root certificate")));
}

void TestCertificateBundleLoader::emptyAndMissingFiles()
{
    const auto result =
        CertificateBundleLoader::fromPem(file(QStringLiteral("client.pem"), QByteArray("\n")),
                                         m_directory.filePath(QStringLiteral("missing_key.pem")), QString(), {});
    QCOMPARE(result.problems.keys(), (QList<Slot> {Slot::Certificate, Slot::Key, Slot::Root}));
    QVERIFY2(result.problem(Slot::Certificate).contains(QLatin1String("client.pem is empty")),
             qPrintable(result.problem(Slot::Certificate)));
    QVERIFY2(result.problem(Slot::Key).contains(QLatin1String("missing_key.pem could not be read")),
             qPrintable(result.problem(Slot::Key)));
    QVERIFY2(result.problem(Slot::Root).contains(QLatin1String("No file was chosen")),
             qPrintable(result.problem(Slot::Root)));
}

void TestCertificateBundleLoader::pfxLoadsWithItsPassword()
{
    const QString pfx = file(QStringLiteral("client.pfx"),
                             CertificateFiles::pkcs12(m_rsaClient, {m_authority.certificate}, passphrase));
    const auto carried = CertificateBundleLoader::fromPkcs12(pfx, passphrase);
    QVERIFY2(carried.isValid(), qPrintable(problemLines(carried)));
    QCOMPARE(carried.bundle.clientCertificate(), m_rsaClient.certificate);
    QCOMPARE(carried.bundle.privateKey(), m_rsaClient.key);
    QCOMPARE(carried.bundle.caCertificates(), QList<QSslCertificate> {m_authority.certificate});

    // The Windows export: client.pfx and root.cer apart.
    const QString bare = file(QStringLiteral("bare.pfx"), CertificateFiles::pkcs12(m_rsaClient, {}, passphrase));
    const auto separate = CertificateBundleLoader::fromPkcs12(
        bare, passphrase, file(QStringLiteral("root.cer"), m_authority.certificate.toDer()));
    QVERIFY2(separate.isValid(), qPrintable(problemLines(separate)));
    QCOMPARE(separate.bundle.caCertificates(), QList<QSslCertificate> {m_authority.certificate});

    const auto noRoot = CertificateBundleLoader::fromPkcs12(bare, passphrase);
    QCOMPARE(noRoot.problems.keys(), QList<Slot> {Slot::Root});
}

void TestCertificateBundleLoader::pfxWithoutOrWithAWrongPassword()
{
    const QString pfx = file(QStringLiteral("client.pfx"),
                             CertificateFiles::pkcs12(m_rsaClient, {m_authority.certificate}, passphrase));
    const auto without = CertificateBundleLoader::fromPkcs12(pfx, {});
    QCOMPARE(without.problems.keys(), QList<Slot> {Slot::Passphrase});
    QVERIFY2(without.problem(Slot::Passphrase).contains(QLatin1String("protected by a password")),
             qPrintable(without.problem(Slot::Passphrase)));
    const auto wrong = CertificateBundleLoader::fromPkcs12(pfx, QByteArrayLiteral("not-it"));
    QCOMPARE(wrong.problems.keys(), QList<Slot> {Slot::Passphrase});
    QVERIFY2(wrong.problem(Slot::Passphrase).contains(QLatin1String("does not open client.pfx")),
             qPrintable(wrong.problem(Slot::Passphrase)));
}

void TestCertificateBundleLoader::pemFileChosenAsPfx()
{
    const auto result = CertificateBundleLoader::fromPkcs12(
        file(QStringLiteral("client.pem"), m_rsaClient.certificate.toPem()), passphrase);
    QCOMPARE(result.problems.keys(), QList<Slot> {Slot::Certificate});
    QVERIFY2(result.problem(Slot::Certificate).contains(QLatin1String("PEM file, not a .pfx")),
             qPrintable(result.problem(Slot::Certificate)));
}

QTEST_GUILESS_MAIN(TestCertificateBundleLoader)
#include "tst_certificatebundleloader.moc"
