#include "SimulatorProcess.h"

#include "token/SecureMemory.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace Dawiso::Bench {

SimulatorProcess::~SimulatorProcess()
{
    SecureMemory::wipe(m_tenant.token);
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.closeWriteChannel(); // the serving process ends at the end of its input
    if (!m_process.waitForFinished(10000)) {
        m_process.kill();
        m_process.waitForFinished(5000);
    }
}

bool SimulatorProcess::serve(const QString &program, int apps, int spaces)
{
    // Building a tenant of 20,000 apps takes a while in a Debug build.
    const std::chrono::milliseconds timeout = std::chrono::minutes(5);
    const QStringList arguments {QStringLiteral("--serve"), QStringLiteral("--apps"), QString::number(apps),
                                 QStringLiteral("--spaces"), QString::number(spaces)};
    // Its stderr is ours (warnings only); its stdout is the channel the key comes through, never shown.
    m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    m_process.start(program, arguments);
    if (!m_process.waitForStarted(30000)) {
        m_error = QStringLiteral("the serving process did not start: %1").arg(m_process.errorString());
        return false;
    }
    return readAnnouncement(timeout);
}

bool SimulatorProcess::readAnnouncement(std::chrono::milliseconds timeout)
{
    std::optional<QByteArray> line = readLine(timeout);
    if (!line)
        return false;
    QJsonParseError parseError {};
    const QJsonObject announcement = QJsonDocument::fromJson(*line, &parseError).object();
    SecureMemory::wipe(*line);
    // The line holds the key: say what is wrong with it, never what it says.
    if (parseError.error != QJsonParseError::NoError) {
        m_error = QStringLiteral("the serving process announced itself in a line that is not JSON");
        return false;
    }
    m_tenant.host = announcement.value(QLatin1String("host")).toString();
    m_tenant.port = quint16(announcement.value(QLatin1String("port")).toInt());
    m_tenant.token = announcement.value(QLatin1String("token")).toString().toLatin1();
    m_tenant.certificatePem = announcement.value(QLatin1String("certificate")).toString().toLatin1();
    m_tenant.spaces = announcement.value(QLatin1String("spaces")).toInt();
    m_tenant.apps = announcement.value(QLatin1String("apps")).toInt();
    const QJsonArray types = announcement.value(QLatin1String("sampleSpaceTypes")).toArray();
    for (const QJsonValue &type : types)
        m_tenant.sampleSpaceTypes << type.toString();
    if (m_tenant.host.isEmpty() || m_tenant.port == 0 || m_tenant.token.isEmpty()
        || m_tenant.certificatePem.isEmpty()) {
        m_error = QStringLiteral("the serving process's announcement lacks its address, key or certificate");
        return false;
    }
    return true;
}

std::optional<ServedRequests> SimulatorProcess::takeRequests()
{
    m_process.write("count\n");
    const std::optional<QByteArray> line = readLine(std::chrono::seconds(30));
    if (!line)
        return std::nullopt;
    const QJsonObject answer = QJsonDocument::fromJson(*line).object();
    if (!answer.value(QLatin1String("requests")).isDouble()) {
        m_error = QStringLiteral("the serving process did not count its requests");
        return std::nullopt;
    }
    ServedRequests requests;
    requests.total = answer.value(QLatin1String("requests")).toInt();
    const QJsonObject paths = answer.value(QLatin1String("paths")).toObject();
    for (auto it = paths.constBegin(); it != paths.constEnd(); ++it)
        requests.byPath.insert(it.key(), it.value().toInt());
    return requests;
}

std::optional<QByteArray> SimulatorProcess::readLine(std::chrono::milliseconds timeout)
{
    const QDeadlineTimer deadline(timeout);
    while (!m_process.canReadLine()) {
        if (m_process.state() == QProcess::NotRunning || deadline.hasExpired()
            || !m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            m_error = m_process.state() == QProcess::NotRunning
                ? QStringLiteral("the serving process ended (exit status %1)").arg(m_process.exitCode())
                : QStringLiteral("the serving process did not answer within %1 s").arg(timeout.count() / 1000);
            return std::nullopt;
        }
    }
    QByteArray line = m_process.readLine();
    line.chop(1);
    return line;
}

} // namespace Dawiso::Bench
