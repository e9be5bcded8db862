#pragma once

#include <QCoreApplication>
#include <QDateTime>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace Dawiso {

// What a person needs to decide whether to trust a certificate: who it names, who vouched for it, when it is
// valid, and a fingerprint they can compare with what their IT department publishes.
class CertificateSummary
{
    Q_DECLARE_TR_FUNCTIONS(CertificateSummary)

public:
    static CertificateSummary fromCertificate(const QSslCertificate &certificate);

    bool isNull() const { return m_certificate.isNull(); }
    QSslCertificate certificate() const { return m_certificate; }
    QString subject() const { return m_subject; }
    QString issuer() const { return m_issuer; }
    QStringList alternativeNames() const { return m_alternativeNames; }
    QDateTime validFrom() const { return m_validFrom; }
    QDateTime validUntil() const { return m_validUntil; }
    bool isSelfSigned() const { return m_selfSigned; }

    // SHA-256 over the DER encoding, as upper-case hex pairs separated by colons (how browsers show it).
    QString sha256Fingerprint() const { return m_sha256; }
    static QByteArray sha256(const QSslCertificate &certificate);
    static QString formatFingerprint(const QByteArray &digest);

    // Several lines of plain text, for dialogs and the command line.
    QString toText() const;

private:
    QSslCertificate m_certificate;
    QString m_subject;
    QString m_issuer;
    QStringList m_alternativeNames;
    QDateTime m_validFrom;
    QDateTime m_validUntil;
    QString m_sha256;
    bool m_selfSigned = false;
};

} // namespace Dawiso
