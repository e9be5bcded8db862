#pragma once

#include "check/ConnectionReport.h"
#include "qlik/QlikStep.h"

#include <QByteArray>
#include <QList>

#include <functional>

namespace Dawiso {

// The engine every deployment's connection check runs on: a plan of checks shown in order, each moving from pending
// through running to pass, warn, fail or skipped; the requests in flight, counted and stopped together (a QlikStep
// attempt: several lists are read side by side); and one report at the end (KeePassXC's KdbxReader has the same
// shape: the base runs, a subclass per format reads). A subclass names its plan, starts its requests in runChecks()
// with runCounted() and calls setResult() and finish(); the base does the rest. Cancellable at any point; emits
// finished() exactly once per start(), from the handler that ends the run, or before cancel() and
// finishWithoutServer() return.
class ConnectionCheck : public QlikStep
{
    Q_OBJECT

public:
    // client: pointed at the server to check, the subclass setting and clearing its credential; null for a check that
    // sends no QlikRequest.
    explicit ConnectionCheck(QlikClient *client, QObject *parent = nullptr);

    // The checks in the order they are shown, with their titles, all Pending.
    virtual QList<CheckResult> plannedChecks() const = 0;

    // hostAndPort is the address the user entered; the credential is used for this run only and wiped when it ends.
    void start(const QString &hostAndPort, const QByteArray &credential);
    void cancel() override;
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
    // Forget what the previous run found; called before runChecks() and before a report without the server.
    virtual void reset() = 0;
    // Start the plan's requests with the credential (a copy the subclass may keep until released()).
    virtual void runChecks(const QByteArray &credential) = 0;
    // The run is over: drop the credential wherever the subclass keeps it.
    virtual void released() = 0;
    // The deployment's own facts for the report (its ReportFact list), from what the run found; also called for a
    // report that never reached the server, where they say that nothing was read.
    virtual void describe(ConnectionReport &report) const = 0;

    ConnectionReport &currentReport() { return m_report; }
    void setResult(const QString &id, CheckStatus status, const QString &message, const QString &advice = {});
    // Starts a request or pager of the run (QlikStep::run): counted in the report, stopped by cancel() and finish().
    void runCounted(QlikRequest *request, std::function<void(QlikRequest *)> handler);
    void runCounted(QlikPager *pager, std::function<void(QlikPager *)> handler);
    // Marks every check that has not started as Skipped, saying why: a blocked first check leaves nothing "Waiting".
    void skipPending(const QString &reason);
    // Nothing could be asked: the first check fails with the failure, the rest are skipped.
    void failUnreachable(const QString &message, const QString &advice);
    // Ends the run with the report; finished() has come when this returns.
    void finish(ConnectionReport::Verdict verdict);
    // Usable, or Blocked when any check failed.
    ConnectionReport::Verdict verdictFromResults() const;

private:
    void beginReport(const QString &hostAndPort);

    ConnectionReport m_report;
};

} // namespace Dawiso
