#pragma once

#include <QString>

namespace Dawiso {

// The files of a certificate bundle exported from the QMC as the admin picked them, and who to act as. Either PEM
// (client.pem, client_key.pem, root.pem) or Windows format (client.pfx and root.cer; the key is inside the .pfx).
struct CertificateBundleChoice
{
    QString certificatePath; // client.pem or client.pfx
    QString keyPath; // client_key.pem; empty for a .pfx
    QString rootPath; // root.pem or root.cer
    QString userDirectory;
    QString userId;
    int repositoryPort = 4242;
};

// What is wrong with each file of the bundle, one plain sentence each; empty where the file is fine.
struct CertificateBundleProblems
{
    QString certificate;
    QString key;
    QString passphrase;
    QString root;

    bool isEmpty() const { return certificate.isEmpty() && key.isEmpty() && passphrase.isEmpty() && root.isEmpty(); }
};

} // namespace Dawiso
