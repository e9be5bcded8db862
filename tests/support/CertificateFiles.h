#pragma once

#include "simulator/common/CertificateBuilder.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace Dawiso::Test {

// The files of a Qlik Sense Enterprise certificate export, made in memory for tests of the loader (on the simulator's
// CertificateBuilder and KeyExport): RSA 2048 client keys, chosen validity, encrypted keys in both PEM flavours,
// PKCS#12. Written only into the test's own temporary directory.
class CertificateFiles
{
public:
    using Identity = Simulator::CertificateBuilder::Result;

    CertificateFiles() = delete;

    // A self-signed CA (EC P-256) that can issue certificates.
    static Identity authority(const QString &commonName);
    // An RSA 2048 client certificate signed by the authority, valid from `validFromDays` to `validUntilDays`
    // counted from now (negative: in the past).
    static Identity rsaClient(const Identity &authority, const QString &commonName, int validFromDays = -1,
                              int validUntilDays = 30);
    // An EC P-256 client certificate signed by the authority (CertificateBuilder's kind of key).
    static Identity ecClient(const Identity &authority, const QString &commonName);

    // PKCS#8 "BEGIN ENCRYPTED PRIVATE KEY".
    static QByteArray encryptedPkcs8(const QSslKey &key, const QByteArray &passphrase);
    // The legacy form, "BEGIN RSA PRIVATE KEY" with "Proc-Type: 4,ENCRYPTED".
    static QByteArray encryptedLegacy(const QSslKey &key, const QByteArray &passphrase);
    // A .pfx of the certificate, its key and the CAs, protected by the password.
    static QByteArray pkcs12(const Identity &client, const QList<QSslCertificate> &caCertificates,
                             const QByteArray &password);

    static bool write(const QString &path, const QByteArray &contents);
};

} // namespace Dawiso::Test
