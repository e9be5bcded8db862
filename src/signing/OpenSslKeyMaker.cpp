#include "OpenSslKeyMaker.h"

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Dawiso {

namespace {

struct PkeyDeleter
{
    void operator()(EVP_PKEY *key) const { EVP_PKEY_free(key); }
};
struct X509Deleter
{
    void operator()(X509 *certificate) const { X509_free(certificate); }
};
struct BioDeleter
{
    void operator()(BIO *bio) const { BIO_free(bio); }
};
struct BignumDeleter
{
    void operator()(BIGNUM *number) const { BN_free(number); }
};
struct MdContextDeleter
{
    void operator()(EVP_MD_CTX *context) const { EVP_MD_CTX_free(context); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using BignumPtr = std::unique_ptr<BIGNUM, BignumDeleter>;
using MdContextPtr = std::unique_ptr<EVP_MD_CTX, MdContextDeleter>;

constexpr size_t KeyBits = 3072;
// Valid from an hour ago: a server whose clock is a little behind ours still accepts the certificate at once.
constexpr long NotBeforeSeconds = -3600;

// libcrypto's latest error, for the sentence that says what failed; the queue is emptied.
QString takeLastError()
{
    char text[256] = {};
    ERR_error_string_n(ERR_peek_last_error(), text, sizeof(text));
    ERR_clear_error();
    return QString::fromLatin1(text);
}

// Never a prompt on the terminal for an encrypted key, which libcrypto's default callback would show.
int noPassphrase(char *, int, int, void *)
{
    return -1;
}

bool addExtension(X509 *certificate, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool setRandomSerial(X509 *certificate)
{
    BignumPtr serial(BN_new());
    // 127 random bits: a positive serial of at most 16 bytes, as RFC 5280 asks.
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return false;
    return BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

QByteArray bioContents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, static_cast<qsizetype>(size)) : QByteArray();
}

} // namespace

std::optional<SigningKeyPair> OpenSslKeyMaker::makeKeyPair(const QString &commonName, int validityDays,
                                                           QString *problem)
{
    const QByteArray name = commonName.trimmed().toUtf8();
    if (name.isEmpty() || validityDays < 1) {
        if (problem)
            *problem = tr("The signing key was not made: its certificate needs a name and at least one day of "
                          "validity.");
        return std::nullopt;
    }
    ERR_clear_error();
    const PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", KeyBits));
    const X509Ptr certificate(key ? X509_new() : nullptr);
    X509_NAME *subject = certificate ? X509_get_subject_name(certificate.get()) : nullptr;
    const bool built = subject && X509_set_version(certificate.get(), X509_VERSION_3) == 1
        && setRandomSerial(certificate.get())
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), NotBeforeSeconds)
        && X509_time_adj_ex(X509_getm_notAfter(certificate.get()), validityDays, 0, nullptr)
        && X509_set_pubkey(certificate.get(), key.get()) == 1
        && X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(name.constData()), -1, -1, 0)
            == 1
        && X509_set_issuer_name(certificate.get(), subject) == 1
        && addExtension(certificate.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature")
        && addExtension(certificate.get(), NID_subject_key_identifier, "hash")
        && X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0;
    if (!built) {
        if (problem)
            *problem = tr("The signing key could not be made (%1). Try again.").arg(takeLastError());
        return std::nullopt;
    }

    const BioPtr certificateBio(BIO_new(BIO_s_mem()));
    // Secure memory for the private key's PEM: libcrypto cleanses it when the BIO is freed.
    const BioPtr keyBio(BIO_new(BIO_s_secmem()));
    // PEM_write_bio_PrivateKey writes unencrypted PKCS#8.
    if (!certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        if (problem)
            *problem = tr("The signing key could not be written out (%1). Try again.").arg(takeLastError());
        return std::nullopt;
    }
    SigningKeyPair pair;
    pair.certificatePem = bioContents(certificateBio.get());
    pair.privateKeyPem = bioContents(keyBio.get());
    return pair;
}

QByteArray OpenSslKeyMaker::signRs256(const QByteArray &privateKeyPem, const QByteArray &data, QString *problem)
{
    ERR_clear_error();
    // Reads the caller's buffer in place: no copy of the PEM is made here.
    const BioPtr keyBio(BIO_new_mem_buf(privateKeyPem.constData(), static_cast<int>(privateKeyPem.size())));
    const PkeyPtr key(keyBio ? PEM_read_bio_PrivateKey(keyBio.get(), nullptr, noPassphrase, nullptr) : nullptr);
    if (!key || !EVP_PKEY_is_a(key.get(), "RSA")) {
        ERR_clear_error();
        if (problem)
            *problem = tr("The saved signing key could not be read as an RSA private key, so nothing was signed.");
        return {};
    }
    const MdContextPtr context(EVP_MD_CTX_new());
    const auto *input = reinterpret_cast<const unsigned char *>(data.constData());
    const auto inputSize = static_cast<size_t>(data.size());
    size_t size = 0;
    // RSA keys sign with PKCS#1 v1.5 padding unless told otherwise: RS256 as RFC 7518 defines it.
    if (!context || EVP_DigestSignInit_ex(context.get(), nullptr, "SHA256", nullptr, nullptr, key.get(), nullptr) != 1
        || EVP_DigestSign(context.get(), nullptr, &size, input, inputSize) != 1) {
        if (problem)
            *problem = tr("The token could not be signed (%1).").arg(takeLastError());
        return {};
    }
    QByteArray signature(static_cast<qsizetype>(size), Qt::Uninitialized);
    if (EVP_DigestSign(context.get(), reinterpret_cast<unsigned char *>(signature.data()), &size, input, inputSize)
        != 1) {
        if (problem)
            *problem = tr("The token could not be signed (%1).").arg(takeLastError());
        return {};
    }
    signature.truncate(static_cast<qsizetype>(size));
    return signature;
}

} // namespace Dawiso
