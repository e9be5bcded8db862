#include "simulator/cloud/QlikSimulator.h"
#include "simulator/cloud/SimulatorScenario.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QSslError>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Dawiso::Simulator;

Q_DECLARE_METATYPE(Dawiso::Simulator::CheckScenario)

namespace {

constexpr int replyTimeoutMs = 20000;

struct Answer
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    int sslErrorCount = 0;
    QHash<QByteArray, QByteArray> headers; // lowercase names
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject firstError() const { return json().value(u"errors").toArray().at(0).toObject(); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
};

QStringList idsOf(const QJsonArray &data)
{
    QStringList ids;
    for (const QJsonValue &item : data)
        ids.append(item.toObject().value(u"id").toString());
    return ids;
}

QStringList namesOf(const QJsonArray &data)
{
    QStringList names;
    for (const QJsonValue &item : data)
        names.append(item.toObject().value(u"name").toString());
    return names;
}

QString nextHref(const QJsonObject &body)
{
    return body.value(u"links").toObject().value(u"next").toObject().value(u"href").toString();
}

// Every page of a list, followed through links.next.
struct Walk
{
    int status = 200; // the first status other than 200, if any
    int pages = 0;
    QJsonArray entries;
};

bool isLowerHex(const QString &text)
{
    for (const QChar c : text) {
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    }
    return !text.isEmpty();
}

} // namespace

class TestSimulator : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void certificateValidatesForLocalhost();
    void certificateDiffersPerInstance();
    void wellKnownShape();
    void issuerOverride();
    void unauthorized_data();
    void unauthorized();
    void expiredOrRevoked_data();
    void expiredOrRevoked();
    void inactiveUserIsForbidden();
    void usersMeRedirects();
    void userShapeWithGroupRoles();
    void userAccessRules();
    void tenantsMeRedirects();
    void tenantShape();
    void apiKeysListingFilters();
    void apiKeysPagingWithStartingAfter();
    void apiKeysNeverCarryTokens();
    void apiKeyConfig();
    void usersPagingWithOpaqueCursor();
    void invalidListParameters_data();
    void invalidListParameters();
    void usersFilter_data();
    void usersFilter();
    void nonAdminSeesOnlyThemself();
    void rolesNeedTenantAdmin();
    void unknownPathAndWrongMethod();
    void issuedKeyIsAJwtThatAuthenticates();
    void rateLimitInjection();
    void delayInjectionDoesNotBlock();
    void neverAnswering();
    void notQlikMode();
    void malformedJson();
    void redirectTarget();
    void aliasVariationNamesTheOtherHost();
    void recordingNeverContainsToken();

    void demoContent();
    void spacesShapeAndMeta();
    void spacesVisibility_data();
    void spacesVisibility();
    void spacesPagingAndFilters();
    void itemsShape();
    void itemsVisibility_data();
    void itemsVisibility();
    void itemsFilters_data();
    void itemsFilters();
    void itemsPagingWithOpaqueCursors();
    void itemsWalkSeesTenantChanges();
    void itemsCursorOfAnotherUserLeaksNothing();
    void appOpenRules_data();
    void appOpenRules();
    void appAndMetadataShape();
    void scenarioTenants_data();
    void scenarioTenants();
    void scenarioFaults_data();
    void scenarioFaults();
    void wrongJsonTypes();
    void largeTenantPagesThroughEverything();
    void certificatePemIsATrustAnchor();
    void sampleTokensFollowTheTenantsKeyRecords();

private:
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    Answer get(const QUrl &target, const QByteArray &token = {}, const QByteArray &verb = "GET",
               int transferTimeoutMs = 0);
    Answer getPath(const QString &path, SampleKey key);
    Walk walk(const QString &path, const QUrlQuery &query, const QByteArray &token, int maxPages = 300);
    void useTenant(SimulatedTenant tenant);
    // "healthy", "admin" and "groupadmin" are sample keys; anything else is a user name that gets a fresh key.
    QByteArray tokenFor(const QString &who);
    QString userId(const QString &name) const;
    QString spaceId(const QString &name) const;
    const SimApp *appNamed(const QString &name) const;

    std::unique_ptr<QlikSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
    QSslCertificate m_trusted;
};

void TestSimulator::init()
{
    m_sim = std::make_unique<QlikSimulator>();
    QVERIFY(m_sim->start());
    QVERIFY(m_sim->port() != 0);
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trusted = m_sim->certificate();
}

void TestSimulator::cleanup()
{
    m_network.reset();
    m_sim.reset();
}

QUrl TestSimulator::url(const QString &path, const QUrlQuery &query) const
{
    QUrl result = m_sim->baseUrl();
    result.setPath(path);
    if (!query.isEmpty())
        result.setQuery(query);
    return result;
}

Answer TestSimulator::get(const QUrl &target, const QByteArray &token, const QByteArray &verb, int transferTimeoutMs)
{
    QNetworkRequest request(target);
    // Trust exactly the certificate under test: no system CAs needed, no errors ignored.
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_trusted);
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    if (transferTimeoutMs > 0)
        request.setTransferTimeout(transferTimeoutMs);

    std::unique_ptr<QNetworkReply> reply(m_network->sendCustomRequest(request, verb));
    Answer answer;
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                     [&answer](const QList<QSslError> &errors) { answer.sslErrorCount += errors.size(); });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    answer.finished = reply->isFinished() || finished.wait(replyTimeoutMs);
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    if (reply->isOpen())
        answer.body = reply->readAll();
    return answer;
}

Answer TestSimulator::getPath(const QString &path, SampleKey key)
{
    return get(url(path), m_sim->sampleToken(key));
}

Walk TestSimulator::walk(const QString &path, const QUrlQuery &query, const QByteArray &token, int maxPages)
{
    Walk result;
    QUrl next = url(path, query);
    while (next.isValid() && result.pages < maxPages) {
        const Answer page = get(next, token);
        if (page.status != 200) {
            result.status = page.status;
            break;
        }
        ++result.pages;
        const QJsonObject body = page.json();
        const QJsonArray entries = body.value(u"data").toArray();
        for (const QJsonValue &entry : entries)
            result.entries.append(entry);
        const QString href = nextHref(body);
        next = href.isEmpty() ? QUrl() : QUrl(href);
    }
    return result;
}

void TestSimulator::useTenant(SimulatedTenant tenant)
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_sim = std::make_unique<QlikSimulator>(std::move(tenant));
    QVERIFY(m_sim->start());
    m_trusted = m_sim->certificate();
}

QByteArray TestSimulator::tokenFor(const QString &who)
{
    if (who == u"healthy")
        return m_sim->sampleToken(SampleKey::Healthy);
    if (who == u"admin")
        return m_sim->sampleToken(SampleKey::TenantAdmin);
    if (who == u"groupadmin")
        return m_sim->sampleToken(SampleKey::GroupAdmin);
    return m_sim->issueApiKey(userId(who), QDateTime::currentDateTimeUtc().addDays(1), QStringLiteral("test"));
}

QString TestSimulator::userId(const QString &name) const
{
    for (const SimUser &user : std::as_const(m_sim->tenant().users)) {
        if (user.name == name)
            return user.id;
    }
    return {};
}

QString TestSimulator::spaceId(const QString &name) const
{
    for (const SimSpace &space : std::as_const(m_sim->tenant().spaces)) {
        if (space.name == name)
            return space.id;
    }
    return {};
}

const SimApp *TestSimulator::appNamed(const QString &name) const
{
    for (const SimApp &app : std::as_const(m_sim->tenant().apps)) {
        if (app.name == name)
            return &app;
    }
    return nullptr;
}

void TestSimulator::certificateValidatesForLocalhost()
{
    const QSslCertificate certificate = m_sim->certificate();
    QCOMPARE(certificate.subjectInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("localhost")});
    const auto names = certificate.subjectAlternativeNames();
    QVERIFY(names.values(QSsl::DnsEntry).contains(QStringLiteral("localhost")));
    QVERIFY(names.values(QSsl::IpAddressEntry).contains(QStringLiteral("127.0.0.1")));
    QVERIFY(names.values(QSsl::IpAddressEntry).size() == 2);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QVERIFY(certificate.effectiveDate() < now);
    QVERIFY(certificate.expiryDate() > now.addDays(29));
    QVERIFY(certificate.expiryDate() < now.addDays(31));
    // Self-issued. (QSslCertificate::isSelfSigned() says false: OpenSSL wants keyCertSign for that, and a leaf that
    // is only ever pinned as itself should not carry it.)
    QCOMPARE(certificate.issuerInfo(QSslCertificate::CommonName), certificate.subjectInfo(QSslCertificate::CommonName));

    const Answer answer = get(url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QVERIFY(answer.finished);
    QCOMPARE(answer.sslErrorCount, 0);
    QCOMPARE(answer.error, QNetworkReply::NoError);
    QCOMPARE(answer.status, 200);
}

