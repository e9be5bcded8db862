#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Dawiso::Simulator {

// Makes one X.509 v3 certificate for a fresh key (EC P-256 unless asked for RSA) with libcrypto, valid from an hour ago
// for 30 days unless asked otherwise, signed by the issuer given or by itself; the private key never touches the disk.
// Behind SelfSignedCertificate, CertificateAuthority and the simulated Qlik Sense site's certificates.
class CertificateBuilder
{
public:
    enum class KeyType { EcP256, Rsa2048 };

    struct Request
    {
        QString commonName;
        KeyType keyType = KeyType::EcP256;
        // Validity, in seconds from now (negative: in the past), so that a test can have an expired certificate.
        long notBeforeSeconds = -3600;
        long notAfterSeconds = 30L * 24 * 3600;
        QSslCertificate issuerCertificate; // null: self-signed
        QSslKey issuerKey;
        // OpenSSL's configuration syntax, e.g. "critical,CA:FALSE"; null leaves the extension out.
        const char *basicConstraints = nullptr;
        const char *keyUsage = nullptr;
        const char *extendedKeyUsage = nullptr;
        const char *subjectAltName = nullptr;
    };
    struct Result
    {
        QSslCertificate certificate;
        QSslKey key;
        QString errorString; // why it failed; empty on success
        bool isNull() const { return certificate.isNull() || key.isNull(); }
    };

    static Result build(const Request &request);
};

} // namespace Dawiso::Simulator
