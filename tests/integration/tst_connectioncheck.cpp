// The connection check against each simulated tenant scenario: every failure a catalog integration meets gets its
// status and its fix, over real HTTPS.
#include "SimulatorClientFixture.h"
#include "cloud/CloudConnectionCheck.h"
#include "common/Clock.h"
#include "qlik/QlikClient.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/cloud/SimulatorScenario.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUrlQuery>

#include <algorithm>

using namespace Dawiso;
using Simulator::CheckScenario;
using Simulator::QlikSimulator;
using Simulator::SimulatorScenario;
using Simulator::SimUser;

Q_DECLARE_METATYPE(Dawiso::Simulator::CheckScenario)

class TestConnectionCheck : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void scenarios_data();
    void scenarios();
    void healthyTenantIsCountedAndOpened();
    void manyAppsArePagedWithTheFewestRequests();
    void unreachableHostSkipsEverything();
    void keyUserMustKeepManageApiKeys();
    void anyAdminLevelRoleIsWarnedAbout();
    void blockedIdentitySkipsTheRest_data();
    void blockedIdentitySkipsTheRest();
    void cancelStopsEveryCheck();
    void expiryIsJudgedByTheClock();
    void cleanup();
    void reportNeverHoldsTheKey();

private:
    struct Run
    {
        ConnectionReport report;
        QList<CheckResult> changes;
        QStringList progress;
    };
    // Checks the fixture's simulator with key, through the fixture's client.
    Run run(const QByteArray &key, const QString &host = {});
    static QString statusOf(const ConnectionReport &report, const QString &id);
};

TestConnectionCheck::Run TestConnectionCheck::run(const QByteArray &key, const QString &host)
{
    CloudConnectionCheck check(m_client.get());
    Run result;
    connect(&check, &ConnectionCheck::checkChanged, this,
            [&result](const CheckResult &change) { result.changes << change; });
    connect(&check, &ConnectionCheck::progress, this,
            [&result](const QString &message) { result.progress << message; });
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start(host.isEmpty() ? m_simulator->hostAndPort() : host, key);
    if (!finished.wait(60000))
        return result;
    result.report = finished.first().first().value<ConnectionReport>();
    if (check.isRunning() || m_client->hasApiKey())
        result.report.failureMessage = QStringLiteral("check still running or key still held");
    return result;
}

QString TestConnectionCheck::statusOf(const ConnectionReport &report, const QString &id)
{
    const CheckResult *check = report.check(id);
    return check ? checkStatusName(check->status) : QStringLiteral("missing");
}

void TestConnectionCheck::scenarios_data()
{
    QTest::addColumn<CheckScenario>("scenario");
    QTest::addColumn<int>("verdict");
    QTest::addColumn<QString>("checkId");
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("fixMentions"); // the fix must say this (empty: no fix expected)

    using V = ConnectionReport::Verdict;
    QTest::newRow("healthy") << CheckScenario::Healthy << int(V::Usable) << "app-access"
                             << "pass"
                             << "";
    QTest::newRow("no spaces") << CheckScenario::NoSpaces << int(V::Blocked) << "spaces"
                               << "fail"
                               << "Can view";
    QTest::newRow("apps listed, not openable") << CheckScenario::AppsNotOpenable << int(V::Blocked) << "app-access"
                                               << "fail"
                                               << "Can view";
    QTest::newRow("tenant admin outside managed spaces")
        << CheckScenario::ManagedAdmin << int(V::Blocked) << "app-access"
        << "fail"
        << "managed spaces";
    QTest::newRow("tenant admin key") << CheckScenario::TenantAdminKey << int(V::Usable) << "admin"
                                      << "warn"
                                      << "dedicated user";
    QTest::newRow("expires in 3 days") << CheckScenario::ExpiringSoon << int(V::Usable) << "expiry"
                                       << "warn"
                                       << "longer expiry";
    QTest::newRow("expired key") << CheckScenario::ExpiredKey << int(V::Blocked) << "identity"
                                 << "fail"
                                 << "new key";
    QTest::newRow("429 on the first page") << CheckScenario::RateLimitedFirstPage << int(V::Usable) << "spaces"
                                           << "pass"
                                           << "";
    QTest::newRow("250 apps in 3 spaces") << CheckScenario::ManyApps << int(V::Usable) << "apps"
                                          << "pass"
                                          << "";
    QTest::newRow("slow responses") << CheckScenario::SlowResponses << int(V::Usable) << "apps"
                                    << "pass"
                                    << "";
    QTest::newRow("invalid JSON") << CheckScenario::InvalidJson << int(V::Blocked) << "apps"
                                  << "fail"
                                  << "support";
    QTest::newRow("wrong JSON types") << CheckScenario::WrongJsonTypes << int(V::Blocked) << "spaces"
                                      << "fail"
                                      << "support";
}

