// `dawiso-qlik-setup check` as support and scripts run it: the real executable in a child process with no display,
// against the simulator in this process, trusted with --ca-file and given the key on standard input. Every run is
// searched for the key (CheckProcess), so no output of any run may contain it.
#include "CheckProcess.h"
#include "host/HostParser.h"
#include "net/CertificatePinStore.h"
#include "net/CertificateSummary.h"
#include "secrets/ConnectionIndex.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/cloud/SimulatorScenario.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSettings>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#ifdef Q_OS_UNIX
#include <csignal>
#endif

using namespace Dawiso;
using Simulator::CheckScenario;
using Simulator::QlikSimulator;
using Simulator::SimulatorScenario;
using Test::CheckProcess;

Q_DECLARE_METATYPE(Dawiso::Simulator::CheckScenario)

namespace {

const QStringList checkIds {QStringLiteral("identity"), QStringLiteral("admin"),     QStringLiteral("permission"),
                            QStringLiteral("expiry"),   QStringLiteral("tenant"),    QStringLiteral("spaces"),
                            QStringLiteral("apps"),     QStringLiteral("app-access")};

// A CA that has nothing to do with the simulator (self-signed, CN=Dawiso Test Unrelated CA, valid until 2126).
const QByteArray unrelatedCaPem = QByteArrayLiteral("-----BEGIN CERTIFICATE-----\n"
                                                    "MIIBnDCCAUOgAwIBAgIUe3ohIWn4+2WWrUvlWDpK6Xm3pQcwCgYIKoZIzj0EAwIw\n"
                                                    "IzEhMB8GA1UEAwwYRGF3aXNvIFRlc3QgVW5yZWxhdGVkIENBMCAXDTI2MTEyODAx\n"
                                                    "NTc1NFoYDzIxMjYxMTA0MDE1NzU0WjAjMSEwHwYDVQQDDBhEYXdpc28gVGVzdCBV\n"
                                                    "bnJlbGF0ZWQgQ0EwWTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAAQE+o1tWt/XLnNr\n"
                                                    "7oj7l8kd3NedNM+bfGUXTcpfuvff/blGBCAvE8DyjfSKNxb8Z9Hd1oqxn9dG26tc\n"
                                                    "cvUTIMI3o1MwUTAdBgNVHQ4EFgQUhS4vCWbHnB1P/SMSv8Q/HtGkXnUwHwYDVR0j\n"
                                                    "BBgwFoAUhS4vCWbHnB1P/SMSv8Q/HtGkXnUwDwYDVR0TAQH/BAUwAwEB/zAKBggq\n"
                                                    "hkjOPQQDAgNHADBEAiAVQDFRmXS51qJo5vKhcJB6vsDufX3ikfssItajonexjwIg\n"
                                                    "eFsd+EdDPDgfBdw6KPaU/BY0H8YTJnBypDN5Eqc2wxg=\n"
                                                    "-----END CERTIFICATE-----\n");

enum ExitStatus {
    Usable = 0,
    Blocked = 1,
    UsageError = 2,
    Unreachable = 3,
    Interrupted = 130,
};

} // namespace

class TestCheckCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void scenarios_data();
    void scenarios();
    void textEndsWithTheVerdict_data();
    void textEndsWithTheVerdict();
    void usageErrors_data();
    void usageErrors();
    void keyInAnyArgumentIsNeverRepeated_data();
    void keyInAnyArgumentIsNeverRepeated();
    void keychainUnavailableIsAUsageError();
    void helpNeedsNoDisplay();
    void unreachable_data();
    void unreachable();
    void caFileMayHoldSeveralCertificates();
    void certificatePinnedInTheWizardIsTrusted();
    void theSavedConnectionSaysWhichDeployment();
    void interruptStopsCleanly();

private:
    std::unique_ptr<QlikSimulator> startSimulator(CheckScenario scenario, QByteArray *token);
    QString writeFile(const QString &name, const QByteArray &content);
    QStringList expand(QStringList arguments, const QlikSimulator &simulator, const QByteArray &token);

    QTemporaryDir m_dir;
    CheckProcess m_process;
    int m_fileCount = 0;
};

void TestCheckCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The child and this test share a private settings folder: the pin test writes the wizard's settings, and
    // nothing of the developer's own configuration can change a result.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
    QCoreApplication::setOrganizationName(QStringLiteral("Dawiso"));
    QCoreApplication::setApplicationName(QStringLiteral("Qlik Setup"));
    QVERIFY(QFile::exists(QStringLiteral(DQS_EXECUTABLE_PATH)));
}

std::unique_ptr<QlikSimulator> TestCheckCommand::startSimulator(CheckScenario scenario, QByteArray *token)
{
    const auto setup = SimulatorScenario::tenantFor(scenario);
    auto simulator = std::make_unique<QlikSimulator>(setup.tenant);
    if (!simulator->start())
        return nullptr;
    SimulatorScenario::applyFaults(scenario, *simulator);
    *token = simulator->sampleToken(setup.key);
    m_process.addSecret(*token);
    return simulator;
}

QString TestCheckCommand::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_dir.filePath(QString::number(++m_fileCount) + QLatin1Char('-') + name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        return {};
    return path;
}

// Placeholders in test rows: HOST (the simulator's host:port), PEM (its certificate as a file), TOKEN (its key).
QStringList TestCheckCommand::expand(QStringList arguments, const QlikSimulator &simulator, const QByteArray &token)
{
    for (QString &argument : arguments) {
        argument.replace(QStringLiteral("HOST"), simulator.hostAndPort());
        argument.replace(QStringLiteral("TOKEN"), QString::fromLatin1(token));
        if (argument == QLatin1String("PEM"))
            argument = writeFile(QStringLiteral("simulator.pem"), simulator.certificatePem());
    }
    return arguments;
}

void TestCheckCommand::scenarios_data()
{
    QTest::addColumn<CheckScenario>("scenario");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("checkId");
    QTest::addColumn<QString>("status");
    QTest::addColumn<int>("apps"); // counts.apps, or -1 when the row does not look at it

    QTest::newRow("healthy") << CheckScenario::Healthy << int(Usable) << "app-access"
                             << "pass" << -1;
    QTest::newRow("no spaces") << CheckScenario::NoSpaces << int(Blocked) << "spaces"
                               << "fail" << -1;
    QTest::newRow("apps not openable") << CheckScenario::AppsNotOpenable << int(Blocked) << "app-access"
                                       << "fail" << -1;
    QTest::newRow("tenant admin outside managed spaces") << CheckScenario::ManagedAdmin << int(Blocked) << "app-access"
                                                         << "fail" << -1;
    QTest::newRow("tenant admin key") << CheckScenario::TenantAdminKey << int(Usable) << "admin"
                                      << "warn" << -1;
    QTest::newRow("expires in 3 days") << CheckScenario::ExpiringSoon << int(Usable) << "expiry"
                                       << "warn" << -1;
    QTest::newRow("expired key") << CheckScenario::ExpiredKey << int(Blocked) << "identity"
                                 << "fail" << -1;
    QTest::newRow("429 on the first page") << CheckScenario::RateLimitedFirstPage << int(Usable) << "spaces"
                                           << "pass" << -1;
    QTest::newRow("250 apps in 3 spaces") << CheckScenario::ManyApps << int(Usable) << "apps"
                                          << "pass" << 250;
    QTest::newRow("slow responses") << CheckScenario::SlowResponses << int(Usable) << "apps"
                                    << "pass" << -1;
    QTest::newRow("invalid JSON") << CheckScenario::InvalidJson << int(Blocked) << "apps"
                                  << "fail" << -1;
    QTest::newRow("wrong JSON types") << CheckScenario::WrongJsonTypes << int(Blocked) << "spaces"
                                      << "fail" << -1;
}

