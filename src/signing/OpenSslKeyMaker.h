#pragma once

#include "signing/SigningKeyMaker.h"

#include <QCoreApplication>

namespace Dawiso {

// SigningKeyMaker with OpenSSL 3's libcrypto (EVP). Keys exist in memory only, in libcrypto's secure heap where it
// has one; every buffer that held a private key is cleansed before it is freed.
class OpenSslKeyMaker : public SigningKeyMaker
{
    Q_DECLARE_TR_FUNCTIONS(OpenSslKeyMaker)

public:
    std::optional<SigningKeyPair> makeKeyPair(const QString &commonName, int validityDays, QString *problem) override;
    QByteArray signRs256(const QByteArray &privateKeyPem, const QByteArray &data, QString *problem) override;
};

} // namespace Dawiso
