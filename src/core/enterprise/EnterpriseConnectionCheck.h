#pragma once

#include "check/ConnectionCheck.h"
#include "common/UserMessage.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <chrono>

class QNetworkAccessManager;

namespace Dawiso {

class EngineProbe;
class QrsClient;
class TlsTrust;

// Proves that Dawiso will read a Qlik Sense Enterprise site with its JWT through the JWT virtual proxy, the way a
// catalog uses it (https://HOST/<prefix>/...):
//   session    GET qps/csrftoken with the token as Bearer (60 s: a cold proxy takes 15-20 s): a proxy session (its
//              cookie, sent as this check's own header to this origin only) and the session's CSRF token
//   identity   GET qps/user: the session is the expected service user
//   qrs        GET qrs/about: the repository answers through the proxy (its build)
//   roles      GET qrs/user/full for the service user: RootAdmin or not (warn; it reaches the QMC context only)
//   content    GET qrs/stream/count and qrs/app/count (0 apps: no read rule)
//   app-access GET qrs/app/hublist/full: "X of Y apps can be opened" (warn when fewer)
//   engine     one openable app over wss://HOST/<prefix>/app/<id> (EngineProbe): OpenDoc, GetAppLayout, GetScriptEx
// One after another; a failed session, identity or qrs skips the rest. Whenever a session was made the check ends it
// with DELETE qps/user, also when it fails or is cancelled, so that the user's parallel sessions are not used up.
class EnterpriseConnectionCheck : public ConnectionCheck
{
    Q_OBJECT

public:
    EnterpriseConnectionCheck(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent = nullptr);
    ~EnterpriseConnectionCheck() override;

    // Before start(): the JWT virtual proxy's prefix ("dawiso"; empty for the default virtual proxy) and the user the
    // token should stand for (empty: whoever it is).
    void setVirtualProxyPrefix(const QString &prefix) { m_prefix = prefix; }
    QString virtualProxyPrefix() const { return m_prefix; }
    void setServiceUser(const QString &userDirectory, const QString &userId);

    QList<CheckResult> plannedChecks() const override;
    static QList<CheckResult> plan();
    // The first request's limit: a proxy that has not served anyone for a while takes 15-20 s.
    static constexpr int sessionTimeoutSeconds = 60;
    // How long a proxy that answers 503 (restarting) is waited for, and how often it is asked again; tests shorten it.
    void setRestartWait(int totalMs, int pollMs);
    // Every request's limit, the session request's included (sessionTimeoutSeconds and QlikRequest's default unless
    // set); tests shorten it.
    void setRequestTimeout(std::chrono::milliseconds timeout);

    void cancel() override;

protected:
    void reset() override;
    void runChecks(const QByteArray &token) override;
    void released() override;
    void describe(ConnectionReport &report) const override;

private:
    EnterpriseConnectionCheck(QrsClient *qrs, const TlsTrust *trust, QObject *parent);

    void askForSession();
    void onSession(QlikRequest *request);
    void onIdentity(QlikRequest *request);
    void onAbout(QlikRequest *request);
    void onRoles(QlikRequest *request);
    void onStreamCount(QlikRequest *request);
    void onAppCount(QlikRequest *request);
    void onHubList(QlikRequest *request);
    void startEngine();
    void onEngineFinished();
    // Stops after a failure that leaves nothing else to check.
    void stopAfter(const QString &skippedBecause);
    // Ends the session (when one was made), then the run.
    void endSession();
    void failWith(const QString &id, const UserMessage &problem);
    UserMessage sessionRefusal(const QlikRequest *request) const;
    UserMessage refusal(const QlikRequest *request, const QString &action) const;
    // "CORP\svc_dawiso": the session's user once known, else the expected one; empty when neither is.
    QString serviceUserAccount() const;
    // The same for sentences, never empty.
    QString serviceUser() const;
    QString prefixPath() const;

    QrsClient *m_qrs;
    EngineProbe *m_engine;
    QString m_prefix;
    QString m_expectedDirectory;
    QString m_expectedUserId;

    QByteArray m_token; // until the proxy answered the session request (kept for asking again during a restart)
    qint64 m_restartWaitEndsMs = 0;
    int m_restartWaitMs = 60000;
    int m_restartPollMs = 1000;
    std::chrono::milliseconds m_sessionTimeout {std::chrono::seconds(sessionTimeoutSeconds)};
    int m_sessionAttempt = 0; // a newer run or the end of this one silences a pending "ask again"
    bool m_hasSession = false;
    QByteArray m_cookieHeader;
    QByteArray m_csrfToken;
    QString m_userDirectory;
    QString m_userId;
    QString m_buildVersion;
    QStringList m_roles;
    int m_streams = -1;
    int m_apps = -1;
    int m_openable = -1;
    QString m_sampleAppId;
    QString m_sampleAppName;
    QString m_engineApp;
};

} // namespace Dawiso
