#include "qrs/CertificateBundle.h"

namespace Dawiso {

CertificateBundle::CertificateBundle(const QSslCertificate &clientCertificate, QSslKey privateKey,
                                     QList<QSslCertificate> caCertificates)
    : m_clientCertificate(clientCertificate)
    , m_privateKey(std::move(privateKey))
    , m_caCertificates(std::move(caCertificates))
{ }

} // namespace Dawiso
