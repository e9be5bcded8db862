#include "Deployments.h"

#include "SetupWizard.h"
#include "cloud/CloudFlow.h"
#include "enterprise/EnterpriseFlow.h"
#include "pages/cloud/CloudPages.h"
#include "pages/enterprise/EnterprisePages.h"
#include "setup/SetupController.h"

namespace Dawiso {

CloudFlow *Deployments::addCloud(SetupController *controller, SetupWizard *wizard)
{
    CloudFlow *cloud = controller->addDeployment(std::make_unique<CloudFlow>(controller->context()));
    wizard->addDeployment(std::make_unique<CloudPages>(controller, cloud));
    return cloud;
}

CloudFlow *Deployments::addAll(SetupController *controller, SetupWizard *wizard)
{
    CloudFlow *cloud = addCloud(controller, wizard);
    EnterpriseFlow *enterprise = controller->addDeployment(std::make_unique<EnterpriseFlow>(controller->context()));
    wizard->addDeployment(std::make_unique<EnterprisePages>(controller, enterprise));
    return cloud;
}

std::unique_ptr<DeploymentFlow> Deployments::createFlow(DeploymentKind kind, SetupContext *context)
{
    switch (kind) {
    case DeploymentKind::QlikCloud:
        return std::make_unique<CloudFlow>(context);
    case DeploymentKind::QlikSenseEnterprise:
        return std::make_unique<EnterpriseFlow>(context);
    }
    return nullptr;
}

} // namespace Dawiso
