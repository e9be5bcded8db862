// The connection report as text for terminals, HTML for people and JSON for scripts, and the files the wizard's
// "Save report…" writes. Reports are built by hand here, so every status, verdict and odd value can be shown.
#include "check/ReportWriter.h"
#include "cloud/CloudCheckFindings.h"
#include "cloud/CloudConnectionCheck.h"
#include "token/ApiKeyToken.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;

Q_DECLARE_METATYPE(Dawiso::CheckStatus)
Q_DECLARE_METATYPE(Dawiso::ConnectionReport::Verdict)

namespace {

const QDateTime checkedAt(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);

void setCheck(ConnectionReport &report, const QString &id, CheckStatus status, const QString &message,
              const QString &fix = {})
{
    for (CheckResult &result : report.checks) {
        if (result.id == id) {
            result.status = status;
            result.message = message;
            result.advice = fix;
        }
    }
}

// A Qlik Cloud report as the check hands it out: the generic report, with the findings as its facts.
struct CloudReport
{
    ConnectionReport report;
    CloudCheckFindings findings;

    operator ConnectionReport() const
    {
        ConnectionReport described = report;
        findings.describe(described);
        return described;
    }
};

// Every status once: pass, warn, fail, skipped.
CloudReport blockedReport()
{
    CloudReport cloud;
    ConnectionReport &report = cloud.report;
    report.host = QStringLiteral("acme.eu.qlikcloud.com");
    report.userId = QStringLiteral("6155ca3b5e8ae6001d6a8b58");
    report.userName = QStringLiteral("Dawiso Integration");
    report.userEmail = QStringLiteral("dawiso@acme.example");
    cloud.findings.tenantId = QStringLiteral("xqGQ0k66vSR8f9G7J-vYtHZQkiYrCpct");
    cloud.findings.tenantName = QStringLiteral("Acme");
    cloud.findings.tenantRegion = QStringLiteral("eu");
    report.keyId = QStringLiteral("63d8a7f5b3c1f10001c37c4e");
    report.keyExpiry = checkedAt.addDays(20);
    report.checkedAt = checkedAt;
    report.checks = CloudConnectionCheck::plan();
    setCheck(report, QStringLiteral("identity"), CheckStatus::Pass,
             QStringLiteral("Qlik accepts the key. It belongs to Dawiso Integration."));
    setCheck(report, QStringLiteral("admin"), CheckStatus::Warn, QStringLiteral("The key belongs to a tenant admin."),
             QStringLiteral("Use a dedicated user without the TenantAdmin role."));
    setCheck(report, QStringLiteral("permission"), CheckStatus::Skipped,
             QStringLiteral("Not checked: Dawiso Integration holds an admin role."));
    setCheck(report, QStringLiteral("expiry"), CheckStatus::Warn, QStringLiteral("The key expires in 20 days."),
             QStringLiteral("Generate a key with a longer expiry."));
    setCheck(report, QStringLiteral("tenant"), CheckStatus::Pass, QStringLiteral("Tenant Acme in region eu."));
    setCheck(report, QStringLiteral("spaces"), CheckStatus::Fail,
             QStringLiteral("Dawiso Integration is in no shared, managed or data space."),
             QStringLiteral("Add Dawiso Integration to every space Dawiso should catalog, with at least Can view."));
    setCheck(report, QStringLiteral("apps"), CheckStatus::Skipped, QStringLiteral("Not checked."));
    setCheck(report, QStringLiteral("app-access"), CheckStatus::Skipped, QStringLiteral("Not checked."));
    cloud.findings.spaces = 0;
    report.counts.requests = 6;
    report.counts.pagesRead = 2;
    report.verdict = ConnectionReport::Verdict::Blocked;
    return cloud;
}

CloudReport usableReport()
{
    CloudReport cloud = blockedReport();
    ConnectionReport &report = cloud.report;
    for (CheckResult &result : report.checks) {
        result.status = CheckStatus::Pass;
        result.message = QStringLiteral("Fine: ") + result.id;
        result.advice.clear();
    }
    cloud.findings.spaces = 3;
    cloud.findings.spacesByType = {{QStringLiteral("shared"), 2}, {QStringLiteral("managed"), 1}};
    cloud.findings.apps = 12;
    cloud.findings.appsBySpaceType = {{QStringLiteral("shared"), 7}, {QStringLiteral("managed"), 5}};
    cloud.findings.appsBySpace = {{QStringLiteral("space-a"), 7}, {QStringLiteral("space-b"), 5}};
    report.verdict = ConnectionReport::Verdict::Usable;
    return cloud;
}

QStringList linesOf(const QString &text)
{
    QStringList lines = text.split(QLatin1Char('\n'));
    while (!lines.isEmpty() && lines.constLast().isEmpty())
        lines.removeLast();
    return lines;
}

// The line that starts with `start`, or an empty string.
QString lineStartingWith(const QString &text, const QString &start)
{
    for (const QString &line : text.split(QLatin1Char('\n'))) {
        if (line.startsWith(start))
            return line;
    }
    return {};
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

// A Qlik API key's shape: header, claims, and a signature that is the secret part.
QByteArray sampleToken()
{
    const QJsonObject header {{QStringLiteral("alg"), QStringLiteral("ES384")},
                              {QStringLiteral("typ"), QStringLiteral("JWT")}};
    const QJsonObject claims {{QStringLiteral("sub"), QStringLiteral("6155ca3b5e8ae6001d6a8b58")},
                              {QStringLiteral("subType"), QStringLiteral("user")},
                              {QStringLiteral("jti"), QStringLiteral("63d8a7f5b3c1f10001c37c4e")},
                              {QStringLiteral("aud"), QStringLiteral("qlik.api")},
                              {QStringLiteral("iss"), QStringLiteral("qlik.api/api-keys")},
                              {QStringLiteral("exp"), 2000000000}};
    QByteArray signature(96, '\0');
    for (int i = 0; i < signature.size(); ++i)
        signature[i] = static_cast<char>((i * 53 + 7) % 256);
    return base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)) + '.'
        + base64Url(QJsonDocument(claims).toJson(QJsonDocument::Compact)) + '.' + base64Url(signature);
}

