#include "host/HostParser.h"

#include <QObject>
#include <QTest>

using Dawiso::DeploymentKind;
using Dawiso::HostParser;
using Dawiso::ParsedHost;

Q_DECLARE_METATYPE(Dawiso::DeploymentKind)

class TestHostParser : public QObject
{
    Q_OBJECT

private slots:
    void parse_data();
    void parse();
    void messagesAreFullSentences_data();
    void messagesAreFullSentences();
    void portAndHost_data();
    void portAndHost();
    void passwordIsNeverEchoed_data();
    void passwordIsNeverEchoed();
    void defaultConstructedIsInvalid();
    void enterpriseForms_data();
    void enterpriseForms();
    void cloudKeepsNoPrefixAndNotes_data();
    void cloudKeepsNoPrefixAndNotes();
};

namespace {

constexpr auto Cloud = DeploymentKind::QlikCloud;
constexpr auto Enterprise = DeploymentKind::QlikSenseEnterprise;

QString s(const char *utf8)
{
    return QString::fromUtf8(utf8);
}

// expected empty = the input must be rejected and `fragment` must be part of the error; otherwise `fragment`, when
// given, must be part of one of the warnings.
void addRow(const char *tag, const QString &input, DeploymentKind kind, const QString &expected, bool warning = false,
            const QString &fragment = {}, const QString &display = {})
{
    QTest::newRow(tag) << input << kind << expected << display << warning << fragment;
}

void addFailure(const char *tag, const QString &input, DeploymentKind kind, const char *fragment)
{
    addRow(tag, input, kind, {}, false, s(fragment));
}

} // namespace

