#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Dawiso::Simulator {

// Makes one X.509 v3 certificate for a fresh EC P-256 key with libcrypto, valid from an hour ago for 30 days, signed
// by the issuer given or by itself; the private key never touches the disk. Behind SelfSignedCertificate and
// CertificateAuthority.
class CertificateBuilder
{
public:
    struct Request
    {
        QString commonName;
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
