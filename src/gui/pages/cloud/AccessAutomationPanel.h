#pragma once

#include "oauth/OAuthResult.h"
#include "provision/AdminSession.h"
#include "provision/RoleAssignment.h"
#include "provision/RoleSetup.h"

#include <QWidget>

#include <memory>

namespace Ui {
class AccessAutomationPanel;
}

namespace Dawiso {

class AutomationProgress;
class CloudFlow;
class SetupController;

// "Do it for me" on the Access step: a tenant admin signs in (browser or machine-to-machine client), the wizard sets
// up Dawiso's role, and assigns it to the user the admin picks. Thin: AutomatedSetup does the work.
class AccessAutomationPanel : public QWidget
{
    Q_OBJECT

public:
    AccessAutomationPanel(SetupController *controller, CloudFlow *flow, QWidget *parent = nullptr);
    ~AccessAutomationPanel() override;

    // Prepares for the confirmed host: the remembered client id and the redirect URL to register.
    void prepare();
    bool isDone() const;

signals:
    void doneChanged();

private:
    void signIn();
    void onSignedIn(const OAuthResult &signIn, const AdminSession::Result &admin);
    void onRoleSetUp(const RoleSetup::Result &result);
    void onAssigned(const RoleAssignment::Result &result);
    void setBusy(bool busy);

    std::unique_ptr<Ui::AccessAutomationPanel> m_ui;
    SetupController *m_controller;
    CloudFlow *m_flow;
    AutomationProgress *m_progress;
    bool m_searchConnected = false;
};

} // namespace Dawiso
