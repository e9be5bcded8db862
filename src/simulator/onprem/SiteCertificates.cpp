#include "simulator/onprem/SiteCertificates.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>

#include <memory>
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

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
struct Pkcs12Deleter
{
    void operator()(PKCS12 *pkcs12) const { PKCS12_free(pkcs12); }
};
struct X509StackDeleter
{
    void operator()(STACK_OF(X509) * stack) const { sk_X509_pop_free(stack, X509_free); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;
using X509Ptr = std::unique_ptr<X509, X509Deleter>;
using BioPtr = std::unique_ptr<BIO, BioDeleter>;
using Pkcs12Ptr = std::unique_ptr<PKCS12, Pkcs12Deleter>;
using X509StackPtr = std::unique_ptr<STACK_OF(X509), X509StackDeleter>;

constexpr long day = 24L * 3600;
const QString clientCommonName = QStringLiteral("QlikClient");

QString lastOpenSslError(const char *step)
{
    char text[256] = {};
    ERR_error_string_n(ERR_get_error(), text, sizeof(text));
    ERR_clear_error();
    return QStringLiteral("%1 failed: %2").arg(QLatin1String(step), QLatin1String(text));
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

// What a secure-memory BIO holds; the BIO wipes its own copy when freed.
QByteArray contents(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return size > 0 ? QByteArray(data, static_cast<qsizetype>(size)) : QByteArray();
}

enum class KeyFormat { Pkcs8, Pkcs8Encrypted, LegacyEncrypted };

QByteArray keyPem(EVP_PKEY *key, KeyFormat format, const QByteArray &passphrase)
{
    BioPtr bio(BIO_new(BIO_s_secmem()));
    if (!bio)
        return {};
    // PEM_write_* take the passphrase as writable bytes but only read them.
    auto *phrase = reinterpret_cast<unsigned char *>(const_cast<char *>(passphrase.constData()));
    const int phraseLength = static_cast<int>(passphrase.size());
    int written = 0;
    switch (format) {
    case KeyFormat::Pkcs8:
        written = PEM_write_bio_PKCS8PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr);
        break;
    case KeyFormat::Pkcs8Encrypted:
        written = PEM_write_bio_PKCS8PrivateKey(bio.get(), key, EVP_aes_256_cbc(), reinterpret_cast<char *>(phrase),
                                                phraseLength, nullptr, nullptr);
        break;
    case KeyFormat::LegacyEncrypted:
        // The "traditional" form of an RSA key is PKCS#1, with the DEK-Info header of OpenSSL's own encryption.
        written = PEM_write_bio_PrivateKey_traditional(bio.get(), key, EVP_aes_256_cbc(), phrase, phraseLength, nullptr,
                                                       nullptr);
        break;
    }
    return written == 1 ? contents(bio.get()) : QByteArray();
}

QByteArray pkcs12Der(const QSslCertificate &certificate, EVP_PKEY *key, const QSslCertificate &ca,
                     const QByteArray &passphrase)
{
    const X509Ptr x509 = toX509(certificate);
    X509StackPtr authorities(sk_X509_new_null());
    X509Ptr caX509 = toX509(ca);
    if (!x509 || !authorities || !caX509 || sk_X509_push(authorities.get(), caX509.get()) == 0)
        return {};
    caX509.release(); // the stack owns it now
    const QByteArray name = clientCommonName.toUtf8();
    // OpenSSL 3's defaults: AES-256-CBC with PBKDF2 for the key and the certificates, an HMAC-SHA256 MAC.
    Pkcs12Ptr pkcs12(
        PKCS12_create(passphrase.constData(), name.constData(), key, x509.get(), authorities.get(), 0, 0, 0, 0, 0));
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

bool writeFile(const QDir &directory, const QString &name, QByteArray contents, bool secret, QString *error)
{
    QFile file(directory.filePath(name));
    const bool written = !contents.isEmpty() && file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && (!secret || file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        && file.write(contents) == contents.size() && file.flush();
    if (secret)
        OPENSSL_cleanse(contents.data(), static_cast<size_t>(contents.size()));
    if (!written)
        *error = contents.isEmpty() ? QStringLiteral("Could not encode %1: %2").arg(name, lastOpenSslError("Encoding"))
                                    : QStringLiteral("Could not write %1: %2").arg(file.fileName(), file.errorString());
    return written;
}

QByteArray subjectAltName(const QStringList &names)
{
    QStringList entries;
    for (const QString &name : names)
        entries.append((QHostAddress(name).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + name);
    return entries.join(u',').toUtf8();
}

CertificateBuilder::Request issuedBy(const CertificateBuilder::Result &issuer, const QString &commonName)
{
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.issuerCertificate = issuer.certificate;
    request.issuerKey = issuer.key;
    request.basicConstraints = "critical,CA:FALSE";
    request.keyUsage = "critical,digitalSignature";
    request.extendedKeyUsage = "clientAuth";
    return request;
}

CertificateBuilder::Request authority(const QString &commonName)
{
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.basicConstraints = "critical,CA:TRUE";
    request.keyUsage = "critical,keyCertSign,cRLSign";
    return request;
}

} // namespace

SiteCertificates::SiteCertificates(const QString &serverName)
{
    if (!keep(CertificateBuilder::build(authority(serverName + QStringLiteral("-CA"))), &m_ca))
        return;
    CertificateBuilder::Request client = issuedBy(m_ca, clientCommonName);
    client.keyType = CertificateBuilder::KeyType::Rsa2048;
    client.keyUsage = "critical,digitalSignature,keyEncipherment";
    CertificateBuilder::Request expired = issuedBy(m_ca, clientCommonName);
    expired.notBeforeSeconds = -31 * day;
    expired.notAfterSeconds = -day;
    CertificateBuilder::Result otherCa;
    if (!keep(CertificateBuilder::build(client), &m_client)
        || !keep(CertificateBuilder::build(expired), &m_expiredClient)
        || !keep(CertificateBuilder::build(authority(QStringLiteral("OTHERSERVER-CA"))), &otherCa)
        || !keep(CertificateBuilder::build(issuedBy(otherCa, clientCommonName)), &m_otherClient))
        return;
    reissueServer({QStringLiteral("localhost")}, false);
}

bool SiteCertificates::isNull() const
{
    return m_ca.isNull() || m_server.isNull() || m_client.isNull() || m_otherClient.isNull()
        || m_expiredClient.isNull();
}

bool SiteCertificates::keep(const CertificateBuilder::Result &result, CertificateBuilder::Result *into)
{
    *into = result;
    if (result.isNull())
        m_errorString = result.errorString;
    return !result.isNull();
}

bool SiteCertificates::reissueServer(const QStringList &names, bool expired)
{
    if (m_ca.isNull() || names.isEmpty())
        return false;
    const QByteArray alternativeNames = subjectAltName(names);
    CertificateBuilder::Request request = issuedBy(m_ca, names.constFirst());
    request.extendedKeyUsage = "serverAuth";
    request.subjectAltName = alternativeNames.constData();
    if (expired) {
        request.notBeforeSeconds = -31 * day;
        request.notAfterSeconds = -day;
    }
    return keep(CertificateBuilder::build(request), &m_server);
}

bool SiteCertificates::writeBundle(const QString &directory, const QByteArray &passphrase) const
{
    if (isNull() || passphrase.isEmpty()) {
        m_errorString = isNull() ? m_errorString : QStringLiteral("The bundle needs a passphrase");
        return false;
    }
    const PkeyPtr clientKey = toPkey(m_client.key);
    const PkeyPtr otherKey = toPkey(m_otherClient.key);
    const PkeyPtr expiredKey = toPkey(m_expiredClient.key);
    if (!clientKey || !otherKey || !expiredKey) {
        m_errorString = lastOpenSslError("Reading the keys");
        return false;
    }
    const QDir target(directory);
    QString *error = &m_errorString;
    return writeFile(target, QStringLiteral("root.pem"), m_ca.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("root.cer"), m_ca.certificate.toDer(), false, error)
        && writeFile(target, QStringLiteral("client.pem"), m_client.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("client.der"), m_client.certificate.toDer(), false, error)
        && writeFile(target, QStringLiteral("client_key.pem"), keyPem(clientKey.get(), KeyFormat::Pkcs8, {}), true,
                     error)
        && writeFile(target, QStringLiteral("client_key_encrypted.pem"),
                     keyPem(clientKey.get(), KeyFormat::Pkcs8Encrypted, passphrase), true, error)
        && writeFile(target, QStringLiteral("client_key_legacy.pem"),
                     keyPem(clientKey.get(), KeyFormat::LegacyEncrypted, passphrase), true, error)
        && writeFile(target, QStringLiteral("client.pfx"),
                     pkcs12Der(m_client.certificate, clientKey.get(), m_ca.certificate, passphrase), true, error)
        && writeFile(target, QStringLiteral("other_client.pem"), m_otherClient.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("other_client_key.pem"), keyPem(otherKey.get(), KeyFormat::Pkcs8, {}), true,
                     error)
        && writeFile(target, QStringLiteral("expired_client.pem"), m_expiredClient.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("expired_client_key.pem"), keyPem(expiredKey.get(), KeyFormat::Pkcs8, {}),
                     true, error);
}

} // namespace Dawiso::Simulator
