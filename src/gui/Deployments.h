#pragma once

#include "host/DeploymentKind.h"

#include <memory>

namespace Dawiso {

class CloudFlow;
class DeploymentFlow;
class SetupContext;
class SetupController;
class SetupWizard;

// The deployments this program offers, each as its flow (the controller's part, src/core) and its branch of pages
// (the wizard's part): what main(), the tests and the benchmarks put into a controller and a wizard.
class Deployments
{
public:
    // Qlik Cloud and Qlik Sense Enterprise on Windows. Returns the Qlik Cloud flow, for its settings.
    static CloudFlow *addAll(SetupController *controller, SetupWizard *wizard);
    // Qlik Cloud alone, for tests of a deployment of their own beside it.
    static CloudFlow *addCloud(SetupController *controller, SetupWizard *wizard);
    // The flow alone, for running its connection check without a wizard (the check command); null for a deployment
    // this version does not offer.
    static std::unique_ptr<DeploymentFlow> createFlow(DeploymentKind kind, SetupContext *context);
};

} // namespace Dawiso
