#include "secrets/SecretEntryName.h"

#include <QTest>

using namespace Dawiso;

class TestSecretEntryName : public QObject
{
    Q_OBJECT

private slots:
    void forHost_data();
    void forHost();
    void forSigningKey();
    void kindIdsRoundTrip();
    void unknownKindId();
};

void TestSecretEntryName::forHost_data()
{
    QTest::addColumn<DeploymentKind>("kind");
    QTest::addColumn<QString>("host");
    QTest::addColumn<QString>("expected");

    const auto row = [](const char *name, DeploymentKind kind, const char *host, const char *expected) {
        QTest::newRow(name) << kind << QString::fromUtf8(host) << QString::fromUtf8(expected);
    };
    row("cloud", DeploymentKind::QlikCloud, "acme.eu.qlikcloud.com",
        "com.dawiso.QlikSetup/qlik-cloud/acme.eu.qlikcloud.com");
    row("sense with port", DeploymentKind::QlikSenseEnterprise, "qlik.corp.example:4242",
        "com.dawiso.QlikSetup/qlik-sense/qlik.corp.example:4242");
    row("upper case and spaces", DeploymentKind::QlikCloud, "  ACME.EU.QlikCloud.com ",
        "com.dawiso.QlikSetup/qlik-cloud/acme.eu.qlikcloud.com");
    row("IPv6 literal", DeploymentKind::QlikSenseEnterprise, "[::1]:4242",
        "com.dawiso.QlikSetup/qlik-sense/[::1]:4242");
    row("empty", DeploymentKind::QlikCloud, "", "");
    row("only spaces", DeploymentKind::QlikCloud, "   ", "");
    row("slash", DeploymentKind::QlikCloud, "acme.eu.qlikcloud.com/hub", "");
    row("backslash", DeploymentKind::QlikCloud, "acme\\evil", "");
    row("inner space", DeploymentKind::QlikCloud, "acme .eu.qlikcloud.com", "");
    row("control character", DeploymentKind::QlikCloud, "acme\x01.com", "");
}

void TestSecretEntryName::forHost()
{
    QFETCH(DeploymentKind, kind);
    QFETCH(QString, host);
    QFETCH(QString, expected);
    QCOMPARE(SecretEntryName::forHost(kind, host), expected);
}

void TestSecretEntryName::forSigningKey()
{
    QCOMPARE(SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise,
                                            QStringLiteral(" QlikServer1.Corp.Example ")),
             QStringLiteral("com.dawiso.QlikSetup/qlik-sense/qlikserver1.corp.example/signing-key"));
    // Its own entry, never the token's, and never another host's.
    QVERIFY(SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik.corp.example"))
            != SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik.corp.example")));
    QCOMPARE(SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise, QString()), QString());
    QCOMPARE(SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise, QStringLiteral("qlik/signing-key")),
             QString());
}

void TestSecretEntryName::kindIdsRoundTrip()
{
    for (const DeploymentKind kind : {DeploymentKind::QlikCloud, DeploymentKind::QlikSenseEnterprise}) {
        const QString id = SecretEntryName::kindId(kind);
        QVERIFY(!id.isEmpty());
        QVERIFY(SecretEntryName::kindFromId(id) == kind);
    }
    QVERIFY(SecretEntryName::kindId(DeploymentKind::QlikCloud)
            != SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise));
}

void TestSecretEntryName::unknownKindId()
{
    QVERIFY(!SecretEntryName::kindFromId(QStringLiteral("qlik-view")).has_value());
    QVERIFY(!SecretEntryName::kindFromId(QString()).has_value());
    QVERIFY(!SecretEntryName::kindFromId(QStringLiteral("QLIK-CLOUD")).has_value());
}

QTEST_GUILESS_MAIN(TestSecretEntryName)
#include "tst_secretentryname.moc"
