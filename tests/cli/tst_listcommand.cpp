// `dawiso-qlik-setup list`: the real executable in a child process with no display, reading the saved-connections
// index this test writes through ConnectionIndex into the settings they share (a private XDG_CONFIG_HOME).
#include "CheckProcess.h"
#include "secrets/ConnectionIndex.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Test::CheckProcess;

namespace {

enum ExitStatus {
    Listed = 0,
    UsageError = 2,
};

// Whole seconds: the JSON shows none of the milliseconds the index keeps.
QDateTime nowInSeconds()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    return now.addMSecs(-now.time().msec());
}

const QDateTime checkedAt(QDate(2026, 12, 1), QTime(8, 30), Qt::UTC);

} // namespace

class TestListCommand : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void nothingSaved_data();
    void nothingSaved();
    void tableForPeople();
    void jsonForScripts();
    void usageErrors_data();
    void usageErrors();
    void help();

private:
    void saveSeveral();

    QTemporaryDir m_dir;
    CheckProcess m_process;
    QDateTime m_expiry; // the Qlik Cloud key's, 30 days and 12 hours from now
    QDateTime m_expired;
};

void TestListCommand::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // The child and this test share a private settings folder, so the index written here is the one it lists.
    qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_dir.filePath(QStringLiteral("config"))));
    QCoreApplication::setOrganizationName(QStringLiteral("Dawiso"));
    QCoreApplication::setApplicationName(QStringLiteral("Qlik Setup"));
    QVERIFY(QFile::exists(QStringLiteral(DQS_EXECUTABLE_PATH)));
}

void TestListCommand::cleanup()
{
    QSettings settings;
    settings.clear();
    settings.sync();
}

void TestListCommand::saveSeveral()
{
    const QDateTime now = nowInSeconds();
    m_expiry = now.addDays(30).addSecs(12 * 3600);
    m_expired = now.addDays(-3);
    QSettings settings;
    ConnectionIndex index(&settings);

    SavedConnection cloud;
    cloud.kind = DeploymentKind::QlikCloud;
    cloud.hostAndPort = QStringLiteral("acme.eu.qlikcloud.com");
    cloud.userName = QStringLiteral("Dawiso Integration");
    cloud.userId = QStringLiteral("user-4711");
    cloud.keyId = QStringLiteral("key-0815");
    cloud.keyExpiry = m_expiry;
    index.upsert(cloud);
    index.recordCheck(cloud.kind, cloud.hostAndPort, SavedConnection::LastCheck::Usable, checkedAt);

    SavedConnection expired;
    expired.kind = DeploymentKind::QlikCloud;
    expired.hostAndPort = QStringLiteral("beta.us.qlikcloud.com");
    expired.userId = QStringLiteral("user-42");
    expired.keyId = QStringLiteral("key-old");
    expired.keyExpiry = m_expired;
    index.upsert(expired);
    index.recordCheck(expired.kind, expired.hostAndPort, SavedConnection::LastCheck::Unreachable, checkedAt.addDays(1));

    SavedConnection site;
    site.kind = DeploymentKind::QlikSenseEnterprise;
    site.hostAndPort = QStringLiteral("qlik.corp.example:4242");
    site.userName = QStringLiteral("CORP\\svc_dawiso");
    site.virtualProxyPrefix = QStringLiteral("dawiso");
    index.upsert(site);
    settings.sync();
    QCOMPARE(settings.status(), QSettings::NoError);
}

void TestListCommand::nothingSaved_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("text") << false;
    QTest::newRow("json") << true;
}

void TestListCommand::nothingSaved()
{
    QFETCH(bool, json);
    QStringList arguments {QStringLiteral("list")};
    if (json)
        arguments << QStringLiteral("--format") << QStringLiteral("json");
    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments, {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Listed, result.describe().constData());
    QVERIFY2(result.err.isEmpty(), result.describe().constData());
    if (json) {
        QVERIFY2(result.json().contains(QStringLiteral("connections")), result.describe().constData());
        QCOMPARE(result.json().value(QStringLiteral("connections")).toArray().size(), 0);
    } else {
        QVERIFY(result.json().isEmpty());
        // Says so, and how to set one up.
        QVERIFY2(result.out.startsWith("No connection is saved on this computer."), result.describe().constData());
        QVERIFY2(result.out.contains("run dawiso-qlik-setup"), result.describe().constData());
    }
}

