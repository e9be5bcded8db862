#include "simulator/cloud/OAuthServer.h"

#include "simulator/cloud/LoginPage.h"
#include "simulator/cloud/QlikError.h"
#include "simulator/cloud/ResourceJson.h"
#include "simulator/common/CryptoUtil.h"
#include "simulator/common/RequestBody.h"

#include <QByteArrayList>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>

#include <algorithm>

namespace Dawiso::Simulator {

namespace {

constexpr int codeBytes = 32;
constexpr int transactionBytes = 24;
constexpr qsizetype challengeLength = 43; // base64url of a SHA-256 digest, unpadded

const QString adminClassic = QStringLiteral("admin_classic");
const QString offlineAccess = QStringLiteral("offline_access");

QString errorTitle(const QString &error)
{
    if (error == u"invalid_grant")
        return QStringLiteral("Invalid grant");
    if (error == u"invalid_client")
        return QStringLiteral("Invalid client");
    if (error == u"unauthorized_client")
        return QStringLiteral("Unauthorized client");
    if (error == u"unsupported_grant_type")
        return QStringLiteral("Unsupported grant type");
    if (error == u"invalid_scope")
        return QStringLiteral("Invalid scope");
    if (error == u"access_denied")
        return QStringLiteral("Access denied");
    return QStringLiteral("Invalid request");
}

QList<QPair<QByteArray, QByteArray>> noStore()
{
    return {{QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store")},
            {QByteArrayLiteral("Pragma"), QByteArrayLiteral("no-cache")}};
}

SimResponse errorAnswer(int status, const QString &error, const QString &description, bool rfcFields)
{
    const QJsonObject item {
        {QStringLiteral("code"), error},
        {QStringLiteral("title"), errorTitle(error)},
        {QStringLiteral("detail"), description},
        {QStringLiteral("status"), QString::number(status)},
    };
    QJsonObject body {
        {QStringLiteral("errors"), QJsonArray {item}},
        {QStringLiteral("traceId"), CryptoUtil::randomHexId(16)},
    };
    if (rfcFields) {
        body.insert(QStringLiteral("error"), error);
        body.insert(QStringLiteral("error_description"), description);
    }
    SimResponse response = SimResponse::json(status, body);
    response.headers += noStore();
    if (status == 401)
        response.headers.append({QByteArrayLiteral("WWW-Authenticate"), QByteArrayLiteral("Basic")});
    return response;
}

SimResponse htmlProblem(int status, const QString &title, const QString &message)
{
    SimResponse response = SimResponse::html(status, LoginPage::problem(title, message));
    response.headers += noStore();
    return response;
}

QString percent(const QString &text)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(text));
}

// redirect_uri is registered verbatim, so parameters are appended to it as it is.
QString redirectLocation(const QString &redirectUri, const QList<QPair<QString, QString>> &parameters)
{
    QString location = redirectUri;
    QChar separator = redirectUri.contains(u'?') ? u'&' : u'?';
    for (const auto &parameter : parameters) {
        if (parameter.second.isEmpty())
            continue;
        location += separator + parameter.first + u'=' + percent(parameter.second);
        separator = u'&';
    }
    return location;
}

SimResponse redirectBack(const QString &location)
{
    SimResponse response = SimResponse::redirect(302, location);
    response.headers += noStore();
    return response;
}

bool isUnreserved(QChar c)
{
    return (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.'
        || c == u'_' || c == u'~';
}

// RFC 7636 §4.1: 43 to 128 unreserved characters.
bool isCodeVerifier(const QString &verifier)
{
    return verifier.size() >= 43 && verifier.size() <= 128
        && std::all_of(verifier.cbegin(), verifier.cend(), isUnreserved);
}

bool isS256Challenge(const QString &challenge)
{
    return challenge.size() == challengeLength && CryptoUtil::base64UrlDecode(challenge.toLatin1()).has_value();
}

QString s256(const QString &verifier)
{
    return QString::fromLatin1(
        CryptoUtil::base64UrlEncode(QCryptographicHash::hash(verifier.toLatin1(), QCryptographicHash::Sha256)));
}

QByteArray codeKey(const QString &code)
{
    return QCryptographicHash::hash(code.toUtf8(), QCryptographicHash::Sha256);
}

// RFC 6749 §2.3.1: "Basic base64(urlencode(id) ':' urlencode(secret))"; false when the header is no such thing.
bool basicCredentials(const QByteArray &authorization, QString *clientId, QString *secret)
{
    const QByteArray scheme = QByteArrayLiteral("basic ");
    if (authorization.size() <= scheme.size() || authorization.left(scheme.size()).toLower() != scheme)
        return false;
    const auto decoded = QByteArray::fromBase64Encoding(authorization.mid(scheme.size()).trimmed(),
                                                        QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return false;
    const qsizetype colon = decoded.decoded.indexOf(':');
    if (colon < 0)
        return false;
    *clientId = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.decoded.left(colon)));
    *secret = QString::fromUtf8(QByteArray::fromPercentEncoding(decoded.decoded.mid(colon + 1)));
    return true;
}

} // namespace