void TestCheckCommand::scenarios()
{
    QFETCH(CheckScenario, scenario);
    QFETCH(int, exitCode);
    QFETCH(QString, checkId);
    QFETCH(QString, status);
    QFETCH(int, apps);

    QByteArray token;
    const auto simulator = startSimulator(scenario, &token);
    QVERIFY(simulator);
    QVERIFY(!token.isEmpty());
    CheckProcess::Result result;
    // As a password manager pipes it: with a line break at the end.
    QVERIFY2(m_process.run(expand({QStringLiteral("check"), QStringLiteral("--host"), QStringLiteral("HOST"),
                                   QStringLiteral("--ca-file"), QStringLiteral("PEM"), QStringLiteral("--token-stdin"),
                                   QStringLiteral("--format"), QStringLiteral("json")},
                                  *simulator, token),
                           token + '\n', &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == exitCode, result.describe().constData());

    // Standard output is exactly one JSON object; progress stays off standard error when it is not a terminal.
    const QJsonObject json = result.json();
    QVERIFY2(!json.isEmpty(), result.describe().constData());
    QVERIFY2(result.err.isEmpty(), result.describe().constData());
    QCOMPARE(json.value(QStringLiteral("host")).toString(), simulator->hostAndPort());
    const QJsonArray checks = json.value(QStringLiteral("checks")).toArray();
    QCOMPARE(checks.size(), checkIds.size());
    for (int i = 0; i < checks.size(); ++i) {
        const QJsonObject check = checks.at(i).toObject();
        QCOMPARE(check.value(QStringLiteral("id")).toString(), checkIds.at(i));
        const QString each = check.value(QStringLiteral("status")).toString();
        QVERIFY2(QStringList({QStringLiteral("pass"), QStringLiteral("warn"), QStringLiteral("fail"),
                              QStringLiteral("skipped")})
                     .contains(each),
                 qPrintable(checkIds.at(i) + QLatin1Char(' ') + each));
        QVERIFY2(!check.value(QStringLiteral("message")).toString().isEmpty(), qPrintable(checkIds.at(i)));
    }
    QCOMPARE(result.statusOf(checkId), status);

    const QJsonObject user = json.value(QStringLiteral("user")).toObject();
    QVERIFY(user.contains(QStringLiteral("id")) && user.contains(QStringLiteral("name"))
            && user.contains(QStringLiteral("email")));
    if (result.statusOf(QStringLiteral("identity")) == QLatin1String("pass")) {
        const auto setup = SimulatorScenario::tenantFor(scenario);
        QCOMPARE(user.value(QStringLiteral("id")).toString(), simulator->sampleUserId(setup.key));
        QVERIFY(!user.value(QStringLiteral("name")).toString().isEmpty());
    }
    const QJsonObject counts = json.value(QStringLiteral("counts")).toObject();
    QVERIFY(counts.contains(QStringLiteral("spaces")) && counts.contains(QStringLiteral("apps")));
    if (apps >= 0)
        QCOMPARE(counts.value(QStringLiteral("apps")).toInt(), apps);
    QCOMPARE(json.value(QStringLiteral("verdict")).toString(),
             exitCode == Usable ? QStringLiteral("usable") : QStringLiteral("blocked"));
}

void TestCheckCommand::textEndsWithTheVerdict_data()
{
    QTest::addColumn<CheckScenario>("scenario");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("checkLine");
    QTest::newRow("healthy") << CheckScenario::Healthy << int(Usable) << "[pass] identity";
    QTest::newRow("warning") << CheckScenario::TenantAdminKey << int(Usable) << "[warn] admin";
    QTest::newRow("blocked") << CheckScenario::NoSpaces << int(Blocked) << "[FAIL] spaces";
}

void TestCheckCommand::textEndsWithTheVerdict()
{
    QFETCH(CheckScenario, scenario);
    QFETCH(int, exitCode);
    QFETCH(QString, checkLine);

    QByteArray token;
    const auto simulator = startSimulator(scenario, &token);
    QVERIFY(simulator);
    const QStringList arguments =
        expand({QStringLiteral("check"), QStringLiteral("--host"), QStringLiteral("HOST"), QStringLiteral("--ca-file"),
                QStringLiteral("PEM"), QStringLiteral("--token-stdin")},
               *simulator, token);
    CheckProcess::Result text;
    QVERIFY2(m_process.run(arguments, token, &text), m_process.problem().constData());
    QVERIFY2(text.exitCode == exitCode, text.describe().constData());
    CheckProcess::Result json;
    QVERIFY2(m_process.run(arguments + QStringList {QStringLiteral("--format"), QStringLiteral("json")}, token, &json),
             m_process.problem().constData());
    QVERIFY2(json.exitCode == exitCode, json.describe().constData());

    // The default format is for people: not JSON, one line per check, the verdict last.
    QVERIFY(text.json().isEmpty());
    const QString output = QString::fromUtf8(text.out);
    QVERIFY2(output.contains(QLatin1Char('\n') + checkLine + QLatin1Char(' ')), text.describe().constData());
    QVERIFY(output.contains(simulator->hostAndPort()));
    const QString summary = json.json().value(QStringLiteral("summary")).toString();
    QVERIFY(!summary.isEmpty());
    QCOMPARE(text.lastLine(), summary);
    QVERIFY2(text.err.isEmpty(), text.describe().constData());
}

void TestCheckCommand::usageErrors_data()
{
    QTest::addColumn<QString>("argumentText"); // separated by "|"; placeholders: see expand()
    QTest::addColumn<QByteArray>("input"); // "TOKEN" stands for the key, "HALF" for its first two parts
    QTest::addColumn<QString>("mentions"); // "HOST-ERROR": the host parser's own sentence

    const char *const useStdin = "Pipe it to --token-stdin";
    QTest::newRow("no --host") << "check|--token-stdin" << QByteArray("TOKEN") << "--host";
    QTest::newRow("empty --host") << "check|--host||--token-stdin" << QByteArray("TOKEN") << "--host";
    QTest::newRow("--host without a value") << "check|--host" << QByteArray() << "--host";
    QTest::newRow("unknown format") << "check|--host|HOST|--format|xml|--token-stdin" << QByteArray("TOKEN")
                                    << "--format json";
    QTest::newRow("host with a space") << "check|--host|acme .eu.qlikcloud.com|--token-stdin" << QByteArray("TOKEN")
                                       << "HOST-ERROR";
    QTest::newRow("host with credentials")
        << "check|--host|https://me:pw@acme.eu.qlikcloud.com|--token-stdin" << QByteArray("TOKEN") << "HOST-ERROR";
    QTest::newRow("key after --token") << "check|--host|HOST|--token|TOKEN" << QByteArray() << useStdin;
    QTest::newRow("key in --token=") << "check|--host|HOST|--token=TOKEN" << QByteArray() << useStdin;
    QTest::newRow("key after --api-key") << "check|--host|HOST|--api-key|TOKEN" << QByteArray() << useStdin;
    QTest::newRow("key in --apikey=") << "check|--apikey=TOKEN|--host|HOST" << QByteArray() << useStdin;
    QTest::newRow("key after -key") << "check|--host|HOST|-key|TOKEN" << QByteArray() << useStdin;
    QTest::newRow("key as an argument") << "check|--host|HOST|TOKEN" << QByteArray() << useStdin;
    QTest::newRow("key as the host") << "check|--host|TOKEN" << QByteArray() << useStdin;
    QTest::newRow("key after --token, with --token-stdin too")
        << "check|--host|HOST|--token-stdin|--token|TOKEN" << QByteArray("TOKEN") << useStdin;
    QTest::newRow("a stray argument") << "check|--host|HOST|acme.eu.qlikcloud.com|--token-stdin" << QByteArray("TOKEN")
                                      << "only options";
    QTest::newRow("unknown option") << "check|--host|HOST|--verbose|--token-stdin" << QByteArray("TOKEN")
                                    << "Argument 4 on the command line is not an option";
    QTest::newRow("flag with a value") << "check|--host|HOST|--token-stdin=yes" << QByteArray("TOKEN")
                                       << "--token-stdin takes no value";
    QTest::newRow("nothing on stdin") << "check|--host|HOST|--token-stdin" << QByteArray()
                                      << "No API key arrived on standard input";
    QTest::newRow("blank lines on stdin")
        << "check|--host|HOST|--token-stdin" << QByteArray("\n  \r\n\n") << "No API key arrived on standard input";
    QTest::newRow("not a key on stdin") << "check|--host|HOST|--token-stdin" << QByteArray("hello world\n")
                                        << "not a usable API key";
    QTest::newRow("half a key on stdin") << "check|--host|HOST|--token-stdin" << QByteArray("HALF")
                                         << "not a usable API key";
    QTest::newRow("far too much on stdin")
        << "check|--host|HOST|--token-stdin" << QByteArray(200 * 1024, 'A') << "far more than an API key";
    QTest::newRow("unknown deployment") << "check|--host|HOST|--deployment|sap|--token-stdin" << QByteArray("TOKEN")
                                        << "--deployment qlik-cloud or --deployment qlik-sense";
    QTest::newRow("Qlik Sense Enterprise without a virtual proxy")
        << "check|--host|HOST|--deployment|qlik-sense|--token-stdin" << QByteArray("TOKEN")
        << "Say through which virtual proxy";
    QTest::newRow("a prefix for Qlik Cloud") << "check|--host|HOST|--prefix|dawiso|--token-stdin" << QByteArray("TOKEN")
                                             << "--prefix is for Qlik Sense Enterprise only";
    QTest::newRow("--all with --host") << "check|--all|--host|HOST" << QByteArray()
                                       << "--all checks every saved connection";
    QTest::newRow("--all with a key on stdin")
        << "check|--all|--token-stdin" << QByteArray("TOKEN") << "leave out --token-stdin";
    QTest::newRow("--all with nothing saved")
        << "check|--all|--ca-file|PEM" << QByteArray() << "No connection is saved on this computer";
    QTest::newRow("CA file missing") << "check|--host|HOST|--ca-file|/nonexistent/ca.pem|--token-stdin"
                                     << QByteArray("TOKEN") << "could not be read";
    QTest::newRow("CA file without certificates")
        << "check|--host|HOST|--ca-file|EMPTY|--token-stdin" << QByteArray("TOKEN") << "holds no certificate";
}

void TestCheckCommand::usageErrors()
{
    QFETCH(QString, argumentText);
    QFETCH(QByteArray, input);
    QFETCH(QString, mentions);

    QByteArray token;
    const auto simulator = startSimulator(CheckScenario::Healthy, &token);
    QVERIFY(simulator);
    QStringList arguments = expand(argumentText.split(QLatin1Char('|')), *simulator, token);
    for (QString &argument : arguments) {
        if (argument == QLatin1String("EMPTY"))
            argument = writeFile(QStringLiteral("empty.pem"), "not a certificate\n");
    }
    if (input == "TOKEN")
        input = token;
    else if (input == "HALF")
        input = token.left(token.indexOf('.', token.indexOf('.') + 1));
    if (mentions == QLatin1String("HOST-ERROR"))
        mentions = HostParser::parse(arguments.at(2), DeploymentKind::QlikCloud).error();

    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments, input, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(!mentions.isEmpty() && QString::fromUtf8(result.err).contains(mentions), result.describe().constData());
    // Nothing was asked of Qlik.
    QCOMPARE(simulator->requests().size(), 0);
}

void TestCheckCommand::keyInAnyArgumentIsNeverRepeated_data()
{
    // Placeholders: KEY a JWT-shaped key; PART the same without its signature (not a well-formed key, so only the
    // rule that errors never repeat a value keeps it out of the output). Rows without "check" run the wizard's own
    // command line.
    QTest::addColumn<QString>("argumentText"); // separated by "|"
    QTest::newRow("check --format=KEY") << "check|--host|acme.eu.qlikcloud.com|--format=KEY|--token-stdin";
    QTest::newRow("check --format PART") << "check|--host|acme.eu.qlikcloud.com|--format|PART|--token-stdin";
    QTest::newRow("check -KEY") << "check|--host|acme.eu.qlikcloud.com|-KEY|--token-stdin";
    QTest::newRow("check --KEY") << "check|--host|acme.eu.qlikcloud.com|--KEY|--token-stdin";
    QTest::newRow("check -PART") << "check|--host|acme.eu.qlikcloud.com|-PART|--token-stdin";
    QTest::newRow("check --PART=x") << "check|--host|acme.eu.qlikcloud.com|--PART=x|--token-stdin";
    QTest::newRow("check --host=KEY") << "check|--host=KEY|--token-stdin";
    QTest::newRow("check --ca-file=KEY") << "check|--host|acme.eu.qlikcloud.com|--ca-file=KEY|--token-stdin";
    QTest::newRow("wizard: host KEY") << "acme.eu.qlikcloud.com|KEY";
    QTest::newRow("wizard: host PART") << "acme.eu.qlikcloud.com|PART";
    QTest::newRow("wizard: KEY as the host") << "KEY";
    QTest::newRow("wizard: --KEY") << "--KEY";
    QTest::newRow("wizard: -KEY") << "-KEY";
    QTest::newRow("wizard: -PART") << "-PART";
    QTest::newRow("wizard: --demo=KEY") << "--demo=KEY";
    QTest::newRow("wizard: --demo=PART") << "--demo=PART";
    QTest::newRow("wizard: --ca-file=KEY") << "--ca-file=KEY";
}

void TestCheckCommand::keyInAnyArgumentIsNeverRepeated()
{
    QFETCH(QString, argumentText);
    const auto part = [](const QJsonObject &object) {
        return QJsonDocument(object)
            .toJson(QJsonDocument::Compact)
            .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray unsigned_ =
        part({{QStringLiteral("alg"), QStringLiteral("ES384")}, {QStringLiteral("typ"), QStringLiteral("JWT")}}) + '.'
        + part({{QStringLiteral("sub"), QStringLiteral("fake-user-for-the-argument-test")},
                {QStringLiteral("aud"), QStringLiteral("qlik.api")},
                {QStringLiteral("iss"), QStringLiteral("qlik.api/api-keys")}});
    const QByteArray key = unsigned_ + '.' + QByteArray("fake-signature-of-the-argument-test-0123456789");
    m_process.addSecret(key);
    m_process.addSecret(unsigned_);

    QStringList arguments = argumentText.split(QLatin1Char('|'));
    for (QString &argument : arguments) {
        argument.replace(QStringLiteral("KEY"), QString::fromLatin1(key));
        argument.replace(QStringLiteral("PART"), QString::fromLatin1(unsigned_));
    }
    // The wizard's command line is read in the program's GUI start-up: give it a display that needs no screen.
    QProcessEnvironment environment = CheckProcess::headlessEnvironment();
    environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));

    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments, QByteArray(), &result, environment), m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    // Not even changed in case (a host is shown in lower case).
    const QByteArray output = result.out.toLower() + '\n' + result.err.toLower();
    QVERIFY(!output.contains(key.toLower()));
    QVERIFY(!output.contains(unsigned_.toLower()));
    QVERIFY2(!result.err.isEmpty(), "a usage error says what was wrong");
}