void TestListCommand::tableForPeople()
{
    saveSeveral();
    CheckProcess::Result result;
    QVERIFY2(m_process.run({QStringLiteral("list")}, {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Listed, result.describe().constData());
    QVERIFY2(result.err.isEmpty(), result.describe().constData());

    const QStringList lines = QString::fromUtf8(result.out).split(QLatin1Char('\n'));
    QVERIFY2(lines.size() >= 4, result.describe().constData());
    const QString header = lines.at(0);
    const QStringList columns {QStringLiteral("HOST"),        QStringLiteral("DEPLOYMENT"),
                               QStringLiteral("USER"),        QStringLiteral("KEY ID"),
                               QStringLiteral("KEY EXPIRES"), QStringLiteral("VIRTUAL PROXY"),
                               QStringLiteral("LAST CHECK")};
    QList<qsizetype> starts;
    for (const QString &column : columns) {
        starts << header.indexOf(column);
        QVERIFY2(starts.constLast() >= 0 && (starts.size() == 1 || starts.constLast() > starts.at(starts.size() - 2)),
                 qPrintable(header));
    }
    // Sorted by host; every cell starts under its column's title.
    const QList<QStringList> rows {
        {QStringLiteral("acme.eu.qlikcloud.com"), QStringLiteral("qlik-cloud"), QStringLiteral("Dawiso Integration"),
         QStringLiteral("key-0815"),
         m_expiry.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" (30 days left)"), QStringLiteral("-"),
         QStringLiteral("usable, 2026-12-01 08:30")},
        {QStringLiteral("beta.us.qlikcloud.com"), QStringLiteral("qlik-cloud"), QStringLiteral("user-42"),
         QStringLiteral("key-old"), m_expired.toString(QStringLiteral("yyyy-MM-dd")) + QStringLiteral(" (expired)"),
         QStringLiteral("-"), QStringLiteral("unreachable, 2026-12-02 08:30")},
        {QStringLiteral("qlik.corp.example:4242"), QStringLiteral("qlik-sense"), QStringLiteral("CORP\\svc_dawiso"),
         QStringLiteral("-"), QStringLiteral("unknown"), QStringLiteral("dawiso"), QStringLiteral("never")},
    };
    for (int i = 0; i < rows.size(); ++i) {
        const QString &line = lines.at(i + 1);
        for (int column = 0; column < columns.size(); ++column) {
            const QString &cell = rows.at(i).at(column);
            QVERIFY2(line.mid(starts.at(column), cell.size()) == cell,
                     qPrintable(QStringLiteral("%1 not under %2 in: %3").arg(cell, columns.at(column), line)));
        }
        QVERIFY2(!line.endsWith(QLatin1Char(' ')), qPrintable(line));
    }
    QVERIFY2(QString::fromUtf8(result.out).contains(QStringLiteral("Dates are in UTC")), result.describe().constData());
}

void TestListCommand::jsonForScripts()
{
    saveSeveral();
    CheckProcess::Result result;
    QVERIFY2(m_process.run({QStringLiteral("list"), QStringLiteral("--format"), QStringLiteral("json")}, {}, &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == Listed, result.describe().constData());
    QVERIFY2(result.err.isEmpty(), result.describe().constData());
    const QJsonObject json = result.json();
    QCOMPARE(json.keys(), QStringList {QStringLiteral("connections")});
    const QJsonArray connections = json.value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 3);

    const QJsonObject cloud = connections.at(0).toObject();
    QCOMPARE(cloud.value(QStringLiteral("host")).toString(), QStringLiteral("acme.eu.qlikcloud.com"));
    QCOMPARE(cloud.value(QStringLiteral("deployment")).toString(), QStringLiteral("qlik-cloud"));
    const QJsonObject user = cloud.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), QStringLiteral("user-4711"));
    QCOMPARE(user.value(QStringLiteral("name")).toString(), QStringLiteral("Dawiso Integration"));
    const QJsonObject key = cloud.value(QStringLiteral("key")).toObject();
    QCOMPARE(key.value(QStringLiteral("id")).toString(), QStringLiteral("key-0815"));
    QCOMPARE(key.value(QStringLiteral("expiry")).toString(), m_expiry.toString(Qt::ISODate));
    QVERIFY(key.value(QStringLiteral("expiry")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(key.value(QStringLiteral("daysLeft")).toInt(-1), 30);
    QCOMPARE(key.value(QStringLiteral("expired")), QJsonValue(false));
    QVERIFY(cloud.value(QStringLiteral("virtualProxyPrefix")).isNull());
    QVERIFY(cloud.value(QStringLiteral("savedAt")).toString().endsWith(QLatin1Char('Z')));
    QCOMPARE(cloud.value(QStringLiteral("lastCheck")).toObject(),
             QJsonObject({{QStringLiteral("verdict"), QStringLiteral("usable")},
                          {QStringLiteral("checkedAt"), QStringLiteral("2026-12-01T08:30:00Z")}}));

    const QJsonObject expired = connections.at(1).toObject();
    QCOMPARE(expired.value(QStringLiteral("host")).toString(), QStringLiteral("beta.us.qlikcloud.com"));
    QVERIFY(expired.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).isNull());
    QCOMPARE(expired.value(QStringLiteral("key")).toObject().value(QStringLiteral("expired")), QJsonValue(true));
    QCOMPARE(expired.value(QStringLiteral("key")).toObject().value(QStringLiteral("daysLeft")).toInt(-1), 0);
    QCOMPARE(expired.value(QStringLiteral("lastCheck")).toObject().value(QStringLiteral("verdict")).toString(),
             QStringLiteral("unreachable"));

    const QJsonObject site = connections.at(2).toObject();
    QCOMPARE(site.value(QStringLiteral("deployment")).toString(), QStringLiteral("qlik-sense"));
    QCOMPARE(site.value(QStringLiteral("virtualProxyPrefix")).toString(), QStringLiteral("dawiso"));
    QCOMPARE(site.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(),
             QStringLiteral("CORP\\svc_dawiso"));
    const QJsonObject siteKey = site.value(QStringLiteral("key")).toObject();
    QVERIFY(siteKey.value(QStringLiteral("id")).isNull());
    QVERIFY(siteKey.value(QStringLiteral("expiry")).isNull());
    QVERIFY(siteKey.value(QStringLiteral("daysLeft")).isNull());
    QVERIFY(siteKey.value(QStringLiteral("expired")).isNull());
    QVERIFY(site.contains(QStringLiteral("lastCheck")) && site.value(QStringLiteral("lastCheck")).isNull());
}

