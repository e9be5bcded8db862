// The QRS writes of the simulated Qlik Sense site over real HTTPS on the repository port: virtual proxies (create,
// replace, the JWT fields), the proxy service's links with modifiedDate conflicts, the implicit update and the proxy's
// restart, user directories, the user filter's `so` and `or`, security rules and their effect on the hub list,
// access types, and who may write.
#include "SiteTestClient.h"
#include "simulator/common/CertificateBuilder.h"
#include "simulator/onprem/QlikSenseSite.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUrl>

#include <memory>

using namespace Dawiso::Simulator;

namespace {

const QByteArray admin = QByteArrayLiteral("UserDirectory=CORP; UserId=qlikadmin");
const QByteArray auditor = QByteArrayLiteral("UserDirectory=CORP; UserId=auditor");
const QByteArray analyst = QByteArrayLiteral("UserDirectory=CORP; UserId=analyst");
const QByteArray service = QByteArrayLiteral("UserDirectory=CORP; UserId=svc_dawiso");
const QString readRule = QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"svc_dawiso\"))");

QString filtered(const QString &path, const QString &filter)
{
    return path + QStringLiteral("?filter=") + QString::fromLatin1(QUrl::toPercentEncoding(filter));
}

QStringList names(const QJsonArray &array, const QString &key = QStringLiteral("name"))
{
    QStringList result;
    for (const QJsonValue &entry : array)
        result.append(entry.toObject().value(key).toString());
    return result;
}

} // namespace

class TestQlikSenseSiteWrites : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void createdVirtualProxyKeepsWhatWasPosted();
    void virtualProxyPostRefusesWrongFields_data();
    void virtualProxyPostRefusesWrongFields();
    void onlyRootAdminWrites();
    void virtualProxyPutReplacesTheWholeEntity();
    void proxyServiceReadsById();
    void proxyServicePutLinksAndChecksModifiedDate();
    void proxyServicePutWithoutVirtualProxiesUnlinksAll();
    void anotherAdminsChangeMeansReadAgain();
    void proxyRestartsWhenTheLinkedSetChanges();
    void userDirectoriesAreListed();
    void userFilterWithSubstringAndOr();
    void securityRuleOpensEveryAppInTheHub();
    void securityRuleOfAnotherFormOpensNothing_data();
    void securityRuleOfAnotherFormOpensNothing();
    void accessTypesAreListedPerUser();
    void hubListIgnoresAdminRoles();

private:
    QJsonObject jwtProxyBody(const QString &prefix) const;
    QJsonObject centralProxyService() const;

    std::unique_ptr<QlikSenseSite> m_site;
    std::unique_ptr<SiteTestClient> m_client;
    QString m_certificatePem;
};

void TestQlikSenseSiteWrites::initTestCase()
{
    CertificateBuilder::Request request;
    request.commonName = QStringLiteral("Dawiso signing");
    request.keyType = CertificateBuilder::KeyType::Rsa2048;
    const CertificateBuilder::Result made = CertificateBuilder::build(request);
    QVERIFY2(!made.isNull(), qPrintable(made.errorString));
    m_certificatePem = QString::fromLatin1(made.certificate.toPem());
}

void TestQlikSenseSiteWrites::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY2(m_site->start(), qPrintable(m_site->errorString()));
    m_client = std::make_unique<SiteTestClient>(*m_site);
}

void TestQlikSenseSiteWrites::cleanup()
{
    m_client.reset();
    m_site.reset();
}

QJsonObject TestQlikSenseSiteWrites::jwtProxyBody(const QString &prefix) const
{
    const QJsonObject node {{QStringLiteral("id"), m_site->directory().nodes.at(0).id}};
    const QJsonObject mail {{QStringLiteral("senseAttribute"), QStringLiteral("email")},
                            {QStringLiteral("jwtAttribute"), QStringLiteral("mail")},
                            {QStringLiteral("isMandatory"), false}};
    QJsonObject body;
    body.insert(QStringLiteral("prefix"), prefix);
    body.insert(QStringLiteral("description"), QStringLiteral("Dawiso"));
    body.insert(QStringLiteral("sessionCookieHeaderName"), QString(QStringLiteral("X-Qlik-Session-") + prefix));
    body.insert(QStringLiteral("authenticationMethod"), 4);
    body.insert(QStringLiteral("websocketCrossOriginWhiteList"), QJsonArray {QStringLiteral("localhost")});
    body.insert(QStringLiteral("loadBalancingServerNodes"), QJsonArray {node});
    body.insert(QStringLiteral("jwtPublicKeyCertificate"), m_certificatePem);
    body.insert(QStringLiteral("jwtAttributeUserId"), QStringLiteral("userId"));
    body.insert(QStringLiteral("jwtAttributeUserDirectory"), QStringLiteral("userDirectory"));
    body.insert(QStringLiteral("jwtAttributeMap"), QJsonArray {mail});
    return body;
}