void TestHostParser::parse_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<DeploymentKind>("kind");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("display");
    QTest::addColumn<bool>("warning");
    QTest::addColumn<QString>("fragment");

    const QString tenant = s("acme.eu.qlikcloud.com");
    const QString label64 = QString(64, u'a');
    QString longName = s("example"); // every label is fine, the whole is 251 + 7 = 258 characters long
    for (const char c : {'a', 'b', 'c', 'd', 'e'})
        longName.prepend(QString(49, QLatin1Char(c)) + u'.');

    // Accepted and normalised.
    addRow("plain tenant", tenant, Cloud, tenant);
    addRow("surrounding white space", s("  acme.eu.qlikcloud.com \t\n"), Cloud, tenant);
    addRow("hub URL", s("https://acme.eu.qlikcloud.com/hub/spaces"), Cloud, tenant);
    addRow("upper case, trailing slash", s("ACME.eu.qlikcloud.com/"), Cloud, tenant);
    addRow("upper-case scheme", s("HTTPS://Acme.EU.QlikCloud.com"), Cloud, tenant);
    addRow("trailing dot", s("acme.eu.qlikcloud.com."), Cloud, tenant);
    addRow("trailing dots and slashes", s("acme.eu.qlikcloud.com..//"), Cloud, tenant);
    addRow("pasted API endpoint", s("https://acme.eu.qlikcloud.com/api/v1/users/me"), Cloud, tenant);
    addRow("query and fragment", s("acme.eu.qlikcloud.com?x=1#top"), Cloud, tenant);
    addRow("explicit 443 dropped", s("https://acme.eu.qlikcloud.com:443/hub"), Cloud, tenant);
    addRow("protocol-relative", s("//acme.eu.qlikcloud.com/hub"), Cloud, tenant);
    addRow("https: without slashes", s("https:acme.eu.qlikcloud.com"), Cloud, tenant);
    addRow("empty port ignored", s("acme.eu.qlikcloud.com:"), Cloud, tenant);
    addRow("government tenant", s("sos-ga-gov.us.qlikcloudgov.com"), Cloud, s("sos-ga-gov.us.qlikcloudgov.com"));
    addRow("enterprise with port", s("qlik.corp.example:4242"), Enterprise, s("qlik.corp.example:4242"));
    addRow("enterprise QRS URL", s("https://qlik.corp.example:4242/qrs/about?xrfkey=abcdefghij123456"), Enterprise,
           s("qlik.corp.example:4242"));
    addRow("enterprise 443 dropped", s("QLIK.corp.example:443"), Enterprise, s("qlik.corp.example"));
    // Short names and IP addresses work on the local network, but not with allow lists, certificates and Dawiso.
    addRow("single-label intranet name", s("qlikserver"), Enterprise, s("qlikserver"), true,
           s("qlikserver.yourcompany.com"));
    addRow("localhost for enterprise", s("localhost:4242"), Enterprise, s("localhost:4242"), true,
           s("localhost is this computer"));
    addRow("IPv4", s("192.168.10.20"), Enterprise, s("192.168.10.20"), true, s("is an IP address"));
    addRow("IPv4 URL with port", s("https://10.0.0.5:4242/"), Enterprise, s("10.0.0.5:4242"), true, s("full name"));
    addRow("IPv6 loopback with port", s("[::1]:4242"), Enterprise, s("[::1]:4242"), true, s("[::1]:4242"));
    addRow("IPv6 URL", s("https://[2001:db8::1]/"), Enterprise, s("[2001:db8::1]"), true, s("IP address"));
    addRow("IPv6 normalised", s("[2001:DB8:0:0::1]:8443"), Enterprise, s("[2001:db8::1]:8443"), true, s("IP address"));
    addRow("bare IPv6", s("::1"), Enterprise, s("[::1]"), true, s("IP address"));
    addRow("IDN", s("bücher.example"), Enterprise, s("xn--bcher-kva.example"), false, {}, s("bücher.example"));
    addRow("IDN URL upper case", s("https://BÜCHER.example:4242/hub"), Enterprise, s("xn--bcher-kva.example:4242"),
           false, {}, s("bücher.example"));
    addRow("IDN ideographic dot", s("bücher。example"), Enterprise, s("xn--bcher-kva.example"), false, {},
           s("bücher.example"));

    // Accepted with a warning.
    addRow("custom domain for cloud", s("qlik.acme.com"), Cloud, s("qlik.acme.com"), true, s("qlikcloud.com"));
    addRow("public IP for cloud", s("8.8.8.8"), Cloud, s("8.8.8.8"), true, s("custom domain"));
    addRow("localhost for cloud", s("localhost:8443"), Cloud, s("localhost:8443"), true, s("private network"));
    addRow("loopback for cloud", s("127.0.0.1"), Cloud, s("127.0.0.1"), true, s("private network"));
    addRow("private IPv4 for cloud", s("192.168.1.20"), Cloud, s("192.168.1.20"), true, s("private network"));
    addRow("unique local IPv6 for cloud", s("[fd00::1]"), Cloud, s("[fd00::1]"), true, s("private network"));
    addRow("mapped private IPv6 for cloud", s("[::ffff:10.0.0.1]"), Cloud, s("[::ffff:10.0.0.1]"), true,
           s("private network"));
    addRow("tenant without region", s("acme.qlikcloud.com"), Cloud, s("acme.qlikcloud.com"), true, s("no region"));
    addRow("cloud with odd port", s("acme.eu.qlikcloud.com:8443"), Cloud, s("acme.eu.qlikcloud.com:8443"), true,
           s("port 8443"));
    addRow("cloud address for enterprise", tenant, Enterprise, tenant, true, s("looks like a Qlik Cloud address"));
    addRow("IDN for cloud", s("bücher.example"), Cloud, s("xn--bcher-kva.example"), true, s("misleading link"),
           s("bücher.example"));
    addRow("IDN tenant label for cloud", s("bücher.eu.qlikcloud.com"), Cloud, s("xn--bcher-kva.eu.qlikcloud.com"), true,
           s("plain letters"), s("bücher.eu.qlikcloud.com"));
    addRow("look-alike cloud domain", s("acme.eu.qlіkcloud.com"), Cloud, s("acme.eu.xn--qlkcloud-uhh.com"), true,
           s("xn--qlkcloud-uhh.com"), s("acme.eu.qlіkcloud.com"));

    // Rejected.
    addFailure("empty for cloud", {}, Cloud, "your-tenant.eu.qlikcloud.com");
    addFailure("only white space for enterprise", s("   \n\t"), Enterprise, "qliksense.yourcompany.com");
    addFailure("user and password in URL", s("https://user:pass@acme.eu.qlikcloud.com"), Cloud, "password");
    addFailure("user and password without scheme", s("user:pass@acme.eu.qlikcloud.com"), Cloud, "password");
    addFailure("user in URL", s("https://admin@acme.eu.qlikcloud.com/hub"), Cloud, "user name");
    addFailure("user without scheme", s("admin@acme.eu.qlikcloud.com"), Cloud, "asks for the API key separately");
    addFailure("e-mail address", s("john.smith@acme.com"), Enterprise, "e-mail address");
    addFailure("http", s("http://acme.eu.qlikcloud.com"), Cloud, "clear text");
    addFailure("http without slashes", s("http:acme.eu.qlikcloud.com"), Cloud, "encrypted connection");
    addFailure("ftp", s("ftp://acme.eu.qlikcloud.com"), Cloud, "https:// only");
    addFailure("file", s("file:///etc/hosts"), Enterprise, "“file:”");
    addFailure("wss", s("wss://acme.eu.qlikcloud.com/app/1"), Cloud, "https:// only");
    addFailure("javascript", s("javascript:alert(1)"), Cloud, "“javascript:”");
    addFailure("mailto", s("mailto:someone@acme.com"), Cloud, "https:// only");
    addFailure("space inside host", s("acme eu.qlikcloud.com"), Cloud, "space");
    addFailure("not a url", s("not a url"), Cloud, "space");
    addFailure("two dots in a row", s("acme..qlikcloud.com"), Cloud, "two dots in a row");
    addFailure("leading dot", s(".acme.com"), Enterprise, "starts with a dot");
    addFailure("label over 63", label64 + s(".example"), Enterprise, "63 characters");
    addFailure("name over 253", longName, Enterprise, "253 characters");
    addFailure("underscore", s("acme_1.qlikcloud.com"), Cloud, "underscore");
    addFailure("leading hyphen", s("-acme.eu.qlikcloud.com"), Cloud, "hyphen");
    addFailure("trailing hyphen", s("acme-.eu.qlikcloud.com"), Cloud, "hyphen");
    addFailure("other character", s("qlik!.corp.example"), Enterprise, "“!”");
    addFailure("markup", s("<script>"), Cloud, "“<”");
    addFailure("port not a number", s("qlik.corp.example:abc"), Enterprise, "not a number");
    addFailure("two ports", s("qlik.corp.example:4242:1"), Enterprise, "not a number");
    addFailure("port zero", s("qlik.corp.example:0"), Enterprise, "1 to 65535");
    addFailure("port too large", s("qlik.corp.example:65536"), Enterprise, "1 to 65535");
    addFailure("port far too large", s("qlik.corp.example:99999999999"), Enterprise, "1 to 65535");
    addFailure("scheme only", s("https://"), Cloud, "no host name");
    addFailure("port only", s(":4242"), Enterprise, "host name is missing");
    addFailure("question marks", s("???"), Cloud, "no host name");
    addFailure("single dot", s("."), Cloud, "no host name");
    addFailure("header line", s("Host: acme.eu.qlikcloud.com"), Cloud, "does not look like a Qlik address");
    addFailure("short IPv4", s("1.2.3"), Enterprise, "not a valid IP address");
    addFailure("IPv4 out of range", s("256.1.1.1"), Enterprise, "0 to 255");
    addFailure("IPv4 leading zero", s("010.0.0.1"), Enterprise, "leading zeros");
    addFailure("unclosed bracket", s("[::1"), Enterprise, "IPv6");
    addFailure("bracketed non-IPv6", s("[not-ipv6]:4242"), Enterprise, "IPv6");
    addFailure("bracketed IPv4", s("[10.0.0.1]"), Enterprise, "IPv6");
    addFailure("junk after bracket", s("[::1]x"), Enterprise, "IPv6");
    addFailure("bare region", s("eu.qlikcloud.com"), Cloud, "Add your tenant name");
    addFailure("bare region URL", s("https://EU.qlikcloud.com/"), Cloud, "your-tenant.eu.qlikcloud.com");
    addFailure("bare cloud domain", s("qlikcloud.com"), Cloud, "Add your tenant name");
    addFailure("bare government region", s("https://us.qlikcloudgov.com/"), Cloud, "Add your tenant name");
    addFailure("organisation console", s("console.qlikcloud.com"), Cloud, "organisation console");
}

