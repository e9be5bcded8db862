// Coming back to a saved Qlik Sense Enterprise connection: a new token signed with the key stored beside the old
// one, checked through the simulated site's JWT virtual proxy and stored in its place; Forget removes the key too.
#include "FakeSecretStore.h"
#include "connections/CredentialRotation.h"
#include "connections/SavedConnectionRemoval.h"
#include "enterprise/EnterpriseFlow.h"
#include "net/TlsTrust.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupContext.h"
#include "signing/JsonWebToken.h"
#include "signing/SigningKeyLoader.h"
#include "signing/SigningKeyMaker.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QCoreApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace Dawiso;
using Simulator::QlikSenseSite;
using Simulator::SiteVirtualProxy;

Q_DECLARE_METATYPE(Dawiso::CredentialRotation::Result)
Q_DECLARE_METATYPE(Dawiso::SavedConnectionRemoval::Result)

namespace {

const QString prefix = QStringLiteral("dawiso");

} // namespace

class TestEnterpriseTokenRenewal : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void newTokenIsSignedCheckedAndStored();
    void withoutTheSigningKeyNothingChanges();
    void forgetRemovesTheSigningKeyToo();

private:
    CredentialRotation::Result renew(int days);
    QString tokenEntry() const;
    QString keyEntry() const;

    std::unique_ptr<SigningKeyMaker> m_maker;
    SigningKeyPair m_pair;
    std::unique_ptr<QlikSenseSite> m_site;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<QObject> m_owner;
    std::unique_ptr<SetupContext> m_context;
    std::unique_ptr<EnterpriseFlow> m_flow;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionIndex> m_index;
    std::unique_ptr<FakeSecretStore> m_store;
    SavedConnection m_saved;
    QByteArray m_oldToken;
};

void TestEnterpriseTokenRenewal::initTestCase()
{
    qRegisterMetaType<CredentialRotation::Result>();
    qRegisterMetaType<SavedConnectionRemoval::Result>();
    QString problem;
    // The program's own signing plugin, from the build tree next to this test.
    m_maker = SigningKeyLoader::load({QCoreApplication::applicationDirPath()}, &problem);
    QVERIFY2(m_maker, qPrintable(problem));
    const auto pair = m_maker->makeKeyPair(QStringLiteral("Dawiso"), 365, &problem);
    QVERIFY2(pair, qPrintable(problem));
    m_pair = *pair;
}

void TestEnterpriseTokenRenewal::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY2(m_site->start(), qPrintable(m_site->errorString()));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    QVERIFY(m_trust->trustCaForHost(m_site->proxyHostAndPort(), m_site->siteCa()));
    m_owner = std::make_unique<QObject>();
    m_context = std::make_unique<SetupContext>(m_network.get(), m_trust.get(), m_owner.get());
    m_flow = std::make_unique<EnterpriseFlow>(m_context.get());
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("s.ini")), QSettings::IniFormat);
    m_index = std::make_unique<ConnectionIndex>(m_settings.get());
    m_store = std::make_unique<FakeSecretStore>();

    // What the wizard left: the JWT virtual proxy with the certificate, a token that expires in 5 days, its key.
    Simulator::SiteDirectory &directory = m_site->directory();
    SiteVirtualProxy proxy;
    proxy.id = QStringLiteral("6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f");
    proxy.prefix = prefix;
    proxy.sessionCookieHeaderName = QStringLiteral("X-Qlik-Session-dawiso");
    proxy.authenticationMethod = SiteVirtualProxy::jwtAuthentication;
    proxy.websocketCrossOriginWhiteList = {QStringLiteral("localhost")};
    proxy.loadBalancingNodeIds = {directory.nodes.at(0).id};
    proxy.jwtPublicKeyCertificate = QString::fromLatin1(m_pair.certificatePem);
    proxy.jwtAttributeUserId = QStringLiteral("userId");
    proxy.jwtAttributeUserDirectory = QStringLiteral("userDirectory");
    directory.virtualProxies.append(proxy);
    directory.proxyServices[0].virtualProxyIds.append(proxy.id);

    JwtClaims claims;
    claims.userId = QStringLiteral("svc_dawiso");
    claims.userDirectory = QStringLiteral("CORP");
    claims.issuedAt = QDateTime::currentDateTimeUtc();
    claims.expiresAt = claims.issuedAt.addDays(5);
    claims.jti = QUuid::createUuid().toString(QUuid::WithoutBraces);
    QString problem;
    m_oldToken = JsonWebToken::sign(claims, m_pair.privateKeyPem, *m_maker, &problem);
    QVERIFY2(!m_oldToken.isEmpty(), qPrintable(problem));

    m_saved = SavedConnection();
    m_saved.kind = DeploymentKind::QlikSenseEnterprise;
    m_saved.hostAndPort = m_site->proxyHostAndPort();
    m_saved.userName = QStringLiteral("CORP\\svc_dawiso");
    m_saved.keyId = claims.jti;
    m_saved.keyExpiry = claims.expiresAt;
    m_saved.virtualProxyPrefix = prefix;
    m_index->upsert(m_saved);
    m_saved = *m_index->find(m_saved.kind, m_saved.hostAndPort);
    m_store->insertSecret(tokenEntry(), m_oldToken);
    m_store->insertSecret(keyEntry(), m_pair.privateKeyPem);
}