QJsonObject TestQlikSenseSiteWrites::centralProxyService() const
{
    const SiteTestClient::Answer answer =
        m_client->repository("GET",
                             filtered(QStringLiteral("/qrs/proxyservice/full"),
                                      QStringLiteral("serverNodeConfiguration.isCentral eq true")));
    return answer.array().at(0).toObject();
}

void TestQlikSenseSiteWrites::createdVirtualProxyKeepsWhatWasPosted()
{
    const SiteTestClient::Answer created = m_client->repositoryJson("POST", QStringLiteral("/qrs/virtualproxyconfig"),
                                                                    jwtProxyBody(QStringLiteral("dawiso")), admin);
    QCOMPARE(created.status, 201);
    const QJsonObject entity = created.object();
    const QString id = entity.value(u"id").toString();
    QVERIFY(!id.isEmpty());
    QCOMPARE(entity.value(u"prefix").toString(), QStringLiteral("dawiso"));
    QCOMPARE(entity.value(u"authenticationMethod").toInt(), 4);
    QCOMPARE(entity.value(u"jwtPublicKeyCertificate").toString(), m_certificatePem);
    QCOMPARE(entity.value(u"jwtAttributeUserId").toString(), QStringLiteral("userId"));
    QCOMPARE(entity.value(u"jwtAttributeUserDirectory").toString(), QStringLiteral("userDirectory"));
    QCOMPARE(entity.value(u"jwtAttributeMap").toArray().at(0).toObject().value(u"jwtAttribute").toString(),
             QStringLiteral("mail"));
    QCOMPARE(entity.value(u"websocketCrossOriginWhiteList").toArray(), QJsonArray {QStringLiteral("localhost")});
    // Stored as posted, although no proxy service links it yet.
    QCOMPARE(entity.value(u"loadBalancingServerNodes").toArray().at(0).toObject().value(u"id").toString(),
             m_site->directory().nodes.at(0).id);
    // Defaults for what was left out.
    QCOMPARE(entity.value(u"sessionInactivityTimeout").toInt(), 30);
    QCOMPARE(entity.value(u"anonymousAccessMode").toInt(-1), 0);
    QCOMPARE(entity.value(u"windowsAuthenticationEnabledDevicePattern").toString(), QStringLiteral("Windows"));
    QCOMPARE(entity.value(u"defaultVirtualProxy").toBool(true), false);
    QVERIFY(!entity.value(u"createdDate").toString().isEmpty());
    QCOMPARE(entity.value(u"modifiedDate").toString(), entity.value(u"createdDate").toString());
    QCOMPARE(entity.value(u"schemaPath").toString(), QStringLiteral("VirtualProxyConfig"));

    const SiteTestClient::Answer single = m_client->repository("GET", QStringLiteral("/qrs/virtualproxyconfig/") + id);
    QCOMPARE(single.status, 200);
    QCOMPARE(single.object(), entity);
    const QJsonArray byPrefix =
        m_client
            ->repository("GET",
                         filtered(QStringLiteral("/qrs/virtualproxyconfig/full"), QStringLiteral("prefix eq 'dawiso'")))
            .array();
    QCOMPARE(byPrefix.size(), 1);
    QCOMPARE(byPrefix.at(0).toObject().value(u"id").toString(), id);
    QCOMPARE(m_site->directory().virtualProxies.size(), 3);

    // Only an entity that exists; an unknown id is a 404.
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/virtualproxyconfig/0b41e2c1-7d3a-4e5f-9a1b-2c3d4e5f6a7b"))
                 .status,
             404);
    // The sso proxy's own name, by the filter, gives nothing for a prefix that does not exist.
    QCOMPARE(
        m_client
            ->repository("GET",
                         filtered(QStringLiteral("/qrs/virtualproxyconfig/full"), QStringLiteral("prefix eq 'other'")))
            .array(),
        QJsonArray());
}

