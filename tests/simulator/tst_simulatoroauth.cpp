#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QCryptographicHash>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
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
    QHash<QByteArray, QByteArray> headers; // lowercase names
    QByteArray body;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
    QJsonObject firstError() const { return json().value(u"errors").toArray().at(0).toObject(); }
    QByteArray header(const char *name) const { return headers.value(QByteArray(name)); }
    // The query of the Location header (redirects back to the client).
    QUrlQuery locationQuery() const { return QUrlQuery(QUrl::fromEncoded(header("location"))); }
};

// How a request authenticates: nothing, a Bearer token or HTTP Basic client credentials.
struct Credential
{
    QByteArray bearer;
    QByteArray basic; // "id:secret", sent base64-encoded
};

QByteArray formBody(const QList<QPair<QString, QString>> &fields)
{
    QByteArray body;
    for (const auto &field : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(field.first) + '=' + QUrl::toPercentEncoding(field.second);
    }
    return body;
}

QByteArray jsonBody(const QJsonValue &value)
{
    return value.isArray() ? QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact)
                           : QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact);
}

// RFC 7636: a fresh verifier of 64 unreserved characters and its S256 challenge.
QString newVerifier()
{
    static const QString alphabet =
        QStringLiteral("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~");
    QString verifier;
    for (int i = 0; i < 64; ++i)
        verifier.append(alphabet.at(QRandomGenerator::global()->bounded(int(alphabet.size()))));
    return verifier;
}

QString challengeOf(const QString &verifier)
{
    return QString::fromLatin1(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)
                                   .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

QString transactionOf(const QByteArray &html)
{
    static const QRegularExpression hidden(
        QStringLiteral("<input type=\"hidden\" name=\"transaction\" value=\"([^\"]+)\">"));
    return hidden.match(QString::fromUtf8(html)).captured(1);
}

QStringList namesOf(const QJsonArray &data)
{
    QStringList names;
    for (const QJsonValue &item : data)
        names.append(item.toObject().value(u"name").toString());
    return names;
}

QStringList roleNamesOf(const QJsonObject &user)
{
    return namesOf(user.value(u"assignedRoles").toArray());
}

} // namespace

class TestSimulatorOAuth : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void wellKnownMatchesTheEndpoints();
    void authorizePageShape();
    void signInPageNeedsALiveTransaction_data();
    void signInPageNeedsALiveTransaction();
    void authorizeRefusesUnknownClientOrRedirect_data();
    void authorizeRefusesUnknownClientOrRedirect();
    void authorizeRedirectsOtherErrors_data();
    void authorizeRedirectsOtherErrors();
    void loginSuccessRedirectsWithCodeAndState();
    void loginFailureShowsTheFormAgain_data();
    void loginFailureShowsTheFormAgain();
    void loginTransactionRules_data();
    void loginTransactionRules();
    void completeSignInGivesACodeTheTokenEndpointRedeems();
    void completeSignInRefusals_data();
    void completeSignInRefusals();
    void tokenOverFormAndJson_data();
    void tokenOverFormAndJson();
    void codeFailures_data();
    void codeFailures();
    void replayedCodeRevokesItsToken();
    void refreshTokenOnlyWithOfflineAccess();
    void clientCredentials_data();
    void clientCredentials();
    void clientCredentialsTokenActsAsTheBot();
    void bearerScopeRules_data();
    void bearerScopeRules();
    void oauthTokenExpiresAndRevokes();
    void oauthRecordingHoldsNoSecrets();
    void methodsPerEndpoint();

    void roleCreate();
    void roleCreateRefusals_data();
    void roleCreateRefusals();
    void roleFilterWithEscapedQuotes();
    void rolePatch_data();
    void rolePatch();
    void rolePatchRefusals_data();
    void rolePatchRefusals();
    void roleRenameFollowsAssignments();

    void userPatch_data();
    void userPatch();
    void userPatchRefusals_data();
    void userPatchRefusals();
    void userPatchAppendRoleVariation();
    void tokenErrorRfcFieldsVariation();
    void userPatchPartialFault();
    void userSearch_data();
    void userSearch();
    void userSearchPages();

    void apiKeyCreate();
    void apiKeyExpiry_data();
    void apiKeyExpiry();
    void apiKeyLimit();
    void apiKeyPermission_data();
    void apiKeyPermission();
    void apiKeyDelete();

    void demoTenantForTheAutomatedPath();
    void automatedFlowEndToEnd();

private:
    QUrl url(const QString &path, const QUrlQuery &query = {}) const;
    Answer send(const QByteArray &verb, const QUrl &target, const Credential &credential = {},
                const QByteArray &contentType = {}, const QByteArray &body = {});
    Answer get(const QString &path, const QByteArray &bearer, const QUrlQuery &query = {});
    Answer sendJson(const QByteArray &verb, const QString &path, const QByteArray &bearer, const QJsonValue &body);
    Answer postForm(const QString &path, const QList<QPair<QString, QString>> &fields,
                    const Credential &credential = {});

    QUrlQuery authorizeQuery(const QString &verifier, const QString &state, const QString &scope,
                             const QString &loginHint = {}) const;
    // Plays the browser: GET the authorize URL and follow its 302 to the sign-in page; that page's answer, or the
    // authorize answer when it sends the browser anywhere else.
    Answer signInPage(const QUrlQuery &authorize);
    // Plays the browser: open the sign-in page, answer the form; the login answer (302 on success).
    Answer signIn(const QUrlQuery &authorize, const QString &email, const QString &password);
    // The whole sign-in for email with these scopes; the code from the redirect ("" on failure).
    QString codeFor(const QString &email, const QString &scope, const QString &verifier);
    // Signs in and redeems the code; the access token ("" on failure).
    QByteArray accessTokenFor(const QString &email, const QString &scope);
    QList<QPair<QString, QString>> codeRedemption(const QString &code, const QString &verifier) const;

    QString userId(const QString &name) const;
    QJsonObject userJson(const QString &id);
    QByteArray adminToken() { return m_sim->sampleToken(SampleKey::TenantAdmin); }

    std::unique_ptr<QlikSimulator> m_sim;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestSimulatorOAuth::init()
{
    m_sim = std::make_unique<QlikSimulator>();
    QVERIFY(m_sim->start());
    m_network = std::make_unique<QNetworkAccessManager>();
}

void TestSimulatorOAuth::cleanup()
{
    m_network.reset();
    m_sim.reset();
}

QUrl TestSimulatorOAuth::url(const QString &path, const QUrlQuery &query) const
{
    QUrl result = m_sim->baseUrl();
    result.setPath(path);
    if (!query.isEmpty())
        result.setQuery(query);
    return result;
}

Answer TestSimulatorOAuth::send(const QByteArray &verb, const QUrl &target, const Credential &credential,
                                const QByteArray &contentType, const QByteArray &body)
{
    QNetworkRequest request(target);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_sim->certificate());
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    if (!credential.bearer.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + credential.bearer);
    if (!credential.basic.isEmpty())
        request.setRawHeader("Authorization", "Basic " + credential.basic.toBase64());
    if (!contentType.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, contentType);

    std::unique_ptr<QNetworkReply> reply(body.isEmpty() && verb != "POST" && verb != "PATCH"
                                             ? m_network->sendCustomRequest(request, verb)
                                             : m_network->sendCustomRequest(request, verb, body));
    Answer answer;
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    answer.finished = reply->isFinished() || finished.wait(replyTimeoutMs);
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    if (reply->isOpen())
        answer.body = reply->readAll();
    return answer;
}

Answer TestSimulatorOAuth::get(const QString &path, const QByteArray &bearer, const QUrlQuery &query)
{
    return send("GET", url(path, query), Credential {bearer, {}});
}

Answer TestSimulatorOAuth::sendJson(const QByteArray &verb, const QString &path, const QByteArray &bearer,
                                    const QJsonValue &body)
{
    return send(verb, url(path), Credential {bearer, {}}, "application/json", jsonBody(body));
}

Answer TestSimulatorOAuth::postForm(const QString &path, const QList<QPair<QString, QString>> &fields,
                                    const Credential &credential)
{
    return send("POST", url(path), credential, "application/x-www-form-urlencoded", formBody(fields));
}

QUrlQuery TestSimulatorOAuth::authorizeQuery(const QString &verifier, const QString &state, const QString &scope,
                                             const QString &loginHint) const
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("client_id"), DemoTenant::nativeClientId());
    query.addQueryItem(QStringLiteral("redirect_uri"), DemoTenant::nativeRedirectUri());
    query.addQueryItem(QStringLiteral("response_type"), QStringLiteral("code"));
    query.addQueryItem(QStringLiteral("scope"), scope);
    query.addQueryItem(QStringLiteral("state"), state);
    query.addQueryItem(QStringLiteral("code_challenge_method"), QStringLiteral("S256"));
    query.addQueryItem(QStringLiteral("code_challenge"), challengeOf(verifier));
    if (!loginHint.isEmpty())
        query.addQueryItem(QStringLiteral("login_hint"), loginHint);
    return query;
}

Answer TestSimulatorOAuth::signInPage(const QUrlQuery &authorize)
{
    const Answer answer = send("GET", url(QStringLiteral("/oauth/authorize"), authorize));
    const QUrl location = QUrl::fromEncoded(answer.header("location"));
    if (answer.status != 302 || location.path() != u"/oauth/authorize/login")
        return answer;
    return send("GET", m_sim->baseUrl().resolved(location));
}

Answer TestSimulatorOAuth::signIn(const QUrlQuery &authorize, const QString &email, const QString &password)
{
    const Answer page = signInPage(authorize);
    if (page.status != 200)
        return page;
    return postForm(QStringLiteral("/oauth/authorize/login"),
                    {{QStringLiteral("transaction"), transactionOf(page.body)},
                     {QStringLiteral("email"), email},
                     {QStringLiteral("password"), password}});
}

QString TestSimulatorOAuth::codeFor(const QString &email, const QString &scope, const QString &verifier)
{
    const Answer login = signIn(authorizeQuery(verifier, QStringLiteral("s"), scope), email, DemoTenant::password());
    return login.status == 302 ? login.locationQuery().queryItemValue(QStringLiteral("code")) : QString();
}

QList<QPair<QString, QString>> TestSimulatorOAuth::codeRedemption(const QString &code, const QString &verifier) const
{
    return {{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
            {QStringLiteral("code"), code},
            {QStringLiteral("code_verifier"), verifier},
            {QStringLiteral("redirect_uri"), DemoTenant::nativeRedirectUri()},
            {QStringLiteral("client_id"), DemoTenant::nativeClientId()}};
}

QByteArray TestSimulatorOAuth::accessTokenFor(const QString &email, const QString &scope)
{
    const QString verifier = newVerifier();
    const QString code = codeFor(email, scope, verifier);
    if (code.isEmpty())
        return {};
    const Answer token = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
    return token.status == 200 ? token.json().value(u"access_token").toString().toLatin1() : QByteArray();
}

QString TestSimulatorOAuth::userId(const QString &name) const
{
    for (const SimUser &user : std::as_const(m_sim->tenant().users)) {
        if (user.name == name)
            return user.id;
    }
    return {};
}

QJsonObject TestSimulatorOAuth::userJson(const QString &id)
{
    return get(QStringLiteral("/api/v1/users/") + id, adminToken()).json();
}

void TestSimulatorOAuth::wellKnownMatchesTheEndpoints()
{
    const Answer answer = send("GET", url(QStringLiteral("/.well-known/oauth-authorization-server")));
    QCOMPARE(answer.status, 200);
    const QJsonObject metadata = answer.json();
    const QString base = QStringLiteral("https://localhost:%1").arg(m_sim->port());
    QCOMPARE(metadata.value(u"authorization_endpoint").toString(), base + QStringLiteral("/oauth/authorize"));
    QCOMPARE(metadata.value(u"token_endpoint").toString(), base + QStringLiteral("/oauth/token"));
    QCOMPARE(metadata.value(u"revocation_endpoint").toString(), base + QStringLiteral("/oauth/revoke"));
    QCOMPARE(metadata.value(u"code_challenge_methods_supported").toArray(), QJsonArray {QStringLiteral("S256")});
    const QJsonArray grants = metadata.value(u"grant_types_supported").toArray();
    for (const char *grant : {"authorization_code", "client_credentials", "refresh_token"})
        QVERIFY2(grants.contains(QLatin1String(grant)), grant);
    // Every grant listed is one the token endpoint answers.
    for (const QJsonValue &grant : grants) {
        const Answer token =
            postForm(QStringLiteral("/oauth/token"), {{QStringLiteral("grant_type"), grant.toString()}});
        QVERIFY2(token.firstError().value(u"code").toString() != u"unsupported_grant_type",
                 qPrintable(grant.toString()));
    }
}

void TestSimulatorOAuth::authorizePageShape()
{
    const QString hint = QStringLiteral("riley.reader@example.com\"><script>");
    const QUrlQuery authorize =
        authorizeQuery(newVerifier(), QStringLiteral("st"), QStringLiteral("user_default"), hint);
    // oauth.json: a valid authorize request redirects (302) to the identity provider's sign-in page.
    const Answer redirect = send("GET", url(QStringLiteral("/oauth/authorize"), authorize));
    QCOMPARE(redirect.status, 302);
    QCOMPARE(redirect.header("cache-control"), QByteArray("no-store"));
    const QUrl location = m_sim->baseUrl().resolved(QUrl::fromEncoded(redirect.header("location")));
    QCOMPARE(location.adjusted(QUrl::RemovePath | QUrl::RemoveQuery), m_sim->baseUrl().adjusted(QUrl::RemovePath));
    QCOMPARE(location.path(), QStringLiteral("/oauth/authorize/login"));
    // Only the transaction travels: nothing of the request (state, challenge, login hint) is in the address.
    const QUrlQuery locationQuery(location);
    QCOMPARE(locationQuery.queryItems().size(), 1);
    const QString transaction = locationQuery.queryItemValue(QStringLiteral("transaction"));
    QVERIFY(transaction.size() >= 32);

    const Answer page = send("GET", location);
    QCOMPARE(page.status, 200);
    QVERIFY(page.header("content-type").startsWith("text/html"));
    QCOMPARE(page.header("cache-control"), QByteArray("no-store"));
    QCOMPARE(page.header("referrer-policy"), QByteArray("no-referrer"));
    const QString html = QString::fromUtf8(page.body);
    QVERIFY(html.startsWith(u"<!DOCTYPE html>"));
    QVERIFY(html.contains(QStringLiteral("<title>Practice tenant \u2014 sign in</title>")));
    QVERIFY(html.contains(QStringLiteral("<form method=\"post\" action=\"/oauth/authorize/login\">")));
    QCOMPARE(transactionOf(page.body), transaction);
    QVERIFY(html.contains(QStringLiteral("name=\"email\" value=\"riley.reader@example.com&quot;&gt;&lt;script&gt;\"")));
    QVERIFY(!html.contains(u"<script>"));
    QVERIFY(html.contains(QStringLiteral("type=\"password\" name=\"password\"")));
    QVERIFY(!html.contains(u"class=\"error\""));
    // The page can be shown again (a reload) until the form is answered.
    QCOMPARE(transactionOf(send("GET", location).body), transaction);

    // Each authorize request gets its own transaction.
    const Answer again =
        signInPage(authorizeQuery(newVerifier(), QStringLiteral("st"), QStringLiteral("user_default")));
    QCOMPARE(again.status, 200);
    QVERIFY(transactionOf(again.body) != transaction);
    QVERIFY(QString::fromUtf8(again.body).contains(QStringLiteral("name=\"email\" value=\"\"")));
}

void TestSimulatorOAuth::signInPageNeedsALiveTransaction_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("unknown transaction") << QStringLiteral("unknown");
    QTest::newRow("missing transaction") << QStringLiteral("missing");
    QTest::newRow("expired transaction") << QStringLiteral("expired");
    QTest::newRow("used transaction") << QStringLiteral("used");
}

