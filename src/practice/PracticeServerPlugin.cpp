#include "PracticeServerPlugin.h"

#include "SimulatorPracticeServer.h"
#include "SimulatorPracticeSite.h"

namespace Dawiso {

std::unique_ptr<PracticeServer> PracticeServerPlugin::createServer()
{
    return std::make_unique<SimulatorPracticeServer>();
}

std::unique_ptr<PracticeSite> PracticeServerPlugin::createSite()
{
    return std::make_unique<SimulatorPracticeSite>();
}

} // namespace Dawiso
