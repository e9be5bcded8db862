// `dawiso-qlik-setup check --deployment qlik-sense`: the real executable reads the JWT from the keychain entry the
// wizard writes for the site, and the virtual proxy and service user from the saved connection, and checks the
// simulated site's JWT virtual proxy, QRS and Engine with the same JSON and exit statuses as for Qlik Cloud. Every
// run is searched for the token (CheckProcess).
#include "../simulator/TestJwtSigner.h"
#include "CheckProcess.h"
#include "SecretJobOutcome.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Dawiso;
using Simulator::QlikSenseSite;
using Simulator::SiteVirtualProxy;
using Test::CheckProcess;

namespace {

constexpr int KeychainWaitMs = 60000; // a keychain on a loaded machine can be slow; only a hang should fail

} // namespace

class TestCheckCommandEnterprise : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void storedTokenIsChecked();
    void prefixOptionOverridesTheSavedOne();
    void tokenOnStandardInput();
    void checkAllIncludesTheSite();

private:
    SavedConnection::LastCheck lastCheck() const;
    SecretStoreError runJob(SecretStoreJob *job);
    QString entry() const
    {
        return SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, m_site->proxyHostAndPort());
    }
    QStringList arguments() const;

    TestJwtSigner m_signer;
    QTemporaryDir m_dir;
    QString m_pem;
    QByteArray m_token;
    KeychainSecretStore m_store;
    CheckProcess m_process;
    std::unique_ptr<QlikSenseSite> m_site;
};

SecretStoreError TestCheckCommandEnterprise::runJob(SecretStoreJob *job)
{
    const auto outcome = SecretJobOutcome::watch(job);
    if (!QTest::qWaitFor([&outcome] { return outcome->finishedCount > 0; }, KeychainWaitMs))
        return SecretStoreError::TimedOut;
    return outcome->error;
}

SavedConnection::LastCheck TestCheckCommandEnterprise::lastCheck() const
{
    QSettings settings;
    const auto saved = ConnectionIndex(&settings).find(DeploymentKind::QlikSenseEnterprise, m_site->proxyHostAndPort());
    return saved ? saved->lastCheck : SavedConnection::LastCheck::None;
}

QStringList TestCheckCommandEnterprise::arguments() const
{
    return {QStringLiteral("check"),
            QStringLiteral("--host"),
            m_site->proxyHostAndPort(),
            QStringLiteral("--deployment"),
            QStringLiteral("qlik-sense"),
            QStringLiteral("--ca-file"),
            m_pem,
            QStringLiteral("--format"),
            QStringLiteral("json")};
}

void TestCheckCommandEnterprise::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "Run through ctest: the test needs its own session bus with gnome-keyring.");
    QVERIFY(m_dir.isValid());
    QVERIFY(QFile::exists(QStringLiteral(DQS_EXECUTABLE_PATH)));
    QVERIFY2(!m_signer.isNull(), qPrintable(m_signer.errorString()));
    QCoreApplication::setOrganizationName(QStringLiteral("Dawiso"));
    QCoreApplication::setApplicationName(QStringLiteral("Qlik Setup"));
}

