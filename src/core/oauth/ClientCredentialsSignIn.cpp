#include "oauth/ClientCredentialsSignIn.h"

#include "oauth/FormBody.h"
#include "oauth/TokenEndpointCall.h"
#include "oauth/TokenResponse.h"
#include "qlik/QlikClient.h"
#include "token/SecureMemory.h"

namespace Dawiso {

ClientCredentialsSignIn::ClientCredentialsSignIn(QNetworkAccessManager *network, const TlsTrust *trust, QObject *parent)
    : QlikStep(new QlikClient(network, trust), parent)
{
    client()->setParent(this);
}

void ClientCredentialsSignIn::start(const QUrl &tokenEndpoint, const QString &clientId, QByteArray clientSecret,
                                    const QStringList &scopes)
{
    begin();
    m_clientId = clientId.trimmed();
    m_scopes = scopes;

    if (m_clientId.isEmpty() || clientSecret.isEmpty()) {
        SecureMemory::wipe(clientSecret);
        conclude(OAuthResult::failure(
            OAuthResult::Kind::InvalidSettings, tr("Enter both the client ID and the client secret."),
            tr("A tenant admin finds them in Administration › OAuth, on the Web client made for machine-to-machine "
               "use. The secret is shown only once, when it is created.")));
        return;
    }
    if (!tokenEndpoint.isValid() || tokenEndpoint.scheme() != QLatin1String("https")
        || tokenEndpoint.host().isEmpty()) {
        SecureMemory::wipe(clientSecret);
        conclude(OAuthResult::failure(OAuthResult::Kind::InvalidSettings,
                                      tr("The tenant's token address is missing or not encrypted (https)."),
                                      tr("Go back to the tenant address and check it again, then try again.")));
        return;
    }

    FormBody form;
    form.add("grant_type", QStringLiteral("client_credentials"));
    form.add("client_id", m_clientId);
    form.add("client_secret", clientSecret);
    SecureMemory::wipe(clientSecret);
    if (!scopes.isEmpty())
        form.add("scope", scopes.join(QLatin1Char(' ')));
    run(TokenEndpointCall::post(client(), tokenEndpoint, form.take(), m_requestOptions),
        [this](QlikRequest *request) { onTokenAnswer(TokenEndpointCall::answer(request)); });
}

void ClientCredentialsSignIn::cancel()
{
    if (isRunning())
        conclude(OAuthResult::cancelled());
}

void ClientCredentialsSignIn::onTokenAnswer(const TokenResponse &response)
{
    conclude(OAuthResult::fromTokenResponse(response, tr("Qlik's answer to the client sign-in cannot be used."),
                                            [this](const TokenResponse &refused) { return refusal(refused); }));
}

OAuthResult ClientCredentialsSignIn::refusal(const TokenResponse &response) const
{
    const QString code = response.errorCode;
    const int status = response.httpStatus;
    OAuthResult result;
    if (status == 401) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            tr("Qlik did not accept the client ID or the client secret: one of them is wrong."),
            tr("Copy both again from Administration › OAuth. A client secret is shown only once, when it is created; "
               "if it is lost, create a new secret for the client there."));
    } else if (code == QLatin1String("invalid_client")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(tr("Qlik did not accept the OAuth client %1.").arg(m_clientId), code),
            tr("Check that the client ID and the secret were copied completely, and that in Administration › OAuth "
               "the client is a Web client for machine-to-machine use."));
    } else if (code == QLatin1String("unauthorized_client") || code == QLatin1String("unsupported_grant_type")) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(
                tr("The OAuth client %1 may not sign in on its own, without a person.").arg(m_clientId), code),
            tr("In Administration › OAuth, use a Web client that allows the client credentials grant, or sign in "
               "through the browser instead."));
    } else if (code == QLatin1String("invalid_scope")) {
        const QString scopes = m_scopes.join(QLatin1String(", "));
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(
                tr("The OAuth client %1 may not ask for the permissions %2.").arg(m_clientId, scopes), code),
            tr("In Administration › OAuth, allow the scopes %1 for the client, then try again.").arg(scopes));
    } else if (status == 403) {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            tr("Qlik refused the client sign-in: its bot user is disabled or has too many active tokens."),
            tr("A tenant admin can check the client and its bot user in Administration › OAuth and Users."));
    } else if (status >= 500) {
        result = OAuthResult::failure(OAuthResult::Kind::TokenRefused,
                                      tr("Qlik could not complete the client sign-in right now (HTTP %1).").arg(status),
                                      tr("Try again in a few minutes. If it persists, check Qlik's status page at "
                                         "status.qlikcloud.com."));
    } else {
        result = OAuthResult::failure(
            OAuthResult::Kind::TokenRefused,
            OAuthResult::withErrorCode(tr("Qlik refused the client sign-in (HTTP %1).").arg(status), code),
            tr("Check the client ID and secret, then try again. If it happens again, save "
               "a report for Dawiso support."));
    }
    result.errorCode = code;
    result.httpStatus = status;
    result.summary.detail = response.errorDescription;
    return result;
}

void ClientCredentialsSignIn::conclude(const OAuthResult &result)
{
    finish([this, result] { emit finished(result); });
}

} // namespace Dawiso