void TestEnterpriseTokenRenewal::cleanup()
{
    m_flow.reset();
    m_context.reset();
    m_owner.reset();
    m_store.reset();
    m_site.reset();
}

QString TestEnterpriseTokenRenewal::tokenEntry() const
{
    return SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, m_site->proxyHostAndPort());
}

QString TestEnterpriseTokenRenewal::keyEntry() const
{
    return SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise, m_site->proxyHostAndPort());
}

CredentialRotation::Result TestEnterpriseTokenRenewal::renew(int days)
{
    CredentialRotation *rotation = m_flow->createRotation(m_store.get(), m_index.get(), m_owner.get());
    if (!rotation)
        return {};
    QSignalSpy finished(rotation, &CredentialRotation::finished);
    rotation->start(m_saved, days);
    if (!finished.wait(60000))
        return {};
    return finished.first().first().value<CredentialRotation::Result>();
}

void TestEnterpriseTokenRenewal::newTokenIsSignedCheckedAndStored()
{
    const CredentialRotation::Result result = renew(90);
    QVERIFY2(result.rotated, qPrintable(result.problem.message + QLatin1Char(' ') + result.problem.advice));
    QCOMPARE(result.report.verdict, ConnectionReport::Verdict::Usable);
    QVERIFY(m_store->contains(tokenEntry()));
    QVERIFY(!m_store->secretEquals(tokenEntry(), m_oldToken));
    // The signing key stays as it was: the virtual proxy keeps its certificate.
    QVERIFY(m_store->secretEquals(keyEntry(), m_pair.privateKeyPem));

    const auto recorded = m_index->find(DeploymentKind::QlikSenseEnterprise, m_saved.hostAndPort);
    QVERIFY(recorded);
    QVERIFY(recorded->keyId != m_saved.keyId);
    QCOMPARE(recorded->userName, m_saved.userName);
    QCOMPARE(recorded->virtualProxyPrefix, prefix);
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(recorded->keyExpiry);
    QVERIFY2(days >= 89 && days <= 90, qPrintable(QString::number(days)));
    QCOMPARE(recorded->lastCheck, SavedConnection::LastCheck::Usable);
    QCOMPARE(result.report.keyId, recorded->keyId);
    QVERIFY(result.whereThingsAre.join(QLatin1Char(' ')).contains(QLatin1String("cannot revoke a single token")));
}

void TestEnterpriseTokenRenewal::withoutTheSigningKeyNothingChanges()
{
    QVERIFY(m_store->contains(keyEntry()));
    m_store->clear();
    m_store->insertSecret(tokenEntry(), m_oldToken);
    const CredentialRotation::Result result = renew(90);
    QVERIFY(!result.rotated);
    QVERIFY2(result.problem.message.contains(QLatin1String("not in the keychain")), qPrintable(result.problem.message));
    QVERIFY(result.problem.advice.contains(QLatin1String("Run the wizard again")));
    QVERIFY(m_store->secretEquals(tokenEntry(), m_oldToken));
    QCOMPARE(m_index->find(DeploymentKind::QlikSenseEnterprise, m_saved.hostAndPort)->keyId, m_saved.keyId);
}

void TestEnterpriseTokenRenewal::forgetRemovesTheSigningKeyToo()
{
    SavedConnectionRemoval removal(m_flow.get(), m_store.get(), m_index.get());
    QSignalSpy finished(&removal, &SavedConnectionRemoval::finished);
    // Qlik Sense cannot revoke one token: asked to, it says so and removes the rest.
    removal.start(m_saved, true);
    QVERIFY(finished.wait(20000));
    const auto result = finished.first().first().value<SavedConnectionRemoval::Result>();
    QVERIFY(result.removed);
    QVERIFY(!result.revoked);
    QVERIFY(result.whereThingsAre.join(QLatin1Char(' ')).contains(QLatin1String("cannot revoke")));
    QVERIFY(m_store->entryNames().isEmpty());
    QVERIFY(m_index->connections().isEmpty());
}

QTEST_GUILESS_MAIN(TestEnterpriseTokenRenewal)
#include "tst_enterprisetokenrenewal.moc"
