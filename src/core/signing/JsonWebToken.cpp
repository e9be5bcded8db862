#include "signing/JsonWebToken.h"

#include "token/SecureMemory.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

namespace Dawiso {

namespace {

constexpr auto Base64Url = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

const QLatin1String IssuedAtClaim("iat");
const QLatin1String ExpiresAtClaim("exp");
const QLatin1String TokenIdClaim("jti");
const QLatin1String NameClaim("name");

std::optional<QJsonObject> decodeObject(const QByteArray &part)
{
    const QByteArray::FromBase64Result decoded =
        QByteArray::fromBase64Encoding(part, QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(decoded.decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

// Seconds since the epoch, as JWT's NumericDate; fractions are allowed there but never written here. Up to the end
// of the year 9999, so that the conversion to whole seconds stays defined.
std::optional<QDateTime> numericDate(const QJsonValue &value)
{
    constexpr double Latest = 253402300799.0;
    const double seconds = value.toDouble(-1);
    if (!value.isDouble() || seconds < 0 || seconds > Latest)
        return std::nullopt;
    return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(seconds), Qt::UTC);
}

QString stringClaim(const QJsonObject &object, const QString &key)
{
    const QJsonValue value = object.value(key);
    return value.isString() ? value.toString() : QString();
}

} // namespace

QByteArray JsonWebToken::sign(const JwtClaims &claims, const QByteArray &privateKeyPem, SigningKeyMaker &maker,
                              QString *problem)
{
    const QStringList reserved {IssuedAtClaim, ExpiresAtClaim, TokenIdClaim, NameClaim};
    const bool namesUsable = !claims.userIdClaim.isEmpty() && !claims.userDirectoryClaim.isEmpty()
        && claims.userIdClaim != claims.userDirectoryClaim && !reserved.contains(claims.userIdClaim)
        && !reserved.contains(claims.userDirectoryClaim);
    if (!namesUsable) {
        if (problem) {
            *problem = tr("The token could not be made: the names of the user id and user directory attributes must "
                          "be different, not empty, and none of iat, exp, jti or name.");
        }
        return {};
    }
    if (claims.userId.isEmpty() || claims.userDirectory.isEmpty() || !claims.issuedAt.isValid()
        || !claims.expiresAt.isValid() || claims.expiresAt <= claims.issuedAt) {
        if (problem) {
            *problem = tr("The token could not be made: it needs a user id, a user directory and an expiry after its "
                          "start.");
        }
        return {};
    }

    QJsonObject payload {
        {claims.userIdClaim, claims.userId},
        {claims.userDirectoryClaim, claims.userDirectory},
        {IssuedAtClaim, claims.issuedAt.toSecsSinceEpoch() - IssuedAtBackdateSeconds},
        {ExpiresAtClaim, claims.expiresAt.toSecsSinceEpoch()},
    };
    if (!claims.name.isEmpty())
        payload.insert(NameClaim, claims.name);
    if (!claims.jti.isEmpty())
        payload.insert(TokenIdClaim, claims.jti);

    const QByteArray signingInput = QByteArrayLiteral(R"({"alg":"RS256","typ":"JWT"})").toBase64(Base64Url) + '.'
        + QJsonDocument(payload).toJson(QJsonDocument::Compact).toBase64(Base64Url);
    QByteArray signature = maker.signRs256(privateKeyPem, signingInput, problem);
    if (signature.isEmpty())
        return {};
    QByteArray encodedSignature = signature.toBase64(Base64Url);
    SecureMemory::wipe(signature);
    QByteArray token = signingInput + '.' + encodedSignature;
    SecureMemory::wipe(encodedSignature);
    return token;
}

std::optional<JwtClaims> JsonWebToken::readUnverified(const QByteArray &token, const QString &userIdClaim,
                                                      const QString &userDirectoryClaim)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3 || parts.at(2).isEmpty())
        return std::nullopt;
    const std::optional<QJsonObject> header = decodeObject(parts.at(0));
    const std::optional<QJsonObject> payload = decodeObject(parts.at(1));
    if (!header || !header->value(QLatin1String("alg")).isString() || !payload)
        return std::nullopt;

    JwtClaims claims;
    claims.userIdClaim = userIdClaim;
    claims.userDirectoryClaim = userDirectoryClaim;
    claims.userId = stringClaim(*payload, userIdClaim);
    claims.userDirectory = stringClaim(*payload, userDirectoryClaim);
    claims.name = stringClaim(*payload, NameClaim);
    claims.jti = stringClaim(*payload, TokenIdClaim);
    const std::optional<QDateTime> expiresAt = numericDate(payload->value(ExpiresAtClaim));
    if (claims.userId.isEmpty() || claims.userDirectory.isEmpty() || !expiresAt)
        return std::nullopt;
    claims.expiresAt = *expiresAt;
    claims.issuedAt = numericDate(payload->value(IssuedAtClaim)).value_or(QDateTime());
    return claims;
}

} // namespace Dawiso
