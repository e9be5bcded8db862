// `dawiso-qlik-setup check --all`, and `check --host` with a saved connection's stored key: the real executable checks
// the connections of the index this test writes (a private XDG_CONFIG_HOME), each with the key the test's own
// Secret Service holds for it, against simulated tenants over loopback HTTPS, and remembers each verdict in the
// index. Every run is searched for the keys (CheckProcess).
#include "CheckProcess.h"
#include "SecretJobOutcome.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;
using Test::CheckProcess;

namespace {

constexpr int KeychainWaitMs = 60000; // a keychain on a loaded machine can be slow; only a hang should fail

enum ExitStatus {
    Usable = 0,
    Blocked = 1,
    UsageError = 2,
    Unreachable = 3,
};

// The connections of the tests, by letter: A a healthy key, B a revoked key (its own tenant), C a good key for a
// closed port, D a saved connection whose keychain entry is gone.
struct Expected
{
    int status;
    SavedConnection::LastCheck lastCheck;
};

const QMap<QChar, Expected> expectedOf {
    {QLatin1Char('A'), {Usable, SavedConnection::LastCheck::Usable}},
    {QLatin1Char('B'), {Blocked, SavedConnection::LastCheck::Blocked}},
    {QLatin1Char('C'), {Unreachable, SavedConnection::LastCheck::Unreachable}},
    {QLatin1Char('D'), {Blocked, SavedConnection::LastCheck::Blocked}},
};

QString closedPort()
{
    QTcpServer server;
    if (!server.listen(QHostAddress::LocalHost))
        return {};
    const QString host = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
    server.close();
    return host;
}

} // namespace

class TestCheckAllCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void everyConnectionIsCheckedAndRemembered();
    void worstStatus_data();
    void worstStatus();
    void nothingSavedIsAUsageError();
    void usageErrors_data();
    void usageErrors();
    void keychainOutOfReachChecksNothing();
    void checkOfOneHostIsRemembered();
    void interruptStopsTheRun();

private:
    SecretStoreError runJob(SecretStoreJob *job);
    // Saves connection `letter` in the index and, but for D, its key in the keychain.
    void save(QChar letter);
    QStringList allArguments(bool json) const;
    std::optional<SavedConnection> saved(QChar letter) const;

    QTemporaryDir m_dir;
    QString m_pem;
    KeychainSecretStore m_store;
    CheckProcess m_process;
    std::unique_ptr<QlikSimulator> m_healthy;
    std::unique_ptr<QlikSimulator> m_revoked;
    QMap<QChar, QString> m_hosts;
};

SecretStoreError TestCheckAllCommand::runJob(SecretStoreJob *job)
{
    const auto outcome = SecretJobOutcome::watch(job);
    if (!QTest::qWaitFor([&outcome] { return outcome->finishedCount > 0; }, KeychainWaitMs))
        return SecretStoreError::TimedOut;
    return outcome->error;
}

void TestCheckAllCommand::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run through ctest: the test needs its own session bus with gnome-keyring.");
    QVERIFY(m_dir.isValid());
    // The child and this test share a private settings folder: the index written here is the one it checks.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
    QCoreApplication::setOrganizationName(QStringLiteral("Dawiso"));
    QCoreApplication::setApplicationName(QStringLiteral("Qlik Setup"));
    QVERIFY(QFile::exists(QStringLiteral(DQS_EXECUTABLE_PATH)));
}

void TestCheckAllCommand::init()
{
    m_healthy = std::make_unique<QlikSimulator>();
    QVERIFY(m_healthy->start());
    m_revoked = std::make_unique<QlikSimulator>();
    QVERIFY(m_revoked->start());
    for (const auto &simulator : {m_healthy.get(), m_revoked.get()}) {
        for (const SampleKey key : {SampleKey::Healthy, SampleKey::Revoked})
            m_process.addSecret(simulator->sampleToken(key));
    }
    m_hosts = {{QLatin1Char('A'), m_healthy->hostAndPort()},
               {QLatin1Char('B'), m_revoked->hostAndPort()},
               {QLatin1Char('C'), closedPort()},
               {QLatin1Char('D'), closedPort()}};
    QVERIFY(!m_hosts.value(QLatin1Char('C')).isEmpty() && !m_hosts.value(QLatin1Char('D')).isEmpty());
    // Both tenants' certificates in one file, as a company's CA bundle.
    m_pem = m_dir.filePath(QStringLiteral("simulators-%1.pem").arg(m_healthy->port()));
    QFile pem(m_pem);
    QVERIFY(pem.open(QIODevice::WriteOnly));
    QVERIFY(pem.write(m_healthy->certificatePem() + '\n' + m_revoked->certificatePem()) > 0);
}

