#pragma once

#include "host/ParsedHost.h"
#include "pages/SetupPage.h"
#include "setup/HostProbeResult.h"

#include <QTimer>

#include <memory>

class QPushButton;

namespace Ui {
class HostPage;
}

namespace Dawiso {

// The server's address, probed live by the chosen deployment's flow. Typing is parsed at once (with the parser's
// notes and warnings beneath the field); a valid address is probed after a short pause; Next is enabled only once the
// probe found the server at exactly the address shown in the field (host, port and, for Qlik Sense Enterprise, the
// virtual proxy). A certificate this computer does not trust opens CertificateDialog, whose choice (trust the
// certificate or the site's CA for this host, or use one of the certificate's names) is applied here.
class HostPage : public SetupPage
{
    Q_OBJECT

public:
    explicit HostPage(SetupController *controller, QWidget *parent = nullptr);
    ~HostPage() override;

    // Text to start with (from the command line, or the practice tenant's address).
    void setInitialHost(const QString &host);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // Puts `name` in place of the host in the field, keeping the port and the virtual-proxy prefix typed, and checks
    // the address at once: for a name the server's certificate carries (the certificate dialog offers them when the
    // address was an IP address, an alias or a short name).
    void useHostName(const QString &name);

private:
    void onTextEdited();
    void checkNow();
    void onProgress(const QString &message);
    void onFinished(const HostProbeResult &result);
    void forgetResult();
    void showParse(const ParsedHost &parsed, bool showErrors);
    void reviewCertificate();
    void useOwnHost();

    std::unique_ptr<Ui::HostPage> m_ui;
    QTimer m_debounce;
    ParsedHost m_parsed;
    HostProbeResult m_result;
    QString m_initialHost;
    QPushButton *m_retryButton;
    QPushButton *m_certificateButton;
    QPushButton *m_useOwnHostButton;
};

} // namespace Dawiso
