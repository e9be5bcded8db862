#include "host/HostParser.h"

#include <QHostAddress>
#include <QStringList>
#include <QUrl>

#include <algorithm>

namespace Dawiso {

namespace {

constexpr qsizetype kMaxLabelLength = 63;
constexpr qsizetype kMaxNameLength = 253;
constexpr qsizetype kMaxQuotedLength = 60;

// Qlik Cloud (commercial) and Qlik Cloud Government; every tenant lives below one of them.
const QLatin1String kCloudDomains[] = {QLatin1String("qlikcloud.com"), QLatin1String("qlikcloudgov.com")};

// The first path segments Qlik Sense serves itself: in "https://qlik.corp.example/hub/stream/…" they name a page, not a
// virtual proxy. A prefix cannot be one of them, or the proxy could not tell its own pages from the virtual proxy's.
const QLatin1String kQlikSensePaths[] = {
    QLatin1String("hub"),
    QLatin1String("qmc"),
    QLatin1String("sense"),
    QLatin1String("qrs"),
    QLatin1String("qps"),
    QLatin1String("api"),
    QLatin1String("app"),
    QLatin1String("resources"),
    QLatin1String("content"),
    QLatin1String("appcontent"),
    QLatin1String("tempcontent"),
    QLatin1String("extensions"),
    QLatin1String("dev-hub"),
    QLatin1String("single"),
    QLatin1String("internal_forms_authentication"),
    QLatin1String("internal_windows_authentication"),
    QLatin1String("favicon.ico"),
};

// URL schemes people paste by mistake: "name:" with one of these is a scheme even without "//".
const QLatin1String kKnownSchemes[] = {
    QLatin1String("http"),   QLatin1String("https"),      QLatin1String("ftp"),      QLatin1String("ftps"),
    QLatin1String("sftp"),   QLatin1String("file"),       QLatin1String("ws"),       QLatin1String("wss"),
    QLatin1String("ssh"),    QLatin1String("data"),       QLatin1String("about"),    QLatin1String("blob"),
    QLatin1String("mailto"), QLatin1String("tel"),        QLatin1String("ldap"),     QLatin1String("ldaps"),
    QLatin1String("smb"),    QLatin1String("javascript"), QLatin1String("vbscript"),
};

bool isAsciiLetter(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z');
}

bool isAsciiDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isAllAsciiDigits(QStringView text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (!isAsciiDigit(c))
            return false;
    }
    return true;
}

QString example(DeploymentKind kind)
{
    return kind == DeploymentKind::QlikCloud ? QStringLiteral("your-tenant.eu.qlikcloud.com")
                                             : QStringLiteral("qliksense.yourcompany.com");
}

// Shows what the user typed inside a message, shortened so that a long paste does not flood the dialog.
QString quoted(QStringView text)
{
    const QString shown =
        text.size() > kMaxQuotedLength ? text.left(kMaxQuotedLength - 1).toString() + QChar(0x2026) : text.toString();
    return HostParser::tr("“%1”").arg(shown);
}

bool isSchemeCharacter(QChar c)
{
    return isAsciiLetter(c) || isAsciiDigit(c) || c == u'+' || c == u'-' || c == u'.';
}

// Length of a leading "word:" (a URL scheme, or a host name before ":port"), or 0 when there is none.
qsizetype schemeLength(QStringView text)
{
    if (text.isEmpty() || !isAsciiLetter(text.front()))
        return 0;
    qsizetype i = 1;
    while (i < text.size() && isSchemeCharacter(text[i]))
        ++i;
    return i < text.size() && text[i] == u':' ? i : 0;
}

bool isKnownScheme(const QString &scheme)
{
    for (const QLatin1String known : kKnownSchemes) {
        if (scheme == known)
            return true;
    }
    return false;
}

qsizetype authorityEnd(QStringView rest)
{
    for (qsizetype i = 0; i < rest.size(); ++i) {
        if (rest[i] == u'/' || rest[i] == u'?' || rest[i] == u'#')
            return i;
    }
    return rest.size();
}

bool containsSpace(QStringView text)
{
    for (const QChar c : text) {
        if (c.isSpace())
            return true;
    }
    return false;
}

bool parseIpv6(QStringView text, QHostAddress *address)
{
    // A zone ("%eth0") only means something on this computer; no Qlik server is reached that way.
    if (!text.contains(u':') || text.contains(u'%'))
        return false;
    return address->setAddress(text.toString()) && address->protocol() == QAbstractSocket::IPv6Protocol;
}

// Dotted decimal only: QHostAddress also accepts "1.2.3" and octal "010.0.0.1", which nobody means.
bool parseIpv4(const QStringList &parts, QHostAddress *address)
{
    if (parts.size() != 4)
        return false;
    for (const QString &part : parts) {
        if (part.size() > 3 || (part.size() > 1 && part.front() == u'0') || part.toInt() > 255)
            return false;
    }
    return address->setAddress(parts.join(u'.'));
}

bool isLocalAddress(QHostAddress address)
{
    bool mapped = false;
    const quint32 ipv4 = address.toIPv4Address(&mapped);
    if (mapped)
        address = QHostAddress(ipv4);
    static const QPair<QHostAddress, int> privateRanges[] = {
        QHostAddress::parseSubnet(QStringLiteral("10.0.0.0/8")),
        QHostAddress::parseSubnet(QStringLiteral("172.16.0.0/12")),
        QHostAddress::parseSubnet(QStringLiteral("192.168.0.0/16")),
        QHostAddress::parseSubnet(QStringLiteral("100.64.0.0/10")),
    };
    if (!address.isGlobal() || address.isLoopback() || address.isLinkLocal() || address.isUniqueLocalUnicast())
        return true;
    for (const auto &range : privateRanges) {
        if (address.isInSubnet(range))
            return true;
    }
    return false;
}

bool isRegionLabel(const QString &label)
{
    return label.size() == 2 && isAsciiLetter(label[0]) && isAsciiLetter(label[1]);
}

bool isUnderCloudDomain(const QString &host)
{
    for (const QLatin1String domain : kCloudDomains) {
        if (host == domain || host.endsWith(u'.' + domain))
            return true;
    }
    return false;
}

// The host part of the input: a DNS name (possibly international) or an IPv4 literal.
struct NameResult
{
    QString host;
    QString displayHost;
    bool isIp = false;
    QString error;
};

// Checks one dot-separated part of a name; sets its ASCII (punycode) form in *ace.
QString checkLabel(const QString &label, const QString &ex, QString *ace)
{
    if (label.isEmpty()) {
        return HostParser::tr("The address has two dots in a row, or starts with a dot. "
                              "Remove the extra dot, for example %1.")
            .arg(ex);
    }
    if (label.front() == u'-' || label.back() == u'-') {
        return HostParser::tr("A part of the address starts or ends with a hyphen (%1), which host names "
                              "cannot have. Check the address, for example %2.")
            .arg(quoted(label), ex);
    }
    bool ascii = true;
    for (const QChar c : label) {
        if (c.unicode() >= 0x80) {
            ascii = false;
        } else if (c == u'_') {
            return HostParser::tr("The address contains an underscore (_), which host names cannot have. "
                                  "Check the address: it may need a hyphen (-) instead.");
        } else if (!isAsciiLetter(c) && !isAsciiDigit(c) && c != u'-') {
            return HostParser::tr("The address contains %1, which host names cannot have. Use only "
                                  "letters, digits, hyphens and dots, for example %2.")
                .arg(quoted(QString(c)), ex);
        }
    }
    *ace = ascii ? label : QString::fromLatin1(QUrl::toAce(label));
    if (ace->size() > kMaxLabelLength || (ace->isEmpty() && label.size() > kMaxLabelLength)) {
        return HostParser::tr("The part %1 of the address is longer than 63 characters, which is too long "
                              "for a host name. Check that the address was copied correctly.")
            .arg(quoted(label));
    }
    if (ace->isEmpty()) {
        return HostParser::tr("The part %1 of the address contains characters that host names cannot have. "
                              "Check the address, for example %2.")
            .arg(quoted(label), ex);
    }
    return {};
}

NameResult checkName(QStringView text, const QString &ex)
{
    NameResult result;
    QString name = text.toString().toLower();
    // IDNA treats the ideographic and full-width full stops as dots; do the same before splitting.
    for (QChar &c : name) {
        if (c == QChar(0x3002) || c == QChar(0xFF0E) || c == QChar(0xFF61))
            c = u'.';
    }
    // "acme.eu.qlikcloud.com." is a fully qualified name; the trailing dot means nothing for HTTPS.
    while (name.endsWith(u'.') && name.size() > 1)
        name.chop(1);
    if (name == u".") {
        result.error = HostParser::tr("The address has no host name. Enter the address, for example %1.").arg(ex);
        return result;
    }

    const QStringList labels = name.split(u'.');
    if (std::all_of(labels.cbegin(), labels.cend(), isAllAsciiDigits)) {
        QHostAddress address;
        if (!parseIpv4(labels, &address)) {
            result.error = HostParser::tr("The address %1 is not a valid IP address. An IP address has four numbers "
                                          "from 0 to 255 without leading zeros, like 192.168.10.20.")
                               .arg(quoted(name));
            return result;
        }
        result.host = address.toString();
        result.displayHost = result.host;
        result.isIp = true;
        return result;
    }

    QStringList aceLabels;
    for (const QString &label : labels) {
        QString ace;
        result.error = checkLabel(label, ex, &ace);
        if (!result.error.isEmpty())
            return result;
        aceLabels << ace;
    }
    result.host = aceLabels.join(u'.');
    if (result.host.size() > kMaxNameLength) {
        result.host.clear();
        result.error = HostParser::tr("The address is longer than 253 characters, which is too long for a host "
                                      "name. Check that only the address was copied.");
        return result;
    }
    // Show the Unicode form even for top-level domains outside Qt's IDN list: people typed it that way. Look-alike
    // names are caught by the Qlik Cloud checks, which compare the ASCII form.
    result.displayHost = QUrl::fromAce(result.host.toLatin1(), QUrl::IgnoreIDNWhitelist);
    return result;
}

// What a Qlik Sense Enterprise address says beyond its host: a virtual-proxy prefix, or a page that says nothing.
struct EnterprisePath
{
    QString prefix;
    QStringList notes;
};

bool isQlikSensePath(const QString &segment)
{
    for (const QLatin1String own : kQlikSensePaths) {
        if (segment == own)
            return true;
    }
    return false;
}

// Qlik's rule for a virtual proxy prefix: lower-case letters, digits and - . _ ~ only.
bool isPrefixCharacter(QChar c)
{
    return (c >= u'a' && c <= u'z') || isAsciiDigit(c) || c == u'-' || c == u'.' || c == u'_' || c == u'~';
}

bool isVirtualProxyPrefix(const QString &segment)
{
    return !segment.isEmpty() && segment != u"." && segment != u".."
        && std::all_of(segment.cbegin(), segment.cend(), isPrefixCharacter);
}

// `after` is what follows the host and port: a path, a query, a fragment (or nothing).
EnterprisePath readEnterprisePath(QStringView after)
{
    EnterprisePath result;
    qsizetype pathEnd = 0;
    while (pathEnd < after.size() && after[pathEnd] != u'?' && after[pathEnd] != u'#')
        ++pathEnd;
    const QStringList segments = after.left(pathEnd).toString().split(u'/', Qt::SkipEmptyParts);
    if (segments.isEmpty())
        return result;

    const QString &first = segments.front();
    const QString lowered = first.toLower();
    const QString dropped = quoted(QString(u'/' + segments.join(u'/')));
    if (isQlikSensePath(lowered)) {
        result.notes
            << HostParser::tr("The path %1 was left out: the wizard needs only the server's address.").arg(dropped);
        return result;
    }
    if (!isVirtualProxyPrefix(lowered)) {
        result.notes << HostParser::tr("The path %1 was left out: it is no virtual proxy prefix, which has only "
                                       "letters, digits and the characters - . _ ~.")
                            .arg(dropped);
        return result;
    }
    result.prefix = lowered;
    result.notes << HostParser::tr("Kept %1 as the virtual proxy prefix: the wizard signs in through that virtual "
                                   "proxy. Remove it to use the default virtual proxy.")
                        .arg(quoted(lowered));
    if (lowered != first) {
        result.notes << HostParser::tr("The prefix %1 was changed to lower case: Qlik Sense keeps virtual proxy "
                                       "prefixes in lower case.")
                            .arg(quoted(first));
    }
    if (segments.size() > 1) {
        result.notes << HostParser::tr("The rest of the path, %1, was left out.")
                            .arg(quoted(QString(u'/' + segments.mid(1).join(u'/'))));
    }
    return result;
}

// Notes and warnings for a Qlik Sense Enterprise address that the parser accepts.
void checkEnterprise(const ParsedHost &parsed, QStringList *warnings, QStringList *notes)
{
    const QString host = parsed.host();
    if (isUnderCloudDomain(host)) {
        *warnings << HostParser::tr("The address %1 looks like a Qlik Cloud address, but you chose Qlik Sense "
                                    "Enterprise on Windows. Go back and choose Qlik Cloud if this is a cloud tenant.")
                         .arg(host);
    }
    if (parsed.isIpAddress()) {
        *warnings << HostParser::tr("The address %1 is an IP address. Qlik Sense's host allow list, its certificate, "
                                    "JWT sign-in and Dawiso need the server's full name, such as "
                                    "qlik.yourcompany.com: enter that instead if you can.")
                         .arg(parsed.displayHostAndPort());
    } else if (host == u"localhost") {
        *warnings << HostParser::tr("The address localhost is this computer. Qlik Sense's host allow list, its "
                                    "certificate, JWT sign-in and Dawiso need the server's full name, such as "
                                    "qlik.yourcompany.com: enter that instead if you can.");
    } else if (parsed.isShortName()) {
        *warnings << HostParser::tr("The address %1 is a short name. Qlik Sense's host allow list, its certificate, "
                                    "JWT sign-in and Dawiso need the server's full name, such as %1.yourcompany.com: "
                                    "enter that instead if you can.")
                         .arg(parsed.displayHost());
    }
    if (parsed.port() == 4242) {
        notes->prepend(HostParser::tr("Port 4242 is the Qlik Sense Repository Service (QRS), used with a certificate "
                                      "bundle exported from the QMC. A Windows sign-in goes through the proxy "
                                      "instead: enter the address without a port."));
        if (!parsed.virtualProxyPrefix().isEmpty()) {
            *warnings << HostParser::tr("Virtual proxy prefixes belong to the proxy, not to port 4242, where %1 "
                                        "leads nowhere. Remove the port or the prefix.")
                             .arg(quoted(parsed.virtualProxyPrefix()));
        }
    }
}

// Returns an error for addresses that can never be a Qlik Cloud tenant; adds warnings for doubtful ones.
QString checkCloud(const ParsedHost &parsed, bool isIp, QStringList *warnings)
{
    const QString host = parsed.host();
    const QString ex = example(DeploymentKind::QlikCloud);
    const bool isLocalName = host == u"localhost" || host.endsWith(u".localhost");
    if (isLocalName || (isIp && isLocalAddress(QHostAddress(host)))) {
        *warnings << HostParser::tr("The address %1 is on this computer or on a private network, but Qlik Cloud "
                                    "tenants are on the internet, like %2. Continue only if you are testing or "
                                    "use a local proxy.")
                         .arg(parsed.hostAndPort(), ex);
        return {};
    }
    if (parsed.port() != -1) {
        *warnings << HostParser::tr("Qlik Cloud uses the standard HTTPS port, so the port %1 is probably wrong. "
                                    "Remove it unless your network requires it.")
                         .arg(parsed.port());
    }

    bool underCloudDomain = false;
    for (const QLatin1String domain : kCloudDomains) {
        if (host == domain) {
            return HostParser::tr("The address %1 is Qlik Cloud itself, not your tenant. Add your tenant name and "
                                  "region in front, for example %2.")
                .arg(host, ex);
        }
        if (!host.endsWith(u'.' + domain))
            continue;
        underCloudDomain = true;
        const QStringList prefix = host.chopped(domain.size() + 1).split(u'.');
        if (prefix.size() == 1 && prefix.front() == u"console") {
            return HostParser::tr("The address %1 is the organisation console, not a tenant. Enter the address of "
                                  "your tenant instead, as your browser shows it when you open the tenant, for "
                                  "example %2.")
                .arg(host, ex);
        }
        if (prefix.size() == 1 && isRegionLabel(prefix.front())) {
            return HostParser::tr("The address %1 is a Qlik Cloud region, not your tenant. Add your tenant name in "
                                  "front, for example your-tenant.%1.")
                .arg(host);
        }
        if (prefix.size() == 1) {
            *warnings << HostParser::tr("The address %1 has no region: Qlik Cloud addresses usually look like %2. "
                                        "Check the address your browser shows for your tenant; you can continue if "
                                        "it is right.")
                             .arg(host, ex);
        }
    }

    if (!underCloudDomain) {
        *warnings << HostParser::tr("The address %1 is not a usual Qlik Cloud address: Qlik Cloud tenants use "
                                    "addresses ending in qlikcloud.com, or qlikcloudgov.com for government. If it is "
                                    "a custom domain or an alias of your tenant, you can continue.")
                         .arg(parsed.displayHost());
    }
    // Look-alike letters from other scripts can make a foreign name read like a Qlik Cloud address.
    if (parsed.displayHost() != host) {
        *warnings << HostParser::tr("The address contains international characters, but Qlik Cloud addresses use "
                                    "only plain letters (on the network it is %1). Check that it was not copied from "
                                    "a misleading link.")
                         .arg(host);
    }
    return {};
}

} // namespace

