#include "check/ConnectionCheck.h"

#include "common/Clock.h"
#include "qlik/QlikPager.h"
#include "qlik/QlikRequest.h"

namespace Dawiso {

ConnectionCheck::ConnectionCheck(QlikClient *client, QObject *parent)
    : QlikStep(client, parent)
{ }

QString ConnectionCheck::stoppedMessage()
{
    return tr("Not checked: the check was stopped.");
}

void ConnectionCheck::beginReport(const QString &hostAndPort)
{
    begin();
    reset();
    m_report = ConnectionReport();
    m_report.host = hostAndPort;
    m_report.checkedAt = Clock::currentDateTimeUtc();
    m_report.checks = plannedChecks();
}

void ConnectionCheck::start(const QString &hostAndPort, const QByteArray &credential)
{
    beginReport(hostAndPort);
    for (const CheckResult &result : std::as_const(m_report.checks))
        emit checkChanged(result);
    runChecks(credential);
}

void ConnectionCheck::finishWithoutServer(const QString &hostAndPort, NotStarted why, const QString &reason,
                                          const QString &advice)
{
    beginReport(hostAndPort);
    if (why == NotStarted::Stopped) {
        for (CheckResult &result : m_report.checks) {
            result.status = CheckStatus::Skipped;
            result.message = stoppedMessage();
        }
    } else if (!m_report.checks.isEmpty()) {
        // Without the stored credential there is nothing to check with: said in the report's own terms.
        m_report.checks.first().status = CheckStatus::Fail;
        m_report.checks.first().message = reason;
        m_report.checks.first().advice = advice;
        for (CheckResult &result : m_report.checks) {
            if (result.status == CheckStatus::Pending) {
                result.status = CheckStatus::Skipped;
                result.message = tr("Not checked: there is no credential to check with.");
            }
        }
    }
    for (const CheckResult &result : std::as_const(m_report.checks))
        emit checkChanged(result);
    finish(why == NotStarted::Stopped ? ConnectionReport::Verdict::Cancelled : ConnectionReport::Verdict::Blocked);
}

void ConnectionCheck::cancel()
{
    if (!isRunning())
        return;
    for (CheckResult &result : m_report.checks) {
        if (result.status == CheckStatus::Pending || result.status == CheckStatus::Running) {
            result.status = CheckStatus::Skipped;
            result.message = stoppedMessage();
            emit checkChanged(result);
        }
    }
    finish(ConnectionReport::Verdict::Cancelled);
}

void ConnectionCheck::runCounted(QlikRequest *request, std::function<void(QlikRequest *)> handler)
{
    connect(request, &QlikRequest::finished, this,
            [this, request] { m_report.counts.requests += 1 + request->redirectCount() + request->rateLimitWaits(); });
    run(request, std::move(handler));
}

void ConnectionCheck::runCounted(QlikPager *pager, std::function<void(QlikPager *)> handler)
{
    connect(pager, &QlikPager::pageReceived, this, [this] {
        ++m_report.counts.requests;
        ++m_report.counts.pagesRead;
    });
    connect(pager, &QlikPager::waitingForRateLimit, this, [this](int seconds) {
        ++m_report.counts.requests;
        emit progress(tr("Qlik asked to wait %n second(s) before reading on…", nullptr, seconds));
    });
    run(pager, std::move(handler));
}

void ConnectionCheck::setResult(const QString &id, CheckStatus status, const QString &message, const QString &advice)
{
    for (CheckResult &result : m_report.checks) {
        if (result.id == id) {
            result.status = status;
            result.message = message;
            result.advice = advice;
            emit checkChanged(result);
            return;
        }
    }
}

void ConnectionCheck::skipPending(const QString &reason)
{
    for (CheckResult &result : m_report.checks) {
        if (result.status == CheckStatus::Pending) {
            result.status = CheckStatus::Skipped;
            result.message = reason;
            emit checkChanged(result);
        }
    }
}

void ConnectionCheck::failUnreachable(const QString &message, const QString &advice)
{
    m_report.failureMessage = advice.isEmpty() ? message : message + QLatin1Char(' ') + advice;
    if (!m_report.checks.isEmpty())
        setResult(m_report.checks.constFirst().id, CheckStatus::Fail, message, advice);
    skipPending(tr("Not checked: Qlik could not be reached."));
    finish(ConnectionReport::Verdict::Unreachable);
}

ConnectionReport::Verdict ConnectionCheck::verdictFromResults() const
{
    return m_report.countWithStatus(CheckStatus::Fail) > 0 ? ConnectionReport::Verdict::Blocked
                                                           : ConnectionReport::Verdict::Usable;
}

void ConnectionCheck::finish(ConnectionReport::Verdict verdict)
{
    finishNow([this, verdict] {
        released();
        m_report.verdict = verdict;
        describe(m_report);
        emit finished(m_report);
    });
}

} // namespace Dawiso
