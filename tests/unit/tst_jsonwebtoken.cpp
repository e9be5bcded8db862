// JsonWebToken: the compact RS256 form a Qlik Sense JWT virtual proxy reads, with a key maker that records what it
// is asked to sign (tst_signingplugin signs with the real plugin and checks the signature with openssl).
#include "signing/JsonWebToken.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

Q_DECLARE_METATYPE(Dawiso::JwtClaims)

using namespace Dawiso;

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

// Bytes whose standard base64 has '+' and '/': the token must carry their URL-safe forms.
const QByteArray FakeSignature = QByteArray("\xfb\xff\xfe\xfb\xef\xbe", 6) + QByteArrayLiteral("signature");

class RecordingKeyMaker : public SigningKeyMaker
{
public:
    std::optional<SigningKeyPair> makeKeyPair(const QString &, int, QString *problem) override
    {
        *problem = QStringLiteral("not used here");
        return std::nullopt;
    }
    QByteArray signRs256(const QByteArray &privateKeyPem, const QByteArray &data, QString *problem) override
    {
        ++calls;
        keyGiven = privateKeyPem;
        signedData = data;
        if (!failure.isEmpty()) {
            *problem = failure;
            return {};
        }
        return FakeSignature;
    }

    int calls = 0;
    QByteArray keyGiven;
    QByteArray signedData;
    QString failure;
};

const QDateTime IssuedAt = QDateTime(QDate(2026, 12, 7), QTime(12, 0, 0), Qt::UTC);

JwtClaims serviceUser()
{
    JwtClaims claims;
    claims.userId = QStringLiteral("svc_dawiso");
    claims.userDirectory = QStringLiteral("CORP");
    claims.name = QStringLiteral("Dawiso service");
    claims.issuedAt = IssuedAt;
    claims.expiresAt = IssuedAt.addDays(365);
    claims.jti = QStringLiteral("4f0c2a8e-1b7d-4c1e-9a57-3e2d7c6b5a40");
    return claims;
}

QJsonObject decodedPart(const QByteArray &part)
{
    return QJsonDocument::fromJson(QByteArray::fromBase64(part, QByteArray::Base64UrlEncoding)).object();
}

QByteArray encodedPart(const QByteArray &json)
{
    return json.toBase64(Base64Url);
}

} // namespace

class TestJsonWebToken : public QObject
{
    Q_OBJECT

private slots:
    void tokenIsThreeBase64UrlParts();
    void payloadCarriesTheClaims();
    void nameAndIdOnlyWhenSet();
    void claimsUnderTheProxysNames();
    void incompleteClaimsAreRefused_data();
    void incompleteClaimsAreRefused();
    void signingFailureIsReported();
    void readUnverifiedGivesBackTheClaims();
    void readUnverifiedShowsAnExpiredToken();
    void readUnverifiedRefuses_data();
    void readUnverifiedRefuses();
};

void TestJsonWebToken::tokenIsThreeBase64UrlParts()
{
    RecordingKeyMaker maker;
    QString problem;
    const QByteArray key = QByteArrayLiteral("a private key");
    const QByteArray token = JsonWebToken::sign(serviceUser(), key, maker, &problem);
    QVERIFY2(!token.isEmpty(), qPrintable(problem));
    QCOMPARE(maker.calls, 1);
    QVERIFY(maker.keyGiven == key);

    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    for (const char c : token)
        QVERIFY2(c == '.' || c == '-' || c == '_' || QChar::isLetterOrNumber(uchar(c)), "not base64url");
    // The exact header a Qlik Sense proxy is documented to accept.
    QCOMPARE(QByteArray::fromBase64(parts.at(0), QByteArray::Base64UrlEncoding),
             QByteArrayLiteral(R"({"alg":"RS256","typ":"JWT"})"));
    // The signature covers header.payload as they appear in the token.
    const bool signedWhatIsSent = maker.signedData == parts.at(0) + '.' + parts.at(1);
    QVERIFY(signedWhatIsSent);
    const bool signatureEncoded = parts.at(2) == FakeSignature.toBase64(Base64Url);
    QVERIFY(signatureEncoded);
    QVERIFY(parts.at(2).contains('-') && parts.at(2).contains('_'));
}

