#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

namespace Dawiso {

class QlikClient;
class QlikPager;
class QlikRequest;

// The one idiom for work against Qlik that takes a while (probing a host, verifying a key, signing in, the automated
// steps, the connection check). A step begins an attempt in its start() (begin()), sends requests (run()), hands
// each answer to its handler, and ends the attempt with its result (finish()). The contract every step keeps:
// - timeouts, redirects and rate-limit waits are QlikRequest's (QlikRequestOptions); a step adds no timer for them;
// - one result per start(): exactly one, unless cancel() or abandon() silenced the attempt (a step whose callers
//   want to hear of a stop delivers Cancelled from its own cancel());
// - the result is queued: never delivered from inside start() or cancel(), so callers may connect after start().
//   finishNow() is the exception, for a step that promises its result before the call returns (a cancel() that
//   reports at once, the connection check's report without a server);
// - cancel() stops the attempt, unless a request that must finish is in flight (Completion::MustFinish): then
//   nothing is stopped and the attempt ends as usual. abandon() stops even that, and a newer start() abandons the
//   attempt before it;
// - nothing of an ended attempt is delivered any more: not a late answer, not a queued result;
// - several requests and pagers may be in flight at once (the connection check reads four lists side by side).
class QlikStep : public QObject
{
    Q_OBJECT

public:
    explicit QlikStep(QlikClient *client, QObject *parent = nullptr);
    ~QlikStep() override;

    // Stops the attempt and silences it, unless a request that must finish is in flight: then it goes on, and the
    // attempt's result comes as usual. By default a stopped attempt has no result; a step whose callers expect one
    // (Cancelled) says so in its own cancel(). Does nothing when no attempt is running.
    virtual void cancel();
    // Stops and silences whatever the attempt has in flight, a request that must finish included, and drops a result
    // not yet delivered: for when its answer can no longer be used (the tenant changed, the wizard closes). A step
    // that waits for more than requests (a browser) stops that too in its own abandon().
    virtual void abandon();
    // From start() until the result is decided (finish()) or the attempt was stopped.
    bool isRunning() const { return m_running; }
    // False while a request that must finish is in flight.
    bool isCancellable() const;

protected:
    enum class Completion {
        Cancellable,
        // A change in Qlik whose outcome must be learnt: a created API key is shown once, and a key that nobody
        // received would stay active with nobody holding it.
        MustFinish,
    };

    QlikClient *client() const { return m_client; }

    // Begins a new attempt; whatever the previous one still had in flight or queued is abandoned.
    void begin();
    // Starts request and calls handler with it when it has finished (not when stopped, see cancel()). Any number may
    // be in flight; each is stopped with the attempt.
    void run(QlikRequest *request, std::function<void(QlikRequest *)> handler,
             Completion completion = Completion::Cancellable);
    // The same for a list read page by page; the pager's own signals (pageReceived) are the caller's to connect.
    void run(QlikPager *pager, std::function<void(QlikPager *)> handler);
    // Calls deliver from the event loop, unless the attempt has ended meanwhile: for news before the result, such as
    // the address a sign-in needs opened.
    void later(std::function<void()> deliver);
    // Ends the attempt with its result: stops what is still in flight and calls deliver once, from the event loop.
    // Only the first call of an attempt counts.
    void finish(std::function<void()> deliver);
    // The same, with deliver called before it returns: for a step that promises its result before the call returns.
    void finishNow(const std::function<void()> &deliver);

private:
    struct InFlight
    {
        QPointer<QObject> job;
        bool mustFinish = false;
    };

    void track(QObject *job, bool mustFinish);
    // Forgets a job that finished; true when its answer belongs to the attempt still running.
    bool settle(QObject *job, quint64 attempt);
    void stopAll();
    bool end();

    QlikClient *m_client;
    QList<InFlight> m_inFlight;
    quint64 m_attempt = 0;
    bool m_running = false;
};

} // namespace Dawiso