void TestListCommand::usageErrors_data()
{
    QTest::addColumn<QString>("argumentText"); // separated by "|"; KEY stands for a JWT-shaped key
    QTest::addColumn<QString>("mentions");
    QTest::newRow("unknown format") << "list|--format|xml"
                                    << "use --format text or --format json";
    QTest::newRow("format without a value") << "list|--format"
                                            << "The option --format needs a value";
    QTest::newRow("a stray argument") << "list|acme.eu.qlikcloud.com"
                                      << "The list takes only options";
    QTest::newRow("an option of check") << "list|--host|acme.eu.qlikcloud.com"
                                        << "Argument 2 on the command line is not an option";
    QTest::newRow("a key") << "list|KEY"
                           << "has no place on the command line";
    QTest::newRow("a key as the format") << "list|--format=KEY"
                                         << "has no place on the command line";
    QTest::newRow("a key as an option") << "list|-KEY"
                                        << "has no place on the command line";
}

void TestListCommand::usageErrors()
{
    QFETCH(QString, argumentText);
    QFETCH(QString, mentions);
    const auto part = [](const QByteArray &json) {
        return json.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
    };
    const QByteArray key = part(R"({"alg":"ES384","typ":"JWT"})") + '.'
        + part(R"({"sub":"fake-user-of-the-list-test","aud":"qlik.api","iss":"qlik.api/api-keys"})") + '.'
        + QByteArray("fake-signature-of-the-list-test-0123456789");
    m_process.addSecret(key);
    QStringList arguments = argumentText.split(QLatin1Char('|'));
    for (QString &argument : arguments)
        argument.replace(QStringLiteral("KEY"), QString::fromLatin1(key));

    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments, {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == UsageError, result.describe().constData());
    QVERIFY2(result.out.isEmpty(), result.describe().constData());
    QVERIFY2(QString::fromUtf8(result.err).contains(mentions), result.describe().constData());
    QVERIFY2(result.err.contains("list --help"), result.describe().constData());
}

void TestListCommand::help()
{
    CheckProcess::Result result;
    QVERIFY2(m_process.run({QStringLiteral("list"), QStringLiteral("--help")}, {}, &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == Listed, result.describe().constData());
    for (const char *expected : {"Usage: dawiso-qlik-setup list [--format text|json]", "--format", "\"daysLeft\"",
                                 "\"lastCheck\"", "ISO 8601 in UTC", "Exit status: 0"})
        QVERIFY2(result.out.contains(expected), expected);
    QVERIFY(result.err.isEmpty());

    // The program's own help points to the command.
    QVERIFY2(m_process.run({QStringLiteral("--help")}, {}, &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == Listed, result.describe().constData());
    QVERIFY2(result.out.contains("list --help"), result.describe().constData());
}

QTEST_GUILESS_MAIN(TestListCommand)
#include "tst_listcommand.moc"
