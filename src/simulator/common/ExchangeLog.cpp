#include "simulator/common/ExchangeLog.h"

#include "simulator/common/RecordedRequest.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QMutexLocker>

namespace Dawiso::Simulator {

namespace {

const char environmentVariable[] = "DQS_SIMULATOR_EXCHANGE_LOG";

bool isSecretName(const QString &name)
{
    static const QStringList secrets {QStringLiteral("token"),         QStringLiteral("access_token"),
                                      QStringLiteral("refresh_token"), QStringLiteral("id_token"),
                                      QStringLiteral("client_secret"), QStringLiteral("password"),
                                      QStringLiteral("code_verifier")};
    return secrets.contains(name, Qt::CaseInsensitive);
}

QJsonValue redacted(const QJsonValue &value)
{
    if (value.isObject()) {
        QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (isSecretName(it.key()) && it.value().isString())
                it.value() = QStringLiteral("redacted");
            else
                it.value() = redacted(it.value());
        }
        return object;
    }
    if (value.isArray()) {
        QJsonArray array = value.toArray();
        for (auto it = array.begin(); it != array.end(); ++it)
            *it = redacted(*it);
        return array;
    }
    return value;
}

QByteArray contentType(const SimResponse &response)
{
    for (const auto &header : response.headers) {
        if (header.first.compare("Content-Type", Qt::CaseInsensitive) == 0)
            return header.second;
    }
    return {};
}

// The executable's name (the test's), which a test's application name may hide.
QString processName()
{
    const QString name = QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName();
    return name.isEmpty() ? QStringLiteral("process") : name;
}

// One file per process: tests in parallel never share one, and lines of one process never interleave.
class LogFile
{
public:
    void append(const QByteArray &line)
    {
        const QMutexLocker lock(&m_mutex);
        if (!m_file.isOpen()) {
            const QString directory = qEnvironmentVariable(environmentVariable);
            QDir().mkpath(directory);
            const QString name = processName();
            m_file.setFileName(QDir(directory).filePath(
                QStringLiteral("%1-%2.jsonl").arg(name).arg(QCoreApplication::applicationPid())));
            if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append)) {
                qWarning("ExchangeLog: cannot write %s", qUtf8Printable(m_file.fileName()));
                return;
            }
        }
        m_file.write(line);
        m_file.flush();
    }

private:
    QMutex m_mutex;
    QFile m_file;
};

} // namespace

bool ExchangeLog::isEnabled()
{
    return !qEnvironmentVariableIsEmpty(environmentVariable);
}

void ExchangeLog::record(const SimRequest &request, const SimResponse &response)
{
    if (!isEnabled())
        return;
    QJsonObject entry {{QStringLiteral("test"), processName()},
                       {QStringLiteral("method"), QString::fromLatin1(request.method)},
                       {QStringLiteral("path"), request.path},
                       // Redacted like the record of requests: a client may wrongly put a secret in a URL.
                       {QStringLiteral("query"), RecordedRequest::of(request).query},
                       {QStringLiteral("status"), response.status},
                       {QStringLiteral("contentType"), QString::fromLatin1(contentType(response))}};
    if (!response.deviation.isEmpty())
        entry.insert(QStringLiteral("deviation"), response.deviation);
    if (response.isJson()) {
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(response.body, &error);
        if (error.error == QJsonParseError::NoError)
            entry.insert(QStringLiteral("body"),
                         redacted(document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object())));
        else
            entry.insert(QStringLiteral("unparsableBody"), true);
    } else if (!response.body.isEmpty()) {
        entry.insert(QStringLiteral("bodySize"), response.body.size());
    }
    static LogFile file;
    file.append(QJsonDocument(entry).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace Dawiso::Simulator