void TestCheckCommandEnterprise::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY2(m_site->start(), qPrintable(m_site->errorString()));
    // The wizard's JWT virtual proxy, linked to the central proxy.
    Simulator::SiteDirectory &directory = m_site->directory();
    SiteVirtualProxy proxy;
    proxy.id = QStringLiteral("6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    proxy.prefix = QStringLiteral("dawiso");
    proxy.sessionCookieHeaderName = QStringLiteral("X-Qlik-Session-dawiso");
    proxy.authenticationMethod = SiteVirtualProxy::jwtAuthentication;
    proxy.websocketCrossOriginWhiteList = {QStringLiteral("localhost")};
    proxy.loadBalancingNodeIds = {directory.nodes.at(0).id};
    proxy.jwtPublicKeyCertificate = m_signer.certificatePem();
    proxy.jwtAttributeUserId = QStringLiteral("userId");
    proxy.jwtAttributeUserDirectory = QStringLiteral("userDirectory");
    directory.virtualProxies.append(proxy);
    directory.proxyServices[0].virtualProxyIds.append(proxy.id);

    m_token = m_signer.sign(TestJwtSigner::claimsFor(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")));
    m_process.addSecret(m_token);
    m_pem = m_dir.filePath(QStringLiteral("root-%1.pem").arg(m_site->proxyBaseUrl().port()));
    QFile pem(m_pem);
    QVERIFY(pem.open(QIODevice::WriteOnly));
    QVERIFY(pem.write(m_site->siteCa().toPem()) > 0);

    // What the wizard saves: the token in the keychain, the rest in the index.
    QCOMPARE(runJob(m_store.writeSecret(entry(), m_token)), SecretStoreError::None);
    QSettings settings;
    SavedConnection connection;
    connection.kind = DeploymentKind::QlikSenseEnterprise;
    connection.hostAndPort = m_site->proxyHostAndPort();
    connection.userName = QStringLiteral("CORP\\svc_dawiso");
    connection.virtualProxyPrefix = QStringLiteral("dawiso");
    ConnectionIndex(&settings).upsert(connection);
    settings.sync();
}

void TestCheckCommandEnterprise::cleanup()
{
    // The keyring and the settings live in the test's HOME and survive runs: leave nothing behind.
    if (m_site) {
        QCOMPARE(runJob(m_store.deleteSecret(entry())), SecretStoreError::None);
        QSettings settings;
        ConnectionIndex(&settings).remove(DeploymentKind::QlikSenseEnterprise, m_site->proxyHostAndPort());
        settings.sync();
    }
    m_site.reset();
}

void TestCheckCommandEnterprise::storedTokenIsChecked()
{
    CheckProcess::Result result;
    QVERIFY2(m_process.run(arguments(), {}, &result), m_process.problem().constData());
    // svc_dawiso reads only the Everyone stream: usable, with warnings.
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonObject json = result.json();
    QCOMPARE(json.value(QStringLiteral("host")).toString(), m_site->proxyHostAndPort());
    QCOMPARE(json.value(QStringLiteral("virtualProxyPrefix")).toString(), QStringLiteral("dawiso"));
    QCOMPARE(json.value(QStringLiteral("serviceUser")).toString(), QStringLiteral("CORP\\svc_dawiso"));
    QCOMPARE(result.statusOf(QStringLiteral("session")), QStringLiteral("pass"));
    QCOMPARE(result.statusOf(QStringLiteral("identity")), QStringLiteral("pass"));
    QCOMPARE(result.statusOf(QStringLiteral("app-access")), QStringLiteral("warn"));
    QCOMPARE(result.statusOf(QStringLiteral("engine")), QStringLiteral("pass"));
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 0);
    // The saved connection's own token through its own virtual proxy: the verdict is remembered.
    QCOMPARE(lastCheck(), SavedConnection::LastCheck::Usable);
}

void TestCheckCommandEnterprise::prefixOptionOverridesTheSavedOne()
{
    QStringList args = arguments();
    args << QStringLiteral("--prefix") << QStringLiteral("sso");
    CheckProcess::Result result;
    QVERIFY2(m_process.run(args, {}, &result), m_process.problem().constData());
    // "sso" is no JWT virtual proxy: the proxy sends the token to its sign-in instead.
    QVERIFY2(result.exitCode == 1, result.describe().constData());
    QCOMPARE(result.statusOf(QStringLiteral("session")), QStringLiteral("fail"));
    QCOMPARE(result.json().value(QStringLiteral("virtualProxyPrefix")).toString(), QStringLiteral("sso"));
    // Another virtual proxy than the saved one says nothing about the saved connection.
    QCOMPARE(lastCheck(), SavedConnection::LastCheck::None);
}

void TestCheckCommandEnterprise::tokenOnStandardInput()
{
    QCOMPARE(runJob(m_store.deleteSecret(entry())), SecretStoreError::None);
    QStringList args = arguments();
    args << QStringLiteral("--token-stdin");
    CheckProcess::Result result;
    QVERIFY2(m_process.run(args, m_token + '\n', &result), m_process.problem().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    QCOMPARE(result.statusOf(QStringLiteral("engine")), QStringLiteral("pass"));
    // A token on standard input may be another than the stored one: nothing is remembered.
    QCOMPARE(lastCheck(), SavedConnection::LastCheck::None);
    // Written back so that cleanup() finds an entry to delete.
    QCOMPARE(runJob(m_store.writeSecret(entry(), m_token)), SecretStoreError::None);
}

void TestCheckCommandEnterprise::checkAllIncludesTheSite()
{
    CheckProcess::Result result;
    QVERIFY2(m_process.run({QStringLiteral("check"), QStringLiteral("--all"), QStringLiteral("--ca-file"), m_pem,
                            QStringLiteral("--format"), QStringLiteral("json")},
                           {}, &result),
             m_process.problem().constData());
    QVERIFY2(result.exitCode == 0, result.describe().constData());
    const QJsonArray connections = result.json().value(QStringLiteral("connections")).toArray();
    QCOMPARE(connections.size(), 1);
    const QJsonObject connection = connections.at(0).toObject();
    QCOMPARE(connection.value(QStringLiteral("host")).toString(), m_site->proxyHostAndPort());
    QCOMPARE(connection.value(QStringLiteral("deployment")).toString(), QStringLiteral("qlik-sense"));
    QCOMPARE(connection.value(QStringLiteral("exitStatus")).toInt(-1), 0);
    // Through the saved virtual proxy, as the saved service user.
    const QJsonObject report = connection.value(QStringLiteral("report")).toObject();
    QCOMPARE(report.value(QStringLiteral("virtualProxyPrefix")).toString(), QStringLiteral("dawiso"));
    QCOMPARE(report.value(QStringLiteral("serviceUser")).toString(), QStringLiteral("CORP\\svc_dawiso"));
    QCOMPARE(report.value(QStringLiteral("verdict")).toString(), QStringLiteral("usable"));
    QCOMPARE(lastCheck(), SavedConnection::LastCheck::Usable);
}

QTEST_GUILESS_MAIN(TestCheckCommandEnterprise)
#include "tst_checkcommandenterprise.moc"
