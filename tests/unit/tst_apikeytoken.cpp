#include "token/ApiKeyToken.h"
#include "token/SecureMemory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QObject>
#include <QTest>

#include <memory>
#include <utility>

using Dawiso::ApiKeyToken;
using Dawiso::SecureMemory;
using Problem = Dawiso::ApiKeyToken::Problem;

Q_DECLARE_METATYPE(Dawiso::ApiKeyToken::Problem)

// Tokens are secrets even in tests: they are compared with QVERIFY only, so a failure never prints one.
class TestApiKeyToken : public QObject
{
    Q_OBJECT

private slots:
    void fromPastedText_data();
    void fromPastedText();
    void claims_data();
    void claims();
    void isExpired_data();
    void isExpired();
    void wipeEmptiesToken();
    void copiesAndMovesKeepTheirOwnToken();
    void assignmentReplacesToken();
    void defaultConstructedIsEmpty();
    void secureMemoryReleasesBuffers();
    void secureMemoryLeavesSharedAndForeignBuffersIntact();
};

namespace {

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

QByteArray base64Url(const QByteArray &data)
{
    return data.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals);
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject es384Header()
{
    return {{s("alg"), s("ES384")}, {s("kid"), s("a1b2c3")}, {s("typ"), s("JWT")}};
}

// The payload of a Qlik API key (see https://qlik.dev/authenticate/api-key/).
QJsonObject apiKeyPayload()
{
    return {
        {s("sub"), s("6155ca3b5e8ae6001d6a8b58")},
        {s("subType"), s("user")},
        {s("tenantId"), s("xqGQ0k66vSR8f9G7J-vYtHZQkiYrCpct")},
        {s("jti"), s("63d8a7f5b3c1f10001c37c4e")},
        {s("aud"), s("qlik.api")},
        {s("iss"), s("qlik.api/api-keys")},
        {s("exp"), 2000000000},
    };
}

// An ES384 signature is 96 bytes; its contents do not matter locally.
QByteArray fakeSignature()
{
    QByteArray signature(96, '\0');
    for (int i = 0; i < signature.size(); ++i)
        signature[i] = static_cast<char>((i * 37 + 11) % 256);
    return signature;
}

QByteArray makeJwt(const QJsonObject &payload, const QJsonObject &header = es384Header())
{
    return base64Url(json(header)) + '.' + base64Url(json(payload)) + '.' + base64Url(fakeSignature());
}

QByteArray apiKey()
{
    return makeJwt(apiKeyPayload());
}

QString wrapped(const QByteArray &token, int width, const QString &lineBreak)
{
    QString result;
    for (int i = 0; i < token.size(); i += width)
        result += QString::fromLatin1(token.mid(i, width)) + lineBreak;
    return result;
}

QString withToken(const char *pattern, const QByteArray &token = apiKey())
{
    return s(pattern).replace(s("TOKEN"), QString::fromLatin1(token));
}

bool isFullSentence(const QString &message)
{
    return !message.isEmpty() && message.front().isUpper() && message.endsWith(u'.') && !message.contains(u'%')
        && !message.contains(QStringLiteral("  ")) && !message.contains(u'\n');
}

void addClean(const char *tag, const QString &text)
{
    QTest::newRow(tag) << text << Problem::None << QString();
}

void addProblem(const char *tag, const QString &text, Problem problem, const char *fragment)
{
    QTest::newRow(tag) << text << problem << s(fragment);
}

} // namespace

