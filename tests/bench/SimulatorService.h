#pragma once

#include "simulator/cloud/QlikSimulator.h"

#include <QByteArray>
#include <QObject>

#include <memory>
#include <thread>

namespace Dawiso::Bench {

// The benchmark's serving process (`bench_connectioncheck --serve`): builds the large tenant, serves it over HTTPS on
// loopback and talks to the measuring process over its standard streams only, so that the key never appears in an
// argument or a file.
//   stdout, once: {"host","port","token","certificate","spaces","apps","sampleSpaceTypes"}
//   stdin "count" -> stdout {"requests":N,"paths":{path:N}}: what arrived since the last count
//   stdin closed  -> the process ends
class SimulatorService : public QObject
{
    Q_OBJECT

public:
    SimulatorService(int apps, int spaces, QObject *parent = nullptr);
    ~SimulatorService() override;

    // Starts the simulator and announces it; false (with a message on stderr) when it cannot.
    bool start();

private:
    void readCommands(); // on m_reader: one line at a time until standard input closes
    void onCommand(const QByteArray &command);
    QJsonObject visibleContent() const;
    static void writeLine(const QByteArray &line);

    std::unique_ptr<Simulator::QlikSimulator> m_simulator;
    std::thread m_reader;
};

} // namespace Dawiso::Bench