void collectStrings(const QJsonValue &value, QStringList *strings)
{
    if (value.isString()) {
        strings->append(value.toString());
    } else if (value.isArray()) {
        const QJsonArray elements = value.toArray();
        for (const QJsonValue &element : elements)
            collectStrings(element, strings);
    } else if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            strings->append(it.key());
            collectStrings(it.value(), strings);
        }
    }
}

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestReportWriter : public QObject
{
    Q_OBJECT

private slots:
    void statusTags_data();
    void statusTags();
    void textHasHeaderChecksAndFixes();
    void textShowsCounts();
    void verdictIsTheLastLineOfText_data();
    void verdictIsTheLastLineOfText();
    void unknownValuesAreSaidSo();
    void htmlHasTheSameContent();
    void remindersAreKeptInEveryFormat();
    void htmlIsSelfContainedAndPrintable();
    void htmlEscapesEveryValue_data();
    void htmlEscapesEveryValue();
    void unicodeSurvivesEveryFormat();
    void jsonIsTheReportsObject();
    void noOutputHoldsTheKey();
    void writeFilesWritesBoth();
    void writeFilesTakesTheNameOfEitherFile_data();
    void writeFilesTakesTheNameOfEitherFile();
    void writeFilesReplacesAnOlderReport();
    void writeFilesExplainsAnUnwritablePath_data();
    void writeFilesExplainsAnUnwritablePath();
};

void TestReportWriter::statusTags_data()
{
    QTest::addColumn<CheckStatus>("status");
    QTest::addColumn<QString>("tag");
    QTest::newRow("pass") << CheckStatus::Pass << QStringLiteral("[pass]");
    QTest::newRow("warn") << CheckStatus::Warn << QStringLiteral("[warn]");
    QTest::newRow("fail") << CheckStatus::Fail << QStringLiteral("[FAIL]");
    QTest::newRow("skipped") << CheckStatus::Skipped << QStringLiteral("[skip]");
    QTest::newRow("pending") << CheckStatus::Pending << QStringLiteral("[ .. ]");
    QTest::newRow("running") << CheckStatus::Running << QStringLiteral("[ .. ]");
}

void TestReportWriter::statusTags()
{
    QFETCH(CheckStatus, status);
    QFETCH(QString, tag);
    QCOMPARE(ReportWriter::statusTag(status), tag);
    // Every tag has the same width, so the messages line up.
    QCOMPARE(ReportWriter::statusTag(status).size(), 6);
}