void TestSimulator::certificateDiffersPerInstance()
{
    QlikSimulator other;
    QVERIFY(other.start());
    QVERIFY(!other.certificate().isNull());
    QVERIFY(other.certificate() != m_sim->certificate());
    QVERIFY(other.certificate().serialNumber() != m_sim->certificate().serialNumber());

    // Trusting the first instance's certificate is no trust in the second one.
    QUrl otherUrl = other.baseUrl();
    otherUrl.setPath(QStringLiteral("/.well-known/oauth-authorization-server"));
    const Answer answer = get(otherUrl);
    QVERIFY(answer.finished);
    QVERIFY(answer.sslErrorCount > 0);
    QCOMPARE(answer.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(answer.status, 0);
}

void TestSimulator::wellKnownShape()
{
    const Answer answer = get(url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("content-type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject metadata = answer.json();
    const QString base = m_sim->baseUrl().toString();
    QCOMPARE(base, QStringLiteral("https://localhost:%1").arg(m_sim->port()));
    QCOMPARE(metadata.value(u"issuer").toString(), base);
    QCOMPARE(metadata.value(u"authorization_endpoint").toString(), base + QStringLiteral("/oauth/authorize"));
    QCOMPARE(metadata.value(u"token_endpoint").toString(), base + QStringLiteral("/oauth/token"));
    QCOMPARE(metadata.value(u"revocation_endpoint").toString(), base + QStringLiteral("/oauth/revoke"));
    QVERIFY(metadata.value(u"jwks_uri").toString().startsWith(base));
    QVERIFY(metadata.value(u"grant_types_supported").toArray().contains(QStringLiteral("authorization_code")));
    QCOMPARE(metadata.value(u"response_types_supported").toArray(), QJsonArray {QStringLiteral("code")});
    QCOMPARE(metadata.value(u"code_challenge_methods_supported").toArray(), QJsonArray {QStringLiteral("S256")});
}

void TestSimulator::issuerOverride()
{
    m_sim->setIssuerOverride(QStringLiteral("https://other-tenant.eu.qlikcloud.com"));
    const Answer answer = get(url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QCOMPARE(answer.json().value(u"issuer").toString(), QStringLiteral("https://other-tenant.eu.qlikcloud.com"));
    QVERIFY(answer.json().value(u"token_endpoint").toString().startsWith(m_sim->baseUrl().toString()));
}

void TestSimulator::unauthorized_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("missing") << QStringLiteral("missing");
    QTest::newRow("not a jwt") << QStringLiteral("garbage");
    QTest::newRow("basic scheme") << QStringLiteral("basic");
    QTest::newRow("tampered payload") << QStringLiteral("tampered");
    QTest::newRow("signed by another simulator") << QStringLiteral("foreign");
    QTest::newRow("unknown key id") << QStringLiteral("unknown");
}

void TestSimulator::unauthorized()
{
    QFETCH(QString, kind);
    const QByteArray healthy = m_sim->sampleToken(SampleKey::Healthy);
    QVERIFY(healthy.count('.') == 2);

    QNetworkRequest request(url(QStringLiteral("/api/v1/users/me")));
    QByteArray authorization;
    if (kind == u"garbage") {
        authorization = "Bearer not-a-token";
    } else if (kind == u"basic") {
        authorization = "Basic " + healthy;
    } else if (kind == u"tampered") {
        QList<QByteArray> parts = healthy.split('.');
        QJsonObject payload =
            QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
        payload.insert(QStringLiteral("sub"), m_sim->sampleUserId(SampleKey::TenantAdmin));
        parts[1] = QJsonDocument(payload)
                       .toJson(QJsonDocument::Compact)
                       .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
        authorization = "Bearer " + parts.join('.');
    } else if (kind == u"foreign") {
        QlikSimulator other;
        authorization = "Bearer " + other.sampleToken(SampleKey::Healthy);
    } else if (kind == u"unknown") {
        const QByteArray token = m_sim->issueApiKey(m_sim->sampleUserId(SampleKey::Healthy),
                                                    QDateTime::currentDateTimeUtc().addDays(1), QStringLiteral("gone"));
        m_sim->tenant().apiKeys.removeLast();
        authorization = "Bearer " + token;
    }

    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_trusted);
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!authorization.isEmpty())
        request.setRawHeader("Authorization", authorization);
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(replyTimeoutMs));

    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(reply->rawHeader("Content-Type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject body = QJsonDocument::fromJson(reply->readAll()).object();
    const QJsonObject error = body.value(u"errors").toArray().at(0).toObject();
    QCOMPARE(error.value(u"code").toString(), QStringLiteral("LOGIN-1"));
    QCOMPARE(error.value(u"title").toString(), QStringLiteral("Not Authorized"));
    QVERIFY(error.value(u"status").isString());
    QCOMPARE(error.value(u"status").toString(), QStringLiteral("401"));
    QVERIFY(isLowerHex(body.value(u"traceId").toString()));
}

void TestSimulator::expiredOrRevoked_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("revoked sample") << QStringLiteral("revoked");
    QTest::newRow("expired sample") << QStringLiteral("expired");
    QTest::newRow("active record, past exp") << QStringLiteral("past");
}

void TestSimulator::expiredOrRevoked()
{
    QFETCH(QString, kind);
    QByteArray token;
    if (kind == u"revoked")
        token = m_sim->sampleToken(SampleKey::Revoked);
    else if (kind == u"expired")
        token = m_sim->sampleToken(SampleKey::Expired);
    else
        token = m_sim->issueApiKey(m_sim->sampleUserId(SampleKey::Healthy),
                                   QDateTime::currentDateTimeUtc().addSecs(-60), QStringLiteral("stale"));
    QVERIFY(!token.isEmpty());

    const Answer answer = get(url(QStringLiteral("/api/v1/users/me")), token);
    QCOMPARE(answer.status, 401);
    const QJsonObject error = answer.firstError();
    QCOMPARE(error.value(u"code").toString(), QStringLiteral("APIKEYS-18"));
    QCOMPARE(error.value(u"title").toString(), QStringLiteral("API key is expired or revoked"));
    QVERIFY(error.value(u"status").isDouble());
    QCOMPARE(error.value(u"status").toInt(), 401);
}

void TestSimulator::inactiveUserIsForbidden()
{
    QString disabledId;
    for (const SimUser &user : std::as_const(m_sim->tenant().users)) {
        if (user.status == u"disabled")
            disabledId = user.id;
    }
    QVERIFY(!disabledId.isEmpty());
    const QByteArray token =
        m_sim->issueApiKey(disabledId, QDateTime::currentDateTimeUtc().addDays(5), QStringLiteral("disabled user"));
    const Answer answer = get(url(QStringLiteral("/api/v1/users/me")), token);
    QCOMPARE(answer.status, 403);
    QVERIFY(!answer.firstError().value(u"code").toString().isEmpty());
    QVERIFY(!answer.firstError().value(u"title").toString().isEmpty());
}

void TestSimulator::usersMeRedirects()
{
    const QString userId = m_sim->sampleUserId(SampleKey::Healthy);
    const Answer plain = getPath(QStringLiteral("/api/v1/users/me"), SampleKey::Healthy);
    QCOMPARE(plain.status, 301);
    QCOMPARE(plain.header("location"), QByteArray("/api/v1/users/" + userId.toLatin1()));
    QVERIFY(plain.header("content-type").startsWith("text/html"));

    QUrlQuery fields;
    fields.addQueryItem(QStringLiteral("fields"), QStringLiteral("assignedGroups,assignedRoles"));
    const Answer withQuery =
        get(url(QStringLiteral("/api/v1/users/me"), fields), m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(withQuery.status, 301);
    QCOMPARE(withQuery.header("location"),
             QByteArray("/api/v1/users/" + userId.toLatin1() + "?fields=assignedGroups,assignedRoles"));

    // Following it by hand gives the trimmed user, links left out as the spec says.
    const Answer trimmed = get(m_sim->baseUrl().resolved(QUrl::fromEncoded(withQuery.header("location"))),
                               m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(trimmed.status, 200);
    QVERIFY(trimmed.json().contains(u"assignedRoles"));
    QVERIFY(!trimmed.json().contains(u"links"));
    QVERIFY(!trimmed.json().contains(u"email"));
}

void TestSimulator::userShapeWithGroupRoles()
{
    const QString graceId = m_sim->sampleUserId(SampleKey::GroupAdmin);
    const Answer answer = getPath(QStringLiteral("/api/v1/users/") + graceId, SampleKey::GroupAdmin);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("content-type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject user = answer.json();
    QCOMPARE(user.value(u"id").toString(), graceId);
    QCOMPARE(user.value(u"name").toString(), QStringLiteral("Grace Group-Admin"));
    QCOMPARE(user.value(u"tenantId").toString(), m_sim->tenant().id);
    QCOMPARE(user.value(u"status").toString(), QStringLiteral("active"));
    QVERIFY(!user.value(u"subject").toString().isEmpty());
    QVERIFY(!user.value(u"email").toString().isEmpty());
    QVERIFY(user.value(u"createdAt").toString().endsWith(u'Z'));
    QVERIFY(user.value(u"lastUpdatedAt").toString().endsWith(u'Z'));
    QCOMPARE(user.value(u"assignedRoles").toArray().size(), 0);
    QCOMPARE(user.value(u"links").toObject().value(u"self").toObject().value(u"href").toString(),
             m_sim->baseUrl().toString() + QStringLiteral("/api/v1/users/") + graceId);

    const QJsonArray groups = user.value(u"assignedGroups").toArray();
    QCOMPARE(groups.size(), 1);
    const QJsonObject group = groups.at(0).toObject();
    QVERIFY(!group.value(u"id").toString().isEmpty());
    QVERIFY(!group.value(u"name").toString().isEmpty());
    const QJsonObject groupRole = group.value(u"assignedRoles").toArray().at(0).toObject();
    QCOMPARE(groupRole.value(u"name").toString(), QStringLiteral("TenantAdmin"));
    QCOMPARE(groupRole.value(u"type").toString(), QStringLiteral("default"));
    QCOMPARE(groupRole.value(u"level").toString(), QStringLiteral("admin"));
    QVERIFY(!groupRole.value(u"id").toString().isEmpty());
    QVERIFY(user.value(u"assignedScopes").toArray().contains(QStringLiteral("admin_classic")));

    // The integration user's custom role carries the api-keys scope into its effective scopes.
    const Answer integration =
        getPath(QStringLiteral("/api/v1/users/") + m_sim->sampleUserId(SampleKey::Healthy), SampleKey::Healthy);
    const QJsonObject role = integration.json().value(u"assignedRoles").toArray().at(0).toObject();
    QCOMPARE(role.value(u"name").toString(), QStringLiteral("Dawiso Integration"));
    QCOMPARE(role.value(u"type").toString(), QStringLiteral("custom"));
    QCOMPARE(role.value(u"level").toString(), QStringLiteral("user"));
    const QJsonArray scopes = integration.json().value(u"assignedScopes").toArray();
    QVERIFY(scopes.contains(QStringLiteral("api-keys")));
    QVERIFY(scopes.contains(QStringLiteral("user_default")));
}

void TestSimulator::userAccessRules()
{
    const QString alexId = m_sim->sampleUserId(SampleKey::TenantAdmin);
    const Answer forbidden = getPath(QStringLiteral("/api/v1/users/") + alexId, SampleKey::Healthy);
    QCOMPARE(forbidden.status, 403);
    QVERIFY(forbidden.firstError().value(u"status").isDouble());
    QCOMPARE(forbidden.firstError().value(u"status").toInt(), 403);

    const Answer asAdmin =
        getPath(QStringLiteral("/api/v1/users/") + m_sim->sampleUserId(SampleKey::Healthy), SampleKey::TenantAdmin);
    QCOMPARE(asAdmin.status, 200);

    const Answer missing = getPath(QStringLiteral("/api/v1/users/000000000000000000000000"), SampleKey::TenantAdmin);
    QCOMPARE(missing.status, 404);
    QCOMPARE(missing.firstError().value(u"code").toString(), QStringLiteral("USERS-7"));
    QCOMPARE(missing.firstError().value(u"status").toInt(), 404);
}

void TestSimulator::tenantsMeRedirects()
{
    const Answer answer = getPath(QStringLiteral("/api/v1/tenants/me"), SampleKey::Healthy);
    QCOMPARE(answer.status, 302);
    QCOMPARE(answer.header("location"), QByteArray("/api/v1/tenants/" + m_sim->tenant().id.toLatin1()));
}

void TestSimulator::tenantShape()
{
    m_sim->tenant().aliasHostnames = {QStringLiteral("practice.example")};
    const Answer answer = getPath(QStringLiteral("/api/v1/tenants/") + m_sim->tenant().id, SampleKey::Healthy);
    QCOMPARE(answer.status, 200);
    const QJsonObject tenant = answer.json();
    QCOMPARE(tenant.value(u"id").toString(), QStringLiteral("BL4tTJ4S7xrHTcq0zQxQrJ5qB1_Q6cSo"));
    QCOMPARE(tenant.value(u"name").toString(), QStringLiteral("Practice Tenant"));
    QCOMPARE(tenant.value(u"hostnames").toArray(),
             (QJsonArray {m_sim->hostAndPort(), QStringLiteral("practice.example")}));
    QCOMPARE(tenant.value(u"region").toString(), QStringLiteral("eu"));
    QCOMPARE(tenant.value(u"datacenter").toString(), QStringLiteral("eu-west-1"));
    QCOMPARE(tenant.value(u"status").toString(), QStringLiteral("active"));
    QVERIFY(tenant.value(u"created").toString().endsWith(u'Z'));
    QVERIFY(tenant.value(u"lastUpdated").toString().endsWith(u'Z'));
    QCOMPARE(tenant.value(u"links").toObject().value(u"self").toObject().value(u"href").toString(),
             m_sim->baseUrl().toString() + QStringLiteral("/api/v1/tenants/") + m_sim->tenant().id);

    const Answer other =
        getPath(QStringLiteral("/api/v1/tenants/TiQ8GPVr8qI714Lp5ChAAFFaU24MJy69"), SampleKey::Healthy);
    QCOMPARE(other.status, 404);
    QVERIFY(other.firstError().value(u"code").toString().startsWith(u"TENANTS-"));
}

void TestSimulator::apiKeysListingFilters()
{
    const QString me = m_sim->sampleUserId(SampleKey::Healthy);
    QUrlQuery active;
    active.addQueryItem(QStringLiteral("sub"), me);
    active.addQueryItem(QStringLiteral("status"), QStringLiteral("active"));
    const Answer mine = get(url(QStringLiteral("/api/v1/api-keys"), active), m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(mine.status, 200);
    QStringList ids = idsOf(mine.json().value(u"data").toArray());
    ids.sort();
    QStringList expected {m_sim->sampleKeyId(SampleKey::Healthy), m_sim->sampleKeyId(SampleKey::ExpiringSoon)};
    expected.sort();
    QCOMPARE(ids, expected);
    const QJsonObject key = mine.json().value(u"data").toArray().at(0).toObject();
    for (const char *field : {"id", "tenantId", "description", "status", "sub", "subType", "expiry", "createdByUser"})
        QVERIFY2(key.contains(QLatin1String(field)), field);
    QCOMPARE(key.value(u"subType").toString(), QStringLiteral("user"));
    QVERIFY(key.value(u"expiry").toString().endsWith(u'Z'));
    QVERIFY(mine.json().value(u"links").toObject().contains(u"self"));
    QVERIFY(!mine.json().value(u"links").toObject().contains(u"next"));

    QUrlQuery revoked;
    revoked.addQueryItem(QStringLiteral("sub"), me);
    revoked.addQueryItem(QStringLiteral("status"), QStringLiteral("revoked"));
    const Answer revokedKeys =
        get(url(QStringLiteral("/api/v1/api-keys"), revoked), m_sim->sampleToken(SampleKey::TenantAdmin));
    QCOMPARE(idsOf(revokedKeys.json().value(u"data").toArray()), QStringList {m_sim->sampleKeyId(SampleKey::Revoked)});

    QUrlQuery others;
    others.addQueryItem(QStringLiteral("sub"), m_sim->sampleUserId(SampleKey::TenantAdmin));
    const Answer forbidden =
        get(url(QStringLiteral("/api/v1/api-keys"), others), m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(forbidden.status, 403);
    QCOMPARE(forbidden.firstError().value(u"status").toInt(), 403);

    const Answer single =
        getPath(QStringLiteral("/api/v1/api-keys/") + m_sim->sampleKeyId(SampleKey::TenantAdmin), SampleKey::Healthy);
    QCOMPARE(single.status, 403);
    const Answer own =
        getPath(QStringLiteral("/api/v1/api-keys/") + m_sim->sampleKeyId(SampleKey::Healthy), SampleKey::Healthy);
    QCOMPARE(own.status, 200);
    QCOMPARE(own.json().value(u"status").toString(), QStringLiteral("active"));
    const Answer missing = getPath(QStringLiteral("/api/v1/api-keys/000000000000000000000000"), SampleKey::Healthy);
    QCOMPARE(missing.status, 404);
}

void TestSimulator::apiKeysPagingWithStartingAfter()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("sub"), m_sim->sampleUserId(SampleKey::Healthy));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QUrl next = url(QStringLiteral("/api/v1/api-keys"), query);
    QStringList seen;
    QStringList created;
    int pages = 0;
    while (next.isValid() && pages < 10) {
        const Answer page = get(next, m_sim->sampleToken(SampleKey::Healthy));
        QCOMPARE(page.status, 200);
        const QJsonArray data = page.json().value(u"data").toArray();
        QCOMPARE(data.size(), 1);
        seen += idsOf(data);
        created.append(data.at(0).toObject().value(u"created").toString());
        const QJsonObject links = page.json().value(u"links").toObject();
        QCOMPARE(links.contains(u"prev"), pages > 0);
        const QString href = links.value(u"next").toObject().value(u"href").toString();
        if (!href.isEmpty()) {
            QVERIFY(href.startsWith(m_sim->baseUrl().toString()));
            QCOMPARE(QUrlQuery(QUrl(href)).queryItemValue(QStringLiteral("startingAfter")), seen.constLast());
        }
        next = href.isEmpty() ? QUrl() : QUrl(href);
        ++pages;
    }
    QCOMPARE(pages, 4);
    QCOMPARE(seen.size(), 4);
    QCOMPARE(QSet<QString>(seen.cbegin(), seen.cend()).size(), 4);
    for (SampleKey key : {SampleKey::Healthy, SampleKey::Revoked, SampleKey::Expired, SampleKey::ExpiringSoon})
        QVERIFY(seen.contains(m_sim->sampleKeyId(key)));
    // Default sort is -created: newest first.
    QStringList sorted = created;
    std::sort(sorted.begin(), sorted.end(), std::greater<QString>());
    QCOMPARE(created, sorted);

    QUrlQuery unknown = query;
    unknown.addQueryItem(QStringLiteral("startingAfter"), QStringLiteral("ffffffffffffffffffffffff"));
    QCOMPARE(get(url(QStringLiteral("/api/v1/api-keys"), unknown), m_sim->sampleToken(SampleKey::Healthy)).status, 400);
}

void TestSimulator::apiKeysNeverCarryTokens()
{
    const Answer all = getPath(QStringLiteral("/api/v1/api-keys"), SampleKey::TenantAdmin);
    QCOMPARE(all.status, 200);
    const QJsonArray data = all.json().value(u"data").toArray();
    QCOMPARE(data.size(), m_sim->tenant().apiKeys.size());
    for (const QJsonValue &key : data)
        QVERIFY(!key.toObject().contains(u"token"));
    const QByteArray signature = m_sim->sampleToken(SampleKey::Healthy).split('.').at(2);
    QVERIFY(!all.body.contains(signature));
}

void TestSimulator::apiKeyConfig()
{
    const Answer answer = getPath(QStringLiteral("/api/v1/api-keys/configs/") + m_sim->tenant().id, SampleKey::Healthy);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.json().value(u"max_keys_per_user").toInt(), 5);
    QCOMPARE(answer.json().value(u"max_api_key_expiry").toString(), QStringLiteral("P365D"));
    QVERIFY(answer.json().contains(u"scim_externalClient_expiry"));
}

void TestSimulator::usersPagingWithOpaqueCursor()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    QUrl next = url(QStringLiteral("/api/v1/users"), query);
    QStringList names;
    QStringList ids;
    QString secondPageUrl;
    int pages = 0;
    while (next.isValid() && pages < 10) {
        const Answer page = get(next, m_sim->sampleToken(SampleKey::TenantAdmin));
        QCOMPARE(page.status, 200);
        const QJsonArray data = page.json().value(u"data").toArray();
        QVERIFY(data.size() >= 1 && data.size() <= 2);
        for (const QJsonValue &user : data)
            names.append(user.toObject().value(u"name").toString());
        ids += idsOf(data);
        const QJsonObject links = page.json().value(u"links").toObject();
        QVERIFY(links.value(u"self").toObject().value(u"href").toString().startsWith(m_sim->baseUrl().toString()));
        QCOMPARE(links.contains(u"prev"), pages > 0);
        const QString href = links.value(u"next").toObject().value(u"href").toString();
        if (!href.isEmpty()) {
            QVERIFY(href.startsWith(m_sim->baseUrl().toString() + QStringLiteral("/api/v1/users?")));
            const QUrlQuery linkQuery {QUrl(href)};
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
            const QString cursor = linkQuery.queryItemValue(QStringLiteral("next"));
            QVERIFY(!cursor.isEmpty());
            bool isNumber = false;
            cursor.toInt(&isNumber);
            QVERIFY(!isNumber);
            for (const QString &id : std::as_const(ids))
                QVERIFY(!cursor.contains(id));
            if (pages == 0)
                secondPageUrl = href;
        }
        next = href.isEmpty() ? QUrl() : QUrl(href);
        ++pages;
    }
    QCOMPARE(ids.size(), m_sim->tenant().users.size());
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), ids.size());
    QCOMPARE(pages, (ids.size() + 1) / 2);
    QStringList sorted = names;
    std::sort(sorted.begin(), sorted.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(names, sorted);

    // prev on the second page leads back to the first.
    const Answer second = get(QUrl(secondPageUrl), m_sim->sampleToken(SampleKey::TenantAdmin));
    const QString prev = second.json().value(u"links").toObject().value(u"prev").toObject().value(u"href").toString();
    const Answer first = get(QUrl(prev), m_sim->sampleToken(SampleKey::TenantAdmin));
    QCOMPARE(idsOf(first.json().value(u"data").toArray()), ids.mid(0, 2));
}

void TestSimulator::invalidListParameters_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value");
    QTest::newRow("garbage cursor") << QStringLiteral("/api/v1/users") << QStringLiteral("next")
                                    << QStringLiteral("bm90LWEtY3Vyc29y");
    QTest::newRow("cursor with bad characters")
        << QStringLiteral("/api/v1/users") << QStringLiteral("prev") << QStringLiteral("!!");
    QTest::newRow("tampered cursor") << QStringLiteral("/api/v1/users") << QStringLiteral("next")
                                     << QStringLiteral("tamper");
    QTest::newRow("roles cursor on users")
        << QStringLiteral("/api/v1/users") << QStringLiteral("next") << QStringLiteral("roles");
    QTest::newRow("garbage roles cursor")
        << QStringLiteral("/api/v1/roles") << QStringLiteral("next") << QStringLiteral("AAAA");
    QTest::newRow("limit 0") << QStringLiteral("/api/v1/users") << QStringLiteral("limit") << QStringLiteral("0");
    QTest::newRow("limit 101") << QStringLiteral("/api/v1/users") << QStringLiteral("limit") << QStringLiteral("101");
    QTest::newRow("limit text") << QStringLiteral("/api/v1/api-keys") << QStringLiteral("limit")
                                << QStringLiteral("ten");
    QTest::newRow("unknown sort") << QStringLiteral("/api/v1/users") << QStringLiteral("sort")
                                  << QStringLiteral("-password");
    QTest::newRow("unknown key status") << QStringLiteral("/api/v1/api-keys") << QStringLiteral("status")
                                        << QStringLiteral("lost");
    QTest::newRow("garbage spaces cursor")
        << QStringLiteral("/api/v1/spaces") << QStringLiteral("next") << QStringLiteral("bm90LWEtY3Vyc29y");
    QTest::newRow("tampered spaces cursor")
        << QStringLiteral("/api/v1/spaces") << QStringLiteral("next") << QStringLiteral("tamper");
    QTest::newRow("roles cursor on spaces")
        << QStringLiteral("/api/v1/spaces") << QStringLiteral("prev") << QStringLiteral("roles");
    QTest::newRow("spaces limit 101") << QStringLiteral("/api/v1/spaces") << QStringLiteral("limit")
                                      << QStringLiteral("101");
    QTest::newRow("garbage items cursor")
        << QStringLiteral("/api/v1/items") << QStringLiteral("next") << QStringLiteral("!!");
    QTest::newRow("tampered items cursor")
        << QStringLiteral("/api/v1/items") << QStringLiteral("next") << QStringLiteral("tamper");
    QTest::newRow("roles cursor on items")
        << QStringLiteral("/api/v1/items") << QStringLiteral("next") << QStringLiteral("roles");
    QTest::newRow("items limit 0") << QStringLiteral("/api/v1/items") << QStringLiteral("limit") << QStringLiteral("0");
    QTest::newRow("items limit 101") << QStringLiteral("/api/v1/items") << QStringLiteral("limit")
                                     << QStringLiteral("101");
}

