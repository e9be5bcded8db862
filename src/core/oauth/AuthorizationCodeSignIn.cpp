#include "oauth/AuthorizationCodeSignIn.h"

#include "oauth/FormBody.h"
#include "oauth/LoopbackRedirectListener.h"
#include "oauth/TokenEndpointCall.h"
#include "oauth/TokenResponse.h"
#include "qlik/QlikClient.h"

#include <QRegularExpression>

namespace Dawiso {

namespace {

QString appName()
{
    return QStringLiteral(DQS_APP_NAME);
}

bool isHttps(const QUrl &url)
{
    return url.isValid() && url.scheme() == QLatin1String("https") && !url.host().isEmpty();
}

// An error code from the browser goes into messages: only the shape RFC 6749 gives codes, and never long.
QString cleanErrorCode(const QString &code)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9_.-]{1,64}$"));
    return shape.match(code).hasMatch() ? code.toLower() : QStringLiteral("unknown_error");
}

void appendField(QByteArray &query, const char *name, const QString &value)
{
    if (!query.isEmpty())
        query.append('&');
    // Everything but the unreserved characters is encoded: a '+' in a login hint must not turn into a space.
    query.append(name).append('=').append(value.toUtf8().toPercentEncoding());
}

} // namespace

AuthorizationCodeSignIn::AuthorizationCodeSignIn(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QlikStep(new QlikClient(network, trust), parent)
    , m_listener(new LoopbackRedirectListener(this))
{
    client()->setParent(this);
    m_browserTimer.setSingleShot(true);
    connect(&m_browserTimer, &QTimer::timeout, this, &AuthorizationCodeSignIn::onBrowserTimeout);
    connect(m_listener, &LoopbackRedirectListener::callbackReceived, this, &AuthorizationCodeSignIn::onCallback);
    // Checked before anything else in an answer is believed, Qlik's error texts included; an answer with another
    // state is refused by the listener and leaves this sign-in waiting for its own.
    m_listener->setStateCheck([this](const QByteArray &state) { return m_pkce.stateMatches(state); });
}

AuthorizationCodeSignIn::~AuthorizationCodeSignIn()
{
    abandon();
}

void AuthorizationCodeSignIn::abandon()
{
    QlikStep::abandon();
    stopWaiting();
}

void AuthorizationCodeSignIn::stopWaiting()
{
    m_browserTimer.stop();
    m_listener->stop();
    m_pkce.wipe();
}

void AuthorizationCodeSignIn::start(const AuthorizationRequest &request)
{
    begin();
    m_request = request;
    m_request.clientId = m_request.clientId.trimmed();
    m_authorizationUrl.clear();
    m_redirectUri = m_request.redirectUri();

    if (const std::optional<OAuthResult> problem = startProblem()) {
        conclude(*problem);
        return;
    }

    m_listener->setPort(m_request.redirectPort);
    m_listener->setPath(m_request.redirectPath);
    m_listener->setHost(m_request.redirectHost);
    if (!m_listener->listen()) {
        const QString advice = m_listener->isPortInUse()
            ? tr("Close the program that uses it, or another sign-in of %1, and try again. If the port stays busy, "
                 "choose another port in the sign-in settings and register the matching redirect URI (for example "
                 "http://127.0.0.1:47825/callback) for the OAuth client in Administration › OAuth.")
                  .arg(appName())
            : tr("Choose another port in the sign-in settings and register the matching redirect URI for the OAuth "
                 "client in Administration › OAuth, then try again.");
        conclude(
            OAuthResult::failure(OAuthResult::Kind::PortInUse,
                                 m_listener->errorString() + QLatin1Char(' ')
                                     + tr("The browser cannot bring the sign-in back to %1 through it.").arg(appName()),
                                 advice));
        return;
    }
    m_redirectUri = m_listener->redirectUri();
    m_pkce = Pkce::generate();
    m_authorizationUrl = buildAuthorizationUrl();
    m_browserTimer.start(m_browserTimeout);
    later([this] { emit browserNeeded(m_authorizationUrl); });
}

std::optional<OAuthResult> AuthorizationCodeSignIn::startProblem() const
{
    if (m_request.clientId.isEmpty()) {
        return OAuthResult::failure(
            OAuthResult::Kind::InvalidSettings, tr("No OAuth client ID is set for this tenant."),
            tr("A tenant admin creates a native OAuth client in Administration › OAuth, registers exactly %1 as its "
               "redirect URI, and gives you its client ID.")
                .arg(m_redirectUri.toString()));
    }
    if (!isHttps(m_request.authorizationEndpoint) || !isHttps(m_request.tokenEndpoint)) {
        return OAuthResult::failure(OAuthResult::Kind::InvalidSettings,
                                    tr("The tenant's sign-in addresses are missing or not encrypted (https)."),
                                    tr("Go back to the tenant address and check it again, then sign in again."));
    }
    if (m_request.scopes.isEmpty()) {
        return OAuthResult::failure(
            OAuthResult::Kind::InvalidSettings, tr("The sign-in does not say which permissions it needs."),
            tr("This is a fault in %1; please save a report for Dawiso support.").arg(appName()));
    }
    return std::nullopt;
}

QUrl AuthorizationCodeSignIn::buildAuthorizationUrl() const
{
    QByteArray query = m_request.authorizationEndpoint.query(QUrl::FullyEncoded).toLatin1();
    appendField(query, "client_id", m_request.clientId);
    appendField(query, "redirect_uri", m_redirectUri.toString(QUrl::FullyEncoded));
    appendField(query, "response_type", QStringLiteral("code"));
    appendField(query, "scope", m_request.scopes.join(QLatin1Char(' ')));
    appendField(query, "state", QString::fromLatin1(m_pkce.state()));
    appendField(query, "code_challenge_method", QStringLiteral("S256"));
    appendField(query, "code_challenge", QString::fromLatin1(m_pkce.challenge()));
    if (!m_request.loginHint.trimmed().isEmpty())
        appendField(query, "login_hint", m_request.loginHint.trimmed());
    if (!m_request.prompt.isEmpty())
        appendField(query, "prompt", m_request.prompt);
    QUrl url = m_request.authorizationEndpoint;
    url.setFragment(QString());
    url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return url;
}

void AuthorizationCodeSignIn::cancel()
{
    if (isRunning())
        conclude(OAuthResult::cancelled());
}

void AuthorizationCodeSignIn::onBrowserTimeout()
{
    if (!isRunning())
        return;
    const qint64 seconds = qMax<qint64>(1, m_browserTimeout.count() / 1000);
    const QString waited =
        seconds >= 120 ? tr("%n minute(s)", nullptr, int(seconds / 60)) : tr("%n second(s)", nullptr, int(seconds));
    conclude(OAuthResult::failure(
        OAuthResult::Kind::TimedOut, tr("No sign-in came back from the browser within %1.").arg(waited),
        tr("Sign in again and finish the sign-in in the browser. If the browser showed a Qlik error about the client "
           "or the redirect address, register exactly %1 as a redirect URI of the OAuth client in Administration › "
           "OAuth, then try again.")
            .arg(m_redirectUri.toString())));
}

void AuthorizationCodeSignIn::onCallback(const QUrlQuery &query)
{
    if (!isRunning())
        return; // the listener answers with its neutral page
    m_browserTimer.stop();

    const QStringList codes = query.allQueryItemValues(QStringLiteral("code"), QUrl::FullyDecoded);
    const QStringList errors = query.allQueryItemValues(QStringLiteral("error"), QUrl::FullyDecoded);

    if (!errors.isEmpty()) {
        QString description = query.queryItemValue(QStringLiteral("error_description"), QUrl::FullyDecoded);
        if (description.isEmpty())
            description = query.queryItemValue(QStringLiteral("error_detail"), QUrl::FullyDecoded);
        const OAuthResult result =
            callbackError(cleanErrorCode(errors.constFirst()), TokenResponse::shortenedDescription(description));
        answerBrowser(result);
        conclude(result);
        return;
    }
    if (codes.size() != 1 || codes.constFirst().isEmpty()) {
        const OAuthResult result = OAuthResult::failure(
            OAuthResult::Kind::InvalidAnswer, tr("Qlik's answer in the browser did not contain a sign-in code."),
            tr("Sign in again. If it keeps happening, save a report for Dawiso support."));
        answerBrowser(result);
        conclude(result);
        return;
    }

    m_listener->answerCallback(tr("Signed in"), tr("You can close this tab and return to %1.").arg(appName()));
    exchangeCode(codes.constFirst());
    emit browserAnswered();
}

void AuthorizationCodeSignIn::exchangeCode(const QString &code)
{
    FormBody form;
    form.add("grant_type", QStringLiteral("authorization_code"));
    form.add("code", code);
    form.add("code_verifier", m_pkce.verifier());
    form.add("redirect_uri", m_redirectUri.toString(QUrl::FullyEncoded));
    form.add("client_id", m_request.clientId);
    // The verifier has done its job; it is not kept while the token request runs.
    m_pkce.wipe();
    run(TokenEndpointCall::post(client(), m_request.tokenEndpoint, form.take(), m_requestOptions),
        [this](QlikRequest *request) { onTokenAnswer(TokenEndpointCall::answer(request)); });
}

void AuthorizationCodeSignIn::answerBrowser(const OAuthResult &result)
{
    m_listener->answerCallback(tr("Sign-in did not complete"), result.text());
}

OAuthResult AuthorizationCodeSignIn::callbackError(const QString &errorCode, const QString &description) const
{
    const QString scopes = m_request.scopes.join(QLatin1String(", "));
    OAuthResult result;
    if (errorCode == QLatin1String("access_denied")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::Denied, tr("The sign-in was cancelled in the browser."),
            tr("Sign in again when you are ready. If you did not cancel, you may not be allowed to use this OAuth "
               "client; a tenant admin can check it in Administration › OAuth."));
    } else if (errorCode == QLatin1String("invalid_scope")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::Denied,
            OAuthResult::withErrorCode(
                tr("Qlik refused the sign-in because the OAuth client may not ask for the permissions %1.").arg(scopes),
                errorCode),
            tr("In Administration › OAuth, allow the scopes %1 for the client %2, then sign in again.")
                .arg(scopes, m_request.clientId));
    } else if (errorCode == QLatin1String("unauthorized_client") || errorCode == QLatin1String("invalid_client")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::Denied,
            OAuthResult::withErrorCode(
                tr("Qlik refused the sign-in: the OAuth client %1 may not sign in people this way.")
                    .arg(m_request.clientId),
                errorCode),
            tr("The client must be a native or single-page client of this tenant. Check it in Administration › OAuth, "
               "then sign in again."));
    } else if (errorCode == QLatin1String("invalid_request")
               || errorCode == QLatin1String("unsupported_response_type")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::Denied, OAuthResult::withErrorCode(tr("Qlik refused the sign-in request."), errorCode),
            tr("Check in Administration › OAuth that the client %1 is a native or single-page client and that "
               "exactly %2 is one of its redirect URIs, then sign in again.")
                .arg(m_request.clientId, m_redirectUri.toString()));
    } else if (errorCode == QLatin1String("login_required") || errorCode == QLatin1String("interaction_required")
               || errorCode == QLatin1String("consent_required")
               || errorCode == QLatin1String("account_selection_required")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::Denied,
            OAuthResult::withErrorCode(tr("Qlik needs you to sign in or confirm in the browser."), errorCode),
            tr("Sign in again and follow the steps on Qlik's page."));
    } else if (errorCode == QLatin1String("server_error") || errorCode == QLatin1String("temporarily_unavailable")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::Denied,
            OAuthResult::withErrorCode(tr("Qlik could not complete the sign-in right now."), errorCode),
            tr("Try again in a few minutes. If it persists, check Qlik's status page at "
               "status.qlikcloud.com."));
    } else {
        result = OAuthResult::failure(OAuthResult::Kind::Denied,
                                      OAuthResult::withErrorCode(tr("Qlik refused the sign-in."), errorCode),
                                      tr("Sign in again. If it happens again, ask a tenant admin to check the OAuth "
                                         "client in Administration › OAuth, and save a report for Dawiso support."));
    }
    result.errorCode = errorCode;
    result.summary.detail = description;
    return result;
}

