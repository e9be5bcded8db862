#pragma once

#include "simulator/cloud/ApiKeySigner.h"
#include "simulator/cloud/CursorCodec.h"
#include "simulator/cloud/OAuthServer.h"
#include "simulator/cloud/OAuthTokenStore.h"
#include "simulator/cloud/QlikApi.h"
#include "simulator/cloud/SampleKey.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/SimClock.h"
#include "simulator/common/SimulatorHost.h"

#include <QByteArray>
#include <QDateTime>
#include <QMap>
#include <QSet>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace Dawiso::Simulator {

// A Qlik Cloud tenant over HTTPS on loopback, answering as Qlik's REST specifications (https://qlik.dev/apis/rest/)
// describe: well-known metadata, OAuth sign-in (authorization code + PKCE through a simulated login form, client
// credentials; see OAuthServer), users (PATCH too), tenants, API keys (created and deleted too), API-key configs,
// roles (created and patched too), spaces, items, apps and their data models, with Bearer authentication by API key
// or OAuth access token, redirects, opaque cursors and Qlik's error bodies. Used by the tests and by
// `dawiso-qlik-setup --demo`. The transport, the record of requests and the common faults come from SimulatorHost.
class QlikSimulator : public SimulatorHost
{
    Q_OBJECT

public:
    explicit QlikSimulator(QObject *parent = nullptr); // SimulatedTenant::demo()
    explicit QlikSimulator(SimulatedTenant tenant, QObject *parent = nullptr);
    ~QlikSimulator() override;

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
    // A person's sign-in on this tenant without a browser and without HTTP, for the practice run, which serves the
    // tenant in its own process (OAuthServer::completeSignIn). authorizationUrl is the address of the tenant's sign-in
    // page that the client built. Returns where a browser would be sent next, or an empty URL with a sentence for
    // people in *problem.
    QUrl completeSignIn(const QUrl &authorizationUrl, const QString &email, const QString &password, QString *problem);

    // Qlik Cloud's own faults, beside SimulatorHost's. Well-known answers with this issuer ("" clears).
    void setIssuerOverride(const QString &issuer);
    // Matching list answers keep their shape but their entries get wrong types: numbers where strings belong,
    // arrays where objects belong ("name": [], "spaceId": {}, "type": 7; see WrongJsonTypes).
    void setWrongJsonTypes(const QString &pathPrefix, bool wrongTypes);
    // PATCH /api/v1/users/{id}, variations off by default (see UserPatch): also take add /assignedRoles/-, which the
    // spec's example shows but its schema does not allow; or answer every patch with 207 and an Errors body while
    // applying what it can.
    void setUserPatchAppendRole(bool appendRole);
    void setUserPatchPartial(bool partial);
    // POST /api/v1/api-keys with a sign-in's OAuth access token answers 403, as a live tenant may (undocumented).
    void setKeyCreationBySignInRefused(bool refused);
    // Variation, off by default: OAuth error bodies also carry RFC 6749's "error" and "error_description", which the
    // OAuth spec does not document (see OAuthServer).
    void setOAuthRfcErrorFields(bool rfcFields) { m_oauth.setRfcErrorFields(rfcFields); }
    // Variation, off by default: POST /api/v1/api-keys refusals say in words why (see ApiKeyWrites).
    void setApiKeyRefusalWording(bool wording) { m_api.setApiKeyRefusalWording(wording); }
    // The alias variation (off while empty): the tenant answers as if reached by another of its names, so the users/me
    // and tenants/me redirects and every list's links name `host` (with this port) in absolute URLs, as a Qlik Cloud
    // tenant with an alias hostname may. The well-known metadata keeps the address asked.
    void setAliasHost(const QString &host);
    // Variation, off while empty: POST and PATCH /api/v1/roles refuse this scope on a custom role (400).
    void setRoleScopeRefused(const QString &scope) { m_api.setRoleScopeRefused(scope); }
    // Moves the OAuth clock forward, so that sign-in forms (10 minutes), authorization codes (60 s) and access
    // tokens (6 hours) expire without waiting. API keys keep real time.
    void advanceOAuthClock(qint64 seconds);

protected:
    SimResponse rateLimitedAnswer(int retryAfterSeconds) const override;
    int redirectStatus(const QString &path) const override;

private:
    SimResponse answerApi(const SimRequest &request);

    SimulatedTenant m_tenant;
    ApiKeySigner m_tokens;
    CursorCodec m_cursors;
    SimClock m_clock;
    OAuthTokenStore m_oauthTokens;
    OAuthServer m_oauth;
    QlikApi m_api;
    QSet<QString> m_wrongJsonTypes; // path prefixes
    QMap<SampleKey, QByteArray> m_sampleTokens;
    QMap<SampleKey, QString> m_sampleUsers;
};

} // namespace Dawiso::Simulator
