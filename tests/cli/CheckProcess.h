#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#include <memory>

class QProcess;

namespace Dawiso::Test {

// Runs the real `dawiso-qlik-setup check` as a child process, without a display, while the test's own event loop
// keeps running (the simulator the child talks to lives in the test process). Every run is checked for the secrets
// the test registered: no byte of them may reach the child's standard output or error.
class CheckProcess
{
public:
    struct Result
    {
        bool finished = false;
        int exitCode = -1;
        QByteArray out;
        QByteArray err;

        // stdout as one JSON object; an empty object when stdout is anything else.
        QJsonObject json() const;
        // The last non-empty line of stdout.
        QString lastLine() const;
        // The status of one check in the JSON output ("missing" when absent).
        QString statusOf(const QString &checkId) const;
        // What the test framework shows when a run is not what was expected: never the output of a run that leaked.
        QByteArray describe() const;
    };

    CheckProcess();
    ~CheckProcess();
    Q_DISABLE_COPY_MOVE(CheckProcess)

    // The environment of every run: the test's own, minus everything that would give the child a display.
    static QProcessEnvironment headlessEnvironment();

    // The secrets no run may print; a registered key is also looked for by its signature alone.
    void addSecret(const QByteArray &secret);
    // Runs `dawiso-qlik-setup <arguments>` with `input` on standard input (closed afterwards). Returns false when
    // the child did not finish in time or printed a registered secret; problem() then says which.
    bool run(const QStringList &arguments, const QByteArray &input, Result *result,
             const QProcessEnvironment &environment = headlessEnvironment());
    // Starts the child and returns its process id without waiting; finish with waitForFinished().
    qint64 start(const QStringList &arguments, const QByteArray &input,
                 const QProcessEnvironment &environment = headlessEnvironment());
    bool waitForFinished(Result *result);
    QByteArray problem() const { return m_problem; }

private:
    bool leaks(const Result &result) const;

    QList<QByteArray> m_secrets;
    QByteArray m_problem;
    std::unique_ptr<QProcess> m_process;
};

} // namespace Dawiso::Test
