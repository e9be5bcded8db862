#pragma once

#include "ServedRequests.h"
#include "ServedTenant.h"

#include <QProcess>
#include <QString>

#include <chrono>
#include <optional>

namespace Dawiso::Bench {

// The measuring side's handle on the serving process (see SimulatorService): starts it, reads what it serves, asks
// it for the requests it received, and ends it by closing its standard input.
class SimulatorProcess
{
public:
    SimulatorProcess() = default;
    ~SimulatorProcess();
    SimulatorProcess(const SimulatorProcess &) = delete;
    SimulatorProcess &operator=(const SimulatorProcess &) = delete;

    // Runs `program --serve --apps APPS --spaces SPACES` (a benchmark serving, see SimulatorService) and waits for its
    // announcement; false (see error()) when it does not come within five minutes.
    bool serve(const QString &program, int apps, int spaces);
    const ServedTenant &tenant() const { return m_tenant; }
    // The requests received since the last call (or since start); nullopt (see error()) when the process does not
    // answer.
    std::optional<ServedRequests> takeRequests();
    QString error() const { return m_error; }

private:
    std::optional<QByteArray> readLine(std::chrono::milliseconds timeout);
    bool readAnnouncement(std::chrono::milliseconds timeout);

    QProcess m_process;
    ServedTenant m_tenant;
    QString m_error;
};

} // namespace Dawiso::Bench
