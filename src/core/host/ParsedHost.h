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
    // https://host[:port], no path and no trailing slash; empty when invalid.
    QUrl baseUrl() const;

    // One or two plain sentences saying what is wrong and what to enter instead; empty when valid.
    QString error() const { return m_error; }
    // Plain sentences about doubts; the host is still usable.
    QStringList warnings() const { return m_warnings; }

private:
    friend class HostParser;

    QString withPort(const QString &host) const;

    QString m_host;
    QString m_displayHost;
    int m_port = -1;
    bool m_isIpv6 = false;
    QString m_error;
    QStringList m_warnings;
};

} // namespace Dawiso
