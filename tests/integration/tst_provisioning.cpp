// The automated Access and Key steps against the simulator over real HTTPS: role found, created or extended;
// users found with escaped searches and pages; the role assigned (also through the replace fallback and a 207);
// keys created within the tenant's limits and deleted again.
#include "SimulatorClientFixture.h"
#include "provision/AdminSession.h"
#include "provision/ApiKeyCreation.h"
#include "provision/ApiKeyRevoker.h"
#include "provision/RoleAssignment.h"
#include "provision/RoleSetup.h"
#include "provision/UserSearch.h"
#include "qlik/QlikClient.h"
#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"
#include "token/SecureMemory.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;

namespace {
const QString rileyId = QStringLiteral("65f1c0a1b2c3d4e5f6a70008");
} // namespace

class TestProvisioning : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void adminSessionReadsThePolicy();
    void adminSessionRefusesNonAdmins();
    void roleIsReusedWhenItAlreadyGrantsApiKeys();
    void roleIsCreatedWhenMissing();
    void scopeIsAddedToAnExistingRoleAndFullUserIsWarned();
    void builtInRolesAreNotChanged();
    void refusedScopeIsSaidInThoseWords_data();
    void refusedScopeIsSaidInThoseWords();
    void nonAdminCannotSetUpTheRole();
    void searchEscapesQuotes();
    void searchPagesWithLoadMore();
    void assignmentAddsTheRole();
    void assignmentReplacesTheListAndKeepsOtherRoles();
    void assignmentReportsPartialSuccess();
    void assignmentRefusesTenantAdmins();
    void assignmentIsConfirmedThroughTheUsersScopes();
    void keyIsCreatedWithinTheLimitsAndCanBeDeleted();
    void keyLimitReachedIsExplainedBeforeAsking();
    void keyLimitReachedIsExplainedWhenQlikSaysSo();
    void keyRefusalWithoutWordsNamesBothCauses();
    void expiryAboveTheMaximumIsRefused();
    void userWithoutManageApiKeysIsTold();

private:
    template <typename Step, typename Signal>
    QList<QVariant> wait(Step *step, Signal signal);
    RoleSetup::Result setUpRole(const QString &name);
    QlikUser readUser(const QString &id);

    std::unique_ptr<QlikClient> m_admin;
    std::unique_ptr<QlikClient> m_user;
};

template <typename Step, typename Signal>
QList<QVariant> TestProvisioning::wait(Step *step, Signal signal)
{
    QSignalSpy spy(step, signal);
    if (!spy.wait(20000))
        return {};
    return spy.takeFirst();
}

void TestProvisioning::init()
{
    QVERIFY(startSimulator());
    m_admin = createClient();
    m_admin->setApiKey(m_simulator->sampleToken(SampleKey::TenantAdmin)); // an admin's key acts with all their rights
    m_user = createClient();
    m_user->setApiKey(m_simulator->sampleToken(SampleKey::Healthy));
}

void TestProvisioning::cleanup()
{
    m_admin.reset();
    m_user.reset();
    stopSimulator();
}

RoleSetup::Result TestProvisioning::setUpRole(const QString &name)
{
    RoleSetup setup(m_admin.get());
    QSignalSpy finished(&setup, &RoleSetup::finished);
    setup.start(name);
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<RoleSetup::Result>();
}

QlikUser TestProvisioning::readUser(const QString &id)
{
    const auto *user = m_simulator->tenant().user(id);
    QlikUser read;
    if (!user)
        return read;
    read.id = user->id;
    read.name = user->name;
    read.email = user->email;
    read.status = user->status;
    for (const QString &name : user->roleNames) {
        const auto *role = m_simulator->tenant().roleByName(name);
        read.roles << QlikRoleRef {role ? role->id : QString(), name, role ? role->type : QString(),
                                   role ? role->level : QString()};
    }
    return read;
}

void TestProvisioning::adminSessionReadsThePolicy()
{
    AdminSession session(m_admin.get());
    QSignalSpy finished(&session, &AdminSession::finished);
    session.start();
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<AdminSession::Result>();
    QVERIFY2(result.ok, qPrintable(result.problem.message));
    QCOMPARE(result.tenantId, m_simulator->tenant().id);
    QVERIFY(result.policy.known);
    QCOMPARE(result.policy.maxKeysPerUser, m_simulator->tenant().maxKeysPerUser);
    QCOMPARE(result.policy.maxExpiry, m_simulator->tenant().maxApiKeyExpiry);
}

