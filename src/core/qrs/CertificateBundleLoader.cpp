#include "qrs/CertificateBundleLoader.h"

#include "token/SecureMemory.h"

#include <QBuffer>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QSslError>

namespace Dawiso {

namespace {

// Certificate exports are a few kilobytes; anything far larger is not one, and is not read into memory.
constexpr qint64 largestFile = qint64(1024) * 1024;

QString fileName(const QString &path)
{
    return QFileInfo(path).fileName();
}

bool isPem(const QByteArray &data)
{
    return data.contains("-----BEGIN ");
}

bool holdsPrivateKey(const QByteArray &data)
{
    return data.contains("PRIVATE KEY-----");
}

bool holdsCertificate(const QByteArray &data)
{
    return data.contains("-----BEGIN CERTIFICATE-----");
}

bool isEncryptedPem(const QByteArray &data)
{
    return data.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----") || data.contains("Proc-Type: 4,ENCRYPTED");
}

// A PKCS#12 file is a DER SEQUENCE that starts with the version INTEGER 3.
bool looksLikePkcs12(const QByteArray &data)
{
    return data.size() > 8 && quint8(data.at(0)) == 0x30 && data.left(8).contains(QByteArrayLiteral("\x02\x01\x03"));
}

// One DER element at `position`: its tag and contents; false when the bytes are no DER.
bool readDer(const QByteArray &data, qsizetype &position, quint8 &tag, QByteArray &contents)
{
    if (position + 2 > data.size())
        return false;
    tag = quint8(data.at(position++));
    qsizetype length = quint8(data.at(position++));
    if (length & 0x80) {
        const int lengthBytes = int(length & 0x7f);
        if (lengthBytes < 1 || lengthBytes > 4 || position + lengthBytes > data.size())
            return false;
        length = 0;
        for (int i = 0; i < lengthBytes; ++i)
            length = (length << 8) | quint8(data.at(position++));
    }
    if (length > data.size() - position)
        return false;
    contents = data.mid(position, length);
    position += length;
    return true;
}

bool isWholeDer(const QByteArray &data)
{
    qsizetype position = 0;
    quint8 tag = 0;
    QByteArray contents;
    while (position < data.size()) {
        if (!readDer(data, position, tag, contents))
            return false;
    }
    return !data.isEmpty();
}

// The public part of a key as both its certificate and its private key spell it: an RSA modulus (the first large
// INTEGER) or an EC point (the BIT STRING that is not itself DER). Both SubjectPublicKeyInfo and the private key
// formats (PKCS#1, PKCS#8, SEC 1) hold it in those shapes. Empty when none is found.
QByteArray publicMaterial(const QByteArray &der)
{
    QByteArray bitString;
    qsizetype position = 0;
    quint8 tag = 0;
    QByteArray contents;
    while (position < der.size()) {
        if (!readDer(der, position, tag, contents))
            return bitString;
        if (tag == 0x02 && contents.size() >= 64)
            return contents;
        QByteArray nested;
        if (tag & 0x20)
            nested = contents; // SEQUENCE and the context-specific fields of SEC 1
        else if ((tag == 0x04 || tag == 0x03) && isWholeDer(tag == 0x03 ? contents.mid(1) : contents))
            nested = tag == 0x03 ? contents.mid(1) : contents;
        if (!nested.isEmpty()) {
            QByteArray found = publicMaterial(nested);
            if (!found.isEmpty())
                return found;
        }
        if (tag == 0x03 && contents.size() > 1 && bitString.isEmpty())
            bitString = contents.mid(1);
    }
    return bitString;
}

// Whether the private key is the one the certificate names; a key whose format leaves the public part out (SEC 1
// allows that) cannot be told apart here, and the server's handshake will have the last word.
bool belongsTogether(const QSslCertificate &certificate, const QSslKey &key)
{
    const QSslKey publicKey = certificate.publicKey();
    if (publicKey.algorithm() != key.algorithm())
        return false;
    QByteArray keyDer = key.toDer();
    const QByteArray keyMaterial = publicMaterial(keyDer);
    SecureMemory::wipe(keyDer);
    return keyMaterial.isEmpty() || keyMaterial == publicMaterial(publicKey.toDer());
}

// Whether one of the roots signed the client certificate; its dates and purposes are checked apart.
bool issuedByOneOf(const QSslCertificate &certificate, const QList<QSslCertificate> &roots)
{
    const QList<QSslError> errors = QSslCertificate::verify(QList<QSslCertificate> {certificate} + roots);
    for (const QSslError &error : errors) {
        switch (error.error()) {
        case QSslError::UnableToGetIssuerCertificate:
        case QSslError::UnableToGetLocalIssuerCertificate:
        case QSslError::UnableToVerifyFirstCertificate:
        case QSslError::CertificateSignatureFailed:
        case QSslError::UnableToDecryptCertificateSignature:
        case QSslError::UnableToDecodeIssuerPublicKey:
            return false;
        default:
            break;
        }
    }
    return true;
}

QSslKey readKey(const QByteArray &pem, const QByteArray &passphrase)
{
    for (const QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec, QSsl::Dsa}) {
        QSslKey key(pem, algorithm, QSsl::Pem, QSsl::PrivateKey, passphrase);
        if (!key.isNull())
            return key;
    }
    return {};
}

QString dateText(const QDateTime &when)
{
    return QLocale().toString(when.toLocalTime().date(), QLocale::LongFormat);
}

using Slot = CertificateBundleLoader::Slot;

// The contents of one chosen file, or why it cannot be used (unreadable, empty, far too large).
struct FileRead
{
    QByteArray data;
    QString problem;
};

FileRead readFile(const QString &path)
{
    QFile file(path);
    if (path.isEmpty())
        return {{}, CertificateBundleLoader::tr("No file was chosen.")};
    if (!file.open(QIODevice::ReadOnly)) {
        return {{},
                CertificateBundleLoader::tr("%1 could not be read (%2). Choose a file this account may open.")
                    .arg(fileName(path), file.errorString())};
    }
    if (file.size() > largestFile) {
        return {{},
                CertificateBundleLoader::tr("%1 is far too large to be a certificate file. Choose the file from "
                                            "Qlik's certificate export.")
                    .arg(fileName(path))};
    }
    FileRead read {file.readAll(), {}};
    if (read.data.trimmed().isEmpty()) {
        read.problem = CertificateBundleLoader::tr("%1 is empty. Copy the file again from Qlik's certificate export.")
                           .arg(fileName(path));
    }
    return read;
}

QSslCertificate readClientCertificate(const QString &path, QMap<Slot, QString> &problems)
{
    const FileRead read = readFile(path);
    if (!read.problem.isEmpty()) {
        problems.insert(Slot::Certificate, read.problem);
        return QSslCertificate();
    }
    const QString name = fileName(path);
    if (!isPem(read.data)) {
        if (!QSslCertificate(read.data, QSsl::Der).isNull()) {
            problems.insert(Slot::Certificate,
                            CertificateBundleLoader::tr("%1 holds the certificate in binary (DER) form. Choose "
                                                        "client.pem from the export in Platform independent PEM "
                                                        "format.")
                                .arg(name));
        } else if (looksLikePkcs12(read.data)) {
            problems.insert(Slot::Certificate,
                            CertificateBundleLoader::tr("%1 is a .pfx file from the Windows format export. Choose "
                                                        "it as a .pfx file with its password, or choose client.pem "
                                                        "from the PEM export.")
                                .arg(name));
        } else {
            problems.insert(Slot::Certificate,
                            CertificateBundleLoader::tr("%1 is not a certificate. Choose client.pem from Qlik's "
                                                        "certificate export.")
                                .arg(name));
        }
        return QSslCertificate();
    }
    if (holdsPrivateKey(read.data) && !holdsCertificate(read.data)) {
        problems.insert(Slot::Certificate,
                        CertificateBundleLoader::tr("%1 holds a private key, not the certificate. Choose client.pem "
                                                    "here and this file as the key.")
                            .arg(name));
        return QSslCertificate();
    }
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(read.data, QSsl::Pem);
    if (certificates.isEmpty()) {
        problems.insert(Slot::Certificate,
                        CertificateBundleLoader::tr("%1 holds no certificate the wizard can read; it may be damaged. "
                                                    "Copy client.pem again from Qlik's certificate export.")
                            .arg(name));
        return QSslCertificate();
    }
    return certificates.first();
}

QSslKey readPrivateKey(const QString &path, const QByteArray &passphrase, QMap<Slot, QString> &problems)
{
    FileRead read = readFile(path);
    if (!read.problem.isEmpty()) {
        problems.insert(Slot::Key, read.problem);
        return {};
    }
    const QString name = fileName(path);
    QSslKey key;
    if (!isPem(read.data)) {
        problems.insert(Slot::Key,
                        CertificateBundleLoader::tr("%1 is not a private key in PEM form. Choose client_key.pem from "
                                                    "the export in Platform independent PEM format.")
                            .arg(name));
    } else if (holdsCertificate(read.data) && !holdsPrivateKey(read.data)) {
        problems.insert(Slot::Key,
                        CertificateBundleLoader::tr("%1 holds a certificate, not the private key. Choose "
                                                    "client_key.pem here.")
                            .arg(name));
    } else if (isEncryptedPem(read.data) && passphrase.isEmpty()) {
        problems.insert(Slot::Passphrase,
                        CertificateBundleLoader::tr("%1 is protected by a password. Enter the password that was "
                                                    "chosen when the certificates were exported.")
                            .arg(name));
    } else {
        key = readKey(read.data, isEncryptedPem(read.data) ? passphrase : QByteArray());
        if (key.isNull() && isEncryptedPem(read.data)) {
            problems.insert(Slot::Passphrase,
                            CertificateBundleLoader::tr("The password does not open %1. Type the password that was "
                                                        "chosen when the certificates were exported.")
                                .arg(name));
        } else if (key.isNull()) {
            problems.insert(Slot::Key,
                            CertificateBundleLoader::tr("%1 holds no private key the wizard can read; it may be "
                                                        "damaged. Copy client_key.pem again from the export.")
                                .arg(name));
        }
    }
    SecureMemory::wipe(read.data);
    return key;
}

QList<QSslCertificate> readRoots(const QString &path, QMap<Slot, QString> &problems)
{
    const FileRead read = readFile(path);
    if (!read.problem.isEmpty()) {
        problems.insert(Slot::Root, read.problem);
        return {};
    }
    const QString name = fileName(path);
    if (holdsPrivateKey(read.data) && !holdsCertificate(read.data)) {
        problems.insert(Slot::Root,
                        CertificateBundleLoader::tr("%1 holds a private key, not the root certificate. Choose "
                                                    "root.pem or root.cer.")
                            .arg(name));
        return {};
    }
    // root.cer from the Windows export is DER; either form is fine here.
    QList<QSslCertificate> roots = isPem(read.data) ? QSslCertificate::fromData(read.data, QSsl::Pem)
                                                    : QSslCertificate::fromData(read.data, QSsl::Der);
    if (roots.isEmpty()) {
        problems.insert(Slot::Root,
                        CertificateBundleLoader::tr("%1 is not a certificate. Choose root.pem or root.cer from Qlik's "
                                                    "certificate export.")
                            .arg(name));
    }
    return roots;
}

// The checks that need more than one field: the key belongs to the certificate, the certificate is valid today and
// one of the roots issued it.
void checkTogether(const QSslCertificate &certificate, const QSslKey &key, const QList<QSslCertificate> &roots,
                   QMap<Slot, QString> &problems)
{
    if (!certificate.isNull()) {
        const QDateTime now = QDateTime::currentDateTimeUtc();
        if (certificate.expiryDate() < now) {
            problems.insert(Slot::Certificate,
                            CertificateBundleLoader::tr("This client certificate expired on %1. Export new "
                                                        "certificates in the QMC (Certificates) and choose those.")
                                .arg(dateText(certificate.expiryDate())));
        } else if (certificate.effectiveDate() > now) {
            problems.insert(Slot::Certificate,
                            CertificateBundleLoader::tr("This client certificate is valid only from %1. Check this "
                                                        "computer's date, or choose a certificate that is valid now.")
                                .arg(dateText(certificate.effectiveDate())));
        }
    }
    if (!certificate.isNull() && !key.isNull() && !belongsTogether(certificate, key)) {
        problems.insert(Slot::Key,
                        CertificateBundleLoader::tr("This key does not belong to the client certificate. Choose the "
                                                    "client_key.pem exported together with that client.pem."));
    }
    if (!certificate.isNull() && !roots.isEmpty() && roots.contains(certificate)) {
        problems.insert(Slot::Root,
                        CertificateBundleLoader::tr("This is the client certificate, not the root. Choose root.pem or "
                                                    "root.cer from the same export."));
    } else if (!certificate.isNull() && !roots.isEmpty() && !issuedByOneOf(certificate, roots)) {
        problems.insert(Slot::Root,
                        CertificateBundleLoader::tr("This root certificate did not issue the client certificate. "
                                                    "Choose the root.pem or root.cer exported together with it."));
    }
}

} // namespace

