#pragma once

#include "SampleKey.h"
#include "SimulatedTenant.h"

#include <QString>

namespace Dawiso::Simulator {

// Builds the practice tenant behind SimulatedTenant::demo(). Its ids are fixed so that the simulator can find the
// sample keys again; its dates are relative to now so that the keys' expiry stays meaningful.
class DemoTenant
{
public:
    static SimulatedTenant build();
    static QString sampleKeyId(SampleKey key);
    static QList<SampleKey> sampleKeys();

private:
    // The practice tenant's spaces and apps.
    static void addContent(SimulatedTenant &tenant);
};

} // namespace Dawiso::Simulator
