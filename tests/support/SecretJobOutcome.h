#pragma once

#include "secrets/SecretStoreJob.h"

#include <QObject>

#include <memory>

namespace Dawiso {

// What a SecretStoreJob reported, captured in its finished() signal (the job deletes itself right after, so tests
// must not read the job later). finishedCount shows whether finished() came exactly once.
struct SecretJobOutcome
{
    int finishedCount = 0;
    SecretStoreError error = SecretStoreError::None;
    QString errorMessage;
    QString backendDetail;
    QByteArray secret;

    static std::shared_ptr<SecretJobOutcome> watch(SecretStoreJob *job)
    {
        auto outcome = std::make_shared<SecretJobOutcome>();
        QObject::connect(job, &SecretStoreJob::finished, job, [outcome](SecretStoreJob *finishedJob) {
            ++outcome->finishedCount;
            outcome->error = finishedJob->error();
            outcome->errorMessage = finishedJob->errorMessage();
            outcome->backendDetail = finishedJob->backendDetail();
            outcome->secret = finishedJob->secret();
        });
        return outcome;
    }
};

} // namespace Dawiso