void TestHostParser::parse()
{
    QFETCH(QString, input);
    QFETCH(DeploymentKind, kind);
    QFETCH(QString, expected);
    QFETCH(QString, display);
    QFETCH(bool, warning);
    QFETCH(QString, fragment);

    const ParsedHost parsed = HostParser::parse(input, kind);
    if (expected.isEmpty()) {
        QVERIFY2(!parsed.isValid(), qPrintable(parsed.hostAndPort()));
        QVERIFY2(parsed.error().contains(fragment), qPrintable(parsed.error()));
        QVERIFY(parsed.host().isEmpty());
        QVERIFY(parsed.hostAndPort().isEmpty());
        QVERIFY(parsed.baseUrl().isEmpty());
        QVERIFY(parsed.warnings().isEmpty());
        return;
    }

    QVERIFY2(parsed.isValid(), qPrintable(parsed.error()));
    QVERIFY(parsed.error().isEmpty());
    QCOMPARE(parsed.hostAndPort(), expected);
    QCOMPARE(parsed.displayHost(), display.isEmpty() ? parsed.host() : display);
    QCOMPARE(parsed.baseUrl().toString(QUrl::FullyEncoded), s("https://") + expected);
    QVERIFY(parsed.baseUrl().path().isEmpty());
    QVERIFY(parsed.virtualProxyPrefix().isEmpty());
    if (kind == Cloud)
        QVERIFY2(parsed.notes().isEmpty(), qPrintable(parsed.notes().join(u'\n')));
    QCOMPARE(parsed.host(), parsed.host().toLower());
    const QString host = parsed.host();
    for (const QChar c : host)
        QVERIFY2(c.unicode() < 0x80, qPrintable(host));

    QCOMPARE(!parsed.warnings().isEmpty(), warning);
    if (!fragment.isEmpty()) {
        const QString all = parsed.warnings().join(u'\n');
        QVERIFY2(all.contains(fragment), qPrintable(all));
    }

    // What the wizard stores (hostAndPort, baseUrl) must read back unchanged, or a saved connection would drift.
    const ParsedHost again = HostParser::parse(parsed.hostAndPort(), kind);
    QVERIFY2(again.isValid(), qPrintable(again.error()));
    QCOMPARE(again.hostAndPort(), parsed.hostAndPort());
    QCOMPARE(again.displayHost(), parsed.displayHost());
    QCOMPARE(again.warnings(), parsed.warnings());
    QCOMPARE(HostParser::parse(parsed.baseUrl().toString(QUrl::FullyEncoded), kind).hostAndPort(), expected);
}

