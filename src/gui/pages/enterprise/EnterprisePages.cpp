#include "pages/enterprise/EnterprisePages.h"

#include "SetupWizard.h"
#include "enterprise/EnterpriseFlow.h"
#include "pages/enterprise/AdminPage.h"
#include "pages/enterprise/ServiceUserPage.h"
#include "pages/enterprise/TokenPage.h"
#include "pages/enterprise/VirtualProxyPage.h"

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
    return {SetupWizard::EnterpriseAdminPageId, SetupWizard::EnterpriseServiceUserPageId,
            SetupWizard::EnterpriseVirtualProxyPageId, SetupWizard::EnterpriseTokenPageId};
}

SetupPage *EnterprisePages::createPage(int id)
{
    switch (id) {
    case SetupWizard::EnterpriseAdminPageId:
        return new AdminPage(m_controller, m_flow);
    case SetupWizard::EnterpriseServiceUserPageId:
        return new ServiceUserPage(m_controller, m_flow);
    case SetupWizard::EnterpriseVirtualProxyPageId:
        return new VirtualProxyPage(m_controller, m_flow);
    case SetupWizard::EnterpriseTokenPageId:
        return new TokenPage(m_controller, m_flow);
    default:
        return nullptr;
    }
}

void EnterprisePages::attach(SetupWizard *) { }

} // namespace Dawiso
