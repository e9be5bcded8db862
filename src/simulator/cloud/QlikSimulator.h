#pragma once

#include "simulator/cloud/ApiKeySigner.h"
#include "simulator/cloud/CursorCodec.h"
#include "simulator/cloud/OAuthServer.h"
#include "simulator/cloud/OAuthTokenStore.h"
#include "simulator/cloud/QlikApi.h"
#include "simulator/cloud/SampleKey.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/FaultInjector.h"
#include "simulator/common/RecordedRequest.h"
#include "simulator/common/SelfSignedCertificate.h"
#include "simulator/common/SimClock.h"

#include <QByteArray>
#include <QDateTime>
#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QUrl>

class QHttpServerRequest;
class QHttpServerResponder;

namespace Dawiso::Simulator {

class SimulatorHttpServer;

// A Qlik Cloud tenant over HTTPS on loopback, answering as shared/qlik-specs describe: well-known metadata, OAuth
// sign-in (authorization code + PKCE through a simulated login form, client credentials; see OAuthServer), users
// (PATCH too), tenants, API keys (created and deleted too), API-key configs, roles (created and patched too), spaces,
// items, apps and their data models, with Bearer authentication by API key or OAuth access token, redirects, opaque
// cursors and Qlik's error bodies. Used by the tests and by `dawiso-qlik-setup --demo`. Everything runs on the
// thread that owns the simulator; delays never block it.
class QlikSimulator : public QObject
{
    Q_OBJECT

public:
    explicit QlikSimulator(QObject *parent = nullptr); // SimulatedTenant::demo()
    explicit QlikSimulator(SimulatedTenant tenant, QObject *parent = nullptr);
    ~QlikSimulator() override;

    // Listens with TLS on the loopback address; port 0 = any free port. Returns false (and qWarning) on failure.
    bool start(const QHostAddress &address = QHostAddress::LocalHost, quint16 port = 0);
    quint16 port() const { return m_port; }
    QString hostAndPort() const; // "localhost:<port>" (the host the client should use)
    QUrl baseUrl() const; // "https://localhost:<port>"
    QSslCertificate certificate() const; // the certificate this instance serves
    // The same certificate as PEM, e.g. for a --ca-file; it works as a trust anchor
    // (QSslConfiguration::addCaCertificates) for "localhost", 127.0.0.1 and ::1.
    QByteArray certificatePem() const;

    SimulatedTenant &tenant() { return m_tenant; } // live data; tests may change it between requests

    // Creates an API key record (active unless told otherwise) for userId and returns its token, a JWT signed with
    // this instance's secret. The record goes into tenant().apiKeys; the token is kept nowhere.
    QByteArray issueApiKey(const QString &userId, const QDateTime &expiry, const QString &description,
                           const QString &status = QStringLiteral("active"));
    // Tokens for the demo tenant's sample keys (created by the constructor when the tenant holds them); empty
    // otherwise.
    QByteArray sampleToken(SampleKey key) const { return m_sampleTokens.value(key); }
    QString sampleKeyId(SampleKey key) const;
    QString sampleUserId(SampleKey key) const { return m_sampleUsers.value(key); }
    // An OAuth access token for userId with these scopes, as if they had signed in through the native client (the
    // demo tenant's, or "" in other tenants), without the browser round trip. For tests of the scope rules.
    QByteArray issueOAuthToken(const QString &userId, const QStringList &scopes);

    // Fault injection for tests (all default off). Prefixes match the request path; the longest match wins.
    // The next `times` matching requests get 429 with retry-after (0 times clears).
    void rateLimitNext(const QString &pathPrefix, int times, int retryAfterSeconds);
    // Answer matching requests after `milliseconds` (0 clears), or never (-1) until the client gives up.
    void setResponseDelay(const QString &pathPrefix, int milliseconds);
    // Requests for exactly `path` are redirected there (301 for users/me, 302 otherwise); an empty URL clears.
    void setRedirectTarget(const QString &path, const QUrl &absoluteLocation);
    void setIssuerOverride(const QString &issuer); // well-known answers with this issuer ("" clears)
    void setNotQlik(bool notQlik); // behave like a generic web server: HTML 404 everywhere
    // Matching requests get 200 with the first half of the JSON they would have had (or a JSON fragment).
    void setMalformedJson(const QString &pathPrefix, bool malformed);
    // Matching list answers keep their shape but their entries get wrong types: numbers where strings belong,
    // arrays where objects belong ("name": [], "spaceId": {}, "type": 7; see WrongJsonTypes).
    void setWrongJsonTypes(const QString &pathPrefix, bool wrongTypes);
    // PATCH /api/v1/users/{id}: any add operation answers 400 (clients must fall back to replace), or every patch
    // answers 207 with an Errors body while applying what it can (see UserPatch).
    void setUserPatchAddUnsupported(bool unsupported);
    void setUserPatchPartial(bool partial);
    // Moves the OAuth clock forward, so that sign-in forms (10 minutes), authorization codes (60 s) and access
    // tokens (6 hours) expire without waiting. API keys keep real time.
    void advanceOAuthClock(qint64 seconds);

    // Recorded requests never carry a secret: the Authorization value and bodies are not kept, and the values of
    // query parameters that could hold one (code, code_verifier, client_secret, password, token, ...) read
    // "redacted", so that a client which wrongly puts one into a URL is still visible without the secret itself.
    QList<RecordedRequest> requests() const { return m_requests; }
    void clearRequests() { m_requests.clear(); }
    int requestCount(const QString &pathPrefix) const;

signals:
    // Emitted as soon as a request has arrived and been recorded, before any (delayed) answer goes out.
    void requestHandled(const Dawiso::Simulator::RecordedRequest &request);

private:
    void dispatch(const QHttpServerRequest &request, QHttpServerResponder &&responder);
    SimResponse answer(const SimRequest &request);

    SimulatedTenant m_tenant;
    SelfSignedCertificate m_identity;
    ApiKeySigner m_tokens;
    CursorCodec m_cursors;
    SimClock m_clock;
    OAuthTokenStore m_oauthTokens;
    OAuthServer m_oauth;
    QlikApi m_api;
    FaultInjector m_faults;
    QMap<SampleKey, QByteArray> m_sampleTokens;
    QMap<SampleKey, QString> m_sampleUsers;
    QList<RecordedRequest> m_requests;
    SimulatorHttpServer *m_server = nullptr;
    quint16 m_port = 0;
};

} // namespace Dawiso::Simulator