void TestHostParser::messagesAreFullSentences_data()
{
    parse_data();
}

void TestHostParser::messagesAreFullSentences()
{
    QFETCH(QString, input);
    QFETCH(DeploymentKind, kind);
    QFETCH(QString, expected);

    const ParsedHost parsed = HostParser::parse(input, kind);
    QCOMPARE(parsed.isValid(), !expected.isEmpty());
    QStringList messages = parsed.warnings() + parsed.notes();
    if (expected.isEmpty()) {
        QVERIFY(!parsed.error().isEmpty());
        messages << parsed.error();
    }
    for (const QString &message : std::as_const(messages)) {
        QVERIFY2(message.front().isUpper(), qPrintable(message));
        QVERIFY2(message.endsWith(u'.'), qPrintable(message));
        QVERIFY2(!message.contains(u'%'), qPrintable(message)); // no placeholder left unexpanded
        QVERIFY2(!message.contains(s("  ")), qPrintable(message));
        QVERIFY2(!message.contains(u'\n'), qPrintable(message));
        QVERIFY2(message.size() < 400, qPrintable(message));
    }
}

void TestHostParser::portAndHost_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::addColumn<QString>("displayHostAndPort");

    QTest::newRow("no port") << s("acme.eu.qlikcloud.com") << s("acme.eu.qlikcloud.com") << -1
                             << s("acme.eu.qlikcloud.com");
    QTest::newRow("443 means none") << s("qlik.corp.example:443") << s("qlik.corp.example") << -1
                                    << s("qlik.corp.example");
    QTest::newRow("port kept") << s("qlik.corp.example:4242") << s("qlik.corp.example") << 4242
                               << s("qlik.corp.example:4242");
    QTest::newRow("leading zeros in port")
        << s("qlik.corp.example:04242") << s("qlik.corp.example") << 4242 << s("qlik.corp.example:4242");
    QTest::newRow("highest port") << s("qlik.corp.example:65535") << s("qlik.corp.example") << 65535
                                  << s("qlik.corp.example:65535");
    QTest::newRow("IPv6 host has no brackets") << s("[::1]:8443") << s("::1") << 8443 << s("[::1]:8443");
    QTest::newRow("IDN") << s("bücher.example:4242") << s("xn--bcher-kva.example") << 4242 << s("bücher.example:4242");
}