void TestApiKeyToken::fromPastedText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<Problem>("problem");
    QTest::addColumn<QString>("fragment");

    const QByteArray key = apiKey();
    const QString keyText = QString::fromLatin1(key);
    const qsizetype firstDot = key.indexOf('.');
    const qsizetype secondDot = key.indexOf('.', firstDot + 1);
    const QByteArray header = key.left(firstDot);
    const QByteArray payload = key.mid(firstDot + 1, secondDot - firstDot - 1);
    const QByteArray signature = key.mid(secondDot + 1);

    addClean("plain", keyText);
    addClean("Bearer prefix", withToken("Bearer TOKEN"));
    addClean("lower-case bearer", withToken("bearer TOKEN"));
    addClean("upper-case bearer and tab", withToken("BEARER\tTOKEN"));
    addClean("bearer and line break", withToken("Bearer\nTOKEN"));
    addClean("Authorization header", withToken("Authorization: Bearer TOKEN"));
    addClean("authorization without spaces", withToken("authorization:Bearer TOKEN"));
    addClean("header copied from JSON", withToken("\"Authorization\": \"Bearer TOKEN\""));
    addClean("double quotes", withToken("\"TOKEN\""));
    addClean("single quotes", withToken("'TOKEN'"));
    addClean("typographic quotes", withToken("“TOKEN”"));
    addClean("quoted bearer", withToken("\"Bearer TOKEN\""));
    addClean("bearer in quotes inside", withToken("Bearer 'TOKEN'"));
    addClean("one stray quote", withToken("TOKEN\""));
    addClean("surrounding white space", withToken("\n  TOKEN  \r\n"));
    addClean("wrapped lines", wrapped(key, 40, s("\n")));
    addClean("wrapped CRLF lines with indent", wrapped(key, 64, s("\r\n    ")));
    addClean("spaces inside", wrapped(key, 7, s(" ")));
    addClean("invisible characters", s("\uFEFF") + wrapped(key, 30, s("\u00AD")) + s("\u200B"));
    addClean("no-break spaces", s("\u00A0") + wrapped(key, 50, s("\u00A0")));
    addClean("white space padding up to the limit", keyText + QString(ApiKeyToken::MaxLength - keyText.size(), u' '));

    addProblem("nothing", {}, Problem::Empty, "no API key");
    addProblem("only white space", s(" \n\t "), Problem::Empty, "no API key");
    addProblem("only Bearer", s("Bearer "), Problem::Empty, "no API key");
    addProblem("Bearer without space", s("Bearer"), Problem::Empty, "no API key");
    addProblem("empty quotes", s("\"\""), Problem::Empty, "no API key");
    addProblem("too long", QString(ApiKeyToken::MaxLength + 1, u'a'), Problem::TooLong, "too long");
    addProblem("too long even if valid inside", keyText + QString(ApiKeyToken::MaxLength, u' '), Problem::TooLong,
               "too long");
    addProblem("key ID instead of key", s("63d8a7f5b3c1f10001c37c4e"), Problem::NotThreeParts, "ID or description");
    addProblem("description instead of key", s("Metadata catalog ingestion"), Problem::NotThreeParts,
               "ID or description");
    addProblem("cut off after the payload", QString::fromLatin1(header + '.' + payload), Problem::NotThreeParts,
               "cut off");
    addProblem("extra part", keyText + s(".abcd"), Problem::NotThreeParts, "more parts");
    addProblem("two keys", keyText + s(".") + keyText, Problem::NotThreeParts, "more parts");
    addProblem("standard base64", withToken("TOKEN+abc"), Problem::InvalidCharacters, "“+”");
    addProblem("padding", withToken("TOKEN=="), Problem::InvalidCharacters, "“=”");
    addProblem("label in front", withToken("API key: TOKEN"), Problem::InvalidCharacters, "“:”");
    addProblem("control character", withToken("TOKEN\a"), Problem::InvalidCharacters, "U+0007");
    addProblem("shortened with an ellipsis", QString::fromLatin1(key.left(24)) + s("…"), Problem::InvalidCharacters,
               "shortened");
    addProblem("empty signature", QString::fromLatin1(header + '.' + payload + '.'), Problem::BadEncoding,
               "cut off or mistyped");
    addProblem("empty header", QString::fromLatin1('.' + payload + '.' + signature), Problem::BadEncoding,
               "cut off or mistyped");
    addProblem("truncated payload", QString::fromLatin1(header + '.' + payload.chopped(6) + '.' + signature),
               Problem::BadEncoding, "cut off or mistyped");
    addProblem("payload of 4n+1 characters",
               QString::fromLatin1(header + '.' + payload.left(payload.size() / 4 * 4 + 1) + '.' + signature),
               Problem::BadEncoding, "cut off or mistyped");
    addProblem("signature of 4n+1 characters", QString::fromLatin1(header + '.' + payload + '.' + "abcde"),
               Problem::BadEncoding, "cut off or mistyped");
    addProblem("header not JSON", QString::fromLatin1(base64Url("hello") + '.' + payload + '.' + signature),
               Problem::BadEncoding, "cut off or mistyped");
    addProblem("payload is a JSON array", QString::fromLatin1(header + '.' + base64Url("[1,2]") + '.' + signature),
               Problem::BadEncoding, "cut off or mistyped");
}

