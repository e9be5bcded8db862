// The signing plugin of the build tree, loaded as the program loads it (SigningKeyLoader): the key pair it makes and
// the tokens it signs, checked with the independent openssl command. Only the certificate, the signing input and the
// signature are written to files; the private key and the token stay in memory and are never printed.
#include "signing/JsonWebToken.h"
#include "signing/SigningKeyLoader.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;

namespace {

const QString PluginDir = QStringLiteral(DQS_SIGNING_PLUGIN_BUILD_DIR);

struct Run
{
    int exitCode = -1;
    QByteArray output; // standard output and error
};

Run openssl(const QStringList &arguments, const QByteArray &input = QByteArray())
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), arguments);
    if (!process.waitForStarted(30000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60000) || process.exitStatus() != QProcess::NormalExit)
        return {};
    return {process.exitCode(), process.readAll()};
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size();
}

} // namespace

class TestSigningPlugin : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void keyPairIsRsa3072WithASelfSignedCertificate();
    void everyKeyPairIsNew();
    void signedTokenVerifiesWithOpenssl();
    void onlyAnRsaPrivateKeySigns();
    void refusesAKeyPairWithoutNameOrDays();
    void missingPluginIsExplainedInPlainWords();

private:
    std::unique_ptr<SigningKeyMaker> m_maker;
    std::optional<SigningKeyPair> m_pair;
};

void TestSigningPlugin::initTestCase()
{
    QVERIFY2(openssl({QStringLiteral("version")}).exitCode == 0,
             "The openssl command is needed (scripts/install-deps)");
    QString problem;
    m_maker = SigningKeyLoader::load({PluginDir}, &problem);
    QVERIFY2(m_maker, qPrintable(problem));
    m_pair = m_maker->makeKeyPair(QStringLiteral("Dawiso JWT qlikserver1.corp.example"), 365, &problem);
    QVERIFY2(m_pair, qPrintable(problem));
}

void TestSigningPlugin::keyPairIsRsa3072WithASelfSignedCertificate()
{
    // Unencrypted PKCS#8; compared without printing it.
    const bool pkcs8 = m_pair->privateKeyPem.startsWith("-----BEGIN PRIVATE KEY-----\n")
        && m_pair->privateKeyPem.trimmed().endsWith("-----END PRIVATE KEY-----");
    QVERIFY(pkcs8);

    const Run text =
        openssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text")}, m_pair->certificatePem);
    QCOMPARE(text.exitCode, 0);
    for (const char *expected : {"Public-Key: (3072 bit)", "Signature Algorithm: sha256WithRSAEncryption",
                                 "Subject: CN = Dawiso JWT qlikserver1.corp.example",
                                 "Issuer: CN = Dawiso JWT qlikserver1.corp.example", "CA:FALSE", "Digital Signature"})
        QVERIFY2(text.output.contains(expected), expected);

    // Self-signed: the certificate's own public key verifies its signature.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certificate = dir.filePath(QStringLiteral("certificate.pem"));
    QVERIFY(writeFile(certificate, m_pair->certificatePem));
    const Run verified = openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), certificate,
                                  QStringLiteral("-check_ss_sig"), QStringLiteral("-partial_chain"), certificate});
    QVERIFY2(verified.exitCode == 0, verified.output.constData());

    const QSslCertificate parsed(m_pair->certificatePem, QSsl::Pem);
    QVERIFY(!parsed.isNull());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    // From an hour ago, so that a proxy whose clock is behind ours accepts it at once.
    QVERIFY2(qAbs(parsed.effectiveDate().secsTo(now.addSecs(-3600))) < 300,
             qPrintable(parsed.effectiveDate().toString(Qt::ISODate)));
    QVERIFY2(qAbs(parsed.expiryDate().secsTo(now.addDays(365))) < 300,
             qPrintable(parsed.expiryDate().toString(Qt::ISODate)));
}

void TestSigningPlugin::everyKeyPairIsNew()
{
    QString problem;
    const std::optional<SigningKeyPair> other = m_maker->makeKeyPair(QStringLiteral("other"), 1, &problem);
    QVERIFY2(other, qPrintable(problem));
    const bool differs = other->privateKeyPem != m_pair->privateKeyPem;
    QVERIFY(differs);
    QVERIFY(other->certificatePem != m_pair->certificatePem);
}

