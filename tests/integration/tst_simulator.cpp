#include "simulator/QlikSimulator.h"

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
    void recordingNeverContainsToken();

private:
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    Answer get(const QUrl &target, const QByteArray &token = {}, const QByteArray &verb = "GET",
               int transferTimeoutMs = 0);
    Answer getPath(const QString &path, SampleKey key);

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
    for (const QJsonValue &user : answer.json().value(u"data").toArray())
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

QTEST_GUILESS_MAIN(TestSimulator)
#include "tst_simulator.moc"
