#pragma once

#include "check/ConnectionReport.h"

#include <QByteArray>
#include <QList>
#include <QObject>
#include <QPointer>

namespace Dawiso {

class QlikPager;
class QlikRequest;

// The engine every deployment's connection check runs on: a plan of checks shown in order, each moving from pending
// through running to pass, warn, fail or skipped; the requests in flight, counted and stopped together; and one
// report at the end (KeePassXC's KdbxReader has the same shape: the base runs, a subclass per format reads). A
// subclass names its plan, starts its requests in run() and calls setResult() and finish(); the base does the rest.
// Cancellable at any point; emits finished() exactly once per start().
class ConnectionCheck : public QObject
{
    Q_OBJECT

public:
    explicit ConnectionCheck(QObject *parent = nullptr);
    ~ConnectionCheck() override;

    // The checks in the order they are shown, with their titles, all Pending.
    virtual QList<CheckResult> plannedChecks() const = 0;

    // hostAndPort is the address the user entered; the credential is used for this run only and wiped when it ends.
    void start(const QString &hostAndPort, const QByteArray &credential);
    void cancel();
    bool isRunning() const { return m_running; }
    ConnectionReport report() const { return m_report; }

    // Ends a check that never reached the server, as one that did: Stopped marks every check skipped; Unreadable
    // fails the first check with why the stored credential could not be read (reason, advice) and skips the rest.
    enum class NotStarted { Stopped, Unreadable };
    void finishWithoutServer(const QString &hostAndPort, NotStarted why, const QString &reason = {},
                             const QString &advice = {});

    // What a check that was stopped before its turn says.
    static QString stoppedMessage();

signals:
    void checkChanged(const Dawiso::CheckResult &result);
    void progress(const QString &message);
    void finished(const Dawiso::ConnectionReport &report);

protected:
    // Forget what the previous run found; called before run() and before a report without the server.
    virtual void reset() = 0;
    // Start the plan's requests with the credential (a copy the subclass may keep until released()).
    virtual void run(const QByteArray &credential) = 0;
    // The run is over: drop the credential wherever the subclass keeps it.
    virtual void released() = 0;
    // The deployment's own facts for the report (its ReportFact list), from what the run found; also called for a
    // report that never reached the server, where they say that nothing was read.
    virtual void describe(ConnectionReport &report) const = 0;

    ConnectionReport &currentReport() { return m_report; }
    void setResult(const QString &id, CheckStatus status, const QString &message, const QString &advice = {});
    // Requests and pagers of the run: counted in the report, stopped by cancel() and by finish().
    void track(QlikRequest *request);
    void track(QlikPager *pager);
    // Marks every check that has not started as Skipped, saying why: a blocked first check leaves nothing "Waiting".
    void skipPending(const QString &reason);
    // Nothing could be asked: the first check fails with the failure, the rest are skipped.
    void failUnreachable(const QString &message, const QString &advice);
    void finish(ConnectionReport::Verdict verdict);
    // Usable, or Blocked when any check failed.
    ConnectionReport::Verdict verdictFromResults() const;

private:
    void beginReport(const QString &hostAndPort);
    void abandonAll();

    QList<QPointer<QObject>> m_jobs;
    ConnectionReport m_report;
    bool m_running = false;
};

} // namespace Dawiso
