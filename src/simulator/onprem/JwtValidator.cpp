#include "simulator/onprem/JwtValidator.h"

#include "simulator/common/CryptoUtil.h"
#include "simulator/common/OpenSslHandles.h"

#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/evp.h>
#include <openssl/pem.h>

namespace Dawiso::Simulator {

namespace {

// Qlik allows this much clock skew for a token issued "in the future".
constexpr qint64 allowedSkewSeconds = 60;

struct DigestContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};

OpenSsl::X509Ptr readCertificate(const QByteArray &pem)
{
    OpenSsl::BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return OpenSsl::X509Ptr(bio ? PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr) : nullptr);
}

const EVP_MD *digestFor(const QString &alg)
{
    if (alg == u"RS256")
        return EVP_sha256();
    if (alg == u"RS384")
        return EVP_sha384();
    if (alg == u"RS512")
        return EVP_sha512();
    return nullptr;
}

bool verifySignature(const QByteArray &signingInput, const QByteArray &signature, const EVP_MD *digest,
                     const QByteArray &certificatePem)
{
    const OpenSsl::X509Ptr certificate = readCertificate(certificatePem);
    const OpenSsl::PkeyPtr key(certificate ? X509_get_pubkey(certificate.get()) : nullptr);
    if (!key || EVP_PKEY_base_id(key.get()) != EVP_PKEY_RSA)
        return false;
    std::unique_ptr<EVP_MD_CTX, DigestContextDeleter> context(EVP_MD_CTX_new());
    const bool verified = context && EVP_DigestVerifyInit(context.get(), nullptr, digest, nullptr, key.get()) == 1
        && EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char *>(signature.constData()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char *>(signingInput.constData()),
                            static_cast<size_t>(signingInput.size()))
            == 1;
    if (!verified)
        OpenSsl::lastError("EVP_DigestVerify"); // clears libcrypto's error queue
    return verified;
}

std::optional<QJsonObject> jsonPart(const QByteArray &part)
{
    const std::optional<QByteArray> decoded = CryptoUtil::base64UrlDecode(part);
    if (!decoded)
        return std::nullopt;
    const QJsonDocument document = QJsonDocument::fromJson(*decoded);
    return document.isObject() ? std::optional<QJsonObject>(document.object()) : std::nullopt;
}

std::optional<JwtValidator::Identity> refuse(QString *problem, const QString &why)
{
    if (problem)
        *problem = why;
    return std::nullopt;
}

} // namespace

bool JwtValidator::certificateParses(const QByteArray &pem)
{
    const OpenSsl::X509Ptr certificate = readCertificate(pem);
    const OpenSsl::PkeyPtr key(certificate ? X509_get_pubkey(certificate.get()) : nullptr);
    if (!key)
        OpenSsl::lastError("PEM_read_bio_X509");
    return key != nullptr;
}

std::optional<JwtValidator::Identity> JwtValidator::validate(const QByteArray &token, const SiteVirtualProxy &proxy,
                                                             qint64 nowSeconds, QString *problem)
{
    const QList<QByteArray> parts = token.split('.');
    if (parts.size() != 3)
        return refuse(problem, QStringLiteral("not three base64url parts"));
    const std::optional<QJsonObject> header = jsonPart(parts.at(0));
    const std::optional<QJsonObject> claims = jsonPart(parts.at(1));
    const std::optional<QByteArray> signature = CryptoUtil::base64UrlDecode(parts.at(2));
    if (!header || !claims || !signature)
        return refuse(problem, QStringLiteral("a part is not base64url JSON"));
    const EVP_MD *digest = digestFor(header->value(u"alg").toString());
    if (!digest)
        return refuse(problem, QStringLiteral("alg is not RS256, RS384 or RS512"));
    if (!verifySignature(parts.at(0) + '.' + parts.at(1), *signature, digest, proxy.jwtPublicKeyCertificate.toUtf8()))
        return refuse(problem, QStringLiteral("the signature does not match the virtual proxy's certificate"));

    const QJsonValue expiry = claims->value(u"exp");
    if (!expiry.isDouble())
        return refuse(problem, QStringLiteral("no exp"));
    if (static_cast<qint64>(expiry.toDouble()) <= nowSeconds)
        return refuse(problem, QStringLiteral("exp has passed"));
    for (const QString &name : {QStringLiteral("nbf"), QStringLiteral("iat")}) {
        const QJsonValue value = claims->value(name);
        if (value.isUndefined())
            continue;
        if (!value.isDouble() || static_cast<qint64>(value.toDouble()) > nowSeconds + allowedSkewSeconds)
            return refuse(problem, name + QStringLiteral(" is in the future"));
    }
    const QString userId =
        proxy.jwtAttributeUserId.isEmpty() ? QString() : claims->value(proxy.jwtAttributeUserId).toString();
    const QString userDirectory = proxy.jwtAttributeUserDirectory.isEmpty()
        ? QString()
        : claims->value(proxy.jwtAttributeUserDirectory).toString();
    if (userId.isEmpty() || userDirectory.isEmpty())
        return refuse(problem, QStringLiteral("the user id or user directory claim is missing or empty"));
    const QString name = claims->value(u"name").toString();
    return Identity {userDirectory, userId, name.isEmpty() ? userId : name};
}

} // namespace Dawiso::Simulator
