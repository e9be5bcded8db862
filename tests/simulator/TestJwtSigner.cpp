#include "TestJwtSigner.h"

#include "simulator/common/CertificateBuilder.h"
#include "simulator/common/CryptoUtil.h"
#include "simulator/common/OpenSslHandles.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QUuid>

#include <memory>
#include <openssl/evp.h>

using namespace Dawiso::Simulator;

namespace {

struct DigestContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

QByteArray encodedJson(const QJsonObject &object)
{
    return CryptoUtil::base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

} // namespace

TestJwtSigner::TestJwtSigner()
{
    CertificateBuilder::Request request;
    request.commonName = QStringLiteral("Dawiso test signing");
    request.keyType = CertificateBuilder::KeyType::Rsa2048;
    const CertificateBuilder::Result made = CertificateBuilder::build(request);
    m_certificate = made.certificate;
    m_key = made.key;
    m_errorString = made.errorString;
}

QJsonObject TestJwtSigner::claimsFor(const QString &userDirectory, const QString &userId)
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    return QJsonObject {{QStringLiteral("userId"), userId},
                        {QStringLiteral("userDirectory"), userDirectory},
                        {QStringLiteral("iat"), now - 30},
                        {QStringLiteral("exp"), now + 3600},
                        {QStringLiteral("jti"), QUuid::createUuid().toString(QUuid::WithoutBraces)}};
}

QByteArray TestJwtSigner::sign(const QJsonObject &claims, const QString &alg) const
{
    const QByteArray input =
        encodedJson(QJsonObject {{QStringLiteral("alg"), alg}, {QStringLiteral("typ"), QStringLiteral("JWT")}}) + '.'
        + encodedJson(claims);
    const EVP_MD *digest = alg == u"RS384" ? EVP_sha384() : alg == u"RS512" ? EVP_sha512() : EVP_sha256();
    const OpenSsl::PkeyPtr key = OpenSsl::toPkey(m_key);
    std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context(EVP_MD_CTX_new());
    size_t length = 0;
    if (!key || !context || EVP_DigestSignInit(context.get(), nullptr, digest, nullptr, key.get()) != 1
        || EVP_DigestSign(context.get(), nullptr, &length, reinterpret_cast<const unsigned char *>(input.constData()),
                          static_cast<size_t>(input.size()))
            != 1)
        return {};
    QByteArray signature(static_cast<qsizetype>(length), '\0');
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &length,
                       reinterpret_cast<const unsigned char *>(input.constData()), static_cast<size_t>(input.size()))
        != 1)
        return {};
    signature.truncate(static_cast<qsizetype>(length));
    return input + '.' + CryptoUtil::base64UrlEncode(signature);
}
