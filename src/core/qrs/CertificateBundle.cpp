#include "qrs/CertificateBundle.h"

namespace Dawiso {

CertificateBundle::CertificateBundle(QSslCertificate clientCertificate, QSslKey privateKey,
                                     QList<QSslCertificate> caCertificates)
    : m_clientCertificate(std::move(clientCertificate))
    , m_privateKey(std::move(privateKey))
    , m_caCertificates(std::move(caCertificates))
{ }

} // namespace Dawiso
