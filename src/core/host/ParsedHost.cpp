#include "host/ParsedHost.h"

namespace Dawiso {

QString ParsedHost::withPort(const QString &host) const
{
    if (!isValid())
        return {};
    QString result = m_isIpv6 ? u'[' + host + u']' : host;
    if (m_port != -1)
        result += u':' + QString::number(m_port);
    return result;
}

QString ParsedHost::hostAndPort() const
{
    return withPort(m_host);
}

QString ParsedHost::displayHostAndPort() const
{
    return withPort(m_displayHost);
}

QUrl ParsedHost::baseUrl() const
{
    if (!isValid())
        return {};
    QUrl url;
    url.setScheme(QStringLiteral("https"));
    url.setHost(m_host);
    url.setPort(m_port);
    if (!m_virtualProxyPrefix.isEmpty())
        url.setPath(u'/' + m_virtualProxyPrefix);
    return url;
}

} // namespace Dawiso
