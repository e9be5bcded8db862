#include "CheckProcess.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QSignalSpy>

namespace Dawiso::Test {

namespace {

// Generous: a loaded two-core machine runs the child, the simulator and other tests at once.
constexpr int FinishTimeoutMs = 120000;

} // namespace

CheckProcess::CheckProcess() = default;

CheckProcess::~CheckProcess()
{
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
}

QJsonObject CheckProcess::Result::json() const
{
    const QJsonDocument document = QJsonDocument::fromJson(out);
    return document.isObject() ? document.object() : QJsonObject();
}

QString CheckProcess::Result::lastLine() const
{
    const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    return lines.isEmpty() ? QString() : lines.constLast();
}

QString CheckProcess::Result::statusOf(const QString &checkId) const
{
    const QJsonArray checks = json().value(QStringLiteral("checks")).toArray();
    for (const QJsonValue &check : checks) {
        if (check.toObject().value(QStringLiteral("id")).toString() == checkId)
            return check.toObject().value(QStringLiteral("status")).toString();
    }
    return QStringLiteral("missing");
}

QByteArray CheckProcess::Result::describe() const
{
    return "exit " + QByteArray::number(exitCode) + (finished ? "" : " (did not finish)") + "\n--- stdout:\n" + out
        + "\n--- stderr:\n" + err;
}

QProcessEnvironment CheckProcess::headlessEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const QString &name :
         {QStringLiteral("DISPLAY"), QStringLiteral("WAYLAND_DISPLAY"), QStringLiteral("QT_QPA_PLATFORM")})
        environment.remove(name);
    return environment;
}

void CheckProcess::addSecret(const QByteArray &secret)
{
    if (secret.isEmpty())
        return;
    m_secrets << secret;
    const qsizetype lastDot = secret.lastIndexOf('.');
    if (lastDot >= 0 && secret.size() - lastDot > 16)
        m_secrets << secret.mid(lastDot + 1);
}

qint64 CheckProcess::start(const QStringList &arguments, const QByteArray &input,
                           const QProcessEnvironment &environment)
{
    m_problem.clear();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(QStringLiteral(DQS_EXECUTABLE_PATH));
    m_process->setArguments(arguments);
    m_process->setProcessEnvironment(environment);
    m_process->start();
    if (!m_process->waitForStarted(30000)) {
        m_problem = "the child did not start: " + m_process->errorString().toUtf8();
        m_process.reset();
        return 0;
    }
    m_process->write(input);
    m_process->closeWriteChannel();
    return m_process->processId();
}

bool CheckProcess::waitForFinished(Result *result)
{
    *result = Result();
    if (!m_process) {
        if (m_problem.isEmpty())
            m_problem = "no child was started";
        return false;
    }
    // The simulator answers from this thread, so wait with the event loop running, never with a blocking wait.
    if (m_process->state() != QProcess::NotRunning) {
        QSignalSpy finished(m_process.get(), &QProcess::finished);
        finished.wait(FinishTimeoutMs);
    }
    result->finished = m_process->state() == QProcess::NotRunning && m_process->exitStatus() == QProcess::NormalExit;
    if (!result->finished) {
        m_process->kill();
        m_process->waitForFinished(10000);
    }
    result->exitCode = result->finished ? m_process->exitCode() : -1;
    result->out = m_process->readAllStandardOutput();
    result->err = m_process->readAllStandardError();
    if (leaks(*result)) {
        // The output is not kept: it would carry the secret into the test log.
        *result = Result();
        m_problem = "a secret appeared in the output of the child";
        return false;
    }
    if (!result->finished) {
        m_problem = "the child did not finish in time\n" + result->describe();
        return false;
    }
    return true;
}

bool CheckProcess::run(const QStringList &arguments, const QByteArray &input, Result *result,
                       const QProcessEnvironment &environment)
{
    if (start(arguments, input, environment) == 0) {
        *result = Result();
        return false;
    }
    return waitForFinished(result);
}

bool CheckProcess::leaks(const Result &result) const
{
    for (const QByteArray &secret : m_secrets) {
        if (result.out.contains(secret) || result.err.contains(secret))
            return true;
    }
    return false;
}

} // namespace Dawiso::Test
