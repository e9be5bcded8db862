#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

namespace Dawiso {

class QlikCloudClient;
class QlikRequest;

// The shared mechanics of the automated steps: one request in flight at a time, each answer handed to the step's
// next handler, and cancellation that silences whatever is in flight.
class ProvisionStep : public QObject
{
    Q_OBJECT

public:
    explicit ProvisionStep(QlikCloudClient *client, QObject *parent = nullptr);
    ~ProvisionStep() override;

    void cancel();
    bool isRunning() const;

protected:
    QlikCloudClient *client() const { return m_client; }
    // Starts request and calls handler with it when it has finished (not when cancelled).
    void run(QlikRequest *request, std::function<void(QlikRequest *)> handler);
    // For answers known before any request (a refusal): delivered from the event loop, like every other answer,
    // so that callers can connect after start().
    void later(std::function<void()> deliver);

private:
    QlikCloudClient *m_client;
    QPointer<QlikRequest> m_current;
};

} // namespace Dawiso
