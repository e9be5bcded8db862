#pragma once

#include "common/UserMessage.h"
#include "provision/ApiKeyPolicy.h"
#include "qlik/QlikApiKeyRecord.h"
#include "qlik/QlikStep.h"
#include "qlik/QlikUser.h"

#include <QByteArray>
#include <QDate>

namespace Dawiso {

// Creates Dawiso's API key as the signed-in integration user: who is signed in (GET /api/v1/users/me), how many
// active keys they already hold against the tenant's maximum (GET /api/v1/api-keys?sub=…&status=active), then
// POST /api/v1/api-keys with a description naming Dawiso and the date, and an expiry within the tenant's maximum.
// The new token is handed over once, in finished(); the receiver owns it and must store or wipe it. A token whose
// result was dropped (abandon()) is wiped here, at the next start() or on destruction.
class ApiKeyCreation : public QlikStep
{
    Q_OBJECT

public:
    enum class Outcome {
        Created,
        LimitReached,
        ExpiryNotAllowed,
        NotAllowed, // the user lacks Manage API keys
        // 401, or 403 to a user who has Manage API keys: Qlik may not let a sign-in's token create keys (it documents
        // neither way); the key has to be generated in Qlik and pasted.
        SignInNotAccepted,
        Failed,
    };
    Q_ENUM(Outcome)

    struct Result
    {
        Outcome outcome = Outcome::Failed;
        QlikUser user;
        QlikApiKeyRecord record;
        QByteArray token;
        int activeKeys = 0;
        UserMessage problem;
        // The HTTP status of the answer the step failed on; 0 when there was none.
        int httpStatus = 0;
    };

    using QlikStep::QlikStep;
    ~ApiKeyCreation() override;

    static QString descriptionFor(const QDate &date);

    // expiryDays 0: the tenant's maximum (Qlik's default when no expiry is sent).
    void start(int expiryDays, const ApiKeyPolicy &policy);

signals:
    void progress(const QString &message);
    void finished(const Dawiso::ApiKeyCreation::Result &result);

private:
    void onUser(QlikRequest *request);
    void onActiveKeys(QlikRequest *request);
    void onCreated(QlikRequest *request);
    void conclude(Outcome outcome, const UserMessage &problem = {}, int httpStatus = 0);

    int m_expiryDays = 0;
    ApiKeyPolicy m_policy;
    Result m_result;
};

} // namespace Dawiso