void TestApiKeyToken::fromPastedText()
{
    QFETCH(QString, text);
    QFETCH(Problem, problem);
    QFETCH(QString, fragment);

    const ApiKeyToken token = ApiKeyToken::fromPastedText(text);
    QCOMPARE(token.problemKind(), problem);
    QCOMPARE(token.isWellFormed(), problem == Problem::None);
    if (problem == Problem::None) {
        QVERIFY(token.problem().isEmpty());
        QVERIFY(!token.isEmpty());
        QVERIFY(token.token() == apiKey());
        QVERIFY(token.looksLikeQlikApiKey());
        QVERIFY(token.notAnApiKeyReason().isEmpty());
        return;
    }
    QVERIFY2(token.problem().contains(fragment), qPrintable(token.problem()));
    QVERIFY2(isFullSentence(token.problem()), qPrintable(token.problem()));
    // A token that cannot work is not handed out (nor kept).
    QVERIFY(token.isEmpty());
    QVERIFY(token.token().isEmpty());
    QVERIFY(!token.looksLikeQlikApiKey());
    QVERIFY(token.notAnApiKeyReason().isEmpty());
    // The sentence never repeats what was pasted.
    QVERIFY(!token.problem().contains(s("eyJ")));
}

void TestApiKeyToken::claims_data()
{
    QTest::addColumn<QJsonObject>("payload");
    QTest::addColumn<QString>("keyId");
    QTest::addColumn<QString>("subject");
    QTest::addColumn<QString>("subjectType");
    QTest::addColumn<QString>("tenantId");
    QTest::addColumn<QString>("issuer");
    QTest::addColumn<QString>("audience");
    QTest::addColumn<QDateTime>("expiresAt"); // invalid = no usable "exp"
    QTest::addColumn<bool>("looksLikeApiKey");
    QTest::addColumn<QString>("reason"); // fragment of notAnApiKeyReason()

    const QJsonObject standard = apiKeyPayload();
    const QDateTime standardExpiry(QDate(2033, 5, 18), QTime(3, 33, 20), Qt::UTC);
    const auto row = [&](const char *tag, const QJsonObject &payload, const QString &audience,
                         const QDateTime &expiresAt, bool looks, const char *reason = "") {
        QTest::newRow(tag) << payload << payload.value(s("jti")).toString() << payload.value(s("sub")).toString()
                           << payload.value(s("subType")).toString() << payload.value(s("tenantId")).toString()
                           << payload.value(s("iss")).toString() << audience << expiresAt << looks << s(reason);
    };
    const auto changed = [&standard](const char *name, const QJsonValue &value) {
        QJsonObject payload = standard;
        if (value.isUndefined())
            payload.remove(s(name));
        else
            payload.insert(s(name), value);
        return payload;
    };

    row("Qlik API key", standard, s("qlik.api"), standardExpiry, true);
    row("no exp", changed("exp", QJsonValue::Undefined), s("qlik.api"), {}, true);
    row("exp as text", changed("exp", s("2000000000")), s("qlik.api"), {}, true);
    row("exp null", changed("exp", QJsonValue::Null), s("qlik.api"), {}, true);
    row("exp negative", changed("exp", -5), s("qlik.api"), {}, true);
    row("exp absurdly far", changed("exp", 1e300), s("qlik.api"), {}, true);
    row("exp with fraction", changed("exp", 1700000000.75), s("qlik.api"),
        QDateTime(QDate(2023, 11, 14), QTime(22, 13, 20), Qt::UTC), true);
    row("aud array, API first", changed("aud", QJsonArray {s("qlik.api"), s("other")}), s("qlik.api"), standardExpiry,
        true);
    row("aud array, API second", changed("aud", QJsonArray {s("other"), s("qlik.api")}), s("other"), standardExpiry,
        true);
    row("aud empty array", changed("aud", QJsonArray {}), {}, standardExpiry, false, "not a Qlik API key");
    row("no aud", changed("aud", QJsonValue::Undefined), {}, standardExpiry, true);
    row("no iss", changed("iss", QJsonValue::Undefined), s("qlik.api"), standardExpiry, true);
    row("other issuer", changed("iss", s("qlik.api/login")), s("qlik.api"), standardExpiry, false,
        "not a Qlik API key");
    row("iss not a string", changed("iss", 7), s("qlik.api"), standardExpiry, false, "not a Qlik API key");
    row("sub not a string", changed("sub", 42), s("qlik.api"), standardExpiry, true);

    QJsonObject neither = standard;
    neither.remove(s("aud"));
    neither.remove(s("iss"));
    row("neither aud nor iss", neither, {}, standardExpiry, false, "not a Qlik API key");

    const QJsonObject oauth {
        {s("sub"), s("6155ca3b5e8ae6001d6a8b58")},
        {s("subType"), s("user")},
        {s("tenantId"), s("xqGQ0k66vSR8f9G7J-vYtHZQkiYrCpct")},
        {s("aud"), s("qlik.api")},
        {s("iss"), s("https://acme.eu.qlikcloud.com")},
        {s("scope"), s("user_default offline_access")},
        {s("client_id"), s("b4bd2f0f7c3a4c25a1c4d1e2f3a4b5c6")},
        {s("exp"), 1700000000},
    };
    row("OAuth access token", oauth, s("qlik.api"), QDateTime(QDate(2023, 11, 14), QTime(22, 13, 20), Qt::UTC), false,
        "OAuth");
    const QJsonObject otherJwt {
        {s("iss"), s("https://login.example.com/")}, {s("aud"), s("some-app")}, {s("sub"), s("alice")}};
    row("other JWT", otherJwt, s("some-app"), {}, false, "not a Qlik API key");
}