void TestCheckAllCommand::cleanup()
{
    // The keyring lives in the test's HOME and survives runs: leave no entry behind.
    for (const QString &host : std::as_const(m_hosts)) {
        QCOMPARE(runJob(m_store.deleteSecret(SecretEntryName::forHost(DeploymentKind::QlikCloud, host))),
                 SecretStoreError::None);
    }
    m_hosts.clear();
    QSettings settings;
    settings.clear();
    settings.sync();
    m_healthy.reset();
    m_revoked.reset();
}

void TestCheckAllCommand::save(QChar letter)
{
    const QString host = m_hosts.value(letter);
    const QString entry = SecretEntryName::forHost(DeploymentKind::QlikCloud, host);
    if (letter == QLatin1Char('D')) {
        QCOMPARE(runJob(m_store.deleteSecret(entry)), SecretStoreError::None);
    } else {
        const QByteArray key = letter == QLatin1Char('B') ? m_revoked->sampleToken(SampleKey::Revoked)
                                                          : m_healthy->sampleToken(SampleKey::Healthy);
        QCOMPARE(runJob(m_store.writeSecret(entry, key)), SecretStoreError::None);
    }
    QSettings settings;
    SavedConnection connection;
    connection.kind = DeploymentKind::QlikCloud;
    connection.hostAndPort = host;
    connection.userName = QStringLiteral("Dawiso Integration");
    ConnectionIndex(&settings).upsert(connection);
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
}

std::optional<SavedConnection> TestCheckAllCommand::saved(QChar letter) const
{
    QSettings settings;
    return ConnectionIndex(&settings).find(DeploymentKind::QlikCloud, m_hosts.value(letter));
}

QStringList TestCheckAllCommand::allArguments(bool json) const
{
    QStringList arguments {QStringLiteral("check"), QStringLiteral("--all"), QStringLiteral("--ca-file"), m_pem};
    if (json)
        arguments << QStringLiteral("--format") << QStringLiteral("json");
    return arguments;
}

void TestCheckAllCommand::everyConnectionIsCheckedAndRemembered()
{
    const QString letters = QStringLiteral("ABCD");
    for (const QChar letter : letters)
        save(letter);
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    CheckProcess::Result result;
    QVERIFY2(m_process.run(allArguments(true), {}, &result), m_process.problem().constData());
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    // The worst of 0, 1, 3 and 1.
    QVERIFY2(result.exitCode == Unreachable, result.describe().constData());
    QVERIFY2(result.err.isEmpty(), result.describe().constData());

    const QJsonArray connections = result.json().value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), letters.size());
    for (const QChar letter : letters) {
        const QString host = m_hosts.value(letter);
        QJsonObject found;
        for (const QJsonValue &connection : connections) {
            if (connection.toObject().value(QStringLiteral("host")).toString() == host)
                found = connection.toObject();
        }
        QVERIFY2(!found.isEmpty(), qPrintable(host));
        const Expected expected = expectedOf.value(letter);
        QCOMPARE(found.value(QStringLiteral("deployment")).toString(), QStringLiteral("qlik-cloud"));
        QCOMPARE(found.value(QStringLiteral("exitStatus")).toInt(-1), expected.status);
        const QJsonObject report = found.value(QStringLiteral("report")).toObject();
        QCOMPARE(report.value(QStringLiteral("host")).toString(), host);
        QCOMPARE(report.value(QStringLiteral("verdict")).toString(), ConnectionIndex::lastCheckId(expected.lastCheck));

        // The index remembers each verdict, with the moment of the check.
        const std::optional<SavedConnection> connection = saved(letter);
        QVERIFY(connection);
        QCOMPARE(connection->lastCheck, expected.lastCheck);
        QVERIFY2(connection->lastCheckedAt >= before && connection->lastCheckedAt <= after,
                 qPrintable(connection->lastCheckedAt.toString(Qt::ISODateWithMs)));
    }
    // The revoked key was refused by its own tenant; the missing entry says so in the report.
    QVERIFY(m_revoked->requests().size() > 0);
    for (const QJsonValue &connection : connections) {
        const QJsonObject object = connection.toObject();
        if (object.value(QStringLiteral("host")).toString() != m_hosts.value(QLatin1Char('D')))
            continue;
        const QJsonObject first = object.value(QStringLiteral("report"))
                                      .toObject()
                                      .value(QStringLiteral("checks"))
                                      .toArray()
                                      .at(0)
                                      .toObject();
        QCOMPARE(first.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
        QVERIFY2(first.value(QStringLiteral("message")).toString().contains(QStringLiteral("no longer holds")),
                 result.describe().constData());
        // Nothing else could run without it.
        const QJsonArray checks =
            object.value(QStringLiteral("report")).toObject().value(QStringLiteral("checks")).toArray();
        for (qsizetype i = 1; i < checks.size(); ++i)
            QCOMPARE(checks.at(i).toObject().value(QStringLiteral("status")).toString(), QStringLiteral("skipped"));
    }
}

