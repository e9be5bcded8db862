#pragma once

#include "common/UserMessage.h"
#include "net/RequestFailure.h"
#include "oauth/OAuthAccessToken.h"
#include "oauth/TokenResponse.h"

#include <QCoreApplication>
#include <QString>

#include <functional>

namespace Dawiso {

// How a sign-in ended: the access token, or what went wrong in words for people and what to do next (summary). The
// technical detail (Qlik's own error text, a TLS error) is for reports, never shown as the message.
class OAuthResult
{
    Q_DECLARE_TR_FUNCTIONS(OAuthResult)

public:
    enum class Kind {
        Ok,
        Cancelled, // cancel() was called
        TimedOut, // no answer from the browser in time
        Denied, // the sign-in page answered with an error (access_denied: the person cancelled there)
        PortInUse, // the loopback port for Qlik's answer is taken
        TokenRefused, // the token endpoint said no (wrong client, secret, code or verifier; user disabled)
        Network, // no answer from the token endpoint (see failure())
        InvalidAnswer, // an answer the wizard cannot use (no token, not JSON, a redirect elsewhere)
        InvalidSettings, // the sign-in cannot start: no client id, no scopes, endpoints that are not https
    };

    static OAuthResult success(OAuthAccessToken token);
    static OAuthResult failure(Kind kind, QString message, QString advice, QString detail = {});
    // No answer from the token endpoint: the request's own words, and its TLS details for the certificate dialog.
    static OAuthResult networkFailure(const RequestFailure &failure);
    static OAuthResult cancelled();
    // What a token endpoint's answer means: the token, no answer, an unreadable answer (unreadableMessage), or a
    // refusal, which each kind of sign-in explains in its own words (refusal).
    static OAuthResult fromTokenResponse(const TokenResponse &response, const QString &unreadableMessage,
                                         const std::function<OAuthResult(const TokenResponse &)> &refusal);
    // "Qlik refused the sign-in (invalid_scope)." from the sentence and Qlik's code; the sentence alone without one.
    static QString withErrorCode(const QString &sentence, const QString &code);

    bool ok = false;
    Kind kind = Kind::Cancelled;
    OAuthAccessToken token;
    UserMessage summary;
    // The OAuth error code Qlik gave ("access_denied", "invalid_grant"), when it gave one.
    QString errorCode;
    // The HTTP status of the token endpoint's answer, when it answered.
    int httpStatus = 0;
    // Set for Kind::Network.
    RequestFailure requestFailure;

    // "message advice" as one paragraph.
    QString text() const;
};

} // namespace Dawiso