void TestApiKeyToken::claims()
{
    QFETCH(QJsonObject, payload);
    QFETCH(QString, keyId);
    QFETCH(QString, subject);
    QFETCH(QString, subjectType);
    QFETCH(QString, tenantId);
    QFETCH(QString, issuer);
    QFETCH(QString, audience);
    QFETCH(QDateTime, expiresAt);
    QFETCH(bool, looksLikeApiKey);
    QFETCH(QString, reason);

    const ApiKeyToken token = ApiKeyToken::fromPastedText(QString::fromLatin1(makeJwt(payload)));
    QVERIFY2(token.isWellFormed(), qPrintable(token.problem()));
    QVERIFY(token.token() == makeJwt(payload));
    QCOMPARE(token.keyId(), keyId);
    QCOMPARE(token.subject(), subject);
    QCOMPARE(token.subjectType(), subjectType);
    QCOMPARE(token.tenantId(), tenantId);
    QCOMPARE(token.issuer(), issuer);
    QCOMPARE(token.audience(), audience);
    QCOMPARE(token.expiresAt().has_value(), expiresAt.isValid());
    if (expiresAt.isValid()) {
        QCOMPARE(*token.expiresAt(), expiresAt);
        QCOMPARE(token.expiresAt()->timeSpec(), Qt::UTC);
    }
    QCOMPARE(token.looksLikeQlikApiKey(), looksLikeApiKey);
    if (looksLikeApiKey) {
        QVERIFY(token.notAnApiKeyReason().isEmpty());
    } else {
        QVERIFY2(token.notAnApiKeyReason().contains(reason), qPrintable(token.notAnApiKeyReason()));
        QVERIFY2(isFullSentence(token.notAnApiKeyReason()), qPrintable(token.notAnApiKeyReason()));
        // Still well-formed: the wizard may warn and let the user decide.
        QVERIFY(!token.isEmpty());
    }
}

