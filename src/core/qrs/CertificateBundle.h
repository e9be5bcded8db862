#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslKey>

namespace Dawiso {

// What a Qlik Sense Enterprise certificate export gives a caller of the QRS on its own port: the client certificate,
// its private key (held decrypted, in memory only) and the site's certificate authorities, which the server's
// certificate is checked against. Never a passphrase: whoever loads the bundle uses and wipes that.
class CertificateBundle
{
public:
    CertificateBundle() = default;
    CertificateBundle(const QSslCertificate &clientCertificate, QSslKey privateKey,
                      QList<QSslCertificate> caCertificates);

    QSslCertificate clientCertificate() const { return m_clientCertificate; }
    QSslKey privateKey() const { return m_privateKey; }
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }

    bool isNull() const { return m_clientCertificate.isNull() || m_privateKey.isNull(); }

private:
    QSslCertificate m_clientCertificate;
    QSslKey m_privateKey;
    QList<QSslCertificate> m_caCertificates;
};

} // namespace Dawiso
