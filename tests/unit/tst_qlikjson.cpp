// Reading Qlik's JSON defensively: extra fields ignored, wrong types reported, never a crash.
#include "qlik/AuthorizationServerMetadata.h"
#include "qlik/QlikApiKeyRecord.h"
#include "qlik/QlikError.h"
#include "qlik/QlikUser.h"

#include <QJsonDocument>
#include <QTest>

using namespace Dawiso;

namespace {
QJsonObject object(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}
} // namespace

class TestQlikJson : public QObject
{
    Q_OBJECT

private slots:
    void errorBodies_data();
    void errorBodies();
    void userWithRolesAndGroups();
    void userWithAdminLevelRoles();
    void userWithWrongTypesIsReportedNotCrashed();
    void userWithoutIdIsRejected();
    void userStatusInWords_data();
    void userStatusInWords();
    void apiKeyRecord();
    void apiKeyRecordWithBadDate();
    void authorizationServerMetadata();
    void metadataWithoutIssuerIsNotMetadata();
};

void TestQlikJson::errorBodies_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("code");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("summary");

    QTest::newRow("users, numeric status") << QByteArray(
        R"({"errors":[{"code":"USERS-7","title":"Not found","detail":"No such user","status":404}],"traceId":"abc"})")
                                           << "USERS-7" << 404 << "Not found: No such user";
    QTest::newRow("oauth, string status")
        << QByteArray(R"({"errors":[{"code":"LOGIN-1","title":"Not Authorized","status":"401"}]})") << "LOGIN-1" << 401
        << "Not Authorized";
    QTest::newRow("roles, no status, no detail")
        << QByteArray(R"({"errors":[{"code":"IDENTITIES-10402","title":"Role not found"}]})") << "IDENTITIES-10402" << 0
        << "Role not found";
    QTest::newRow("integer code (invite)")
        << QByteArray(R"({"errors":[{"code":42,"title":"Invalid"}]})") << "42" << 0 << "Invalid";
    QTest::newRow("status not a number") << QByteArray(R"({"errors":[{"code":"X","title":"T","status":"teapot"}]})")
                                         << "X" << 0 << "T";
    QTest::newRow("errors is an object") << QByteArray(
        R"({"errors":{"code":"HTTP-429","title":"API rate limit reached."}})")
                                         << "HTTP-429" << 0 << "API rate limit reached.";
    QTest::newRow("only detail") << QByteArray(R"({"errors":[{"detail":"Something broke"}]})") << "" << 0
                                 << "Something broke";
    QTest::newRow("top-level code and title, no errors array")
        << QByteArray(R"({"code":"SPACES-4","title":"Space not found","detail":"No such space","status":404})")
        << "SPACES-4" << 404 << "Space not found: No such space";
    QTest::newRow("top-level title, empty errors array")
        << QByteArray(R"({"errors":[],"title":"Forbidden","status":"403"})") << "" << 403 << "Forbidden";
    QTest::newRow("errors array wins over top-level fields")
        << QByteArray(R"({"errors":[{"code":"A-1","title":"First"}],"code":"B-2","title":"Second"})") << "A-1" << 0
        << "First";
    QTest::newRow("not JSON") << QByteArray("<html>Bad gateway</html>") << "" << 0 << "";
    QTest::newRow("JSON array") << QByteArray("[1,2]") << "" << 0 << "";
    QTest::newRow("empty") << QByteArray() << "" << 0 << "";
    QTest::newRow("entries of the wrong type") << QByteArray(R"({"errors":[1,"two",null]})") << "" << 0 << "";
}

void TestQlikJson::errorBodies()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, code);
    QFETCH(int, status);
    QFETCH(QString, summary);
    const QlikError error = QlikError::fromBody(body);
    QCOMPARE(error.summary(), summary);
    if (code.isEmpty() && summary.isEmpty()) {
        QVERIFY(error.isEmpty());
        return;
    }
    QCOMPARE(error.items().first().code, code);
    QCOMPARE(error.items().first().status, status);
    if (!code.isEmpty())
        QVERIFY(error.hasCode(code.toLower()));
}

