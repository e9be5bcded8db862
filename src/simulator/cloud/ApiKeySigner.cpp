#include "simulator/cloud/ApiKeySigner.h"

#include "simulator/common/CryptoUtil.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Dawiso::Simulator {

namespace {

constexpr int secretBytes = 48;

std::optional<QJsonObject> decodeJsonPart(const QByteArray &part)
{
    const auto decoded = CryptoUtil::base64UrlDecode(part);
    if (!decoded)
        return std::nullopt;
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

} // namespace

ApiKeySigner::ApiKeySigner()
    : m_secret(CryptoUtil::randomBytes(secretBytes))
    , m_keyId(CryptoUtil::randomHexId(16))
{ }

ApiKeySigner::~ApiKeySigner()
{
    m_secret.fill('\0');
}

QByteArray ApiKeySigner::sign(const SimApiKey &key, const QString &tenantId) const
{
    const QJsonObject header {
        {QStringLiteral("alg"), QStringLiteral("ES384")},
        {QStringLiteral("kid"), m_keyId},
        {QStringLiteral("typ"), QStringLiteral("JWT")},
    };
    const QJsonObject payload {
        {QStringLiteral("sub"), key.sub},
        {QStringLiteral("subType"), QStringLiteral("user")},
        {QStringLiteral("tenantId"), tenantId},
        {QStringLiteral("jti"), key.id},
        {QStringLiteral("aud"), QStringLiteral("qlik.api")},
        {QStringLiteral("iss"), QStringLiteral("qlik.api/api-keys")},
        {QStringLiteral("exp"), key.expiry.toSecsSinceEpoch()},
    };
    const QByteArray signingInput = CryptoUtil::base64UrlEncode(QJsonDocument(header).toJson(QJsonDocument::Compact))
        + '.' + CryptoUtil::base64UrlEncode(QJsonDocument(payload).toJson(QJsonDocument::Compact));
    return signingInput + '.' + CryptoUtil::base64UrlEncode(CryptoUtil::hmacSha384(m_secret, signingInput));
}

std::optional<ApiKeyClaims> ApiKeySigner::verify(const QByteArray &token) const
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return std::nullopt;
    const auto signature = CryptoUtil::base64UrlDecode(parts.at(2));
    const QByteArray signingInput = parts.at(0) + '.' + parts.at(1);
    if (!signature || !CryptoUtil::equalConstantTime(*signature, CryptoUtil::hmacSha384(m_secret, signingInput)))
        return std::nullopt;

    const auto header = decodeJsonPart(parts.at(0));
    const auto payload = decodeJsonPart(parts.at(1));
    if (!header || !payload || header->value(QStringLiteral("kid")).toString() != m_keyId)
        return std::nullopt;
    const QJsonValue exp = payload->value(QStringLiteral("exp"));
    ApiKeyClaims claims {
        payload->value(QStringLiteral("jti")).toString(), payload->value(QStringLiteral("sub")).toString(),
        payload->value(QStringLiteral("tenantId")).toString(), QDateTime::fromSecsSinceEpoch(exp.toInteger(), Qt::UTC)};
    if (claims.keyId.isEmpty() || claims.subject.isEmpty() || !exp.isDouble())
        return std::nullopt;
    return claims;
}

} // namespace Dawiso::Simulator