void TestSigningPlugin::signedTokenVerifiesWithOpenssl()
{
    JwtClaims claims;
    claims.userId = QStringLiteral("svc_dawiso");
    claims.userDirectory = QStringLiteral("CORP");
    claims.issuedAt = QDateTime::currentDateTimeUtc();
    claims.expiresAt = claims.issuedAt.addDays(30);
    claims.jti = QStringLiteral("test-token");
    QString problem;
    const QByteArray token = JsonWebToken::sign(claims, m_pair->privateKeyPem, *m_maker, &problem);
    QVERIFY2(!token.isEmpty(), qPrintable(problem));
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const QByteArray signature = QByteArray::fromBase64(parts.at(2), QByteArray::Base64UrlEncoding);
    QCOMPARE(signature.size(), 3072 / 8);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString certificate = dir.filePath(QStringLiteral("certificate.pem"));
    const QString publicKey = dir.filePath(QStringLiteral("pub.pem"));
    const QString signatureFile = dir.filePath(QStringLiteral("sig.bin"));
    const QString data = dir.filePath(QStringLiteral("data.txt"));
    QVERIFY(writeFile(certificate, m_pair->certificatePem));
    QVERIFY(writeFile(signatureFile, signature));
    QVERIFY(writeFile(data, parts.at(0) + '.' + parts.at(1)));
    const Run extracted =
        openssl({QStringLiteral("x509"), QStringLiteral("-in"), certificate, QStringLiteral("-pubkey"),
                 QStringLiteral("-noout"), QStringLiteral("-out"), publicKey});
    QVERIFY2(extracted.exitCode == 0, extracted.output.constData());

    const QStringList verify {QStringLiteral("dgst"),
                              QStringLiteral("-sha256"),
                              QStringLiteral("-verify"),
                              publicKey,
                              QStringLiteral("-signature"),
                              signatureFile,
                              data};
    const Run verified = openssl(verify);
    QVERIFY2(verified.exitCode == 0, verified.output.constData());
    QVERIFY(verified.output.contains("Verified OK"));

    // The same signature over one changed byte fails: openssl really checks.
    QByteArray changed = parts.at(0) + '.' + parts.at(1);
    changed[changed.size() - 1] = changed.at(changed.size() - 1) == 'A' ? 'B' : 'A';
    QVERIFY(writeFile(data, changed));
    const Run refused = openssl(verify);
    QVERIFY(refused.exitCode != 0);
    QVERIFY2(refused.output.contains("Verification failure"), refused.output.constData());
}

void TestSigningPlugin::onlyAnRsaPrivateKeySigns()
{
    QString problem;
    QVERIFY(m_maker->signRs256(QByteArrayLiteral("not a key"), "data", &problem).isEmpty());
    QVERIFY(!problem.isEmpty());

    // An EC key, made in memory by openssl (its standard output), is not an RS256 key.
    const Run ec = openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"),
                            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256")});
    QCOMPARE(ec.exitCode, 0);
    problem.clear();
    QVERIFY(m_maker->signRs256(ec.output, "data", &problem).isEmpty());
    QVERIFY(!problem.isEmpty());

    // The certificate alone (a public key) signs nothing either.
    problem.clear();
    QVERIFY(m_maker->signRs256(m_pair->certificatePem, "data", &problem).isEmpty());
    QVERIFY(!problem.isEmpty());

    // The pair's own key does.
    problem.clear();
    QCOMPARE(m_maker->signRs256(m_pair->privateKeyPem, "data", &problem).size(), 3072 / 8);
}

void TestSigningPlugin::refusesAKeyPairWithoutNameOrDays()
{
    QString problem;
    QVERIFY(!m_maker->makeKeyPair(QStringLiteral("  "), 365, &problem));
    QVERIFY(!problem.isEmpty());
    problem.clear();
    QVERIFY(!m_maker->makeKeyPair(QStringLiteral("Dawiso"), 0, &problem));
    QVERIFY(!problem.isEmpty());
}

void TestSigningPlugin::missingPluginIsExplainedInPlainWords()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    QString problem;
    QVERIFY(!SigningKeyLoader::load({empty.path()}, &problem));
    QVERIFY2(problem.contains(QLatin1String("Reinstall")), qPrintable(problem));
    QVERIFY2(!problem.contains(empty.path()) && !problem.contains(SigningKeyLoader::fileName()), qPrintable(problem));

    // A file of that name that is not the plugin is explained the same way.
    QVERIFY(writeFile(QDir(empty.path()).filePath(SigningKeyLoader::fileName()), "not a library"));
    problem.clear();
    QVERIFY(!SigningKeyLoader::load({empty.path()}, &problem));
    QVERIFY2(problem.contains(QLatin1String("Reinstall")), qPrintable(problem));
}

QTEST_GUILESS_MAIN(TestSigningPlugin)
#include "tst_signingplugin.moc"
