#include "enterprise/ReadRule.h"
#include "enterprise/ServiceUser.h"
#include "enterprise/VirtualProxySettings.h"
#include "simulator/common/SelfSignedCertificate.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QtTest>

using namespace Dawiso;

// What Dawiso's JWT virtual proxy and read rule look like to the QRS, and how an existing proxy or rule is compared
// with them. The certificate is any PEM certificate: only its identity matters here.
class TestVirtualProxySettings : public QObject
{
    Q_OBJECT

private slots:
    void prefixRules_data();
    void prefixRules();
    void entityCarriesEveryJwtField();
    void reusedProxyKeepsItsOtherProperties();
    void matchingProxyHasNoDifferences();
    void eachDifferenceIsNamed();
    void guideFieldsNameTheQmcFields();
    void readRuleNamesTheUserInBothContexts();
    void readRuleMatchesHandTypedVariants();
    void readRuleRefusesNarrowerRules_data();
    void readRuleRefusesNarrowerRules();

private:
    static QByteArray certificate(int which);
    static VirtualProxySettings settings();
    static ServiceUser serviceUser();
};

QByteArray TestVirtualProxySettings::certificate(int which)
{
    // Two certificates made once for the whole run: only their identity matters here.
    static const QByteArray made[] = {Simulator::SelfSignedCertificate::generate().certificate().toPem(),
                                      Simulator::SelfSignedCertificate::generate().certificate().toPem()};
    return made[which];
}

VirtualProxySettings TestVirtualProxySettings::settings()
{
    VirtualProxySettings settings;
    settings.allowedHostNames = {QStringLiteral("qlik.corp.example")};
    settings.loadBalancingNodeId = QStringLiteral("node-1");
    settings.loadBalancingNodeName = QStringLiteral("qlik.corp.example");
    settings.certificatePem = certificate(0);
    return settings;
}

ServiceUser TestVirtualProxySettings::serviceUser()
{
    ServiceUser user;
    user.userDirectory = QStringLiteral("CORP");
    user.userId = QStringLiteral("svc_dawiso");
    return user;
}

void TestVirtualProxySettings::prefixRules_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("default") << QStringLiteral("dawiso") << true;
    QTest::newRow("punctuation Qlik allows") << QStringLiteral("dawiso-jwt_2.x~") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("upper case") << QStringLiteral("Dawiso") << false;
    QTest::newRow("slash") << QStringLiteral("dawiso/jwt") << false;
    QTest::newRow("space") << QStringLiteral("dawiso jwt") << false;
}

void TestVirtualProxySettings::prefixRules()
{
    QFETCH(QString, prefix);
    QFETCH(bool, accepted);
    QCOMPARE(VirtualProxySettings::prefixProblem(prefix).isEmpty(), accepted);
}

void TestVirtualProxySettings::entityCarriesEveryJwtField()
{
    const QJsonObject entity = settings().toEntity();
    QCOMPARE(entity.value(QStringLiteral("prefix")).toString(), QStringLiteral("dawiso"));
    QCOMPARE(entity.value(QStringLiteral("sessionCookieHeaderName")).toString(),
             QStringLiteral("X-Qlik-Session-dawiso"));
    QCOMPARE(entity.value(QStringLiteral("authenticationMethod")).toInt(), 4);
    QCOMPARE(entity.value(QStringLiteral("jwtAttributeUserId")).toString(), QStringLiteral("userId"));
    QCOMPARE(entity.value(QStringLiteral("jwtAttributeUserDirectory")).toString(), QStringLiteral("userDirectory"));
    QCOMPARE(entity.value(QStringLiteral("jwtPublicKeyCertificate")).toString().toLatin1(), certificate(0));
    QCOMPARE(entity.value(QStringLiteral("websocketCrossOriginWhiteList")).toArray(),
             QJsonArray {QStringLiteral("qlik.corp.example")});
    const QJsonArray nodes = entity.value(QStringLiteral("loadBalancingServerNodes")).toArray();
    QCOMPARE(nodes.size(), 1);
    QCOMPARE(nodes.first().toObject().value(QStringLiteral("id")).toString(), QStringLiteral("node-1"));
    QCOMPARE(entity.value(QStringLiteral("anonymousAccessMode")).toInt(-1), 0);
}

void TestVirtualProxySettings::reusedProxyKeepsItsOtherProperties()
{
    const QJsonObject existing {{QStringLiteral("id"), QStringLiteral("vp-1")},
                                {QStringLiteral("modifiedDate"), QStringLiteral("2026-01-01T00:00:00.000Z")},
                                {QStringLiteral("sessionInactivityTimeout"), 60},
                                {QStringLiteral("authenticationMethod"), 0}};
    const QJsonObject applied = settings().appliedTo(existing);
    QCOMPARE(applied.value(QStringLiteral("id")).toString(), QStringLiteral("vp-1"));
    QCOMPARE(applied.value(QStringLiteral("modifiedDate")).toString(), QStringLiteral("2026-01-01T00:00:00.000Z"));
    QCOMPARE(applied.value(QStringLiteral("sessionInactivityTimeout")).toInt(), 60);
    QCOMPARE(applied.value(QStringLiteral("authenticationMethod")).toInt(), 4);
}

