#include "Deployments.h"

#include "SetupWizard.h"
#include "cloud/CloudFlow.h"
#include "pages/cloud/CloudPages.h"
#include "setup/SetupController.h"

namespace Dawiso {

CloudFlow *Deployments::addAll(SetupController *controller, SetupWizard *wizard)
{
    CloudFlow *cloud = controller->addDeployment(std::make_unique<CloudFlow>(controller->context()));
    wizard->addDeployment(std::make_unique<CloudPages>(controller, cloud));
    return cloud;
}

std::unique_ptr<DeploymentFlow> Deployments::createFlow(DeploymentKind kind, SetupContext *context)
{
    switch (kind) {
    case DeploymentKind::QlikCloud:
        return std::make_unique<CloudFlow>(context);
    case DeploymentKind::QlikSenseEnterprise:
        break;
    }
    return nullptr;
}

} // namespace Dawiso
