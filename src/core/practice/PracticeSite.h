#pragma once

#include "practice/PracticeCredentials.h"

#include <QSslCertificate>
#include <QString>

namespace Dawiso {

// The simulated Qlik Sense Enterprise site of a practice run, as the wizard sees it: its proxy (the address people
// enter), its repository service port (for a certificate bundle) and a bundle exported to a temporary folder, as the
// QMC's certificate export would leave it. Like PracticeServer, the simulator behind it lives in the practice plugin.
class PracticeSite
{
public:
    virtual ~PracticeSite() = default;

    // Listens on loopback (any free ports) and writes the certificate bundle. False when that failed.
    virtual bool start() = 0;
    virtual QString proxyHostAndPort() const = 0; // "localhost:<port>"
    // The site's own CA ("QLIKSERVER1-CA"), which signed the certificate its proxy serves.
    virtual QSslCertificate siteCaCertificate() const = 0;
    virtual QSslCertificate proxyCertificate() const = 0;
    // The sign-in details: the RootAdmin's account and password, the QRS port and the bundle's folder.
    virtual PracticeCredentials credentials() const = 0;
};

} // namespace Dawiso