void TestApiKeyToken::isExpired_data()
{
    QTest::addColumn<QJsonValue>("exp");
    QTest::addColumn<QDateTime>("now");
    QTest::addColumn<bool>("expired");

    const QDateTime expiry = QDateTime::fromSecsSinceEpoch(2000000000, Qt::UTC);
    QTest::newRow("a second before") << QJsonValue(2000000000) << expiry.addSecs(-1) << false;
    QTest::newRow("at the moment") << QJsonValue(2000000000) << expiry << true;
    QTest::newRow("a second after") << QJsonValue(2000000000) << expiry.addSecs(1) << true;
    QTest::newRow("local time before") << QJsonValue(2000000000) << expiry.addDays(-1).toLocalTime() << false;
    QTest::newRow("local time after") << QJsonValue(2000000000) << expiry.addDays(1).toLocalTime() << true;
    QTest::newRow("no exp never expires") << QJsonValue(QJsonValue::Undefined) << expiry.addYears(100) << false;
    QTest::newRow("text exp is ignored") << QJsonValue(s("1")) << expiry << false;
}

void TestApiKeyToken::isExpired()
{
    QFETCH(QJsonValue, exp);
    QFETCH(QDateTime, now);
    QFETCH(bool, expired);

    QJsonObject payload = apiKeyPayload();
    if (exp.isUndefined())
        payload.remove(s("exp"));
    else
        payload.insert(s("exp"), exp);
    const ApiKeyToken token = ApiKeyToken::fromPastedText(QString::fromLatin1(makeJwt(payload)));
    QVERIFY(token.isWellFormed());
    QCOMPARE(token.isExpired(now), expired);
}

void TestApiKeyToken::wipeEmptiesToken()
{
    ApiKeyToken token = ApiKeyToken::fromPastedText(QString::fromLatin1(apiKey()));
    QVERIFY(!token.isEmpty());
    QVERIFY(token.isWellFormed());

    token.wipe();
    QVERIFY(token.isEmpty());
    QVERIFY(token.token().isEmpty());
    // Nothing may treat a wiped key as one that is ready to use.
    QVERIFY(!token.isWellFormed());
    QCOMPARE(token.problemKind(), Problem::Empty);
    QVERIFY(!token.looksLikeQlikApiKey());
    QVERIFY(token.keyId().isEmpty());
    QVERIFY(!token.expiresAt().has_value());

    token.wipe(); // twice is harmless
    QVERIFY(token.isEmpty());
}

void TestApiKeyToken::copiesAndMovesKeepTheirOwnToken()
{
    auto original = std::make_unique<ApiKeyToken>(ApiKeyToken::fromPastedText(QString::fromLatin1(apiKey())));
    const ApiKeyToken copy = *original;
    QByteArray handedOut = original->token();

    // Destroying or wiping one owner must not take the secret away from another one.
    original->wipe();
    QVERIFY(original->isEmpty());
    QVERIFY(copy.token() == apiKey());
    QCOMPARE(copy.keyId(), s("63d8a7f5b3c1f10001c37c4e"));
    original.reset();
    QVERIFY(copy.token() == apiKey());
    QVERIFY(handedOut == apiKey());
    SecureMemory::wipe(handedOut);
    QVERIFY(copy.token() == apiKey());

    ApiKeyToken source = copy;
    ApiKeyToken moved = std::move(source);
    QVERIFY(moved.token() == apiKey());
    QCOMPARE(moved.keyId(), copy.keyId());
    // The moved-from token must not pass for a usable key.
    QVERIFY(source.isEmpty()); // NOLINT(bugprone-use-after-move): its state after a move is part of the contract
    QVERIFY(!source.isWellFormed());

    source = std::move(moved);
    QVERIFY(source.token() == apiKey());
    QVERIFY(moved.isEmpty()); // NOLINT(bugprone-use-after-move)
    QVERIFY(!moved.isWellFormed());
}