void TestSimulatorOAuth::signInPageNeedsALiveTransaction()
{
    QFETCH(QString, kind);
    const Answer redirect =
        send("GET",
             url(QStringLiteral("/oauth/authorize"),
                 authorizeQuery(newVerifier(), QStringLiteral("st"), QStringLiteral("user_default"))));
    QCOMPARE(redirect.status, 302);
    QUrl location = m_sim->baseUrl().resolved(QUrl::fromEncoded(redirect.header("location")));
    const QString transaction = QUrlQuery(location).queryItemValue(QStringLiteral("transaction"));
    QVERIFY(!transaction.isEmpty());
    if (kind == u"unknown") {
        location.setQuery(QStringLiteral("transaction=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
    } else if (kind == u"missing") {
        location.setQuery(QString());
    } else if (kind == u"expired") {
        m_sim->advanceOAuthClock(OAuthServer::transactionSeconds + 1);
    } else {
        QCOMPARE(postForm(QStringLiteral("/oauth/authorize/login"),
                          {{QStringLiteral("transaction"), transaction},
                           {QStringLiteral("email"), DemoTenant::adminEmail()},
                           {QStringLiteral("password"), DemoTenant::password()}})
                     .status,
                 302);
    }
    const Answer page = send("GET", location);
    QCOMPARE(page.status, 400);
    QVERIFY(page.header("content-type").startsWith("text/html"));
    QVERIFY(page.header("location").isEmpty());
    QVERIFY(!page.body.contains("<form"));
    QVERIFY(page.body.contains("<h1>"));
}

void TestSimulatorOAuth::authorizeRefusesUnknownClientOrRedirect_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("redirectUri");
    QTest::addColumn<QString>("error");
    const QString native = DemoTenant::nativeClientId();
    QTest::newRow("unknown client") << QStringLiteral("no-such-client") << DemoTenant::nativeRedirectUri()
                                    << QStringLiteral("invalid_client");
    QTest::newRow("missing client") << QString() << DemoTenant::nativeRedirectUri() << QStringLiteral("invalid_client");
    QTest::newRow("other port") << native << QStringLiteral("http://127.0.0.1:47825/callback")
                                << QStringLiteral("invalid_request");
    QTest::newRow("localhost instead of 127.0.0.1")
        << native << QStringLiteral("http://localhost:47824/callback") << QStringLiteral("invalid_request");
    QTest::newRow("trailing slash") << native << QStringLiteral("http://127.0.0.1:47824/callback/")
                                    << QStringLiteral("invalid_request");
    QTest::newRow("missing redirect") << native << QString() << QStringLiteral("invalid_request");
    QTest::newRow("m2m client has none") << DemoTenant::m2mClientId() << DemoTenant::nativeRedirectUri()
                                         << QStringLiteral("invalid_request");
}

void TestSimulatorOAuth::authorizeRefusesUnknownClientOrRedirect()
{
    QFETCH(QString, clientId);
    QFETCH(QString, redirectUri);
    QFETCH(QString, error);
    QUrlQuery query = authorizeQuery(newVerifier(), QStringLiteral("st"), QStringLiteral("user_default"));
    query.removeAllQueryItems(QStringLiteral("client_id"));
    query.removeAllQueryItems(QStringLiteral("redirect_uri"));
    query.addQueryItem(QStringLiteral("client_id"), clientId);
    query.addQueryItem(QStringLiteral("redirect_uri"), redirectUri);
    const Answer answer = send("GET", url(QStringLiteral("/oauth/authorize"), query));
    // RFC 6749 §4.1.2.1: never redirect to a URI that is not registered.
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.header("location").isEmpty());
    QVERIFY(answer.header("content-type").startsWith("application/json"));
    QCOMPARE(answer.firstError().value(u"code").toString(), error);
    QCOMPARE(answer.firstError().value(u"status").toString(), QStringLiteral("400"));
}

void TestSimulatorOAuth::authorizeRedirectsOtherErrors_data()
{
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QString>("value"); // "-" removes the parameter
    QTest::addColumn<QString>("error");
    QTest::newRow("response_type token") << QStringLiteral("response_type") << QStringLiteral("token")
                                         << QStringLiteral("unsupported_response_type");
    QTest::newRow("no response_type") << QStringLiteral("response_type") << QStringLiteral("-")
                                      << QStringLiteral("invalid_request");
    QTest::newRow("no state") << QStringLiteral("state") << QStringLiteral("-") << QStringLiteral("invalid_request");
    QTest::newRow("no code_challenge") << QStringLiteral("code_challenge") << QStringLiteral("-")
                                       << QStringLiteral("invalid_request");
    QTest::newRow("malformed code_challenge")
        << QStringLiteral("code_challenge") << QStringLiteral("not+a+challenge") << QStringLiteral("invalid_request");
    QTest::newRow("method plain") << QStringLiteral("code_challenge_method") << QStringLiteral("plain")
                                  << QStringLiteral("invalid_request");
    QTest::newRow("no method") << QStringLiteral("code_challenge_method") << QStringLiteral("-")
                               << QStringLiteral("invalid_request");
    QTest::newRow("scope not allowed") << QStringLiteral("scope") << QStringLiteral("user_default apps:read")
                                       << QStringLiteral("invalid_scope");
    QTest::newRow("offline_access not allowed")
        << QStringLiteral("scope") << QStringLiteral("offline_access") << QStringLiteral("invalid_scope");
    QTest::newRow("no scope") << QStringLiteral("scope") << QStringLiteral("-") << QStringLiteral("invalid_request");
    QTest::newRow("prompt none") << QStringLiteral("prompt") << QStringLiteral("none")
                                 << QStringLiteral("login_required");
    QTest::newRow("prompt unknown") << QStringLiteral("prompt") << QStringLiteral("always")
                                    << QStringLiteral("invalid_request");
}

void TestSimulatorOAuth::authorizeRedirectsOtherErrors()
{
    QFETCH(QString, parameter);
    QFETCH(QString, value);
    QFETCH(QString, error);
    const QString state = QStringLiteral("state with & = + / ?");
    QUrlQuery query = authorizeQuery(newVerifier(), state, QStringLiteral("user_default"));
    query.removeAllQueryItems(parameter);
    if (value != u"-")
        query.addQueryItem(parameter, QString::fromLatin1(QUrl::toPercentEncoding(value)));
    const Answer answer = send("GET", url(QStringLiteral("/oauth/authorize"), query));
    QCOMPARE(answer.status, 302);
    const QUrl location = QUrl::fromEncoded(answer.header("location"));
    QCOMPARE(location.toString(QUrl::RemoveQuery), DemoTenant::nativeRedirectUri());
    const QUrlQuery back(location);
    QCOMPARE(back.queryItemValue(QStringLiteral("error")), error);
    QVERIFY(!back.queryItemValue(QStringLiteral("error_description")).isEmpty());
    QVERIFY(!back.hasQueryItem(QStringLiteral("code")));
    if (parameter == u"state")
        QVERIFY(!back.hasQueryItem(QStringLiteral("state")));
    else
        QCOMPARE(back.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), state);
}

void TestSimulatorOAuth::loginSuccessRedirectsWithCodeAndState()
{
    const QString state = QStringLiteral("a&b=c+d e/f?%");
    QUrlQuery query = authorizeQuery(newVerifier(), QString(), QStringLiteral("admin_classic user_default"),
                                     DemoTenant::adminEmail());
    query.removeAllQueryItems(QStringLiteral("state"));
    query.addQueryItem(QStringLiteral("state"), QString::fromLatin1(QUrl::toPercentEncoding(state)));
    query.addQueryItem(QStringLiteral("prompt"), QStringLiteral("login"));
    const Answer login = signIn(query, DemoTenant::adminEmail().toUpper(), DemoTenant::password());
    QCOMPARE(login.status, 302);
    QCOMPARE(login.header("cache-control"), QByteArray("no-store"));
    const QUrl location = QUrl::fromEncoded(login.header("location"));
    QCOMPARE(location.scheme(), QStringLiteral("http"));
    QCOMPARE(location.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(location.port(), 47824);
    QCOMPARE(location.path(), QStringLiteral("/callback"));
    const QUrlQuery back(location);
    QCOMPARE(back.queryItemValue(QStringLiteral("state"), QUrl::FullyDecoded), state);
    const QString code = back.queryItemValue(QStringLiteral("code"));
    QVERIFY(code.size() >= 32);
    QVERIFY(!back.hasQueryItem(QStringLiteral("error")));
}

void TestSimulatorOAuth::loginFailureShowsTheFormAgain_data()
{
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("message");
    QTest::newRow("wrong password") << DemoTenant::adminEmail() << QStringLiteral("Practice")
                                    << QStringLiteral("email or password is wrong");
    QTest::newRow("unknown email") << QStringLiteral("nobody@example.com") << DemoTenant::password()
                                   << QStringLiteral("email or password is wrong");
    QTest::newRow("empty password") << DemoTenant::adminEmail() << QString()
                                    << QStringLiteral("email or password is wrong");
    QTest::newRow("disabled user") << QStringLiteral("dan.disabled@example.com") << DemoTenant::password()
                                   << QStringLiteral("&quot;disabled&quot;");
    QTest::newRow("invited user") << QStringLiteral("erin.invited@example.com") << DemoTenant::password()
                                  << QStringLiteral("&quot;invited&quot;");
}

void TestSimulatorOAuth::loginFailureShowsTheFormAgain()
{
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(QString, message);
    const QString verifier = newVerifier();
    const Answer page = signInPage(authorizeQuery(verifier, QStringLiteral("st"), QStringLiteral("user_default")));
    const QString transaction = transactionOf(page.body);
    QVERIFY(!transaction.isEmpty());
    const Answer failed = postForm(QStringLiteral("/oauth/authorize/login"),
                                   {{QStringLiteral("transaction"), transaction},
                                    {QStringLiteral("email"), email},
                                    {QStringLiteral("password"), password}});
    QCOMPARE(failed.status, 200);
    QVERIFY(failed.header("location").isEmpty());
    const QString html = QString::fromUtf8(failed.body);
    QVERIFY(html.contains(u"class=\"error\""));
    QVERIFY2(html.contains(message), qPrintable(message));
    QVERIFY(html.contains(QStringLiteral("name=\"email\" value=\"%1\"").arg(email)));
    QVERIFY(!html.contains(u"name=\"password\" value"));
    // The same form can be answered again, now rightly.
    QCOMPARE(transactionOf(failed.body), transaction);
    const Answer retry = postForm(QStringLiteral("/oauth/authorize/login"),
                                  {{QStringLiteral("transaction"), transaction},
                                   {QStringLiteral("email"), DemoTenant::integrationUserEmail()},
                                   {QStringLiteral("password"), DemoTenant::password()}});
    QCOMPARE(retry.status, 302);
    QVERIFY(!retry.locationQuery().queryItemValue(QStringLiteral("code")).isEmpty());
}

void TestSimulatorOAuth::loginTransactionRules_data()
{
    QTest::addColumn<QString>("kind");
    QTest::newRow("unknown transaction") << QStringLiteral("unknown");
    QTest::newRow("missing transaction") << QStringLiteral("missing");
    QTest::newRow("expired transaction") << QStringLiteral("expired");
    QTest::newRow("used transaction") << QStringLiteral("used");
    QTest::newRow("not a form") << QStringLiteral("json");
}

void TestSimulatorOAuth::loginTransactionRules()
{
    QFETCH(QString, kind);
    const Answer page = signInPage(authorizeQuery(newVerifier(), QStringLiteral("st"), QStringLiteral("user_default")));
    QString transaction = transactionOf(page.body);
    QVERIFY(!transaction.isEmpty());
    const QList<QPair<QString, QString>> credentials {{QStringLiteral("email"), DemoTenant::adminEmail()},
                                                      {QStringLiteral("password"), DemoTenant::password()}};
    if (kind == u"unknown")
        transaction = QStringLiteral("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    else if (kind == u"missing")
        transaction.clear();
    else if (kind == u"expired")
        m_sim->advanceOAuthClock(OAuthServer::transactionSeconds + 1);
    else if (kind == u"used")
        QCOMPARE(postForm(QStringLiteral("/oauth/authorize/login"),
                          QList<QPair<QString, QString>> {{QStringLiteral("transaction"), transaction}} + credentials)
                     .status,
                 302);

    Answer answer;
    if (kind == u"json") {
        const QJsonObject body {{QStringLiteral("transaction"), transaction},
                                {QStringLiteral("email"), DemoTenant::adminEmail()},
                                {QStringLiteral("password"), DemoTenant::password()}};
        answer = send("POST", url(QStringLiteral("/oauth/authorize/login")), {}, "application/json", jsonBody(body));
    } else {
        answer = postForm(QStringLiteral("/oauth/authorize/login"),
                          QList<QPair<QString, QString>> {{QStringLiteral("transaction"), transaction}} + credentials);
    }
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.header("content-type").startsWith("text/html"));
    QVERIFY(answer.header("location").isEmpty());
    QVERIFY(answer.body.contains("<h1>"));
}

void TestSimulatorOAuth::completeSignInGivesACodeTheTokenEndpointRedeems()
{
    const QString verifier = newVerifier();
    const QUrl authorization = url(QStringLiteral("/oauth/authorize"),
                                   authorizeQuery(verifier, QStringLiteral("state-1"), QStringLiteral("user_default"),
                                                  DemoTenant::integrationUserEmail()));
    QString problem;
    const QUrl back =
        m_sim->completeSignIn(authorization, DemoTenant::integrationUserEmail(), DemoTenant::password(), &problem);
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QCOMPARE(back.adjusted(QUrl::RemoveQuery), QUrl(DemoTenant::nativeRedirectUri()));
    const QUrlQuery query(back);
    QCOMPARE(query.queryItemValue(QStringLiteral("state")), QStringLiteral("state-1"));
    const QString code = query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    QVERIFY(code.size() >= 43);
    // Nothing went over HTTP.
    QVERIFY(m_sim->requests().isEmpty());

    const Answer token = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
    QCOMPARE(token.status, 200);
    QCOMPARE(token.json().value(u"scope").toString(), QStringLiteral("user_default"));
    const QByteArray accessToken = token.json().value(u"access_token").toString().toLatin1();
    QCOMPARE(get(QStringLiteral("/api/v1/users/me"), accessToken).header("location"),
             QByteArray("/api/v1/users/") + m_sim->sampleUserId(SampleKey::Healthy).toLatin1());
    QCOMPARE(postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier)).status, 401);
}