void TestSimulator::invalidListParameters()
{
    QFETCH(QString, path);
    QFETCH(QString, parameter);
    QFETCH(QString, value);

    if (value == u"tamper" || value == u"roles") {
        // Take a real cursor, then flip one of its characters or use it on the wrong list.
        const bool tamper = value == u"tamper";
        QUrlQuery first;
        first.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
        const Answer page = get(url(tamper ? path : QStringLiteral("/api/v1/roles"), first),
                                m_sim->sampleToken(SampleKey::TenantAdmin));
        const QString href = page.json().value(u"links").toObject().value(u"next").toObject().value(u"href").toString();
        value = QUrlQuery(QUrl(href)).queryItemValue(QStringLiteral("next"));
        QVERIFY(value.size() > 4);
        if (tamper)
            value[2] = value.at(2) == u'A' ? u'B' : u'A';
    }
    QUrlQuery query;
    query.addQueryItem(parameter, value);
    const Answer answer = get(url(path, query), m_sim->sampleToken(SampleKey::TenantAdmin));
    QCOMPARE(answer.status, 400);
    QVERIFY(!answer.firstError().value(u"code").toString().isEmpty());
    QVERIFY(!answer.firstError().value(u"title").toString().isEmpty());
}

void TestSimulator::usersFilter_data()
{
    QTest::addColumn<QString>("filter");
    QTest::addColumn<int>("status");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("email eq") << QStringLiteral("email eq \"alex.admin@example.com\"") << 200
                              << QStringList {QStringLiteral("Alex Admin")};
    QTest::newRow("email eq is case-insensitive")
        << QStringLiteral("EMAIL EQ \"Alex.Admin@Example.com\"") << 200 << QStringList {QStringLiteral("Alex Admin")};
    QTest::newRow("name co") << QStringLiteral("name co \"admin\"") << 200
                             << QStringList {QStringLiteral("Alex Admin"), QStringLiteral("Grace Group-Admin")};
    QTest::newRow("or with grouped status")
        << QStringLiteral("(name co \"dan\" or email co \"carol\") and (status eq \"active\")") << 200
        << QStringList {QStringLiteral("Carol Consumer")};
    QTest::newRow("status alone") << QStringLiteral("status eq \"disabled\"") << 200
                                  << QStringList {QStringLiteral("Dan Disabled")};
    QTest::newRow("and") << QStringLiteral("name co \"a\" and email co \"bob\"") << 200
                         << QStringList {QStringLiteral("Bob Analyst")};
    QTest::newRow("role through group") << QStringLiteral("assignedGroupsAssignedRoles.name eq \"TenantAdmin\"") << 200
                                        << QStringList {QStringLiteral("Grace Group-Admin")};
    QTest::newRow("no match") << QStringLiteral("email eq \"nobody@example.com\"") << 200 << QStringList {};
    QTest::newRow("missing value") << QStringLiteral("name eq") << 400 << QStringList {};
    QTest::newRow("unknown operator") << QStringLiteral("name xx \"a\"") << 400 << QStringList {};
    QTest::newRow("co not allowed on status") << QStringLiteral("status co \"act\"") << 400 << QStringList {};
    QTest::newRow("unknown attribute") << QStringLiteral("password eq \"x\"") << 400 << QStringList {};
    QTest::newRow("unbalanced") << QStringLiteral("(name eq \"x\"") << 400 << QStringList {};
    QTest::newRow("unterminated string") << QStringLiteral("name eq \"x") << 400 << QStringList {};
    QTest::newRow("status not grouped") << QStringLiteral(
        "name eq \"Bob\" or name eq \"Alice\" and (status eq \"active\")")
                                        << 400 << QStringList {};
}