void TestHostParser::portAndHost()
{
    QFETCH(QString, input);
    QFETCH(QString, host);
    QFETCH(int, port);
    QFETCH(QString, displayHostAndPort);

    const ParsedHost parsed = HostParser::parse(input, DeploymentKind::QlikSenseEnterprise);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error()));
    QCOMPARE(parsed.host(), host);
    QCOMPARE(parsed.port(), port);
    QCOMPARE(parsed.displayHostAndPort(), displayHostAndPort);
    QCOMPARE(parsed.baseUrl().port(), port);
}

void TestHostParser::passwordIsNeverEchoed_data()
{
    QTest::addColumn<QString>("input");

    QTest::newRow("URL") << s("https://admin:s3cretPw@acme.eu.qlikcloud.com/hub");
    QTest::newRow("no scheme") << s("admin:s3cretPw@acme.eu.qlikcloud.com");
    QTest::newRow("password with a slash") << s("https://admin:s3cretPw/x@acme.eu.qlikcloud.com");
    QTest::newRow("numeric password") << s("admin:1234567@acme.eu.qlikcloud.com");
}

// Messages end up on screen and in setup reports: a password typed into the address must not reappear there.
void TestHostParser::passwordIsNeverEchoed()
{
    QFETCH(QString, input);

    for (const DeploymentKind kind : {Cloud, Enterprise}) {
        const ParsedHost parsed = HostParser::parse(input, kind);
        QVERIFY(!parsed.isValid());
        QVERIFY(!parsed.error().isEmpty());
        QVERIFY(!parsed.error().contains(s("s3cretPw")));
        QVERIFY(!parsed.error().contains(s("1234567")));
    }
}

void TestHostParser::defaultConstructedIsInvalid()
{
    const ParsedHost parsed;
    QVERIFY(!parsed.isValid());
    QCOMPARE(parsed.port(), -1);
    QVERIFY(parsed.hostAndPort().isEmpty());
    QVERIFY(parsed.baseUrl().isEmpty());
}

