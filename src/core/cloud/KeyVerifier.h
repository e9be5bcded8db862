#pragma once

#include "cloud/KeyVerification.h"
#include "token/ApiKeyToken.h"

#include <QObject>
#include <QPointer>

namespace Dawiso {

class QlikClient;
class QlikPager;
class QlikRequest;

// Asks the tenant about a pasted key: GET /api/v1/users/me (the client follows its 301 with the key, same origin
// only) says whose key it is; GET /api/v1/api-keys?sub=<user>&status=active then finds the key's own record for its
// expiry, where the tenant lets the user list their keys.
class KeyVerifier : public QObject
{
    Q_OBJECT

public:
    explicit KeyVerifier(QlikClient *client, QObject *parent = nullptr);

    void start(const ApiKeyToken &token);
    void cancel();
    bool isRunning() const;

signals:
    void progress(const QString &message);
    void finished(const Dawiso::KeyVerification &verification);

private:
    void onUser(QlikRequest *request);
    void onKeyList(QlikPager *pager);
    void interpretRefusal(QlikRequest *request);
    void finish();
    void abandon();

    QlikClient *m_client;
    QPointer<QlikRequest> m_request;
    QPointer<QlikPager> m_pager;
    KeyVerification m_result;
    std::optional<QDateTime> m_claimedExpiry;
};

} // namespace Dawiso
