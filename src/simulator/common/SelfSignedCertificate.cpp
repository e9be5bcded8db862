#include "simulator/common/SelfSignedCertificate.h"

#include "simulator/common/CertificateBuilder.h"

namespace Dawiso::Simulator {

SelfSignedCertificate SelfSignedCertificate::generate()
{
    CertificateBuilder::Request request;
    request.commonName = QStringLiteral("localhost");
    request.basicConstraints = "critical,CA:FALSE";
    request.keyUsage = "critical,digitalSignature";
    request.extendedKeyUsage = "serverAuth";
    request.subjectAltName = "DNS:localhost,IP:127.0.0.1,IP:::1";
    const CertificateBuilder::Result built = CertificateBuilder::build(request);

    SelfSignedCertificate result;
    result.m_certificate = built.certificate;
    result.m_key = built.key;
    result.m_errorString = built.errorString;
    return result;
}

} // namespace Dawiso::Simulator