void TestHostParser::enterpriseForms_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("hostAndPort");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QStringList>("noteFragments"); // each must be part of one of the notes; none: no notes
    QTest::addColumn<QString>("warning"); // part of one of the warnings; empty: no warnings
    QTest::addColumn<bool>("shortName");
    QTest::addColumn<bool>("ipAddress");

    const QString host = s("qlik.corp.example");
    const auto row = [](const char *tag, const QString &input, const QString &hostAndPort, const QString &prefix,
                        const QStringList &notes, const QString &warning = {}, bool shortName = false,
                        bool ipAddress = false) {
        QTest::newRow(tag) << input << hostAndPort << prefix << notes << warning << shortName << ipAddress;
    };

    row("full name", host, host, {}, {});
    row("trailing slash", s("qlik.corp.example/"), host, {}, {});
    row("query only", s("https://qlik.corp.example?x=1"), host, {}, {});
    row("hub stream URL", s("https://qlik.corp.example/hub/stream/aaaa-bbbb"), host, {},
        {s("“/hub/stream/aaaa-bbbb”"), s("only the server's address")});
    row("QMC URL", s("https://qlik.corp.example/qmc/apps"), host, {}, {s("“/qmc/apps”")});
    row("sense app URL", s("https://qlik.corp.example/sense/app/1234/sheet/x/state/analysis"), host, {},
        {s("/sense/app")});
    row("upper-case Qlik page", s("https://qlik.corp.example/HUB/"), host, {}, {s("“/HUB”")});
    row("forms login page", s("https://qlik.corp.example/internal_forms_authentication/?targetId=1"), host, {},
        {s("internal_forms_authentication")});
    row("QRS through the default proxy", s("https://qlik.corp.example/qrs/about?xrfkey=abcdefghij123456"), host, {},
        {s("“/qrs/about”")});
    row("virtual proxy hub", s("https://qlik.corp.example/sso/hub"), host, s("sso"),
        {s("Kept “sso” as the virtual proxy prefix"), s("“/hub”")});
    row("virtual proxy alone", s("qlik.corp.example/sso/"), host, s("sso"), {s("Kept “sso”")});
    row("virtual proxy and query", s("https://qlik.corp.example/sso?x=1#top"), host, s("sso"), {s("Kept “sso”")});
    row("virtual proxy upper case", s("https://qlik.corp.example/SSO/hub"), host, s("sso"),
        {s("Kept “sso”"), s("“SSO” was changed to lower case")});
    row("virtual proxy QRS URL", s("https://qlik.corp.example/jwt/qrs/about?xrfkey=abcdefghij123456"), host, s("jwt"),
        {s("Kept “jwt”"), s("“/qrs/about”")});
    row("prefix characters", s("qlik.corp.example/a-b.c_d~1"), host, s("a-b.c_d~1"), {s("Kept “a-b.c_d~1”")});
    row("not a prefix", s("https://qlik.corp.example/a%20b/hub"), host, {}, {s("no virtual proxy prefix")});
    row("not a prefix either", s("https://qlik.corp.example/a+b"), host, {}, {s("“/a+b”")});
    row("QRS port", s("qlik.corp.example:4242"), s("qlik.corp.example:4242"), {},
        {s("Port 4242 is the Qlik Sense Repository Service"), s("certificate bundle"), s("without a port")});
    row("QRS port with prefix", s("https://qlik.corp.example:4242/sso/qrs/about"), s("qlik.corp.example:4242"),
        s("sso"), {s("Port 4242"), s("Kept “sso”")}, s("Remove the port or the prefix"));
    row("short name with QRS port", s("qlik:4242"), s("qlik:4242"), {}, {s("Port 4242")},
        s("such as qlik.yourcompany.com"), true);
    row("short name with prefix", s("https://qlik/sso/hub"), s("qlik"), s("sso"), {s("Kept “sso”")}, s("short name"),
        true);
    row("IPv4", s("10.1.2.3"), s("10.1.2.3"), {}, {}, s("The address 10.1.2.3 is an IP address"), false, true);
    row("IPv4 with prefix", s("https://10.1.2.3/sso/hub"), s("10.1.2.3"), s("sso"), {s("Kept “sso”")}, s("full name"),
        false, true);
    row("IPv6 with port", s("https://[2001:db8::5]:4242/"), s("[2001:db8::5]:4242"), {}, {s("Port 4242")},
        s("IP address"), false, true);
}

