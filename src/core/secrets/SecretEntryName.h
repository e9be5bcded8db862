#pragma once

#include "host/DeploymentKind.h"

#include <QString>

#include <optional>

namespace Dawiso {

// Names of keychain entries. Windows Credential Manager ignores QtKeychain's service name, so the name itself carries
// the application id, the deployment kind and the host:
// "com.dawiso.QlikSetup/qlik-cloud/acme.eu.qlikcloud.com", "com.dawiso.QlikSetup/qlik-sense/qlik.corp.example:4242".
class SecretEntryName
{
public:
    // Hosts are case-insensitive, so the host part is lowercased. Empty when hostAndPort cannot be a host (empty,
    // or containing a slash, a backslash or white space), which the store refuses.
    static QString forHost(DeploymentKind kind, const QString &hostAndPort);
    // The private key that signs the tokens for that host (Qlik Sense Enterprise's JWT virtual proxy):
    // forHost(kind, hostAndPort) + "/signing-key". Empty when forHost is.
    static QString forSigningKey(DeploymentKind kind, const QString &hostAndPort);

    // The stable identifiers of the deployment kinds used in entry names and in the saved-connections index.
    static QString kindId(DeploymentKind kind);
    static std::optional<DeploymentKind> kindFromId(const QString &id);
};

} // namespace Dawiso
