#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

namespace Dawiso {

class QlikClient;
class QlikRequest;

// The shared mechanics of the automated steps: one request in flight at a time, each answer handed to the step's
// next handler, and cancellation that silences what is in flight, unless its answer must be learnt (see run()).
class QlikStep : public QObject
{
    Q_OBJECT

public:
    explicit QlikStep(QlikClient *client, QObject *parent = nullptr);
    ~QlikStep() override;

    // Stops the request in flight and silences it, unless it must finish: then it goes on, and its answer comes as
    // usual. Nothing is emitted for a request that was stopped.
    void cancel();
    // Stops and silences whatever is in flight, a request that must finish included: for when its answer can no
    // longer be used (the tenant changed, the wizard closes).
    void abandon();
    bool isRunning() const;
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
    // Starts request and calls handler with it when it has finished (not when stopped, see cancel()).
    void run(QlikRequest *request, std::function<void(QlikRequest *)> handler,
             Completion completion = Completion::Cancellable);
    // For answers known before any request (a refusal): delivered from the event loop, like every other answer,
    // so that callers can connect after start().
    void later(std::function<void()> deliver);

private:
    QlikClient *m_client;
    QPointer<QlikRequest> m_current;
    bool m_mustFinish = false;
};

} // namespace Dawiso