void TestCheckAllCommand::worstStatus_data()
{
    QTest::addColumn<QString>("letters");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("only a healthy key") << "A" << int(Usable);
    QTest::newRow("one revoked") << "AB" << int(Blocked);
    QTest::newRow("one without its keychain entry") << "AD" << int(Blocked);
    QTest::newRow("one unreachable") << "AC" << int(Unreachable);
    QTest::newRow("unreachable and blocked") << "ABC" << int(Unreachable);
}

void TestCheckAllCommand::worstStatus()
{
    QFETCH(QString, letters);
    QFETCH(int, exitCode);
    for (const QChar letter : std::as_const(letters))
        save(letter);
    CheckProcess::Result result;
    QVERIFY2(m_process.run(allArguments(false), {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == exitCode, result.describe().constData());
    QVERIFY2(result.err.isEmpty(), result.describe().constData());

    // Text: one report per connection, then a summary with one line per connection.
    const QString output = QString::fromUtf8(result.out);
    for (int i = 1; i <= letters.size(); ++i) {
        QVERIFY2(output.contains(QStringLiteral("Connection %1 of %2: ").arg(i).arg(letters.size())),
                 result.describe().constData());
    }
    const qsizetype summary = output.lastIndexOf(QStringLiteral("\nSummary\n"));
    QVERIFY2(summary > 0, result.describe().constData());
    const QStringList lines = output.mid(summary + 1).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 2 + letters.size()); // "Summary", the titles, a line per connection
    for (const QChar letter : std::as_const(letters)) {
        const QString host = m_hosts.value(letter);
        bool found = false;
        for (const QString &line : lines.mid(2)) {
            if (!line.startsWith(host + QLatin1Char(' ')))
                continue;
            found = true;
            const QStringList cells = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
            QCOMPARE(cells.value(1), QStringLiteral("qlik-cloud"));
            QCOMPARE(cells.value(2).toInt(), expectedOf.value(letter).status);
        }
        QVERIFY2(found, qPrintable(host));
        QCOMPARE(saved(letter)->lastCheck, expectedOf.value(letter).lastCheck);
    }
}

void TestCheckAllCommand::nothingSavedIsAUsageError()
{
    CheckProcess::Result result;
    QVERIFY2(m_process.run(allArguments(true), {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(result.err.contains("No connection is saved on this computer"), result.describe().constData());
}

void TestCheckAllCommand::usageErrors_data()
{
    QTest::addColumn<QStringList>("extra");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("--host") << QStringList {QStringLiteral("--host"), QStringLiteral("HOST")} << "leave out --host";
    QTest::newRow("--token-stdin") << QStringList {QStringLiteral("--token-stdin")} << "leave out --token-stdin";
    QTest::newRow("--prefix") << QStringList {QStringLiteral("--prefix"), QStringLiteral("dawiso")}
                              << "leave out --prefix";
    QTest::newRow("--deployment") << QStringList {QStringLiteral("--deployment"), QStringLiteral("qlik-cloud")}
                                  << "leave out --deployment";
    QTest::newRow("--host and --deployment")
        << QStringList {QStringLiteral("--deployment"), QStringLiteral("qlik-cloud"), QStringLiteral("--host"),
                        QStringLiteral("HOST")}
        << "leave out --host, --deployment";
}

void TestCheckAllCommand::usageErrors()
{
    QFETCH(QStringList, extra);
    QFETCH(QString, mentions);
    save(QLatin1Char('A'));
    extra.replaceInStrings(QStringLiteral("HOST"), m_hosts.value(QLatin1Char('A')));
    CheckProcess::Result result;
    QVERIFY2(m_process.run(allArguments(true) + extra, m_healthy->sampleToken(SampleKey::Healthy), &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(mentions), result.describe().constData());
    QCOMPARE(m_healthy->requests().size(), 0);
    QCOMPARE(saved(QLatin1Char('A'))->lastCheck, SavedConnection::LastCheck::None);
}

void TestCheckAllCommand::keychainOutOfReachChecksNothing()
{
    // A scheduled job without the user's session bus: every connection would look blocked. Nothing is checked and
    // nothing remembered.
    save(QLatin1Char('A'));
    save(QLatin1Char('B'));
    QProcessEnvironment environment = CheckProcess::headlessEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    CheckProcess::Result result;
    QVERIFY2(m_process.run(allArguments(true), {}, &result, environment), m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(result.err.contains("keychain"), result.describe().constData());
    QCOMPARE(m_healthy->requests().size() + m_revoked->requests().size(), 0);
    QCOMPARE(saved(QLatin1Char('A'))->lastCheck, SavedConnection::LastCheck::None);
    QCOMPARE(saved(QLatin1Char('B'))->lastCheck, SavedConnection::LastCheck::None);
}

void TestCheckAllCommand::checkOfOneHostIsRemembered()
{
    save(QLatin1Char('A'));
    save(QLatin1Char('B'));
    const auto checkHost = [this](QChar letter, const QStringList &extra, const QByteArray &input) {
        CheckProcess::Result result;
        if (!m_process.run(QStringList {QStringLiteral("check"), QStringLiteral("--host"), m_hosts.value(letter),
                                        QStringLiteral("--ca-file"), m_pem}
                               + extra,
                           input, &result))
            result.exitCode = -1;
        return result;
    };

    // A key on standard input may be another than the saved one: nothing is remembered.
    CheckProcess::Result result =
        checkHost(QLatin1Char('A'), {QStringLiteral("--token-stdin")}, m_healthy->sampleToken(SampleKey::Healthy));
    QVERIFY2(result.exitCode == Usable, result.describe().constData());
    QCOMPARE(saved(QLatin1Char('A'))->lastCheck, SavedConnection::LastCheck::None);

    // The stored key of the saved connection: remembered, with the moment of the check.
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    result = checkHost(QLatin1Char('A'), {}, {});
    QVERIFY2(result.exitCode == Usable, result.describe().constData());
    result = checkHost(QLatin1Char('B'), {}, {});
    QVERIFY2(result.exitCode == Blocked, result.describe().constData());
    const QDateTime after = QDateTime::currentDateTimeUtc().addSecs(1);
    for (const QChar letter : {QLatin1Char('A'), QLatin1Char('B')}) {
        const std::optional<SavedConnection> connection = saved(letter);
        QVERIFY(connection);
        QCOMPARE(connection->lastCheck, expectedOf.value(letter).lastCheck);
        QVERIFY(connection->lastCheckedAt >= before && connection->lastCheckedAt <= after);
    }
}

void TestCheckAllCommand::interruptStopsTheRun()
{
#ifdef Q_OS_UNIX
    save(QLatin1Char('A'));
    save(QLatin1Char('B'));
    // Neither tenant ever answers.
    m_healthy->setResponseDelay(QStringLiteral("/"), -1);
    m_revoked->setResponseDelay(QStringLiteral("/"), -1);
    QSignalSpy healthyArrived(m_healthy.get(), &QlikSimulator::requestHandled);
    QSignalSpy revokedArrived(m_revoked.get(), &QlikSimulator::requestHandled);
    const qint64 pid = m_process.start(allArguments(true), {});
    QVERIFY2(pid > 0, m_process.problem().constData());
    // The first connection's check is waiting for its tenant.
    QVERIFY(QTest::qWaitFor([&] { return healthyArrived.size() + revokedArrived.size() > 0; }, 60000));
    QCOMPARE(::kill(pid_t(pid), SIGINT), 0);
    CheckProcess::Result result;
    QVERIFY2(m_process.waitForFinished(&result), m_process.problem().constData());
    QVERIFY2(result.exitCode == 130, result.describe().constData());

    // What was checked so far: the first connection, stopped; the second never started.
    const QJsonArray connections = result.json().value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject first = connections.at(0).toObject();
    QCOMPARE(first.value(QStringLiteral("exitStatus")).toInt(), 130);
    QCOMPARE(first.value(QStringLiteral("report")).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("cancelled"));
    QVERIFY(m_healthy->requests().isEmpty() || m_revoked->requests().isEmpty());
    // A stopped check says nothing about a connection.
    QCOMPARE(saved(QLatin1Char('A'))->lastCheck, SavedConnection::LastCheck::None);
    QCOMPARE(saved(QLatin1Char('B'))->lastCheck, SavedConnection::LastCheck::None);
#else
    QSKIP("Ctrl-C is a POSIX signal here; Windows keeps its default handling.");
#endif
}

QTEST_GUILESS_MAIN(TestCheckAllCommand)
#include "tst_checkallcommand.moc"