void TestSimulatorOAuth::completeSignInRefusals_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<QString>("email");
    QTest::addColumn<QString>("password");
    QTest::addColumn<bool>("otherAddress");
    QTest::addColumn<QString>("redirectError"); // "": no redirect, a problem instead

    const QString native = DemoTenant::nativeClientId();
    const QString scope = QStringLiteral("user_default");
    const QString riley = DemoTenant::unassignedUserEmail();
    QTest::newRow("wrong password") << native << scope << riley << QStringLiteral("not-the-password") << false
                                    << QString();
    QTest::newRow("unknown email") << native << scope << QStringLiteral("nobody@example.com") << DemoTenant::password()
                                   << false << QString();
    QTest::newRow("disabled user") << native << scope << QStringLiteral("dan.disabled@example.com")
                                   << DemoTenant::password() << false << QString();
    QTest::newRow("unknown client") << QStringLiteral("no-such-client") << scope << riley << DemoTenant::password()
                                    << false << QString();
    QTest::newRow("another address") << native << scope << riley << DemoTenant::password() << true << QString();
    QTest::newRow("scope the client may not ask for")
        << native << QStringLiteral("admin_classic user_default apps") << riley << DemoTenant::password() << false
        << QStringLiteral("invalid_scope");
}

void TestSimulatorOAuth::completeSignInRefusals()
{
    QFETCH(QString, clientId);
    QFETCH(QString, scope);
    QFETCH(QString, email);
    QFETCH(QString, password);
    QFETCH(bool, otherAddress);
    QFETCH(QString, redirectError);

    QUrlQuery query = authorizeQuery(newVerifier(), QStringLiteral("state-2"), scope);
    query.removeAllQueryItems(QStringLiteral("client_id"));
    query.addQueryItem(QStringLiteral("client_id"), clientId);
    QUrl authorization = url(QStringLiteral("/oauth/authorize"), query);
    if (otherAddress)
        authorization.setPort(m_sim->port() == 1 ? 2 : 1);
    QString problem;
    const QUrl back = m_sim->completeSignIn(authorization, email, password, &problem);
    if (redirectError.isEmpty()) {
        QVERIFY(back.isEmpty());
        QVERIFY(!problem.isEmpty());
        // A password typed wrongly is still somebody's secret.
        if (password != DemoTenant::password())
            QVERIFY(!problem.contains(password));
    } else {
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QUrlQuery answer(back);
        QCOMPARE(answer.queryItemValue(QStringLiteral("error")), redirectError);
        QCOMPARE(answer.queryItemValue(QStringLiteral("state")), QStringLiteral("state-2"));
        QVERIFY(!answer.hasQueryItem(QStringLiteral("code")));
    }
}

void TestSimulatorOAuth::tokenOverFormAndJson_data()
{
    QTest::addColumn<bool>("json");
    QTest::newRow("form") << false;
    QTest::newRow("json") << true;
}

void TestSimulatorOAuth::tokenOverFormAndJson()
{
    QFETCH(bool, json);
    const QString verifier = newVerifier();
    const QString code = codeFor(DemoTenant::adminEmail(), QStringLiteral("admin_classic user_default"), verifier);
    QVERIFY(!code.isEmpty());
    Answer answer;
    if (json) {
        QJsonObject body;
        for (const auto &field : codeRedemption(code, verifier))
            body.insert(field.first, field.second);
        answer = send("POST", url(QStringLiteral("/oauth/token")), {}, "application/json", jsonBody(body));
    } else {
        answer = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
    }
    QCOMPARE(answer.status, 200);
    QVERIFY(answer.header("content-type").startsWith("application/json"));
    QCOMPARE(answer.header("cache-control"), QByteArray("no-store"));
    const QJsonObject token = answer.json();
    const QString accessToken = token.value(u"access_token").toString();
    QVERIFY(accessToken.size() >= 32);
    QVERIFY(!accessToken.contains(u'.'));
    QCOMPARE(token.value(u"token_type").toString(), QStringLiteral("bearer"));
    QCOMPARE(token.value(u"scope").toString(), QStringLiteral("admin_classic user_default"));
    QCOMPARE(token.value(u"expires_in").toInt(), 21600);
    const QDateTime expiresAt = QDateTime::fromString(token.value(u"expires_at").toString(), Qt::ISODateWithMs);
    QVERIFY(expiresAt.isValid());
    const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(expiresAt);
    QVERIFY2(lifetime > 21500 && lifetime <= 21600, qPrintable(QString::number(lifetime)));
    QVERIFY(!token.contains(u"refresh_token"));

    // The token works as Bearer at once, acting as the signed-in user.
    const Answer me = get(QStringLiteral("/api/v1/users/me"), accessToken.toLatin1());
    QCOMPARE(me.status, 301);
    QCOMPARE(me.header("location"),
             QByteArray("/api/v1/users/") + m_sim->sampleUserId(SampleKey::TenantAdmin).toLatin1());
}

void TestSimulatorOAuth::codeFailures_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("error");
    QTest::newRow("used code") << QStringLiteral("used") << 401 << QStringLiteral("invalid_grant");
    QTest::newRow("expired code") << QStringLiteral("expired") << 401 << QStringLiteral("invalid_grant");
    QTest::newRow("unknown code") << QStringLiteral("unknown") << 401 << QStringLiteral("invalid_grant");
    QTest::newRow("verifier mismatch") << QStringLiteral("verifier") << 401 << QStringLiteral("invalid_grant");
    QTest::newRow("redirect mismatch") << QStringLiteral("redirect") << 401 << QStringLiteral("invalid_grant");
    QTest::newRow("other client") << QStringLiteral("client") << 401 << QStringLiteral("invalid_grant");
    QTest::newRow("unknown client") << QStringLiteral("unknownclient") << 401 << QStringLiteral("invalid_client");
    QTest::newRow("verifier too short") << QStringLiteral("short") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("verifier bad characters") << QStringLiteral("charset") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("no verifier") << QStringLiteral("noverifier") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("no grant type") << QStringLiteral("nogrant") << 400 << QStringLiteral("invalid_request");
    QTest::newRow("unsupported grant") << QStringLiteral("password") << 400 << QStringLiteral("unsupported_grant_type");
    QTest::newRow("text/plain body") << QStringLiteral("plain") << 400 << QStringLiteral("invalid_request");
}

void TestSimulatorOAuth::codeFailures()
{
    QFETCH(QString, kind);
    QFETCH(int, status);
    QFETCH(QString, error);
    const QString verifier = newVerifier();
    const QString code = codeFor(DemoTenant::integrationUserEmail(), QStringLiteral("user_default"), verifier);
    QVERIFY(!code.isEmpty());
    QList<QPair<QString, QString>> fields = codeRedemption(code, verifier);
    const auto set = [&fields](const QString &name, const QString &value) {
        for (auto &field : fields) {
            if (field.first == name)
                field.second = value;
        }
    };
    if (kind == u"used") {
        QCOMPARE(postForm(QStringLiteral("/oauth/token"), fields).status, 200);
    } else if (kind == u"expired") {
        m_sim->advanceOAuthClock(OAuthServer::codeSeconds + 1);
    } else if (kind == u"unknown") {
        set(QStringLiteral("code"), QStringLiteral("bm90LWEtY29kZS1ub3QtYS1jb2RlLW5vdC1hLWNvZGU"));
    } else if (kind == u"verifier") {
        set(QStringLiteral("code_verifier"), newVerifier());
    } else if (kind == u"redirect") {
        set(QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:47825/callback"));
    } else if (kind == u"client") {
        set(QStringLiteral("client_id"), DemoTenant::m2mClientId());
    } else if (kind == u"unknownclient") {
        set(QStringLiteral("client_id"), QStringLiteral("no-such-client"));
    } else if (kind == u"short") {
        set(QStringLiteral("code_verifier"), verifier.left(42));
    } else if (kind == u"charset") {
        set(QStringLiteral("code_verifier"), verifier.left(50) + QStringLiteral("+/="));
    } else if (kind == u"noverifier") {
        fields.removeAt(2);
    } else if (kind == u"nogrant") {
        fields.removeAt(0);
    } else if (kind == u"password") {
        set(QStringLiteral("grant_type"), QStringLiteral("password"));
    }
    const Answer answer = kind == u"plain"
        ? send("POST", url(QStringLiteral("/oauth/token")), {}, "text/plain", formBody(fields))
        : postForm(QStringLiteral("/oauth/token"), fields);
    QCOMPARE(answer.status, status);
    // Qlik's Errors shape (the OAuth API: status as a string), without RFC 6749's top-level fields.
    const QJsonObject item = answer.firstError();
    QCOMPARE(item.value(u"code").toString(), error);
    QVERIFY(!item.value(u"title").toString().isEmpty());
    QVERIFY(!item.value(u"detail").toString().isEmpty());
    QCOMPARE(item.value(u"status").toString(), QString::number(status));
    QVERIFY(!answer.json().contains(u"error"));
    QVERIFY(!answer.json().contains(u"error_description"));
    QVERIFY(!answer.json().contains(u"access_token"));
    QVERIFY(!answer.body.contains(verifier.toLatin1()));
    QVERIFY(!answer.body.contains(code.toLatin1()));

    // A code survives no failed attempt: even the right verifier cannot redeem it afterwards.
    if (kind == u"verifier" || kind == u"redirect" || kind == u"client") {
        const Answer retry = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
        QCOMPARE(retry.status, 401);
        QCOMPARE(retry.firstError().value(u"code").toString(), QStringLiteral("invalid_grant"));
    }
}

void TestSimulatorOAuth::replayedCodeRevokesItsToken()
{
    const QString verifier = newVerifier();
    const QString code = codeFor(DemoTenant::adminEmail(), QStringLiteral("admin_classic"), verifier);
    const Answer first = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
    QCOMPARE(first.status, 200);
    const QByteArray accessToken = first.json().value(u"access_token").toString().toLatin1();
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), accessToken).status, 200);

    const Answer replay = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
    QCOMPARE(replay.status, 401);
    QCOMPARE(replay.firstError().value(u"code").toString(), QStringLiteral("invalid_grant"));
    // RFC 6749 §4.1.2: a replayed code may be stolen, so what it issued no longer works.
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), accessToken).status, 401);
}

