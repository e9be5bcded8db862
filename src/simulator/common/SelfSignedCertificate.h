#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Dawiso::Simulator {

// A throw-away TLS identity for the simulator: a fresh EC P-256 key and a self-signed X.509 v3 certificate for
// CN=localhost (subjectAltName DNS:localhost, IP:127.0.0.1, IP:::1), valid from an hour ago for 30 days. Made in
// memory with libcrypto; the private key never touches the disk.
class SelfSignedCertificate
{
public:
    // Generates a new key and certificate; isNull() tells whether that failed (errorString() says why).
    static SelfSignedCertificate generate();

    bool isNull() const { return m_certificate.isNull() || m_key.isNull(); }
    QString errorString() const { return m_errorString; }
    QSslCertificate certificate() const { return m_certificate; }
    QSslKey privateKey() const { return m_key; }

private:
    QSslCertificate m_certificate;
    QSslKey m_key;
    QString m_errorString;
};

} // namespace Dawiso::Simulator
