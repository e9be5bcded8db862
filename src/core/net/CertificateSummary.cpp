#include "net/CertificateSummary.h"

#include <QCryptographicHash>
#include <QLocale>

namespace Dawiso {

namespace {

QString describeName(const QSslCertificate &certificate, bool issuer)
{
    auto field = [&](QSslCertificate::SubjectInfo info) {
        const QStringList values = issuer ? certificate.issuerInfo(info) : certificate.subjectInfo(info);
        return values.join(QLatin1String(", "));
    };
    QStringList parts;
    for (const auto info : {QSslCertificate::CommonName, QSslCertificate::Organization,
                            QSslCertificate::OrganizationalUnitName, QSslCertificate::CountryName}) {
        const QString value = field(info);
        if (!value.isEmpty())
            parts << value;
    }
    return parts.join(QLatin1String(", "));
}

} // namespace

CertificateSummary CertificateSummary::fromCertificate(const QSslCertificate &certificate)
{
    CertificateSummary summary;
    if (certificate.isNull())
        return summary;
    summary.m_certificate = certificate;
    summary.m_subject = describeName(certificate, false);
    summary.m_issuer = describeName(certificate, true);
    const auto names = certificate.subjectAlternativeNames();
    for (auto it = names.cbegin(); it != names.cend(); ++it)
        summary.m_alternativeNames << it.value();
    summary.m_validFrom = certificate.effectiveDate().toUTC();
    summary.m_validUntil = certificate.expiryDate().toUTC();
    summary.m_sha256 = formatFingerprint(sha256(certificate));
    // OpenSSL calls a certificate self-signed only when it may sign others; people mean "issued by itself".
    summary.m_selfSigned =
        certificate.isSelfSigned() || certificate.issuerDisplayName() == certificate.subjectDisplayName();
    return summary;
}

QByteArray CertificateSummary::sha256(const QSslCertificate &certificate)
{
    return certificate.isNull() ? QByteArray() : certificate.digest(QCryptographicHash::Sha256);
}

QString CertificateSummary::formatFingerprint(const QByteArray &digest)
{
    return QString::fromLatin1(digest.toHex(':').toUpper());
}

QString CertificateSummary::toText() const
{
    if (isNull())
        return tr("No certificate was received.");
    const QLocale locale;
    QStringList lines;
    lines << tr("Issued to: %1").arg(m_subject.isEmpty() ? tr("(no name)") : m_subject);
    if (!m_alternativeNames.isEmpty())
        lines << tr("Also valid for: %1").arg(m_alternativeNames.join(QLatin1String(", ")));
    lines << tr("Issued by: %1").arg(m_selfSigned ? tr("itself (self-signed)") : m_issuer);
    lines << tr("Valid from %1 to %2")
                 .arg(locale.toString(m_validFrom, QLocale::ShortFormat),
                      locale.toString(m_validUntil, QLocale::ShortFormat));
    lines << tr("SHA-256 fingerprint: %1").arg(m_sha256);
    return lines.join(QLatin1Char('\n'));
}

} // namespace Dawiso