void TestQlikJson::userWithRolesAndGroups()
{
    QStringList problems;
    const auto user = QlikUser::fromJson(object(R"({
        "id":"637390ec6541614d3a88d6c1","tenantId":"T","subject":"auth0|x","name":"Jane Doe","email":"jane@corp.example",
        "status":"active","unknownField":{"nested":true},
        "assignedRoles":[{"id":"r1","name":"Dawiso Integration","type":"custom","level":"user"}],
        "assignedGroups":[{"id":"g1","name":"Admins","providerType":"idp",
                           "assignedRoles":[{"id":"r2","name":"TenantAdmin","type":"default","level":"admin"}]}],
        "assignedScopes":["api-keys", 3]})"),
                                         &problems);
    QVERIFY(user);
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(QLatin1Char('\n'))));
    QCOMPARE(user->displayName(), QStringLiteral("Jane Doe (jane@corp.example)"));
    QVERIFY(!user->holdsTenantAdminDirectly());
    QCOMPARE(user->tenantAdminGroups(), QStringList {QStringLiteral("Admins")});
    QVERIFY(user->isTenantAdmin());
    QCOMPARE(user->scopes, QStringList {QStringLiteral("api-keys")});
}

void TestQlikJson::userWithAdminLevelRoles()
{
    QStringList problems;
    const auto user = QlikUser::fromJson(object(R"({"id":"u1","name":"Ann","email":"ann@corp.example",
        "assignedRoles":[{"id":"r1","name":"AnalyticsAdmin","type":"default","level":"admin"},
                         {"id":"r2","name":"Dawiso Integration","type":"custom","level":"user"}],
        "assignedGroups":[{"id":"g1","name":"Data team",
                           "assignedRoles":[{"id":"r3","name":"DataAdmin","type":"default","level":"admin"}]}]})"),
                                         &problems);
    QVERIFY(user);
    QVERIFY(!user->isTenantAdmin());
    QVERIFY(user->isAdmin());
    const auto roles = user->adminRoles();
    QCOMPARE(roles.size(), 2);
    QCOMPARE(roles.at(0).role, QStringLiteral("AnalyticsAdmin"));
    QVERIFY(roles.at(0).group.isEmpty());
    QCOMPARE(roles.at(1).role, QStringLiteral("DataAdmin"));
    QCOMPARE(roles.at(1).group, QStringLiteral("Data team"));
    const QString warning = user->adminWarning();
    QVERIFY2(warning.contains(QStringLiteral("AnalyticsAdmin")) && warning.contains(QStringLiteral("Data team")),
             qPrintable(warning));
    QVERIFY2(!warning.contains(QStringLiteral("Tenant Admin")), qPrintable(warning));

    // A user-level role is no admin role; neither is a role without a level, unless it is TenantAdmin.
    const auto plain = QlikUser::fromJson(object(R"({"id":"u2","assignedRoles":[
        {"id":"r2","name":"Dawiso Integration","type":"custom","level":"user"},{"id":"r4","name":"Steward"}]})"),
                                          &problems);
    QVERIFY(plain);
    QVERIFY(!plain->isAdmin());
    QVERIFY(plain->adminWarning().isEmpty());
    const auto older =
        QlikUser::fromJson(object(R"({"id":"u3","assignedRoles":[{"id":"r5","name":"TenantAdmin"}]})"), &problems);
    QVERIFY(older);
    QVERIFY(older->isAdmin());
    QVERIFY(older->adminWarning().contains(QStringLiteral("Tenant Admin")));
}

void TestQlikJson::userWithWrongTypesIsReportedNotCrashed()
{
    QStringList problems;
    const auto user = QlikUser::fromJson(object(R"({"id":"u1","name":42,"email":["x"],"status":true,
        "assignedRoles":"TenantAdmin","assignedGroups":[17,{"name":{"a":1},"assignedRoles":[null]}]})"),
                                         &problems);
    QVERIFY(user);
    QVERIFY(user->name.isEmpty());
    QVERIFY(!user->isTenantAdmin());
    QVERIFY(problems.size() >= 5);
    QVERIFY(problems.join(QLatin1Char(' ')).contains(QLatin1String("\"name\"")));
    QVERIFY(problems.join(QLatin1Char(' ')).contains(QLatin1String("\"assignedRoles\"")));
}

