#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QStringList>

namespace Dawiso {

// An OAuth access token from Qlik's token endpoint. It lives in memory only: nothing in the product writes it to
// the keychain, settings or logs. Copies share the buffer like ApiKeyToken's: each copy releases or wipes it when it
// goes away, and the last owner zeroes it (see SecureMemory).
class OAuthAccessToken
{
public:
    OAuthAccessToken() = default;
    OAuthAccessToken(QByteArray value, QDateTime expiresAt, QStringList scopes);
    OAuthAccessToken(const OAuthAccessToken &other) = default;
    // A moved-from token is empty, like a wiped one.
    OAuthAccessToken(OAuthAccessToken &&other) noexcept;
    OAuthAccessToken &operator=(const OAuthAccessToken &other);
    OAuthAccessToken &operator=(OAuthAccessToken &&other) noexcept;
    ~OAuthAccessToken();

    bool isEmpty() const { return m_value.isEmpty(); }
    // The token itself, for the Authorization header ("Bearer " + value). Empty when wiped.
    QByteArray value() const { return m_value; }
    // When Qlik said the token stops working (UTC); invalid when the answer did not say.
    QDateTime expiresAt() const { return m_expiresAt; }
    // The scopes Qlik granted (which may be fewer than were asked for).
    QStringList scopes() const { return m_scopes; }
    bool hasScope(const QString &scope) const { return m_scopes.contains(scope); }
    // True when the expiry is known and not after `now`.
    bool isExpired(const QDateTime &now) const;

    // Zeroes and releases the token now and forgets its expiry and scopes.
    void wipe();

private:
    QByteArray m_value;
    QDateTime m_expiresAt;
    QStringList m_scopes;
};

} // namespace Dawiso