void TestSimulatorOAuth::refreshTokenOnlyWithOfflineAccess()
{
    m_sim->tenant().oauthClients[0].allowedScopes.append(QStringLiteral("offline_access"));
    const QString verifier = newVerifier();
    const QString code =
        codeFor(DemoTenant::integrationUserEmail(), QStringLiteral("user_default offline_access"), verifier);
    const Answer token = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
    QCOMPARE(token.status, 200);
    const QString refreshToken = token.json().value(u"refresh_token").toString();
    QVERIFY(refreshToken.size() >= 32);
    QVERIFY(refreshToken != token.json().value(u"access_token").toString());

    const QList<QPair<QString, QString>> refresh {{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                                                  {QStringLiteral("refresh_token"), refreshToken},
                                                  {QStringLiteral("client_id"), DemoTenant::nativeClientId()}};
    const Answer renewed = postForm(QStringLiteral("/oauth/token"), refresh);
    QCOMPARE(renewed.status, 200);
    const QByteArray newAccess = renewed.json().value(u"access_token").toString().toLatin1();
    QCOMPARE(get(QStringLiteral("/api/v1/users/me"), newAccess).status, 301);
    QCOMPARE(renewed.json().value(u"scope").toString(), QStringLiteral("user_default offline_access"));
    QVERIFY(renewed.json().value(u"refresh_token").toString() != refreshToken);
    // Refresh tokens rotate: the old one is used up.
    const Answer reused = postForm(QStringLiteral("/oauth/token"), refresh);
    QCOMPARE(reused.status, 401);
    QCOMPARE(reused.firstError().value(u"code").toString(), QStringLiteral("invalid_grant"));
}

void TestSimulatorOAuth::clientCredentials_data()
{
    QTest::addColumn<QString>("transport"); // form | json | basic
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("scope");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("result"); // granted scope, or the error
    const QString id = DemoTenant::m2mClientId();
    const QString secret = DemoTenant::m2mClientSecret();
    QTest::newRow("form") << QStringLiteral("form") << id << secret << QString() << 200
                          << QStringLiteral("admin_classic");
    QTest::newRow("json") << QStringLiteral("json") << id << secret << QString() << 200
                          << QStringLiteral("admin_classic");
    QTest::newRow("basic") << QStringLiteral("basic") << id << secret << QString() << 200
                           << QStringLiteral("admin_classic");
    QTest::newRow("requested subset") << QStringLiteral("form") << id << secret << QStringLiteral("user_default") << 200
                                      << QStringLiteral("user_default");
    QTest::newRow("scope not allowed") << QStringLiteral("form") << id << secret << QStringLiteral("apps:read") << 400
                                       << QStringLiteral("invalid_scope");
    QTest::newRow("wrong secret") << QStringLiteral("form") << id << QStringLiteral("practice-m2m-secreT") << QString()
                                  << 401 << QStringLiteral("invalid_client");
    QTest::newRow("wrong secret basic") << QStringLiteral("basic") << id << QStringLiteral("nope") << QString() << 401
                                        << QStringLiteral("invalid_client");
    QTest::newRow("no secret") << QStringLiteral("form") << id << QString() << QString() << 401
                               << QStringLiteral("invalid_client");
    QTest::newRow("unknown client") << QStringLiteral("form") << QStringLiteral("nobody") << secret << QString() << 401
                                    << QStringLiteral("invalid_client");
    QTest::newRow("native client has no secret") << QStringLiteral("form") << DemoTenant::nativeClientId() << QString()
                                                 << QString() << 401 << QStringLiteral("invalid_client");
    QTest::newRow("grant not allowed") << QStringLiteral("form") << QStringLiteral("web-without-m2m") << secret
                                       << QString() << 400 << QStringLiteral("unauthorized_client");
}

void TestSimulatorOAuth::clientCredentials()
{
    QFETCH(QString, transport);
    QFETCH(QString, clientId);
    QFETCH(QString, secret);
    QFETCH(QString, scope);
    QFETCH(int, status);
    QFETCH(QString, result);
    SimOAuthClient webOnly = m_sim->tenant().oauthClients.at(1);
    webOnly.clientId = QStringLiteral("web-without-m2m");
    webOnly.allowedGrantTypes = {QStringLiteral("authorization_code")};
    m_sim->tenant().oauthClients.append(webOnly);

    QList<QPair<QString, QString>> fields {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}};
    if (!scope.isEmpty())
        fields.append({QStringLiteral("scope"), scope});
    Answer answer;
    if (transport == u"basic") {
        answer = postForm(QStringLiteral("/oauth/token"), fields, Credential {{}, (clientId + u':' + secret).toUtf8()});
    } else {
        fields.append({QStringLiteral("client_id"), clientId});
        fields.append({QStringLiteral("client_secret"), secret});
        if (transport == u"json") {
            QJsonObject body;
            for (const auto &field : std::as_const(fields))
                body.insert(field.first, field.second);
            answer = send("POST", url(QStringLiteral("/oauth/token")), {}, "application/json", jsonBody(body));
        } else {
            answer = postForm(QStringLiteral("/oauth/token"), fields);
        }
    }
    QCOMPARE(answer.status, status);
    QVERIFY(!answer.body.contains(DemoTenant::m2mClientSecret().toUtf8()));
    if (status == 200) {
        QCOMPARE(answer.json().value(u"scope").toString(), result);
        QCOMPARE(answer.json().value(u"token_type").toString(), QStringLiteral("bearer"));
        QVERIFY(!answer.json().contains(u"refresh_token"));
    } else {
        QCOMPARE(answer.firstError().value(u"code").toString(), result);
    }
}

void TestSimulatorOAuth::clientCredentialsTokenActsAsTheBot()
{
    const Answer token = postForm(QStringLiteral("/oauth/token"),
                                  {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                   {QStringLiteral("client_id"), DemoTenant::m2mClientId()},
                                   {QStringLiteral("client_secret"), DemoTenant::m2mClientSecret()}});
    QCOMPARE(token.status, 200);
    const QByteArray bot = token.json().value(u"access_token").toString().toLatin1();
    const Answer me = get(QStringLiteral("/api/v1/users/me"), bot);
    QCOMPARE(me.status, 301);
    const Answer user = send("GET", m_sim->baseUrl().resolved(QUrl::fromEncoded(me.header("location"))), {bot, {}});
    QCOMPARE(user.status, 200);
    QCOMPARE(user.json().value(u"subject").toString(), QStringLiteral("qlikbot\\") + DemoTenant::m2mClientId());
    QCOMPARE(user.json().value(u"clientId").toString(), DemoTenant::m2mClientId());
    QCOMPARE(roleNamesOf(user.json()), QStringList {QStringLiteral("TenantAdmin")});
    // admin_classic on a TenantAdmin: the admin part of the flow works.
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), bot).status, 200);
    const Answer created = sendJson("POST", QStringLiteral("/api/v1/roles"), bot,
                                    QJsonObject {{QStringLiteral("name"), QStringLiteral("Made by the bot")}});
    QCOMPARE(created.status, 201);
}

void TestSimulatorOAuth::bearerScopeRules_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<int>("listRoles");
    QTest::addColumn<int>("createRole");
    QTest::addColumn<int>("patchUser");
    QTest::addColumn<int>("createKey");
    QTest::addColumn<int>("usersListed"); // entries in GET /api/v1/users; -1: everyone
    const QStringList admin {QStringLiteral("admin_classic")};
    const QStringList user {QStringLiteral("user_default")};
    const QStringList both = admin + user;
    QTest::newRow("admin, admin_classic") << QStringLiteral("Alex Admin") << admin << 200 << 201 << 204 << 403 << -1;
    QTest::newRow("admin, user_default") << QStringLiteral("Alex Admin") << user << 403 << 403 << 403 << 403 << 1;
    QTest::newRow("group admin, admin_classic")
        << QStringLiteral("Grace Group-Admin") << admin << 200 << 201 << 204 << 403 << -1;
    QTest::newRow("non-admin, admin_classic")
        << QStringLiteral("Carol Consumer") << admin << 403 << 403 << 403 << 403 << 1;
    QTest::newRow("integration user, user_default")
        << QStringLiteral("Dawiso Integration") << user << 403 << 403 << 403 << 201 << 1;
    QTest::newRow("integration user, admin_classic only")
        << QStringLiteral("Dawiso Integration") << admin << 403 << 403 << 403 << 403 << 1;
    QTest::newRow("integration user, both")
        << QStringLiteral("Dawiso Integration") << both << 403 << 403 << 403 << 201 << 1;
}

void TestSimulatorOAuth::bearerScopeRules()
{
    QFETCH(QString, user);
    QFETCH(QStringList, scopes);
    QFETCH(int, listRoles);
    QFETCH(int, createRole);
    QFETCH(int, patchUser);
    QFETCH(int, createKey);
    QFETCH(int, usersListed);
    const QByteArray token = m_sim->issueOAuthToken(userId(user), scopes);
    QVERIFY(!token.isEmpty());
    QCOMPARE(get(QStringLiteral("/api/v1/users/me"), token).status, 301);
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), token).status, listRoles);
    QCOMPARE(sendJson("POST", QStringLiteral("/api/v1/roles"), token,
                      QJsonObject {{QStringLiteral("name"), QStringLiteral("Scope test role")}})
                 .status,
             createRole);
    const QJsonArray assign {QJsonObject {
        {QStringLiteral("op"), QStringLiteral("replace")},
        {QStringLiteral("path"), QStringLiteral("/assignedRoles")},
        {QStringLiteral("value"), QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Steward")}}}}}};
    QCOMPARE(sendJson("PATCH", QStringLiteral("/api/v1/users/") + userId(QStringLiteral("Riley Reader")), token, assign)
                 .status,
             patchUser);
    const Answer key = sendJson("POST", QStringLiteral("/api/v1/api-keys"), token,
                                QJsonObject {{QStringLiteral("description"), QStringLiteral("scope test")}});
    QCOMPARE(key.status, createKey);
    if (createKey == 403)
        QCOMPARE(key.firstError().value(u"status").toInt(), 403);
    const Answer users = get(QStringLiteral("/api/v1/users"), token, QUrlQuery(QStringLiteral("limit=100")));
    QCOMPARE(users.status, 200);
    QCOMPARE(users.json().value(u"data").toArray().size(),
             usersListed < 0 ? m_sim->tenant().users.size() : qsizetype(usersListed));
}

void TestSimulatorOAuth::oauthTokenExpiresAndRevokes()
{
    const QByteArray token = accessTokenFor(DemoTenant::adminEmail(), QStringLiteral("admin_classic"));
    QVERIFY(!token.isEmpty());
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), token).status, 200);
    // Well inside the 6 hours even on a slow machine, then past them.
    m_sim->advanceOAuthClock(21000);
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), token).status, 200);
    m_sim->advanceOAuthClock(601);
    const Answer expired = get(QStringLiteral("/api/v1/roles"), token);
    QCOMPARE(expired.status, 401);
    QCOMPARE(expired.firstError().value(u"code").toString(), QStringLiteral("LOGIN-1"));
    QVERIFY(expired.firstError().value(u"detail").toString().contains(u"expired"));

    const QByteArray other =
        m_sim->issueOAuthToken(m_sim->sampleUserId(SampleKey::TenantAdmin), {QStringLiteral("admin_classic")});
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), other).status, 200);
    const Answer revoked = postForm(QStringLiteral("/oauth/revoke"),
                                    {{QStringLiteral("token"), QString::fromLatin1(other)},
                                     {QStringLiteral("token_type_hint"), QStringLiteral("access_token")}});
    QCOMPARE(revoked.status, 200);
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), other).status, 401);
    // Unknown tokens: no error (RFC 7009 §2.2), no effect.
    QCOMPARE(postForm(QStringLiteral("/oauth/revoke"), {{QStringLiteral("token"), QStringLiteral("whatever")}}).status,
             200);
    QCOMPARE(postForm(QStringLiteral("/oauth/revoke"), {}).status, 400);
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), QByteArrayLiteral("not-a-token-at-all")).status, 401);

    // A user disabled after signing in is refused like an API key's user.
    const QByteArray carol =
        m_sim->issueOAuthToken(userId(QStringLiteral("Carol Consumer")), {QStringLiteral("user_default")});
    m_sim->tenant().user(userId(QStringLiteral("Carol Consumer")))->status = QStringLiteral("disabled");
    QCOMPARE(get(QStringLiteral("/api/v1/users/me"), carol).status, 403);
}

void TestSimulatorOAuth::oauthRecordingHoldsNoSecrets()
{
    const QString password = QStringLiteral("pw-") + newVerifier().left(20);
    m_sim->tenant().user(m_sim->sampleUserId(SampleKey::TenantAdmin))->password = password;
    const QString verifier = newVerifier();
    const Answer login = signIn(authorizeQuery(verifier, QStringLiteral("s"), QStringLiteral("admin_classic")),
                                DemoTenant::adminEmail(), password);
    QCOMPARE(login.status, 302);
    const QString code = login.locationQuery().queryItemValue(QStringLiteral("code"));
    const Answer token = postForm(QStringLiteral("/oauth/token"), codeRedemption(code, verifier));
    QCOMPARE(token.status, 200);
    const QByteArray accessToken = token.json().value(u"access_token").toString().toLatin1();
    const Answer m2m =
        postForm(QStringLiteral("/oauth/token"), {{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}},
                 Credential {{}, (DemoTenant::m2mClientId() + u':' + DemoTenant::m2mClientSecret()).toUtf8()});
    QCOMPARE(m2m.status, 200);
    QCOMPARE(get(QStringLiteral("/api/v1/users/me"), accessToken).status, 301);
    // A client that wrongly puts secrets into the URL is visible in the record, without the secrets.
    QUrlQuery leaky;
    leaky.addQueryItem(QStringLiteral("code_verifier"), verifier);
    leaky.addQueryItem(QStringLiteral("client_secret"), DemoTenant::m2mClientSecret());
    leaky.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    send("POST", url(QStringLiteral("/oauth/token"), leaky), {}, "application/x-www-form-urlencoded", "x=1");

    const QList<RecordedRequest> requests = m_sim->requests();
    QStringList paths;
    for (const RecordedRequest &request : requests)
        paths.append(QString::fromLatin1(request.method) + u' ' + request.path);
    QCOMPARE(paths,
             QStringList({QStringLiteral("GET /oauth/authorize"), QStringLiteral("GET /oauth/authorize/login"),
                          QStringLiteral("POST /oauth/authorize/login"), QStringLiteral("POST /oauth/token"),
                          QStringLiteral("POST /oauth/token"), QStringLiteral("GET /api/v1/users/me"),
                          QStringLiteral("POST /oauth/token")}));
    // The sign-in page's address carries its transaction, which stands for the pending sign-in.
    QCOMPARE(requests.at(1).query, QStringLiteral("transaction=redacted"));
    QVERIFY(requests.at(4).hadAuthorization);
    QCOMPARE(requests.at(6).query,
             QStringLiteral("code_verifier=redacted&client_secret=redacted&grant_type=client_credentials"));
    const QList<QByteArray> secrets {code.toLatin1(),
                                     verifier.toLatin1(),
                                     accessToken,
                                     m2m.json().value(u"access_token").toString().toLatin1(),
                                     DemoTenant::m2mClientSecret().toLatin1(),
                                     password.toLatin1()};
    for (const RecordedRequest &request : requests) {
        const QByteArray recorded = request.method + request.path.toUtf8() + request.query.toUtf8();
        for (const QByteArray &secret : secrets)
            QVERIFY(!recorded.contains(secret));
    }
}

