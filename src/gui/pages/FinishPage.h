#pragma once

#include "pages/SetupPage.h"

#include <QList>
#include <QSslCertificate>

#include <memory>

namespace Ui {
class FinishPage;
}

namespace Dawiso {

class SecretClipboard;
class StoredSecretCopier;

// The last page: exactly what to enter in Dawiso. The token is never shown; "Copy token" reads it back from the
// keychain and puts it on the clipboard marked as secret, which is cleared again after 30 seconds. "Save report…"
// writes what the connection check found as HTML and JSON (never the key). "Add a reminder to my calendar" puts an
// event two weeks before the key expires into the calendar app.
class FinishPage : public SetupPage
{
    Q_OBJECT

public:
    explicit FinishPage(SetupController *controller, QWidget *parent = nullptr);
    ~FinishPage() override;

    void initializePage() override;
    SecretClipboard *clipboard() const;

private:
    void copyToken();
    void saveSiteCa();
    void copyHost();
    void saveReport();
    void addReminder();

    std::unique_ptr<Ui::FinishPage> m_ui;
    StoredSecretCopier *m_copier;
    QString m_cloudSubTitle; // the form's own
    QList<QSslCertificate> m_siteCa; // the CAs trusted for this host in this run (a Qlik Sense site's own)
};

} // namespace Dawiso