void TestConnectionCheck::scenarios()
{
    QFETCH(CheckScenario, scenario);
    QFETCH(int, verdict);
    QFETCH(QString, checkId);
    QFETCH(QString, status);
    QFETCH(QString, fixMentions);

    const auto setup = SimulatorScenario::tenantFor(scenario);
    QVERIFY(startSimulator(setup.tenant));
    QlikSimulator &simulator = *m_simulator;
    SimulatorScenario::applyFaults(scenario, simulator);
    const Run result = run(simulator.sampleToken(setup.key));

    QVERIFY2(result.report.failureMessage.isEmpty(), qPrintable(result.report.failureMessage));
    QCOMPARE(int(result.report.verdict), verdict);
    const CheckResult *check = result.report.check(checkId);
    QVERIFY(check);
    QCOMPARE(checkStatusName(check->status), status);
    QVERIFY(!check->message.isEmpty());
    if (fixMentions.isEmpty())
        QVERIFY2(check->advice.isEmpty(), qPrintable(check->advice));
    else
        QVERIFY2(check->advice.contains(fixMentions, Qt::CaseInsensitive), qPrintable(check->advice));
    // Every check ends in a final state, and a blocked verdict always comes with a failed check.
    for (const CheckResult &each : result.report.checks) {
        QVERIFY2(each.status != CheckStatus::Pending && each.status != CheckStatus::Running, qPrintable(each.id));
        if (each.status == CheckStatus::Fail || each.status == CheckStatus::Warn)
            QVERIFY2(!each.advice.isEmpty(), qPrintable(each.id + QStringLiteral(" has no fix")));
    }
    QCOMPARE(result.report.verdict == ConnectionReport::Verdict::Blocked,
             result.report.countWithStatus(CheckStatus::Fail) > 0);
}

void TestConnectionCheck::healthyTenantIsCountedAndOpened()
{
    const auto setup = SimulatorScenario::tenantFor(CheckScenario::Healthy);
    QVERIFY(startSimulator(setup.tenant));
    QlikSimulator &simulator = *m_simulator;
    const Run result = run(simulator.sampleToken(setup.key));
    const ConnectionReport &report = result.report;
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QCOMPARE(report.countWithStatus(CheckStatus::Pass), 8);
    QCOMPARE(report.userId, simulator.sampleUserId(setup.key));
    QCOMPARE(report.keyId, simulator.sampleKeyId(setup.key));
    QVERIFY(report.keyExpiry.isValid());
    QCOMPARE(report.value(QStringLiteral("tenant.id")).toString(), simulator.tenant().id);

    // The counts match what the simulated user can see.
    int visibleApps = 0;
    for (const auto &app : simulator.tenant().apps) {
        for (const auto &space : simulator.tenant().spaces) {
            if (space.id == app.spaceId && space.memberIds.contains(report.userId))
                ++visibleApps;
        }
    }
    QVERIFY(visibleApps > 0);
    QCOMPARE(report.value(QStringLiteral("counts.apps")).toInt(), visibleApps);
    QCOMPARE(report.value(QStringLiteral("counts.spaces")).toInt(), 3);
    QCOMPARE(report.value(QStringLiteral("counts.spacesByType.managed")).toInt(), 1);
    QCOMPARE(report.counts.requests, simulator.requests().size()); // the check counts what the server saw
    // One sample app per space type was opened, with its data model.
    QCOMPARE(simulator.requestCount(QStringLiteral("/api/v1/apps/")), 2 * 3);
    // Live updates: every check went through Running before its result.
    for (const CheckResult &check : report.checks) {
        bool sawRunning = false;
        for (const CheckResult &change : result.changes)
            sawRunning = sawRunning || (change.id == check.id && change.status == CheckStatus::Running);
        // Whose key it is answers these two along with the identity.
        if (check.id != QLatin1String("admin") && check.id != QLatin1String("permission"))
            QVERIFY2(sawRunning, qPrintable(check.id));
    }
    QVERIFY(!result.progress.isEmpty());
}

