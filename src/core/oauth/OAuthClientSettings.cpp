#include "oauth/OAuthClientSettings.h"

#include "oauth/AuthorizationRequest.h"

#include <QSettings>

namespace Dawiso {

namespace {

const QLatin1String kClientsGroup("OAuthClients");
const QLatin1String kRedirectPortKey("OAuth/RedirectPort");
const QLatin1String kRedirectHostKey("OAuth/RedirectHost");

// Host names cannot contain '/', which QSettings would take for a group separator; ':' is fine on every backend.
QString keyFor(const QString &host)
{
    QString key = host.trimmed().toLower();
    if (key.endsWith(QLatin1String(":443")))
        key.chop(4);
    key.remove(QLatin1Char('/'));
    key.remove(QLatin1Char('\\'));
    return key;
}

} // namespace

OAuthClientSettings::OAuthClientSettings(QSettings *settings)
    : m_settings(settings)
{ }

QString OAuthClientSettings::clientId(const QString &host) const
{
    const QString key = keyFor(host);
    if (key.isEmpty())
        return {};
    m_settings->beginGroup(kClientsGroup);
    QString id = m_settings->value(key).toString().trimmed();
    m_settings->endGroup();
    return id;
}

void OAuthClientSettings::setClientId(const QString &host, const QString &clientId)
{
    const QString key = keyFor(host);
    const QString id = clientId.trimmed();
    if (key.isEmpty())
        return;
    if (id.isEmpty()) {
        forgetClientId(host);
        return;
    }
    m_settings->beginGroup(kClientsGroup);
    m_settings->setValue(key, id);
    m_settings->endGroup();
}

void OAuthClientSettings::forgetClientId(const QString &host)
{
    const QString key = keyFor(host);
    if (key.isEmpty())
        return;
    m_settings->beginGroup(kClientsGroup);
    m_settings->remove(key);
    m_settings->endGroup();
}

quint16 OAuthClientSettings::redirectPort() const
{
    bool ok = false;
    const uint port = m_settings->value(kRedirectPortKey).toUInt(&ok);
    return ok && port > 0 && port <= 65535 ? quint16(port) : AuthorizationRequest::DefaultRedirectPort;
}

QString OAuthClientSettings::redirectHost() const
{
    const QString host = m_settings->value(kRedirectHostKey).toString();
    return AuthorizationRequest::isLoopbackHost(host) ? host : AuthorizationRequest::ipv4LoopbackHost();
}

void OAuthClientSettings::setRedirectHost(const QString &host)
{
    if (host == AuthorizationRequest::localhostHost())
        m_settings->setValue(kRedirectHostKey, host);
    else
        m_settings->remove(kRedirectHostKey);
}

void OAuthClientSettings::setRedirectPort(quint16 port)
{
    if (port == 0 || port == AuthorizationRequest::DefaultRedirectPort)
        m_settings->remove(kRedirectPortKey);
    else
        m_settings->setValue(kRedirectPortKey, port);
}

} // namespace Dawiso
