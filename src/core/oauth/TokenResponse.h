#pragma once

#include "net/RequestFailure.h"
#include "oauth/OAuthAccessToken.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QString>

namespace Dawiso {

// The token endpoint's answer, read leniently (oauth.json's oauth-token-response; RFC 6749 §5.1 and §5.2): the
// token with its expiry (expires_in or expires_at) and scopes, or the OAuth error code Qlik gave in either error
// shape ({"errors":[{code,title,detail}]} or {"error","error_description"}). Says nothing to people by itself: each
// sign-in turns it into its own words.
class TokenResponse
{
    Q_DECLARE_TR_FUNCTIONS(TokenResponse)

public:
    enum class Outcome {
        Token, // 2xx with a usable bearer token
        Refused, // an error status; errorCode says why when Qlik said
        Unreadable, // an answer without a usable token (problem says why)
        NoAnswer, // no answer at all (failure says why)
    };

    static TokenResponse fromAnswer(int httpStatus, const QByteArray &body, const QDateTime &receivedAt);
    static TokenResponse fromFailure(const RequestFailure &failure);
    static TokenResponse unreadable(int httpStatus, const QString &problem);
    // A server's description on one line and never long: it goes into a detail field, nowhere else.
    static QString shortenedDescription(const QString &text);

    Outcome outcome = Outcome::NoAnswer;
    int httpStatus = 0;
    OAuthAccessToken token;
    // An RFC 6749 error code found in the answer, in lower case ("invalid_grant"); empty when there was none.
    QString errorCode;
    // Qlik's own words about the error (not translated, at most a few hundred characters), for the detail.
    QString errorDescription;
    // Why a 2xx answer is not usable, for the detail.
    QString problem;
    RequestFailure failure;
};

} // namespace Dawiso