void TestQlikSenseSiteWrites::virtualProxyPostRefusesWrongFields_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::addColumn<QString>("named");
    QTest::newRow("uppercase prefix") << QStringLiteral("prefix") << QJsonValue(QStringLiteral("Dawiso"))
                                      << QStringLiteral("prefix");
    QTest::newRow("empty prefix") << QStringLiteral("prefix") << QJsonValue(QString()) << QStringLiteral("prefix");
    QTest::newRow("prefix with a space") << QStringLiteral("prefix") << QJsonValue(QStringLiteral("da wiso"))
                                         << QStringLiteral("prefix");
    QTest::newRow("prefix with a slash") << QStringLiteral("prefix") << QJsonValue(QStringLiteral("da/wiso"))
                                         << QStringLiteral("prefix");
    QTest::newRow("prefix of sso") << QStringLiteral("prefix") << QJsonValue(QStringLiteral("sso"))
                                   << QStringLiteral("prefix");
    QTest::newRow("cookie of sso, other case")
        << QStringLiteral("sessionCookieHeaderName") << QJsonValue(QStringLiteral("x-qlik-session-SSO"))
        << QStringLiteral("sessionCookieHeaderName");
    QTest::newRow("no certificate") << QStringLiteral("jwtPublicKeyCertificate") << QJsonValue(QString())
                                    << QStringLiteral("jwtPublicKeyCertificate");
    QTest::newRow("no PEM") << QStringLiteral("jwtPublicKeyCertificate")
                            << QJsonValue(
                                   QStringLiteral("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n"))
                            << QStringLiteral("jwtPublicKeyCertificate");
    QTest::newRow("unknown node") << QStringLiteral("loadBalancingServerNodes")
                                  << QJsonValue(QJsonArray {
                                         QJsonObject {{QStringLiteral("id"),
                                                       QStringLiteral("0b41e2c1-7d3a-4e5f-9a1b-2c3d4e5f6a7b")}}})
                                  << QStringLiteral("loadBalancingServerNodes");
    QTest::newRow("method as text") << QStringLiteral("authenticationMethod") << QJsonValue(QStringLiteral("jwt"))
                                    << QStringLiteral("authenticationMethod");
}

void TestQlikSenseSiteWrites::virtualProxyPostRefusesWrongFields()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QFETCH(QString, named);
    QJsonObject body = jwtProxyBody(QStringLiteral("dawiso"));
    body.insert(field, value);
    const SiteTestClient::Answer refused =
        m_client->repositoryJson("POST", QStringLiteral("/qrs/virtualproxyconfig"), body, admin);
    QCOMPARE(refused.status, 400);
    QVERIFY2(refused.body.startsWith(named.toUtf8().append(':')), refused.body.constData());
    QVERIFY(refused.headers.value("content-type").startsWith("text/plain"));
    QCOMPARE(m_site->directory().virtualProxies.size(), 2);

    // The same body with the right value is taken.
    QCOMPARE(m_client
                 ->repositoryJson("POST", QStringLiteral("/qrs/virtualproxyconfig"),
                                  jwtProxyBody(QStringLiteral("dawiso")), admin)
                 .status,
             201);
}

void TestQlikSenseSiteWrites::onlyRootAdminWrites()
{
    for (const QByteArray &caller : {auditor, analyst, service}) {
        QCOMPARE(m_client
                     ->repositoryJson("POST", QStringLiteral("/qrs/virtualproxyconfig"),
                                      jwtProxyBody(QStringLiteral("dawiso")), caller)
                     .status,
                 403);
        QCOMPARE(m_client
                     ->repositoryJson("POST", QStringLiteral("/qrs/systemrule"),
                                      QJsonObject {{QStringLiteral("name"), QStringLiteral("x")}}, caller)
                     .status,
                 403);
        QCOMPARE(m_client
                     ->repositoryJson("PUT",
                                      QStringLiteral("/qrs/proxyservice/") + m_site->directory().proxyServices.at(0).id,
                                      QJsonObject(), caller)
                     .status,
                 403);
    }
    QCOMPARE(m_site->directory().virtualProxies.size(), 2);
    QCOMPARE(m_site->directory().proxyServices.at(0).virtualProxyIds.size(), 2);
    // INTERNAL\sa_repository (no X-Qlik-User) is a RootAdmin.
    QCOMPARE(
        m_client
            ->repositoryJson("POST", QStringLiteral("/qrs/virtualproxyconfig"), jwtProxyBody(QStringLiteral("dawiso")))
            .status,
        201);
    // A body that is no JSON object, or not JSON at all.
    QCOMPARE(m_client->repository("POST", QStringLiteral("/qrs/virtualproxyconfig"), admin, "[1]").status, 400);
    QCOMPARE(m_client->repository("POST", QStringLiteral("/qrs/virtualproxyconfig"), admin, "{nope").status, 400);
    QCOMPARE(m_client->repository("DELETE", QStringLiteral("/qrs/virtualproxyconfig/full"), admin).status, 405);
}

