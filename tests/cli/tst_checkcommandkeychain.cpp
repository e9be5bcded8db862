// `dawiso-qlik-setup check` without --token-stdin: the key comes from the keychain entry the wizard writes for the
// host, in the test's own Secret Service. Every run is searched for the key (CheckProcess).
#include "CheckProcess.h"
#include "SecretJobOutcome.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;
using Test::CheckProcess;

namespace {

constexpr int KeychainWaitMs = 60000; // a keychain on a loaded machine can be slow; only a hang should fail

} // namespace

class TestCheckCommandKeychain : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void storedKeyIsUsed_data();
    void storedKeyIsUsed();
    void noStoredKeyIsAUsageError();

private:
    SecretStoreError runJob(SecretStoreJob *job);
    QString entry() const { return SecretEntryName::forHost(DeploymentKind::QlikCloud, m_simulator->hostAndPort()); }
    QStringList arguments(const QString &host) const;

    QTemporaryDir m_dir;
    QString m_pem;
    KeychainSecretStore m_store;
    CheckProcess m_process;
    std::unique_ptr<QlikSimulator> m_simulator;
};

SecretStoreError TestCheckCommandKeychain::runJob(SecretStoreJob *job)
{
    const auto outcome = SecretJobOutcome::watch(job);
    if (!QTest::qWaitFor([&outcome] { return outcome->finishedCount > 0; }, KeychainWaitMs))
        return SecretStoreError::TimedOut;
    return outcome->error;
}

QStringList TestCheckCommandKeychain::arguments(const QString &host) const
{
    return {QStringLiteral("check"),    QStringLiteral("--host"), host, QStringLiteral("--ca-file"), m_pem,
            QStringLiteral("--format"), QStringLiteral("json")};
}

void TestCheckCommandKeychain::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run through ctest: the test needs its own session bus with gnome-keyring.");
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(DQS_EXECUTABLE_PATH)));
}

void TestCheckCommandKeychain::init()
{
    m_simulator = std::make_unique<QlikSimulator>();
    QVERIFY(m_simulator->start());
    m_process.addSecret(m_simulator->sampleToken(SampleKey::Healthy));
    m_pem = m_dir.filePath(QStringLiteral("simulator-%1.pem").arg(m_simulator->port()));
    QFile pem(m_pem);
    QVERIFY(pem.open(QIODevice::WriteOnly));
    QVERIFY(pem.write(m_simulator->certificatePem()) > 0);
}

void TestCheckCommandKeychain::cleanup()
{
    // The keyring lives in the test's HOME and survives runs: leave no entry behind.
    if (m_simulator)
        QCOMPARE(runJob(m_store.deleteSecret(entry())), SecretStoreError::None);
    m_simulator.reset();
}

void TestCheckCommandKeychain::storedKeyIsUsed_data()
{
    QTest::addColumn<QString>("host"); // HOST: the simulator's host:port
    QTest::newRow("as stored") << QStringLiteral("HOST");
    QTest::newRow("as pasted from the browser") << QStringLiteral("https://HOST/hub/spaces");
}

void TestCheckCommandKeychain::storedKeyIsUsed()
{
    QFETCH(QString, host);
    host.replace(QStringLiteral("HOST"), m_simulator->hostAndPort().toUpper());
    // What the wizard stores after the key page.
    QCOMPARE(runJob(m_store.writeSecret(entry(), m_simulator->sampleToken(SampleKey::Healthy))),
             SecretStoreError::None);

    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments(host), {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject user = result.json().value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), m_simulator->sampleUserId(SampleKey::Healthy));
    QVERIFY(!user.value(QStringLiteral("name")).toString().isEmpty());
    QCOMPARE(result.json().value(QStringLiteral("host")).toString(), m_simulator->hostAndPort());
}

void TestCheckCommandKeychain::noStoredKeyIsAUsageError()
{
    QCOMPARE(runJob(m_store.deleteSecret(entry())), SecretStoreError::None);
    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments(m_simulator->hostAndPort()), {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == 2, result.describe().constData());
    QVERIFY(result.out.isEmpty());
    const QString expected = QStringLiteral("No key is stored for %1 on this computer. Run the wizard, or pipe the key "
                                            "to --token-stdin.")
                                 .arg(m_simulator->hostAndPort());
    QVERIFY2(QString::fromUtf8(result.err).contains(expected), result.describe().constData());
    QCOMPARE(m_simulator->requests().size(), 0);
}

QTEST_GUILESS_MAIN(TestCheckCommandKeychain)
#include "tst_checkcommandkeychain.moc"
