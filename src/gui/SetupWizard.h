#pragma once

#include "pages/DeploymentPages.h"
#include "practice/PracticeServer.h"

#include <QWizard>

#include <functional>
#include <memory>
#include <vector>

namespace Dawiso {

class DeploymentPage;
class HostPage;
class PracticeTenant;
class SetupController;
class SetupPage;

// The window: one QWizard whose pages are thin views over the SetupController. Every run starts with the shared
// Deployment and Host pages, goes through the chosen deployment's own branch (see DeploymentPages) and ends with the
// shared Save and check and Finish pages.
class SetupWizard : public QWizard
{
    Q_OBJECT

public:
    // Room for each deployment's branch between the shared pages.
    enum PageId {
        DeploymentPageId = 0,
        HostPageId = 1,
        // Qlik Cloud (10–19).
        CloudAccessPageId = 10,
        CloudKeyPageId = 11,
        // Qlik Sense Enterprise on Windows takes 20–29.
        EnterpriseAdminPageId = 20,
        EnterpriseServiceUserPageId = 21,
        EnterpriseVirtualProxyPageId = 22,
        EnterpriseTokenPageId = 23,
        SaveAndCheckPageId = 90,
        FinishPageId = 91,
    };
    Q_ENUM(PageId)

    explicit SetupWizard(SetupController *controller, QWidget *parent = nullptr);
    ~SetupWizard() override;

    // A deployment's branch of pages; its choice on the Deployment page is offered from now on.
    void addDeployment(std::unique_ptr<DeploymentPages> pages);

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
    // The same for the simulated Qlik Sense site.
    using PracticeSiteFactory = std::function<std::unique_ptr<PracticeSite>()>;
    void setPracticeSiteFactory(PracticeSiteFactory factory) { m_practiceSiteFactory = std::move(factory); }

    // Opens a sign-in page of Qlik in the browser, or in a practice run the practice sign-in.
    void openSignInPage(const QUrl &url);

    int nextId() const override;
    bool validateCurrentPage() override;
    void reject() override;
    void done(int result) override;

private:
    // The pages of the chosen deployment's run, in order.
    QList<int> route() const;
    DeploymentPages *branchOwning(int id) const;
    // Builds the page with that id if it does not exist yet.
    void ensurePage(int id);
    SetupPage *createPage(int id);
    void updateTitle();
    // startPracticeRun() for Qlik Cloud (the tenant) and for Qlik Sense Enterprise (the site).
    bool startPracticeTenant();
    bool startPracticeSite();
    void practiceStarted(const PracticeCredentials &credentials, const QString &host);

    SetupController *m_controller;
    std::vector<std::unique_ptr<DeploymentPages>> m_branches;
    PracticeTenant *m_practiceTenant = nullptr;
    PracticeServerFactory m_practiceServerFactory; // empty: the practice plugin
    std::unique_ptr<PracticeSite> m_practiceSite;
    PracticeSiteFactory m_practiceSiteFactory; // empty: the practice plugin
    // Only the first page exists from the start; each later one is built when the wizard is about to show it (see
    // validateCurrentPage()), so that start-up lays out and paints one page instead of six.
    DeploymentPage *m_deploymentPage;
    HostPage *m_hostPage = nullptr;
    QList<SetupPage *> m_pages;
    QString m_initialHost; // for the host page, once it exists
    bool m_practicePending = false; // see preparePracticeRun()
};

} // namespace Dawiso
