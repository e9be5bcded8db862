#include "PracticeServerPlugin.h"

#include "SimulatorPracticeServer.h"

namespace Dawiso {

std::unique_ptr<PracticeServer> PracticeServerPlugin::createServer()
{
    return std::make_unique<SimulatorPracticeServer>();
}

} // namespace Dawiso
