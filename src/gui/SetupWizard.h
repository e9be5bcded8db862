#pragma once

#include "setup/AutomatedSetup.h"

#include <QWizard>

namespace Dawiso {

class AccessPage;
class DeploymentPage;
class FinishPage;
class HostPage;
class KeyPage;
class PracticeTenant;
class SavePage;
class SetupController;
class SetupPage;

// The window: one QWizard whose pages are thin views over the SetupController.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    enum PageId {
        DeploymentPageId,
        HostPageId,
        AccessPageId,
        KeyPageId,
        SavePageId,
        FinishPageId,
    };
    Q_ENUM(PageId)

    explicit SetupWizard(SetupController *controller, QWidget *parent = nullptr);
    ~SetupWizard() override;

    void setInitialHost(const QString &host);
    // Switches to the simulated tenant: starts it in this process and trusts exactly its certificate. Returns false
    // (and says why on the current page) when it cannot start.
    bool startPracticeRun();
    PracticeTenant *practiceTenant() const { return m_practiceTenant; }

    void reject() override;

private:
    void updateTitle();
    void openSignInPage(AutomatedSetup::SignInRole role, const QUrl &url);

    SetupController *m_controller;
    PracticeTenant *m_practiceTenant = nullptr;
    DeploymentPage *m_deploymentPage;
    HostPage *m_hostPage;
    AccessPage *m_accessPage;
    KeyPage *m_keyPage;
    SavePage *m_savePage;
    FinishPage *m_finishPage;
    QList<SetupPage *> m_pages;
};

} // namespace Dawiso
