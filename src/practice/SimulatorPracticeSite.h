#pragma once

#include "practice/PracticeSite.h"

#include <QTemporaryDir>

#include <memory>

namespace Dawiso {

namespace Simulator {
class QlikSenseSite;
}

// The practice Qlik Sense site served by the site simulator (src/simulator/onprem) in this process, with its
// certificate bundle exported to a temporary folder that goes with it. The practice plugin creates it; tests create
// it directly, and reach the simulator behind it.
class SimulatorPracticeSite : public PracticeSite
{
public:
    SimulatorPracticeSite();
    ~SimulatorPracticeSite() override;

    bool start() override;
    QString proxyHostAndPort() const override;
    QSslCertificate siteCaCertificate() const override;
    QSslCertificate proxyCertificate() const override;
    PracticeCredentials credentials() const override;

    Simulator::QlikSenseSite *site() const { return m_site.get(); }

private:
    std::unique_ptr<Simulator::QlikSenseSite> m_site;
    QTemporaryDir m_bundleFolder;
};

} // namespace Dawiso
