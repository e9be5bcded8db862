#pragma once

#include "simulator/common/CertificateBuilder.h"

#include <QByteArray>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

// The certificates of a simulated Qlik Sense site, made in memory with libcrypto: the site's own CA
// ("<SERVERNAME>-CA"), the server certificate it issues for the site's names (served on both ports), the client
// certificate CN=QlikClient the QMC would export, and the wrong ones tests need (a client from another CA, an expired
// client). The client key is RSA 2048, so that it exists both as PKCS#8 and as a legacy PKCS#1 file; the others are
// EC P-256.
class SiteCertificates
{
public:
    explicit SiteCertificates(const QString &serverName = QStringLiteral("QLIKSERVER1"));

    bool isNull() const;
    QString errorString() const { return m_errorString; }

    QSslCertificate siteCa() const { return m_ca.certificate; }
    QSslCertificate serverCertificate() const { return m_server.certificate; }
    QSslKey serverKey() const { return m_server.key; }
    QSslCertificate clientCertificate() const { return m_client.certificate; }
    QSslKey clientKey() const { return m_client.key; }

    // Issues the server certificate again, for these names (an IP address becomes an IP entry, anything else a DNS
    // entry) and expired since yesterday or valid. False (and errorString()) on failure.
    bool reissueServer(const QStringList &names, bool expired);

    // Writes what the QMC's certificate export holds, plus wrong files for tests, into the directory (which must
    // exist): root.pem, root.cer (DER), client.pem, client.der, client_key.pem (PKCS#8), client_key_encrypted.pem
    // (PKCS#8, encrypted with the passphrase), client_key_legacy.pem (PKCS#1 with Proc-Type: 4,ENCRYPTED, same
    // passphrase), client.pfx (PKCS#12 of the client certificate, its key and the CA, same passphrase),
    // other_client.pem + other_client_key.pem (issued by another CA), expired_client.pem + expired_client_key.pem
    // (issued by the site CA, expired yesterday). Key files are readable by their owner only. The passphrase must not
    // be empty. False (and errorString()) on failure.
    bool writeBundle(const QString &directory, const QByteArray &passphrase) const;

private:
    bool keep(const CertificateBuilder::Result &result, CertificateBuilder::Result *into);

    CertificateBuilder::Result m_ca;
    CertificateBuilder::Result m_server;
    CertificateBuilder::Result m_client;
    CertificateBuilder::Result m_otherClient;
    CertificateBuilder::Result m_expiredClient;
    mutable QString m_errorString;
};

} // namespace Dawiso::Simulator