void TestSimulator::usersFilter()
{
    QFETCH(QString, filter);
    QFETCH(int, status);
    QFETCH(QStringList, names);

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), filter);
    const Answer answer = get(url(QStringLiteral("/api/v1/users"), query), m_sim->sampleToken(SampleKey::TenantAdmin));
    QCOMPARE(answer.status, status);
    if (status != 200) {
        QCOMPARE(answer.firstError().value(u"status").toInt(), 400);
        return;
    }
    QStringList found;
    const QJsonArray users = answer.json().value(u"data").toArray();
    for (const QJsonValue &user : users)
        found.append(user.toObject().value(u"name").toString());
    QCOMPARE(found, names);
}

void TestSimulator::nonAdminSeesOnlyThemself()
{
    const Answer answer = getPath(QStringLiteral("/api/v1/users"), SampleKey::Healthy);
    QCOMPARE(answer.status, 200);
    QCOMPARE(idsOf(answer.json().value(u"data").toArray()), QStringList {m_sim->sampleUserId(SampleKey::Healthy)});

    // Grace is TenantAdmin only through her group, which counts the same.
    const Answer groupAdmin = getPath(QStringLiteral("/api/v1/users"), SampleKey::GroupAdmin);
    QCOMPARE(groupAdmin.json().value(u"data").toArray().size(), m_sim->tenant().users.size());
}

void TestSimulator::rolesNeedTenantAdmin()
{
    const Answer forbidden = getPath(QStringLiteral("/api/v1/roles"), SampleKey::Healthy);
    QCOMPARE(forbidden.status, 403);
    QVERIFY(!forbidden.firstError().value(u"code").toString().isEmpty());

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), QStringLiteral("name eq \"Dawiso Integration\""));
    const Answer found = get(url(QStringLiteral("/api/v1/roles"), query), m_sim->sampleToken(SampleKey::GroupAdmin));
    QCOMPARE(found.status, 200);
    const QJsonArray data = found.json().value(u"data").toArray();
    QCOMPARE(data.size(), 1);
    const QJsonObject role = data.at(0).toObject();
    QCOMPARE(role.value(u"type").toString(), QStringLiteral("custom"));
    QCOMPARE(role.value(u"assignedScopes").toArray(), QJsonArray {QStringLiteral("api-keys")});
    QCOMPARE(role.value(u"userEntitlementType").toString(), QString());
    for (const char *field : {"id", "tenantId", "name", "description", "createdAt", "lastUpdatedAt", "links"})
        QVERIFY2(role.contains(QLatin1String(field)), field);

    QUrlQuery paged;
    paged.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    const Answer firstPage =
        get(url(QStringLiteral("/api/v1/roles"), paged), m_sim->sampleToken(SampleKey::TenantAdmin));
    QCOMPARE(firstPage.json().value(u"data").toArray().size(), 2);
    const QString next =
        firstPage.json().value(u"links").toObject().value(u"next").toObject().value(u"href").toString();
    const Answer secondPage = get(QUrl(next), m_sim->sampleToken(SampleKey::TenantAdmin));
    QCOMPARE(secondPage.status, 200);
    QCOMPARE(secondPage.json().value(u"data").toArray().size(), 2);
}

void TestSimulator::unknownPathAndWrongMethod()
{
    const Answer unknown = getPath(QStringLiteral("/api/v1/no-such-thing"), SampleKey::Healthy);
    QCOMPARE(unknown.status, 404);
    QVERIFY(!unknown.firstError().value(u"code").toString().isEmpty());

    const Answer wrongMethod =
        get(url(QStringLiteral("/api/v1/users")), m_sim->sampleToken(SampleKey::TenantAdmin), "DELETE");
    QCOMPARE(wrongMethod.status, 405);
    QVERIFY(!wrongMethod.firstError().value(u"code").toString().isEmpty());
}

void TestSimulator::issuedKeyIsAJwtThatAuthenticates()
{
    QString carolId;
    for (const SimUser &user : std::as_const(m_sim->tenant().users)) {
        if (user.name == u"Carol Consumer")
            carolId = user.id;
    }
    const QDateTime expiry = QDateTime::currentDateTimeUtc().addDays(7);
    const QByteArray token = m_sim->issueApiKey(carolId, expiry, QStringLiteral("test key"));
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject header =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding)).object();
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(header.value(u"alg").toString(), QStringLiteral("ES384"));
    QCOMPARE(header.value(u"typ").toString(), QStringLiteral("JWT"));
    QVERIFY(!header.value(u"kid").toString().isEmpty());
    QCOMPARE(payload.value(u"sub").toString(), carolId);
    QCOMPARE(payload.value(u"subType").toString(), QStringLiteral("user"));
    QCOMPARE(payload.value(u"tenantId").toString(), m_sim->tenant().id);
    QCOMPARE(payload.value(u"jti").toString(), m_sim->tenant().apiKeys.constLast().id);
    QCOMPARE(payload.value(u"aud").toString(), QStringLiteral("qlik.api"));
    QCOMPARE(payload.value(u"iss").toString(), QStringLiteral("qlik.api/api-keys"));
    QCOMPARE(payload.value(u"exp").toInteger(), expiry.toSecsSinceEpoch());

    const Answer me = get(url(QStringLiteral("/api/v1/users/me")), token);
    QCOMPARE(me.status, 301);
    QCOMPARE(me.header("location"), QByteArray("/api/v1/users/" + carolId.toLatin1()));
}

void TestSimulator::rateLimitInjection()
{
    m_sim->rateLimitNext(QStringLiteral("/api/v1/users"), 2, 7);
    for (int i = 0; i < 2; ++i) {
        const Answer limited = getPath(QStringLiteral("/api/v1/users/me"), SampleKey::Healthy);
        QCOMPARE(limited.status, 429);
        QCOMPARE(limited.header("retry-after"), QByteArray("7"));
        const QJsonObject error = limited.firstError();
        QCOMPARE(error.value(u"code").toString(), QStringLiteral("HTTP-429"));
        QCOMPARE(error.value(u"title").toString(), QStringLiteral("API rate limit reached."));
        QCOMPARE(error.value(u"detail").toString(),
                 QStringLiteral("You need to wait 7 seconds until limit is lifted."));
    }
    QCOMPARE(getPath(QStringLiteral("/api/v1/tenants/me"), SampleKey::Healthy).status, 302);
    QCOMPARE(getPath(QStringLiteral("/api/v1/users/me"), SampleKey::Healthy).status, 301);
}