void TestSimulatorOAuth::methodsPerEndpoint()
{
    const Answer getToken = send("GET", url(QStringLiteral("/oauth/token")));
    QCOMPARE(getToken.status, 405);
    QCOMPARE(getToken.header("allow"), QByteArray("POST"));
    QCOMPARE(
        send("POST", url(QStringLiteral("/oauth/authorize")), {}, "application/x-www-form-urlencoded", "a=b").status,
        405);
    const Answer putLogin = send("PUT", url(QStringLiteral("/oauth/authorize/login")), {}, "text/plain", "x");
    QCOMPARE(putLogin.status, 405);
    QCOMPARE(putLogin.header("allow"), QByteArray("GET, POST"));
    QCOMPARE(send("GET", url(QStringLiteral("/oauth/nothing"))).status, 404);

    const Answer deleteRoles = send("DELETE", url(QStringLiteral("/api/v1/roles")), {adminToken(), {}});
    QCOMPARE(deleteRoles.status, 405);
    QCOMPARE(deleteRoles.header("allow"), QByteArray("GET, POST"));
    QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/api-keys/x")), {adminToken(), {}}).status, 404);
    QCOMPARE(send("POST", url(QStringLiteral("/api/v1/users")), {adminToken(), {}}, "application/json", "{}").status,
             405);
    const Answer patchKey =
        send("PATCH", url(QStringLiteral("/api/v1/api-keys/x")), {adminToken(), {}}, "application/json", "[]");
    QCOMPARE(patchKey.status, 405);
    QCOMPARE(patchKey.header("allow"), QByteArray("GET, DELETE"));
}

void TestSimulatorOAuth::roleCreate()
{
    const Answer created =
        sendJson("POST", QStringLiteral("/api/v1/roles"), adminToken(),
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Catalog Keys")},
                              {QStringLiteral("description"), QStringLiteral("For Dawiso")},
                              {QStringLiteral("assignedScopes"), QJsonArray {QStringLiteral("api-keys")}}});
    QCOMPARE(created.status, 201);
    const QJsonObject role = created.json();
    QVERIFY(role.value(u"id").toString().size() == 24);
    QCOMPARE(role.value(u"name").toString(), QStringLiteral("Catalog Keys"));
    QCOMPARE(role.value(u"description").toString(), QStringLiteral("For Dawiso"));
    QCOMPARE(role.value(u"type").toString(), QStringLiteral("custom"));
    QCOMPARE(role.value(u"level").toString(), QStringLiteral("user"));
    QCOMPARE(role.value(u"canEdit").toBool(), true);
    QCOMPARE(role.value(u"canDelete").toBool(), true);
    QCOMPARE(role.value(u"userEntitlementType").toString(), QString());
    QCOMPARE(role.value(u"assignedScopes").toArray(), QJsonArray {QStringLiteral("api-keys")});
    QCOMPARE(role.value(u"tenantId").toString(), m_sim->tenant().id);

    // Found by name, case-insensitively, and readable by id.
    QUrlQuery filter;
    filter.addQueryItem(QStringLiteral("filter"), QStringLiteral("name eq \"catalog keys\""));
    const Answer found = get(QStringLiteral("/api/v1/roles"), adminToken(), filter);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.json().value(u"data").toArray().size(), 1);
    QCOMPARE(found.json().value(u"data").toArray().at(0).toObject().value(u"id"), role.value(u"id"));
    QCOMPARE(get(QStringLiteral("/api/v1/roles/") + role.value(u"id").toString(), adminToken()).status, 200);

    // Without scopes or description it is still a valid custom role.
    const Answer bare = sendJson("POST", QStringLiteral("/api/v1/roles"), adminToken(),
                                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Bare")}});
    QCOMPARE(bare.status, 201);
    QCOMPARE(bare.json().value(u"assignedScopes").toArray(), QJsonArray());
}

void TestSimulatorOAuth::roleCreateRefusals_data()
{
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("detail"); // part of the error's detail
    const QByteArray json("application/json");
    QTest::newRow("duplicate, other case")
        << QStringLiteral("admin") << json << QByteArray(R"({"name":"dawiso INTEGRATION"})") << 400
        << QStringLiteral("already exists");
    QTest::newRow("duplicate default role")
        << QStringLiteral("admin") << json << QByteArray(R"({"name":"TenantAdmin"})") << 400
        << QStringLiteral("already exists");
    QTest::newRow("not a tenant admin") << QStringLiteral("healthy") << json << QByteArray(R"({"name":"Mine"})") << 403
                                        << QStringLiteral("TenantAdmin");
    QTest::newRow("no name") << QStringLiteral("admin") << json << QByteArray(R"({"description":"x"})") << 400
                             << QStringLiteral("name");
    QTest::newRow("blank name") << QStringLiteral("admin") << json << QByteArray(R"({"name":"  "})") << 400
                                << QStringLiteral("name");
    QTest::newRow("scopes not an array") << QStringLiteral("admin") << json
                                         << QByteArray(R"({"name":"X","assignedScopes":"api-keys"})") << 400
                                         << QStringLiteral("assignedScopes");
    QTest::newRow("not JSON") << QStringLiteral("admin") << json << QByteArray("{name") << 400
                              << QStringLiteral("not valid JSON");
    QTest::newRow("form instead of JSON") << QStringLiteral("admin") << QByteArray("application/x-www-form-urlencoded")
                                          << QByteArray("name=X") << 400 << QStringLiteral("application/json");
}

void TestSimulatorOAuth::roleCreateRefusals()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, detail);
    const qsizetype roles = m_sim->tenant().roles.size();
    const QByteArray token = who == u"admin" ? adminToken() : m_sim->sampleToken(SampleKey::Healthy);
    const Answer answer = send("POST", url(QStringLiteral("/api/v1/roles")), {token, {}}, contentType, body);
    QCOMPARE(answer.status, status);
    QVERIFY2(answer.firstError().value(u"detail").toString().contains(detail),
             qPrintable(answer.firstError().value(u"detail").toString()));
    QVERIFY(!answer.firstError().value(u"code").toString().isEmpty());
    QVERIFY(!answer.firstError().contains(u"status")); // the roles service's error items carry no status
    QCOMPARE(m_sim->tenant().roles.size(), roles);
}

void TestSimulatorOAuth::roleFilterWithEscapedQuotes()
{
    const QString name = QStringLiteral("Dawiso \"Quoted\" \\ Role");
    QCOMPARE(
        sendJson("POST", QStringLiteral("/api/v1/roles"), adminToken(), QJsonObject {{QStringLiteral("name"), name}})
            .status,
        201);
    QUrlQuery filter;
    filter.addQueryItem(
        QStringLiteral("filter"),
        QString::fromLatin1(QUrl::toPercentEncoding(QStringLiteral("name eq \"dawiso \\\"quoted\\\" \\\\ role\""))));
    const Answer found = get(QStringLiteral("/api/v1/roles"), adminToken(), filter);
    QCOMPARE(found.status, 200);
    QCOMPARE(namesOf(found.json().value(u"data").toArray()), QStringList {name});
}

void TestSimulatorOAuth::rolePatch_data()
{
    QTest::addColumn<QString>("role");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<QStringList>("scopes");
    QTest::addColumn<QString>("description");
    QTest::newRow("add scope") << QStringLiteral("Report Publisher")
                               << QByteArray(R"([{"op":"add","path":"/assignedScopes/-","value":"api-keys"}])")
                               << QStringList {QStringLiteral("apps.image:export"), QStringLiteral("api-keys")}
                               << QString();
    QTest::newRow("add a scope it has") << QStringLiteral("Dawiso Integration")
                                        << QByteArray(R"([{"op":"add","path":"/assignedScopes/-","value":"api-keys"}])")
                                        << QStringList {QStringLiteral("api-keys")} << QString();
    QTest::newRow("replace scopes") << QStringLiteral("Report Publisher")
                                    << QByteArray(R"([{"op":"replace","path":"/assignedScopes","value":["a","b"]}])")
                                    << QStringList {QStringLiteral("a"), QStringLiteral("b")} << QString();
    QTest::newRow("remove-value scope")
        << QStringLiteral("Report Publisher")
        << QByteArray(R"([{"op":"remove-value","path":"/assignedScopes","value":"apps.image:export"}])")
        << QStringList {} << QString();
    QTest::newRow("description and scopes together")
        << QStringLiteral("Report Publisher")
        << QByteArray(R"([{"op":"replace","path":"/description","value":"New text"},)"
                      R"({"op":"add","path":"/assignedScopes/-","value":["x","y"]}])")
        << QStringList {QStringLiteral("apps.image:export"), QStringLiteral("x"), QStringLiteral("y")}
        << QStringLiteral("New text");
    QTest::newRow("UserDefault") << QStringLiteral("UserDefault")
                                 << QByteArray(R"([{"op":"add","path":"/assignedScopes/-","value":"api-keys"}])")
                                 << QStringList {QStringLiteral("user_default"), QStringLiteral("api-keys")}
                                 << QString();
}

void TestSimulatorOAuth::rolePatch()
{
    QFETCH(QString, role);
    QFETCH(QByteArray, patch);
    QFETCH(QStringList, scopes);
    QFETCH(QString, description);
    const QString roleId = m_sim->tenant().roleByName(role)->id;
    const Answer answer =
        send("PATCH", url(QStringLiteral("/api/v1/roles/") + roleId), {adminToken(), {}}, "application/json", patch);
    QCOMPARE(answer.status, 204);
    QVERIFY(answer.body.isEmpty());
    const QJsonObject after = get(QStringLiteral("/api/v1/roles/") + roleId, adminToken()).json();
    QStringList actual;
    const QJsonArray assigned = after.value(u"assignedScopes").toArray();
    for (const QJsonValue &scope : assigned)
        actual.append(scope.toString());
    QCOMPARE(actual, scopes);
    if (!description.isEmpty())
        QCOMPARE(after.value(u"description").toString(), description);
    if (role == u"UserDefault") {
        // UserDefault's scopes are everyone's: Carol, without any role, now holds api-keys.
        const QJsonObject carol = userJson(userId(QStringLiteral("Carol Consumer")));
        QVERIFY(carol.value(u"assignedScopes").toArray().contains(QStringLiteral("api-keys")));
    }
}

void TestSimulatorOAuth::rolePatchRefusals_data()
{
    QTest::addColumn<QString>("role"); // a name, or an id when it starts with '#'
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("status");
    const QByteArray addScope(R"([{"op":"add","path":"/assignedScopes/-","value":"api-keys"}])");
    QTest::newRow("default role") << QStringLiteral("TenantAdmin") << QStringLiteral("admin") << addScope << 403;
    QTest::newRow("default role Steward") << QStringLiteral("Steward") << QStringLiteral("admin") << addScope << 403;
    QTest::newRow("unknown role") << QStringLiteral("#000000000000000000000000") << QStringLiteral("admin") << addScope
                                  << 404;
    QTest::newRow("not a tenant admin") << QStringLiteral("Report Publisher") << QStringLiteral("healthy") << addScope
                                        << 403;
    QTest::newRow("unknown path") << QStringLiteral("Report Publisher") << QStringLiteral("admin")
                                  << QByteArray(R"([{"op":"replace","path":"/type","value":"default"}])") << 400;
    QTest::newRow("add to whole list") << QStringLiteral("Report Publisher") << QStringLiteral("admin")
                                       << QByteArray(R"([{"op":"add","path":"/assignedScopes","value":"x"}])") << 400;
    QTest::newRow("replace with a string")
        << QStringLiteral("Report Publisher") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"replace","path":"/assignedScopes","value":"x"}])") << 400;
    QTest::newRow("valid then invalid: nothing applied")
        << QStringLiteral("Report Publisher") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"add","path":"/assignedScopes/-","value":"api-keys"},)"
                      R"({"op":"replace","path":"/name","value":"TenantAdmin"}])")
        << 400;
    QTest::newRow("rename UserDefault") << QStringLiteral("UserDefault") << QStringLiteral("admin")
                                        << QByteArray(R"([{"op":"replace","path":"/name","value":"Everyone"}])") << 400;
    QTest::newRow("not an array") << QStringLiteral("Report Publisher") << QStringLiteral("admin")
                                  << QByteArray(R"({"op":"add"})") << 400;
    QTest::newRow("empty array") << QStringLiteral("Report Publisher") << QStringLiteral("admin") << QByteArray("[]")
                                 << 400;
}

void TestSimulatorOAuth::rolePatchRefusals()
{
    QFETCH(QString, role);
    QFETCH(QString, who);
    QFETCH(QByteArray, patch);
    QFETCH(int, status);
    const QString roleId = role.startsWith(u'#') ? role.mid(1) : m_sim->tenant().roleByName(role)->id;
    const QList<SimRole> before = m_sim->tenant().roles;
    const QByteArray token = who == u"admin" ? adminToken() : m_sim->sampleToken(SampleKey::Healthy);
    const Answer answer =
        send("PATCH", url(QStringLiteral("/api/v1/roles/") + roleId), {token, {}}, "application/json", patch);
    QCOMPARE(answer.status, status);
    QVERIFY(!answer.firstError().value(u"code").toString().isEmpty());
    QCOMPARE(m_sim->tenant().roles.size(), before.size());
    for (qsizetype i = 0; i < before.size(); ++i) {
        QCOMPARE(m_sim->tenant().roles.at(i).name, before.at(i).name);
        QCOMPARE(m_sim->tenant().roles.at(i).assignedScopes, before.at(i).assignedScopes);
    }
}

