#pragma once

#include "host/DeploymentKind.h"
#include "pages/SetupPage.h"
#include "secrets/SavedConnection.h"

#include <memory>

namespace Ui {
class DeploymentPage;
}

namespace Dawiso {

class SavedConnectionsPanel;

// The first page: Qlik Cloud or client-managed Qlik Sense, with what each needs; or a practice run first. A choice is
// offered once the wizard has that deployment's pages; the choice is recorded in the controller when the page is left.
class DeploymentPage : public SetupPage
{
    Q_OBJECT

public:
    explicit DeploymentPage(SetupController *controller, QWidget *parent = nullptr);
    ~DeploymentPage() override;

    // Once a real run has gone past this page, a practice run started here would mix the simulated tenant with what
    // was entered for the real one: the offer goes.
    void withdrawPracticeOffer();
    // The wizard can go through this deployment now (SetupWizard::addDeployment()); until then its choice says it is
    // not available in this version.
    void offer(DeploymentKind kind);

    void initializePage() override;
    bool validatePage() override;
    bool hasHeightForWidth() const override;

    // The connections set up before, when there are any (null otherwise).
    SavedConnectionsPanel *savedConnectionsPanel() const { return m_savedConnections; }

signals:
    void practiceRequested();
    // A saved connection whose keychain entry has gone is to be set up again: its deployment is chosen here.
    void setUpAgainRequested(const Dawiso::SavedConnection &connection);

private:
    std::unique_ptr<Ui::DeploymentPage> m_ui;
    SavedConnectionsPanel *m_savedConnections = nullptr;
    bool m_practiceWithdrawn = false;
};

} // namespace Dawiso