void TestQlikSenseSiteWrites::virtualProxyPutReplacesTheWholeEntity()
{
    const QJsonObject created = m_client
                                    ->repositoryJson("POST", QStringLiteral("/qrs/virtualproxyconfig"),
                                                     jwtProxyBody(QStringLiteral("dawiso")), admin)
                                    .object();
    const QString path = QStringLiteral("/qrs/virtualproxyconfig/") + created.value(u"id").toString();

    CertificateBuilder::Request request;
    request.commonName = QStringLiteral("Dawiso signing, new");
    request.keyType = CertificateBuilder::KeyType::Rsa2048;
    const QString newPem = QString::fromLatin1(CertificateBuilder::build(request).certificate.toPem());
    QVERIFY(!newPem.isEmpty());

    QJsonObject replaced = created;
    replaced.insert(QStringLiteral("jwtPublicKeyCertificate"), newPem);
    QJsonObject stale = replaced;
    stale.insert(QStringLiteral("modifiedDate"), QStringLiteral("2024-01-01T00:00:00.000Z"));
    const SiteTestClient::Answer conflict = m_client->repositoryJson("PUT", path, stale, admin);
    QCOMPARE(conflict.status, 409);
    QVERIFY(conflict.headers.value("content-type").startsWith("text/plain"));
    QJsonObject undated = replaced;
    undated.remove(QStringLiteral("modifiedDate"));
    QCOMPARE(m_client->repositoryJson("PUT", path, undated, admin).status, 409);
    QCOMPARE(m_site->directory().virtualProxies.last().jwtPublicKeyCertificate, m_certificatePem);

    const SiteTestClient::Answer done = m_client->repositoryJson("PUT", path, replaced, admin);
    QCOMPARE(done.status, 200);
    QCOMPARE(done.object().value(u"jwtPublicKeyCertificate").toString(), newPem);
    QVERIFY(done.object().value(u"modifiedDate").toString() != created.value(u"modifiedDate").toString());
    QCOMPARE(done.object().value(u"createdDate").toString(), created.value(u"createdDate").toString());
    QCOMPARE(done.object().value(u"websocketCrossOriginWhiteList").toArray(), QJsonArray {QStringLiteral("localhost")});
    // The old modifiedDate is stale now.
    QCOMPARE(m_client->repositoryJson("PUT", path, replaced, admin).status, 409);

    // What the body leaves out goes back to its default: Qlik's implicit update.
    QJsonObject half {{QStringLiteral("prefix"), QStringLiteral("dawiso")},
                      {QStringLiteral("modifiedDate"), done.object().value(u"modifiedDate")}};
    const SiteTestClient::Answer reset = m_client->repositoryJson("PUT", path, half, admin);
    QCOMPARE(reset.status, 200);
    QCOMPARE(reset.object().value(u"websocketCrossOriginWhiteList").toArray(), QJsonArray());
    QCOMPARE(reset.object().value(u"authenticationMethod").toInt(), 0);
    QCOMPARE(reset.object().value(u"jwtPublicKeyCertificate").toString(), QString());
    QCOMPARE(reset.object().value(u"loadBalancingServerNodes").toArray(), QJsonArray());
    QCOMPARE(reset.object().value(u"sessionCookieHeaderName").toString(), QStringLiteral("X-Qlik-Session-dawiso"));

    // Another proxy's prefix, an unknown id, and a body naming another entity.
    QJsonObject taken = half;
    taken.insert(QStringLiteral("prefix"), QStringLiteral("sso"));
    taken.insert(QStringLiteral("modifiedDate"), reset.object().value(u"modifiedDate"));
    QCOMPARE(m_client->repositoryJson("PUT", path, taken, admin).status, 400);
    QCOMPARE(m_client
                 ->repositoryJson("PUT", QStringLiteral("/qrs/virtualproxyconfig/0b41e2c1-7d3a-4e5f-9a1b-2c3d4e5f6a7b"),
                                  half, admin)
                 .status,
             404);
    QJsonObject other = reset.object();
    other.insert(QStringLiteral("id"), m_site->directory().virtualProxies.at(1).id);
    QCOMPARE(m_client->repositoryJson("PUT", path, other, admin).status, 400);

    // The default proxy keeps its empty prefix.
    const QJsonObject defaultProxy =
        m_client
            ->repository("GET",
                         QStringLiteral("/qrs/virtualproxyconfig/") + m_site->directory().virtualProxies.at(0).id)
            .object();
    QCOMPARE(m_client
                 ->repositoryJson("PUT",
                                  QStringLiteral("/qrs/virtualproxyconfig/") + defaultProxy.value(u"id").toString(),
                                  defaultProxy, admin)
                 .status,
             200);
}

