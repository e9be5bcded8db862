#pragma once

#include "simulator/onprem/SiteDirectory.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Dawiso::Simulator {

// How a JWT virtual proxy of the simulated site checks a Bearer token, with libcrypto: three base64url parts, alg
// RS256/RS384/RS512, the signature against the public key of the virtual proxy's jwtPublicKeyCertificate, exp in the
// future, nbf and iat (when present) at most a minute ahead, and the user id and directory claims the virtual proxy
// names as non-empty strings.
class JwtValidator
{
public:
    struct Identity
    {
        QString userDirectory;
        QString userId;
        QString name; // the "name" claim, or the user id
    };

    // Whether the text is a PEM X.509 certificate libcrypto reads, with a public key.
    static bool certificateParses(const QByteArray &pem);
    // The token's user; nullopt, with the failing part in *problem (never the token), when refused.
    static std::optional<Identity> validate(const QByteArray &token, const SiteVirtualProxy &proxy, qint64 nowSeconds,
                                            QString *problem);
};

} // namespace Dawiso::Simulator
