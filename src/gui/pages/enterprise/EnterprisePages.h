#pragma once

#include "pages/DeploymentPages.h"

namespace Dawiso {

class EnterpriseFlow;
class SetupController;

// Qlik Sense Enterprise on Windows' branch over the EnterpriseFlow: the Administrator page (the admin's sign-in and
// what it may do), the Service user, the Virtual proxy and the Token pages.
class EnterprisePages : public DeploymentPages
{
public:
    EnterprisePages(SetupController *controller, EnterpriseFlow *flow);

    DeploymentKind kind() const override;
    QList<int> pageIds() const override;
    SetupPage *createPage(int id) override;
    void attach(SetupWizard *wizard) override;

private:
    SetupController *m_controller;
    EnterpriseFlow *m_flow;
};

} // namespace Dawiso
