// The token endpoint's answers read leniently: both expiry fields, scopes as text or list, both error shapes, and
// answers without a usable token. Also the access token's copy and wipe rules and the form body's encoding.
#include "oauth/AuthorizationCodeSignIn.h"
#include "oauth/AuthorizationRequest.h"
#include "oauth/FormBody.h"
#include "oauth/OAuthAccessToken.h"
#include "oauth/TokenResponse.h"

#include <QTest>
#include <QUrlQuery>

using namespace Dawiso;
using namespace Qt::StringLiterals;
using Outcome = TokenResponse::Outcome;

class TestTokenResponse : public QObject
{
    Q_OBJECT

private slots:
    void tokenAnswers_data();
    void tokenAnswers();
    void errorAnswers_data();
    void errorAnswers();
    void unusableAnswers_data();
    void unusableAnswers();
    void longDescriptionsAreShortened();
    void refusedCodeExchanges_data();
    void refusedCodeExchanges();
    void accessTokenCopiesAndWipes();
    void accessTokenExpiry();
    void formBodyEncodesEverythingButUnreserved();
};

namespace {

const QDateTime kReceivedAt = QDateTime(QDate(2026, 7, 1), QTime(12, 0), Qt::UTC);
const QByteArray kToken("sim-access-token.ABC_def-123");

QByteArray withToken(const QByteArray &fields)
{
    return "{\"access_token\":\"" + kToken + "\"" + (fields.isEmpty() ? QByteArray() : "," + fields) + "}";
}

} // namespace

void TestTokenResponse::tokenAnswers_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QDateTime>("expiresAt");
    QTest::addColumn<QStringList>("scopes");

    const QDateTime inSixHours = kReceivedAt.addSecs(21600);
    QTest::newRow("Qlik's answer") << withToken("\"token_type\":\"bearer\",\"scope\":\"admin_classic user_default\","
                                                "\"expires_in\":21600,\"expires_at\":\"2026-07-01T18:00:00.000Z\"")
                                   << inSixHours << QStringList {u"admin_classic"_s, u"user_default"_s};
    QTest::newRow("expires_in wins over expires_at")
        << withToken("\"expires_in\":60,\"expires_at\":\"2030-01-01T00:00:00Z\"") << kReceivedAt.addSecs(60)
        << QStringList();
    QTest::newRow("expires_in as text") << withToken("\"expires_in\":\"120\"") << kReceivedAt.addSecs(120)
                                        << QStringList();
    QTest::newRow("only expires_at") << withToken("\"expires_at\":\"2026-07-01T13:30:00.500Z\"")
                                     << QDateTime(QDate(2026, 7, 1), QTime(13, 30, 0, 500), Qt::UTC) << QStringList();
    QTest::newRow("expires_at as Unix time") << withToken("\"expires_at\":1782907200")
                                             << QDateTime::fromSecsSinceEpoch(1782907200, Qt::UTC) << QStringList();
    QTest::newRow("no expiry") << withToken({}) << QDateTime() << QStringList();
    QTest::newRow("nonsense expiry") << withToken("\"expires_in\":-5,\"expires_at\":\"soon\"") << QDateTime()
                                     << QStringList();
    QTest::newRow("token_type in capitals") << withToken("\"token_type\":\"Bearer\"") << QDateTime() << QStringList();
    QTest::newRow("scopes as a list") << withToken("\"scope\":[\"user_default\",\"\",7,\"user_default\"]")
                                      << QDateTime() << QStringList {u"user_default"_s};
    QTest::newRow("scopes with extra spaces") << withToken("\"scope\":\"  user_default \\t offline_access \"")
                                              << QDateTime() << QStringList {u"user_default"_s, u"offline_access"_s};
    QTest::newRow("unknown fields") << withToken("\"refresh_token\":\"r\",\"auth_time\":1,\"extra\":{}") << QDateTime()
                                    << QStringList();
}

void TestTokenResponse::tokenAnswers()
{
    QFETCH(QByteArray, body);
    QFETCH(QDateTime, expiresAt);
    QFETCH(QStringList, scopes);

    const TokenResponse response = TokenResponse::fromAnswer(200, body, kReceivedAt);
    QCOMPARE(response.outcome, Outcome::Token);
    QVERIFY(response.token.value() == kToken);
    QCOMPARE(response.token.expiresAt(), expiresAt);
    QCOMPARE(response.token.scopes(), scopes);
    QVERIFY(response.errorCode.isEmpty());
}

