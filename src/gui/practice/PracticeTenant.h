#pragma once

#include "practice/PracticeSample.h"
#include "setup/PracticeCredentials.h"

#include <QList>
#include <QObject>

class QNetworkAccessManager;

#include <memory>

namespace Dawiso {

class QlikCloudClient;
class TlsTrust;

namespace Simulator {
class QlikSimulator;
}

// The practice run's tenant: the Qlik simulator, started in this process on a loopback port, with exactly its own
// certificate trusted for exactly its address.
class PracticeTenant : public QObject
{
    Q_OBJECT

public:
    explicit PracticeTenant(QObject *parent = nullptr);
    ~PracticeTenant() override;

    // Starts the simulator and pins its certificate in trust. False when no loopback port could be opened.
    bool start(TlsTrust *trust);
    QString hostAndPort() const;
    QList<PracticeSample> samples() const;
    // The simulated tenant's sign-in details: fixed, so known before it starts.
    static PracticeCredentials credentials();
    // A client of the practice tenant (no key), for the practice sign-in page.
    QlikCloudClient *client() const { return m_client; }
    Simulator::QlikSimulator *simulator() const { return m_simulator.get(); }

private:
    std::unique_ptr<Simulator::QlikSimulator> m_simulator;
    QNetworkAccessManager *m_network;
    QlikCloudClient *m_client = nullptr;
};

} // namespace Dawiso
