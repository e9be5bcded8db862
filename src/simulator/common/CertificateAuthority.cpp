#include "simulator/common/CertificateAuthority.h"

#include <QByteArray>

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Dawiso::Simulator {

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
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;

constexpr long validFromSecondsAgo = 3600;
constexpr long validitySeconds = 30L * 24 * 3600;

QString lastOpenSslError(const char *step)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof(text));
    ERR_clear_error();
    return QStringLiteral("%1 failed: %2").arg(QLatin1String(step), QLatin1String(text));
}

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, issuer, certificate, nullptr, nullptr, 0);
    X509_EXTENSION *extension = X509V3_EXT_conf_nid(nullptr, &context, nid, value);
    if (!extension)
        return false;
    const bool added = X509_add_ext(certificate, extension, -1) == 1;
    X509_EXTENSION_free(extension);
    return added;
}

bool setRandomSerial(X509 *certificate)
{
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), &BN_free);
    // 127 random bits, top bit clear: a positive serial of at most 16 bytes, as RFC 5280 asks.
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

X509Ptr toX509(const QSslCertificate &certificate)
{
    const QByteArray der = certificate.toDer();
    const auto *data = reinterpret_cast<const unsigned char *>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &data, static_cast<long>(der.size())));
}

PkeyPtr toPkey(const QSslKey &key)
{
    QByteArray pem = key.toPem();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    PkeyPtr result(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
    OPENSSL_cleanse(pem.data(), static_cast<size_t>(pem.size()));
    return result;
}

// Builds and signs one certificate for a new key; the issuer is the certificate itself when issuerCertificate is
// null. Returns the certificate and key as Qt reads them, or sets *error.
CertificateAuthority::Issued build(const QString &commonName, X509 *issuerCertificate, EVP_PKEY *issuerKey,
                                   const char *basicConstraints, const char *keyUsage, const char *extendedKeyUsage,
                                   const char *subjectAltName, QString *error)
{
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        *error = lastOpenSslError("EC key generation");
        return {};
    }
    X509Ptr certificate(X509_new());
    X509_NAME *name = certificate ? X509_get_subject_name(certificate.get()) : nullptr;
    const QByteArray cn = commonName.toUtf8();
    X509 *issuer = issuerCertificate ? issuerCertificate : certificate.get();
    EVP_PKEY *signer = issuerKey ? issuerKey : key.get();
    bool built = name && X509_set_version(certificate.get(), 2) == 1 && setRandomSerial(certificate.get())
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -validFromSecondsAgo)
        && X509_gmtime_adj(X509_getm_notAfter(certificate.get()), validitySeconds)
        && X509_set_pubkey(certificate.get(), key.get()) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(cn.constData()), -1, -1, 0)
            == 1
        && X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuer)) == 1
        && addExtension(certificate.get(), issuer, NID_basic_constraints, basicConstraints)
        && addExtension(certificate.get(), issuer, NID_key_usage, keyUsage)
        && addExtension(certificate.get(), issuer, NID_subject_key_identifier, "hash")
        && addExtension(certificate.get(), issuer, NID_authority_key_identifier, "keyid:always");
    if (built && extendedKeyUsage)
        built = addExtension(certificate.get(), issuer, NID_ext_key_usage, extendedKeyUsage);
    if (built && subjectAltName)
        built = addExtension(certificate.get(), issuer, NID_subject_alt_name, subjectAltName);
    built = built && X509_sign(certificate.get(), signer, EVP_sha256()) > 0;
    if (!built) {
        *error = lastOpenSslError("Certificate creation");
        return {};
    }
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_secmem())); // wiped when freed
    if (!certificateBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1 || !keyBio
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        *error = lastOpenSslError("Encoding");
        return {};
    }
    CertificateAuthority::Issued issued;
    issued.certificate = QSslCertificate(bioContents(certificateBio.get()), QSsl::Pem);
    QByteArray keyPem = bioContents(keyBio.get());
    issued.key = QSslKey(keyPem, QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    OPENSSL_cleanse(keyPem.data(), static_cast<size_t>(keyPem.size()));
    if (issued.isNull())
        *error = QStringLiteral("Qt could not read the generated certificate or key");
    return issued;
}

} // namespace

CertificateAuthority CertificateAuthority::generate(const QString &commonName)
{
    CertificateAuthority authority;
    authority.m_self = build(commonName, nullptr, nullptr, "critical,CA:TRUE", "critical,keyCertSign,cRLSign", nullptr,
                             nullptr, &authority.m_errorString);
    return authority;
}

CertificateAuthority::Issued CertificateAuthority::issueServer() const
{
    return issue(QStringLiteral("localhost"), true);
}

CertificateAuthority::Issued CertificateAuthority::issueClient(const QString &commonName) const
{
    return issue(commonName, false);
}

CertificateAuthority::Issued CertificateAuthority::issue(const QString &commonName, bool server) const
{
    if (isNull())
        return {};
    const X509Ptr issuer = toX509(m_self.certificate);
    const PkeyPtr issuerKey = toPkey(m_self.key);
    if (!issuer || !issuerKey) {
        m_errorString = lastOpenSslError("Reading the CA");
        return {};
    }
    return build(commonName, issuer.get(), issuerKey.get(), "critical,CA:FALSE", "critical,digitalSignature",
                 server ? "serverAuth" : "clientAuth", server ? "DNS:localhost,IP:127.0.0.1,IP:::1" : nullptr,
                 &m_errorString);
}

} // namespace Dawiso::Simulator
