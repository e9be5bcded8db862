#pragma once

#include <QByteArray>
#include <QString>

class QSettings;

namespace Dawiso {

class TlsTrust;

// Remembers, across runs, the certificates a user chose to trust: one SHA-256 fingerprint list per host:port in
// QSettings. Fingerprints are public facts about a server, not secrets.
class CertificatePinStore
{
public:
    explicit CertificatePinStore(QSettings *settings);

    void loadInto(TlsTrust &trust) const;
    void add(const QString &hostAndPort, const QByteArray &sha256Fingerprint);
    void removeHost(const QString &hostAndPort);

private:
    QSettings *m_settings;
};

} // namespace Dawiso
