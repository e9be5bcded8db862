#pragma once

#include "practice/PracticeServer.h"

#include <QObject>

namespace Dawiso {

// The root object of the practice plugin (dawiso-qlik-setup-practice), which PracticeServerLoader loads.
class PracticeServerPlugin : public QObject, public PracticeServerFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID DawisoPracticeServerFactory_iid FILE "PracticeServerPlugin.json")
    Q_INTERFACES(Dawiso::PracticeServerFactory)

public:
    std::unique_ptr<PracticeServer> createServer() override;
    std::unique_ptr<PracticeSite> createSite() override;
};

} // namespace Dawiso
