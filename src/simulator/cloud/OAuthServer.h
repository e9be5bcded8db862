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
#include <QUrl>
#include <QUrlQuery>

#include <variant>

namespace Dawiso::Simulator {

// The tenant's OAuth 2.0 authorization server (https://qlik.dev/apis/rest/oauth/):
// - GET /oauth/authorize checks the client, its exact redirect URI, response_type=code, state, PKCE (S256 only) and
//   the scopes, then redirects (302, as oauth.json has it) to the simulated identity provider's sign-in page,
//   GET /oauth/authorize/login?transaction=..., which shows the form (LoginPage) for a transaction that is known and
//   not expired (valid 10 minutes). An unknown client or redirect URI answers 400 and never redirects
//   (RFC 6749 §4.1.2.1); every other problem redirects back with error, error_description and state.
// - POST /oauth/authorize/login takes the form; on success it ends the transaction and redirects to redirect_uri with
//   a code (single use, valid 60 s, bound to the client, redirect URI, code challenge, user and scopes) and the state.
// - POST /oauth/token (form or JSON) redeems a code with its PKCE verifier, runs client_credentials for a web client
//   (its bot user) and rotates refresh tokens (issued only with offline_access).
// - POST /oauth/revoke forgets an access or refresh token (RFC 7009).
// Token and revoke errors come in Qlik's Errors shape ({"errors":[{"code":"invalid_grant","title","detail",
// "status":"400"}]}), the only one the OAuth spec documents. RFC 6749 §5.2's {"error","error_description"} beside it
// is a variation for tests, off by default: the spec does not promise it.
class OAuthServer
{
public:
    static constexpr qint64 codeSeconds = 60;
    static constexpr qint64 transactionSeconds = 600;

    OAuthServer(const SimulatedTenant &tenant, OAuthTokenStore &tokens, const SimClock &clock);

    SimResponse handle(const SimRequest &request);
    // Variation: error bodies also carry RFC 6749 §5.2's "error" and "error_description".
    void setRfcErrorFields(bool rfcFields) { m_rfcErrorFields = rfcFields; }

    // The browser's part of an authorization-code sign-in without HTTP, for the practice run, which runs this server
    // in its own process: authorizeQuery is checked as GET /oauth/authorize checks it, and the person signs in as on
    // the sign-in form. Returns where the browser would be sent next: the redirect URI with code and state, or with
    // error, error_description and state when the request is refused there. Empty, with a sentence for people in
    // *problem, when nothing goes back to the redirect URI: an unknown client or redirect URI, a wrong email or
    // password, a user who may not sign in.
    QUrl completeSignIn(const QUrlQuery &authorizeQuery, const QString &email, const QString &password,
                        QString *problem);

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
        QString loginHint; // pre-fills the form's email
    };
    // Why an authorize request is refused: an OAuth error code and its description, sent back to the redirect URI
    // with the state, or, for an unknown client or redirect URI, answered without a redirect (redirectUri empty;
    // RFC 6749 §4.1.2.1).
    struct Refusal
    {
        QString error;
        QString description;
        QString redirectUri;
        QString state;
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

    SimResponse oauthError(int status, const QString &error, const QString &description) const;
    SimResponse authorize(const SimRequest &request);
    SimResponse loginPage(const SimRequest &request);
    SimResponse login(const SimRequest &request);
    static SimResponse signInForm(const QString &transactionId, const Transaction &transaction, const QString &email,
                                  const QString &problem);
    static SimResponse expiredSignIn();
    // GET /oauth/authorize's checks: the sign-in waiting for its person, or why there is none.
    std::variant<Transaction, Refusal> checkAuthorization(const QUrlQuery &query) const;
    // The redirect URI with the refusal's error, error_description and state.
    static QString refusalLocation(const Refusal &refusal);
    // The person the email and password sign in, or the sentence the sign-in form shows.
    std::variant<const SimUser *, QString> person(const QString &email, const QString &password) const;
    // A fresh authorization code for the person, and the address that takes it back to the client.
    QString issueCode(const Transaction &transaction, const SimUser &person);
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
    bool m_rfcErrorFields = false;
};

} // namespace Dawiso::Simulator
