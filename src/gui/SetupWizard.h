#pragma once

#include "cloud/AutomatedSetup.h"
#include "practice/PracticeServer.h"

#include <QWizard>

#include <functional>
#include <memory>

namespace Dawiso {

class DeploymentPage;
class HostPage;
class KeyPage;
class PracticeTenant;
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
        SaveAndCheckPageId,
        FinishPageId,
    };
    Q_ENUM(PageId)

    explicit SetupWizard(SetupController *controller, QWidget *parent = nullptr);
    ~SetupWizard() override;

    void setInitialHost(const QString &host);
    // Switches to the simulated tenant: loads the practice plugin, starts the tenant in this process and trusts
    // exactly its certificate. Returns false (and says why) when it cannot start.
    bool startPracticeRun();
    // Switches to the practice run at once, but starts the simulated tenant only when the first page is left: the
    // first page does not need it, and the window shows sooner without waiting for it (--demo).
    void preparePracticeRun();
    PracticeTenant *practiceTenant() const { return m_practiceTenant; }
    // Where the simulated tenant comes from instead of the practice plugin (tests serve it from their own process).
    using PracticeServerFactory = std::function<std::unique_ptr<PracticeServer>()>;
    void setPracticeServerFactory(PracticeServerFactory factory) { m_practiceServerFactory = std::move(factory); }

    int nextId() const override;
    bool validateCurrentPage() override;
    void reject() override;
    void done(int result) override;

private:
    void ensurePage(int id);
    void updateTitle();
    void openSignInPage(AutomatedSetup::SignInRole role, const QUrl &url);

    SetupController *m_controller;
    PracticeTenant *m_practiceTenant = nullptr;
    PracticeServerFactory m_practiceServerFactory; // empty: the practice plugin
    // Only the first page exists from the start; each later one is built when the wizard is about to show it (see
    // validateCurrentPage()), so that start-up lays out and paints one page instead of six.
    DeploymentPage *m_deploymentPage;
    HostPage *m_hostPage = nullptr;
    KeyPage *m_keyPage = nullptr;
    QList<SetupPage *> m_pages;
    QString m_initialHost; // for the host page, once it exists
    bool m_practicePending = false; // see preparePracticeRun()
};

} // namespace Dawiso
