#pragma once

#include "pages/SetupPage.h"

#include <memory>

namespace Ui {
class AccessPage;
}

namespace Dawiso {

class CloudFlow;
class AccessAutomationPanel;

// Qlik Cloud's Access page: give Dawiso's user the Manage API keys permission. Guided: the Qlik steps as a checklist
// with a button to each page of the tenant. Automated ("Do it for me"): a tenant admin signs in and the wizard does
// them.
class AccessPage : public SetupPage
{
    Q_OBJECT

public:
    AccessPage(SetupController *controller, CloudFlow *flow, QWidget *parent = nullptr);
    ~AccessPage() override;

    static QString suggestedRoleName();

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void copyRoleName();
    bool isAutomated() const;

    std::unique_ptr<Ui::AccessPage> m_ui;
    AccessAutomationPanel *m_automation;
};

} // namespace Dawiso
