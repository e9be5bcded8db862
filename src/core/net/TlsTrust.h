#pragma once

#include <QHash>
#include <QList>
#include <QSet>
#include <QSslConfiguration>
#include <QSslError>
#include <QUrl>

namespace Dawiso {

// The certificates this run trusts beyond the operating system's store. Two kinds, never wider than asked:
// - extra CA certificates (--ca-file, a corporate TLS-inspection root), trusted for every host in this run;
// - pinned certificates, trusted only for the one host:port the user accepted them for, and only while the
//   server presents exactly that certificate (matched by SHA-256 fingerprint).
class TlsTrust
{
public:
    void addCaCertificates(const QList<QSslCertificate> &certificates);
    QList<QSslCertificate> caCertificates() const { return m_caCertificates; }

    void pin(const QString &hostAndPort, const QByteArray &sha256Fingerprint);
    void unpin(const QString &hostAndPort);
    bool isPinned(const QString &hostAndPort, const QSslCertificate &certificate) const;

    // The TLS configuration for every request: the system defaults plus the extra CAs.
    QSslConfiguration configuration() const;

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
};

} // namespace Dawiso
