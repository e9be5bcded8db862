// The tenant's published sign-in metadata is used only when every address that receives a secret (the sign-in
// page, the token and revocation endpoints) is the issuer's own https origin.
#include "qlik/AuthorizationServerMetadata.h"

#include <QJsonArray>
#include <QTest>

using namespace Dawiso;

namespace {

const QString Issuer = QStringLiteral("https://acme.eu.qlikcloud.com");

QJsonObject metadata(const QString &issuer, const QString &authorize, const QString &token,
                     const QString &revoke = QString())
{
    QJsonObject object {
        {QStringLiteral("issuer"), issuer},
        {QStringLiteral("authorization_endpoint"), authorize},
        {QStringLiteral("token_endpoint"), token},
        {QStringLiteral("code_challenge_methods_supported"), QJsonArray {QStringLiteral("S256")}},
    };
    if (!revoke.isEmpty())
        object.insert(QStringLiteral("revocation_endpoint"), revoke);
    return object;
}

} // namespace

class TestAuthorizationServerMetadata : public QObject
{
    Q_OBJECT

private slots:
    void acceptedOnTheIssuersOrigin_data();
    void acceptedOnTheIssuersOrigin();
    void refusedOutsideTheIssuersOrigin_data();
    void refusedOutsideTheIssuersOrigin();
    void incompleteMetadataIsNotMetadata();
};

void TestAuthorizationServerMetadata::acceptedOnTheIssuersOrigin_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::newRow("as Qlik publishes it")
        << metadata(Issuer, Issuer + u"/oauth/authorize", Issuer + u"/oauth/token", Issuer + u"/oauth/revoke");
    QTest::newRow("no revocation endpoint") << metadata(Issuer, Issuer + u"/oauth/authorize", Issuer + u"/oauth/token");
    QTest::newRow("host in other case, explicit default port")
        << metadata(Issuer, QStringLiteral("https://ACME.eu.qlikcloud.com/oauth/authorize"),
                    QStringLiteral("https://acme.eu.qlikcloud.com:443/oauth/token"));
    QTest::newRow("issuer with a port") << metadata(QStringLiteral("https://localhost:8443"),
                                                    QStringLiteral("https://localhost:8443/oauth/authorize"),
                                                    QStringLiteral("https://localhost:8443/oauth/token"));
}

void TestAuthorizationServerMetadata::acceptedOnTheIssuersOrigin()
{
    QFETCH(QJsonObject, object);
    QStringList problems;
    QString refusal = QStringLiteral("left over");
    const auto parsed = AuthorizationServerMetadata::fromJson(object, &problems, &refusal);
    QVERIFY(parsed);
    QVERIFY(refusal.isEmpty());
    QCOMPARE(parsed->tokenEndpoint, QUrl(object.value(u"token_endpoint").toString()));
    QCOMPARE(parsed->authorizationEndpoint, QUrl(object.value(u"authorization_endpoint").toString()));
}

void TestAuthorizationServerMetadata::refusedOutsideTheIssuersOrigin_data()
{
    QTest::addColumn<QJsonObject>("object");
    QTest::addColumn<QString>("mentions");
    const QString evil = QStringLiteral("https://collector.example.net");
    QTest::newRow("token endpoint on another host")
        << metadata(Issuer, Issuer + u"/oauth/authorize", evil + u"/oauth/token") << QStringLiteral("collector");
    QTest::newRow("authorization endpoint on another host")
        << metadata(Issuer, evil + u"/oauth/authorize", Issuer + u"/oauth/token") << QStringLiteral("collector");
    QTest::newRow("revocation endpoint on another host")
        << metadata(Issuer, Issuer + u"/oauth/authorize", Issuer + u"/oauth/token", evil + u"/oauth/revoke")
        << QStringLiteral("collector");
    QTest::newRow("token endpoint on another port")
        << metadata(Issuer, Issuer + u"/oauth/authorize", Issuer + u":8443/oauth/token") << QStringLiteral("8443");
    QTest::newRow("token endpoint over http")
        << metadata(Issuer, Issuer + u"/oauth/authorize", QStringLiteral("http://acme.eu.qlikcloud.com/oauth/token"))
        << QStringLiteral("http://acme.eu.qlikcloud.com");
    QTest::newRow("user info that hides the host")
        << metadata(Issuer, Issuer + u"/oauth/authorize",
                    QStringLiteral("https://acme.eu.qlikcloud.com@collector.example.net/oauth/token"))
        << QStringLiteral("collector");
    QTest::newRow("relative token endpoint")
        << metadata(Issuer, Issuer + u"/oauth/authorize", QStringLiteral("/oauth/token"))
        << QStringLiteral("acme.eu.qlikcloud.com");
    QTest::newRow("issuer over http") << metadata(QStringLiteral("http://acme.eu.qlikcloud.com"),
                                                  QStringLiteral("http://acme.eu.qlikcloud.com/oauth/authorize"),
                                                  QStringLiteral("http://acme.eu.qlikcloud.com/oauth/token"))
                                      << QStringLiteral("without encryption");
}

void TestAuthorizationServerMetadata::refusedOutsideTheIssuersOrigin()
{
    QFETCH(QJsonObject, object);
    QFETCH(QString, mentions);
    QStringList problems;
    QString refusal;
    QVERIFY(!AuthorizationServerMetadata::fromJson(object, &problems, &refusal));
    QVERIFY2(refusal.contains(mentions), qPrintable(refusal));
    QVERIFY(!refusal.contains(QLatin1String("/oauth/"))); // the addresses' origins, not their paths
}

void TestAuthorizationServerMetadata::incompleteMetadataIsNotMetadata()
{
    QStringList problems;
    QString refusal;
    QJsonObject object = metadata(Issuer, Issuer + u"/oauth/authorize", Issuer + u"/oauth/token");
    object.remove(QStringLiteral("token_endpoint"));
    QVERIFY(!AuthorizationServerMetadata::fromJson(object, &problems, &refusal));
    QVERIFY(refusal.isEmpty());
    QVERIFY(problems.join(u' ').contains(QLatin1String("token_endpoint")));
}

QTEST_GUILESS_MAIN(TestAuthorizationServerMetadata)
#include "tst_authorizationservermetadata.moc"
