#pragma once

#include "enterprise/VirtualProxySetup.h"
#include "pages/SetupPage.h"

#include <memory>

namespace Ui {
class VirtualProxyPage;
}

namespace Dawiso {

class EnterpriseFlow;

// Qlik Sense Enterprise's Virtual proxy page: the key pair is made on arrival (its certificate goes on the proxy), and
// then either the wizard creates, links and confirms Dawiso's JWT virtual proxy through the QRS (Do it for me), or
// it shows the same values as QMC fields with copy buttons and checks what the admin made (Guide me). A prefix that
// is taken is shown with the offer to reuse that proxy (its certificate replaced) or to pick another prefix.
class VirtualProxyPage : public SetupPage
{
    Q_OBJECT

public:
    VirtualProxyPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent = nullptr);
    ~VirtualProxyPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    bool canUseQrs() const;
    void modeChanged();
    void prefixEdited();
    bool acceptPrefix();
    void onSigningKeyReady(const UserMessage &problem);
    void fillGuideFields();
    void create(const QString &reuseProxyId = {});
    void checkWhatWasMade();
    void onStep(const CheckResult &step);
    void onFinished(const VirtualProxySetup::Outcome &outcome);
    void setBusy(bool busy);

    std::unique_ptr<Ui::VirtualProxyPage> m_ui;
    EnterpriseFlow *m_flow;
    QJsonObject m_takenProxy;
    bool m_busy = false;
};

} // namespace Dawiso
