#pragma once

#include <QList>
#include <QSslCertificate>
#include <QString>

namespace Dawiso {

// Who issued a server's certificate, told from the certificates alone (no trust store involved): whether an
// authority really signed it, which certificate of the chain a server sent is that authority, and whether its name is
// the one a Qlik Sense site gives the CA it makes at install (<SERVERNAME>-CA, such as QLIKSERVER1-CA).
class CertificateIssuer
{
public:
    // True when authority is a self-signed CA certificate whose key signed certificate. A self-signed certificate is
    // not its own authority here: that one is trusted by pinning it.
    static bool isIssuedBy(const QSslCertificate &certificate, const QSslCertificate &authority);
    // The self-signed authority among chain[1..] that issued chain's first certificate; null when there is none.
    static QSslCertificate authorityIn(const QList<QSslCertificate> &chain);
    // "QLIKSERVER1-CA": one word ending in -CA, as Qlik Sense names its site CA.
    static bool isQlikSiteCaName(const QString &commonName);
    // The issuer's common name of certificate; empty when it has none.
    static QString issuerCommonName(const QSslCertificate &certificate);
};

} // namespace Dawiso
