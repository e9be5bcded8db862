#include "net/CertificateNames.h"

#include <algorithm>

namespace Dawiso {

QStringList CertificateNames::offeredInstead(const QSslCertificate &certificate, const QString &currentHost)
{
    QStringList names;
    const auto alternatives = certificate.subjectAlternativeNames();
    for (auto it = alternatives.cbegin(); it != alternatives.cend(); ++it) {
        if (it.key() == QSsl::DnsEntry || it.key() == QSsl::IpAddressEntry)
            names << it.value().toLower();
    }
    const QString commonName = certificate.subjectInfo(QSslCertificate::CommonName).value(0).toLower();
    if (!commonName.isEmpty() && !commonName.contains(QLatin1Char(' ')))
        names << commonName;
    std::sort(names.begin(), names.end());
    if (names.removeOne(commonName))
        names.prepend(commonName);
    names.removeDuplicates();
    names.removeIf([&currentHost](const QString &name) {
        return name.contains(QLatin1Char('*')) || name.compare(currentHost, Qt::CaseInsensitive) == 0;
    });
    return names;
}

} // namespace Dawiso