void TestReportWriter::textHasHeaderChecksAndFixes()
{
    const CloudReport cloud = blockedReport();
    const ConnectionReport report = cloud;
    const QString text = ReportWriter::toText(report);

    QVERIFY(text.startsWith(QStringLiteral("Dawiso Qlik Setup: connection check\n")));
    QCOMPARE(lineStartingWith(text, QStringLiteral("Host:")).split(QLatin1Char(' '), Qt::SkipEmptyParts).value(1),
             report.host);
    const QString user = lineStartingWith(text, QStringLiteral("User:"));
    QVERIFY2(user.contains(QStringLiteral("Dawiso Integration <dawiso@acme.example>")), qPrintable(user));
    QVERIFY2(user.contains(report.userId), qPrintable(user));
    const QString tenant = lineStartingWith(text, QStringLiteral("Tenant:"));
    QVERIFY2(tenant.contains(QStringLiteral("Acme")) && tenant.contains(cloud.findings.tenantId)
                 && tenant.contains(QStringLiteral("region eu")),
             qPrintable(tenant));
    const QString key = lineStartingWith(text, QStringLiteral("API key:"));
    QVERIFY2(key.contains(report.keyId), qPrintable(key));
    QVERIFY2(key.contains(QStringLiteral("2026-03-21")) && key.contains(QStringLiteral("(in 20 day")), qPrintable(key));
    QVERIFY(lineStartingWith(text, QStringLiteral("Checked:")).contains(QStringLiteral("2026-03-01 10:00 UTC")));

    // One line per check, in order, each with its tag, id and message.
    const QStringList lines = linesOf(text);
    QStringList checkLines;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('[')))
            checkLines << line;
    }
    QCOMPARE(checkLines.size(), report.checks.size());
    for (int i = 0; i < report.checks.size(); ++i) {
        const CheckResult &result = report.checks.at(i);
        QVERIFY2(checkLines.at(i).startsWith(ReportWriter::statusTag(result.status) + QLatin1Char(' ') + result.id),
                 qPrintable(checkLines.at(i)));
        QVERIFY2(checkLines.at(i).endsWith(result.message), qPrintable(checkLines.at(i)));
    }
    QVERIFY(text.contains(QStringLiteral("[FAIL] spaces")));
    QVERIFY(text.contains(QStringLiteral("[skip] apps")));

    // A fix follows its check, indented.
    const int adminLine = int(lines.indexOf(lineStartingWith(text, QStringLiteral("[warn] admin"))));
    QVERIFY(adminLine >= 0);
    const QString fixLine = lines.value(adminLine + 1);
    QVERIFY2(fixLine.startsWith(QStringLiteral("    ")), qPrintable(fixLine));
    QVERIFY2(fixLine.trimmed() == QStringLiteral("Fix: Use a dedicated user without the TenantAdmin role."),
             qPrintable(fixLine));
    // A check without a fix is followed by the next check directly.
    const int identityLine = int(lines.indexOf(lineStartingWith(text, QStringLiteral("[pass] identity"))));
    QVERIFY(lines.value(identityLine + 1).startsWith(QStringLiteral("[warn] admin")));
}

void TestReportWriter::textShowsCounts()
{
    const QString usable = ReportWriter::toText(usableReport());
    const QString spaces = lineStartingWith(usable, QStringLiteral("Spaces:"));
    QVERIFY2(spaces.contains(QStringLiteral("3 (managed: 1, shared: 2)")), qPrintable(spaces));
    const QString apps = lineStartingWith(usable, QStringLiteral("Apps:"));
    QVERIFY2(apps.contains(QStringLiteral("12")) && apps.contains(QStringLiteral("managed: 5"))
                 && apps.contains(QStringLiteral("shared: 7")),
             qPrintable(apps));
    const QString checks = lineStartingWith(usable, QStringLiteral("Checks:"));
    QVERIFY2(checks.contains(QStringLiteral("8 passed, 0 with a warning, 0 failed, 0 not checked")),
             qPrintable(checks));
    const QString requests = lineStartingWith(usable, QStringLiteral("Requests:"));
    QVERIFY2(requests.contains(QStringLiteral("6 request")) && requests.contains(QStringLiteral("2 list page")),
             qPrintable(requests));

    // Lists that were never read are not reported as empty.
    const QString blocked = ReportWriter::toText(blockedReport());
    QVERIFY(lineStartingWith(blocked, QStringLiteral("Apps:")).endsWith(QStringLiteral("not read")));
    QVERIFY(lineStartingWith(blocked, QStringLiteral("Spaces:")).endsWith(QStringLiteral(" 0")));
    QVERIFY(lineStartingWith(blocked, QStringLiteral("Checks:"))
                .contains(QStringLiteral("2 passed, 2 with a warning, 1 failed, 3 not checked")));
}

