#pragma once

#include "signing/SigningKeyPair.h"

#include <QByteArray>
#include <QString>

#include <optional>

namespace Dawiso {

// Makes the key pair a Qlik Sense JWT virtual proxy trusts and signs with it. Implemented with libcrypto in a plugin
// (src/signing) that SigningKeyLoader loads when a key is first needed, so that a normal start loads no libcrypto.
// Keys live in memory only: nothing here reads or writes a file. Problems are sentences for people.
class SigningKeyMaker
{
public:
    virtual ~SigningKeyMaker() = default;

    // A new RSA 3072 key and a self-signed certificate for it: SHA-256, subject and issuer CN=commonName, valid from
    // an hour ago (a server clock a little behind ours still accepts it) for validityDays days.
    virtual std::optional<SigningKeyPair> makeKeyPair(const QString &commonName, int validityDays,
                                                      QString *problem) = 0;
    // The RSASSA-PKCS1-v1_5 SHA-256 signature ("RS256") of data with the RSA key in privateKeyPem (PKCS#8 or
    // traditional PEM, unencrypted); empty on failure.
    virtual QByteArray signRs256(const QByteArray &privateKeyPem, const QByteArray &data, QString *problem) = 0;
};

} // namespace Dawiso
