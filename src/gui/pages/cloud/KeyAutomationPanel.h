#pragma once

#include "oauth/OAuthResult.h"
#include "provision/ApiKeyCreation.h"

#include <QWidget>

#include <memory>

class QPushButton;

namespace Ui {
class KeyAutomationPanel;
}

namespace Dawiso {

class AutomationProgress;
class CloudFlow;
class SetupController;

// "Do it for me" on the Key step: Dawiso's user signs in (a fresh sign-in, their e-mail pre-filled) and the wizard
// creates the key as them, with a lifetime the tenant allows. The new key goes to the controller, never on screen.
class KeyAutomationPanel : public QWidget
{
    Q_OBJECT

public:
    KeyAutomationPanel(SetupController *controller, CloudFlow *flow, QWidget *parent = nullptr);
    ~KeyAutomationPanel() override;

    void prepare();

signals:
    // A key was created and handed to the controller; the wizard moves on to store it.
    void keyCreated();
    // Qlik would not create the key this way: the admin chose to generate it in Qlik and paste it.
    void pasteInsteadRequested();

private:
    void start();
    void onSignedIn(const OAuthResult &result);
    void onKeyCreated(const ApiKeyCreation::Result &result);
    void setBusy(bool busy);

    std::unique_ptr<Ui::KeyAutomationPanel> m_ui;
    SetupController *m_controller;
    CloudFlow *m_flow;
    AutomationProgress *m_progress;
    QPushButton *m_deleteButton;
    QPushButton *m_useAnywayButton;
    QPushButton *m_pasteInsteadButton;
};

} // namespace Dawiso
