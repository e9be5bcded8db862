#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>

namespace Dawiso {

// The outcome of HostParser::parse(): either a usable, normalised host (possibly with warnings) or one error
// sentence. A value type: cheap to copy, safe to keep.
class ParsedHost
{
public:
    bool isValid() const { return m_error.isEmpty() && !m_host.isEmpty(); }

    // ASCII, lower case, punycode for international names; an IPv6 literal without brackets ("::1").
    QString host() const { return m_host; }
    // -1 when no port was given (443 is implied; an explicit 443 is dropped as well).
    int port() const { return m_port; }
    // "acme.eu.qlikcloud.com", "qlik.corp.example:4242", "[::1]:8443" (IPv6 always in brackets).
    QString hostAndPort() const;
    // The host in Unicode for showing to people ("bücher.example"); no port.
    QString displayHost() const { return m_displayHost; }
    // displayHost() with the port, bracketed like hostAndPort().
    QString displayHostAndPort() const;
    // https://host[:port], and /<prefix> when there is a virtual-proxy prefix; no trailing slash; empty when invalid.
    QUrl baseUrl() const;
    // Qlik Sense Enterprise: the virtual proxy the address names ("sso" of https://qlik.corp.example/sso/hub), in
    // lower case; empty for the default virtual proxy, and always for Qlik Cloud.
    QString virtualProxyPrefix() const { return m_virtualProxyPrefix; }
    // A name without a dot ("qlik", "localhost"): fine on the local network, but not what certificates, allow lists
    // and Dawiso expect.
    bool isShortName() const { return m_isShortName; }
    bool isIpAddress() const { return m_isIpAddress; }

    // One or two plain sentences saying what is wrong and what to enter instead; empty when valid.
    QString error() const { return m_error; }
    // Plain sentences about doubts; the host is still usable.
    QStringList warnings() const { return m_warnings; }
    // Plain sentences about what was kept of the input and what was dropped (a path, a port's meaning); no doubt
    // about the host. Qlik Sense Enterprise only.
    QStringList notes() const { return m_notes; }

private:
    friend class HostParser;

    QString withPort(const QString &host) const;

    QString m_host;
    QString m_displayHost;
    int m_port = -1;
    QString m_virtualProxyPrefix;
    bool m_isIpv6 = false;
    bool m_isIpAddress = false;
    bool m_isShortName = false;
    QString m_error;
    QStringList m_warnings;
    QStringList m_notes;
};

} // namespace Dawiso