OAuthServer::OAuthServer(const SimulatedTenant &tenant, OAuthTokenStore &tokens, const SimClock &clock)
    : m_tenant(tenant)
    , m_tokens(tokens)
    , m_clock(clock)
{ }

SimResponse OAuthServer::oauthError(int status, const QString &error, const QString &description) const
{
    return errorAnswer(status, error, description, m_rfcErrorFields);
}

SimResponse OAuthServer::handle(const SimRequest &request)
{
    dropExpired();
    struct Endpoint
    {
        const char *path;
        const char *method;
        SimResponse (OAuthServer::*answer)(const SimRequest &);
    };
    static const Endpoint endpoints[] = {
        {"/oauth/authorize", "GET", &OAuthServer::authorize},
        {"/oauth/authorize/login", "GET", &OAuthServer::loginPage},
        {"/oauth/authorize/login", "POST", &OAuthServer::login},
        {"/oauth/token", "POST", &OAuthServer::token},
        {"/oauth/revoke", "POST", &OAuthServer::revoke},
    };
    QByteArrayList allowed;
    for (const Endpoint &endpoint : endpoints) {
        if (request.path != QLatin1String(endpoint.path))
            continue;
        if (request.method == endpoint.method)
            return (this->*endpoint.answer)(request);
        allowed.append(endpoint.method);
    }
    if (!allowed.isEmpty()) {
        SimResponse response = QlikError::response(405, QStringLiteral("HTTP-405"),
                                                   QStringLiteral("Method not allowed"), ErrorStatusStyle::String);
        response.headers.append({QByteArrayLiteral("Allow"), allowed.join(", ")});
        return response;
    }
    return QlikError::response(404, QStringLiteral("HTTP-404"), QStringLiteral("Not found"), ErrorStatusStyle::String,
                               QStringLiteral("No such endpoint."));
}

void OAuthServer::dropExpired()
{
    const QDateTime now = m_clock.now();
    m_transactions.removeIf([&now](const auto &entry) { return entry.value().expiresAt <= now; });
    // Used codes stay until they expire, so that a replay is recognised (and revokes what the code issued).
    m_codes.removeIf([&now](const auto &entry) { return entry.value().expiresAt <= now; });
}

QUrl OAuthServer::completeSignIn(const QUrlQuery &authorizeQuery, const QString &email, const QString &password,
                                 QString *problem)
{
    dropExpired();
    const auto checked = checkAuthorization(authorizeQuery);
    if (const auto *refusal = std::get_if<Refusal>(&checked)) {
        if (refusal->redirectUri.isEmpty()) {
            *problem = LoginPage::tr("The sign-in cannot go on: %1").arg(refusal->description);
            return {};
        }
        return QUrl(refusalLocation(*refusal), QUrl::StrictMode);
    }
    const auto signedIn = person(email.trimmed(), password);
    if (const auto *sentence = std::get_if<QString>(&signedIn)) {
        *problem = *sentence;
        return {};
    }
    return QUrl(issueCode(std::get<Transaction>(checked), *std::get<const SimUser *>(signedIn)), QUrl::StrictMode);
}

