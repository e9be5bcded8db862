// The small rules behind the automated steps: ISO 8601 durations, safe SCIM filters, the API-key policy's choices.
#include "provision/ApiKeyCreation.h"
#include "provision/ApiKeyPolicy.h"
#include "provision/IsoDuration.h"
#include "provision/RoleAssignment.h"
#include "provision/ScimFilter.h"

#include <QJsonObject>
#include <QTest>

using namespace Dawiso;

class TestProvisionRules : public QObject
{
    Q_OBJECT

private slots:
    void durations_data();
    void durations();
    void scimQuoting_data();
    void scimQuoting();
    void policyChoices_data();
    void policyChoices();
    void policyFromJsonIsLenient();
    void tenantAdminsAreRefused();
    void keyDescriptionNamesDawisoAndTheDate();
};

void TestProvisionRules::durations_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<qint64>("seconds"); // -1: not a duration
    const qint64 day = 86400;
    QTest::newRow("days") << "P365D" << 365 * day;
    QTest::newRow("hours") << "PT24H" << day;
    QTest::newRow("weeks") << "P2W" << 14 * day;
    QTest::newRow("year and month") << "P1Y2M" << (365 + 60) * day;
    QTest::newRow("mixed") << "P1DT2H30M" << day + 2 * 3600 + 30 * 60;
    QTest::newRow("seconds") << "PT90S" << qint64(90);
    QTest::newRow("lower case, spaces") << " p7d " << 7 * day;
    QTest::newRow("empty") << "" << qint64(-1);
    QTest::newRow("just P") << "P" << qint64(-1);
    QTest::newRow("dangling T") << "P1DT" << qint64(-1);
    QTest::newRow("no P") << "30D" << qint64(-1);
    QTest::newRow("words") << "ninety days" << qint64(-1);
    QTest::newRow("negative") << "P-1D" << qint64(-1);
    QTest::newRow("more days than 64-bit seconds hold") << "P922222222222222222D" << qint64(-1);
    QTest::newRow("two parts, their sum too long") << "P292000000000YT9000000000000000000S" << qint64(-1);
    QTest::newRow("fraction too long") << "PT99999999999999999999.5S" << qint64(-1);
}

void TestProvisionRules::durations()
{
    QFETCH(QString, text);
    QFETCH(qint64, seconds);
    const auto parsed = IsoDuration::toSeconds(text);
    if (seconds < 0) {
        QVERIFY(!parsed);
        return;
    }
    QVERIFY(parsed);
    QCOMPARE(*parsed, seconds);
}

void TestProvisionRules::scimQuoting_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("filter");
    QTest::newRow("plain") << "jane"
                           << R"(name co "jane" or email co "jane")";
    QTest::newRow("double quote") << R"(Quinn "Q")"
                                  << R"(name co "Quinn \"Q\"" or email co "Quinn \"Q\"")";
    QTest::newRow("backslash") << R"(a\b)"
                               << R"(name co "a\\b" or email co "a\\b")";
    QTest::newRow("injection attempt")
        << R"(x" or name pr or name co ")"
        << R"(name co "x\" or name pr or name co \"" or email co "x\" or name pr or name co \"")";
    QTest::newRow("trimmed") << "  jane  "
                             << R"(name co "jane" or email co "jane")";
    QTest::newRow("control characters dropped") << "ja\nne"
                                                << R"(name co "jane" or email co "jane")";
}

void TestProvisionRules::scimQuoting()
{
    QFETCH(QString, typed);
    QFETCH(QString, filter);
    QCOMPARE(ScimFilter::nameOrEmailContains(typed), filter);
}

void TestProvisionRules::policyChoices_data()
{
    QTest::addColumn<QString>("maxExpiry");
    QTest::addColumn<QList<int>>("choices");
    QTest::addColumn<int>("defaultDays");
    QTest::newRow("a year") << "P365D" << QList<int> {30, 90, 180, 365} << 90;
    QTest::newRow("two months") << "P60D" << QList<int> {30} << 30;
    QTest::newRow("Qlik's default, a day") << "PT24H" << QList<int> {1} << 1;
    QTest::newRow("twelve hours") << "PT12H" << QList<int> {} << 0;
    QTest::newRow("unknown") << "" << QList<int> {30, 90, 180, 365} << 90;
}