void TestCheckCommand::keychainUnavailableIsAUsageError()
{
#if defined(Q_OS_UNIX) && !defined(Q_OS_MACOS)
    QByteArray token;
    const auto simulator = startSimulator(CheckScenario::Healthy, &token);
    QVERIFY(simulator);
    // Without --token-stdin the key comes from the keychain; here the session bus leads nowhere.
    QProcessEnvironment environment = CheckProcess::headlessEnvironment();
    environment.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=/nonexistent/bus"));
    CheckProcess::Result result;
    QVERIFY2(m_process.run(expand({QStringLiteral("check"), QStringLiteral("--host"), QStringLiteral("HOST"),
                                   QStringLiteral("--ca-file"), QStringLiteral("PEM")},
                                  *simulator, token),
                           token, &result, environment),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.err.contains("keychain"), result.describe().constData());
    QVERIFY(result.out.isEmpty());
    QCOMPARE(simulator->requests().size(), 0);
#else
    QSKIP("The keychain is reached over D-Bus only on Linux.");
#endif
}

void TestCheckCommand::helpNeedsNoDisplay()
{
    CheckProcess::Result result;
    QVERIFY2(m_process.run({QStringLiteral("check"), QStringLiteral("--help")}, {}, &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == Usable, result.describe().constData());
    // What it supports, deployment by deployment.
    for (const char *expected :
         {"Usage: dawiso-qlik-setup check --host", "--ca-file", "--token-stdin", "--format", "--prefix",
          "Exit status: 0", "never accepted as an argument", "Qlik Cloud tenant (--deployment qlik-cloud)",
          "Qlik Sense Enterprise site (--deployment qlik-sense)", "JWT virtual proxy"})
        QVERIFY2(result.out.contains(expected), expected);
    QVERIFY(result.err.isEmpty());

    // The program's own help points to the command.
    QVERIFY2(m_process.run({QStringLiteral("--help")}, {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Usable, result.describe().constData());
    QVERIFY2(result.out.contains("check --help"), result.describe().constData());
}

void TestCheckCommand::unreachable_data()
{
    QTest::addColumn<bool>("closedPort"); // false: the simulator, not trusted (no --ca-file)
    QTest::addColumn<bool>("json");
    QTest::addColumn<QString>("mentions");
    QTest::newRow("closed port") << true << true << "refused the connection";
    QTest::newRow("closed port, text") << true << false << "refused the connection";
    QTest::newRow("untrusted certificate") << false << true << "does not trust the certificate";
    QTest::newRow("untrusted certificate, text") << false << false << "does not trust the certificate";
}

void TestCheckCommand::unreachable()
{
    QFETCH(bool, closedPort);
    QFETCH(bool, json);
    QFETCH(QString, mentions);

    QByteArray token;
    const auto simulator = startSimulator(CheckScenario::Healthy, &token);
    QVERIFY(simulator);
    QString host = simulator->hostAndPort();
    if (closedPort) {
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost));
        host = QStringLiteral("127.0.0.1:%1").arg(server.serverPort());
        server.close();
    }
    QStringList arguments {QStringLiteral("check"), QStringLiteral("--host"), host, QStringLiteral("--token-stdin")};
    if (json)
        arguments << QStringLiteral("--format") << QStringLiteral("json");
    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments, token, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Unreachable, result.describe().constData());
    QVERIFY2(QString::fromUtf8(result.out).contains(mentions), result.describe().constData());
    if (json) {
        const QJsonObject object = result.json();
        QCOMPARE(object.value(QStringLiteral("verdict")).toString(), QStringLiteral("unreachable"));
        QVERIFY(object.value(QStringLiteral("failure")).toString().contains(mentions));
        QCOMPARE(result.statusOf(QStringLiteral("identity")), QStringLiteral("fail"));
        for (const QString &id : checkIds.mid(1))
            QCOMPARE(result.statusOf(id), QStringLiteral("skipped"));
    } else {
        QCOMPARE(result.lastLine(), QStringLiteral("Qlik could not be reached, so nothing was checked."));
    }
    // TLS failed before any request was sent, and the closed port never reached the simulator at all.
    QCOMPARE(simulator->requests().size(), 0);
}