void TestJsonWebToken::payloadCarriesTheClaims()
{
    RecordingKeyMaker maker;
    QString problem;
    const QByteArray token = JsonWebToken::sign(serviceUser(), "key", maker, &problem);
    const QJsonObject payload = decodedPart(token.split('.').value(1));
    QCOMPARE(payload.keys(),
             (QStringList {QStringLiteral("exp"), QStringLiteral("iat"), QStringLiteral("jti"), QStringLiteral("name"),
                           QStringLiteral("userDirectory"), QStringLiteral("userId")}));
    QCOMPARE(payload.value(QLatin1String("userId")).toString(), QStringLiteral("svc_dawiso"));
    QCOMPARE(payload.value(QLatin1String("userDirectory")).toString(), QStringLiteral("CORP"));
    QCOMPARE(payload.value(QLatin1String("name")).toString(), QStringLiteral("Dawiso service"));
    QCOMPARE(payload.value(QLatin1String("jti")).toString(), serviceUser().jti);
    // Whole seconds; "iat" 30 s early, so that a proxy whose clock is a little behind ours accepts it at once.
    QCOMPARE(payload.value(QLatin1String("iat")).toInteger(), IssuedAt.toSecsSinceEpoch() - 30);
    QCOMPARE(payload.value(QLatin1String("exp")).toInteger(), IssuedAt.addDays(365).toSecsSinceEpoch());
    QVERIFY(payload.value(QLatin1String("iat")).toDouble() == double(payload.value(QLatin1String("iat")).toInteger()));
}

void TestJsonWebToken::nameAndIdOnlyWhenSet()
{
    JwtClaims claims = serviceUser();
    claims.name.clear();
    claims.jti.clear();
    RecordingKeyMaker maker;
    QString problem;
    const QJsonObject payload = decodedPart(JsonWebToken::sign(claims, "key", maker, &problem).split('.').value(1));
    QCOMPARE(payload.keys(),
             (QStringList {QStringLiteral("exp"), QStringLiteral("iat"), QStringLiteral("userDirectory"),
                           QStringLiteral("userId")}));
}

void TestJsonWebToken::claimsUnderTheProxysNames()
{
    JwtClaims claims = serviceUser();
    claims.userIdClaim = QStringLiteral("sub");
    claims.userDirectoryClaim = QStringLiteral("dir");
    RecordingKeyMaker maker;
    QString problem;
    const QByteArray token = JsonWebToken::sign(claims, "key", maker, &problem);
    const QJsonObject payload = decodedPart(token.split('.').value(1));
    QCOMPARE(payload.value(QLatin1String("sub")).toString(), QStringLiteral("svc_dawiso"));
    QCOMPARE(payload.value(QLatin1String("dir")).toString(), QStringLiteral("CORP"));
    QVERIFY(!payload.contains(QLatin1String("userId")));
    QVERIFY(!payload.contains(QLatin1String("userDirectory")));

    // Read under the same names; under the default ones the user is not there.
    const std::optional<JwtClaims> read =
        JsonWebToken::readUnverified(token, QStringLiteral("sub"), QStringLiteral("dir"));
    QVERIFY(read);
    QCOMPARE(read->userIdClaim, QStringLiteral("sub"));
    QCOMPARE(read->userId, QStringLiteral("svc_dawiso"));
    QCOMPARE(read->userDirectory, QStringLiteral("CORP"));
    QVERIFY(!JsonWebToken::readUnverified(token));
}

void TestJsonWebToken::incompleteClaimsAreRefused_data()
{
    QTest::addColumn<JwtClaims>("claims");
    JwtClaims claims = serviceUser();
    claims.userId.clear();
    QTest::newRow("no user id") << claims;
    claims = serviceUser();
    claims.userDirectory.clear();
    QTest::newRow("no user directory") << claims;
    claims = serviceUser();
    claims.expiresAt = QDateTime();
    QTest::newRow("no expiry") << claims;
    claims = serviceUser();
    claims.issuedAt = QDateTime();
    QTest::newRow("no issue time") << claims;
    claims = serviceUser();
    claims.expiresAt = claims.issuedAt;
    QTest::newRow("expires as it is issued") << claims;
    claims = serviceUser();
    claims.userDirectoryClaim = claims.userIdClaim;
    QTest::newRow("one name for both claims") << claims;
    claims = serviceUser();
    claims.userIdClaim = QStringLiteral("exp");
    QTest::newRow("user id named exp") << claims;
    claims = serviceUser();
    claims.userDirectoryClaim.clear();
    QTest::newRow("no name for the directory claim") << claims;
}

void TestJsonWebToken::incompleteClaimsAreRefused()
{
    QFETCH(JwtClaims, claims);
    RecordingKeyMaker maker;
    QString problem;
    QVERIFY(JsonWebToken::sign(claims, "key", maker, &problem).isEmpty());
    QVERIFY(!problem.isEmpty());
    QCOMPARE(maker.calls, 0);
}