void TestSimulator::delayInjectionDoesNotBlock()
{
    m_sim->setResponseDelay(QStringLiteral("/.well-known"), 400);
    QNetworkRequest slowRequest(url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_trusted);
    slowRequest.setSslConfiguration(tls);
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> slow(m_network->get(slowRequest));
    QSignalSpy slowFinished(slow.get(), &QNetworkReply::finished);
    QSignalSpy arrived(m_sim.get(), &QlikSimulator::requestHandled);
    QVERIFY(arrived.wait(replyTimeoutMs));

    // While the slow answer is held back, the simulator keeps answering other requests.
    const Answer quick = getPath(QStringLiteral("/api/v1/tenants/me"), SampleKey::Healthy);
    QCOMPARE(quick.status, 302);

    QVERIFY(slowFinished.count() == 1 || slowFinished.wait(replyTimeoutMs));
    QVERIFY(timer.elapsed() >= 350);
    QCOMPARE(slow->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QVERIFY(QJsonDocument::fromJson(slow->readAll()).object().contains(u"issuer"));
}

void TestSimulator::neverAnswering()
{
    m_sim->setResponseDelay(QStringLiteral("/api/v1/users"), -1);
    const Answer answer =
        get(url(QStringLiteral("/api/v1/users/me")), m_sim->sampleToken(SampleKey::Healthy), "GET", 300);
    QVERIFY(answer.finished);
    QCOMPARE(answer.error, QNetworkReply::OperationCanceledError);
    QCOMPARE(answer.status, 0);
    QCOMPARE(m_sim->requestCount(QStringLiteral("/api/v1/users/me")), 1);

    // Other paths still answer, and clearing the delay brings the path back.
    QCOMPARE(getPath(QStringLiteral("/api/v1/tenants/me"), SampleKey::Healthy).status, 302);
    m_sim->setResponseDelay(QStringLiteral("/api/v1/users"), 0);
    QCOMPARE(getPath(QStringLiteral("/api/v1/users/me"), SampleKey::Healthy).status, 301);
}

void TestSimulator::notQlikMode()
{
    m_sim->setNotQlik(true);
    for (const QString &path :
         {QStringLiteral("/.well-known/oauth-authorization-server"), QStringLiteral("/api/v1/users/me")}) {
        const Answer answer = getPath(path, SampleKey::Healthy);
        QCOMPARE(answer.status, 404);
        QVERIFY(answer.header("content-type").startsWith("text/html"));
        QVERIFY(answer.body.contains("<html>"));
    }
    m_sim->setNotQlik(false);
    QCOMPARE(get(url(QStringLiteral("/.well-known/oauth-authorization-server"))).status, 200);
}

void TestSimulator::malformedJson()
{
    m_sim->setMalformedJson(QStringLiteral("/.well-known"), true);
    const Answer answer = get(url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.header("content-type").startsWith("application/json"));
    QVERIFY(!answer.body.isEmpty());
    QJsonParseError error;
    QJsonDocument::fromJson(answer.body, &error);
    QVERIFY(error.error != QJsonParseError::NoError);
}

void TestSimulator::redirectTarget()
{
    const QUrl elsewhere(QStringLiteral("https://127.0.0.1:9/api/v1/users/65f1c0a1b2c3d4e5f6a70001"));
    m_sim->setRedirectTarget(QStringLiteral("/api/v1/users/me"), elsewhere);
    const Answer answer = getPath(QStringLiteral("/api/v1/users/me"), SampleKey::Healthy);
    QCOMPARE(answer.status, 301);
    QCOMPARE(answer.header("location"), elsewhere.toEncoded());
}

void TestSimulator::aliasVariationNamesTheOtherHost()
{
    const QString alias = QStringLiteral("https://127.0.0.1:%1").arg(m_sim->port());
    // Off by default: the redirects are relative, as before.
    QCOMPARE(getPath(QStringLiteral("/api/v1/users/me"), SampleKey::Healthy).header("location"),
             (QStringLiteral("/api/v1/users/") + m_sim->sampleUserId(SampleKey::Healthy)).toLatin1());

    m_sim->setAliasHost(QStringLiteral("127.0.0.1"));
    const Answer me = getPath(QStringLiteral("/api/v1/users/me"), SampleKey::Healthy);
    QCOMPARE(me.status, 301);
    QCOMPARE(me.header("location"),
             (alias + QStringLiteral("/api/v1/users/") + m_sim->sampleUserId(SampleKey::Healthy)).toLatin1());
    const Answer tenant = getPath(QStringLiteral("/api/v1/tenants/me"), SampleKey::Healthy);
    QCOMPARE(tenant.status, 302);
    QCOMPARE(tenant.header("location"), (alias + QStringLiteral("/api/v1/tenants/") + m_sim->tenant().id).toLatin1());

    const Answer page = get(url(QStringLiteral("/api/v1/spaces"), QUrlQuery(QStringLiteral("limit=1"))),
                            m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(page.status, 200);
    const QString next = nextHref(QJsonDocument::fromJson(page.body).object());
    QVERIFY2(next.startsWith(alias + QStringLiteral("/api/v1/spaces?")), qPrintable(next));
    // The metadata keeps the address asked: only links and redirects name the alias.
    const Answer metadata = get(url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QCOMPARE(QJsonDocument::fromJson(metadata.body).object().value(u"issuer").toString(), m_sim->baseUrl().toString());
}

void TestSimulator::recordingNeverContainsToken()
{
    QSignalSpy handled(m_sim.get(), &QlikSimulator::requestHandled);
    const QByteArray token = m_sim->sampleToken(SampleKey::Healthy);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QCOMPARE(get(url(QStringLiteral("/api/v1/api-keys"), query), token).status, 200);
    QCOMPARE(get(url(QStringLiteral("/.well-known/oauth-authorization-server"))).status, 200);

    QCOMPARE(handled.count(), 2);
    const QList<RecordedRequest> requests = m_sim->requests();
    QCOMPARE(requests.size(), 2);
    QCOMPARE(requests.at(0).method, QByteArray("GET"));
    QCOMPARE(requests.at(0).path, QStringLiteral("/api/v1/api-keys"));
    QCOMPARE(requests.at(0).query, QStringLiteral("limit=1"));
    QVERIFY(requests.at(0).hadAuthorization);
    QVERIFY(!requests.at(1).hadAuthorization);
    QCOMPARE(m_sim->requestCount(QStringLiteral("/api/v1/")), 1);

    const QList<QByteArray> pieces = token.split('.');
    for (const RecordedRequest &request : requests) {
        const QByteArray recorded = request.method + request.path.toUtf8() + request.query.toUtf8();
        for (const QByteArray &piece : pieces)
            QVERIFY(!recorded.contains(piece));
    }
    const auto signalled = handled.at(0).at(0).value<RecordedRequest>();
    QCOMPARE(signalled.path, QStringLiteral("/api/v1/api-keys"));

    m_sim->clearRequests();
    QVERIFY(m_sim->requests().isEmpty());
}

void TestSimulator::demoContent()
{
    const SimulatedTenant &tenant = m_sim->tenant();
    const QString dawiso = m_sim->sampleUserId(SampleKey::Healthy);
    const QString alex = m_sim->sampleUserId(SampleKey::TenantAdmin);
    QStringList spaces;
    for (const SimSpace &space : tenant.spaces) {
        spaces.append(space.name + u':' + space.type);
        QCOMPARE(space.memberIds.contains(dawiso), space.name != u"Board");
        QVERIFY(space.ownerId != dawiso);
        // The managed-space admin trap needs an admin who neither owns nor belongs to the managed space.
        if (space.type == u"managed")
            QVERIFY(space.ownerId != alex && !space.memberIds.contains(alex));
    }
    QCOMPARE(spaces,
             QStringList({QStringLiteral("Finance:shared"), QStringLiteral("Sales Production:managed"),
                          QStringLiteral("Data Lake:data"), QStringLiteral("Board:shared")}));

    QHash<QString, int> appsPerSpace;
    QSet<QString> ids;
    for (const SimApp &app : tenant.apps) {
        ++appsPerSpace[app.spaceId];
        ids.insert(app.id);
        ids.insert(app.itemId);
        QVERIFY(app.ownerId != dawiso);
        QVERIFY(!app.openForbidden);
        QVERIFY(tenant.user(app.ownerId));
        if (!app.spaceId.isEmpty())
            QVERIFY(tenant.space(app.spaceId));
    }
    QCOMPARE(ids.size(), 2 * tenant.apps.size());
    QVERIFY(tenant.apps.size() >= 12);
    QCOMPARE(appsPerSpace.value(QString()), 2); // two personal apps of other users
    for (const SimSpace &space : tenant.spaces)
        QVERIFY2(appsPerSpace.value(space.id) >= 2, qPrintable(space.name));
}

void TestSimulator::spacesShapeAndMeta()
{
    const Answer answer = getPath(QStringLiteral("/api/v1/spaces"), SampleKey::Healthy);
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("content-type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject body = answer.json();
    const QJsonArray data = body.value(u"data").toArray();
    QCOMPARE(namesOf(data),
             QStringList({QStringLiteral("Finance"), QStringLiteral("Sales Production"), QStringLiteral("Data Lake")}));
    const QJsonObject meta = body.value(u"meta").toObject();
    QCOMPARE(meta.value(u"count").toInt(), 3);
    const QJsonObject personal = meta.value(u"personalSpace").toObject();
    QVERIFY(!personal.value(u"resourceType").toString().isEmpty());
    QVERIFY(personal.value(u"actions").isArray());
    const QJsonObject links = body.value(u"links").toObject();
    QCOMPARE(links.value(u"self").toObject().value(u"href").toString(),
             m_sim->baseUrl().toString() + QStringLiteral("/api/v1/spaces"));
    QVERIFY(!links.contains(u"next"));
    QVERIFY(!links.contains(u"prev"));

    for (const QJsonValue &value : data) {
        const QJsonObject space = value.toObject();
        for (const char *field : {"id", "name", "type", "ownerId", "tenantId", "createdAt", "updatedAt", "createdBy",
                                  "description", "meta", "links"})
            QVERIFY2(space.contains(QLatin1String(field)), field);
        const SimSpace *record = m_sim->tenant().space(space.value(u"id").toString());
        QVERIFY(record);
        QCOMPARE(space.value(u"type").toString(), record->type);
        QCOMPARE(space.value(u"ownerId").toString(), record->ownerId);
        QCOMPARE(space.value(u"tenantId").toString(), m_sim->tenant().id);
        QVERIFY(space.value(u"createdAt").toString().endsWith(u'Z'));
        const QJsonObject spaceMeta = space.value(u"meta").toObject();
        QCOMPARE(spaceMeta.value(u"roles").toArray(), QJsonArray {QStringLiteral("consumer")});
        QVERIFY(spaceMeta.value(u"actions").toArray().contains(QStringLiteral("read")));
        QVERIFY(spaceMeta.value(u"assignableRoles").toArray().contains(QStringLiteral("consumer")));
        const QJsonObject spaceLinks = space.value(u"links").toObject();
        const QString self = spaceLinks.value(u"self").toObject().value(u"href").toString();
        QCOMPARE(self, m_sim->baseUrl().toString() + QStringLiteral("/api/v1/spaces/") + record->id);
        QCOMPARE(spaceLinks.value(u"assignments").toObject().value(u"href").toString(),
                 self + QStringLiteral("/assignments"));
    }
}

void TestSimulator::spacesVisibility_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QStringList>("spaces");
    const QString finance = QStringLiteral("Finance");
    const QString sales = QStringLiteral("Sales Production");
    const QString lake = QStringLiteral("Data Lake");
    const QString board = QStringLiteral("Board");
    QTest::newRow("member") << QStringLiteral("healthy") << QStringList {finance, sales, lake};
    QTest::newRow("tenant admin sees every space")
        << QStringLiteral("admin") << QStringList {finance, sales, lake, board};
    QTest::newRow("admin through a group") << QStringLiteral("groupadmin") << QStringList {finance, sales, lake, board};
    QTest::newRow("owner without a role") << QStringLiteral("Bob Analyst") << QStringList {finance, sales, lake};
    QTest::newRow("member of two") << QStringLiteral("Carol Consumer") << QStringList {finance, sales};
}

void TestSimulator::spacesVisibility()
{
    QFETCH(QString, who);
    QFETCH(QStringList, spaces);
    const Answer answer = get(url(QStringLiteral("/api/v1/spaces")), tokenFor(who));
    QCOMPARE(answer.status, 200);
    QCOMPARE(namesOf(answer.json().value(u"data").toArray()), spaces);
    QCOMPARE(answer.json().value(u"meta").toObject().value(u"count").toInt(), spaces.size());
}

void TestSimulator::spacesPagingAndFilters()
{
    const QByteArray admin = m_sim->sampleToken(SampleKey::TenantAdmin);
    QUrlQuery paged;
    paged.addQueryItem(QStringLiteral("limit"), QStringLiteral("1"));
    QUrl next = url(QStringLiteral("/api/v1/spaces"), paged);
    QStringList names;
    QString secondPage;
    for (int page = 0; next.isValid() && page < 10; ++page) {
        const Answer answer = get(next, admin);
        QCOMPARE(answer.status, 200);
        const QJsonObject body = answer.json();
        QCOMPARE(body.value(u"data").toArray().size(), 1);
        QCOMPARE(body.value(u"meta").toObject().value(u"count").toInt(), 4);
        QCOMPARE(body.value(u"links").toObject().contains(u"prev"), page > 0);
        names += namesOf(body.value(u"data").toArray());
        const QString href = nextHref(body);
        if (!href.isEmpty()) {
            const QUrlQuery linkQuery {QUrl(href)};
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("limit")), QStringLiteral("1"));
            bool isNumber = false;
            linkQuery.queryItemValue(QStringLiteral("next")).toInt(&isNumber);
            QVERIFY(!isNumber);
            if (page == 0)
                secondPage = href;
        }
        next = href.isEmpty() ? QUrl() : QUrl(href);
    }
    QCOMPARE(names,
             QStringList({QStringLiteral("Finance"), QStringLiteral("Sales Production"), QStringLiteral("Data Lake"),
                          QStringLiteral("Board")}));
    const Answer second = get(QUrl(secondPage), admin);
    const QString prev = second.json().value(u"links").toObject().value(u"prev").toObject().value(u"href").toString();
    QCOMPARE(namesOf(get(QUrl(prev), admin).json().value(u"data").toArray()), QStringList {QStringLiteral("Finance")});

    QUrlQuery types;
    types.addQueryItem(QStringLiteral("type"), QStringLiteral("managed,data"));
    QCOMPARE(namesOf(get(url(QStringLiteral("/api/v1/spaces"), types), admin).json().value(u"data").toArray()),
             QStringList({QStringLiteral("Sales Production"), QStringLiteral("Data Lake")}));
    QUrlQuery name;
    name.addQueryItem(QStringLiteral("name"), QStringLiteral("AN"));
    QCOMPARE(namesOf(get(url(QStringLiteral("/api/v1/spaces"), name), admin).json().value(u"data").toArray()),
             QStringList {QStringLiteral("Finance")});
    QUrlQuery sorted;
    sorted.addQueryItem(QStringLiteral("sort"), QStringLiteral("-name"));
    QCOMPARE(namesOf(get(url(QStringLiteral("/api/v1/spaces"), sorted), admin).json().value(u"data").toArray()),
             QStringList({QStringLiteral("Sales Production"), QStringLiteral("Finance"), QStringLiteral("Data Lake"),
                          QStringLiteral("Board")}));
    QUrlQuery personal;
    personal.addQueryItem(QStringLiteral("type"), QStringLiteral("personal"));
    const Answer refused = get(url(QStringLiteral("/api/v1/spaces"), personal), admin);
    QCOMPARE(refused.status, 400);
    QVERIFY(!refused.firstError().value(u"code").toString().isEmpty());
    QVERIFY(!refused.firstError().value(u"title").toString().isEmpty());
}

void TestSimulator::itemsShape()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("resourceType"), QStringLiteral("app"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    const Answer answer = get(url(QStringLiteral("/api/v1/items"), query), m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(answer.status, 200);
    QCOMPARE(answer.header("content-type"), QByteArray("application/json; charset=utf-8"));
    const QJsonObject body = answer.json();
    // The Items API: the list has data and links only.
    QCOMPARE(body.keys(), QStringList({QStringLiteral("data"), QStringLiteral("links")}));
    QCOMPARE(body.value(u"links").toObject().value(u"self").toObject().value(u"href").toString(),
             url(QStringLiteral("/api/v1/items"), query).toString());
    const QJsonArray data = body.value(u"data").toArray();
    QCOMPARE(data.size(), 11);

    const QSet<QString> memberSpaces {spaceId(QStringLiteral("Finance")), spaceId(QStringLiteral("Sales Production")),
                                      spaceId(QStringLiteral("Data Lake"))};
    for (const QJsonValue &value : data) {
        const QJsonObject item = value.toObject();
        for (const char *field :
             {"id", "name", "tenantId", "createdAt", "updatedAt", "isFavorited", "links", "resourceType",
              "resourceCreatedAt", "resourceUpdatedAt", "actions", "collectionIds", "resourceAttributes",
              "resourceCustomAttributes", "meta", "resourceId", "spaceId", "ownerId"})
            QVERIFY2(item.contains(QLatin1String(field)), field);
        QCOMPARE(item.value(u"resourceType").toString(), QStringLiteral("app"));
        QCOMPARE(item.value(u"tenantId").toString(), m_sim->tenant().id);
        QVERIFY(item.value(u"createdAt").toString().endsWith(u'Z'));
        QVERIFY(item.value(u"isFavorited").isBool());
        QVERIFY(memberSpaces.contains(item.value(u"spaceId").toString()));
        const SimApp *app = m_sim->tenant().app(item.value(u"resourceId").toString());
        QVERIFY(app);
        QCOMPARE(item.value(u"id").toString(), app->itemId);
        QCOMPARE(item.value(u"name").toString(), app->name);
        QCOMPARE(item.value(u"ownerId").toString(), app->ownerId);
        QVERIFY(item.value(u"actions").toArray().contains(QStringLiteral("read")));

        const QJsonObject meta = item.value(u"meta").toObject();
        for (const char *field : {"isFavorited", "actions", "tags", "collections"})
            QVERIFY2(meta.contains(QLatin1String(field)), field);
        const QJsonObject attributes = item.value(u"resourceAttributes").toObject();
        QCOMPARE(attributes.value(u"id").toString(), app->id);
        QCOMPARE(attributes.value(u"name").toString(), app->name);
        QCOMPARE(attributes.value(u"ownerId").toString(), app->ownerId);
        QVERIFY(!attributes.value(u"owner").toString().isEmpty());
        QVERIFY(attributes.value(u"lastReloadTime").toString().endsWith(u'Z'));
        QCOMPARE(attributes.value(u"hasSectionAccess").toBool(), app->hasSectionAccess);
        const bool managed = item.value(u"spaceId").toString() == spaceId(QStringLiteral("Sales Production"));
        QCOMPARE(attributes.value(u"published").toBool(), managed);
        QCOMPARE(item.value(u"links").toObject().value(u"self").toObject().value(u"href").toString(),
                 m_sim->baseUrl().toString() + QStringLiteral("/api/v1/items/") + app->itemId);
    }

    // noActions=true leaves the actions out of every item and its meta, as items.json says; the rest stays.
    query.addQueryItem(QStringLiteral("noActions"), QStringLiteral("true"));
    const Answer lean = get(url(QStringLiteral("/api/v1/items"), query), m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(lean.status, 200);
    const QJsonArray leanData = lean.json().value(u"data").toArray();
    QCOMPARE(leanData.size(), data.size());
    for (const QJsonValue &value : leanData) {
        QVERIFY(!value.toObject().contains(u"actions"));
        QVERIFY(!value.toObject().value(u"meta").toObject().contains(u"actions"));
        QVERIFY(value.toObject().contains(u"resourceAttributes"));
    }

    // A personal app's item has no spaceId (the owner sees it).
    QUrlQuery personal;
    personal.addQueryItem(QStringLiteral("spaceType"), QStringLiteral("personal"));
    const Answer bob = get(url(QStringLiteral("/api/v1/items"), personal), tokenFor(QStringLiteral("Bob Analyst")));
    QCOMPARE(namesOf(bob.json().value(u"data").toArray()), QStringList {QStringLiteral("Bob's Sandbox")});
    QVERIFY(!bob.json().value(u"data").toArray().at(0).toObject().contains(u"spaceId"));
}

void TestSimulator::itemsVisibility_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<int>("count");
    QTest::addColumn<QStringList>("sees");
    QTest::addColumn<QStringList>("doesNotSee");
    const QString board = QStringLiteral("Board KPIs");
    const QString bobs = QStringLiteral("Bob's Sandbox");
    const QString carols = QStringLiteral("Carol's Scratchpad");
    const QString sales = QStringLiteral("Sales Dashboard");
    const QString lake = QStringLiteral("Data Lake Ingestion Monitor");
    QTest::newRow("member") << QStringLiteral("healthy") << 11 << QStringList {sales, lake}
                            << QStringList {board, bobs, carols};
    QTest::newRow("tenant admin: all spaces, no personal apps")
        << QStringLiteral("admin") << 13 << QStringList {board, sales, lake} << QStringList {bobs, carols};
    QTest::newRow("group admin") << QStringLiteral("groupadmin") << 13 << QStringList {board, sales}
                                 << QStringList {bobs, carols};
    QTest::newRow("space owner and own personal app")
        << QStringLiteral("Bob Analyst") << 12 << QStringList {bobs, sales, lake} << QStringList {board, carols};
    QTest::newRow("member of two spaces")
        << QStringLiteral("Carol Consumer") << 10 << QStringList {carols, sales} << QStringList {board, bobs, lake};
}

void TestSimulator::itemsVisibility()
{
    QFETCH(QString, who);
    QFETCH(int, count);
    QFETCH(QStringList, sees);
    QFETCH(QStringList, doesNotSee);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    const Answer answer = get(url(QStringLiteral("/api/v1/items"), query), tokenFor(who));
    QCOMPARE(answer.status, 200);
    const QStringList names = namesOf(answer.json().value(u"data").toArray());
    QCOMPARE(names.size(), count);
    for (const QString &name : sees)
        QVERIFY2(names.contains(name), qPrintable(name));
    for (const QString &name : doesNotSee)
        QVERIFY2(!names.contains(name), qPrintable(name));
}

void TestSimulator::itemsFilters_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("query"); // {space:Name} and {user:Name} stand for ids
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("count");
    QTest::newRow("managed only") << QStringLiteral("healthy") << QStringLiteral("spaceType=managed") << 200 << 4;
    QTest::newRow("shared and data") << QStringLiteral("admin") << QStringLiteral("spaceType=shared,data") << 200 << 9;
    QTest::newRow("personal") << QStringLiteral("Carol Consumer") << QStringLiteral("spaceType=personal") << 200 << 1;
    QTest::newRow("space id") << QStringLiteral("healthy") << QStringLiteral("spaceId={space:Finance}") << 200 << 5;
    QTest::newRow("space id of a space not seen")
        << QStringLiteral("healthy") << QStringLiteral("spaceId={space:Board}") << 200 << 0;
    QTest::newRow("personal space id") << QStringLiteral("Bob Analyst") << QStringLiteral("spaceId=personal") << 200
                                       << 1;
    QTest::newRow("apps") << QStringLiteral("healthy") << QStringLiteral("resourceType=app") << 200 << 11;
    QTest::newRow("apps and qvapps") << QStringLiteral("healthy") << QStringLiteral("resourceType=app,qvapp") << 200
                                     << 11;
    QTest::newRow("app with subtypes") << QStringLiteral("healthy")
                                       << QStringLiteral("resourceType=app%5Bqvd,chart-monitoring,%5D") << 200 << 11;
    QTest::newRow("datasets: none") << QStringLiteral("healthy") << QStringLiteral("resourceType=dataset") << 200 << 0;
    QTest::newRow("name") << QStringLiteral("healthy") << QStringLiteral("name=FORECAST") << 200 << 2;
    QTest::newRow("owner") << QStringLiteral("healthy") << QStringLiteral("ownerId={user:Carol Consumer}") << 200 << 2;
    QTest::newRow("resource id") << QStringLiteral("healthy")
                                 << QStringLiteral("resourceType=app&resourceId={app:Sales Dashboard}") << 200 << 1;
    QTest::newRow("resource id without type")
        << QStringLiteral("healthy") << QStringLiteral("resourceId={app:Sales Dashboard}") << 400 << 0;
    QTest::newRow("unknown resource type")
        << QStringLiteral("healthy") << QStringLiteral("resourceType=sheet") << 400 << 0;
    QTest::newRow("unbalanced subtype list")
        << QStringLiteral("healthy") << QStringLiteral("resourceType=app%5Bqvd") << 400 << 0;
    QTest::newRow("unknown space type") << QStringLiteral("healthy") << QStringLiteral("spaceType=public") << 400 << 0;
    QTest::newRow("unknown sort") << QStringLiteral("healthy") << QStringLiteral("sort=-size") << 400 << 0;
}

void TestSimulator::itemsFilters()
{
    QFETCH(QString, who);
    QFETCH(QString, query);
    QFETCH(int, status);
    QFETCH(int, count);
    for (const SimSpace &space : std::as_const(m_sim->tenant().spaces))
        query.replace(QStringLiteral("{space:%1}").arg(space.name), space.id);
    for (const SimUser &user : std::as_const(m_sim->tenant().users))
        query.replace(QStringLiteral("{user:%1}").arg(user.name), user.id);
    for (const SimApp &app : std::as_const(m_sim->tenant().apps))
        query.replace(QStringLiteral("{app:%1}").arg(app.name), app.id);
    QVERIFY(!query.contains(u'{'));
    QUrl target = url(QStringLiteral("/api/v1/items"));
    target.setQuery(query + QStringLiteral("&limit=100"));
    const Answer answer = get(target, tokenFor(who));
    QCOMPARE(answer.status, status);
    if (status == 200) {
        QCOMPARE(answer.json().value(u"data").toArray().size(), count);
    } else {
        QVERIFY(!answer.firstError().value(u"code").toString().isEmpty());
        QVERIFY(!answer.firstError().value(u"title").toString().isEmpty());
    }
}

void TestSimulator::itemsPagingWithOpaqueCursors()
{
    const QByteArray token = m_sim->sampleToken(SampleKey::Healthy);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("resourceType"), QStringLiteral("app"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    QUrl next = url(QStringLiteral("/api/v1/items"), query);
    QStringList ids;
    QStringList pageUrls;
    for (int page = 0; next.isValid() && page < 20; ++page) {
        pageUrls.append(next.toString());
        const Answer answer = get(next, token);
        QCOMPARE(answer.status, 200);
        const QJsonObject body = answer.json();
        const QJsonArray data = body.value(u"data").toArray();
        QVERIFY(data.size() >= 1 && data.size() <= 2);
        ids += idsOf(data);
        QCOMPARE(body.value(u"links").toObject().contains(u"prev"), page > 0);
        const QString href = nextHref(body);
        if (!href.isEmpty()) {
            QVERIFY(href.startsWith(m_sim->baseUrl().toString() + QStringLiteral("/api/v1/items?")));
            const QUrlQuery linkQuery {QUrl(href)};
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("limit")), QStringLiteral("2"));
            QCOMPARE(linkQuery.queryItemValue(QStringLiteral("resourceType")), QStringLiteral("app"));
            const QString cursor = linkQuery.queryItemValue(QStringLiteral("next"));
            QVERIFY(cursor.size() > 8);
            bool isNumber = false;
            cursor.toInt(&isNumber);
            QVERIFY(!isNumber);
            for (const QString &id : std::as_const(ids))
                QVERIFY(!cursor.contains(id));
        }
        next = href.isEmpty() ? QUrl() : QUrl(href);
    }
    QCOMPARE(pageUrls.size(), 6);
    QCOMPARE(ids.size(), 11);
    QCOMPARE(QSet<QString>(ids.cbegin(), ids.cend()).size(), 11);
    // Default sort +createdAt: the tenant's order.
    QStringList expected;
    for (const SimApp &app : std::as_const(m_sim->tenant().apps)) {
        if (ids.contains(app.itemId))
            expected.append(app.itemId);
    }
    QCOMPARE(ids, expected);

    // prev on the third page gives the second page again.
    const Answer third = get(QUrl(pageUrls.at(2)), token);
    const QString prev = third.json().value(u"links").toObject().value(u"prev").toObject().value(u"href").toString();
    QCOMPARE(idsOf(get(QUrl(prev), token).json().value(u"data").toArray()), ids.mid(2, 2));

    // sort=+name holds across pages.
    QUrlQuery byName;
    byName.addQueryItem(QStringLiteral("limit"), QStringLiteral("3"));
    byName.addQueryItem(QStringLiteral("sort"), QStringLiteral("+name"));
    const Walk sorted = walk(QStringLiteral("/api/v1/items"), byName, token);
    QCOMPARE(sorted.pages, 4);
    const QStringList names = namesOf(sorted.entries);
    QStringList sortedNames = names;
    std::sort(sortedNames.begin(), sortedNames.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QCOMPARE(names, sortedNames);
    QCOMPARE(names.size(), 11);
}

void TestSimulator::itemsWalkSeesTenantChanges()
{
    const QByteArray token = m_sim->sampleToken(SampleKey::Healthy);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("4"));
    QCOMPARE(walk(QStringLiteral("/api/v1/items"), query, token).entries.size(), 11);

    // A new walk starts from the tenant as it is now, even though the earlier walk was kept for its cursors.
    for (SimSpace &space : m_sim->tenant().spaces) {
        if (space.name == u"Data Lake")
            space.memberIds.clear();
    }
    const Walk after = walk(QStringLiteral("/api/v1/items"), query, token);
    QCOMPARE(after.entries.size(), 9);
    QVERIFY(!namesOf(after.entries).contains(QStringLiteral("Data Lake Ingestion Monitor")));

    // A cursor stays valid when the tenant changes under it, and never points past the end.
    const Answer first = get(url(QStringLiteral("/api/v1/items"), query), token);
    m_sim->tenant().apps.clear();
    const Answer second = get(QUrl(nextHref(first.json())), token);
    QCOMPARE(second.status, 200);
    QVERIFY(second.json().value(u"data").toArray().size() <= 4);
    QCOMPARE(walk(QStringLiteral("/api/v1/items"), query, token).entries.size(), 0);
}

