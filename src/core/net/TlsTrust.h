#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

namespace Dawiso {

// The certificates this run trusts beyond the operating system's store. Three kinds, never wider than asked:
// - extra CA certificates (--ca-file, a corporate TLS-inspection root), trusted for every host in this run;
// - CA certificates trusted for one host:port only: a Qlik Sense site's own CA (QLIKSERVER1-CA) vouches for that
//   server, not for every server on the internet;
// - pinned certificates, trusted only for the one host:port the user accepted them for, and only while the
//   server presents exactly that certificate (matched by SHA-256 fingerprint).
// Neither a CA nor a pin makes an expired certificate acceptable: the handshake reports it, and that is no trust
// error.
class TlsTrust
{
public:
    void addCaCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }

    void pin(const QString &hostAndPort, const QByteArray &sha256Fingerprint);
    void unpin(const QString &hostAndPort);
    bool isPinned(const QString &hostAndPort, const QSslCertificate &certificate) const;

    // Trusts `authority` as a CA for the server at hostAndPort only. Refuses (returns false, trusts nothing) a null
    // certificate and one outside its validity period: a CA that has expired signs nothing valid.
    bool trustCaForHost(const QString &hostAndPort, const QSslCertificate &authority);
    QList<QSslCertificate> caCertificatesFor(const QString &hostAndPort) const;

    // The TLS configuration shared by every request: the system defaults plus the extra CAs.
    QSslConfiguration configuration() const;
    // The TLS configuration for a request to url: configuration() plus the CAs trusted for url's host:port.
    QSslConfiguration configurationFor(const QUrl &url) const;

    // Whether the errors of a handshake may be ignored because the server's own certificate is pinned for this
    // host. Only trust problems qualify; an expired or revoked pinned certificate is shown to the user again.
    bool acceptsPinned(const QUrl &url, const QSslCertificate &peerCertificate, const QList<QSslError> &errors) const;

    static QString originKey(const QUrl &url); // "host:port" with the default port filled in
    // Errors that only say the certificate is not vouched for (self-signed, unknown issuer, other name): the kind a
    // person may decide to trust. Expired, revoked or malformed certificates are not.
    static bool isTrustError(QSslError::SslError error);

private:
    QList<QSslCertificate> m_caCertificates;
    QHash<QString, QSet<QByteArray>> m_pins;
    QHash<QString, QList<QSslCertificate>> m_hostCaCertificates;
};

} // namespace Dawiso
