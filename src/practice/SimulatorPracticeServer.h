#pragma once

#include "practice/PracticeServer.h"

namespace Dawiso {

namespace Simulator {
class QlikSimulator;
}

// The practice tenant served by the Qlik simulator (src/simulator) in this process. The practice plugin creates it;
// tests create it directly, and reach the simulator behind it.
class SimulatorPracticeServer : public PracticeServer
{
public:
    SimulatorPracticeServer();
    ~SimulatorPracticeServer() override;

    bool start(quint16 preferredPort) override;
    QString hostAndPort() const override;
    QUrl baseUrl() const override;
    QSslCertificate certificate() const override;
    QByteArray sampleToken(Sample sample) const override;
    PracticeCredentials credentials() const override;
    QUrl completeSignIn(const QUrl &authorizationUrl, const QString &email, const QString &password,
                        QString *problem) override;

    Simulator::QlikSimulator *simulator() const { return m_simulator.get(); }

private:
    std::unique_ptr<Simulator::QlikSimulator> m_simulator;
};

} // namespace Dawiso