std::variant<OAuthServer::Transaction, OAuthServer::Refusal>
OAuthServer::checkAuthorization(const QUrlQuery &query) const
{
    const auto param = [&query](const char *name) {
        return query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    };
    const QString clientId = param("client_id");
    const QString redirectUri = param("redirect_uri");
    const SimOAuthClient *client = m_tenant.oauthClient(clientId);
    if (!client) {
        return Refusal {
            QStringLiteral("invalid_client"),
            QStringLiteral("No OAuth client with client_id '%1' is registered in this tenant.").arg(clientId),
            {},
            {}};
    }
    if (!client->redirectUris.contains(redirectUri)) {
        return Refusal {QStringLiteral("invalid_request"),
                        QStringLiteral("The redirect_uri '%1' is not registered for client '%2'; it must match a "
                                       "registered redirect URI exactly.")
                            .arg(redirectUri, clientId),
                        {},
                        {}};
    }

    const QString state = param("state");
    const auto fail = [&redirectUri, &state](const QString &error, const QString &description) {
        return Refusal {error, description, redirectUri, state};
    };
    const QString responseType = param("response_type");
    if (responseType.isEmpty())
        return fail(QStringLiteral("invalid_request"), QStringLiteral("response_type is required."));
    if (responseType != u"code") {
        return fail(QStringLiteral("unsupported_response_type"),
                    QStringLiteral("Only response_type=code is supported."));
    }
    if (client->appType == u"web" && !client->allowedGrantTypes.contains(QStringLiteral("authorization_code"))) {
        return fail(QStringLiteral("unauthorized_client"),
                    QStringLiteral("This client may not use the authorization code flow."));
    }
    if (state.isEmpty())
        return fail(QStringLiteral("invalid_request"), QStringLiteral("state is required."));
    if (param("code_challenge_method") != u"S256")
        return fail(QStringLiteral("invalid_request"), QStringLiteral("code_challenge_method must be S256."));
    const QString challenge = param("code_challenge");
    if (challenge.isEmpty())
        return fail(QStringLiteral("invalid_request"), QStringLiteral("code_challenge is required."));
    if (!isS256Challenge(challenge)) {
        return fail(QStringLiteral("invalid_request"),
                    QStringLiteral("code_challenge must be the unpadded base64url SHA-256 of the code verifier."));
    }
    const QStringList scopes = param("scope").split(u' ', Qt::SkipEmptyParts);
    if (scopes.isEmpty())
        return fail(QStringLiteral("invalid_request"), QStringLiteral("scope is required."));
    for (const QString &scope : scopes) {
        if (!client->allowedScopes.contains(scope)) {
            return fail(QStringLiteral("invalid_scope"),
                        QStringLiteral("The client may not ask for the scope '%1'.").arg(scope));
        }
    }
    const QString prompt = param("prompt");
    // The simulated identity provider keeps no browser session, so it can never sign in without asking.
    if (prompt == u"none")
        return fail(QStringLiteral("login_required"), QStringLiteral("The user must sign in."));
    if (!prompt.isEmpty() && prompt != u"login" && prompt != u"consent")
        return fail(QStringLiteral("invalid_request"), QStringLiteral("prompt must be none, login or consent."));
    return Transaction {clientId, redirectUri, scopes, state, challenge, m_clock.now().addSecs(transactionSeconds), {}};
}

QString OAuthServer::refusalLocation(const Refusal &refusal)
{
    return redirectLocation(refusal.redirectUri,
                            {{QStringLiteral("error"), refusal.error},
                             {QStringLiteral("error_description"), refusal.description},
                             {QStringLiteral("state"), refusal.state}});
}

std::variant<const SimUser *, QString> OAuthServer::person(const QString &email, const QString &password) const
{
    const SimUser *person = nullptr;
    for (const SimUser &candidate : m_tenant.users) {
        if (!email.isEmpty() && candidate.email.compare(email, Qt::CaseInsensitive) == 0)
            person = &candidate;
    }
    const bool passwordRight = person && !person->password.isEmpty()
        && CryptoUtil::equalConstantTime(person->password.toUtf8(), password.toUtf8());
    if (!passwordRight)
        return LoginPage::tr("The email or password is wrong. Check both and try again.");
    if (person->status != u"active")
        return LoginPage::tr("This user cannot sign in: their status in the tenant is \"%1\".").arg(person->status);
    return person;
}