void TestCheckCommand::caFileMayHoldSeveralCertificates()
{
    QByteArray token;
    const auto simulator = startSimulator(CheckScenario::Healthy, &token);
    QVERIFY(simulator);
    // The simulator's certificate between two others, as in a company's CA bundle.
    const QByteArray bundle = unrelatedCaPem + '\n' + simulator->certificatePem() + '\n' + unrelatedCaPem;
    QCOMPARE(QSslCertificate::fromData(bundle, QSsl::Pem).size(), 3);
    const QString pem = writeFile(QStringLiteral("bundle.pem"), bundle);
    CheckProcess::Result result;
    QVERIFY2(m_process.run({QStringLiteral("check"), QStringLiteral("--host"), simulator->hostAndPort(),
                            QStringLiteral("--ca-file"), pem, QStringLiteral("--token-stdin"),
                            QStringLiteral("--format"), QStringLiteral("json")},
                           token, &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == Usable, result.describe().constData());

    // Only the bundle's other certificate: the simulator stays untrusted.
    const QString unrelated = writeFile(QStringLiteral("unrelated.pem"), unrelatedCaPem);
    QVERIFY2(m_process.run({QStringLiteral("check"), QStringLiteral("--host"), simulator->hostAndPort(),
                            QStringLiteral("--ca-file"), unrelated, QStringLiteral("--token-stdin")},
                           token, &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == Unreachable, result.describe().constData());
}

void TestCheckCommand::certificatePinnedInTheWizardIsTrusted()
{
    QByteArray token;
    const auto simulator = startSimulator(CheckScenario::Healthy, &token);
    QVERIFY(simulator);
    const QStringList arguments {QStringLiteral("check"),         QStringLiteral("--host"),   simulator->hostAndPort(),
                                 QStringLiteral("--token-stdin"), QStringLiteral("--format"), QStringLiteral("json")};
    {
        // What the wizard's trust dialog stores: the same settings identity as the application.
        QSettings settings;
        CertificatePinStore(&settings).add(simulator->hostAndPort(),
                                           CertificateSummary::sha256(simulator->certificate()));
        settings.sync();
        QCOMPARE(settings.status(), QSettings::NoError);
    }
    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments, token, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Usable, result.describe().constData());

    {
        QSettings settings;
        CertificatePinStore(&settings).removeHost(simulator->hostAndPort());
        settings.sync();
    }
    QVERIFY2(m_process.run(arguments, token, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Unreachable, result.describe().constData());
}

void TestCheckCommand::theSavedConnectionSaysWhichDeployment()
{
    QByteArray token;
    const auto simulator = startSimulator(CheckScenario::Healthy, &token);
    QVERIFY(simulator);
    const QString host = simulator->hostAndPort();
    QStringList arguments {QStringLiteral("check"),
                           QStringLiteral("--host"),
                           host,
                           QStringLiteral("--token-stdin"),
                           QStringLiteral("--ca-file"),
                           writeFile(QStringLiteral("ca.pem"), simulator->certificate().toPem())};
    auto save = [&host](DeploymentKind kind) {
        QSettings settings; // the application's own, as the wizard writes it
        SavedConnection connection;
        connection.kind = kind;
        connection.hostAndPort = host;
        ConnectionIndex(&settings).upsert(connection);
        settings.sync();
    };
    const auto forgetAll = qScopeGuard([&host] {
        QSettings settings;
        for (const DeploymentKind kind : {DeploymentKind::QlikCloud, DeploymentKind::QlikSenseEnterprise})
            ConnectionIndex(&settings).remove(kind, host);
    });

    // Saved as Qlik Sense Enterprise without a virtual proxy: checked as that, which needs one, and says so.
    save(DeploymentKind::QlikSenseEnterprise);
    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments, token, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.err.contains("Say through which virtual proxy"), result.describe().constData());

    // Saved as both: the command asks which.
    save(DeploymentKind::QlikCloud);
    QVERIFY2(m_process.run(arguments, token, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.err.contains("--deployment"), result.describe().constData());
    QCOMPARE(simulator->requests().size(), 0);

    // --deployment settles it.
    QVERIFY2(m_process.run(arguments + QStringList {QStringLiteral("--deployment"), QStringLiteral("qlik-cloud")},
                           token, &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == Usable, result.describe().constData());
}

void TestCheckCommand::interruptStopsCleanly()
{
#ifdef Q_OS_UNIX
    QByteArray token;
    const auto simulator = startSimulator(CheckScenario::Healthy, &token);
    QVERIFY(simulator);
    simulator->setResponseDelay(QStringLiteral("/"), -1); // Qlik never answers
    QSignalSpy arrived(simulator.get(), &QlikSimulator::requestHandled);
    const qint64 pid =
        m_process.start(expand({QStringLiteral("check"), QStringLiteral("--host"), QStringLiteral("HOST"),
                                QStringLiteral("--ca-file"), QStringLiteral("PEM"), QStringLiteral("--token-stdin"),
                                QStringLiteral("--format"), QStringLiteral("json")},
                               *simulator, token),
                        token);
    QVERIFY2(pid > 0, m_process.problem().constData());
    // The first request has arrived, so the check is running and waiting for Qlik.
    QVERIFY(arrived.wait(60000));
    QCOMPARE(::kill(pid_t(pid), SIGINT), 0);
    CheckProcess::Result result;
    QVERIFY2(m_process.waitForFinished(&result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Interrupted, result.describe().constData());
    QCOMPARE(result.json().value(QStringLiteral("verdict")).toString(), QStringLiteral("cancelled"));
    for (const QString &id : checkIds)
        QCOMPARE(result.statusOf(id), QStringLiteral("skipped"));
#else
    QSKIP("Ctrl-C is a POSIX signal here; Windows keeps its default handling.");
#endif
}

QTEST_GUILESS_MAIN(TestCheckCommand)
#include "tst_checkcommand.moc"