void TestReportWriter::verdictIsTheLastLineOfText_data()
{
    QTest::addColumn<ConnectionReport::Verdict>("verdict");
    QTest::addColumn<bool>("withWarning");
    QTest::addColumn<QString>("startsWith");
    QTest::newRow("usable") << ConnectionReport::Verdict::Usable << false << QStringLiteral("Dawiso can use this key");
    QTest::newRow("usable with a warning")
        << ConnectionReport::Verdict::Usable << true << QStringLiteral("Dawiso can use this key");
    QTest::newRow("blocked") << ConnectionReport::Verdict::Blocked << true
                             << QStringLiteral("Dawiso cannot use this key yet");
    QTest::newRow("unreachable") << ConnectionReport::Verdict::Unreachable << false
                                 << QStringLiteral("Qlik could not be reached");
    QTest::newRow("cancelled") << ConnectionReport::Verdict::Cancelled << false
                               << QStringLiteral("The check was stopped");
}

void TestReportWriter::verdictIsTheLastLineOfText()
{
    QFETCH(ConnectionReport::Verdict, verdict);
    QFETCH(bool, withWarning);
    QFETCH(QString, startsWith);
    ConnectionReport report = usableReport();
    if (withWarning)
        setCheck(report, QStringLiteral("expiry"), CheckStatus::Warn, QStringLiteral("Soon."),
                 QStringLiteral("Renew."));
    report.verdict = verdict;
    const QString text = ReportWriter::toText(report);
    QVERIFY(text.endsWith(QLatin1Char('\n')));
    const QString last = linesOf(text).constLast();
    QCOMPARE(last, report.verdictText());
    QVERIFY2(last.startsWith(startsWith), qPrintable(last));
    QVERIFY(!last.contains(QLatin1Char('\n')));
}

void TestReportWriter::unknownValuesAreSaidSo()
{
    // What an unreachable host leaves: no user, no tenant, no key id, no expiry.
    ConnectionReport report;
    report.host = QStringLiteral("localhost:1");
    report.checkedAt = checkedAt;
    report.checks = CloudConnectionCheck::plan();
    CloudCheckFindings().describe(report);
    setCheck(report, QStringLiteral("identity"), CheckStatus::Fail,
             QStringLiteral("localhost:1 refused the connection."),
             QStringLiteral("Check the port number in the address."));
    report.verdict = ConnectionReport::Verdict::Unreachable;
    const QString text = ReportWriter::toText(report);
    QVERIFY(lineStartingWith(text, QStringLiteral("User:")).endsWith(QStringLiteral("not known")));
    QVERIFY(lineStartingWith(text, QStringLiteral("Tenant:")).endsWith(QStringLiteral("not known")));
    const QString key = lineStartingWith(text, QStringLiteral("API key:"));
    QVERIFY2(key.contains(QStringLiteral("id not known")) && key.contains(QStringLiteral("expiry not known")),
             qPrintable(key));
    QVERIFY(text.contains(QStringLiteral("[FAIL] identity")));
    QVERIFY(text.contains(QStringLiteral("refused the connection")));
    QVERIFY(text.contains(QStringLiteral("[ .. ] admin")));
    QCOMPARE(linesOf(text).constLast(), report.verdictText());

    // An expired key says so instead of counting negative days.
    report.keyId = QStringLiteral("k1");
    report.keyExpiry = checkedAt.addDays(-3);
    QVERIFY(ReportWriter::toText(report).contains(QStringLiteral("id k1, expired on 2026-02-26")));
}

