#pragma once

#include "signing/SigningKeyMaker.h"

#include <QtPlugin>

#include <memory>

namespace Dawiso {

// What the signing plugin's root object implements.
class SigningKeyMakerFactory
{
public:
    virtual ~SigningKeyMakerFactory() = default;
    virtual std::unique_ptr<SigningKeyMaker> createKeyMaker() = 0;
};

} // namespace Dawiso

// The version changes with the virtual functions of SigningKeyMaker and the factory (and with SigningKeyPair), so
// that a stale plugin is refused, not called.
#define DawisoSigningKeyMakerFactory_iid "com.dawiso.QlikSetup.SigningKeyMakerFactory/1"
Q_DECLARE_INTERFACE(Dawiso::SigningKeyMakerFactory, DawisoSigningKeyMakerFactory_iid)