void TestSimulatorOAuth::roleRenameFollowsAssignments()
{
    const QString roleId = m_sim->tenant().roleByName(QStringLiteral("Dawiso Integration"))->id;
    const Answer renamed = send("PATCH", url(QStringLiteral("/api/v1/roles/") + roleId), {adminToken(), {}},
                                "application/json", R"([{"op":"replace","path":"/name","value":"Dawiso Catalog"}])");
    QCOMPARE(renamed.status, 204);
    const QJsonObject user = userJson(m_sim->sampleUserId(SampleKey::Healthy));
    QCOMPARE(roleNamesOf(user), QStringList {QStringLiteral("Dawiso Catalog")});
    QVERIFY(user.value(u"assignedScopes").toArray().contains(QStringLiteral("api-keys")));
    // Renaming to its own name in another case is no clash with itself.
    QCOMPARE(send("PATCH", url(QStringLiteral("/api/v1/roles/") + roleId), {adminToken(), {}}, "application/json",
                  R"([{"op":"replace","path":"/name","value":"DAWISO CATALOG"}])")
                 .status,
             204);
}

void TestSimulatorOAuth::userPatch_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("patch"); // %STEWARD% and %INTEGRATION% stand for role ids
    QTest::addColumn<QStringList>("roles");
    QTest::newRow("add by name")
        << QStringLiteral("Riley Reader")
        << QStringLiteral(R"([{"op":"add","path":"/assignedRoles/-","value":{"name":"Dawiso Integration"}}])")
        << QStringList {QStringLiteral("Dawiso Integration")};
    QTest::newRow("add by id") << QStringLiteral(
        "Riley Reader") << QStringLiteral(R"([{"op":"add","path":"/assignedRoles/-","value":{"id":"%INTEGRATION%"}}])")
                               << QStringList {QStringLiteral("Dawiso Integration")};
    QTest::newRow("add one it has") << QStringLiteral(
        "Bob Analyst") << QStringLiteral(R"([{"op":"add","path":"/assignedRoles/-","value":{"name":"Steward"}}])")
                                    << QStringList {QStringLiteral("Steward")};
    QTest::newRow("add fullUser role")
        << QStringLiteral("Riley Reader")
        << QStringLiteral(R"([{"op":"add","path":"/assignedRoles/-","value":{"name":"Report Publisher"}}])")
        << QStringList {QStringLiteral("Report Publisher")};
    QTest::newRow("replace keeping one")
        << QStringLiteral("Bob Analyst")
        << QStringLiteral(
               R"([{"op":"replace","path":"/assignedRoles","value":[{"id":"%STEWARD%"},{"name":"Dawiso Integration"}]}])")
        << QStringList {QStringLiteral("Steward"), QStringLiteral("Dawiso Integration")};
    QTest::newRow("replace with none") << QStringLiteral("Bob Analyst")
                                       << QStringLiteral(R"([{"op":"replace","path":"/assignedRoles","value":[]}])")
                                       << QStringList {};
    QTest::newRow("remove-value a list")
        << QStringLiteral("Bob Analyst")
        << QStringLiteral(R"([{"op":"remove-value","path":"/assignedRoles","value":[{"id":"%STEWARD%"}]}])")
        << QStringList {};
    QTest::newRow("remove-value by id")
        << QStringLiteral("Bob Analyst")
        << QStringLiteral(R"([{"op":"remove-value","path":"/assignedRoles","value":{"id":"%STEWARD%"}}])")
        << QStringList {};
    QTest::newRow("remove-value by name")
        << QStringLiteral("Dawiso Integration")
        << QStringLiteral(R"([{"op":"remove-value","path":"/assignedRoles","value":{"name":"Dawiso Integration"}}])")
        << QStringList {};
    QTest::newRow("remove-value one it lacks")
        << QStringLiteral("Riley Reader")
        << QStringLiteral(R"([{"op":"remove-value","path":"/assignedRoles","value":{"name":"Steward"}}])")
        << QStringList {};
    QTest::newRow("several operations")
        << QStringLiteral("Riley Reader")
        << QStringLiteral(R"([{"op":"add","path":"/assignedRoles/-","value":{"name":"Steward"}},)"
                          R"({"op":"add","path":"/assignedRoles/-","value":{"name":"Dawiso Integration"}},)"
                          R"({"op":"remove-value","path":"/assignedRoles","value":{"name":"Steward"}}])")
        << QStringList {QStringLiteral("Dawiso Integration")};
    QTest::newRow("make an admin") << QStringLiteral(
        "Riley Reader") << QStringLiteral(R"([{"op":"add","path":"/assignedRoles/-","value":{"name":"TenantAdmin"}}])")
                                   << QStringList {QStringLiteral("TenantAdmin")};
}

void TestSimulatorOAuth::userPatch()
{
    QFETCH(QString, user);
    QFETCH(QString, patch);
    QFETCH(QStringList, roles);
    patch.replace(QStringLiteral("%STEWARD%"), m_sim->tenant().roleByName(QStringLiteral("Steward"))->id);
    patch.replace(QStringLiteral("%INTEGRATION%"),
                  m_sim->tenant().roleByName(QStringLiteral("Dawiso Integration"))->id);
    const QString id = userId(user);
    // Adding one role, or removing a single reference, is what the spec's example shows but its schema does not
    // allow: only the named variation takes it, and the strict default refuses it.
    const bool outsideSchema = patch.contains(u"/assignedRoles/-") || patch.contains(u"\"value\":{");
    if (outsideSchema) {
        QCOMPARE(send("PATCH", url(QStringLiteral("/api/v1/users/") + id), {adminToken(), {}}, "application/json",
                      patch.toUtf8())
                     .status,
                 400);
        m_sim->setUserPatchAppendRole(true);
    }
    const Answer answer = send("PATCH", url(QStringLiteral("/api/v1/users/") + id), {adminToken(), {}},
                               "application/json", patch.toUtf8());
    QCOMPARE(answer.status, 204);
    QVERIFY(answer.body.isEmpty());
    QCOMPARE(roleNamesOf(userJson(id)), roles);
}

void TestSimulatorOAuth::userPatchRefusals_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("who");
    QTest::addColumn<QByteArray>("patch");
    QTest::addColumn<int>("status");
    const QByteArray add(R"([{"op":"replace","path":"/assignedRoles","value":[{"name":"Dawiso Integration"}]}])");
    QTest::newRow("add is not in the schema")
        << QStringLiteral("Riley Reader") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"add","path":"/assignedRoles/-","value":{"name":"Dawiso Integration"}}])") << 400;
    QTest::newRow("remove-value of one reference is not in the schema")
        << QStringLiteral("Riley Reader") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"remove-value","path":"/assignedRoles","value":{"name":"Steward"}}])") << 400;
    QTest::newRow("unknown role name")
        << QStringLiteral("Riley Reader") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"replace","path":"/assignedRoles","value":[{"name":"No Such Role"}]}])") << 400;
    QTest::newRow("unknown role id")
        << QStringLiteral("Riley Reader") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"replace","path":"/assignedRoles","value":[{"id":"000000000000000000000000"}]}])")
        << 400;
    QTest::newRow("role name differs in case")
        << QStringLiteral("Riley Reader") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"replace","path":"/assignedRoles","value":[{"name":"steward"}]}])") << 400;
    QTest::newRow("valid then unknown: nothing applied")
        << QStringLiteral("Riley Reader") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"replace","path":"/assignedRoles","value":[{"name":"Steward"}]},)"
                      R"({"op":"replace","path":"/assignedRoles","value":[{"name":"Nope"}]}])")
        << 400;
    QTest::newRow("replace with an object")
        << QStringLiteral("Riley Reader") << QStringLiteral("admin")
        << QByteArray(R"([{"op":"replace","path":"/assignedRoles","value":{"name":"Steward"}}])") << 400;
    QTest::newRow("unsupported path") << QStringLiteral("Riley Reader") << QStringLiteral("admin")
                                      << QByteArray(R"([{"op":"replace","path":"/email","value":"x@example.com"}])")
                                      << 400;
    QTest::newRow("not a tenant admin") << QStringLiteral("Riley Reader") << QStringLiteral("healthy") << add << 403;
    QTest::newRow("unknown user") << QStringLiteral("#000000000000000000000000") << QStringLiteral("admin") << add
                                  << 404;
}

void TestSimulatorOAuth::userPatchRefusals()
{
    QFETCH(QString, user);
    QFETCH(QString, who);
    QFETCH(QByteArray, patch);
    QFETCH(int, status);
    const QString id = user.startsWith(u'#') ? user.mid(1) : userId(user);
    const QByteArray token = who == u"admin" ? adminToken() : m_sim->sampleToken(SampleKey::Healthy);
    const Answer answer =
        send("PATCH", url(QStringLiteral("/api/v1/users/") + id), {token, {}}, "application/json", patch);
    QCOMPARE(answer.status, status);
    QVERIFY(!answer.firstError().value(u"code").toString().isEmpty());
    QCOMPARE(answer.firstError().value(u"status").toInt(), status);
    if (status == 400) {
        QVERIFY(!answer.firstError().value(u"detail").toString().isEmpty());
        QVERIFY(roleNamesOf(userJson(id)).isEmpty());
    }
}