void TestApiKeyToken::assignmentReplacesToken()
{
    QJsonObject otherPayload = apiKeyPayload();
    otherPayload.insert(s("jti"), s("other-key"));
    const QByteArray otherKey = makeJwt(otherPayload);

    ApiKeyToken token = ApiKeyToken::fromPastedText(QString::fromLatin1(apiKey()));
    const ApiKeyToken other = ApiKeyToken::fromPastedText(QString::fromLatin1(otherKey));
    token = other;
    QVERIFY(token.token() == otherKey);
    QCOMPARE(token.keyId(), s("other-key"));

    token = ApiKeyToken::fromPastedText(QString::fromLatin1(apiKey()));
    QVERIFY(token.token() == apiKey());
    QCOMPARE(token.keyId(), s("63d8a7f5b3c1f10001c37c4e"));

    token = ApiKeyToken::fromPastedText(s("not a key"));
    QVERIFY(token.isEmpty());
    QVERIFY(token.keyId().isEmpty());
    QCOMPARE(token.problemKind(), Problem::NotThreeParts);

    const ApiKeyToken &self = token;
    token = self;
    QCOMPARE(token.problemKind(), Problem::NotThreeParts);
}

void TestApiKeyToken::defaultConstructedIsEmpty()
{
    const ApiKeyToken token;
    QVERIFY(token.isEmpty());
    QVERIFY(!token.isWellFormed());
    QCOMPARE(token.problemKind(), Problem::Empty);
    QVERIFY(!token.problem().isEmpty());
    QVERIFY(!token.looksLikeQlikApiKey());
    QVERIFY(!token.expiresAt().has_value());
    QVERIFY(!token.isExpired(QDateTime::currentDateTimeUtc()));
}

void TestApiKeyToken::secureMemoryReleasesBuffers()
{
    QByteArray bytes("a secret that is long enough to be allocated");
    SecureMemory::wipe(bytes);
    QVERIFY(bytes.isEmpty());
    QCOMPARE(bytes.capacity(), 0);

    // Removing from the front leaves free space before data(); the whole allocation must still be handled.
    QByteArray shifted("0123456789abcdefghijklmnopqrstuvwxyz");
    shifted.remove(0, 10);
    shifted.chop(5);
    SecureMemory::wipe(shifted);
    QVERIFY(shifted.isEmpty());

    QString text = s("a secret passphrase in UTF-16");
    text.remove(0, 2);
    SecureMemory::wipe(text);
    QVERIFY(text.isEmpty());
    QCOMPARE(text.capacity(), 0);

    QByteArray empty;
    SecureMemory::wipe(empty);
    QVERIFY(empty.isEmpty());
    QString literal = QStringLiteral("static data");
    SecureMemory::wipe(literal);
    QVERIFY(literal.isEmpty());
}

void TestApiKeyToken::secureMemoryLeavesSharedAndForeignBuffersIntact()
{
    // A buffer still shared belongs to its other owner too, who wipes it in turn.
    QByteArray bytes("shared secret value");
    const QByteArray other = bytes;
    SecureMemory::wipe(bytes);
    QVERIFY(bytes.isEmpty());
    QVERIFY(other == QByteArray("shared secret value"));

    QString text = s("shared secret text");
    const QString otherText = text;
    SecureMemory::wipe(text);
    QVERIFY(text.isEmpty());
    QVERIFY(otherText == s("shared secret text"));

    // Memory that QByteArray does not own (fromRawData) is not written to; its owner is responsible.
    const char foreign[] = "foreign bytes";
    QByteArray view = QByteArray::fromRawData(foreign, sizeof(foreign) - 1);
    SecureMemory::wipe(view);
    QVERIFY(view.isEmpty());
    QVERIFY(QByteArray(foreign) == QByteArray("foreign bytes"));
}

QTEST_GUILESS_MAIN(TestApiKeyToken)
#include "tst_apikeytoken.moc"
