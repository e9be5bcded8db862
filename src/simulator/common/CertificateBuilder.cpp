#include "simulator/common/CertificateBuilder.h"

#include "simulator/common/OpenSslHandles.h"

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

using namespace OpenSsl;

namespace {

bool addExtension(X509 *certificate, X509 *issuer, int nid, const char *value)
{
    if (!value)
        return true;
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
    BignumPtr serial(BN_new());
    // 127 random bits, top bit clear: a positive serial of at most 16 bytes, as RFC 5280 asks.
    if (!serial || BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) != 1)
        return false;
    return BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate)) != nullptr;
}

} // namespace

CertificateBuilder::Result CertificateBuilder::build(const Request &request)
{
    Result result;
    X509Ptr issuerCertificate;
    PkeyPtr issuerKey;
    if (!request.issuerCertificate.isNull()) {
        issuerCertificate = toX509(request.issuerCertificate);
        issuerKey = toPkey(request.issuerKey);
        if (!issuerCertificate || !issuerKey) {
            result.errorString = lastError("Reading the issuer");
            return result;
        }
    }

    const bool rsa = request.keyType == KeyType::Rsa2048;
    PkeyPtr key(rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t {2048})
                    : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
    if (!key) {
        result.errorString = lastError("Key generation");
        return result;
    }
    X509Ptr certificate(X509_new());
    X509_NAME *name = certificate ? X509_get_subject_name(certificate.get()) : nullptr;
    X509 *issuer = issuerCertificate ? issuerCertificate.get() : certificate.get();
    EVP_PKEY *signer = issuerKey ? issuerKey.get() : key.get();
    const QByteArray commonName = request.commonName.toUtf8();
    const bool built = name && X509_set_version(certificate.get(), 2) == 1 && setRandomSerial(certificate.get())
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), request.notBeforeSeconds)
        && X509_gmtime_adj(X509_getm_notAfter(certificate.get()), request.notAfterSeconds)
        && X509_set_pubkey(certificate.get(), key.get()) == 1
        && X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(commonName.constData()), -1, -1, 0)
            == 1
        && X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuer)) == 1
        && addExtension(certificate.get(), issuer, NID_basic_constraints, request.basicConstraints)
        && addExtension(certificate.get(), issuer, NID_key_usage, request.keyUsage)
        && addExtension(certificate.get(), issuer, NID_ext_key_usage, request.extendedKeyUsage)
        && addExtension(certificate.get(), issuer, NID_subject_key_identifier, "hash")
        // Certificates may share a subject (every simulator's is "localhost"); the key identifiers let a trust store
        // holding several of them (one --ca-file) find the right one.
        && addExtension(certificate.get(), issuer, NID_authority_key_identifier, "keyid:always")
        && addExtension(certificate.get(), issuer, NID_subject_alt_name, request.subjectAltName)
        && X509_sign(certificate.get(), signer, EVP_sha256()) > 0;
    if (!built) {
        result.errorString = lastError("Certificate creation");
        return result;
    }

    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1) {
        result.errorString = lastError("Certificate encoding");
        return result;
    }
    // Secure memory for the key's PEM: it is wiped when freed.
    BioPtr keyBio(BIO_new(BIO_s_secmem()));
    if (!keyBio || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        result.errorString = lastError("Key encoding");
        return result;
    }
    result.certificate = QSslCertificate(bioContents(certificateBio.get()), QSsl::Pem);
    QByteArray keyPem = bioContents(keyBio.get());
    result.key = QSslKey(keyPem, rsa ? QSsl::Rsa : QSsl::Ec, QSsl::Pem, QSsl::PrivateKey);
    OPENSSL_cleanse(keyPem.data(), static_cast<size_t>(keyPem.size()));
    if (result.isNull())
        result.errorString = QStringLiteral("Qt could not read the generated certificate or key");
    return result;
}

} // namespace Dawiso::Simulator
