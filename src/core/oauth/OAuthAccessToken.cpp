#include "oauth/OAuthAccessToken.h"

#include "token/SecureMemory.h"

#include <utility>

namespace Dawiso {

OAuthAccessToken::OAuthAccessToken(QByteArray value, QDateTime expiresAt, QStringList scopes)
    : m_value(std::move(value))
    , m_expiresAt(std::move(expiresAt))
    , m_scopes(std::move(scopes))
{ }

OAuthAccessToken::OAuthAccessToken(OAuthAccessToken &&other) noexcept
    : m_value(std::move(other.m_value))
    , m_expiresAt(std::exchange(other.m_expiresAt, QDateTime()))
    , m_scopes(std::exchange(other.m_scopes, QStringList()))
{ }

OAuthAccessToken &OAuthAccessToken::operator=(const OAuthAccessToken &other)
{
    if (this != &other) {
        SecureMemory::wipe(m_value);
        m_value = other.m_value;
        m_expiresAt = other.m_expiresAt;
        m_scopes = other.m_scopes;
    }
    return *this;
}

OAuthAccessToken &OAuthAccessToken::operator=(OAuthAccessToken &&other) noexcept
{
    if (this != &other) {
        SecureMemory::wipe(m_value);
        m_value = std::move(other.m_value);
        m_expiresAt = std::exchange(other.m_expiresAt, QDateTime());
        m_scopes = std::exchange(other.m_scopes, QStringList());
    }
    return *this;
}

OAuthAccessToken::~OAuthAccessToken()
{
    SecureMemory::wipe(m_value);
}

bool OAuthAccessToken::isExpired(const QDateTime &now) const
{
    return m_expiresAt.isValid() && m_expiresAt <= now;
}

void OAuthAccessToken::wipe()
{
    SecureMemory::wipe(m_value);
    m_expiresAt = QDateTime();
    m_scopes.clear();
}

} // namespace Dawiso
