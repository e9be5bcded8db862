#include "pages/cloud/CloudPages.h"

#include "SetupWizard.h"
#include "cloud/CloudFlow.h"
#include "pages/cloud/AccessPage.h"
#include "pages/cloud/KeyPage.h"

namespace Dawiso {

CloudPages::CloudPages(SetupController *controller, CloudFlow *flow)
    : m_controller(controller)
    , m_flow(flow)
{ }

DeploymentKind CloudPages::kind() const
{
    return DeploymentKind::QlikCloud;
}

QList<int> CloudPages::pageIds() const
{
    return {SetupWizard::CloudAccessPageId, SetupWizard::CloudKeyPageId};
}

SetupPage *CloudPages::createPage(int id)
{
    switch (id) {
    case SetupWizard::CloudAccessPageId:
        return new AccessPage(m_controller, m_flow);
    case SetupWizard::CloudKeyPageId:
        return new KeyPage(m_controller, m_flow);
    }
    return nullptr;
}

void CloudPages::attach(SetupWizard *wizard)
{
    QObject::connect(m_flow, &CloudFlow::signInBrowserNeeded, wizard,
                     [wizard](AutomatedSetup::SignInRole, const QUrl &url) { wizard->openSignInPage(url); });
}

} // namespace Dawiso
