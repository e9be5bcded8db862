#pragma once

#include "pages/DeploymentPages.h"

namespace Dawiso {

class EnterpriseFlow;
class SetupController;

// Qlik Sense Enterprise on Windows' branch: the Administrator page (the admin's sign-in and what it may do), over the
// EnterpriseFlow. It stores no credential yet, so the run ends there.
class EnterprisePages : public DeploymentPages
{
public:
    EnterprisePages(SetupController *controller, EnterpriseFlow *flow);

    DeploymentKind kind() const override;
    QList<int> pageIds() const override;
    SetupPage *createPage(int id) override;
    void attach(SetupWizard *wizard) override;
    bool storesCredential() const override { return false; }

private:
    SetupController *m_controller;
    EnterpriseFlow *m_flow;
};

} // namespace Dawiso