void TestConnectionCheck::manyAppsArePagedWithTheFewestRequests()
{
    const auto setup = SimulatorScenario::tenantFor(CheckScenario::ManyApps);
    QVERIFY(startSimulator(setup.tenant));
    QlikSimulator &simulator = *m_simulator;
    const Run result = run(simulator.sampleToken(setup.key));
    QCOMPARE(result.report.value(QStringLiteral("counts.apps")).toInt(), 250);
    QCOMPARE(simulator.requestCount(QStringLiteral("/api/v1/items")), 3); // ceil(250 / 100)
    QCOMPARE(simulator.requestCount(QStringLiteral("/api/v1/spaces")), 1);
    // Every page asks Qlik not to evaluate each item's actions, which the check never reads.
    for (const auto &request : simulator.requests()) {
        if (request.path == u"/api/v1/items")
            QVERIFY2(QUrlQuery(request.query).queryItemValue(QStringLiteral("noActions")) == u"true",
                     qPrintable(request.query));
    }
}

void TestConnectionCheck::unreachableHostSkipsEverything()
{
    QlikSimulator simulator;
    QVERIFY(simulator.start());
    QTcpServer reserve;
    QVERIFY(reserve.listen(QHostAddress::LocalHost));
    const quint16 port = reserve.serverPort();
    reserve.close();

    QNetworkAccessManager network;
    TlsTrust trust;
    QlikClient client(&network, &trust);
    QUrl base(QStringLiteral("https://localhost"));
    base.setPort(port);
    client.setBaseUrl(base);
    CloudConnectionCheck check(&client);
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start(QStringLiteral("localhost:%1").arg(port), simulator.sampleToken(Simulator::SampleKey::Healthy));
    QVERIFY(finished.wait(30000));
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Unreachable);
    QVERIFY(report.failureMessage.contains(QString::number(port)));
    QCOMPARE(statusOf(report, QStringLiteral("identity")), QStringLiteral("fail"));
    QCOMPARE(report.countWithStatus(CheckStatus::Skipped), 7);
}

void TestConnectionCheck::keyUserMustKeepManageApiKeys()
{
    QVERIFY(startSimulator());
    QlikSimulator &simulator = *m_simulator;
    const QByteArray key = simulator.sampleToken(Simulator::SampleKey::Healthy);
    SimUser *user = simulator.tenant().user(simulator.sampleUserId(Simulator::SampleKey::Healthy));
    QVERIFY(user);

    // With the role: the permission passes, and the report reminds the admin to keep it.
    Run result = run(key);
    QCOMPARE(statusOf(result.report, QStringLiteral("permission")), QStringLiteral("pass"));
    QCOMPARE(result.report.reminders.size(), 1);
    QVERIFY2(result.report.reminders.constFirst().contains(user->name),
             qPrintable(result.report.reminders.join(QLatin1Char(' '))));
    QVERIFY(result.report.reminders.constFirst().contains(QStringLiteral("Manage API keys")));

    // Someone took the Dawiso role away: Qlik still answered, but the check warns and says how to give it back.
    QVERIFY(user->roleNames.removeAll(QStringLiteral("Dawiso Integration")) == 1);
    QVERIFY(!simulator.tenant().effectiveScopes(*user).contains(QStringLiteral("api-keys")));
    result = run(key);
    QCOMPARE(statusOf(result.report, QStringLiteral("permission")), QStringLiteral("warn"));
    const CheckResult *permission = nullptr;
    for (const CheckResult &check : result.report.checks)
        permission = check.id == QLatin1String("permission") ? &check : permission;
    QVERIFY(permission);
    QVERIFY2(permission->advice.contains(QStringLiteral("Assign roles")), qPrintable(permission->advice));
    QCOMPARE(result.report.verdict, ConnectionReport::Verdict::Usable);
}