QString OAuthServer::issueCode(const Transaction &transaction, const SimUser &person)
{
    const QString code = QString::fromLatin1(CryptoUtil::base64UrlEncode(CryptoUtil::randomBytes(codeBytes)));
    m_codes.insert(codeKey(code),
                   Code {CryptoUtil::randomHexId(), transaction.clientId, transaction.redirectUri,
                         transaction.codeChallenge, person.id, transaction.scopes, m_clock.now().addSecs(codeSeconds),
                         false});
    return redirectLocation(transaction.redirectUri,
                            {{QStringLiteral("code"), code}, {QStringLiteral("state"), transaction.state}});
}

SimResponse OAuthServer::authorize(const SimRequest &request)
{
    const auto checked = checkAuthorization(request.query);
    if (const auto *refusal = std::get_if<Refusal>(&checked)) {
        if (refusal->redirectUri.isEmpty())
            return oauthError(400, refusal->error, refusal->description);
        return redirectBack(refusalLocation(*refusal));
    }
    Transaction transaction = std::get<Transaction>(checked);
    transaction.loginHint = request.query.queryItemValue(QStringLiteral("login_hint"), QUrl::FullyDecoded);
    const QString transactionId =
        QString::fromLatin1(CryptoUtil::base64UrlEncode(CryptoUtil::randomBytes(transactionBytes)));
    m_transactions.insert(transactionId, transaction);
    // oauth.json: 302 on to the identity provider. Only the transaction goes into the address; the checked request
    // (state, PKCE challenge, login hint) stays here, bound to it.
    SimResponse response =
        SimResponse::redirect(302, QStringLiteral("/oauth/authorize/login?transaction=") + transactionId);
    response.headers += noStore();
    return response;
}

