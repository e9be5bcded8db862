#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Dawiso::Simulator {

// A private key and its certificate in the forms a Qlik Sense certificate export may hold them, made with libcrypto
// for the simulated site and for tests of the product's loader: PKCS#8 PEM, plain or encrypted ("BEGIN ENCRYPTED
// PRIVATE KEY"), the legacy encrypted PEM of an RSA key ("BEGIN RSA PRIVATE KEY" with Proc-Type: 4,ENCRYPTED), and
// PKCS#12 (.pfx). Encryption is AES-256-CBC, as OpenSSL 3 does by default. Empty on failure.
class KeyExport
{
public:
    KeyExport() = delete;

    static QByteArray pkcs8Pem(const QSslKey &key);
    static QByteArray encryptedPkcs8Pem(const QSslKey &key, const QByteArray &passphrase);
    static QByteArray encryptedLegacyPem(const QSslKey &key, const QByteArray &passphrase);
    // DER of a PKCS#12 with the certificate, its key and the CA certificates, under the friendly name.
    static QByteArray pkcs12Der(const QSslCertificate &certificate, const QSslKey &key,
                                const QList<QSslCertificate> &caCertificates, const QByteArray &password,
                                const QString &friendlyName);
};

} // namespace Dawiso::Simulator
