#pragma once

#include <QByteArray>
#include <QSslCertificate>
#include <QString>

class QSettings;

namespace Dawiso {

class TlsTrust;

// Remembers, across runs, the certificates a user chose to trust: per host:port in QSettings, a list of SHA-256
// fingerprints (pinned server certificates) and a list of CA certificates in PEM (a site's own CA, trusted for that
// host only). Both are public facts about a server, not secrets.
class CertificatePinStore
{
public:
    explicit CertificatePinStore(QSettings *settings);

    void loadInto(TlsTrust &trust) const;
    void add(const QString &hostAndPort, const QByteArray &sha256Fingerprint);
    void addCertificateAuthority(const QString &hostAndPort, const QSslCertificate &authority);
    // Forgets the pins and the CAs of the host.
    void removeHost(const QString &hostAndPort);

private:
    QSettings *m_settings;
};

} // namespace Dawiso