void TestQlikSenseSiteWrites::proxyServiceReadsById()
{
    const QJsonObject central = centralProxyService();
    const QString id = central.value(u"id").toString();
    QVERIFY(!id.isEmpty());
    const SiteTestClient::Answer single = m_client->repository("GET", QStringLiteral("/qrs/proxyservice/") + id);
    QCOMPARE(single.status, 200);
    QCOMPARE(single.object(), central);
    QCOMPARE(central.value(u"settings").toObject().value(u"virtualProxies").toArray().size(), 2);
    QVERIFY(!central.value(u"modifiedDate").toString().isEmpty());
    // Not for a user without an admin role; not for an id that is none.
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/proxyservice/") + id, service).status, 403);
    QCOMPARE(
        m_client->repository("GET", QStringLiteral("/qrs/proxyservice/0b41e2c1-7d3a-4e5f-9a1b-2c3d4e5f6a7b")).status,
        404);
    QCOMPARE(m_client
                 ->repository("GET",
                              filtered(QStringLiteral("/qrs/proxyservice/full"),
                                       QStringLiteral("serverNodeConfiguration.isCentral eq false")))
                 .array(),
             QJsonArray());
}

void TestQlikSenseSiteWrites::proxyServicePutLinksAndChecksModifiedDate()
{
    const QString proxyId = m_client
                                ->repositoryJson("POST", QStringLiteral("/qrs/virtualproxyconfig"),
                                                 jwtProxyBody(QStringLiteral("dawiso")), admin)
                                .object()
                                .value(u"id")
                                .toString();
    QJsonObject central = centralProxyService();
    const QString path = QStringLiteral("/qrs/proxyservice/") + central.value(u"id").toString();
    QJsonObject settings = central.value(u"settings").toObject();
    QJsonArray proxies = settings.value(u"virtualProxies").toArray();
    proxies.append(QJsonObject {{QStringLiteral("id"), proxyId}});
    settings.insert(QStringLiteral("virtualProxies"), proxies);
    central.insert(QStringLiteral("settings"), settings);

    QJsonObject stale = central;
    stale.insert(QStringLiteral("modifiedDate"), QStringLiteral("2024-01-01T00:00:00.000Z"));
    QCOMPARE(m_client->repositoryJson("PUT", path, stale, admin).status, 409);
    QVERIFY(!m_site->directory().isLinked(proxyId));

    const SiteTestClient::Answer linked = m_client->repositoryJson("PUT", path, central, admin);
    QCOMPARE(linked.status, 200);
    const QJsonArray now = linked.object().value(u"settings").toObject().value(u"virtualProxies").toArray();
    QCOMPARE(names(now, QStringLiteral("prefix")),
             (QStringList {QString(), QStringLiteral("sso"), QStringLiteral("dawiso")}));
    QVERIFY(linked.object().value(u"modifiedDate").toString() != central.value(u"modifiedDate").toString());
    QVERIFY(m_site->directory().isLinked(proxyId));
    QCOMPARE(linked.object().value(u"settings").toObject().value(u"listenPort").toInt(), 443);

    // An id that is no virtual proxy.
    QJsonObject unknown = linked.object();
    QJsonObject unknownSettings = unknown.value(u"settings").toObject();
    unknownSettings.insert(QStringLiteral("virtualProxies"),
                           QJsonArray {QJsonObject {{QStringLiteral("id"), QStringLiteral("nope")}}});
    unknown.insert(QStringLiteral("settings"), unknownSettings);
    QCOMPARE(m_client->repositoryJson("PUT", path, unknown, admin).status, 400);
    QVERIFY(m_site->directory().isLinked(proxyId));
}

void TestQlikSenseSiteWrites::proxyServicePutWithoutVirtualProxiesUnlinksAll()
{
    const QJsonObject central = centralProxyService();
    const QString path = QStringLiteral("/qrs/proxyservice/") + central.value(u"id").toString();
    // Only the id and the date, as a careless client might send them.
    const QJsonObject careless {{QStringLiteral("id"), central.value(u"id")},
                                {QStringLiteral("modifiedDate"), central.value(u"modifiedDate")},
                                {QStringLiteral("settings"), QJsonObject {{QStringLiteral("listenPort"), 443}}}};
    const SiteTestClient::Answer answer = m_client->repositoryJson("PUT", path, careless, admin);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.object().value(u"settings").toObject().value(u"virtualProxies").toArray(), QJsonArray());
    QVERIFY(!m_site->directory().isLinked(m_site->directory().virtualProxies.at(0).id));
    QCOMPARE(centralProxyService().value(u"settings").toObject().value(u"virtualProxies").toArray(), QJsonArray());
}

void TestQlikSenseSiteWrites::anotherAdminsChangeMeansReadAgain()
{
    m_site->setProxyServiceConflicts(1);
    const QJsonObject central = centralProxyService();
    const QString path = QStringLiteral("/qrs/proxyservice/") + central.value(u"id").toString();
    QCOMPARE(m_client->repositoryJson("PUT", path, central, admin).status, 409);
    const QJsonObject again = centralProxyService();
    QVERIFY(again.value(u"modifiedDate").toString() != central.value(u"modifiedDate").toString());
    QCOMPARE(m_client->repositoryJson("PUT", path, central, admin).status, 409); // still stale
    QCOMPARE(m_client->repositoryJson("PUT", path, again, admin).status, 200);
}