void TestReportWriter::htmlHasTheSameContent()
{
    const CloudReport cloud = blockedReport();
    const ConnectionReport report = cloud;
    const QString html = ReportWriter::toHtml(report);
    for (const QString &value :
         {report.host, report.userName, report.userEmail, report.userId, cloud.findings.tenantName,
          cloud.findings.tenantId, report.keyId, QStringLiteral("2026-03-21"), report.verdictText()}) {
        QVERIFY2(html.contains(value.toHtmlEscaped()), qPrintable(value));
    }
    for (const CheckResult &result : report.checks) {
        QVERIFY2(html.contains(result.title.toHtmlEscaped()), qPrintable(result.id));
        QVERIFY2(html.contains(result.message.toHtmlEscaped()), qPrintable(result.id));
        if (!result.advice.isEmpty())
            QVERIFY2(html.contains(result.advice.toHtmlEscaped()), qPrintable(result.id));
        QVERIFY2(html.contains(QStringLiteral("<li class=\"%1\">").arg(checkStatusName(result.status))),
                 qPrintable(result.id));
    }
    QVERIFY(html.contains(QStringLiteral("class=\"verdict blocked\"")));
    QVERIFY(html.contains(QStringLiteral("2 passed, 2 with a warning, 1 failed, 3 not checked")));
    QVERIFY(ReportWriter::toHtml(usableReport()).contains(QStringLiteral("3 (managed: 1, shared: 2)")));
}

void TestReportWriter::remindersAreKeptInEveryFormat()
{
    CloudReport cloud = usableReport();
    const QString reminder = QStringLiteral("Never take the role with Manage API keys away from <Dawiso Integration>.");
    cloud.findings.reminders = {reminder};
    const ConnectionReport report = cloud;

    const QStringList lines = linesOf(ReportWriter::toText(report));
    const int heading = int(lines.indexOf(QStringLiteral("Keep in mind:")));
    QVERIFY(heading > 0);
    QCOMPARE(lines.value(heading + 1), QStringLiteral("  - ") + reminder);
    QVERIFY(ReportWriter::toHtml(report).contains(QStringLiteral("<li>") + reminder.toHtmlEscaped()
                                                  + QStringLiteral("</li>")));
    QCOMPARE(report.toJson().value(QStringLiteral("reminders")).toArray(), QJsonArray {reminder});

    // Without reminders, no empty heading.
    QVERIFY(!ReportWriter::toText(usableReport()).contains(QStringLiteral("Keep in mind")));
    QVERIFY(!ReportWriter::toHtml(usableReport()).contains(QStringLiteral("Keep in mind")));
}

void TestReportWriter::htmlIsSelfContainedAndPrintable()
{
    const QString html = ReportWriter::toHtml(usableReport());
    QVERIFY(html.startsWith(QStringLiteral("<!DOCTYPE html>")));
    QVERIFY(html.contains(QStringLiteral("<meta charset=\"utf-8\">")));
    QVERIFY(html.contains(QStringLiteral("<style>")));
    QVERIFY(html.contains(QStringLiteral("@media print")));
    QVERIFY(html.contains(QStringLiteral("default-src 'none'")));
    QVERIFY(html.trimmed().endsWith(QStringLiteral("</html>")));
    // Nothing runs and nothing is loaded from anywhere.
    for (const char *forbidden : {"<script", "<link", "<img", "<iframe", "<object", "src=", "href=", "@import", "url(",
                                  "http://", "https://", "javascript:"}) {
        QVERIFY2(!html.contains(QLatin1String(forbidden), Qt::CaseInsensitive), forbidden);
    }
}

void TestReportWriter::htmlEscapesEveryValue_data()
{
    QTest::addColumn<QString>("field");
    for (const char *field : {"host", "userName", "userEmail", "userId", "tenantName", "tenantRegion", "keyId",
                              "checkTitle", "checkId", "message", "fix", "spaceType"})
        QTest::newRow(field) << QString::fromLatin1(field);
}

