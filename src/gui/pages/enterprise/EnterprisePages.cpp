#include "pages/enterprise/EnterprisePages.h"

#include "SetupWizard.h"
#include "enterprise/EnterpriseFlow.h"
#include "pages/enterprise/AdminPage.h"

namespace Dawiso {

EnterprisePages::EnterprisePages(SetupController *controller, EnterpriseFlow *flow)
    : m_controller(controller)
    , m_flow(flow)
{ }

DeploymentKind EnterprisePages::kind() const
{
    return DeploymentKind::QlikSenseEnterprise;
}

QList<int> EnterprisePages::pageIds() const
{
    return {SetupWizard::EnterpriseAdminPageId};
}

SetupPage *EnterprisePages::createPage(int id)
{
    if (id == SetupWizard::EnterpriseAdminPageId)
        return new AdminPage(m_controller, m_flow);
    return nullptr;
}

void EnterprisePages::attach(SetupWizard *) { }

} // namespace Dawiso
