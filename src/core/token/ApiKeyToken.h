#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QString>

#include <optional>

namespace Dawiso {

// A Qlik API key as the user pasted it: cleaned, checked for the shape of a JWT, and its claims read locally.
//
// The claims are never trusted for security decisions (the signature is not verified here; Qlik says not to rely
// on a key's contents); they only drive what the wizard shows and early warnings. The token buffer is zeroed on
// wipe() and on destruction. Copies share the buffer; each copy releases or wipes it when it goes away, and the
// last owner zeroes it (see SecureMemory).
class ApiKeyToken
{
    Q_DECLARE_TR_FUNCTIONS(ApiKeyToken)

public:
    enum class Problem {
        None,
        Empty,
        TooLong,
        InvalidCharacters,
        NotThreeParts,
        BadEncoding,
    };

    // Keys longer than this (16 KiB) are refused without being looked at: Qlik's keys are well under 2 KiB.
    static constexpr qsizetype MaxLength = qsizetype(16) * 1024;

    ApiKeyToken() = default;
    ApiKeyToken(const ApiKeyToken &other) = default;
    // A moved-from token is empty, like a wiped one.
    ApiKeyToken(ApiKeyToken &&other) noexcept;
    ApiKeyToken &operator=(const ApiKeyToken &other);
    ApiKeyToken &operator=(ApiKeyToken &&other) noexcept;
    ~ApiKeyToken();

    // Cleans what was pasted: trims; strips "Authorization:", "Bearer " (any case) and surrounding quotes; removes
    // white space, line breaks and invisible characters inside (web pages and e-mails wrap long lines).
    static ApiKeyToken fromPastedText(const QString &text);

    // True when there is no token (nothing was pasted, or the token was wiped).
    bool isEmpty() const { return m_token.isEmpty(); }
    // Three base64url parts; the header and the payload decode to JSON objects.
    bool isWellFormed() const { return m_details.problem == Problem::None; }
    Problem problemKind() const { return m_details.problem; }
    // A plain sentence saying what is wrong with the pasted text and what to do; empty when well-formed.
    QString problem() const;
    // The cleaned token, for the Authorization header and the keychain. Empty when not well-formed or wiped.
    QByteArray token() const { return m_token; }

    // Claims read from the payload; empty when absent or not a string.
    QString keyId() const { return m_details.keyId; } // "jti": the id in GET /api/v1/api-keys
    QString subject() const { return m_details.subject; } // "sub": the user id
    QString subjectType() const { return m_details.subjectType; } // "subType"
    QString tenantId() const { return m_details.tenantId; } // "tenantId"
    QString issuer() const { return m_details.issuer; } // "iss"
    QString audience() const { return m_details.audience; } // "aud": the string, or the first element of an array
    // "exp" in UTC, when present and numeric.
    std::optional<QDateTime> expiresAt() const { return m_details.expiresAt; }
    bool isExpired(const QDateTime &now) const;

    // A well-formed token whose audience is "qlik.api" and whose issuer is "qlik.api/api-keys". A claim that is
    // absent is not held against it, but at least one of them must be there.
    bool looksLikeQlikApiKey() const;
    // Why a well-formed token does not look like an API key (for example an OAuth access token), as a plain
    // sentence; empty when it looks like one or when it is not well-formed (see problem()).
    QString notAnApiKeyReason() const;

    // Zeroes and releases the token now and forgets the claims: afterwards the object is empty, as if
    // default-constructed, so nothing can mistake it for a usable key.
    void wipe();

private:
    // Everything but the secret: copied and kept freely.
    struct Details
    {
        Problem problem = Problem::Empty;
        // The offending character for Problem::InvalidCharacters (one character reveals nothing of the key).
        QChar invalidCharacter;
        qsizetype partCount = 0;

        QString keyId;
        QString subject;
        QString subjectType;
        QString tenantId;
        QString issuer;
        QString audience;
        bool hasIssuer = false;
        bool hasAudience = false;
        bool audienceMatches = false;
        bool looksLikeOAuth = false;
        std::optional<QDateTime> expiresAt;
    };

    void inspect();
    void readClaims(const QJsonObject &claims);

    QByteArray m_token;
    Details m_details;
};

} // namespace Dawiso