void TestSimulator::itemsCursorOfAnotherUserLeaksNothing()
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("5"));
    const Answer first = get(url(QStringLiteral("/api/v1/items"), query), m_sim->sampleToken(SampleKey::Healthy));
    const QString next = nextHref(first.json());
    QVERIFY(!next.isEmpty());

    // Carol follows the integration user's cursor: she gets a page of her own view, nothing only the other sees.
    const QString carol = userId(QStringLiteral("Carol Consumer"));
    const Answer answer = get(QUrl(next), tokenFor(QStringLiteral("Carol Consumer")));
    QCOMPARE(answer.status, 200);
    const QJsonArray data = answer.json().value(u"data").toArray();
    QVERIFY(!data.isEmpty());
    for (const QJsonValue &value : data) {
        const SimApp *app = m_sim->tenant().app(value.toObject().value(u"resourceId").toString());
        QVERIFY(app);
        const SimSpace *space = m_sim->tenant().space(app->spaceId);
        QVERIFY2(app->ownerId == carol || (space && space->memberIds.contains(carol)), qPrintable(app->name));
    }
}

void TestSimulator::appOpenRules_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QString>("app");
    QTest::addColumn<bool>("forbidden"); // the app is openForbidden
    QTest::addColumn<int>("status");
    const QString finance = QStringLiteral("Finance Overview");
    const QString sales = QStringLiteral("Sales Dashboard");
    QTest::newRow("member, shared") << QStringLiteral("healthy") << finance << false << 200;
    QTest::newRow("member, managed") << QStringLiteral("healthy") << sales << false << 200;
    QTest::newRow("member, data") << QStringLiteral("healthy") << QStringLiteral("Source Systems Profiling") << false
                                  << 200;
    QTest::newRow("openForbidden, member") << QStringLiteral("healthy") << finance << true << 403;
    QTest::newRow("openForbidden, owner") << QStringLiteral("Bob Analyst") << finance << true << 403;
    QTest::newRow("no member, no admin") << QStringLiteral("healthy") << QStringLiteral("Board KPIs") << false << 403;
    QTest::newRow("someone else's personal app")
        << QStringLiteral("healthy") << QStringLiteral("Bob's Sandbox") << false << 403;
    QTest::newRow("own personal app") << QStringLiteral("Bob Analyst") << QStringLiteral("Bob's Sandbox") << false
                                      << 200;
    QTest::newRow("admin, managed: listed but not openable") << QStringLiteral("admin") << sales << false << 403;
    QTest::newRow("group admin, managed") << QStringLiteral("groupadmin") << sales << false << 403;
    QTest::newRow("admin, shared") << QStringLiteral("admin") << finance << false << 200;
    QTest::newRow("admin, data") << QStringLiteral("admin") << QStringLiteral("Data Lake Ingestion Monitor") << false
                                 << 200;
    QTest::newRow("admin, personal app of another")
        << QStringLiteral("admin") << QStringLiteral("Carol's Scratchpad") << false << 403;
    QTest::newRow("unknown app") << QStringLiteral("healthy") << QString() << false << 404;
}

