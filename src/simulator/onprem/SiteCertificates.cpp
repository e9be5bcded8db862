#include "simulator/onprem/SiteCertificates.h"

#include "simulator/common/KeyExport.h"
#include "simulator/common/OpenSslHandles.h"

#include <QDir>
#include <QFile>
#include <QHostAddress>

#include <openssl/crypto.h>

namespace Dawiso::Simulator {

namespace {

constexpr long day = 24L * 3600;
const QString clientCommonName = QStringLiteral("QlikClient");

bool writeFile(const QDir &directory, const QString &name, QByteArray contents, bool secret, QString *error)
{
    QFile file(directory.filePath(name));
    const bool written = !contents.isEmpty() && file.open(QIODevice::WriteOnly | QIODevice::Truncate)
        && (!secret || file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner))
        && file.write(contents) == contents.size() && file.flush();
    if (secret)
        OPENSSL_cleanse(contents.data(), static_cast<size_t>(contents.size()));
    if (!written)
        *error = contents.isEmpty()
            ? QStringLiteral("Could not encode %1: %2").arg(name, OpenSsl::lastError("Encoding"))
            : QStringLiteral("Could not write %1: %2").arg(file.fileName(), file.errorString());
    return written;
}

QByteArray subjectAltName(const QStringList &names)
{
    QStringList entries;
    for (const QString &name : names)
        entries.append((QHostAddress(name).isNull() ? QStringLiteral("DNS:") : QStringLiteral("IP:")) + name);
    return entries.join(u',').toUtf8();
}

CertificateBuilder::Request issuedBy(const CertificateBuilder::Result &issuer, const QString &commonName)
{
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.issuerCertificate = issuer.certificate;
    request.issuerKey = issuer.key;
    request.basicConstraints = "critical,CA:FALSE";
    request.keyUsage = "critical,digitalSignature";
    request.extendedKeyUsage = "clientAuth";
    return request;
}

CertificateBuilder::Request authority(const QString &commonName)
{
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.basicConstraints = "critical,CA:TRUE";
    request.keyUsage = "critical,keyCertSign,cRLSign";
    return request;
}

} // namespace

SiteCertificates::SiteCertificates(const QString &serverName)
{
    if (!keep(CertificateBuilder::build(authority(serverName + QStringLiteral("-CA"))), &m_ca))
        return;
    CertificateBuilder::Request client = issuedBy(m_ca, clientCommonName);
    client.keyType = CertificateBuilder::KeyType::Rsa2048;
    client.keyUsage = "critical,digitalSignature,keyEncipherment";
    CertificateBuilder::Request expired = issuedBy(m_ca, clientCommonName);
    expired.notBeforeSeconds = -31 * day;
    expired.notAfterSeconds = -day;
    CertificateBuilder::Result otherCa;
    if (!keep(CertificateBuilder::build(client), &m_client)
        || !keep(CertificateBuilder::build(expired), &m_expiredClient)
        || !keep(CertificateBuilder::build(authority(QStringLiteral("OTHERSERVER-CA"))), &otherCa)
        || !keep(CertificateBuilder::build(issuedBy(otherCa, clientCommonName)), &m_otherClient))
        return;
    reissueServer({QStringLiteral("localhost")}, false);
}

bool SiteCertificates::isNull() const
{
    return m_ca.isNull() || m_server.isNull() || m_client.isNull() || m_otherClient.isNull()
        || m_expiredClient.isNull();
}

bool SiteCertificates::keep(const CertificateBuilder::Result &result, CertificateBuilder::Result *into)
{
    *into = result;
    if (result.isNull())
        m_errorString = result.errorString;
    return !result.isNull();
}

bool SiteCertificates::reissueServer(const QStringList &names, bool expired)
{
    if (m_ca.isNull() || names.isEmpty())
        return false;
    const QByteArray alternativeNames = subjectAltName(names);
    CertificateBuilder::Request request = issuedBy(m_ca, names.constFirst());
    request.extendedKeyUsage = "serverAuth";
    request.subjectAltName = alternativeNames.constData();
    if (expired) {
        request.notBeforeSeconds = -31 * day;
        request.notAfterSeconds = -day;
    }
    return keep(CertificateBuilder::build(request), &m_server);
}

bool SiteCertificates::writeBundle(const QString &directory, const QByteArray &passphrase) const
{
    if (isNull() || passphrase.isEmpty()) {
        m_errorString = isNull() ? m_errorString : QStringLiteral("The bundle needs a passphrase");
        return false;
    }
    const QDir target(directory);
    QString *error = &m_errorString;
    return writeFile(target, QStringLiteral("root.pem"), m_ca.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("root.cer"), m_ca.certificate.toDer(), false, error)
        && writeFile(target, QStringLiteral("client.pem"), m_client.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("client.der"), m_client.certificate.toDer(), false, error)
        && writeFile(target, QStringLiteral("client_key.pem"), KeyExport::pkcs8Pem(m_client.key), true, error)
        && writeFile(target, QStringLiteral("client_key_encrypted.pem"),
                     KeyExport::encryptedPkcs8Pem(m_client.key, passphrase), true, error)
        && writeFile(target, QStringLiteral("client_key_legacy.pem"),
                     KeyExport::encryptedLegacyPem(m_client.key, passphrase), true, error)
        && writeFile(target, QStringLiteral("client.pfx"),
                     KeyExport::pkcs12Der(m_client.certificate, m_client.key, {m_ca.certificate}, passphrase,
                                          clientCommonName),
                     true, error)
        && writeFile(target, QStringLiteral("other_client.pem"), m_otherClient.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("other_client_key.pem"), KeyExport::pkcs8Pem(m_otherClient.key), true,
                     error)
        && writeFile(target, QStringLiteral("expired_client.pem"), m_expiredClient.certificate.toPem(), false, error)
        && writeFile(target, QStringLiteral("expired_client_key.pem"), KeyExport::pkcs8Pem(m_expiredClient.key), true,
                     error);
}

} // namespace Dawiso::Simulator
