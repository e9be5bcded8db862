#include "SigningPlugin.h"

#include "OpenSslKeyMaker.h"

namespace Dawiso {

std::unique_ptr<SigningKeyMaker> SigningPlugin::createKeyMaker()
{
    return std::make_unique<OpenSslKeyMaker>();
}

} // namespace Dawiso
