#pragma once

#include "pages/DeploymentPages.h"

namespace Dawiso {

class CloudFlow;
class SetupController;

// Qlik Cloud's branch: the Access page (the role with Manage API keys, given to Dawiso's user) and the Key page (the
// API key, pasted or created), both over the CloudFlow.
class CloudPages : public DeploymentPages
{
public:
    CloudPages(SetupController *controller, CloudFlow *flow);

    DeploymentKind kind() const override;
    QList<int> pageIds() const override;
    SetupPage *createPage(int id) override;
    void attach(SetupWizard *wizard) override;

private:
    SetupController *m_controller;
    CloudFlow *m_flow;
};

} // namespace Dawiso