void TestQlikSenseSiteWrites::proxyRestartsWhenTheLinkedSetChanges()
{
    const QString productInfo = QStringLiteral("/resources/autogenerated/product-info.json");
    QJsonObject central = centralProxyService();
    const QString path = QStringLiteral("/qrs/proxyservice/") + central.value(u"id").toString();
    const QJsonArray both = central.value(u"settings").toObject().value(u"virtualProxies").toArray();
    const auto linking = [&central](const QJsonArray &proxies) {
        QJsonObject entity = central;
        QJsonObject settings = entity.value(u"settings").toObject();
        settings.insert(QStringLiteral("virtualProxies"), proxies);
        entity.insert(QStringLiteral("settings"), settings);
        return entity;
    };

    // No delay by default: the change takes effect at once.
    central = m_client->repositoryJson("PUT", path, linking(QJsonArray {both.at(0)}), admin).object();
    QCOMPARE(m_client->proxy("GET", productInfo, {}, false).status, 200);
    QVERIFY(!m_site->isProxyRestarting());

    // The same set again: no restart.
    m_site->setProxyRestartDelay(1500);
    central = m_client->repositoryJson("PUT", path, linking(QJsonArray {both.at(0)}), admin).object();
    QCOMPARE(m_client->proxy("GET", productInfo, {}, false).status, 200);

    // With sso again: the proxy restarts.
    QCOMPARE(m_client->repositoryJson("PUT", path, linking(both), admin).status, 200);
    const SiteTestClient::Answer restarting = m_client->proxy("GET", productInfo, {}, false);
    QCOMPARE(restarting.status, 503);
    QCOMPARE(restarting.body, QByteArrayLiteral("The proxy is restarting."));
    QVERIFY(m_site->isProxyRestarting());
    // The repository port is another service: it keeps answering.
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/about")).status, 200);
    QTRY_COMPARE_WITH_TIMEOUT(m_client->proxy("GET", productInfo, {}, false).status, 200, 5000);
    QVERIFY(!m_site->isProxyRestarting());
}

void TestQlikSenseSiteWrites::userDirectoriesAreListed()
{
    const SiteTestClient::Answer listed = m_client->repository("GET", QStringLiteral("/qrs/userdirectory/full"), admin);
    QCOMPARE(listed.status, 200);
    QCOMPARE(names(listed.array()), (QStringList {QStringLiteral("CORP"), QStringLiteral("INTERNAL")}));
    const QJsonObject corp = listed.array().at(0).toObject();
    QCOMPARE(corp.value(u"userDirectoryName").toString(), QStringLiteral("CORP"));
    QVERIFY(corp.value(u"configured").toBool());
    QVERIFY(corp.value(u"operational").toBool());
    QVERIFY(!corp.value(u"type").toString().isEmpty());
    QCOMPARE(m_client
                 ->repository("GET",
                              filtered(QStringLiteral("/qrs/userdirectory/full"), QStringLiteral("name eq 'corp'")),
                              admin)
                 .array()
                 .size(),
             1);
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/userdirectory/full"), analyst).array(), QJsonArray());
}

void TestQlikSenseSiteWrites::userFilterWithSubstringAndOr()
{
    const auto userIds = [this](const QString &filter) {
        const SiteTestClient::Answer answer =
            m_client->repository("GET", filtered(QStringLiteral("/qrs/user/full"), filter), admin);
        return answer.status == 200 ? names(answer.array(), QStringLiteral("userId"))
                                    : QStringList {QStringLiteral("!")};
    };
    QCOMPARE(userIds(QStringLiteral("userId so 'SVC'")), QStringList {QStringLiteral("svc_dawiso")});
    QCOMPARE(userIds(QStringLiteral("name so 'dawiso' and userDirectory eq 'CORP'")),
             QStringList {QStringLiteral("svc_dawiso")});
    QCOMPARE(userIds(QStringLiteral("userId eq 'analyst' or userId eq 'auditor'")),
             (QStringList {QStringLiteral("auditor"), QStringLiteral("analyst")}));
    QCOMPARE(userIds(QStringLiteral("userDirectory eq 'INTERNAL' or userId so 'admin' and userDirectory eq 'CORP'")),
             (QStringList {QStringLiteral("qlikadmin"), QStringLiteral("sa_repository")}));
    QCOMPARE(userIds(QStringLiteral("userId so 'nobody' or name so 'nobody'")), QStringList());
    QCOMPARE(userIds(QStringLiteral("email so 'x'")), QStringList {QStringLiteral("!")});
}