SimResponse OAuthServer::signInForm(const QString &transactionId, const Transaction &transaction, const QString &email,
                                    const QString &problem)
{
    SimResponse response = SimResponse::html(
        200, LoginPage::form(transactionId, transaction.clientId, transaction.scopes, email, problem));
    response.headers += noStore();
    // The page's address holds the transaction: no Referer may carry it elsewhere.
    response.headers.append({QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer")});
    return response;
}

SimResponse OAuthServer::expiredSignIn()
{
    return htmlProblem(400, LoginPage::tr("This sign-in page has expired"),
                       LoginPage::tr("The sign-in took too long or was already used. Close this tab and start "
                                     "the sign-in again from Dawiso Qlik Setup."));
}

SimResponse OAuthServer::loginPage(const SimRequest &request)
{
    const QString transactionId = request.query.queryItemValue(QStringLiteral("transaction"), QUrl::FullyDecoded);
    const auto found = m_transactions.constFind(transactionId);
    if (transactionId.isEmpty() || found == m_transactions.cend())
        return expiredSignIn();
    return signInForm(transactionId, found.value(), found.value().loginHint, QString());
}

SimResponse OAuthServer::login(const SimRequest &request)
{
    QString error;
    const auto fields = RequestBody::fields(request, false, &error);
    if (!fields)
        return htmlProblem(400, LoginPage::tr("Sign-in failed"), error);
    const QString transactionId = fields->value(QStringLiteral("transaction"));
    const auto found = m_transactions.constFind(transactionId);
    if (transactionId.isEmpty() || found == m_transactions.cend())
        return expiredSignIn();
    // A copy, not a reference: the entry is removed before the copy is last used.
    const Transaction transaction = found.value(); // NOLINT(performance-unnecessary-copy-initialization)
    const QString email = fields->value(QStringLiteral("email")).trimmed();
    const auto signedIn = person(email, fields->value(QStringLiteral("password")));
    if (const auto *problem = std::get_if<QString>(&signedIn))
        return signInForm(transactionId, transaction, email, *problem);
    m_transactions.remove(transactionId);
    return redirectBack(issueCode(transaction, *std::get<const SimUser *>(signedIn)));
}

SimResponse OAuthServer::token(const SimRequest &request)
{
    QString error;
    const auto fields = RequestBody::fields(request, true, &error);
    if (!fields)
        return oauthError(400, QStringLiteral("invalid_request"), error);
    const QString grantType = fields->value(QStringLiteral("grant_type"));
    if (grantType == u"authorization_code")
        return authorizationCodeGrant(*fields);
    if (grantType == u"client_credentials")
        return clientCredentialsGrant(*fields, request.authorization());
    if (grantType == u"refresh_token")
        return refreshTokenGrant(*fields);
    if (grantType.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("grant_type is required."));
    return oauthError(400, QStringLiteral("unsupported_grant_type"),
                      QStringLiteral("The grant type '%1' is not supported.").arg(grantType));
}

SimResponse OAuthServer::authorizationCodeGrant(const QHash<QString, QString> &fields)
{
    for (const char *name : {"code", "code_verifier", "redirect_uri", "client_id"}) {
        if (fields.value(QLatin1String(name)).isEmpty())
            return oauthError(400, QStringLiteral("invalid_request"),
                              QStringLiteral("%1 is required.").arg(QLatin1String(name)));
    }
    const QString clientId = fields.value(QStringLiteral("client_id"));
    if (!m_tenant.oauthClient(clientId)) {
        return oauthError(
            401, QStringLiteral("invalid_client"),
            QStringLiteral("No OAuth client with client_id '%1' is registered in this tenant.").arg(clientId));
    }
    const QString verifier = fields.value(QStringLiteral("code_verifier"));
    if (!isCodeVerifier(verifier)) {
        return oauthError(400, QStringLiteral("invalid_request"),
                          QStringLiteral("code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', "
                                         "'_' and '~'."));
    }
    // oauth.json: 401 "Invalid login or tokens", the code can be thrown away; 400 is for malformed requests.
    const auto found = m_codes.find(codeKey(fields.value(QStringLiteral("code"))));
    if (found == m_codes.end()) {
        return oauthError(401, QStringLiteral("invalid_grant"),
                          QStringLiteral("The authorization code is unknown or has expired."));
    }
    Code &code = found.value();
    if (code.used) {
        // RFC 6749 §4.1.2: a code used twice may have been stolen; what it issued is revoked.
        m_tokens.revokeFromCode(code.id);
        return oauthError(401, QStringLiteral("invalid_grant"),
                          QStringLiteral("The authorization code was already used."));
    }
    // Any attempt uses the code up, so a wrong verifier cannot be retried against it.
    code.used = true;
    if (code.clientId != clientId) {
        return oauthError(401, QStringLiteral("invalid_grant"),
                          QStringLiteral("The authorization code was issued to another client."));
    }
    if (code.redirectUri != fields.value(QStringLiteral("redirect_uri"))) {
        return oauthError(401, QStringLiteral("invalid_grant"),
                          QStringLiteral("redirect_uri differs from the one of the authorization request."));
    }
    if (!CryptoUtil::equalConstantTime(s256(verifier).toLatin1(), code.codeChallenge.toLatin1())) {
        return oauthError(401, QStringLiteral("invalid_grant"),
                          QStringLiteral("The code_verifier does not match the code_challenge."));
    }
    const SimUser *person = m_tenant.user(code.userId);
    if (!person || person->status != u"active") {
        return oauthError(403, QStringLiteral("access_denied"),
                          QStringLiteral("The user is not active in the tenant."));
    }
    return tokenAnswer(OAuthGrant {code.userId, clientId, code.scopes, {}, code.id},
                       code.scopes.contains(offlineAccess));
}

SimResponse OAuthServer::clientCredentialsGrant(const QHash<QString, QString> &fields, const QByteArray &authorization)
{
    QString clientId = fields.value(QStringLiteral("client_id"));
    QString secret = fields.value(QStringLiteral("client_secret"));
    QString basicId;
    QString basicSecret;
    if (basicCredentials(authorization, &basicId, &basicSecret)) {
        clientId = basicId;
        secret = basicSecret;
    }
    if (clientId.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("client_id is required."));
    const SimOAuthClient *client = m_tenant.oauthClient(clientId);
    const bool secretRight = client && !client->clientSecret.isEmpty()
        && CryptoUtil::equalConstantTime(client->clientSecret.toUtf8(), secret.toUtf8());
    if (!secretRight) {
        return oauthError(401, QStringLiteral("invalid_client"),
                          QStringLiteral("The client_id or client_secret is wrong."));
    }
    if (!client->allowedGrantTypes.contains(QStringLiteral("client_credentials"))) {
        return oauthError(400, QStringLiteral("unauthorized_client"),
                          QStringLiteral("This client may not use the client_credentials grant."));
    }
    const SimUser *bot = m_tenant.user(client->botUserId);
    if (!bot || bot->status != u"active") {
        return oauthError(403, QStringLiteral("access_denied"),
                          QStringLiteral("The client's bot user is not active in the tenant."));
    }
    QStringList scopes = fields.value(QStringLiteral("scope")).split(u' ', Qt::SkipEmptyParts);
    for (const QString &scope : std::as_const(scopes)) {
        // RFC 6749 §4.4.3: no refresh token for client credentials, so offline_access makes no sense either.
        if (!client->allowedScopes.contains(scope) || scope == offlineAccess) {
            return oauthError(400, QStringLiteral("invalid_scope"),
                              QStringLiteral("The client may not ask for the scope '%1'.").arg(scope));
        }
    }
    if (scopes.isEmpty()) {
        scopes = client->allowedScopes.contains(adminClassic) ? QStringList {adminClassic} : client->allowedScopes;
        scopes.removeAll(offlineAccess);
    }
    return tokenAnswer(OAuthGrant {bot->id, clientId, scopes, {}, {}}, false);
}

SimResponse OAuthServer::refreshTokenGrant(const QHash<QString, QString> &fields)
{
    const QString refreshToken = fields.value(QStringLiteral("refresh_token"));
    if (refreshToken.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("refresh_token is required."));
    OAuthGrant grant;
    if (!m_tokens.takeRefreshToken(refreshToken.toLatin1(), &grant)) {
        return oauthError(401, QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token is unknown, used or expired."));
    }
    const QString clientId = fields.value(QStringLiteral("client_id"));
    if (!clientId.isEmpty() && clientId != grant.clientId) {
        return oauthError(401, QStringLiteral("invalid_grant"),
                          QStringLiteral("The refresh token was issued to another client."));
    }
    const SimUser *person = m_tenant.user(grant.userId);
    if (!person || person->status != u"active") {
        return oauthError(403, QStringLiteral("access_denied"),
                          QStringLiteral("The user is not active in the tenant."));
    }
    return tokenAnswer(grant, true);
}

SimResponse OAuthServer::tokenAnswer(const OAuthGrant &grant, bool withRefreshToken)
{
    const OAuthTokenStore::Issued issued = m_tokens.issue(grant, withRefreshToken);
    QJsonObject body {
        {QStringLiteral("access_token"), QString::fromLatin1(issued.accessToken)},
        {QStringLiteral("token_type"), QStringLiteral("bearer")},
        {QStringLiteral("scope"), grant.scopes.join(u' ')},
        {QStringLiteral("expires_in"), OAuthTokenStore::accessTokenSeconds},
        {QStringLiteral("expires_at"), ResourceJson::timestamp(issued.expiresAt)},
    };
    if (!issued.refreshToken.isEmpty())
        body.insert(QStringLiteral("refresh_token"), QString::fromLatin1(issued.refreshToken));
    SimResponse response = SimResponse::json(200, body);
    response.headers += noStore();
    return response;
}

SimResponse OAuthServer::revoke(const SimRequest &request)
{
    QString error;
    const auto fields = RequestBody::fields(request, true, &error);
    if (!fields)
        return oauthError(400, QStringLiteral("invalid_request"), error);
    const QString token = fields->value(QStringLiteral("token"));
    if (token.isEmpty())
        return oauthError(400, QStringLiteral("invalid_request"), QStringLiteral("token is required."));
    m_tokens.revoke(token.toUtf8());
    return SimResponse::json(200, QJsonObject());
}

} // namespace Dawiso::Simulator
