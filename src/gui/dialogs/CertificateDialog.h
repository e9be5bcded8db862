#pragma once

#include "net/CertificateSummary.h"
#include "net/RequestFailure.h"

#include <QByteArray>
#include <QDialog>
#include <QString>

class QCheckBox;
class QPushButton;
class QVBoxLayout;

namespace Dawiso {

// Asks whether to trust a certificate this computer does not trust (RequestFailure::Kind::TlsUntrusted), the way
// Nextcloud does: it shows who the certificate names and its SHA-256 fingerprint to compare with what the IT
// department publishes, and the trust button stays disabled until the user confirms they compared it. Trust is
// for that one certificate on that one host; an expired or not-yet-valid certificate cannot be trusted at all.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    CertificateDialog(const QString &hostAndPort, const RequestFailure &failure, QWidget *parent = nullptr);

    // The raw SHA-256 of the server's own certificate once the user trusted it, empty otherwise.
    QByteArray acceptedFingerprint() const;
    // Whether the certificate may be trusted at all (it exists and is within its validity period).
    bool canBeTrusted() const { return m_canBeTrusted; }

    void accept() override;

private:
    QWidget *createHeader(const QString &hostAndPort);
    QWidget *createCertificateBox(const CertificateSummary &summary);
    QWidget *createValidityNote(const CertificateSummary &summary);
    QWidget *createProblems(const RequestFailure &failure);
    void addChain(QVBoxLayout *layout, const QList<QSslCertificate> &chain);
    void copyFingerprint();
    void updateTrustButton();

    CertificateSummary m_summary;
    bool m_canBeTrusted = false;
    QCheckBox *m_trustCheck = nullptr;
    QPushButton *m_trustButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_copyButton = nullptr;
};

} // namespace Dawiso
