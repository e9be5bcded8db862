#include "oauth/OAuthResult.h"

#include <utility>

namespace Dawiso {

OAuthResult OAuthResult::success(OAuthAccessToken token)
{
    OAuthResult result;
    result.ok = true;
    result.kind = Kind::Ok;
    result.token = std::move(token);
    result.summary.message = tr("Signed in.");
    return result;
}

OAuthResult OAuthResult::failure(Kind kind, QString message, QString advice, QString detail)
{
    OAuthResult result;
    result.kind = kind;
    result.summary = {std::move(message), std::move(advice), std::move(detail)};
    return result;
}

OAuthResult OAuthResult::networkFailure(const RequestFailure &failure)
{
    OAuthResult result =
        OAuthResult::failure(Kind::Network, failure.message(), failure.advice(), failure.technicalDetail());
    result.requestFailure = failure;
    return result;
}

OAuthResult OAuthResult::cancelled()
{
    return failure(Kind::Cancelled, tr("The sign-in was stopped."), QString());
}

QString OAuthResult::withErrorCode(const QString &sentence, const QString &code)
{
    if (code.isEmpty())
        return sentence;
    const bool fullStop = sentence.endsWith(QLatin1Char('.'));
    return (fullStop ? sentence.chopped(1) : sentence) + QStringLiteral(" (") + code + QLatin1Char(')')
        + (fullStop ? QStringLiteral(".") : QString());
}

QString OAuthResult::text() const
{
    if (summary.advice.isEmpty())
        return summary.message;
    return summary.message + QLatin1Char(' ') + summary.advice;
}

OAuthResult OAuthResult::fromTokenResponse(const TokenResponse &response, const QString &unreadableMessage,
                                           const std::function<OAuthResult(const TokenResponse &)> &refusal)
{
    switch (response.outcome) {
    case TokenResponse::Outcome::Token:
        return success(response.token);
    case TokenResponse::Outcome::NoAnswer:
        return networkFailure(response.failure);
    case TokenResponse::Outcome::Unreadable: {
        OAuthResult result =
            failure(Kind::InvalidAnswer, unreadableMessage,
                    tr("Try again. If it keeps happening, save a report for Dawiso support."), response.problem);
        result.httpStatus = response.httpStatus;
        return result;
    }
    case TokenResponse::Outcome::Refused:
        break;
    }
    return refusal(response);
}

} // namespace Dawiso
