#pragma once

#include "net/CertificateSummary.h"
#include "net/RequestFailure.h"

#include <QByteArray>
#include <QDialog>
#include <QSslCertificate>
#include <QString>

class QCheckBox;
class QLabel;
class QPushButton;
class QScrollArea;
class QVBoxLayout;

namespace Dawiso {

// Asks whether to trust a certificate this computer does not trust (RequestFailure::Kind::TlsUntrusted), the way
// Nextcloud does: it shows who the certificate names, the chain the server sent and the SHA-256 fingerprints to
// compare with what the IT department publishes. The choices, each for this one host only:
// - trust this certificate (pinned): only once the user confirms they compared the fingerprint;
// - trust the site's CA (a Qlik Sense site's own QLIKSERVER1-CA, said in plain words): the CA the server sent, after
//   the same confirmation, or a root.pem / root.cer the user loads, which must have signed the server's certificate;
// - for a certificate made out to other names (an IP address, an alias, a short name): use one of its names instead.
// An expired or not-yet-valid certificate cannot be trusted at all, and the dialog says why. Enter never trusts.
class CertificateDialog : public QDialog
{
    Q_OBJECT

public:
    // What the user chose, once the dialog was accepted.
    enum class Decision {
        None,
        TrustCertificate, // see acceptedFingerprint()
        TrustAuthority, // see acceptedAuthority()
        UseName, // see chosenName()
    };

    CertificateDialog(const QString &hostAndPort, const RequestFailure &failure, QWidget *parent = nullptr);

    Decision decision() const;
    // The raw SHA-256 of the server's own certificate once the user trusted it, empty otherwise.
    QByteArray acceptedFingerprint() const;
    // The CA certificate to trust for the host once the user chose it, null otherwise.
    QSslCertificate acceptedAuthority() const;
    // The name of the certificate to use instead of the address ("qlikserver1.corp.example"), empty otherwise.
    QString chosenName() const;
    // Whether the certificate may be trusted at all (it exists and is within its validity period).
    bool canBeTrusted() const { return m_canBeTrusted; }
    // Whether the CA can be trusted now (a CA that signed the server's certificate is known, and the user confirmed
    // the fingerprint when it is only the one the server sent).
    bool canTrustAuthority() const;

    void accept() override;

signals:
    // Emitted before the dialog is accepted with Decision::UseName.
    void nameChosen(const QString &name);

private:
    QWidget *createHeader(const QString &hostAndPort);
    QWidget *createCertificateBox(const CertificateSummary &summary);
    QWidget *createValidityNote(const CertificateSummary &summary);
    QWidget *createProblems(const RequestFailure &failure);
    QWidget *createSiteCaNote(const QString &hostAndPort);
    QWidget *createNameChoices(const QString &hostAndPort, const RequestFailure &failure);
    QWidget *createAuthoritySection(const QString &hostAndPort);
    void addChain(QVBoxLayout *layout, const QList<QSslCertificate> &chain);
    void copyFingerprint();
    void updateTrustButton();
    void loadRoot();
    void showRootStatus(const QString &text, bool problem);
    void trustAuthority();
    void useName(const QString &name);

    CertificateSummary m_summary;
    bool m_canBeTrusted = false;
    Decision m_decision = Decision::None;
    QSslCertificate m_authority;
    bool m_authorityFromFile = false;
    QString m_chosenName;
    QPushButton *m_trustAuthorityButton = nullptr;
    QLabel *m_authorityLabel = nullptr;
    QLabel *m_rootStatus = nullptr;
    QScrollArea *m_details = nullptr;
    QCheckBox *m_trustCheck = nullptr;
    QPushButton *m_trustButton = nullptr;
    QPushButton *m_cancelButton = nullptr;
    QPushButton *m_copyButton = nullptr;
};

} // namespace Dawiso
