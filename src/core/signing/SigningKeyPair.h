#pragma once

#include <QByteArray>

namespace Dawiso {

// A signing key and the self-signed certificate that carries its public half, both as PEM. The private key is a
// secret: whoever holds the pair wipes privateKeyPem (SecureMemory) when done, and it goes to the keychain only.
struct SigningKeyPair
{
    QByteArray privateKeyPem; // unencrypted PKCS#8 ("BEGIN PRIVATE KEY")
    QByteArray certificatePem; // X.509
};

} // namespace Dawiso
