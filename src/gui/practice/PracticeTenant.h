#pragma once

#include "practice/PracticeCredentials.h"
#include "practice/PracticeSample.h"

#include <QList>
#include <QObject>

#include <memory>

namespace Dawiso {

class PracticeServer;
class TlsTrust;

// The practice run's tenant: a PracticeServer (the simulator, from the practice plugin) started in this process on
// a loopback port, with exactly its own certificate trusted for exactly its address.
class PracticeTenant : public QObject
{
    Q_OBJECT

public:
    explicit PracticeTenant(std::unique_ptr<PracticeServer> server, QObject *parent = nullptr);
    ~PracticeTenant() override;

    // Starts the server and pins its certificate in trust. False when no loopback port could be opened.
    bool start(TlsTrust *trust);
    QString hostAndPort() const;
    QList<PracticeSample> samples() const;
    // The simulated tenant's sign-in details.
    PracticeCredentials credentials() const;
    PracticeServer *server() const { return m_server.get(); }

private:
    std::unique_ptr<PracticeServer> m_server;
};

} // namespace Dawiso