void TestVirtualProxySettings::matchingProxyHasNoDifferences()
{
    QVERIFY(!certificate(0).isEmpty());
    QJsonObject entity = settings().toEntity();
    // The QRS answers with names in any case and more nodes or names than Dawiso asked for.
    entity.insert(QStringLiteral("websocketCrossOriginWhiteList"),
                  QJsonArray {QStringLiteral("QLIK.corp.example"), QStringLiteral("qlik")});
    QCOMPARE(settings().differences(entity), QStringList());
}

void TestVirtualProxySettings::eachDifferenceIsNamed()
{
    QJsonObject entity = settings().toEntity();
    entity.insert(QStringLiteral("authenticationMethod"), 0);
    entity.insert(QStringLiteral("jwtPublicKeyCertificate"), QString::fromLatin1(certificate(1)));
    entity.insert(QStringLiteral("jwtAttributeUserId"), QStringLiteral("sub"));
    entity.insert(QStringLiteral("websocketCrossOriginWhiteList"), QJsonArray {QStringLiteral("qlik")});
    entity.insert(QStringLiteral("loadBalancingServerNodes"), QJsonArray());
    const QStringList differences = settings().differences(entity);
    QCOMPARE(differences.size(), 5);
    QVERIFY(differences.join(QLatin1Char(' ')).contains(QStringLiteral("qlik.corp.example")));
}

void TestVirtualProxySettings::guideFieldsNameTheQmcFields()
{
    QStringList fields;
    for (const VirtualProxySettings::QmcField &field : settings().qmcFields())
        fields << field.field + QLatin1Char('=') + field.value.section(QLatin1Char('\n'), 0, 0);
    QVERIFY(fields.contains(QStringLiteral("Prefix=dawiso")));
    QVERIFY(fields.contains(QStringLiteral("Authentication method=JWT")));
    QVERIFY(fields.contains(QStringLiteral("JWT attribute for user ID=userId")));
    QVERIFY(fields.contains(QStringLiteral("Host allow list=qlik.corp.example")));
    QVERIFY(fields.contains(QStringLiteral("JWT certificate=-----BEGIN CERTIFICATE-----")));
}

void TestVirtualProxySettings::readRuleNamesTheUserInBothContexts()
{
    const QJsonObject rule = ReadRule::entity(serviceUser());
    QCOMPARE(rule.value(QStringLiteral("rule")).toString(),
             QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"svc_dawiso\"))"));
    QCOMPARE(rule.value(QStringLiteral("resourceFilter")).toString(), QStringLiteral("App_*,Stream_*,App.Object_*"));
    QCOMPARE(rule.value(QStringLiteral("actions")).toInt(), 2);
    QCOMPARE(rule.value(QStringLiteral("ruleContext")).toInt(-1), 0);
    QVERIFY(ReadRule::matches(rule, serviceUser()));
}

void TestVirtualProxySettings::readRuleMatchesHandTypedVariants()
{
    QJsonObject rule = ReadRule::entity(serviceUser());
    rule.insert(QStringLiteral("rule"),
                QStringLiteral("(( user.userDirectory = \"corp\"  and user.userId=\"SVC_DAWISO\" ))"));
    rule.insert(QStringLiteral("resourceFilter"), QStringLiteral("Stream_*, App_*, App.Object_*, DataConnection_*"));
    rule.insert(QStringLiteral("actions"), 3); // create and read
    QVERIFY(ReadRule::matches(rule, serviceUser()));
}

void TestVirtualProxySettings::readRuleRefusesNarrowerRules_data()
{
    QTest::addColumn<QString>("property");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("disabled") << QStringLiteral("disabled") << QJsonValue(true);
    QTest::newRow("QMC only") << QStringLiteral("ruleContext") << QJsonValue(2);
    QTest::newRow("no read") << QStringLiteral("actions") << QJsonValue(1);
    QTest::newRow("apps only") << QStringLiteral("resourceFilter") << QJsonValue(QStringLiteral("App_*"));
    QTest::newRow("another user") << QStringLiteral(
        "rule") << QJsonValue(QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"x\"))"));
}

void TestVirtualProxySettings::readRuleRefusesNarrowerRules()
{
    QFETCH(QString, property);
    QFETCH(QJsonValue, value);
    QJsonObject rule = ReadRule::entity(serviceUser());
    rule.insert(property, value);
    QVERIFY(!ReadRule::matches(rule, serviceUser()));
}

QTEST_GUILESS_MAIN(TestVirtualProxySettings)
#include "tst_virtualproxysettings.moc"