void TestTokenResponse::errorAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("errorCode");
    QTest::addColumn<QString>("description");

    QTest::newRow("RFC 6749 shape") << 400
                                    << QByteArray("{\"error\":\"invalid_grant\",\"error_description\":\"Code used.\"}")
                                    << u"invalid_grant"_s << u"Code used."_s;
    QTest::newRow("Qlik's Errors shape, code field")
        << 400
        << QByteArray("{\"errors\":[{\"code\":\"invalid_client\",\"title\":\"Invalid client\",\"detail\":\"No such "
                      "client.\",\"status\":\"401\"}]}")
        << u"invalid_client"_s << u"Invalid client: No such client."_s;
    QTest::newRow("code only in the detail")
        << 400
        << QByteArray("{\"errors\":[{\"code\":\"OAUTH-7\",\"title\":\"Bad\",\"detail\":\"Reason: "
                      "unauthorized_client.\"}]}")
        << u"unauthorized_client"_s << u"Bad: Reason: unauthorized_client."_s;
    QTest::newRow("both shapes") << 400
                                 << QByteArray("{\"errors\":[{\"code\":\"invalid_scope\",\"title\":\"Invalid scope\"}],"
                                               "\"error\":\"invalid_scope\",\"error_description\":\"No admin.\"}")
                                 << u"invalid_scope"_s << u"No admin."_s;
    QTest::newRow("upper case") << 400 << QByteArray("{\"error\":\"INVALID_GRANT\"}") << u"invalid_grant"_s << u""_s;
    QTest::newRow("a longer word is not a code")
        << 400 << QByteArray("{\"error\":\"invalid_request_uri\"}") << u""_s << u""_s;
    QTest::newRow("403 access_denied") << 403 << QByteArray("{\"error\":\"access_denied\"}") << u"access_denied"_s
                                       << u""_s;
    QTest::newRow("HTML error page") << 502 << QByteArray("<html><body>Bad gateway</body></html>") << u""_s << u""_s;
    QTest::newRow("empty body") << 401 << QByteArray() << u""_s << u""_s;
}

void TestTokenResponse::errorAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, errorCode);
    QFETCH(QString, description);

    const TokenResponse response = TokenResponse::fromAnswer(status, body, kReceivedAt);
    QCOMPARE(response.outcome, Outcome::Refused);
    QCOMPARE(response.httpStatus, status);
    QCOMPARE(response.errorCode, errorCode);
    QCOMPARE(response.errorDescription, description);
    QVERIFY(response.token.isEmpty());
}

void TestTokenResponse::unusableAnswers_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");

    QTest::newRow("not JSON") << 200 << QByteArray("<html>Signed in</html>");
    QTest::newRow("JSON array") << 200 << QByteArray("[]");
    QTest::newRow("no access_token") << 200 << QByteArray("{\"token_type\":\"bearer\"}");
    QTest::newRow("empty access_token") << 200 << QByteArray("{\"access_token\":\"\"}");
    QTest::newRow("access_token not a string") << 200 << QByteArray("{\"access_token\":12345}");
    QTest::newRow("line break in the token") << 200 << QByteArray("{\"access_token\":\"abc\\r\\nX-Evil: 1\"}");
    QTest::newRow("space in the token") << 200 << QByteArray("{\"access_token\":\"abc def\"}");
    QTest::newRow("not a bearer token") << 200 << withToken("\"token_type\":\"mac\"");
    QTest::newRow("redirect") << 302 << QByteArray();
}

void TestTokenResponse::unusableAnswers()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);

    const TokenResponse response = TokenResponse::fromAnswer(status, body, kReceivedAt);
    QCOMPARE(response.outcome, Outcome::Unreadable);
    QVERIFY(!response.problem.isEmpty());
    QVERIFY(response.token.isEmpty());
    // The problem describes the answer; it never repeats a token from it.
    QVERIFY(!response.problem.contains(QString::fromLatin1(kToken)));
    QVERIFY(!response.problem.contains(QLatin1String("abc")));
}

void TestTokenResponse::longDescriptionsAreShortened()
{
    const QByteArray body = "{\"error\":\"invalid_grant\",\"error_description\":\"" + QByteArray(5000, 'x') + "\"}";
    const TokenResponse response = TokenResponse::fromAnswer(400, body, kReceivedAt);
    QCOMPARE(response.errorCode, QStringLiteral("invalid_grant"));
    QVERIFY(response.errorDescription.size() <= 300);
    QVERIFY(response.errorDescription.endsWith(QChar(0x2026)));
}

