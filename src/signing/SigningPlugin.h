#pragma once

#include "signing/SigningKeyMakerFactory.h"

#include <QObject>

namespace Dawiso {

// The root object of the signing plugin (dawiso-qlik-setup-signing), which SigningKeyLoader loads.
class SigningPlugin : public QObject, public SigningKeyMakerFactory
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID DawisoSigningKeyMakerFactory_iid FILE "SigningPlugin.json")
    Q_INTERFACES(Dawiso::SigningKeyMakerFactory)

public:
    std::unique_ptr<SigningKeyMaker> createKeyMaker() override;
};

} // namespace Dawiso
