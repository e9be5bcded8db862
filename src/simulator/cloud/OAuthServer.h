#pragma once

#include "simulator/cloud/OAuthTokenStore.h"
#include "simulator/cloud/SimulatedTenant.h"
#include "simulator/common/SimClock.h"
#include "simulator/common/SimRequest.h"
#include "simulator/common/SimResponse.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QString>
#include <QStringList>

namespace Dawiso::Simulator {

// The tenant's OAuth 2.0 authorization server (https://qlik.dev/apis/rest/oauth/):
// - GET /oauth/authorize checks the client, its exact redirect URI, response_type=code, state, PKCE (S256 only) and
//   the scopes, then shows the simulated identity provider's sign-in form (LoginPage). An unknown client or redirect
//   URI answers 400 and never redirects (RFC 6749 §4.1.2.1); every other problem redirects back with error,
//   error_description and state.
// - POST /oauth/authorize/login takes the form; on success it redirects to redirect_uri with a code (single use,
//   valid 60 s, bound to the client, redirect URI, code challenge, user and scopes) and the state.
// - POST /oauth/token (form or JSON) redeems a code with its PKCE verifier, runs client_credentials for a web client
//   (its bot user) and rotates refresh tokens (issued only with offline_access).
// - POST /oauth/revoke forgets an access or refresh token (RFC 7009).
// Token errors carry both Qlik's Errors shape ({"errors":[{"code":"invalid_grant","title","detail","status":"400"}]},
// as the OAuth API documents it) and RFC 6749 §5.2's {"error","error_description"}: which one Qlik's token endpoint
// really sends is unconfirmed, so clients that read either work.
class OAuthServer
{
public:
    static constexpr qint64 codeSeconds = 60;
    static constexpr qint64 transactionSeconds = 600;

    OAuthServer(const SimulatedTenant &tenant, OAuthTokenStore &tokens, const SimClock &clock);

    SimResponse handle(const SimRequest &request);

private:
    // A sign-in form on its way: the checked authorize request, waiting for the user's email and password.
    struct Transaction
    {
        QString clientId;
        QString redirectUri;
        QStringList scopes;
        QString state;
        QString codeChallenge;
        QDateTime expiresAt;
    };
    struct Code
    {
        QString id; // names the code without being it (for revoking what it issued)
        QString clientId;
        QString redirectUri;
        QString codeChallenge;
        QString userId;
        QStringList scopes;
        QDateTime expiresAt;
        bool used = false;
    };

    SimResponse authorize(const SimRequest &request);
    SimResponse login(const SimRequest &request);
    SimResponse token(const SimRequest &request);
    SimResponse revoke(const SimRequest &request);
    SimResponse authorizationCodeGrant(const QHash<QString, QString> &fields);
    SimResponse clientCredentialsGrant(const QHash<QString, QString> &fields, const QByteArray &authorization);
    SimResponse refreshTokenGrant(const QHash<QString, QString> &fields);
    SimResponse tokenAnswer(const OAuthGrant &grant, bool withRefreshToken);
    void dropExpired();

    const SimulatedTenant &m_tenant;
    OAuthTokenStore &m_tokens;
    const SimClock &m_clock;
    QHash<QString, Transaction> m_transactions;
    QHash<QByteArray, Code> m_codes; // key: SHA-256 of the code, so the simulator keeps no usable code
};

} // namespace Dawiso::Simulator
