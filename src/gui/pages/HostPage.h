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

// The server's address, probed live by the chosen deployment's flow. Typing is parsed at once; a valid address is
// probed after a short pause; Next is enabled only once the probe found the server at exactly the address shown in
// the field.
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
