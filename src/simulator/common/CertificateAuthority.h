#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Dawiso::Simulator {

// A throw-away certificate authority for tests of trust and mutual TLS: a fresh EC P-256 key and a self-signed CA
// certificate, which issues server certificates (for localhost, 127.0.0.1 and ::1) and client certificates. Made in
// memory with libcrypto, valid from an hour ago for 30 days; no key touches the disk.
class CertificateAuthority
{
public:
    struct Issued
    {
        QSslCertificate certificate;
        QSslKey key;
        bool isNull() const { return certificate.isNull() || key.isNull(); }
    };

    // isNull() tells whether that failed (errorString() says why).
    static CertificateAuthority generate(const QString &commonName = QStringLiteral("Simulator Test CA"));

    bool isNull() const { return m_self.isNull(); }
    QString errorString() const { return m_errorString; }
    QSslCertificate certificate() const { return m_self.certificate; }

    // A certificate signed by this authority; null (and errorString()) on failure.
    Issued issueServer() const;
    Issued issueClient(const QString &commonName) const;

private:
    Issued issue(const QString &commonName, bool server) const;

    Issued m_self;
    mutable QString m_errorString;
};

} // namespace Dawiso::Simulator
