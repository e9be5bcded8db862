#include "CertificateFiles.h"

#include "simulator/common/KeyExport.h"

#include <QFile>

namespace Dawiso::Test {

using Simulator::CertificateBuilder;
using Simulator::KeyExport;

namespace {

constexpr long day = 24L * 3600;

CertificateBuilder::Request clientRequest(const CertificateFiles::Identity &authority, const QString &commonName)
{
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.issuerCertificate = authority.certificate;
    request.issuerKey = authority.key;
    request.basicConstraints = "critical,CA:FALSE";
    request.extendedKeyUsage = "clientAuth";
    return request;
}

} // namespace

CertificateFiles::Identity CertificateFiles::authority(const QString &commonName)
{
    CertificateBuilder::Request request;
    request.commonName = commonName;
    request.basicConstraints = "critical,CA:TRUE";
    request.keyUsage = "critical,keyCertSign,cRLSign";
    return CertificateBuilder::build(request);
}

CertificateFiles::Identity CertificateFiles::ecClient(const Identity &authority, const QString &commonName)
{
    return CertificateBuilder::build(clientRequest(authority, commonName));
}

CertificateFiles::Identity CertificateFiles::rsaClient(const Identity &authority, const QString &commonName,
                                                       int validFromDays, int validUntilDays)
{
    CertificateBuilder::Request request = clientRequest(authority, commonName);
    request.keyType = CertificateBuilder::KeyType::Rsa2048;
    request.notBeforeSeconds = validFromDays * day;
    request.notAfterSeconds = validUntilDays * day;
    return CertificateBuilder::build(request);
}

QByteArray CertificateFiles::encryptedPkcs8(const QSslKey &key, const QByteArray &passphrase)
{
    return KeyExport::encryptedPkcs8Pem(key, passphrase);
}

QByteArray CertificateFiles::encryptedLegacy(const QSslKey &key, const QByteArray &passphrase)
{
    return KeyExport::encryptedLegacyPem(key, passphrase);
}

QByteArray CertificateFiles::pkcs12(const Identity &client, const QList<QSslCertificate> &caCertificates,
                                    const QByteArray &password)
{
    return KeyExport::pkcs12Der(client.certificate, client.key, caCertificates, password, QStringLiteral("client"));
}

bool CertificateFiles::write(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(contents) == contents.size();
}

} // namespace Dawiso::Test