void TestReportWriter::htmlEscapesEveryValue()
{
    QFETCH(QString, field);
    const QString hostile = QStringLiteral("<script>alert(\"x\")</script> & <img src=x onerror=alert(1)>");
    CloudReport cloud = usableReport();
    ConnectionReport &report = cloud.report;
    CheckResult &first = report.checks.first();
    const QHash<QString, QString *> fields {
        {QStringLiteral("host"), &report.host},
        {QStringLiteral("userName"), &report.userName},
        {QStringLiteral("userEmail"), &report.userEmail},
        {QStringLiteral("userId"), &report.userId},
        {QStringLiteral("tenantName"), &cloud.findings.tenantName},
        {QStringLiteral("tenantRegion"), &cloud.findings.tenantRegion},
        {QStringLiteral("keyId"), &report.keyId},
        {QStringLiteral("checkTitle"), &first.title},
        {QStringLiteral("checkId"), &first.id},
        {QStringLiteral("message"), &first.message},
        {QStringLiteral("fix"), &first.advice},
    };
    if (field == QLatin1String("spaceType"))
        cloud.findings.spacesByType.insert(hostile, 1);
    else
        *fields.value(field) = hostile;

    const QString html = ReportWriter::toHtml(cloud);
    QVERIFY(!html.contains(QStringLiteral("<script"), Qt::CaseInsensitive));
    QVERIFY(!html.contains(QStringLiteral("<img"), Qt::CaseInsensitive));
    QVERIFY(html.contains(QStringLiteral("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img")));
}

void TestReportWriter::unicodeSurvivesEveryFormat()
{
    CloudReport cloud = usableReport();
    cloud.report.userName = QStringLiteral("Zoë Ørsted 北京 🚀");
    cloud.findings.tenantName = QStringLiteral("Müller & Söhne – Qlik");
    cloud.report.checks[4].message = QStringLiteral("„Finanční“ space: 3 apps ✓");
    const ConnectionReport report = cloud;
    const QString text = ReportWriter::toText(report);
    QVERIFY(text.contains(report.userName));
    QVERIFY(text.contains(report.checks[4].message));
    const QString html = ReportWriter::toHtml(report);
    QVERIFY(html.contains(report.userName));
    QVERIFY(html.contains(QStringLiteral("Müller &amp; Söhne – Qlik")));
    QVERIFY(html.contains(report.checks[4].message));

    const QJsonObject json = QJsonDocument::fromJson(ReportWriter::toJson(report)).object();
    QCOMPARE(json.value(QStringLiteral("user")).toObject().value(QStringLiteral("name")).toString(), report.userName);
    QCOMPARE(
        json.value(QStringLiteral("checks")).toArray().at(4).toObject().value(QStringLiteral("message")).toString(),
        report.checks[4].message);
}

void TestReportWriter::jsonIsTheReportsObject()
{
    const ConnectionReport report = usableReport();
    const QByteArray bytes = ReportWriter::toJson(report);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    QCOMPARE(error.error, QJsonParseError::NoError);
    QVERIFY(document.isObject());
    QCOMPARE(document.object(), report.toJson());
    QVERIFY2(bytes.contains("\n    \""), "indented for people reading it");

    const QJsonObject json = document.object();
    QCOMPARE(json.value(QStringLiteral("host")).toString(), report.host);
    const QJsonObject user = json.value(QStringLiteral("user")).toObject();
    QCOMPARE(user.value(QStringLiteral("id")).toString(), report.userId);
    QCOMPARE(user.value(QStringLiteral("name")).toString(), report.userName);
    QCOMPARE(user.value(QStringLiteral("email")).toString(), report.userEmail);
    const QJsonArray checks = json.value(QStringLiteral("checks")).toArray();
    QCOMPARE(checks.size(), report.checks.size());
    for (int i = 0; i < checks.size(); ++i) {
        const QJsonObject check = checks.at(i).toObject();
        QCOMPARE(check.value(QStringLiteral("id")).toString(), report.checks.at(i).id);
        QCOMPARE(check.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
        QCOMPARE(check.value(QStringLiteral("message")).toString(), report.checks.at(i).message);
    }
    const QJsonObject counts = json.value(QStringLiteral("counts")).toObject();
    QCOMPARE(counts.value(QStringLiteral("apps")).toInt(), 12);
    QCOMPARE(counts.value(QStringLiteral("spaces")).toInt(), 3);
    QCOMPARE(counts.value(QStringLiteral("spacesByType")).toObject().value(QStringLiteral("shared")).toInt(), 2);
}

void TestReportWriter::noOutputHoldsTheKey()
{
    // A report filled the way the check fills it from a key: its id and expiry, never the key.
    const QByteArray token = sampleToken();
    ApiKeyToken key = ApiKeyToken::fromPastedText(QString::fromLatin1(token));
    QVERIFY(key.isWellFormed());
    ConnectionReport report = blockedReport();
    report.keyId = key.keyId();
    report.keyExpiry = *key.expiresAt();
    key.wipe();
    const QByteArray signature = token.mid(token.lastIndexOf('.') + 1);
    QVERIFY(signature.size() > 100);

    const QList<QByteArray> outputs {ReportWriter::toText(report).toUtf8(), ReportWriter::toHtml(report).toUtf8(),
                                     ReportWriter::toJson(report)};
    for (const QByteArray &output : outputs) {
        QVERIFY(!output.contains(token));
        QVERIFY(!output.contains(signature));
        QVERIFY(output.contains(report.keyId.toUtf8()));
    }
    QStringList strings;
    collectStrings(report.toJson(), &strings);
    QVERIFY(strings.size() > 20);
    for (const QString &value : std::as_const(strings)) {
        QVERIFY(!value.contains(QString::fromLatin1(token)));
        QVERIFY(!value.contains(QString::fromLatin1(signature)));
    }
}

void TestReportWriter::writeFilesWritesBoth()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ConnectionReport report = blockedReport();
    const QString base = dir.filePath(QStringLiteral("connection report"));
    QCOMPARE(ReportWriter::writeFiles(report, base), QString());
    QCOMPARE(readFile(base + QStringLiteral(".html")), ReportWriter::toHtml(report).toUtf8());
    QCOMPARE(readFile(base + QStringLiteral(".json")), ReportWriter::toJson(report));
    // Nothing else is left behind (no temporary files of QSaveFile).
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden).size(), 2);
}