void TestQlikJson::userWithoutIdIsRejected()
{
    QStringList problems;
    QVERIFY(!QlikUser::fromJson(object(R"({"name":"No Id"})"), &problems));
    QVERIFY(problems.join(QLatin1Char(' ')).contains(QLatin1String("\"id\"")));
    QVERIFY(!QlikUser::fromJson(object(R"({"id":12})"), &problems));
}

void TestQlikJson::apiKeyRecord()
{
    QStringList problems;
    const auto record = QlikApiKeyRecord::fromJson(object(R"({"id":"k1","tenantId":"T","description":"Dawiso",
        "status":"active","sub":"u1","subType":"user","expiry":"2027-03-01T10:00:00.000Z",
        "created":"2026-11-28T10:00:00Z","createdByUser":"u1"})"),
                                                   &problems);
    QVERIFY(record);
    QVERIFY(problems.isEmpty());
    QCOMPARE(record->expiry, QDateTime(QDate(2027, 3, 1), QTime(10, 0), Qt::UTC));
    QCOMPARE(record->created, QDateTime(QDate(2026, 11, 28), QTime(10, 0), Qt::UTC));
    QCOMPARE(record->status, QStringLiteral("active"));
}

void TestQlikJson::apiKeyRecordWithBadDate()
{
    QStringList problems;
    const auto record = QlikApiKeyRecord::fromJson(object(R"({"id":"k1","expiry":"next Tuesday"})"), &problems);
    QVERIFY(record);
    QVERIFY(!record->expiry.isValid());
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(QLatin1String("date")));
}

void TestQlikJson::authorizationServerMetadata()
{
    QStringList problems;
    const auto metadata = AuthorizationServerMetadata::fromJson(
        object(
            R"({"issuer":"https://acme.eu.qlikcloud.com","authorization_endpoint":"https://acme.eu.qlikcloud.com/oauth/authorize",
                   "token_endpoint":"https://acme.eu.qlikcloud.com/oauth/token","code_challenge_methods_supported":["S256"]})"),
        &problems);
    QVERIFY(metadata);
    QCOMPARE(metadata->issuer.host(), QStringLiteral("acme.eu.qlikcloud.com"));
    QCOMPARE(metadata->codeChallengeMethods, QStringList {QStringLiteral("S256")});
}

void TestQlikJson::metadataWithoutIssuerIsNotMetadata()
{
    QStringList problems;
    QVERIFY(!AuthorizationServerMetadata::fromJson(object(R"({"hello":"world"})"), &problems));
    QVERIFY(!AuthorizationServerMetadata::fromJson(object(R"({"issuer":7})"), &problems));
    QVERIFY(!AuthorizationServerMetadata::fromJson(object(R"({"issuer":"not a url with spaces"})"), &problems));
}

void TestQlikJson::userStatusInWords_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<QString>("words");
    QTest::newRow("active") << "active"
                            << "active";
    QTest::newRow("invited") << "invited"
                             << "invited but not yet signed in";
    QTest::newRow("disabled") << "disabled"
                              << "disabled";
    QTest::newRow("deleted") << "deleted"
                             << "deleted";
    QTest::newRow("provisioned") << "provisioned"
                                 << "provisioned but not yet signed in";
    QTest::newRow("one Qlik may add later") << "suspended"
                                            << "suspended";
}

void TestQlikJson::userStatusInWords()
{
    QFETCH(QString, status);
    QFETCH(QString, words);
    QlikUser user;
    user.status = status;
    QCOMPARE(user.statusInWords(), words);
}

QTEST_GUILESS_MAIN(TestQlikJson)
#include "tst_qlikjson.moc"
