#pragma once

#include <QSslCertificate>
#include <QString>
#include <QStringList>

namespace Dawiso {

// The names a server's certificate carries that a person can connect to instead of the address they typed: its DNS
// names and IP addresses, then its common name when it looks like a host name. The common name comes first (usually
// the server's own name), the rest in a stable order; no wildcards (they name no one server) and not currentHost.
class CertificateNames
{
public:
    CertificateNames() = delete;

    static QStringList offeredInstead(const QSslCertificate &certificate, const QString &currentHost);
};

} // namespace Dawiso