void TestTokenResponse::accessTokenCopiesAndWipes()
{
    auto original = std::make_unique<OAuthAccessToken>(kToken, kReceivedAt, QStringList {u"user_default"_s});
    const OAuthAccessToken copy = *original;
    QVERIFY(copy.hasScope(QStringLiteral("user_default")));
    QVERIFY(!copy.hasScope(QStringLiteral("admin_classic")));

    // Wiping or destroying one owner leaves the other's token intact.
    original->wipe();
    QVERIFY(original->isEmpty());
    QVERIFY(!original->expiresAt().isValid());
    QVERIFY(original->scopes().isEmpty());
    QVERIFY(copy.value() == kToken);
    original.reset();
    QVERIFY(copy.value() == kToken);

    OAuthAccessToken source = copy;
    OAuthAccessToken moved = std::move(source);
    QVERIFY(moved.value() == kToken);
    QCOMPARE(moved.expiresAt(), kReceivedAt);
    QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): its state after a move is part of the contract
    QVERIFY(source.scopes().isEmpty());

    OAuthAccessToken assigned(QByteArray("other"), {}, {});
    assigned = copy;
    QVERIFY(assigned.value() == kToken);
    assigned = OAuthAccessToken();
    QVERIFY(assigned.isEmpty());
}

void TestTokenResponse::accessTokenExpiry()
{
    const OAuthAccessToken token(kToken, kReceivedAt, {});
    QVERIFY(!token.isExpired(kReceivedAt.addSecs(-1)));
    QVERIFY(token.isExpired(kReceivedAt));
    QVERIFY(token.isExpired(kReceivedAt.addSecs(1)));
    // An unknown expiry is not taken for an expired token: Qlik refuses it when it is.
    QVERIFY(!OAuthAccessToken(kToken, QDateTime(), {}).isExpired(kReceivedAt));
}

void TestTokenResponse::formBodyEncodesEverythingButUnreserved()
{
    FormBody form;
    form.add("code", QByteArray("a+b/c=d&e f%"));
    form.add("redirect_uri", QStringLiteral("http://127.0.0.1:47824/callback"));
    form.add("name", QStringLiteral("Zoë"));
    form.add("safe", QByteArray("AZaz09-._~"));
    const QByteArray body = form.take();
    QCOMPARE(body,
             QByteArray("code=a%2Bb%2Fc%3Dd%26e%20f%25&redirect_uri=http%3A%2F%2F127.0.0.1%3A47824%2Fcallback"
                        "&name=Zo%C3%AB&safe=AZaz09-._~"));
    QVERIFY(form.take().isEmpty());

    // Read back as a form (where '+' would mean a space) every value is what was put in.
    const QUrlQuery query(QString::fromLatin1(body));
    QCOMPARE(query.queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded), QStringLiteral("a+b/c=d&e f%"));
    QCOMPARE(query.queryItemValue(QStringLiteral("name"), QUrl::FullyDecoded), QStringLiteral("Zoë"));
}

QTEST_GUILESS_MAIN(TestTokenResponse)
void TestTokenResponse::refusedCodeExchanges_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("messageHas");
    QTest::addColumn<QString>("adviceHas");

    // Qlik's token endpoint: 401 means the code (or token) is expired or used, whatever code the body carries.
    QTest::newRow("401, Qlik's own code") << 401
                                          << QByteArray(R"({"errors":[{"code":"LOGIN-1","title":"Not Authorized",)"
                                                        R"("status":"401"}]})")
                                          << "one-time code"
                                          << "Sign in again";
    QTest::newRow("401, no body") << 401 << QByteArray() << "one-time code"
                                  << "Sign in again";
    QTest::newRow("401, invalid_grant") << 401
                                        << QByteArray(R"({"errors":[{"code":"invalid_grant","title":"Invalid grant",)"
                                                      R"("status":"401"}]})")
                                        << "one-time code"
                                        << "Sign in again";
    // Only a body that names the client blames the client ID.
    QTest::newRow("401, invalid_client") << 401
                                         << QByteArray(R"({"errors":[{"code":"invalid_client","title":"Invalid )"
                                                       R"(client","status":"401"}]})")
                                         << "client ID cid-1"
                                         << "Administration › OAuth";
    QTest::newRow("403, disabled user") << 403
                                        << QByteArray(R"({"errors":[{"code":"LOGIN-3","title":"Forbidden",)"
                                                      R"("status":"403"}]})")
                                        << "disabled"
                                        << "Manage users";
}

void TestTokenResponse::refusedCodeExchanges()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, messageHas);
    QFETCH(QString, adviceHas);
    AuthorizationRequest request;
    request.clientId = u"cid-1"_s;
    request.scopes = {u"user_default"_s};
    const TokenResponse response = TokenResponse::fromAnswer(status, body, kReceivedAt);
    QVERIFY(response.outcome != Outcome::Token);
    const OAuthResult result = AuthorizationCodeSignIn::tokenRefusal(response, request);
    QVERIFY(!result.ok);
    QCOMPARE(result.httpStatus, status);
    QVERIFY2(result.summary.message.contains(messageHas), qPrintable(result.summary.message));
    QVERIFY2(result.summary.advice.contains(adviceHas), qPrintable(result.summary.advice));
}

#include "tst_tokenresponse.moc"