void TestProvisionRules::policyChoices()
{
    QFETCH(QString, maxExpiry);
    QFETCH(QList<int>, choices);
    QFETCH(int, defaultDays);
    QJsonObject config {{QStringLiteral("max_keys_per_user"), 5}};
    if (!maxExpiry.isEmpty())
        config.insert(QStringLiteral("max_api_key_expiry"), maxExpiry);
    const ApiKeyPolicy policy = ApiKeyPolicy::fromJson(config);
    QCOMPARE(policy.expiryChoicesDays(), choices);
    QCOMPARE(policy.defaultExpiryDays(), defaultDays);
    for (const int days : choices)
        QVERIFY(policy.allowsDays(days));
}

void TestProvisionRules::policyFromJsonIsLenient()
{
    const ApiKeyPolicy wrongTypes = ApiKeyPolicy::fromJson(QJsonObject {
        {QStringLiteral("max_api_key_expiry"), 365}, {QStringLiteral("max_keys_per_user"), QStringLiteral("five")}});
    QVERIFY(!wrongTypes.known);
    QCOMPARE(wrongTypes.maxKeysPerUser, 5);
    const ApiKeyPolicy withOldToggle =
        ApiKeyPolicy::fromJson(QJsonObject {{QStringLiteral("api_keys_enabled"), true},
                                            {QStringLiteral("max_api_key_expiry"), QStringLiteral("P30D")},
                                            {QStringLiteral("max_keys_per_user"), 2}});
    QVERIFY(withOldToggle.known);
    QCOMPARE(withOldToggle.maxKeysPerUser, 2);
    QCOMPARE(withOldToggle.maxExpiryText(), QStringLiteral("30 day(s)"));

    // Lifetimes too short or too long to count in days are said in words a person can use, never as a number that
    // overflowed.
    const auto maxExpiryText = [](const QString &maxExpiry) {
        return ApiKeyPolicy::fromJson(QJsonObject {{QStringLiteral("max_api_key_expiry"), maxExpiry}}).maxExpiryText();
    };
    QCOMPARE(maxExpiryText(QStringLiteral("PT45M")), QStringLiteral("45 minute(s)"));
    QCOMPARE(maxExpiryText(QStringLiteral("PT6H")), QStringLiteral("6 hour(s)"));
    QCOMPARE(maxExpiryText(QStringLiteral("P36500D")), QStringLiteral("36500 day(s)"));
    QCOMPARE(maxExpiryText(QStringLiteral("P36501D")), QStringLiteral("more than 100 year(s)"));
    QCOMPARE(maxExpiryText(QStringLiteral("P9000000000D")), QStringLiteral("more than 100 year(s)"));
}

void TestProvisionRules::tenantAdminsAreRefused()
{
    QlikUser plain;
    plain.id = QStringLiteral("u1");
    plain.name = QStringLiteral("Riley Reader");
    plain.status = QStringLiteral("active");
    QVERIFY(RoleAssignment::refusalFor(plain).isEmpty());

    QlikUser direct = plain;
    direct.roles << QlikRoleRef {QStringLiteral("r"), QStringLiteral("TenantAdmin"), QStringLiteral("default"),
                                 QStringLiteral("admin")};
    QVERIFY(RoleAssignment::refusalFor(direct).contains(QLatin1String("tenant admin")));

    QlikUser viaGroup = plain;
    viaGroup.groups << QlikGroupRef {QStringLiteral("g"),
                                     QStringLiteral("Admins"),
                                     {QlikRoleRef {QStringLiteral("r"), QStringLiteral("TenantAdmin"),
                                                   QStringLiteral("default"), QStringLiteral("admin")}}};
    QVERIFY(RoleAssignment::refusalFor(viaGroup).contains(QLatin1String("Admins")));

    QlikUser disabled = plain;
    disabled.status = QStringLiteral("disabled");
    QVERIFY(RoleAssignment::refusalFor(disabled).contains(QLatin1String("disabled")));
}

void TestProvisionRules::keyDescriptionNamesDawisoAndTheDate()
{
    const QString description = ApiKeyCreation::descriptionFor(QDate(2026, 11, 28));
    QVERIFY(description.contains(QLatin1String("Dawiso")));
    QVERIFY(description.contains(QLatin1String("2026-11-28")));
}

QTEST_GUILESS_MAIN(TestProvisionRules)
#include "tst_provisionrules.moc"
