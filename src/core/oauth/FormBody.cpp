#include "oauth/FormBody.h"

#include "token/SecureMemory.h"

#include <utility>

namespace Dawiso {

FormBody::FormBody()
{
    // Large enough for any token request, so appending never reallocates and leaves a stray copy behind.
    m_body.reserve(4096);
}

FormBody::~FormBody()
{
    SecureMemory::wipe(m_body);
}

void FormBody::add(const char *name, const QByteArray &value)
{
    QByteArray encoded = value.toPercentEncoding();
    if (!m_body.isEmpty())
        m_body.append('&');
    m_body.append(name).append('=').append(encoded);
    SecureMemory::wipe(encoded);
}

void FormBody::add(const char *name, const QString &value)
{
    QByteArray utf8 = value.toUtf8();
    add(name, utf8);
    SecureMemory::wipe(utf8);
}

QByteArray FormBody::take()
{
    return std::exchange(m_body, QByteArray());
}

} // namespace Dawiso