ParsedHost HostParser::parse(const QString &input, DeploymentKind kind)
{
    ParsedHost result;
    const QString ex = example(kind);
    const auto fail = [](const QString &error) {
        ParsedHost failed;
        failed.m_error = error;
        return failed;
    };

    QStringView rest = QStringView(input).trimmed();
    if (rest.isEmpty())
        return fail(tr("Enter your Qlik address, for example %1.").arg(ex));

    // A scheme, or a host name followed by ":port" ("qlik.corp.example:4242"), or junk such as "Host: acme".
    bool explicitScheme = false;
    if (const qsizetype length = schemeLength(rest)) {
        const QString scheme = rest.left(length).toString().toLower();
        const QStringView after = rest.mid(length + 1);
        const bool digitFollows = !after.isEmpty() && isAsciiDigit(after.front());
        const bool spaceFollows = !after.isEmpty() && after.front().isSpace();
        if (after.startsWith(u"//") || (isKnownScheme(scheme) && !digitFollows)) {
            if (scheme == u"http") {
                return fail(tr("Addresses that start with http:// are not encrypted, but Qlik needs an encrypted "
                               "connection: the API key would travel in clear text. Enter the address with https:// "
                               "or without any prefix, for example %1.")
                                .arg(ex));
            }
            if (scheme != u"https") {
                return fail(tr("Addresses that start with %1 cannot be used: Qlik is reached over https:// only. "
                               "Enter the address with https:// or without any prefix, for example %2.")
                                .arg(quoted(rest.left(length + 1)), ex));
            }
            explicitScheme = true;
            rest = after;
            // Also tolerates the typos "https:/host" and "https:host".
            while (rest.startsWith(u'/'))
                rest = rest.mid(1);
        } else if (spaceFollows && !rest.contains(u'@')) {
            // "Host: acme…", "Address: …": a label in front of something, not a host followed by a port.
            return fail(tr("The text %1 does not look like a Qlik address. Enter only the address, for example %2.")
                            .arg(quoted(rest), ex));
        }
    }
    if (!explicitScheme && rest.startsWith(u"//"))
        rest = rest.mid(2);

    // Paths, queries and fragments ("/hub/spaces", "/api/v1/users/me") say nothing about the host: drop them.
    const QStringView authority = rest.left(authorityEnd(rest));
    if (const qsizetype at = authority.lastIndexOf(u'@'); at >= 0) {
        if (authority.left(at).contains(u':')) {
            return fail(tr("Addresses must not contain a user name or password. Enter only the address, for example "
                           "%1, and the wizard asks for the API key separately; if you typed a real password, "
                           "change it.")
                            .arg(ex));
        }
        if (explicitScheme) {
            return fail(tr("Addresses must not contain a user name. Enter only the address, for example %1, and "
                           "the wizard asks for the API key separately.")
                            .arg(ex));
        }
        return fail(tr("This looks like an e-mail address or contains a user name, and addresses must not contain "
                       "one. Enter only the Qlik address, for example %1; the wizard asks for the API key separately.")
                        .arg(ex));
    }
    if (authority.isEmpty())
        return fail(tr("The address has no host name. Enter the address, for example %1.").arg(ex));
    if (containsSpace(authority)) {
        return fail(tr("The address contains a space, which addresses cannot have. Remove it, or type the missing "
                       "dot, for example %1.")
                        .arg(ex));
    }

    QStringView hostText = authority;
    QStringView portText;
    QHostAddress ipv6;
    const QString ipv6Error = tr("The address in square brackets is not a valid IPv6 address. Check it, for example "
                                 "[2001:db8::10]:4242, or enter the server's name instead.");
    if (authority.startsWith(u'[')) {
        const qsizetype close = authority.indexOf(u']');
        if (close < 0 || !parseIpv6(authority.mid(1, close - 1), &ipv6))
            return fail(ipv6Error);
        const QStringView tail = authority.mid(close + 1);
        if (!tail.isEmpty() && tail.front() != u':')
            return fail(ipv6Error);
        portText = tail.mid(qMin<qsizetype>(1, tail.size()));
    } else if (authority.count(u':') > 1 && parseIpv6(authority, &ipv6)) {
        // A bare IPv6 literal ("::1") cannot carry a port, so there is nothing to split.
    } else if (const qsizetype colon = authority.indexOf(u':'); colon >= 0) {
        hostText = authority.left(colon);
        portText = authority.mid(colon + 1);
        if (hostText.isEmpty()) {
            return fail(tr("The host name is missing before %1. Enter the whole address, for example %2.")
                            .arg(quoted(authority), ex));
        }
    }

    if (!portText.isEmpty()) {
        // The port text is not quoted back: in "user:pa/ss@host" it would be part of a password.
        if (!isAllAsciiDigits(portText)) {
            return fail(tr("The port after the colon is not a number. Enter a port from 1 to 65535 after the "
                           "colon, or leave the port out."));
        }
        const int port = portText.size() <= 5 ? portText.toInt() : 0;
        if (port < 1 || port > 65535) {
            return fail(tr("The port %1 is out of range. Enter a port from 1 to 65535, or leave it out to use the "
                           "standard HTTPS port.")
                            .arg(quoted(portText)));
        }
        // https already means 443: "host" and "host:443" must end up as the same connection.
        result.m_port = port == 443 ? -1 : port;
    }

    bool isIp = false;
    if (ipv6.protocol() == QAbstractSocket::IPv6Protocol) {
        result.m_host = ipv6.toString();
        result.m_displayHost = result.m_host;
        result.m_isIpv6 = true;
        isIp = true;
    } else {
        const NameResult name = checkName(hostText, ex);
        if (!name.error.isEmpty())
            return fail(name.error);
        result.m_host = name.host;
        result.m_displayHost = name.displayHost;
        isIp = name.isIp;
    }

    result.m_isIpAddress = isIp;
    result.m_isShortName = !isIp && !result.m_host.contains(u'.');

    if (kind == DeploymentKind::QlikCloud) {
        // Qlik Cloud has no virtual proxies: whatever path was pasted names a page of the tenant.
        const QString error = checkCloud(result, isIp, &result.m_warnings);
        if (!error.isEmpty())
            return fail(error);
    } else {
        EnterprisePath path = readEnterprisePath(rest.mid(authority.size()));
        result.m_virtualProxyPrefix = path.prefix;
        result.m_notes = path.notes;
        checkEnterprise(result, &result.m_warnings, &result.m_notes);
    }
    return result;
}

} // namespace Dawiso