OAuthResult AuthorizationCodeSignIn::tokenRefusal(const TokenResponse &response, const AuthorizationRequest &request)
{
    const QString code = response.errorCode;
    const int status = response.httpStatus;
    OAuthResult result;
    // Qlik's token endpoint answers 401 for a code (or token) that is expired or used, "can be deleted by the
    // client" (https://qlik.dev/apis/rest/oauth/): a fresh sign-in fixes it, whatever the body names.
    if (code == QLatin1String("invalid_grant") || (status == 401 && code != QLatin1String("invalid_client"))) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(tr("Qlik did not accept the sign-in's one-time code."), code),
            tr("The code may have expired, been used already, or belong to another sign-in. Sign in again."));
    } else if (code == QLatin1String("invalid_client")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(tr("Qlik does not accept the OAuth client ID %1.").arg(request.clientId), code),
            tr("Check the client ID in Administration › OAuth: it must belong to a native or single-page client of "
               "this tenant. Copy it again, then sign in again."));
    } else if (code == QLatin1String("unauthorized_client") || code == QLatin1String("unsupported_grant_type")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(tr("The OAuth client %1 may not sign in people this way.").arg(request.clientId),
                                       code),
            tr("The client must be a native or single-page client. Check it in Administration › OAuth, then sign in "
               "again."));
    } else if (code == QLatin1String("invalid_scope")) {
        const QString scopes = request.scopes.join(QLatin1String(", "));
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(tr("The OAuth client may not ask for the permissions %1.").arg(scopes), code),
            tr("In Administration › OAuth, allow the scopes %1 for the client %2, then sign in again.")
                .arg(scopes, request.clientId));
    } else if (status == 403) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            tr("Qlik refused to sign in this user: the user is disabled or has too many active sign-ins."),
            tr("A tenant admin can check the user in Administration › Manage users. Signing out of other apps that use "
               "Qlik "
               "sign-ins may help."));
    } else if (status >= 500) {
        result = OAuthResult::failure(OAuthResult::Kind::TokenRefused,
                                      tr("Qlik could not complete the sign-in right now (HTTP %1).").arg(status),
                                      tr("Try again in a few minutes. If it persists, check Qlik's status page at "
                                         "status.qlikcloud.com."));
    } else {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(tr("Qlik refused the sign-in (HTTP %1).").arg(status), code),
            tr("Sign in again. If it happens again, save a report for Dawiso support."));
    }
    result.errorCode = code;
    result.httpStatus = status;
    result.summary.detail = response.errorDescription;
    return result;
}

void AuthorizationCodeSignIn::onTokenAnswer(const TokenResponse &response)
{
    conclude(OAuthResult::fromTokenResponse(
        response, tr("Qlik's answer to the sign-in cannot be used."),
        [this](const TokenResponse &refused) { return tokenRefusal(refused, m_request); }));
}

void AuthorizationCodeSignIn::conclude(const OAuthResult &result)
{
    stopWaiting();
    finish([this, result] { emit finished(result); });
}

} // namespace Dawiso