void TestProvisioning::adminSessionRefusesNonAdmins()
{
    AdminSession session(m_user.get());
    QSignalSpy finished(&session, &AdminSession::finished);
    session.start();
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<AdminSession::Result>();
    QVERIFY(!result.ok);
    QVERIFY(result.problem.message.contains(QLatin1String("not a tenant admin")));
    QVERIFY(!result.problem.advice.isEmpty());
}

void TestProvisioning::roleIsReusedWhenItAlreadyGrantsApiKeys()
{
    const int roles = int(m_simulator->tenant().roles.size());
    const auto result = setUpRole(QStringLiteral("dawiso integration")); // names match without regard to case
    QVERIFY2(result.ok, qPrintable(result.problem.message));
    QCOMPARE(result.action, RoleSetup::Action::Reused);
    QCOMPARE(m_simulator->tenant().roles.size(), roles);
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/api/v1/roles")), 2); // find, confirm
}

void TestProvisioning::roleIsCreatedWhenMissing()
{
    const auto result = setUpRole(QStringLiteral("Dawiso Catalog \"Reader\""));
    QVERIFY2(result.ok, qPrintable(result.problem.message));
    QCOMPARE(result.action, RoleSetup::Action::Created);
    const auto *role = m_simulator->tenant().roleByName(QStringLiteral("Dawiso Catalog \"Reader\""));
    QVERIFY(role);
    QCOMPARE(role->assignedScopes, QStringList {QStringLiteral("api-keys")});
    QVERIFY(result.message.contains(QLatin1String("Created")));
    QVERIFY(result.warning.isEmpty());
}

void TestProvisioning::scopeIsAddedToAnExistingRoleAndFullUserIsWarned()
{
    const auto *before = m_simulator->tenant().roleByName(QStringLiteral("Report Publisher"));
    QVERIFY(before && !before->assignedScopes.contains(QStringLiteral("api-keys")));
    const QStringList kept = before->assignedScopes;
    const auto result = setUpRole(QStringLiteral("Report Publisher"));
    QVERIFY2(result.ok, qPrintable(result.problem.message));
    QCOMPARE(result.action, RoleSetup::Action::ScopeAdded);
    const auto *after = m_simulator->tenant().roleByName(QStringLiteral("Report Publisher"));
    QVERIFY(after->assignedScopes.contains(QStringLiteral("api-keys")));
    for (const QString &scope : kept)
        QVERIFY(after->assignedScopes.contains(scope));
    QVERIFY(result.warning.contains(QLatin1String("full users")));
}

void TestProvisioning::builtInRolesAreNotChanged()
{
    const auto result = setUpRole(QStringLiteral("TenantAdmin"));
    QVERIFY(!result.ok);
    QVERIFY(result.problem.message.contains(QLatin1String("built-in")));
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/api/v1/roles")), 1); // nothing was attempted
}

void TestProvisioning::refusedScopeIsSaidInThoseWords_data()
{
    QTest::addColumn<QString>("roleName");
    QTest::addColumn<QString>("verb");
    QTest::newRow("new role, POST") << QStringLiteral("Dawiso Catalog Reader") << QStringLiteral("create");
    QTest::newRow("existing role, PATCH") << QStringLiteral("Report Publisher") << QStringLiteral("add");
}

void TestProvisioning::refusedScopeIsSaidInThoseWords()
{
    QFETCH(QString, roleName);
    QFETCH(QString, verb);
    m_simulator->setRoleScopeRefused(QStringLiteral("api-keys"));
    const QStringList rolesBefore = [this] {
        QStringList names;
        for (const auto &role : m_simulator->tenant().roles)
            names << role.name + QLatin1Char('=') + role.assignedScopes.join(QLatin1Char(','));
        return names;
    }();
    const auto result = setUpRole(roleName);
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, 400);
    QVERIFY2(result.problem.message.contains(QStringLiteral("refused to %1").arg(verb))
                 && result.problem.message.contains(QLatin1String("scope api-keys (Manage API keys)")),
             qPrintable(result.problem.message));
    QVERIFY2(result.problem.advice.contains(QStringLiteral("Administration › Manage users › Permissions"))
                 && result.problem.advice.contains(QLatin1String("Manage API keys to Allowed")),
             qPrintable(result.problem.advice));
    // Nothing changed in the tenant.
    QStringList rolesAfter;
    for (const auto &role : m_simulator->tenant().roles)
        rolesAfter << role.name + QLatin1Char('=') + role.assignedScopes.join(QLatin1Char(','));
    QCOMPARE(rolesAfter, rolesBefore);
}