void TestConnectionCheck::anyAdminLevelRoleIsWarnedAbout()
{
    QVERIFY(startSimulator());
    QlikSimulator &simulator = *m_simulator;
    SimUser *user = simulator.tenant().user(simulator.sampleUserId(Simulator::SampleKey::Healthy));
    QVERIFY(user);
    user->roleNames << QStringLiteral("AnalyticsAdmin");
    const Run result = run(simulator.sampleToken(Simulator::SampleKey::Healthy));
    QCOMPARE(statusOf(result.report, QStringLiteral("admin")), QStringLiteral("warn"));
    const CheckResult *admin = nullptr;
    for (const CheckResult &check : result.report.checks)
        admin = check.id == QLatin1String("admin") ? &check : admin;
    QVERIFY(admin);
    QVERIFY2(admin->advice.contains(QStringLiteral("AnalyticsAdmin")), qPrintable(admin->advice));
    QVERIFY2(!admin->message.contains(QStringLiteral("tenant admin")), qPrintable(admin->message));
    // An admin's rights do not hang on Manage API keys alone, so that is not judged.
    QCOMPARE(statusOf(result.report, QStringLiteral("permission")), QStringLiteral("skipped"));
}

void TestConnectionCheck::blockedIdentitySkipsTheRest_data()
{
    QTest::addColumn<bool>("inactiveUser"); // else: the answer about the user cannot be read
    QTest::addColumn<QString>("messageMentions");
    QTest::newRow("inactive user") << true << "disabled";
    QTest::newRow("unreadable user") << false << "could not be read";
}

// When Qlik answers about the key's user but the check cannot go on, nothing is left "Waiting" in the list.
void TestConnectionCheck::blockedIdentitySkipsTheRest()
{
    QFETCH(bool, inactiveUser);
    QFETCH(QString, messageMentions);
    QVERIFY(startSimulator());
    QlikSimulator &simulator = *m_simulator;
    QByteArray key;
    if (inactiveUser) {
        // Qlik itself refuses a disabled user's key; a 200 about a disabled user is what the check must still handle.
        // A tenant admin's key may read any user, so /users/me is sent on to a disabled one.
        key = simulator.sampleToken(Simulator::SampleKey::TenantAdmin);
        QUrl disabledUser = simulator.baseUrl();
        disabledUser.setPath(QStringLiteral("/api/v1/users/65f1c0a1b2c3d4e5f6a70006")); // Dan Disabled
        simulator.setRedirectTarget(QStringLiteral("/api/v1/users/me"), disabledUser);
    } else {
        key = simulator.sampleToken(Simulator::SampleKey::Healthy);
        simulator.setMalformedJson(
            QStringLiteral("/api/v1/users/") + simulator.sampleUserId(Simulator::SampleKey::Healthy), true);
    }
    const Run result = run(key);
    const ConnectionReport &report = result.report;
    QVERIFY2(report.failureMessage.isEmpty(), qPrintable(report.failureMessage));
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    const CheckResult *identity = report.check(QStringLiteral("identity"));
    QVERIFY(identity);
    QCOMPARE(identity->status, CheckStatus::Fail);
    QVERIFY2(identity->message.contains(messageMentions), qPrintable(identity->message));
    QVERIFY(!identity->advice.isEmpty());
    for (const CheckResult &each : report.checks) {
        if (each.id != identity->id) {
            QVERIFY2(each.status == CheckStatus::Skipped, qPrintable(each.id));
            QVERIFY2(each.message.startsWith(QLatin1String("Not checked")), qPrintable(each.id));
        }
    }
    // The list shown to the user got the same final states.
    QHash<QString, CheckStatus> shown;
    for (const CheckResult &change : result.changes)
        shown.insert(change.id, change.status);
    const QList<CheckStatus> finalStates = shown.values();
    QCOMPARE(std::count(finalStates.cbegin(), finalStates.cend(), CheckStatus::Skipped), report.checks.size() - 1);
}

