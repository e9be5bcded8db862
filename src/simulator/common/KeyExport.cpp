#include "simulator/common/KeyExport.h"

#include "simulator/common/OpenSslHandles.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/pem.h>

namespace Dawiso::Simulator {

using namespace OpenSsl;

namespace {

enum class KeyFormat { Pkcs8, Pkcs8Encrypted, LegacyEncrypted };

QByteArray keyPem(const QSslKey &key, KeyFormat format, const QByteArray &passphrase)
{
    const PkeyPtr pkey = toPkey(key);
    // A secure-memory BIO wipes its own copy when freed.
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!pkey || !bio)
        return {};
    // PEM_write_* take the passphrase as writable bytes but only read them.
    auto *phrase = reinterpret_cast<unsigned char *>(const_cast<char *>(passphrase.constData()));
    const int phraseLength = static_cast<int>(passphrase.size());
    int written = 0;
    switch (format) {
    case KeyFormat::Pkcs8:
        written = PEM_write_bio_PKCS8PrivateKey(bio.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyFormat::Pkcs8Encrypted:
        written = PEM_write_bio_PKCS8PrivateKey(bio.get(), pkey.get(), EVP_aes_256_cbc(),
                                                reinterpret_cast<char *>(phrase), phraseLength, nullptr, nullptr);
        break;
    case KeyFormat::LegacyEncrypted:
        // The "traditional" form of an RSA key is PKCS#1, with the DEK-Info header of OpenSSL's own encryption.
        written = PEM_write_bio_PrivateKey_traditional(bio.get(), pkey.get(), EVP_aes_256_cbc(), phrase, phraseLength,
                                                       nullptr, nullptr);
        break;
    }
    return written == 1 ? bioContents(bio.get()) : QByteArray();
}

} // namespace

QByteArray KeyExport::pkcs8Pem(const QSslKey &key)
{
    return keyPem(key, KeyFormat::Pkcs8, {});
}

QByteArray KeyExport::encryptedPkcs8Pem(const QSslKey &key, const QByteArray &passphrase)
{
    return keyPem(key, KeyFormat::Pkcs8Encrypted, passphrase);
}

QByteArray KeyExport::encryptedLegacyPem(const QSslKey &key, const QByteArray &passphrase)
{
    return keyPem(key, KeyFormat::LegacyEncrypted, passphrase);
}

QByteArray KeyExport::pkcs12Der(const QSslCertificate &certificate, const QSslKey &key,
                                const QList<QSslCertificate> &caCertificates, const QByteArray &password,
                                const QString &friendlyName)
{
    const X509Ptr x509 = toX509(certificate);
    const PkeyPtr pkey = toPkey(key);
    X509StackPtr authorities(sk_X509_new_null());
    if (!x509 || !pkey || !authorities)
        return {};
    for (const QSslCertificate &ca : caCertificates) {
        X509Ptr caX509 = toX509(ca);
        if (!caX509 || sk_X509_push(authorities.get(), caX509.get()) == 0)
            return {};
        static_cast<void>(caX509.release()); // the stack owns it now
    }
    const QByteArray name = friendlyName.toUtf8();
    // OpenSSL 3's defaults: AES-256-CBC with PBKDF2 for the key and the certificates, an HMAC-SHA256 MAC.
    const Pkcs12Ptr pkcs12(PKCS12_create(password.constData(), name.constData(), pkey.get(), x509.get(),
                                         authorities.get(), 0, 0, 0, 0, 0));
    if (!pkcs12)
        return {};
    unsigned char *der = nullptr;
    const int size = i2d_PKCS12(pkcs12.get(), &der);
    if (size <= 0)
        return {};
    QByteArray result(reinterpret_cast<const char *>(der), size);
    OPENSSL_free(der);
    return result;
}

} // namespace Dawiso::Simulator