void TestProvisioning::nonAdminCannotSetUpTheRole()
{
    RoleSetup setup(m_user.get());
    QSignalSpy finished(&setup, &RoleSetup::finished);
    setup.start(QStringLiteral("Anything"));
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<RoleSetup::Result>();
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, 403);
    QVERIFY(result.problem.advice.contains(QLatin1String("tenant admin")));
}

void TestProvisioning::searchEscapesQuotes()
{
    UserSearch search(m_admin.get());
    QSignalSpy results(&search, &UserSearch::resultsChanged);
    search.search(QStringLiteral("\"Q\""));
    QVERIFY(results.wait(20000));
    const auto users = results.first().first().value<QList<QlikUser>>();
    QCOMPARE(users.size(), 1);
    QVERIFY(users.first().name.contains(QLatin1String("Quinn")));
    // What reached the server was one string value, quotes escaped inside it.
    const QString query = QUrl::fromPercentEncoding(m_simulator->requests().last().query.toUtf8());
    QVERIFY2(query.contains(QLatin1String("name co \"\\\"Q\\\"\"")), qPrintable(query));
    // The list's default order (+name) is not asked for again.
    QVERIFY2(!QUrlQuery(m_simulator->requests().last().query).hasQueryItem(QStringLiteral("sort")), qPrintable(query));
}

void TestProvisioning::searchPagesWithLoadMore()
{
    for (int i = 0; i < 25; ++i) {
        Simulator::SimUser extra;
        extra.id = QStringLiteral("aaaaaaaaaaaaaaaaaaaa%1").arg(i, 4, 10, QLatin1Char('0'));
        extra.name = QStringLiteral("Paged Person %1").arg(i, 2, 10, QLatin1Char('0'));
        extra.email = QStringLiteral("paged%1@example.com").arg(i);
        extra.subject = QStringLiteral("auth0|paged%1").arg(i);
        m_simulator->tenant().users << extra;
    }
    UserSearch search(m_admin.get());
    QSignalSpy results(&search, &UserSearch::resultsChanged);
    search.search(QStringLiteral("Paged"));
    QVERIFY(results.wait(20000));
    QCOMPARE(results.last().first().value<QList<QlikUser>>().size(), UserSearch::pageSize);
    QVERIFY(search.hasMore());
    search.loadMore();
    QVERIFY(results.wait(20000));
    QCOMPARE(search.users().size(), 25);
    QVERIFY(!search.hasMore());
}

void TestProvisioning::assignmentAddsTheRole()
{
    const auto role = setUpRole(QStringLiteral("Dawiso Integration"));
    RoleAssignment assignment(m_admin.get());
    QSignalSpy finished(&assignment, &RoleAssignment::finished);
    assignment.start(readUser(rileyId), role.role);
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<RoleAssignment::Result>();
    QVERIFY2(result.ok, qPrintable(result.problem.message));
    QVERIFY(m_simulator->tenant().user(rileyId)->roleNames.contains(QStringLiteral("Dawiso Integration")));
    QVERIFY(result.message.contains(QLatin1String("sign out")));
}

void TestProvisioning::assignmentIsConfirmedThroughTheUsersScopes()
{
    const auto role = setUpRole(QStringLiteral("Dawiso Integration"));
    QVERIFY(role.ok);
    // Qlik keeps the role on the user but does not grant what it should: the user's own scopes tell.
    m_simulator->tenant().role(role.role.id)->assignedScopes.clear();
    RoleAssignment assignment(m_admin.get());
    QSignalSpy finished(&assignment, &RoleAssignment::finished);
    assignment.start(readUser(rileyId), role.role);
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<RoleAssignment::Result>();
    QVERIFY(!result.ok);
    QVERIFY(m_simulator->tenant().user(rileyId)->roleNames.contains(QStringLiteral("Dawiso Integration")));
    QVERIFY2(result.problem.message.contains(QLatin1String("does not list Manage API keys")),
             qPrintable(result.problem.message));
    QVERIFY(result.problem.advice.contains(QLatin1String("Manage API keys")));
}

