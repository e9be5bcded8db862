#include "simulator/common/CertificateAuthority.h"

#include "simulator/common/CertificateBuilder.h"

namespace Dawiso::Simulator {

namespace {

CertificateAuthority::Issued issued(const CertificateBuilder::Result &built, QString *errorString)
{
    if (!built.errorString.isEmpty())
        *errorString = built.errorString;
    return {built.certificate, built.key};
}

} // namespace

CertificateAuthority CertificateAuthority::generate(const QString &commonName)
{
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.basicConstraints = "critical,CA:TRUE";
    request.keyUsage = "critical,keyCertSign,cRLSign";
    CertificateAuthority authority;
    authority.m_self = issued(CertificateBuilder::build(request), &authority.m_errorString);
    return authority;
}

CertificateAuthority::Issued CertificateAuthority::issueServer() const
{
    return issue(QStringLiteral("localhost"), true);
}

CertificateAuthority::Issued CertificateAuthority::issueClient(const QString &commonName) const
{
    return issue(commonName, false);
}

CertificateAuthority::Issued CertificateAuthority::issue(const QString &commonName, bool server) const
{
    if (isNull())
        return Issued();
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.issuerCertificate = m_self.certificate;
    request.issuerKey = m_self.key;
    request.basicConstraints = "critical,CA:FALSE";
    request.keyUsage = "critical,digitalSignature";
    request.extendedKeyUsage = server ? "serverAuth" : "clientAuth";
    request.subjectAltName = server ? "DNS:localhost,IP:127.0.0.1,IP:::1" : nullptr;
    return issued(CertificateBuilder::build(request), &m_errorString);
}

} // namespace Dawiso::Simulator