void TestReportWriter::writeFilesTakesTheNameOfEitherFile_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow(".html") << QStringLiteral("report.html");
    QTest::newRow(".json") << QStringLiteral("report.json");
    QTest::newRow("upper case") << QStringLiteral("report.HTML");
    QTest::newRow("no suffix") << QStringLiteral("report");
}

void TestReportWriter::writeFilesTakesTheNameOfEitherFile()
{
    QFETCH(QString, name);
    QTemporaryDir dir;
    QCOMPARE(ReportWriter::writeFiles(usableReport(), dir.filePath(name)), QString());
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files, QDir::Name),
             QStringList({QStringLiteral("report.html"), QStringLiteral("report.json")}));
}

void TestReportWriter::writeFilesReplacesAnOlderReport()
{
    QTemporaryDir dir;
    const QString base = dir.filePath(QStringLiteral("report"));
    QCOMPARE(ReportWriter::writeFiles(blockedReport(), base), QString());
    const ConnectionReport newer = usableReport();
    QCOMPARE(ReportWriter::writeFiles(newer, base), QString());
    QCOMPARE(readFile(base + QStringLiteral(".json")), ReportWriter::toJson(newer));
    QCOMPARE(readFile(base + QStringLiteral(".html")), ReportWriter::toHtml(newer).toUtf8());
}

void TestReportWriter::writeFilesExplainsAnUnwritablePath_data()
{
    QTest::addColumn<QString>("relativePath"); // inside a temporary directory; "" for no name at all
    QTest::addColumn<QString>("mentions");
    QTest::newRow("folder does not exist") << QStringLiteral("missing/deeper/report") << QStringLiteral("report.html");
    QTest::newRow("parent is a file") << QStringLiteral("plain.txt/report") << QStringLiteral("report.html");
    QTest::newRow("no name") << QString() << QStringLiteral("file name");
    QTest::newRow("only a folder") << QStringLiteral("sub/") << QStringLiteral("file name");
}

void TestReportWriter::writeFilesExplainsAnUnwritablePath()
{
    QFETCH(QString, relativePath);
    QFETCH(QString, mentions);
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("sub")));
    QFile plain(dir.filePath(QStringLiteral("plain.txt")));
    QVERIFY(plain.open(QIODevice::WriteOnly));
    plain.close();

    const QString path = relativePath.isEmpty() ? QString() : dir.filePath(relativePath);
    const QString error = ReportWriter::writeFiles(usableReport(), path);
    QVERIFY2(!error.isEmpty(), qPrintable(path));
    QVERIFY2(error.contains(mentions), qPrintable(error));
    QVERIFY2(error.endsWith(QLatin1Char('.')), qPrintable(error));
    // Nothing was written anywhere.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden), QStringList {QStringLiteral("plain.txt")});
    QVERIFY(QDir(dir.filePath(QStringLiteral("sub"))).isEmpty());
}

QTEST_GUILESS_MAIN(TestReportWriter)
#include "tst_reportwriter.moc"
