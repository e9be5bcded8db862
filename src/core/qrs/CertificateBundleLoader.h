#pragma once

#include "qrs/CertificateBundle.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QMap>
#include <QString>

namespace Dawiso {

// Reads a Qlik Sense Enterprise certificate export into a CertificateBundle, or says for each field the person
// filled in what is wrong with it and what to pick instead: the PEM export (client.pem, client_key.pem, root.pem or
// root.cer) or the Windows export (client.pfx and its password, root.cer). The passphrase is the caller's to wipe;
// the loader keeps no copy of it and wipes the key file's contents and the key's own bytes it handles.
class CertificateBundleLoader
{
    Q_DECLARE_TR_FUNCTIONS(CertificateBundleLoader)

public:
    CertificateBundleLoader() = delete;

    // The fields a problem belongs to: the client certificate file (client.pem or client.pfx), the private key file,
    // the passphrase or .pfx password, and the root certificate file.
    enum class Slot { Certificate, Key, Passphrase, Root };

    struct Result
    {
        CertificateBundle bundle; // null unless every field was right
        QMap<Slot, QString> problems; // one sentence per field that is wrong

        bool isValid() const { return problems.isEmpty() && !bundle.isNull(); }
        QString problem(Slot slot) const { return problems.value(slot); }
    };

    // passphrase: empty unless client_key.pem is encrypted. rootPath: root.pem, or root.cer in DER or PEM.
    static Result fromPem(const QString &certificatePath, const QString &keyPath, const QString &rootPath,
                          const QByteArray &passphrase);
    // rootPath may be empty when the .pfx carries the site's CA itself.
    static Result fromPkcs12(const QString &pfxPath, const QByteArray &password, const QString &rootPath = {});
};

} // namespace Dawiso