void TestProvisioning::assignmentReplacesTheListAndKeepsOtherRoles()
{
    m_simulator->tenant().user(rileyId)->roleNames << QStringLiteral("Report Publisher");
    const auto role = setUpRole(QStringLiteral("Dawiso Integration"));
    // The user the step starts from is stale: the role given since must be kept too (read-modify-write).
    const QlikUser stale = readUser(rileyId);
    m_simulator->tenant().user(rileyId)->roleNames << QStringLiteral("Steward");
    m_simulator->clearRequests();
    RoleAssignment assignment(m_admin.get());
    QSignalSpy finished(&assignment, &RoleAssignment::finished);
    assignment.start(stale, role.role);
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<RoleAssignment::Result>();
    QVERIFY2(result.ok, qPrintable(result.problem.message));
    const QStringList roles = m_simulator->tenant().user(rileyId)->roleNames;
    QVERIFY(roles.contains(QStringLiteral("Dawiso Integration")));
    QVERIFY(roles.contains(QStringLiteral("Report Publisher")));
    QVERIFY(roles.contains(QStringLiteral("Steward")));
    // One patch, in the form the spec allows, and no add that a strict tenant refuses.
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/api/v1/users/") + rileyId), 3); // read, patch, confirm
}

void TestProvisioning::assignmentReportsPartialSuccess()
{
    m_simulator->setUserPatchPartial(true);
    const auto role = setUpRole(QStringLiteral("Dawiso Integration"));
    RoleAssignment assignment(m_admin.get());
    QSignalSpy finished(&assignment, &RoleAssignment::finished);
    assignment.start(readUser(rileyId), role.role);
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<RoleAssignment::Result>();
    QVERIFY2(result.ok, qPrintable(result.problem.message));
    QVERIFY(result.partial);
    QVERIFY(!result.partialProblems.isEmpty());
}

void TestProvisioning::assignmentRefusesTenantAdmins()
{
    const auto role = setUpRole(QStringLiteral("Dawiso Integration"));
    m_simulator->clearRequests();
    RoleAssignment assignment(m_admin.get());
    QSignalSpy finished(&assignment, &RoleAssignment::finished);
    QlikUser alex = readUser(m_simulator->sampleUserId(SampleKey::TenantAdmin));
    assignment.start(alex, role.role);
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<RoleAssignment::Result>();
    QVERIFY(!result.ok);
    QVERIFY(result.problem.message.contains(QLatin1String("tenant admin")));
    QCOMPARE(m_simulator->requests().size(), 0);

    // Any admin-level role is refused as well, with its name.
    m_simulator->tenant().user(rileyId)->roleNames << QStringLiteral("DataAdmin");
    RoleAssignment again(m_admin.get());
    QSignalSpy refused(&again, &RoleAssignment::finished);
    const QlikUser riley = readUser(rileyId);
    m_simulator->clearRequests();
    again.start(riley, role.role);
    QVERIFY(refused.wait(20000));
    const auto second = refused.first().first().value<RoleAssignment::Result>();
    QVERIFY(!second.ok);
    QVERIFY2(second.problem.message.contains(QLatin1String("DataAdmin")), qPrintable(second.problem.message));
    QCOMPARE(m_simulator->requests().size(), 0);
    QVERIFY(!m_simulator->tenant().user(rileyId)->roleNames.contains(QStringLiteral("Dawiso Integration")));
}

void TestProvisioning::keyIsCreatedWithinTheLimitsAndCanBeDeleted()
{
    ApiKeyPolicy policy;
    ApiKeyCreation creation(m_user.get());
    QSignalSpy finished(&creation, &ApiKeyCreation::finished);
    creation.start(90, policy);
    QVERIFY(finished.wait(20000));
    auto result = finished.first().first().value<ApiKeyCreation::Result>();
    QCOMPARE(result.outcome, ApiKeyCreation::Outcome::Created);
    QVERIFY(!result.token.isEmpty());
    const auto *record = m_simulator->tenant().apiKey(result.record.id);
    QVERIFY(record);
    QCOMPARE(record->sub, m_simulator->sampleUserId(SampleKey::Healthy));
    QVERIFY(record->description.contains(QLatin1String("Dawiso")));
    QVERIFY(qAbs(QDateTime::currentDateTimeUtc().daysTo(record->expiry) - 90) <= 1);

    // The new key works, and deletes itself as its owner.
    QlikClient withNewKey(m_network.get(), m_trust.get());
    withNewKey.setBaseUrl(m_simulator->baseUrl());
    withNewKey.setApiKey(result.token);
    SecureMemory::wipe(result.token);
    ApiKeyRevoker revoker(&withNewKey);
    QSignalSpy revoked(&revoker, &ApiKeyRevoker::finished);
    revoker.start(result.record.id);
    QVERIFY(revoked.wait(20000));
    QVERIFY(revoked.first().first().toBool());
    QVERIFY(!m_simulator->tenant().apiKey(result.record.id));
}

