#pragma once

#include "simulator/cloud/SampleKey.h"
#include "simulator/cloud/SimulatedTenant.h"

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

    // What the app's practice run and the tests sign in with. The native client (authorization code + PKCE) may ask
    // for admin_classic and user_default and redirects only to exactly nativeRedirectUri()
    // ("http://127.0.0.1:47824/callback"); the machine-to-machine client (client_credentials) acts as its
    // TenantAdmin bot user. Not secrets worth the name: the practice tenant exists only inside this program.
    static QString nativeClientId();
    static QString nativeRedirectUri();
    static quint16 nativeRedirectPort();
    static QString nativeRedirectPath();
    static QString m2mClientId();
    static QString m2mClientSecret();
    // Every person in the practice tenant signs in with this password on the simulated login page.
    static QString password();
    static QString adminEmail(); // Alex Admin, TenantAdmin
    static QString integrationUserEmail(); // Dawiso Integration, holds the "Dawiso Integration" role (api-keys)
    static QString unassignedUserEmail(); // Riley Reader, no role: the automated flow assigns the role to them

private:
    // The practice tenant's spaces and apps.
    static void addContent(SimulatedTenant &tenant);
    // The OAuth clients and the machine-to-machine client's bot user.
    static void addOAuthClients(SimulatedTenant &tenant);
};

} // namespace Dawiso::Simulator