void TestQlikSenseSiteWrites::securityRuleOpensEveryAppInTheHub()
{
    const QString byName = filtered(QStringLiteral("/qrs/systemrule/full"), QStringLiteral("name eq 'Dawiso read'"));
    QCOMPARE(m_client->repository("GET", byName, admin).array(), QJsonArray());
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/hublist/full"), service).array().size(), 2);
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/count"), service).object().value(u"value").toInt(),
             5);

    const QJsonObject rule {{QStringLiteral("name"), QStringLiteral("Dawiso read")},
                            {QStringLiteral("category"), QStringLiteral("Security")},
                            {QStringLiteral("type"), QStringLiteral("Custom")},
                            {QStringLiteral("rule"), readRule},
                            {QStringLiteral("resourceFilter"), QStringLiteral("App_*,Stream_*,App.Object_*")},
                            {QStringLiteral("actions"), 2},
                            {QStringLiteral("ruleContext"), 0},
                            {QStringLiteral("disabled"), false},
                            {QStringLiteral("comment"), QStringLiteral("Dawiso reads the catalog")}};
    const SiteTestClient::Answer created =
        m_client->repositoryJson("POST", QStringLiteral("/qrs/systemrule"), rule, admin);
    QCOMPARE(created.status, 201);
    const QJsonObject entity = created.object();
    QVERIFY(!entity.value(u"id").toString().isEmpty());
    QCOMPARE(entity.value(u"rule").toString(), readRule);
    QCOMPARE(entity.value(u"actions").toInt(), 2);
    QCOMPARE(entity.value(u"resourceFilter").toString(), QStringLiteral("App_*,Stream_*,App.Object_*"));
    QCOMPARE(entity.value(u"category").toString(), QStringLiteral("Security"));
    QVERIFY(!entity.value(u"modifiedDate").toString().isEmpty());
    QCOMPARE(entity.value(u"schemaPath").toString(), QStringLiteral("SystemRule"));

    const QJsonArray found = m_client->repository("GET", byName, admin).array();
    QCOMPARE(found.size(), 1);
    QCOMPARE(found.at(0).toObject(), entity);
    QCOMPARE(m_client->repository("GET", byName, service).array(), QJsonArray()); // rules are admin reading

    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/hublist/full"), service).array().size(), 7);
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/count"), service).object().value(u"value").toInt(),
             7);
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/stream/full"), service).array().size(), 3);
    QCOMPARE(m_site->hubAppIds(QStringLiteral("corp"), QStringLiteral("SVC_DAWISO")).size(), 7);
    // Nobody else gains anything.
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/hublist/full"), analyst).array().size(), 4);

    QCOMPARE(m_client
                 ->repositoryJson("POST", QStringLiteral("/qrs/systemrule"),
                                  QJsonObject {{QStringLiteral("rule"), readRule}}, admin)
                 .status,
             400);
    QCOMPARE(m_client
                 ->repositoryJson("POST", QStringLiteral("/qrs/systemrule"),
                                  QJsonObject {{QStringLiteral("name"), QStringLiteral("x")},
                                               {QStringLiteral("actions"), QStringLiteral("read")}},
                                  admin)
                 .status,
             400);
}

void TestQlikSenseSiteWrites::securityRuleOfAnotherFormOpensNothing_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QJsonValue>("value");
    QTest::newRow("disabled") << QStringLiteral("disabled") << QJsonValue(true);
    QTest::newRow("QMC only") << QStringLiteral("ruleContext") << QJsonValue(2);
    QTest::newRow("create, not read") << QStringLiteral("actions") << QJsonValue(1);
    QTest::newRow("streams only") << QStringLiteral("resourceFilter") << QJsonValue(QStringLiteral("Stream_*"));
    QTest::newRow("another user") << QStringLiteral(
        "rule") << QJsonValue(QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"analyst\"))"));
    QTest::newRow("another form") << QStringLiteral("rule") << QJsonValue(QStringLiteral("user.name like \"*\""));
}

void TestQlikSenseSiteWrites::securityRuleOfAnotherFormOpensNothing()
{
    QFETCH(QString, field);
    QFETCH(QJsonValue, value);
    QJsonObject rule {{QStringLiteral("name"), QStringLiteral("Dawiso read")},
                      {QStringLiteral("rule"), readRule},
                      {QStringLiteral("resourceFilter"), QStringLiteral("App_*,Stream_*,App.Object_*")},
                      {QStringLiteral("actions"), 2},
                      {QStringLiteral("ruleContext"), 0}};
    rule.insert(field, value);
    QCOMPARE(m_client->repositoryJson("POST", QStringLiteral("/qrs/systemrule"), rule, admin).status, 201);
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/hublist/full"), service).array().size(), 2);
    // Read with Create and Update, in the hub only, still opens everything.
    rule = QJsonObject {{QStringLiteral("name"), QStringLiteral("Dawiso read, hub")},
                        {QStringLiteral("rule"), readRule},
                        {QStringLiteral("resourceFilter"), QStringLiteral("Stream_*, App_*")},
                        {QStringLiteral("actions"), 7},
                        {QStringLiteral("ruleContext"), 1}};
    QCOMPARE(m_client->repositoryJson("POST", QStringLiteral("/qrs/systemrule"), rule, admin).status, 201);
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/hublist/full"), service).array().size(), 7);
}

