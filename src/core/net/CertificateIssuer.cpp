#include "net/CertificateIssuer.h"

#include <QRegularExpression>
#include <QSslError>

namespace Dawiso {

namespace {

// What the verification says when the authority did not sign the certificate: it found no issuer for it, or the
// signature does not match the issuer's key.
bool isMissingOrWrongIssuer(QSslError::SslError error)
{
    switch (error) {
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::UnableToDecryptCertificateSignature:
    case QSslError::UnableToDecodeIssuerPublicKey:
    case QSslError::CertificateSignatureFailed:
    case QSslError::InvalidCaCertificate:
    case QSslError::SelfSignedCertificate:
        return true;
    default:
        return false;
    }
}

bool isSelfSigned(const QSslCertificate &certificate)
{
    return certificate.isSelfSigned() || certificate.issuerDisplayName() == certificate.subjectDisplayName();
}

} // namespace

bool CertificateIssuer::isIssuedBy(const QSslCertificate &certificate, const QSslCertificate &authority)
{
    if (certificate.isNull() || authority.isNull() || certificate == authority || !isSelfSigned(authority))
        return false;
    // The authority goes in as the untrusted top of the chain: the verification then reports it as a self-signed
    // certificate in the chain when it signed the certificate, and a missing or wrong issuer when it did not.
    const QList<QSslError> errors = QSslCertificate::verify({certificate, authority});
    for (const QSslError &error : errors) {
        if (isMissingOrWrongIssuer(error.error()))
            return false;
    }
    return true;
}

QSslCertificate CertificateIssuer::authorityIn(const QList<QSslCertificate> &chain)
{
    for (qsizetype i = 1; i < chain.size(); ++i) {
        if (isIssuedBy(chain.front(), chain.at(i)))
            return chain.at(i);
    }
    return QSslCertificate();
}

bool CertificateIssuer::isQlikSiteCaName(const QString &commonName)
{
    static const QRegularExpression siteCa(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*-CA$"));
    return siteCa.match(commonName).hasMatch();
}

QString CertificateIssuer::issuerCommonName(const QSslCertificate &certificate)
{
    return certificate.issuerInfo(QSslCertificate::CommonName).value(0);
}

} // namespace Dawiso