void TestJsonWebToken::signingFailureIsReported()
{
    RecordingKeyMaker maker;
    maker.failure = QStringLiteral("The key could not be read.");
    QString problem;
    QVERIFY(JsonWebToken::sign(serviceUser(), "key", maker, &problem).isEmpty());
    QCOMPARE(problem, maker.failure);
}

void TestJsonWebToken::readUnverifiedGivesBackTheClaims()
{
    RecordingKeyMaker maker;
    QString problem;
    const std::optional<JwtClaims> read =
        JsonWebToken::readUnverified(JsonWebToken::sign(serviceUser(), "key", maker, &problem));
    QVERIFY(read);
    const JwtClaims expected = serviceUser();
    QCOMPARE(read->userIdClaim, QStringLiteral("userId"));
    QCOMPARE(read->userDirectoryClaim, QStringLiteral("userDirectory"));
    QCOMPARE(read->userId, expected.userId);
    QCOMPARE(read->userDirectory, expected.userDirectory);
    QCOMPARE(read->name, expected.name);
    QCOMPARE(read->jti, expected.jti);
    QCOMPARE(read->expiresAt, expected.expiresAt);
    QCOMPARE(read->issuedAt, expected.issuedAt.addSecs(-JsonWebToken::IssuedAtBackdateSeconds));
}

void TestJsonWebToken::readUnverifiedShowsAnExpiredToken()
{
    // Made by someone else (no "iat", a fractional "exp"), long expired: still read, so that its expiry can be shown.
    const QByteArray token = encodedPart(R"({"alg":"RS512"})") + '.'
        + encodedPart(R"({"userId":"svc_dawiso","userDirectory":"CORP","exp":1500000000.7})") + ".c2ln";
    const std::optional<JwtClaims> read = JsonWebToken::readUnverified(token);
    QVERIFY(read);
    QCOMPARE(read->expiresAt, QDateTime::fromSecsSinceEpoch(1500000000, Qt::UTC));
    QVERIFY(!read->issuedAt.isValid());
    QVERIFY(read->name.isEmpty());
    QVERIFY(read->jti.isEmpty());
}

void TestJsonWebToken::readUnverifiedRefuses_data()
{
    QTest::addColumn<QByteArray>("token");
    const QByteArray header = encodedPart(R"({"alg":"RS256","typ":"JWT"})");
    const QByteArray payload = encodedPart(R"({"userId":"svc_dawiso","userDirectory":"CORP","exp":1900000000})");
    const QByteArray signature = QByteArrayLiteral("c2lnbmF0dXJl");
    QTest::newRow("two parts") << header + '.' + payload;
    QTest::newRow("four parts") << header + '.' + payload + '.' + signature + '.' + signature;
    QTest::newRow("no signature") << header + '.' + payload + '.';
    // '+' in the standard alphabet where base64url has '-'.
    const QByteArray standard = QByteArrayLiteral(R"({"userId":"svc~~~","userDirectory":"CORP","exp":1900000000})")
                                    .toBase64(QByteArray::OmitTrailingEquals);
    QVERIFY(standard.contains('+'));
    QTest::newRow("standard base64") << header + '.' + standard + '.' + signature;
    QTest::newRow("payload not JSON") << header + '.' + encodedPart("userId=svc_dawiso") + '.' + signature;
    QTest::newRow("payload a JSON array") << header + '.' + encodedPart("[1]") + '.' + signature;
    QTest::newRow("header without alg") << encodedPart(R"({"typ":"JWT"})") + '.' + payload + '.' + signature;
    QTest::newRow("no exp") << header + '.' + encodedPart(R"({"userId":"svc_dawiso","userDirectory":"CORP"})") + '.'
            + signature;
    QTest::newRow("exp a string") << header + '.'
            + encodedPart(R"({"userId":"svc_dawiso","userDirectory":"CORP","exp":"1900000000"})") + '.' + signature;
    QTest::newRow("exp beyond the year 9999") << header + '.'
            + encodedPart(R"({"userId":"svc_dawiso","userDirectory":"CORP","exp":1e300})") + '.' + signature;
    QTest::newRow("user id a number") << header + '.'
            + encodedPart(R"({"userId":7,"userDirectory":"CORP","exp":1900000000})") + '.' + signature;
    QTest::newRow("empty directory") << header + '.'
            + encodedPart(R"({"userId":"svc_dawiso","userDirectory":"","exp":1900000000})") + '.' + signature;
}

void TestJsonWebToken::readUnverifiedRefuses()
{
    QFETCH(QByteArray, token);
    QVERIFY(!JsonWebToken::readUnverified(token));
}

QTEST_GUILESS_MAIN(TestJsonWebToken)
#include "tst_jsonwebtoken.moc"
