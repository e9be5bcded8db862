#include "oauth/TokenResponse.h"

#include "qlik/QlikError.h"
#include "token/SecureMemory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <cmath>

namespace Dawiso {

namespace {

constexpr qsizetype kLongestDescription = 300;
// Far beyond any token lifetime; a larger expires_in is treated as unknown rather than overflowing.
constexpr double kLongestLifetimeSeconds = 10.0 * 366 * 24 * 3600;

// RFC 6749 §5.2 codes. Qlik's Errors shape does not say in which field the code travels, so all are searched.
const QRegularExpression &oauthErrorPattern()
{
    static const QRegularExpression pattern(QStringLiteral("\\b(invalid_request|invalid_client|invalid_grant|"
                                                           "unauthorized_client|unsupported_grant_type|invalid_scope|"
                                                           "access_denied|server_error|temporarily_unavailable)\\b"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

QString findOAuthError(const QStringList &texts)
{
    for (const QString &text : texts) {
        const QRegularExpressionMatch match = oauthErrorPattern().match(text);
        if (match.hasMatch())
            return match.captured(1).toLower();
    }
    return {};
}

// A bearer token goes into an HTTP header: visible ASCII only (RFC 6750 §2.1 allows less still).
bool isUsableTokenValue(const QByteArray &value)
{
    if (value.isEmpty())
        return false;
    for (const char c : value) {
        if (c < 0x21 || c > 0x7e)
            return false;
    }
    return true;
}

QStringList scopesOf(const QJsonValue &value)
{
    QStringList scopes;
    if (value.isString()) {
        static const QRegularExpression whitespace(QStringLiteral("\\s+"));
        scopes = value.toString().split(whitespace, Qt::SkipEmptyParts);
    } else if (value.isArray()) {
        const QJsonArray entries = value.toArray();
        for (const QJsonValue &entry : entries) {
            if (entry.isString() && !entry.toString().trimmed().isEmpty())
                scopes << entry.toString().trimmed();
        }
    }
    scopes.removeDuplicates();
    return scopes;
}

double numberOf(const QJsonValue &value, bool *ok)
{
    if (value.isDouble()) {
        *ok = std::isfinite(value.toDouble());
        return value.toDouble();
    }
    if (value.isString())
        return value.toString().trimmed().toDouble(ok);
    *ok = false;
    return 0;
}

// expires_in (seconds from now) is preferred: it does not depend on this computer's clock agreeing with Qlik's.
QDateTime expiryOf(const QJsonObject &object, const QDateTime &receivedAt)
{
    bool ok = false;
    const double seconds = numberOf(object.value(QLatin1String("expires_in")), &ok);
    if (ok && seconds > 0 && seconds < kLongestLifetimeSeconds)
        return receivedAt.toUTC().addSecs(static_cast<qint64>(seconds));

    const QJsonValue expiresAt = object.value(QLatin1String("expires_at"));
    if (expiresAt.isString()) {
        QDateTime when = QDateTime::fromString(expiresAt.toString().trimmed(), Qt::ISODateWithMs);
        if (when.isValid())
            return when.toUTC();
    }
    const double epochSeconds = numberOf(expiresAt, &ok);
    if (ok && epochSeconds > 0 && epochSeconds < 253402300799.0)
        return QDateTime::fromSecsSinceEpoch(static_cast<qint64>(epochSeconds), Qt::UTC);
    return {};
}

void readError(const QByteArray &body, TokenResponse &response)
{
    const QJsonDocument document = QJsonDocument::fromJson(body);
    const QJsonObject object = document.object();
    QStringList texts;
    QString description;
    if (object.value(QLatin1String("error")).isString()) {
        texts << object.value(QLatin1String("error")).toString();
        description = object.value(QLatin1String("error_description")).toString();
    }
    const QlikError qlikError = QlikError::fromBody(body);
    for (const QlikErrorItem &item : qlikError.items())
        texts << item.code << item.title << item.detail;
    if (description.isEmpty())
        description = qlikError.summary();
    response.errorCode = findOAuthError(texts);
    response.errorDescription = TokenResponse::shortenedDescription(description);
}

} // namespace

TokenResponse TokenResponse::fromAnswer(int httpStatus, const QByteArray &body, const QDateTime &receivedAt)
{
    TokenResponse response;
    response.httpStatus = httpStatus;
    if (httpStatus < 200 || httpStatus >= 300) {
        if (httpStatus >= 300 && httpStatus < 400)
            return unreadable(httpStatus, tr("The token address answered with a redirect (HTTP %1).").arg(httpStatus));
        response.outcome = Outcome::Refused;
        readError(body, response);
        return response;
    }

    const QJsonDocument document = QJsonDocument::fromJson(body);
    if (!document.isObject())
        return unreadable(httpStatus, tr("The answer of the token address is not a JSON object."));
    const QJsonObject object = document.object();

    const QJsonValue tokenType = object.value(QLatin1String("token_type"));
    if (tokenType.isString() && tokenType.toString().compare(QLatin1String("bearer"), Qt::CaseInsensitive) != 0) {
        return unreadable(httpStatus,
                          tr("The token address issued a “%1” token instead of a bearer token.")
                              .arg(shortenedDescription(tokenType.toString()).left(40)));
    }

    QString accessToken = object.value(QLatin1String("access_token")).toString();
    QByteArray value = accessToken.toUtf8();
    SecureMemory::wipe(accessToken);
    if (!isUsableTokenValue(value)) {
        const bool missing = value.isEmpty();
        SecureMemory::wipe(value);
        return unreadable(httpStatus,
                          missing ? tr("The answer of the token address contains no access token.")
                                  : tr("The access token contains characters a token cannot have."));
    }
    response.outcome = Outcome::Token;
    response.token = OAuthAccessToken(std::move(value), expiryOf(object, receivedAt),
                                      scopesOf(object.value(QLatin1String("scope"))));
    return response;
}

QString TokenResponse::shortenedDescription(const QString &text)
{
    QString simplified = text.simplified();
    if (simplified.size() <= kLongestDescription)
        return simplified;
    return simplified.left(kLongestDescription - 1) + QChar(0x2026);
}

TokenResponse TokenResponse::fromFailure(const RequestFailure &failure)
{
    TokenResponse response;
    response.outcome = Outcome::NoAnswer;
    response.failure = failure;
    return response;
}

TokenResponse TokenResponse::unreadable(int httpStatus, const QString &problem)
{
    TokenResponse response;
    response.outcome = Outcome::Unreadable;
    response.httpStatus = httpStatus;
    response.problem = problem;
    return response;
}

} // namespace Dawiso