void TestSimulator::appOpenRules()
{
    QFETCH(QString, who);
    QFETCH(QString, app);
    QFETCH(bool, forbidden);
    QFETCH(int, status);
    QString appId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    if (!app.isEmpty()) {
        const SimApp *record = appNamed(app);
        QVERIFY(record);
        appId = record->id;
        for (SimApp &each : m_sim->tenant().apps) {
            if (each.id == appId)
                each.openForbidden = forbidden;
        }
    }
    const QByteArray token = tokenFor(who);
    const QString appPath = QStringLiteral("/api/v1/apps/") + appId;
    for (const QString &path : QStringList {appPath, appPath + QStringLiteral("/data/metadata")}) {
        const Answer answer = get(url(path), token);
        QCOMPARE(answer.status, status);
        QCOMPARE(answer.header("content-type"), QByteArray("application/json; charset=utf-8"));
        if (status == 200)
            continue;
        const QJsonObject error = answer.firstError();
        QVERIFY(!error.value(u"code").toString().isEmpty());
        QVERIFY(!error.value(u"title").toString().isEmpty());
        QVERIFY(error.value(u"status").isDouble());
        QCOMPARE(error.value(u"status").toInt(), status);
    }
}

void TestSimulator::appAndMetadataShape()
{
    const SimApp *app = appNamed(QStringLiteral("Cash Flow Forecast"));
    QVERIFY(app && app->hasSectionAccess);
    const Answer answer = getPath(QStringLiteral("/api/v1/apps/") + app->id, SampleKey::Healthy);
    QCOMPARE(answer.status, 200);
    const QJsonObject attributes = answer.json().value(u"attributes").toObject();
    for (const char *field : {"id", "name", "owner", "ownerId", "published", "lastReloadTime", "hasSectionAccess",
                              "createdDate", "modifiedDate", "usage"})
        QVERIFY2(attributes.contains(QLatin1String(field)), field);
    QCOMPARE(attributes.value(u"id").toString(), app->id);
    QCOMPARE(attributes.value(u"name").toString(), app->name);
    QCOMPARE(attributes.value(u"ownerId").toString(), app->ownerId);
    QVERIFY(attributes.value(u"hasSectionAccess").toBool());
    QVERIFY(attributes.value(u"lastReloadTime").toString().endsWith(u'Z'));
    const QJsonArray privileges = answer.json().value(u"privileges").toArray();
    QVERIFY(privileges.contains(QStringLiteral("read")));
    QVERIFY(!privileges.contains(QStringLiteral("delete"))); // a Can view member
    QVERIFY(answer.json().value(u"create").isArray());

    const QString metadataPath = QStringLiteral("/api/v1/apps/") + app->id + QStringLiteral("/data/metadata");
    const Answer metadata = getPath(metadataPath, SampleKey::Healthy);
    QCOMPARE(metadata.status, 200);
    const QJsonObject model = metadata.json();
    const QJsonArray tables = model.value(u"tables").toArray();
    const QJsonArray fields = model.value(u"fields").toArray();
    QVERIFY(tables.size() >= 3);
    QVERIFY(fields.size() >= tables.size());
    QSet<QString> tableNames;
    for (const QJsonValue &value : tables) {
        const QJsonObject table = value.toObject();
        QVERIFY(!table.value(u"name").toString().isEmpty());
        QVERIFY(table.value(u"no_of_rows").toInteger() > 0);
        tableNames.insert(table.value(u"name").toString());
    }
    QHash<QString, int> fieldsPerTable;
    for (const QJsonValue &value : fields) {
        const QJsonObject field = value.toObject();
        QVERIFY(!field.value(u"name").toString().isEmpty());
        const QJsonArray sources = field.value(u"src_tables").toArray();
        QVERIFY(!sources.isEmpty());
        for (const QJsonValue &source : sources) {
            QVERIFY(tableNames.contains(source.toString()));
            ++fieldsPerTable[source.toString()];
        }
    }
    for (const QJsonValue &value : tables) {
        const QJsonObject table = value.toObject();
        QCOMPARE(table.value(u"no_of_fields").toInt(), fieldsPerTable.value(table.value(u"name").toString()));
    }
    QVERIFY(model.value(u"reload_meta").isObject());
    QVERIFY(model.value(u"has_section_access").toBool());
    QCOMPARE(model.value(u"is_direct_query_mode"), QJsonValue(false));
    QVERIFY(model.value(u"static_byte_size").toInteger() > 0);
    // The same app always has the same data model.
    QCOMPARE(getPath(metadataPath, SampleKey::Healthy).body, metadata.body);
}

void TestSimulator::scenarioTenants_data()
{
    QTest::addColumn<CheckScenario>("scenario");
    QTest::addColumn<bool>("admin"); // the key's user is a tenant admin
    QTest::addColumn<int>("meStatus");
    QTest::addColumn<int>("spaces");
    QTest::addColumn<int>("apps");
    QTest::addColumn<QString>("opens"); // the open status of the first app listed in each space type
    const QString allOpen = QStringLiteral("data:200 managed:200 shared:200");
    QTest::newRow("healthy") << CheckScenario::Healthy << false << 301 << 3 << 11 << allOpen;
    QTest::newRow("no spaces") << CheckScenario::NoSpaces << false << 301 << 0 << 0 << QString();
    QTest::newRow("apps not openable") << CheckScenario::AppsNotOpenable << false << 301 << 3 << 11
                                       << QStringLiteral("data:403 managed:403 shared:403");
    QTest::newRow("managed admin") << CheckScenario::ManagedAdmin << true << 301 << 4 << 13
                                   << QStringLiteral("data:200 managed:403 shared:200");
    QTest::newRow("tenant admin key") << CheckScenario::TenantAdminKey << true << 301 << 4 << 13 << allOpen;
    QTest::newRow("expiring soon") << CheckScenario::ExpiringSoon << false << 301 << 3 << 11 << allOpen;
    QTest::newRow("expired key") << CheckScenario::ExpiredKey << false << 401 << 0 << 0 << QString();
    QTest::newRow("many apps") << CheckScenario::ManyApps << false << 301 << 3 << 250 << allOpen;
    // The fault scenarios' tenants are the healthy one; their faults are tested in scenarioFaults.
    QTest::newRow("rate limited tenant") << CheckScenario::RateLimitedFirstPage << false << 301 << 3 << 11 << allOpen;
    QTest::newRow("slow tenant") << CheckScenario::SlowResponses << false << 301 << 3 << 11 << allOpen;
    QTest::newRow("invalid JSON tenant") << CheckScenario::InvalidJson << false << 301 << 3 << 11 << allOpen;
    QTest::newRow("wrong types tenant") << CheckScenario::WrongJsonTypes << false << 301 << 3 << 11 << allOpen;
    QCOMPARE(SimulatorScenario::all().size(), 12);
}

