#include "net/TlsTrust.h"

#include "common/Clock.h"
#include "net/CertificateSummary.h"

namespace Dawiso {

namespace {

QString normalisedKey(const QString &hostAndPort)
{
    QString key = hostAndPort.trimmed().toLower();
    // "host" and "host:443" are the same origin for https.
    if (key.endsWith(QLatin1String(":443")))
        key.chop(4);
    return key;
}

} // namespace

void TlsTrust::addCaCertificates(const QList<QSslCertificate> &certificates)
{
    for (const QSslCertificate &certificate : certificates) {
        if (!certificate.isNull() && !m_caCertificates.contains(certificate))
            m_caCertificates.append(certificate);
    }
}

void TlsTrust::pin(const QString &hostAndPort, const QByteArray &sha256Fingerprint)
{
    if (!sha256Fingerprint.isEmpty())
        m_pins[normalisedKey(hostAndPort)].insert(sha256Fingerprint);
}

void TlsTrust::unpin(const QString &hostAndPort)
{
    m_pins.remove(normalisedKey(hostAndPort));
}

bool TlsTrust::isPinned(const QString &hostAndPort, const QSslCertificate &certificate) const
{
    const auto it = m_pins.constFind(normalisedKey(hostAndPort));
    return it != m_pins.cend() && !certificate.isNull() && it->contains(CertificateSummary::sha256(certificate));
}

bool TlsTrust::trustCaForHost(const QString &hostAndPort, const QSslCertificate &authority)
{
    const QDateTime now = Clock::currentDateTimeUtc();
    if (authority.isNull() || now < authority.effectiveDate() || now > authority.expiryDate())
        return false;
    QList<QSslCertificate> &authorities = m_hostCaCertificates[normalisedKey(hostAndPort)];
    if (!authorities.contains(authority))
        authorities.append(authority);
    return true;
}

QList<QSslCertificate> TlsTrust::caCertificatesFor(const QString &hostAndPort) const
{
    return m_hostCaCertificates.value(normalisedKey(hostAndPort));
}

bool TlsTrust::isTrustError(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

QString TlsTrust::originKey(const QUrl &url)
{
    const QString host = url.host(QUrl::FullyEncoded).toLower();
    const QString bracketed = host.contains(QLatin1Char(':')) ? QLatin1Char('[') + host + QLatin1Char(']') : host;
    const int port = url.port(443);
    return port == 443 ? bracketed : bracketed + QLatin1Char(':') + QString::number(port);
}

QSslConfiguration TlsTrust::configuration() const
{
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    if (!m_caCertificates.isEmpty())
        configuration.addCaCertificates(m_caCertificates);
    return configuration;
}

QSslConfiguration TlsTrust::configurationFor(const QUrl &url) const
{
    QSslConfiguration tls = configuration();
    const QList<QSslCertificate> authorities = caCertificatesFor(originKey(url));
    if (!authorities.isEmpty())
        tls.addCaCertificates(authorities);
    return tls;
}

bool TlsTrust::acceptsPinned(const QUrl &url, const QSslCertificate &peerCertificate,
                             const QList<QSslError> &errors) const
{
    if (errors.isEmpty() || !isPinned(originKey(url), peerCertificate))
        return false;
    for (const QSslError &error : errors) {
        if (!isTrustError(error.error()))
            return false;
    }
    return true;
}

} // namespace Dawiso