CertificateBundleLoader::Result CertificateBundleLoader::fromPem(const QString &certificatePath, const QString &keyPath,
                                                                 const QString &rootPath, const QByteArray &passphrase)
{
    Result result;
    const QSslCertificate certificate = readClientCertificate(certificatePath, result.problems);
    const QSslKey key = readPrivateKey(keyPath, passphrase, result.problems);
    const QList<QSslCertificate> roots = readRoots(rootPath, result.problems);
    checkTogether(certificate, key, roots, result.problems);
    if (result.problems.isEmpty())
        result.bundle = CertificateBundle(certificate, key, roots);
    return result;
}

CertificateBundleLoader::Result CertificateBundleLoader::fromPkcs12(const QString &pfxPath, const QByteArray &password,
                                                                    const QString &rootPath)
{
    Result result;
    QSslCertificate certificate;
    QSslKey key;
    QList<QSslCertificate> carried;
    FileRead read = readFile(pfxPath);
    const QString name = fileName(pfxPath);
    if (!read.problem.isEmpty()) {
        result.problems.insert(Slot::Certificate, read.problem);
    } else if (isPem(read.data)) {
        result.problems.insert(Slot::Certificate,
                               tr("%1 is a PEM file, not a .pfx. Choose client.pfx from the Windows format export, "
                                  "or choose the PEM files instead.")
                                   .arg(name));
    } else {
        QBuffer buffer(&read.data);
        buffer.open(QIODevice::ReadOnly);
        const bool imported = QSslCertificate::importPkcs12(&buffer, &key, &certificate, &carried, password);
        buffer.close();
        if (!imported || certificate.isNull() || key.isNull()) {
            certificate = QSslCertificate();
            key = QSslKey();
            if (!looksLikePkcs12(read.data)) {
                result.problems.insert(Slot::Certificate,
                                       tr("%1 is not a .pfx file. Choose client.pfx from Qlik's certificate export "
                                          "in Windows format.")
                                           .arg(name));
            } else if (password.isEmpty()) {
                result.problems.insert(Slot::Passphrase,
                                       tr("%1 is protected by a password. Enter the password that was chosen when "
                                          "the certificates were exported.")
                                           .arg(name));
            } else {
                result.problems.insert(Slot::Passphrase,
                                       tr("The password does not open %1. Type the password that was chosen when "
                                          "the certificates were exported.")
                                           .arg(name));
            }
        }
    }
    SecureMemory::wipe(read.data);

    QList<QSslCertificate> roots = carried;
    if (!rootPath.isEmpty()) {
        roots = readRoots(rootPath, result.problems);
    } else if (!certificate.isNull() && carried.isEmpty()) {
        result.problems.insert(Slot::Root,
                               tr("%1 carries no root certificate. Choose root.cer from the same export.").arg(name));
    }
    checkTogether(certificate, key, roots, result.problems);
    if (result.problems.isEmpty())
        result.bundle = CertificateBundle(certificate, key, roots);
    return result;
}

} // namespace Dawiso