void TestSimulator::scenarioTenants()
{
    QFETCH(CheckScenario, scenario);
    QFETCH(bool, admin);
    QFETCH(int, meStatus);
    QFETCH(int, spaces);
    QFETCH(int, apps);
    QFETCH(QString, opens);

    const ScenarioSetup setup = SimulatorScenario::tenantFor(scenario);
    useTenant(setup.tenant);
    const bool faultScenario = scenario == CheckScenario::RateLimitedFirstPage
        || scenario == CheckScenario::SlowResponses || scenario == CheckScenario::InvalidJson
        || scenario == CheckScenario::WrongJsonTypes;
    if (!faultScenario)
        SimulatorScenario::applyFaults(scenario, *m_sim); // nothing to apply: must leave the simulator alone
    const QByteArray token = m_sim->sampleToken(setup.key);
    QVERIFY(!token.isEmpty());
    const SimUser *user = m_sim->tenant().user(m_sim->sampleUserId(setup.key));
    QVERIFY(user);
    QCOMPARE(m_sim->tenant().isTenantAdmin(*user), admin);

    const Answer me = get(url(QStringLiteral("/api/v1/users/me")), token);
    QCOMPARE(me.status, meStatus);
    if (meStatus == 401) {
        QCOMPARE(me.firstError().value(u"code").toString(), QStringLiteral("APIKEYS-18"));
        return;
    }

    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    const Walk spaceWalk = walk(QStringLiteral("/api/v1/spaces"), query, token);
    QCOMPARE(spaceWalk.status, 200);
    QCOMPARE(spaceWalk.entries.size(), spaces);
    QHash<QString, QString> spaceTypes;
    for (const QJsonValue &space : spaceWalk.entries)
        spaceTypes.insert(space.toObject().value(u"id").toString(), space.toObject().value(u"type").toString());

    query.addQueryItem(QStringLiteral("resourceType"), QStringLiteral("app"));
    const Walk itemWalk = walk(QStringLiteral("/api/v1/items"), query, token);
    QCOMPARE(itemWalk.status, 200);
    QCOMPARE(itemWalk.entries.size(), apps);
    QCOMPARE(itemWalk.pages, std::max(1, (apps + 99) / 100));

    QMap<QString, int> openStatus; // space type -> status of its first app
    for (const QJsonValue &value : itemWalk.entries) {
        const QJsonObject item = value.toObject();
        const QString type = spaceTypes.value(item.value(u"spaceId").toString(), QStringLiteral("personal"));
        if (!openStatus.contains(type))
            openStatus.insert(
                type, get(url(QStringLiteral("/api/v1/apps/") + item.value(u"resourceId").toString()), token).status);
    }
    QStringList described;
    for (auto it = openStatus.cbegin(); it != openStatus.cend(); ++it)
        described.append(it.key() + u':' + QString::number(it.value()));
    QCOMPARE(described.join(u' '), opens);

    if (scenario == CheckScenario::ExpiringSoon) {
        const Answer key = get(url(QStringLiteral("/api/v1/api-keys/") + m_sim->sampleKeyId(setup.key)), token);
        const QDateTime expiry = QDateTime::fromString(key.json().value(u"expiry").toString(), Qt::ISODateWithMs);
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QVERIFY(expiry > now.addDays(2) && expiry < now.addDays(4));
    }
}

void TestSimulator::scenarioFaults_data()
{
    QTest::addColumn<CheckScenario>("scenario");
    QTest::newRow("rate limited first page") << CheckScenario::RateLimitedFirstPage;
    QTest::newRow("slow responses") << CheckScenario::SlowResponses;
    QTest::newRow("invalid JSON") << CheckScenario::InvalidJson;
    QTest::newRow("wrong JSON types") << CheckScenario::WrongJsonTypes;
}

void TestSimulator::scenarioFaults()
{
    QFETCH(CheckScenario, scenario);
    const ScenarioSetup setup = SimulatorScenario::tenantFor(scenario);
    useTenant(setup.tenant);
    SimulatorScenario::applyFaults(scenario, *m_sim);
    const QByteArray token = m_sim->sampleToken(setup.key);
    const QUrl spaces = url(QStringLiteral("/api/v1/spaces"));
    const QUrl items = url(QStringLiteral("/api/v1/items"));

    switch (scenario) {
    case CheckScenario::RateLimitedFirstPage:
        QCOMPARE(get(url(QStringLiteral("/api/v1/users/me")), token).status, 301);
        for (const QUrl &list : {spaces, items}) {
            const Answer limited = get(list, token);
            QCOMPARE(limited.status, 429);
            QCOMPARE(limited.header("retry-after"), QByteArray("1"));
            QCOMPARE(limited.firstError().value(u"code").toString(), QStringLiteral("HTTP-429"));
            QCOMPARE(get(list, token).status, 200); // once only
        }
        break;
    case CheckScenario::SlowResponses: {
        QElapsedTimer timer;
        timer.start();
        QCOMPARE(get(url(QStringLiteral("/.well-known/oauth-authorization-server"))).status, 200);
        QVERIFY(timer.elapsed() >= 250);
        timer.restart();
        QCOMPARE(get(items, token).status, 200);
        QVERIFY(timer.elapsed() >= 250);
        break;
    }
    case CheckScenario::InvalidJson: {
        const Answer broken = get(items, token);
        QCOMPARE(broken.status, 200);
        QJsonParseError error;
        QJsonDocument::fromJson(broken.body, &error);
        QVERIFY(error.error != QJsonParseError::NoError);
        QCOMPARE(get(spaces, token).json().value(u"data").toArray().size(), 3);
        break;
    }
    case CheckScenario::WrongJsonTypes: {
        const QJsonObject space = get(spaces, token).json().value(u"data").toArray().at(0).toObject();
        QCOMPARE(space.value(u"type"), QJsonValue(7));
        QVERIFY(space.value(u"name").isArray());
        const QJsonObject item = get(items, token).json().value(u"data").toArray().at(0).toObject();
        QVERIFY(item.value(u"spaceId").isObject());
        QVERIFY(item.value(u"name").isArray());
        QVERIFY(item.value(u"resourceId").isDouble());
        QVERIFY(item.value(u"resourceAttributes").isArray());
        QCOMPARE(get(url(QStringLiteral("/api/v1/users/me")), token).status, 301);
        break;
    }
    default:
        QFAIL("not a fault scenario");
    }
}

void TestSimulator::wrongJsonTypes()
{
    m_sim->setWrongJsonTypes(QStringLiteral("/api/v1/items"), true);
    const QByteArray token = m_sim->sampleToken(SampleKey::Healthy);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("6"));
    const Answer first = get(url(QStringLiteral("/api/v1/items"), query), token);
    QCOMPARE(first.status, 200);
    const QJsonArray data = first.json().value(u"data").toArray();
    QCOMPARE(data.size(), 6);
    for (const QJsonValue &value : data) {
        const QJsonObject item = value.toObject();
        QVERIFY(item.value(u"id").isString()); // entries stay identifiable
        QVERIFY(item.value(u"ownerId").isDouble());
        QVERIFY(item.value(u"meta").isArray());
        QVERIFY(item.value(u"links").isArray());
    }
    // Paging still works, and error answers stay as they are.
    const Answer second = get(QUrl(nextHref(first.json())), token);
    QCOMPARE(second.json().value(u"data").toArray().size(), 5);
    QVERIFY(second.json().value(u"data").toArray().at(0).toObject().value(u"name").isArray());
    query.addQueryItem(QStringLiteral("spaceType"), QStringLiteral("public"));
    const Answer refused = get(url(QStringLiteral("/api/v1/items"), query), token);
    QCOMPARE(refused.status, 400);
    QVERIFY(refused.firstError().value(u"code").isString());
    // Other lists are untouched, and the fault can be cleared.
    QVERIFY(getPath(QStringLiteral("/api/v1/spaces"), SampleKey::Healthy)
                .json()
                .value(u"data")
                .toArray()
                .at(0)
                .toObject()
                .value(u"name")
                .isString());
    m_sim->setWrongJsonTypes(QStringLiteral("/api/v1/items"), false);
    QVERIFY(getPath(QStringLiteral("/api/v1/items"), SampleKey::Healthy)
                .json()
                .value(u"data")
                .toArray()
                .at(0)
                .toObject()
                .value(u"name")
                .isString());
}

void TestSimulator::largeTenantPagesThroughEverything()
{
    const SimulatedTenant large = SimulatorScenario::large(20000, 1000);
    QCOMPARE(large.apps.size(), 20000);
    QCOMPARE(large.spaces.size(), 1000);
    useTenant(large);
    const QString userId = m_sim->sampleUserId(SampleKey::Healthy);
    for (const SimSpace &space : std::as_const(m_sim->tenant().spaces))
        QVERIFY(space.memberIds.contains(userId));
    const QByteArray token = m_sim->sampleToken(SampleKey::Healthy);

    QElapsedTimer timer;
    timer.start();
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("resourceType"), QStringLiteral("app"));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    const Walk items = walk(QStringLiteral("/api/v1/items"), query, token);
    QCOMPARE(items.status, 200);
    QCOMPARE(items.pages, 200);
    QSet<QString> ids;
    for (const QJsonValue &item : items.entries)
        ids.insert(item.toObject().value(u"id").toString());
    QCOMPARE(ids.size(), 20000);
    const qint64 itemsMs = timer.restart();

    QUrlQuery spaceQuery;
    spaceQuery.addQueryItem(QStringLiteral("limit"), QStringLiteral("100"));
    const Walk spaces = walk(QStringLiteral("/api/v1/spaces"), spaceQuery, token);
    QCOMPARE(spaces.status, 200);
    QCOMPARE(spaces.pages, 10);
    QCOMPARE(spaces.entries.size(), 1000);
    qInfo("20,000 apps in 200 item pages: %lld ms; 1,000 spaces in 10 pages: %lld ms (client and server in one "
          "thread)",
          itemsMs, timer.elapsed());
}

void TestSimulator::certificatePemIsATrustAnchor()
{
    const QByteArray pem = m_sim->certificatePem();
    QVERIFY(pem.startsWith("-----BEGIN CERTIFICATE-----"));
    QVERIFY(!pem.contains("PRIVATE KEY"));
    const QList<QSslCertificate> parsed = QSslCertificate::fromData(pem, QSsl::Pem);
    QCOMPARE(parsed.size(), 1);
    QVERIFY(parsed.first() == m_sim->certificate());

    // Trust built from the PEM alone (as --ca-file does) validates the server.
    QNetworkRequest request(url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(parsed);
    request.setSslConfiguration(tls);
    std::unique_ptr<QNetworkReply> reply(m_network->get(request));
    int sslErrors = 0;
    QObject::connect(reply.get(), &QNetworkReply::sslErrors, reply.get(),
                     [&sslErrors](const QList<QSslError> &errors) { sslErrors += errors.size(); });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(finished.wait(replyTimeoutMs));
    QCOMPARE(sslErrors, 0);
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
}

void TestSimulator::sampleTokensFollowTheTenantsKeyRecords()
{
    // A tenant built from demo() keeps the sample key records, so its simulator has their tokens; a record that is
    // gone has no token.
    SimulatedTenant tenant = SimulatorScenario::large(10, 2);
    const QString healthyId = m_sim->sampleKeyId(SampleKey::Healthy);
    tenant.apiKeys.removeIf([&healthyId](const SimApiKey &key) { return key.id == healthyId; });
    const QlikSimulator simulator(tenant);
    QVERIFY(simulator.sampleToken(SampleKey::Healthy).isEmpty());
    QVERIFY(simulator.sampleKeyId(SampleKey::Healthy).isEmpty());
    QVERIFY(!simulator.sampleToken(SampleKey::TenantAdmin).isEmpty());
    QCOMPARE(simulator.sampleUserId(SampleKey::TenantAdmin), m_sim->sampleUserId(SampleKey::TenantAdmin));
}

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
