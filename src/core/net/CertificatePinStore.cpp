#include "net/CertificatePinStore.h"

#include "net/TlsTrust.h"

#include <QSettings>

namespace Dawiso {

namespace {

const QLatin1String group("TrustedCertificates");
const QLatin1String authorityGroup("TrustedCertificateAuthorities");

// Host names cannot contain '/', but QSettings treats it as a separator; ':' is fine on every backend.
QString keyFor(const QString &hostAndPort)
{
    return hostAndPort.trimmed().toLower();
}

} // namespace

CertificatePinStore::CertificatePinStore(QSettings *settings)
    : m_settings(settings)
{ }

void CertificatePinStore::loadInto(TlsTrust &trust) const
{
    m_settings->beginGroup(group);
    const QStringList hosts = m_settings->childKeys();
    for (const QString &host : hosts) {
        const QStringList fingerprints = m_settings->value(host).toStringList();
        for (const QString &hex : fingerprints) {
            const QByteArray digest = QByteArray::fromHex(hex.toLatin1());
            if (digest.size() == 32)
                trust.pin(host, digest);
        }
    }
    m_settings->endGroup();

    m_settings->beginGroup(authorityGroup);
    const QStringList authorityHosts = m_settings->childKeys();
    for (const QString &host : authorityHosts) {
        const QStringList pems = m_settings->value(host).toStringList();
        for (const QString &pem : pems) {
            // An expired one is refused here as it would be when first trusted.
            trust.trustCaForHost(host, QSslCertificate(pem.toLatin1(), QSsl::Pem));
        }
    }
    m_settings->endGroup();
}

void CertificatePinStore::addCertificateAuthority(const QString &hostAndPort, const QSslCertificate &authority)
{
    if (authority.isNull())
        return;
    m_settings->beginGroup(authorityGroup);
    QStringList pems = m_settings->value(keyFor(hostAndPort)).toStringList();
    const QString pem = QString::fromLatin1(authority.toPem());
    if (!pems.contains(pem))
        pems << pem;
    m_settings->setValue(keyFor(hostAndPort), pems);
    m_settings->endGroup();
}

void CertificatePinStore::add(const QString &hostAndPort, const QByteArray &sha256Fingerprint)
{
    if (sha256Fingerprint.size() != 32)
        return;
    m_settings->beginGroup(group);
    QStringList fingerprints = m_settings->value(keyFor(hostAndPort)).toStringList();
    const QString hex = QString::fromLatin1(sha256Fingerprint.toHex());
    if (!fingerprints.contains(hex))
        fingerprints << hex;
    m_settings->setValue(keyFor(hostAndPort), fingerprints);
    m_settings->endGroup();
}

void CertificatePinStore::removeHost(const QString &hostAndPort)
{
    m_settings->beginGroup(group);
    m_settings->remove(keyFor(hostAndPort));
    m_settings->endGroup();
    m_settings->beginGroup(authorityGroup);
    m_settings->remove(keyFor(hostAndPort));
    m_settings->endGroup();
}

} // namespace Dawiso
