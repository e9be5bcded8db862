#include "CertificateFiles.h"

#include <QFile>
#include <QRandomGenerator>

#include <memory>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

namespace Dawiso::Test {

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
    const QByteArray pem = key.toPem();
    BioPtr bio(BIO_new_mem_buf(pem.constData(), static_cast<int>(pem.size())));
    return PkeyPtr(bio ? PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr) : nullptr);
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

} // namespace

CertificateFiles::Identity CertificateFiles::authority(const QString &commonName)
{
    Simulator::CertificateBuilder::Request request;
    request.commonName = commonName;
    request.basicConstraints = "critical,CA:TRUE";
    request.keyUsage = "critical,keyCertSign,cRLSign";
    return Simulator::CertificateBuilder::build(request);
}

CertificateFiles::Identity CertificateFiles::ecClient(const Identity &authority, const QString &commonName)
{
    Simulator::CertificateBuilder::Request request;
    request.commonName = commonName;
    request.issuerCertificate = authority.certificate;
    request.issuerKey = authority.key;
    request.basicConstraints = "critical,CA:FALSE";
    request.extendedKeyUsage = "clientAuth";
    return Simulator::CertificateBuilder::build(request);
}

CertificateFiles::Identity CertificateFiles::rsaClient(const Identity &authority, const QString &commonName,
                                                       int validFromDays, int validUntilDays)
{
    Identity result;
    X509Ptr issuer = toX509(authority.certificate);
    PkeyPtr issuerKey = toPkey(authority.key);
    PkeyPtr key(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
    X509Ptr certificate(X509_new());
    if (!issuer || !issuerKey || !key || !certificate) {
        result.errorString = QStringLiteral("libcrypto could not start the certificate");
        return result;
    }
    const QByteArray name = commonName.toUtf8();
    const bool built = X509_set_version(certificate.get(), 2) == 1
        && ASN1_INTEGER_set(X509_get_serialNumber(certificate.get()),
                            long(QRandomGenerator::global()->bounded(1, 0x7fffffff)))
            == 1
        && X509_gmtime_adj(X509_getm_notBefore(certificate.get()), long(validFromDays) * 24 * 3600)
        && X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(validUntilDays) * 24 * 3600)
        && X509_set_pubkey(certificate.get(), key.get()) == 1
        && X509_NAME_add_entry_by_txt(X509_get_subject_name(certificate.get()), "CN", MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(name.constData()), -1, -1, 0)
            == 1
        && X509_set_issuer_name(certificate.get(), X509_get_subject_name(issuer.get())) == 1
        && addExtension(certificate.get(), issuer.get(), NID_basic_constraints, "critical,CA:FALSE")
        && addExtension(certificate.get(), issuer.get(), NID_ext_key_usage, "clientAuth")
        && addExtension(certificate.get(), issuer.get(), NID_authority_key_identifier, "keyid:always")
        && X509_sign(certificate.get(), issuerKey.get(), EVP_sha256()) > 0;
    BioPtr certificateBio(BIO_new(BIO_s_mem()));
    BioPtr keyBio(BIO_new(BIO_s_mem()));
    if (!built || !certificateBio || !keyBio || PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1
        || PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) != 1) {
        result.errorString = QStringLiteral("libcrypto could not make the RSA client certificate");
        return result;
    }
    result.certificate = QSslCertificate(bioContents(certificateBio.get()), QSsl::Pem);
    result.key = QSslKey(bioContents(keyBio.get()), QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey);
    if (result.isNull())
        result.errorString = QStringLiteral("Qt could not read the RSA client certificate or key");
    return result;
}

QByteArray CertificateFiles::encryptedPkcs8(const QSslKey &key, const QByteArray &passphrase)
{
    PkeyPtr pkey = toPkey(key);
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!pkey || !bio
        || PEM_write_bio_PKCS8PrivateKey(bio.get(), pkey.get(), EVP_aes_256_cbc(), passphrase.constData(),
                                         int(passphrase.size()), nullptr, nullptr)
            != 1)
        return {};
    return bioContents(bio.get());
}

QByteArray CertificateFiles::encryptedLegacy(const QSslKey &key, const QByteArray &passphrase)
{
    PkeyPtr pkey = toPkey(key);
    BioPtr bio(BIO_new(BIO_s_mem()));
    QByteArray pass = passphrase;
    if (!pkey || !bio
        || PEM_write_bio_PrivateKey_traditional(bio.get(), pkey.get(), EVP_aes_256_cbc(),
                                                reinterpret_cast<unsigned char *>(pass.data()), int(pass.size()),
                                                nullptr, nullptr)
            != 1)
        return {};
    return bioContents(bio.get());
}

QByteArray CertificateFiles::pkcs12(const Identity &client, const QList<QSslCertificate> &caCertificates,
                                    const QByteArray &password)
{
    PkeyPtr pkey = toPkey(client.key);
    X509Ptr certificate = toX509(client.certificate);
    STACK_OF(X509) *cas = sk_X509_new_null();
    for (const QSslCertificate &ca : caCertificates)
        sk_X509_push(cas, toX509(ca).release());
    PKCS12 *bundle = pkey && certificate
        ? PKCS12_create(password.constData(), "client", pkey.get(), certificate.get(), cas, 0, 0, 0, 0, 0)
        : nullptr;
    sk_X509_pop_free(cas, X509_free);
    BioPtr bio(BIO_new(BIO_s_mem()));
    const bool written = bundle && bio && i2d_PKCS12_bio(bio.get(), bundle) == 1;
    PKCS12_free(bundle);
    return written ? bioContents(bio.get()) : QByteArray();
}

bool CertificateFiles::write(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace Dawiso::Test
