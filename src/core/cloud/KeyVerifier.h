#pragma once

#include "cloud/KeyVerification.h"
#include "qlik/QlikStep.h"
#include "token/ApiKeyToken.h"

namespace Dawiso {

// Asks the tenant about a pasted key: GET /api/v1/users/me (the client follows its 301 with the key, same origin
// only) says whose key it is; GET /api/v1/api-keys?sub=<user>&status=active then finds the key's own record for its
// expiry, where the tenant lets the user list their keys. The key is on the client only while the check runs.
class KeyVerifier : public QlikStep
{
    Q_OBJECT

public:
    using QlikStep::QlikStep;

    void start(const ApiKeyToken &token);
    // Stops the check; its finished() (Cancelled) has come when this returns.
    void cancel() override;

signals:
    void progress(const QString &message);
    void finished(const Dawiso::KeyVerification &verification);

private:
    void onUser(QlikRequest *request);
    void onKeyList(QlikPager *pager);
    void interpretRefusal(QlikRequest *request);
    void conclude();

    KeyVerification m_result;
    std::optional<QDateTime> m_claimedExpiry;
};

} // namespace Dawiso