void TestProvisioning::keyLimitReachedIsExplainedBeforeAsking()
{
    ApiKeyPolicy policy;
    policy.known = true;
    policy.maxKeysPerUser = 1; // the Healthy user already has active keys
    ApiKeyCreation creation(m_user.get());
    QSignalSpy finished(&creation, &ApiKeyCreation::finished);
    creation.start(30, policy);
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<ApiKeyCreation::Result>();
    QCOMPARE(result.outcome, ApiKeyCreation::Outcome::LimitReached);
    QVERIFY(result.problem.advice.contains(QLatin1String("raise the limit")));
    QCOMPARE(m_simulator->requestCount(QStringLiteral("/api/v1/api-keys")), 1); // counted, never posted
}

void TestProvisioning::keyLimitReachedIsExplainedWhenQlikSaysSo()
{
    m_simulator->tenant().maxKeysPerUser = 1;
    // A tenant whose refusal names the limit in words (a variation: Qlik documents no wording).
    m_simulator->setApiKeyRefusalWording(true);
    ApiKeyCreation creation(m_user.get());
    QSignalSpy finished(&creation, &ApiKeyCreation::finished);
    creation.start(30, ApiKeyPolicy()); // the policy could not be read: Qlik enforces it
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<ApiKeyCreation::Result>();
    QCOMPARE(result.outcome, ApiKeyCreation::Outcome::LimitReached);
}

void TestProvisioning::keyRefusalWithoutWordsNamesBothCauses()
{
    m_simulator->tenant().maxKeysPerUser = 1;
    ApiKeyCreation creation(m_user.get());
    QSignalSpy finished(&creation, &ApiKeyCreation::finished);
    creation.start(30, ApiKeyPolicy());
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<ApiKeyCreation::Result>();
    QCOMPARE(result.outcome, ApiKeyCreation::Outcome::Failed);
    QCOMPARE(result.httpStatus, 400);
    QVERIFY2(result.problem.advice.contains(QLatin1String("shorter lifetime"))
                 && result.problem.advice.contains(QLatin1String("delete a key")),
             qPrintable(result.problem.advice));
}

void TestProvisioning::expiryAboveTheMaximumIsRefused()
{
    ApiKeyPolicy known = ApiKeyPolicy::fromJson(QJsonObject {
        {QStringLiteral("max_api_key_expiry"), QStringLiteral("P365D")}, {QStringLiteral("max_keys_per_user"), 50}});
    ApiKeyCreation local(m_user.get());
    QSignalSpy refusedLocally(&local, &ApiKeyCreation::finished);
    local.start(400, known);
    QVERIFY(refusedLocally.wait(5000));
    QCOMPARE(refusedLocally.first().first().value<ApiKeyCreation::Result>().outcome,
             ApiKeyCreation::Outcome::ExpiryNotAllowed);
    QCOMPARE(m_simulator->requests().size(), 0);

    m_simulator->tenant().maxKeysPerUser = 50;
    m_simulator->setApiKeyRefusalWording(true); // Qlik's detail names the expiry (a variation)
    ApiKeyCreation remote(m_user.get());
    QSignalSpy refusedByQlik(&remote, &ApiKeyCreation::finished);
    remote.start(400, ApiKeyPolicy());
    QVERIFY(refusedByQlik.wait(20000));
    const auto result = refusedByQlik.first().first().value<ApiKeyCreation::Result>();
    QCOMPARE(result.outcome, ApiKeyCreation::Outcome::ExpiryNotAllowed);
    QVERIFY(result.problem.detail.contains(QLatin1String("P365D"))
            || result.problem.detail.contains(QLatin1String("365")));
}

void TestProvisioning::userWithoutManageApiKeysIsTold()
{
    QlikClient riley(m_network.get(), m_trust.get());
    riley.setBaseUrl(m_simulator->baseUrl());
    const QByteArray token = m_simulator->issueOAuthToken(rileyId, {QStringLiteral("user_default")});
    riley.setApiKey(token);
    ApiKeyCreation creation(&riley);
    QSignalSpy finished(&creation, &ApiKeyCreation::finished);
    creation.start(30, ApiKeyPolicy());
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<ApiKeyCreation::Result>();
    QCOMPARE(result.outcome, ApiKeyCreation::Outcome::NotAllowed);
    QVERIFY(result.problem.advice.contains(QLatin1String("Manage API keys")));
}

QTEST_GUILESS_MAIN(TestProvisioning)
#include "tst_provisioning.moc"