void TestConnectionCheck::cancelStopsEveryCheck()
{
    const auto setup = SimulatorScenario::tenantFor(CheckScenario::Healthy);
    QVERIFY(startSimulator(setup.tenant));
    QlikSimulator &simulator = *m_simulator;
    simulator.setResponseDelay(QStringLiteral("/api/v1/items"), -1);

    QlikClient &client = *m_client;
    CloudConnectionCheck check(&client);
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.start(simulator.hostAndPort(), simulator.sampleToken(setup.key));
    QTRY_VERIFY_WITH_TIMEOUT(simulator.requestCount(QStringLiteral("/api/v1/items")) == 1, 20000);
    check.cancel();
    QCOMPARE(finished.size(), 1);
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Cancelled);
    QVERIFY(report.countWithStatus(CheckStatus::Skipped) >= 2);
    QVERIFY(!check.isRunning());
    QVERIFY(!client.hasApiKey());
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
}

void TestConnectionCheck::reportNeverHoldsTheKey()
{
    const auto setup = SimulatorScenario::tenantFor(CheckScenario::Healthy);
    QVERIFY(startSimulator(setup.tenant));
    QlikSimulator &simulator = *m_simulator;
    const QByteArray key = simulator.sampleToken(setup.key);
    const Run result = run(key);
    const QByteArray json = QJsonDocument(result.report.toJson()).toJson();
    QVERIFY(json.contains(simulator.hostAndPort().toUtf8()));
    QVERIFY(!json.contains(key));
    QVERIFY(!json.contains(key.split('.').value(2))); // not even the signature part
}

void TestConnectionCheck::cleanup()
{
    Clock::reset();
    stopSimulator();
}

void TestConnectionCheck::expiryIsJudgedByTheClock()
{
    // The same healthy key, checked on a day after it expires (the clock seam), is reported as expired; Qlik's own
    // clock still accepts it, so only the expiry check changes.
    const auto setup = SimulatorScenario::tenantFor(CheckScenario::Healthy);
    QVERIFY(startSimulator(setup.tenant));
    QlikSimulator &simulator = *m_simulator;
    const ConnectionReport today = run(simulator.sampleToken(setup.key)).report;
    QCOMPARE(statusOf(today, QStringLiteral("expiry")), QStringLiteral("pass"));
    QVERIFY(today.keyExpiry.isValid());

    Clock::setFixed(today.keyExpiry.addDays(1));
    const ConnectionReport later = run(simulator.sampleToken(setup.key)).report;
    QCOMPARE(later.checkedAt, today.keyExpiry.addDays(1));
    QCOMPARE(statusOf(later, QStringLiteral("identity")), QStringLiteral("pass"));
    QCOMPARE(statusOf(later, QStringLiteral("expiry")), QStringLiteral("fail"));
    QCOMPARE(later.verdict, ConnectionReport::Verdict::Blocked);

    Clock::setFixed(today.keyExpiry.addDays(-10));
    QCOMPARE(statusOf(run(simulator.sampleToken(setup.key)).report, QStringLiteral("expiry")), QStringLiteral("warn"));
}

QTEST_GUILESS_MAIN(TestConnectionCheck)
#include "tst_connectioncheck.moc"