void TestQlikSenseSiteWrites::accessTypesAreListedPerUser()
{
    const QString professional = QStringLiteral("/qrs/license/professionalaccesstype/full");
    const QString analyzer = QStringLiteral("/qrs/license/analyzeraccesstype/full");
    const QString serviceFilter = QStringLiteral("user.userDirectory eq 'CORP' and user.userId eq 'svc_dawiso'");

    const SiteTestClient::Answer held = m_client->repository("GET", filtered(professional, serviceFilter), admin);
    QCOMPARE(held.status, 200);
    QCOMPARE(held.array().size(), 1);
    const QJsonObject allocation = held.array().at(0).toObject();
    QVERIFY(!allocation.value(u"id").toString().isEmpty());
    QCOMPARE(allocation.value(u"user").toObject().value(u"userId").toString(), QStringLiteral("svc_dawiso"));
    QCOMPARE(allocation.value(u"user").toObject().value(u"userDirectory").toString(), QStringLiteral("CORP"));
    QCOMPARE(allocation.value(u"quarantined").toBool(true), false);
    QVERIFY(allocation.contains(u"lastUsed"));
    QCOMPARE(m_client->repository("GET", filtered(analyzer, serviceFilter), admin).array(), QJsonArray());
    QCOMPARE(m_client->repository("GET", professional, admin).array().size(), 4);

    // The former RootAdmin has none; the user sees their own allocation, but nobody else's.
    QCOMPARE(
        m_client->repository("GET", filtered(professional, QStringLiteral("user.userId eq 'former'")), admin).array(),
        QJsonArray());
    QCOMPARE(m_client->repository("GET", filtered(professional, serviceFilter), service).array().size(), 1);
    QCOMPARE(m_client->repository("GET", filtered(professional, serviceFilter), analyst).array(), QJsonArray());
    QCOMPARE(m_client->repository("GET", filtered(professional, QStringLiteral("userId eq 'x'")), admin).status, 400);

    QVERIFY(m_site->hasAccessAllocation(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")));
    QVERIFY(!m_site->hasAccessAllocation(QStringLiteral("CORP"), QStringLiteral("former")));
    QVERIFY(!m_site->hasAccessAllocation(QStringLiteral("CORP"), QStringLiteral("nobody")));
    m_site->directory().user(QStringLiteral("CORP"), QStringLiteral("analyst"))->accessType = SiteAccessType::Analyzer;
    QCOMPARE(m_client->repository("GET", analyzer, admin).array().size(), 1);
    QVERIFY(m_site->hasAccessAllocation(QStringLiteral("CORP"), QStringLiteral("analyst")));
}

void TestQlikSenseSiteWrites::hubListIgnoresAdminRoles()
{
    const auto hub = [this](const QByteArray &caller) {
        return names(m_client->repository("GET", QStringLiteral("/qrs/app/hublist/full"), caller).array());
    };
    QCOMPARE(hub(service), (QStringList {QStringLiteral("Company Overview"), QStringLiteral("Help Desk")}));
    QCOMPARE(hub(admin).size(), 5);
    QVERIFY(!hub(admin).contains(QStringLiteral("Analyst Sandbox")));
    QCOMPARE(hub(auditor).size(), 2);
    QCOMPARE(hub(analyst).size(), 4);
    // But the QMC context (app/full) of a RootAdmin has every app.
    QCOMPARE(m_client->repository("GET", QStringLiteral("/qrs/app/full"), admin).array().size(), 7);

    const QList<QString> ids = m_site->hubAppIds(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
    QCOMPARE(ids.size(), 2);
    QVERIFY(m_site->app(ids.at(0)));
    QCOMPARE(m_site->app(ids.at(0))->name, QStringLiteral("Company Overview"));
    QVERIFY(!m_site->app(QStringLiteral("no-such-app")));
    QVERIFY(m_site->hubAppIds(QStringLiteral("CORP"), QStringLiteral("nobody")).isEmpty());
}

QTEST_MAIN(TestQlikSenseSiteWrites)
#include "tst_qliksensesitewrites.moc"