void TestHostParser::enterpriseForms()
{
    QFETCH(QString, input);
    QFETCH(QString, hostAndPort);
    QFETCH(QString, prefix);
    QFETCH(QStringList, noteFragments);
    QFETCH(QString, warning);
    QFETCH(bool, shortName);
    QFETCH(bool, ipAddress);

    const ParsedHost parsed = HostParser::parse(input, Enterprise);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error()));
    QCOMPARE(parsed.hostAndPort(), hostAndPort);
    QCOMPARE(parsed.virtualProxyPrefix(), prefix);
    QCOMPARE(parsed.isShortName(), shortName);
    QCOMPARE(parsed.isIpAddress(), ipAddress);
    const QString expectedUrl = s("https://") + hostAndPort + (prefix.isEmpty() ? QString() : u'/' + prefix);
    QCOMPARE(parsed.baseUrl().toString(QUrl::FullyEncoded), expectedUrl);

    const QString notes = parsed.notes().join(u'\n');
    QCOMPARE(parsed.notes().isEmpty(), noteFragments.isEmpty());
    for (const QString &fragment : std::as_const(noteFragments))
        QVERIFY2(notes.contains(fragment), qPrintable(notes));
    const QString warnings = parsed.warnings().join(u'\n');
    QCOMPARE(parsed.warnings().isEmpty(), warning.isEmpty());
    QVERIFY2(warnings.contains(warning), qPrintable(warnings));
    for (const QString &message : parsed.notes() + parsed.warnings()) {
        QVERIFY2(message.front().isUpper() && message.endsWith(u'.'), qPrintable(message));
        QVERIFY2(!message.contains(u'%') || input.contains(u'%'), qPrintable(message));
    }

    // The base URL is what the wizard keeps: it must read back to the same server and virtual proxy.
    const ParsedHost again = HostParser::parse(parsed.baseUrl().toString(QUrl::FullyEncoded), Enterprise);
    QCOMPARE(again.hostAndPort(), hostAndPort);
    QCOMPARE(again.virtualProxyPrefix(), prefix);
    QCOMPARE(again.warnings(), parsed.warnings());
}

void TestHostParser::cloudKeepsNoPrefixAndNotes_data()
{
    QTest::addColumn<QString>("input");
    QTest::newRow("hub") << s("https://acme.eu.qlikcloud.com/hub/spaces");
    QTest::newRow("what would be a prefix") << s("https://acme.eu.qlikcloud.com/sso/hub");
    QTest::newRow("port 4242") << s("acme.eu.qlikcloud.com:4242/sso");
}

// Qlik Cloud has no virtual proxies: a path is a page of the tenant, and the Cloud steps ask the tenant's root.
void TestHostParser::cloudKeepsNoPrefixAndNotes()
{
    QFETCH(QString, input);
    const ParsedHost parsed = HostParser::parse(input, Cloud);
    QVERIFY2(parsed.isValid(), qPrintable(parsed.error()));
    QVERIFY(parsed.virtualProxyPrefix().isEmpty());
    QVERIFY(parsed.notes().isEmpty());
    QVERIFY(parsed.baseUrl().path().isEmpty());
    QVERIFY(!parsed.isShortName());
    QVERIFY(!parsed.isIpAddress());
}

QTEST_GUILESS_MAIN(TestHostParser)
#include "tst_hostparser.moc"