void TestSimulatorOAuth::userPatchAppendRoleVariation()
{
    // Off by default: the spec's patch schema has no add /assignedRoles/-.
    const QString riley = userId(QStringLiteral("Riley Reader"));
    const Answer add = sendJson(
        "PATCH", QStringLiteral("/api/v1/users/") + riley, adminToken(),
        QJsonArray {QJsonObject {
            {QStringLiteral("op"), QStringLiteral("add")},
            {QStringLiteral("path"), QStringLiteral("/assignedRoles/-")},
            {QStringLiteral("value"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Dawiso Integration")}}}}});
    QCOMPARE(add.status, 400);
    QVERIFY(add.firstError().value(u"detail").toString().contains(u"replace"));
    QVERIFY(roleNamesOf(userJson(riley)).isEmpty());

    // What the schema allows: read the user, replace with the existing roles plus the new one.
    const QString bob = userId(QStringLiteral("Bob Analyst"));
    QJsonArray roles;
    for (const QString &name : roleNamesOf(userJson(bob)))
        roles.append(QJsonObject {{QStringLiteral("name"), name}});
    roles.append(QJsonObject {{QStringLiteral("name"), QStringLiteral("Dawiso Integration")}});
    const Answer replace = sendJson("PATCH", QStringLiteral("/api/v1/users/") + bob, adminToken(),
                                    QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("replace")},
                                                             {QStringLiteral("path"), QStringLiteral("/assignedRoles")},
                                                             {QStringLiteral("value"), roles}}});
    QCOMPARE(replace.status, 204);
    QCOMPARE(roleNamesOf(userJson(bob)),
             QStringList({QStringLiteral("Steward"), QStringLiteral("Dawiso Integration")}));

    m_sim->setUserPatchAppendRole(true);
    QCOMPARE(sendJson("PATCH", QStringLiteral("/api/v1/users/") + riley, adminToken(),
                      QJsonArray {QJsonObject {{QStringLiteral("op"), QStringLiteral("add")},
                                               {QStringLiteral("path"), QStringLiteral("/assignedRoles/-")},
                                               {QStringLiteral("value"),
                                                QJsonObject {{QStringLiteral("name"), QStringLiteral("Steward")}}}}})
                 .status,
             204);
}

void TestSimulatorOAuth::tokenErrorRfcFieldsVariation()
{
    const QList<QPair<QString, QString>> fields {{QStringLiteral("grant_type"), QStringLiteral("password")}};
    QVERIFY(!postForm(QStringLiteral("/oauth/token"), fields).json().contains(u"error"));
    m_sim->setOAuthRfcErrorFields(true);
    const Answer answer = postForm(QStringLiteral("/oauth/token"), fields);
    QCOMPARE(answer.status, 400);
    QCOMPARE(answer.json().value(u"error").toString(), QStringLiteral("unsupported_grant_type"));
    QVERIFY(!answer.json().value(u"error_description").toString().isEmpty());
    QCOMPARE(answer.firstError().value(u"code").toString(), QStringLiteral("unsupported_grant_type"));
}

void TestSimulatorOAuth::userPatchPartialFault()
{
    m_sim->setUserPatchPartial(true);
    m_sim->setUserPatchAppendRole(true);
    const QString riley = userId(QStringLiteral("Riley Reader"));
    const QJsonObject addIntegration {
        {QStringLiteral("op"), QStringLiteral("add")},
        {QStringLiteral("path"), QStringLiteral("/assignedRoles/-")},
        {QStringLiteral("value"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Dawiso Integration")}}}};
    const Answer partial =
        sendJson("PATCH", QStringLiteral("/api/v1/users/") + riley, adminToken(), QJsonArray {addIntegration});
    QCOMPARE(partial.status, 207);
    const QJsonArray errors = partial.json().value(u"errors").toArray();
    QCOMPARE(errors.size(), 1);
    QVERIFY(!errors.at(0).toObject().value(u"code").toString().isEmpty());
    QVERIFY(!errors.at(0).toObject().value(u"title").toString().isEmpty());
    QVERIFY(!errors.at(0).toObject().value(u"detail").toString().isEmpty());
    QVERIFY(!partial.json().value(u"traceId").toString().isEmpty());
    QCOMPARE(roleNamesOf(userJson(riley)), QStringList {QStringLiteral("Dawiso Integration")});

    // What cannot be applied is reported per operation; the rest is applied.
    const QJsonObject addUnknown {
        {QStringLiteral("op"), QStringLiteral("add")},
        {QStringLiteral("path"), QStringLiteral("/assignedRoles/-")},
        {QStringLiteral("value"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Nope")}}}};
    const QJsonObject addSteward {
        {QStringLiteral("op"), QStringLiteral("add")},
        {QStringLiteral("path"), QStringLiteral("/assignedRoles/-")},
        {QStringLiteral("value"), QJsonObject {{QStringLiteral("name"), QStringLiteral("Steward")}}}};
    const Answer mixed =
        sendJson("PATCH", QStringLiteral("/api/v1/users/") + riley, adminToken(), QJsonArray {addUnknown, addSteward});
    QCOMPARE(mixed.status, 207);
    const QJsonArray mixedErrors = mixed.json().value(u"errors").toArray();
    QCOMPARE(mixedErrors.size(), 1);
    QCOMPARE(mixedErrors.at(0).toObject().value(u"source").toObject().value(u"pointer").toString(),
             QStringLiteral("/0"));
    QVERIFY(mixedErrors.at(0).toObject().value(u"detail").toString().contains(u"Nope"));
    QCOMPARE(roleNamesOf(userJson(riley)),
             QStringList({QStringLiteral("Dawiso Integration"), QStringLiteral("Steward")}));
}

void TestSimulatorOAuth::userSearch_data()
{
    QTest::addColumn<QString>("term"); // what a person typed into the picker
    QTest::addColumn<QString>("status");
    QTest::addColumn<QStringList>("names");
    QTest::newRow("double quote in a name")
        << QStringLiteral("\"Q\"") << QStringLiteral("active") << QStringList {QStringLiteral("Quinn \"Q\" O'Neil")};
    QTest::newRow("apostrophe") << QStringLiteral("o'neil") << QStringLiteral("active")
                                << QStringList {QStringLiteral("Quinn \"Q\" O'Neil")};
    QTest::newRow("by email, other case")
        << QStringLiteral("RILEY.READER@") << QStringLiteral("active") << QStringList {QStringLiteral("Riley Reader")};
    QTest::newRow("by name part") << QStringLiteral("read") << QStringLiteral("active")
                                  << QStringList {QStringLiteral("Riley Reader")};
    QTest::newRow("status narrows") << QStringLiteral("dan") << QStringLiteral("active") << QStringList {};
    QTest::newRow("disabled") << QStringLiteral("dan") << QStringLiteral("disabled")
                              << QStringList {QStringLiteral("Dan Disabled")};
    QTest::newRow("backslash") << QStringLiteral("\\") << QStringLiteral("active") << QStringList {};
    QTest::newRow("parenthesis and or") << QStringLiteral(") or (name co \"") << QStringLiteral("active")
                                        << QStringList {};
}

void TestSimulatorOAuth::userSearch()
{
    QFETCH(QString, term);
    QFETCH(QString, status);
    QFETCH(QStringList, names);
    QString escaped = term;
    escaped.replace(u'\\', QStringLiteral("\\\\")).replace(u'"', QStringLiteral("\\\""));
    const QString filter =
        QStringLiteral("(name co \"%1\" or email co \"%1\") and (status eq \"%2\")").arg(escaped, status);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    const QByteArray token =
        m_sim->issueOAuthToken(m_sim->sampleUserId(SampleKey::TenantAdmin), {QStringLiteral("admin_classic")});
    const Answer answer = get(QStringLiteral("/api/v1/users"), token, query);
    QCOMPARE(answer.status, 200);
    const QJsonArray data = answer.json().value(u"data").toArray();
    QCOMPARE(namesOf(data), names);
    // A TenantAdmin sees the others' roles.
    for (const QJsonValue &user : data)
        QVERIFY(user.toObject().contains(u"assignedRoles"));
}

void TestSimulatorOAuth::userSearchPages()
{
    const QString filter = QStringLiteral("(name co \"a\" or email co \"a\") and (status eq \"active\")");
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("filter"), QString::fromLatin1(QUrl::toPercentEncoding(filter)));
    query.addQueryItem(QStringLiteral("limit"), QStringLiteral("2"));
    QUrl next = url(QStringLiteral("/api/v1/users"), query);
    QStringList names;
    int pages = 0;
    while (next.isValid() && pages < 20) {
        const Answer page = send("GET", next, {adminToken(), {}});
        QCOMPARE(page.status, 200);
        const QJsonArray data = page.json().value(u"data").toArray();
        QVERIFY(data.size() <= 2);
        names += namesOf(data);
        const QString href = page.json().value(u"links").toObject().value(u"next").toObject().value(u"href").toString();
        next = href.isEmpty() ? QUrl() : QUrl(href);
        ++pages;
    }
    QStringList expected;
    for (const SimUser &user : std::as_const(m_sim->tenant().users)) {
        if (user.status == u"active"
            && (user.name.contains(u'a', Qt::CaseInsensitive) || user.email.contains(u'a', Qt::CaseInsensitive)))
            expected.append(user.name);
    }
    std::sort(expected.begin(), expected.end(),
              [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) < 0; });
    QVERIFY(expected.size() > 4);
    QCOMPARE(names, expected);
    QCOMPARE(pages, int((expected.size() + 1) / 2));
}

void TestSimulatorOAuth::apiKeyCreate()
{
    const QString me = m_sim->sampleUserId(SampleKey::Healthy);
    const Answer created = sendJson("POST", QStringLiteral("/api/v1/api-keys"), m_sim->sampleToken(SampleKey::Healthy),
                                    QJsonObject {{QStringLiteral("description"), QStringLiteral("Dawiso 2025-01-01")},
                                                 {QStringLiteral("expiry"), QStringLiteral("P90D")}});
    QCOMPARE(created.status, 201);
    QCOMPARE(created.header("cache-control"), QByteArray("no-store"));
    const QJsonObject key = created.json();
    for (const char *field :
         {"id", "tenantId", "description", "status", "token", "sub", "subType", "expiry", "createdByUser"})
        QVERIFY2(key.contains(QLatin1String(field)), field);
    QCOMPARE(key.value(u"status").toString(), QStringLiteral("active"));
    QCOMPARE(key.value(u"sub").toString(), me);
    QCOMPARE(key.value(u"createdByUser").toString(), me);
    QCOMPARE(key.value(u"subType").toString(), QStringLiteral("user"));
    QCOMPARE(key.value(u"description").toString(), QStringLiteral("Dawiso 2025-01-01"));
    const QDateTime expiry = QDateTime::fromString(key.value(u"expiry").toString(), Qt::ISODateWithMs);
    const qint64 days = QDateTime::currentDateTimeUtc().secsTo(expiry) / 3600;
    QVERIFY2(days > 90 * 24 - 2 && days <= 90 * 24, qPrintable(QString::number(days)));

    const QByteArray token = key.value(u"token").toString().toLatin1();
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject payload =
        QJsonDocument::fromJson(QByteArray::fromBase64(parts.at(1), QByteArray::Base64UrlEncoding)).object();
    QCOMPARE(payload.value(u"jti").toString(), key.value(u"id").toString());
    QCOMPARE(payload.value(u"sub").toString(), me);
    // Usable at once, and the listing never repeats the token.
    const Answer usersMe = get(QStringLiteral("/api/v1/users/me"), token);
    QCOMPARE(usersMe.status, 301);
    QCOMPARE(usersMe.header("location"), QByteArray("/api/v1/users/") + me.toLatin1());
    const Answer listed = get(QStringLiteral("/api/v1/api-keys/") + key.value(u"id").toString(), token);
    QCOMPARE(listed.status, 200);
    QVERIFY(!listed.json().contains(u"token"));
    QVERIFY(!listed.body.contains(parts.at(2)));
}

void TestSimulatorOAuth::apiKeyExpiry_data()
{
    QTest::addColumn<QString>("expiry"); // "-": not sent
    QTest::addColumn<int>("status");
    QTest::addColumn<qint64>("minutes"); // the key's lifetime when created; for 400: 1 = above the maximum
    QTest::newRow("P90D") << QStringLiteral("P90D") << 201 << qint64(90 * 24 * 60);
    QTest::newRow("PT24H") << QStringLiteral("PT24H") << 201 << qint64(24 * 60);
    QTest::newRow("P1W") << QStringLiteral("P1W") << 201 << qint64(7 * 24 * 60);
    QTest::newRow("P1DT12H") << QStringLiteral("P1DT12H") << 201 << qint64(36 * 60);
    QTest::newRow("PT90M") << QStringLiteral("PT90M") << 201 << qint64(90);
    QTest::newRow("PT1H29M30S") << QStringLiteral("PT1H29M30S") << 201 << qint64(90);
    QTest::newRow("P365D, the maximum") << QStringLiteral("P365D") << 201 << qint64(365 * 24 * 60);
    QTest::newRow("P52W") << QStringLiteral("P52W") << 201 << qint64(364 * 24 * 60);
    QTest::newRow("P1Y") << QStringLiteral("P1Y") << 201 << qint64(365 * 24 * 60);
    QTest::newRow("no expiry: the maximum") << QStringLiteral("-") << 201 << qint64(365 * 24 * 60);
    QTest::newRow("P366D, above the maximum") << QStringLiteral("P366D") << 400 << qint64(1);
    QTest::newRow("P365DT1H, above the maximum") << QStringLiteral("P365DT1H") << 400 << qint64(1);
    QTest::newRow("P2Y, above the maximum") << QStringLiteral("P2Y") << 400 << qint64(1);
    QTest::newRow("words") << QStringLiteral("90 days") << 400 << qint64(0);
    QTest::newRow("empty P") << QStringLiteral("P") << 400 << qint64(0);
    QTest::newRow("dangling T") << QStringLiteral("P1DT") << 400 << qint64(0);
    QTest::newRow("zero") << QStringLiteral("PT0H") << 400 << qint64(0);
    QTest::newRow("lowercase") << QStringLiteral("p90d") << 400 << qint64(0);
    QTest::newRow("negative") << QStringLiteral("-P1D") << 400 << qint64(0);
    QTest::newRow("fraction") << QStringLiteral("P1.5D") << 400 << qint64(0);
}

void TestSimulatorOAuth::apiKeyExpiry()
{
    QFETCH(QString, expiry);
    QFETCH(int, status);
    QFETCH(qint64, minutes);
    QJsonObject body {{QStringLiteral("description"), QStringLiteral("expiry test")}};
    if (expiry != u"-")
        body.insert(QStringLiteral("expiry"), expiry);
    const qsizetype keys = m_sim->tenant().apiKeys.size();
    const Answer answer =
        sendJson("POST", QStringLiteral("/api/v1/api-keys"), m_sim->sampleToken(SampleKey::Healthy), body);
    QCOMPARE(answer.status, status);
    if (status == 201) {
        const QDateTime until = QDateTime::fromString(answer.json().value(u"expiry").toString(), Qt::ISODateWithMs);
        const qint64 lifetime = QDateTime::currentDateTimeUtc().secsTo(until);
        QVERIFY2(lifetime > minutes * 60 - 600 && lifetime <= minutes * 60, qPrintable(QString::number(lifetime)));
        QCOMPARE(m_sim->tenant().apiKeys.size(), keys + 1);
        return;
    }
    const QJsonObject error = answer.firstError();
    QCOMPARE(error.value(u"status").toInt(), 400);
    QCOMPARE(error.value(u"source").toObject().value(u"pointer").toString(), QStringLiteral("/expiry"));
    // By default the detail says nothing a client could search for: Qlik documents no wording.
    QCOMPARE(error.value(u"detail").toString(), QStringLiteral("The request is not valid."));
    QVERIFY(!error.contains(u"meta"));
    if (minutes == 1) {
        // Above the maximum, with the wording variation: the detail names it, so the client can say what is allowed.
        m_sim->setApiKeyRefusalWording(true);
        const QJsonObject worded =
            sendJson("POST", QStringLiteral("/api/v1/api-keys"), m_sim->sampleToken(SampleKey::Healthy), body)
                .firstError();
        QVERIFY2(worded.value(u"detail").toString().contains(u"P365D"), qPrintable(worded.value(u"detail").toString()));
        QCOMPARE(worded.value(u"meta").toObject().value(u"max_api_key_expiry").toString(), QStringLiteral("P365D"));
    }
    QCOMPARE(m_sim->tenant().apiKeys.size(), keys);
}

void TestSimulatorOAuth::apiKeyLimit()
{
    const QByteArray token = m_sim->sampleToken(SampleKey::Healthy);
    const QJsonObject body {{QStringLiteral("description"), QStringLiteral("limit test")},
                            {QStringLiteral("expiry"), QStringLiteral("P7D")}};
    // The demo user has two active keys (Healthy, ExpiringSoon); revoked and expired ones do not count.
    QStringList created;
    for (int i = 0; i < 3; ++i) {
        const Answer answer = sendJson("POST", QStringLiteral("/api/v1/api-keys"), token, body);
        QCOMPARE(answer.status, 201);
        created.append(answer.json().value(u"id").toString());
    }
    const Answer full = sendJson("POST", QStringLiteral("/api/v1/api-keys"), token, body);
    QCOMPARE(full.status, 400);
    QCOMPARE(full.firstError().value(u"detail").toString(), QStringLiteral("The request is not valid."));
    m_sim->setApiKeyRefusalWording(true);
    const QJsonObject error = sendJson("POST", QStringLiteral("/api/v1/api-keys"), token, body).firstError();
    QVERIFY2(error.value(u"detail").toString().contains(u"5"), qPrintable(error.value(u"detail").toString()));
    QCOMPARE(error.value(u"meta").toObject().value(u"max_keys_per_user").toInt(), 5);

    // Deleting one makes room again; a lower tenant maximum applies at once.
    QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/api-keys/") + created.constFirst()), {token, {}}).status, 204);
    QCOMPARE(sendJson("POST", QStringLiteral("/api/v1/api-keys"), token, body).status, 201);
    m_sim->tenant().maxKeysPerUser = 2;
    const Answer lowered = sendJson("POST", QStringLiteral("/api/v1/api-keys"), token, body);
    QCOMPARE(lowered.status, 400);
    QVERIFY(lowered.firstError().value(u"detail").toString().contains(u"(2 per user)"));
}

void TestSimulatorOAuth::apiKeyPermission_data()
{
    QTest::addColumn<QString>("user");
    QTest::addColumn<QString>("credential"); // "key" or the OAuth scopes
    QTest::addColumn<QString>("body"); // JSON
    QTest::addColumn<int>("status");
    const QString plain = QStringLiteral(R"({"description":"permission test"})");
    QTest::newRow("integration user, API key")
        << QStringLiteral("Dawiso Integration") << QStringLiteral("key") << plain << 201;
    QTest::newRow("tenant admin without api-keys")
        << QStringLiteral("Alex Admin") << QStringLiteral("key") << plain << 403;
    QTest::newRow("user without any role")
        << QStringLiteral("Riley Reader") << QStringLiteral("user_default") << plain << 403;
    QTest::newRow("role through a group") << QStringLiteral("Bob Analyst") << QStringLiteral("key") << plain << 201;
    QTest::newRow("key for someone else")
        << QStringLiteral("Dawiso Integration") << QStringLiteral("key")
        << QStringLiteral(R"({"description":"x","sub":"65f1c0a1b2c3d4e5f6a70002"})") << 403;
    QTest::newRow("key for oneself by sub")
        << QStringLiteral("Dawiso Integration") << QStringLiteral("key")
        << QStringLiteral(R"({"description":"x","sub":"65f1c0a1b2c3d4e5f6a70001","subType":"user"})") << 201;
    QTest::newRow("SCIM key") << QStringLiteral("Dawiso Integration") << QStringLiteral("key")
                              << QStringLiteral(R"({"description":"x","subType":"externalClient"})") << 400;
    QTest::newRow("no description") << QStringLiteral("Dawiso Integration") << QStringLiteral("key")
                                    << QStringLiteral(R"({"expiry":"P1D"})") << 400;
    QTest::newRow("not an object") << QStringLiteral("Dawiso Integration") << QStringLiteral("key")
                                   << QStringLiteral(R"(["description"])") << 400;
}

void TestSimulatorOAuth::apiKeyPermission()
{
    QFETCH(QString, user);
    QFETCH(QString, credential);
    QFETCH(QString, body);
    QFETCH(int, status);
    // Bob holds the api-keys scope only through his group's role.
    m_sim->tenant().groups[1].roleNames.append(QStringLiteral("Dawiso Integration"));
    const QString id = userId(user);
    const QByteArray token = credential == u"key"
        ? m_sim->issueApiKey(id, QDateTime::currentDateTimeUtc().addDays(1), QStringLiteral("caller"))
        : m_sim->issueOAuthToken(id, credential.split(u' '));
    const qsizetype keys = m_sim->tenant().apiKeys.size();
    const Answer answer =
        send("POST", url(QStringLiteral("/api/v1/api-keys")), {token, {}}, "application/json", body.toUtf8());
    QCOMPARE(answer.status, status);
    QCOMPARE(m_sim->tenant().apiKeys.size(), status == 201 ? keys + 1 : keys);
    if (status == 201) {
        QCOMPARE(answer.json().value(u"sub").toString(), id);
    } else {
        QCOMPARE(answer.firstError().value(u"status").toInt(), status);
        QVERIFY(!answer.firstError().value(u"detail").toString().isEmpty());
        QVERIFY(!answer.json().contains(u"token"));
    }
}

void TestSimulatorOAuth::apiKeyDelete()
{
    const QString dawiso = m_sim->sampleUserId(SampleKey::Healthy);
    const QByteArray owner =
        m_sim->issueApiKey(dawiso, QDateTime::currentDateTimeUtc().addDays(5), QStringLiteral("owner's other key"));
    const auto createKey = [this](const QByteArray &token) {
        const Answer answer = sendJson("POST", QStringLiteral("/api/v1/api-keys"), token,
                                       QJsonObject {{QStringLiteral("description"), QStringLiteral("to delete")}});
        return std::make_pair(answer.json().value(u"id").toString(),
                              answer.json().value(u"token").toString().toLatin1());
    };

    // The owner deletes: the key is gone.
    const auto [ownedId, ownedToken] = createKey(owner);
    QVERIFY(!ownedId.isEmpty());
    QCOMPARE(get(QStringLiteral("/api/v1/users/me"), ownedToken).status, 301);
    const Answer deleted = send("DELETE", url(QStringLiteral("/api/v1/api-keys/") + ownedId), {owner, {}});
    QCOMPARE(deleted.status, 204);
    QVERIFY(deleted.body.isEmpty());
    QVERIFY(!m_sim->tenant().apiKey(ownedId));
    QCOMPARE(get(QStringLiteral("/api/v1/users/me"), ownedToken).status, 401);
    QCOMPARE(get(QStringLiteral("/api/v1/api-keys/") + ownedId, owner).status, 404);
    QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/api-keys/") + ownedId), {owner, {}}).status, 404);

    // Someone else who is no admin may not.
    const auto [otherId, otherToken] = createKey(owner);
    const QByteArray carol = m_sim->issueApiKey(userId(QStringLiteral("Carol Consumer")),
                                                QDateTime::currentDateTimeUtc().addDays(1), QStringLiteral("carol"));
    QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/api-keys/") + otherId), {carol, {}}).status, 403);
    // Nor may an admin whose OAuth token lacks admin_classic.
    const QByteArray adminUserScope =
        m_sim->issueOAuthToken(m_sim->sampleUserId(SampleKey::TenantAdmin), {QStringLiteral("user_default")});
    QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/api-keys/") + otherId), {adminUserScope, {}}).status, 403);

    // A tenant admin revokes: the record stays, marked revoked, and the token stops working.
    const Answer revoked = send("DELETE", url(QStringLiteral("/api/v1/api-keys/") + otherId), {adminToken(), {}});
    QCOMPARE(revoked.status, 204);
    QVERIFY(m_sim->tenant().apiKey(otherId));
    QCOMPARE(get(QStringLiteral("/api/v1/api-keys/") + otherId, adminToken()).json().value(u"status").toString(),
             QStringLiteral("revoked"));
    const Answer refused = get(QStringLiteral("/api/v1/users/me"), otherToken);
    QCOMPARE(refused.status, 401);
    QCOMPARE(refused.firstError().value(u"code").toString(), QStringLiteral("APIKEYS-18"));

    // Deleting through an OAuth token with user_default works for the owner.
    const QByteArray oauthOwner = m_sim->issueOAuthToken(dawiso, {QStringLiteral("user_default")});
    const auto [thirdId, thirdToken] = createKey(oauthOwner);
    QVERIFY(!thirdId.isEmpty());
    QCOMPARE(send("DELETE", url(QStringLiteral("/api/v1/api-keys/") + thirdId), {oauthOwner, {}}).status, 204);
    QVERIFY(!m_sim->tenant().apiKey(thirdId));
}

void TestSimulatorOAuth::demoTenantForTheAutomatedPath()
{
    const SimulatedTenant &tenant = m_sim->tenant();
    const SimOAuthClient *native = tenant.oauthClient(DemoTenant::nativeClientId());
    QVERIFY(native);
    QCOMPARE(native->appType, QStringLiteral("native"));
    QCOMPARE(native->redirectUris, QStringList {QStringLiteral("http://127.0.0.1:47824/callback")});
    QCOMPARE(DemoTenant::nativeRedirectUri(),
             QStringLiteral("http://127.0.0.1:%1%2")
                 .arg(DemoTenant::nativeRedirectPort())
                 .arg(DemoTenant::nativeRedirectPath()));
    QCOMPARE(native->allowedScopes, QStringList({QStringLiteral("admin_classic"), QStringLiteral("user_default")}));
    const SimOAuthClient *m2m = tenant.oauthClient(DemoTenant::m2mClientId());
    QVERIFY(m2m);
    QCOMPARE(m2m->appType, QStringLiteral("web"));
    QCOMPARE(m2m->allowedGrantTypes, QStringList {QStringLiteral("client_credentials")});
    QVERIFY(m2m->clientSecret == DemoTenant::m2mClientSecret());
    const SimUser *bot = tenant.user(m2m->botUserId);
    QVERIFY(bot);
    QVERIFY(tenant.isTenantAdmin(*bot));
    QVERIFY(bot->password.isEmpty());

    const Answer config =
        get(QStringLiteral("/api/v1/api-keys/configs/") + tenant.id, m_sim->sampleToken(SampleKey::Healthy));
    QCOMPARE(config.json().value(u"max_api_key_expiry").toString(), QStringLiteral("P365D"));
    QCOMPARE(config.json().value(u"max_keys_per_user").toInt(), 5);

    const SimUser *riley = tenant.user(userId(QStringLiteral("Riley Reader")));
    QVERIFY(riley);
    QCOMPARE(riley->email, DemoTenant::unassignedUserEmail());
    QCOMPARE(riley->status, QStringLiteral("active"));
    QVERIFY(riley->roleNames.isEmpty() && riley->groupIds.isEmpty());
    QVERIFY(!tenant.effectiveScopes(*riley).contains(QStringLiteral("api-keys")));
    const SimUser *integration = tenant.user(m_sim->sampleUserId(SampleKey::Healthy));
    QCOMPARE(integration->email, DemoTenant::integrationUserEmail());
    QVERIFY(tenant.effectiveScopes(*integration).contains(QStringLiteral("api-keys")));
    QVERIFY(!userId(QStringLiteral("Quinn \"Q\" O'Neil")).isEmpty());
    for (const SimUser &user : tenant.users) {
        if (user.id != bot->id)
            QVERIFY2(user.password == DemoTenant::password(), qPrintable(user.name));
    }
}

void TestSimulatorOAuth::automatedFlowEndToEnd()
{
    // 1. The admin signs in through the browser with admin_classic.
    const QByteArray admin = accessTokenFor(DemoTenant::adminEmail(), QStringLiteral("admin_classic"));
    QVERIFY(!admin.isEmpty());
    // 2. Find or create the role: not there yet under this name, so create it.
    QUrlQuery byName;
    byName.addQueryItem(QStringLiteral("filter"), QStringLiteral("name eq \"Dawiso Catalog\""));
    QCOMPARE(get(QStringLiteral("/api/v1/roles"), admin, byName).json().value(u"data").toArray().size(), 0);
    const Answer role =
        sendJson("POST", QStringLiteral("/api/v1/roles"), admin,
                 QJsonObject {{QStringLiteral("name"), QStringLiteral("Dawiso Catalog")},
                              {QStringLiteral("assignedScopes"), QJsonArray {QStringLiteral("api-keys")}}});
    QCOMPARE(role.status, 201);
    // 3. Pick the user and assign the role.
    QUrlQuery search;
    search.addQueryItem(QStringLiteral("filter"),
                        QStringLiteral("(name co \"riley\" or email co \"riley\") and (status eq \"active\")"));
    const QJsonArray found = get(QStringLiteral("/api/v1/users"), admin, search).json().value(u"data").toArray();
    QCOMPARE(found.size(), 1);
    const QString riley = found.at(0).toObject().value(u"id").toString();
    QCOMPARE(sendJson("PATCH", QStringLiteral("/api/v1/users/") + riley, admin,
                      QJsonArray {QJsonObject {
                          {QStringLiteral("op"), QStringLiteral("replace")},
                          {QStringLiteral("path"), QStringLiteral("/assignedRoles")},
                          {QStringLiteral("value"),
                           QJsonArray {QJsonObject {{QStringLiteral("name"), QStringLiteral("Dawiso Catalog")}}}}}})
                 .status,
             204);
    QCOMPARE(roleNamesOf(get(QStringLiteral("/api/v1/users/") + riley, admin).json()),
             QStringList {QStringLiteral("Dawiso Catalog")});
    // 4. Riley signs in (prompt=login, login_hint) and creates the key.
    const QString verifier = newVerifier();
    QUrlQuery authorize = authorizeQuery(verifier, QStringLiteral("key-step"), QStringLiteral("user_default"),
                                         DemoTenant::unassignedUserEmail());
    authorize.addQueryItem(QStringLiteral("prompt"), QStringLiteral("login"));
    const Answer page = signInPage(authorize);
    QVERIFY(
        QString::fromUtf8(page.body).contains(QStringLiteral("value=\"%1\"").arg(DemoTenant::unassignedUserEmail())));
    const Answer login = postForm(QStringLiteral("/oauth/authorize/login"),
                                  {{QStringLiteral("transaction"), transactionOf(page.body)},
                                   {QStringLiteral("email"), DemoTenant::unassignedUserEmail()},
                                   {QStringLiteral("password"), DemoTenant::password()}});
    QCOMPARE(login.status, 302);
    QCOMPARE(login.locationQuery().queryItemValue(QStringLiteral("state")), QStringLiteral("key-step"));
    const Answer token =
        postForm(QStringLiteral("/oauth/token"),
                 codeRedemption(login.locationQuery().queryItemValue(QStringLiteral("code")), verifier));
    QCOMPARE(token.status, 200);
    const QByteArray user = token.json().value(u"access_token").toString().toLatin1();
    const Answer key = sendJson("POST", QStringLiteral("/api/v1/api-keys"), user,
                                QJsonObject {{QStringLiteral("description"), QStringLiteral("Dawiso catalog")},
                                             {QStringLiteral("expiry"), QStringLiteral("P90D")}});
    QCOMPARE(key.status, 201);
    // 5. The new key is Riley's and sees what Riley sees.
    const QByteArray apiKey = key.json().value(u"token").toString().toLatin1();
    const Answer me = get(QStringLiteral("/api/v1/users/me"), apiKey);
    QCOMPARE(me.header("location"), QByteArray("/api/v1/users/") + riley.toLatin1());
    QCOMPARE(get(QStringLiteral("/api/v1/spaces"), apiKey).status, 200);
    QCOMPARE(m_sim->requestCount(QStringLiteral("/oauth/token")), 2);
}

QTEST_GUILESS_MAIN(TestSimulatorOAuth)
#include "tst_simulatoroauth.moc"
