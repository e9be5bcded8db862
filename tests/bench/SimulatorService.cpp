#include "SimulatorService.h"

#include "simulator/cloud/SimulatorScenario.h"
#include "token/SecureMemory.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <cstdio>
#include <iostream>
#include <string>

namespace Dawiso::Bench {

namespace {

// A JWT is base64url parts joined by dots: safe to place between JSON quotes as it is.
bool isJsonSafeToken(const QByteArray &token)
{
    if (token.isEmpty())
        return false;
    for (const char c : token) {
        const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
            || c == '_' || c == '.';
        if (!ok)
            return false;
    }
    return true;
}

} // namespace

SimulatorService::SimulatorService(int apps, int spaces, QObject *parent)
    : QObject(parent)
    , m_simulator(std::make_unique<Simulator::QlikSimulator>(Simulator::SimulatorScenario::large(apps, spaces)))
{ }

SimulatorService::~SimulatorService()
{
    // The reader only ends at end of input, which is also the only way this process is asked to quit.
    if (m_reader.joinable())
        m_reader.join();
}

bool SimulatorService::start()
{
    if (!m_simulator->start(QHostAddress::LocalHost, 0)) {
        std::fputs("bench_connectioncheck --serve: the simulator could not listen on loopback.\n", stderr);
        return false;
    }
    QByteArray token = m_simulator->sampleToken(Simulator::SampleKey::Healthy);
    if (!isJsonSafeToken(token)) {
        std::fputs("bench_connectioncheck --serve: the tenant has no Healthy sample key.\n", stderr);
        return false;
    }
    QJsonObject handshake = visibleContent();
    handshake.insert(QStringLiteral("host"), m_simulator->baseUrl().host());
    handshake.insert(QStringLiteral("port"), int(m_simulator->port()));
    handshake.insert(QStringLiteral("certificate"), QString::fromLatin1(m_simulator->certificatePem()));
    // The token is spliced into the line rather than put into the QJsonObject, so that the one buffer holding it
    // can be wiped once it has gone down the pipe.
    QByteArray line = QJsonDocument(handshake).toJson(QJsonDocument::Compact);
    line.insert(1, QByteArrayLiteral("\"token\":\"") + token + QByteArrayLiteral("\","));
    writeLine(line);
    SecureMemory::wipe(line);
    SecureMemory::wipe(token);

    m_reader = std::thread([this] { readCommands(); });
    return true;
}

QJsonObject SimulatorService::visibleContent() const
{
    const Simulator::SimulatedTenant &tenant = m_simulator->tenant();
    const QString userId = m_simulator->sampleUserId(Simulator::SampleKey::Healthy);
    QHash<QString, QString> visibleSpaceTypes; // space id -> type, for the spaces the user is in
    for (const Simulator::SimSpace &space : tenant.spaces) {
        if (space.ownerId == userId || space.memberIds.contains(userId))
            visibleSpaceTypes.insert(space.id, space.type);
    }
    int apps = 0;
    QSet<QString> typesWithApps;
    for (const Simulator::SimApp &app : tenant.apps) {
        if (app.spaceId.isEmpty() ? app.ownerId == userId : visibleSpaceTypes.contains(app.spaceId)) {
            ++apps;
            typesWithApps.insert(app.spaceId.isEmpty() ? QStringLiteral("personal")
                                                       : visibleSpaceTypes.value(app.spaceId));
        }
    }
    QStringList types = typesWithApps.values();
    types.sort();
    return QJsonObject {
        {QStringLiteral("spaces"), int(visibleSpaceTypes.size())},
        {QStringLiteral("apps"), apps},
        {QStringLiteral("sampleSpaceTypes"), QJsonArray::fromStringList(types)},
    };
}

void SimulatorService::readCommands()
{
    std::string line;
    while (std::getline(std::cin, line)) {
        const QByteArray command = QByteArray::fromStdString(line).trimmed();
        QMetaObject::invokeMethod(
            this, [this, command] { onCommand(command); }, Qt::QueuedConnection);
    }
    QMetaObject::invokeMethod(
        this, [] { QCoreApplication::quit(); }, Qt::QueuedConnection);
}

void SimulatorService::onCommand(const QByteArray &command)
{
    if (command != "count") {
        std::fputs("bench_connectioncheck --serve: unknown command.\n", stderr);
        writeLine(QByteArrayLiteral("{}"));
        return;
    }
    const QList<Simulator::RecordedRequest> requests = m_simulator->requests();
    m_simulator->clearRequests();
    QHash<QString, int> byPath;
    for (const Simulator::RecordedRequest &request : requests)
        ++byPath[request.path];
    QJsonObject paths;
    for (auto it = byPath.cbegin(); it != byPath.cend(); ++it)
        paths.insert(it.key(), it.value());
    const QJsonObject answer {
        {QStringLiteral("requests"), int(requests.size())},
        {QStringLiteral("paths"), paths},
    };
    writeLine(QJsonDocument(answer).toJson(QJsonDocument::Compact));
}

void SimulatorService::writeLine(const QByteArray &line)
{
    std::fwrite(line.constData(), 1, size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

} // namespace Dawiso::Bench
