// The admin's sign-in through a Qlik Sense Enterprise proxy, over real HTTPS to an in-test proxy that behaves as the
// contract's site does: the redirect to its Windows login (NTLM, checked for real) or to its login form, the ticket
// and the session cookie, /qps/user; and every way it ends otherwise (wrong password, inactive account, a sign-in
// elsewhere, a host not on the allow list, no answer, an untrusted certificate).
#include "net/CertificateSummary.h"
#include "net/TlsTrust.h"
#include "qlik/QlikRequest.h"
#include "qrs/ProxySignIn.h"
#include "qrs/QrsClient.h"
#include "qrs/SignInForm.h"
#include "qrs/Xrfkey.h"
#include "simulator/common/SimulatorHost.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QMessageAuthenticationCode>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>
#include <QtEndian>

using namespace Dawiso;
using Simulator::SimRequest;
using Simulator::SimResponse;
using Simulator::SimulatorHost;

namespace {

const QString adminUser = QStringLiteral("CORP\\qlikadmin");
const QByteArray password = QByteArrayLiteral("practice-password");
const QByteArray serverChallenge = QByteArrayLiteral("\x01\x23\x45\x67\x89\xab\xcd\xef");

SimResponse text(int status, const QByteArray &body, QList<QPair<QByteArray, QByteArray>> headers = {})
{
    headers.prepend({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")});
    return SimResponse {status, headers, body, {}};
}

QByteArray utf16le(const QString &text)
{
    QByteArray bytes;
    for (const QChar character : text) {
        bytes.append(char(character.unicode() & 0xff));
        bytes.append(char(character.unicode() >> 8));
    }
    return bytes;
}

QString fromUtf16le(const QByteArray &bytes)
{
    QString text;
    for (qsizetype i = 0; i + 1 < bytes.size(); i += 2)
        text.append(QChar(quint16(quint8(bytes.at(i))) | quint16(quint8(bytes.at(i + 1))) << 8));
    return text;
}

void appendLe16(QByteArray &bytes, quint16 value)
{
    bytes.append(char(value & 0xff)).append(char(value >> 8));
}

void appendLe32(QByteArray &bytes, quint32 value)
{
    for (int shift = 0; shift < 32; shift += 8)
        bytes.append(char((value >> shift) & 0xff));
}

// An NTLM security buffer of a message: its length at `at`, its offset at `at + 4`.
QByteArray securityBuffer(const QByteArray &message, int at)
{
    if (message.size() < at + 8)
        return {};
    const quint16 length = qFromLittleEndian<quint16>(message.constData() + at);
    const quint32 offset = qFromLittleEndian<quint32>(message.constData() + at + 4);
    return message.mid(offset, length);
}

// The server's challenge (NTLM message type 2), naming the CORP domain.
QByteArray challengeMessage()
{
    const QByteArray targetName = utf16le(QStringLiteral("CORP"));
    QByteArray targetInfo;
    appendLe16(targetInfo, 2); // MsvAvNbDomainName
    appendLe16(targetInfo, quint16(targetName.size()));
    targetInfo.append(targetName);
    appendLe32(targetInfo, 0); // MsvAvEOL
    QByteArray message("NTLMSSP\0", 8);
    appendLe32(message, 2);
    appendLe16(message, quint16(targetName.size()));
    appendLe16(message, quint16(targetName.size()));
    appendLe32(message, 48);
    // Unicode, request target, NTLM, domain target, extended session security, target info.
    appendLe32(message, 0x00000001 | 0x00000004 | 0x00000200 | 0x00010000 | 0x00080000 | 0x00800000);
    message.append(serverChallenge);
    message.append(QByteArray(8, '\0'));
    appendLe16(message, quint16(targetInfo.size()));
    appendLe16(message, quint16(targetInfo.size()));
    appendLe32(message, quint32(48 + targetName.size()));
    message.append(targetName).append(targetInfo);
    return message;
}

QByteArray hmacMd5(const QByteArray &key, const QByteArray &message)
{
    return QMessageAuthenticationCode::hash(message, key, QCryptographicHash::Md5);
}

} // namespace

// A Qlik Sense proxy with the contract's sign-in: Windows (NTLM) for a User-Agent with "Windows" when switched on,
// the login form otherwise; a prefix "sso" beside the default virtual proxy.
class ProxySite
{
public:
    struct User
    {
        QByteArray password;
        QString name;
        bool inactive = false;
    };

    ProxySite()
    {
        m_users.insert(QStringLiteral("CORP\\qlikadmin"), {password, QStringLiteral("Quinn Admin"), false});
        m_users.insert(QStringLiteral("CORP\\former"), {password, QStringLiteral("Former Admin"), true});
        m_host.addHandler(QStringLiteral("/"), [this](const SimRequest &request) { return answer(request); });
    }

    SimulatorHost &host() { return m_host; }
    void setNtlm(bool ntlm) { m_ntlm = ntlm; }
    // What the Windows login offers, one WWW-Authenticate header each; Kerberos and NTLM as Windows servers do, unless
    // told otherwise.
    void setWindowsChallenges(const QList<QByteArray> &challenges) { m_windowsChallenges = challenges; }
    // Requests without a session go there instead of to a login of the proxy's own.
    void setSignInElsewhere(const QUrl &url) { m_elsewhere = url; }
    void answerWith(const QString &path, int status, const QByteArray &body)
    {
        m_fixed.insert(path, text(status, body));
    }

    QList<QByteArray> userAgents() const { return m_userAgents; }
    int authenticateMessages() const { return m_authenticateMessages; }
    int formPosts() const { return m_formPosts; }
    QString sessionUser(const QByteArray &value) const { return m_sessions.value(value); }

private:
    SimResponse answer(const SimRequest &request)
    {
        m_userAgents.append(request.header("User-Agent"));
        if (m_fixed.contains(request.path))
            return m_fixed.value(request.path);
        const QString prefix = request.path.startsWith(QLatin1String("/sso/")) ? QStringLiteral("sso") : QString();
        const QString prefixPath = prefix.isEmpty() ? QString() : QLatin1Char('/') + prefix;
        const QByteArray cookieName =
            prefix.isEmpty() ? QByteArrayLiteral("X-Qlik-Session") : "X-Qlik-Session-" + prefix.toLatin1();
        const QString path = request.path.mid(prefixPath.size());

        if (request.query.hasQueryItem(QStringLiteral("qlikTicket"))) {
            const QString user = m_tickets.take(request.query.queryItemValue(QStringLiteral("qlikTicket")));
            if (user.isEmpty())
                return text(403, QByteArrayLiteral("Invalid ticket"));
            const QByteArray session = QUuid::createUuid().toByteArray(QUuid::WithoutBraces);
            m_sessions.insert(session, user);
            QUrlQuery rest = request.query;
            rest.removeAllQueryItems(QStringLiteral("qlikTicket"));
            QString target = request.path;
            if (!rest.isEmpty())
                target += QLatin1Char('?') + rest.toString(QUrl::FullyEncoded);
            SimResponse redirect = SimResponse::redirect(302, target);
            redirect.headers.append(
                {QByteArrayLiteral("Set-Cookie"), cookieName + '=' + session + "; Path=/; HttpOnly; Secure"});
            return redirect;
        }
        if (path.startsWith(QLatin1String("/internal_forms_authentication")))
            return formLogin(request);
        if (path.startsWith(QLatin1String("/internal_windows_authentication")))
            return windowsLogin(request);

        const QString user = sessionFrom(request, cookieName);
        if (user.isEmpty()) {
            if (m_elsewhere.isValid())
                return SimResponse::redirect(302, m_elsewhere.toString());
            const QString id = QString::number(m_targets.size() + 1);
            m_targets.insert(id, request.path);
            const bool windows = m_ntlm && request.header("User-Agent").contains("Windows");
            return SimResponse::redirect(302,
                                         prefixPath
                                             + (windows ? QStringLiteral("/internal_windows_authentication/")
                                                        : QStringLiteral("/internal_forms_authentication/"))
                                             + QStringLiteral("?targetId=") + id);
        }
        const User &record = m_users[user];
        if (record.inactive)
            return text(403, QByteArrayLiteral("Your account is inactive. Contact your administrator to activate it."));
        if (path == QLatin1String("/qps/user")) {
            const QStringList parts = user.split(QLatin1Char('\\'));
            return SimResponse::json(200,
                                     QJsonObject {{QStringLiteral("userDirectory"), parts.at(0)},
                                                  {QStringLiteral("userId"), parts.at(1)},
                                                  {QStringLiteral("userName"), record.name},
                                                  {QStringLiteral("logoutUri"), QStringLiteral("/qps/user")},
                                                  {QStringLiteral("session"), QStringLiteral("s")}});
        }
        if (path == QLatin1String("/qrs/about")) {
            const QByteArray key = request.header("X-Qlik-Xrfkey");
            if (!Xrfkey::isWellFormed(key)
                || request.query.queryItemValue(QStringLiteral("xrfkey")) != QLatin1String(key))
                return text(400, {});
            return SimResponse::json(200, QJsonObject {{QStringLiteral("buildVersion"), QStringLiteral("31.22.7.0")}});
        }
        return text(404, {});
    }

    QString sessionFrom(const SimRequest &request, const QByteArray &cookieName) const
    {
        for (const QByteArray &pair : request.header("Cookie").split(';')) {
            const QByteArray trimmed = pair.trimmed();
            if (trimmed.startsWith(QByteArray(cookieName + '=')))
                return m_sessions.value(trimmed.mid(cookieName.size() + 1));
        }
        return {};
    }

    QString ticketFor(const QString &user)
    {
        const QString ticket = QUuid::createUuid().toString(QUuid::Id128);
        m_tickets.insert(ticket, user);
        return ticket;
    }

    SimResponse backToTarget(const SimRequest &request, const QString &user)
    {
        const QString target = m_targets.value(request.query.queryItemValue(QStringLiteral("targetId")));
        return SimResponse::redirect(302, target + QStringLiteral("?qlikTicket=") + ticketFor(user));
    }

    SimResponse formLogin(const SimRequest &request)
    {
        const QByteArray page = "<html><body><form method=\"post\" action=\"" + request.path.toUtf8() + "?"
            + request.rawQuery.toUtf8().replace("&", "&amp;") + "\">"
            + "<input type=\"text\" name=\"username\"><input type=\"password\" name=\"pwd\">"
            + "<button type=\"submit\">Log in</button></form>";
        if (request.method == "GET")
            return SimResponse::html(200, page + "</body></html>");
        ++m_formPosts;
        const QUrlQuery form(QString::fromUtf8(request.body));
        const QString user = form.queryItemValue(QStringLiteral("username"), QUrl::FullyDecoded);
        const QByteArray given = form.queryItemValue(QStringLiteral("pwd"), QUrl::FullyDecoded).toUtf8();
        if (request.contentType() == "application/x-www-form-urlencoded" && m_users.contains(user)
            && m_users.value(user).password == given)
            return backToTarget(request, user);
        return SimResponse::html(200, page + "<p class=\"error\">Incorrect user name or password</p></body></html>");
    }

    SimResponse windowsLogin(const SimRequest &request)
    {
        const QByteArray authorization = request.header("Authorization");
        SimResponse askAgain = text(401, {});
        for (const QByteArray &challenge : m_windowsChallenges)
            askAgain.headers.append({QByteArrayLiteral("WWW-Authenticate"), challenge});
        if (!authorization.startsWith("NTLM "))
            return askAgain;
        const QByteArray message = QByteArray::fromBase64(authorization.mid(5));
        if (!message.startsWith(QByteArray("NTLMSSP\0", 8)) || message.size() < 12)
            return askAgain;
        const quint32 type = qFromLittleEndian<quint32>(message.constData() + 8);
        if (type == 1) {
            return text(401, {}, {{QByteArrayLiteral("WWW-Authenticate"), "NTLM " + challengeMessage().toBase64()}});
        }
        ++m_authenticateMessages;
        // NTLMv2: the proof is HMAC-MD5 over the server's challenge and the client's blob, keyed with the hash of
        // the password, the upper-case user name and the domain.
        const QByteArray response = securityBuffer(message, 20);
        const QString domain = fromUtf16le(securityBuffer(message, 28));
        const QString userId = fromUtf16le(securityBuffer(message, 36));
        const QString user = domain.toUpper() + QLatin1Char('\\') + userId.toLower();
        if (response.size() <= 16 || !m_users.contains(user))
            return askAgain;
        const QByteArray passwordHash =
            QCryptographicHash::hash(utf16le(QString::fromUtf8(m_users.value(user).password)), QCryptographicHash::Md4);
        const QByteArray v2Hash = hmacMd5(passwordHash, utf16le(userId.toUpper()) + utf16le(domain));
        if (hmacMd5(v2Hash, serverChallenge + response.mid(16)) != response.left(16))
            return askAgain;
        return backToTarget(request, user);
    }

    SimulatorHost m_host;
    QHash<QString, User> m_users;
    QHash<QString, QString> m_targets;
    QHash<QString, QString> m_tickets;
    QHash<QByteArray, QString> m_sessions;
    QHash<QString, SimResponse> m_fixed;
    QUrl m_elsewhere;
    bool m_ntlm = false;
    QList<QByteArray> m_windowsChallenges {QByteArrayLiteral("Negotiate"), QByteArrayLiteral("NTLM")};
    QList<QByteArray> m_userAgents;
    int m_authenticateMessages = 0;
    int m_formPosts = 0;
};

class TestProxySignIn : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();

    void formSignInEndsWithTheSessionAndTheUser_data();
    void formSignInEndsWithTheSessionAndTheUser();
    void wrongPasswordOnTheForm();
    void windowsSignInByNtlm();
    void wrongPasswordForWindowsIsGivenOnce();
    void windowsSignInGoesToItsOwnRequestOnly();
    void windowsLoginWithKerberosOnly();
    void inactiveAccount();
    void signInElsewhereIsNotFollowed();
    void hostNotOnTheAllowList();
    void noAnswerAndUntrustedCertificate();
    void notDomainBackslashUser();
    void cancelReportsCancelled();
    void formIsReadFromItsHtml();

private:
    ProxySignInResult signIn(ProxySite &site, const QString &user, const QByteArray &secret, const QString &prefix = {},
                             bool trusted = true, std::chrono::milliseconds timeout = std::chrono::seconds(15));

    std::unique_ptr<TlsTrust> m_trust;
};

void TestProxySignIn::initTestCase()
{
    // This site speaks Qlik Sense Enterprise; the exchange log is held to Qlik Cloud's specs.
    qunsetenv("DQS_SIMULATOR_EXCHANGE_LOG");
    qRegisterMetaType<Dawiso::ProxySignInResult>();
}

void TestProxySignIn::init()
{
    m_trust = std::make_unique<TlsTrust>();
}

ProxySignInResult TestProxySignIn::signIn(ProxySite &site, const QString &user, const QByteArray &secret,
                                          const QString &prefix, bool trusted, std::chrono::milliseconds timeout)
{
    if (!site.host().isListening() && !site.host().start())
        return {};
    if (trusted)
        m_trust->pin(site.host().hostAndPort(), CertificateSummary::sha256(site.host().certificate()));
    ProxySignIn signIn(m_trust.get());
    QlikRequestOptions options;
    options.timeout = timeout;
    signIn.setRequestOptions(options);
    QSignalSpy finished(&signIn, &ProxySignIn::finished);
    QUrl base = site.host().baseUrl();
    base.setPath(prefix);
    signIn.start(base, user, QByteArray(secret));
    if (!finished.wait(40000))
        return {};
    [&] {
        QCOMPARE(finished.size(), 1);
    }();
    return finished.at(0).at(0).value<ProxySignInResult>();
}

void TestProxySignIn::formSignInEndsWithTheSessionAndTheUser_data()
{
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QByteArray>("cookieName");
    QTest::newRow("default virtual proxy") << QString() << QByteArrayLiteral("X-Qlik-Session");
    QTest::newRow("prefix sso") << QStringLiteral("/sso") << QByteArrayLiteral("X-Qlik-Session-sso");
}

void TestProxySignIn::formSignInEndsWithTheSessionAndTheUser()
{
    QFETCH(QString, prefix);
    QFETCH(QByteArray, cookieName);
    ProxySite site;
    const ProxySignInResult result = signIn(site, adminUser, password, prefix);
    QVERIFY2(result.ok(), qPrintable(result.summary.message + QLatin1Char(' ') + result.summary.advice));
    QCOMPARE(result.cookieName, cookieName);
    QCOMPARE(site.sessionUser(result.cookieValue), adminUser);
    QCOMPARE(result.userDirectory, QStringLiteral("CORP"));
    QCOMPARE(result.userId, QStringLiteral("qlikadmin"));
    QCOMPARE(result.userName, QStringLiteral("Quinn Admin"));
    QCOMPARE(site.formPosts(), 1);
    for (const QByteArray &agent : site.userAgents()) {
        QVERIFY2(agent.contains("Windows") && agent.startsWith("DawisoQlikSetup/"), agent.constData());
    }
    // Neither the password nor the session went into an address.
    for (const auto &request : site.host().requests()) {
        QVERIFY(!request.query.contains(QLatin1String("practice-password")));
        QVERIFY(!request.query.contains(QString::fromLatin1(result.cookieValue)));
    }

    // The session is what the QRS client goes on with.
    QNetworkAccessManager network;
    QrsClient qrs(&network, m_trust.get());
    QUrl base = site.host().baseUrl();
    base.setPath(prefix);
    qrs.setBaseUrl(base);
    qrs.setSessionCookie(result.cookieName, result.cookieValue);
    QlikRequest *about = qrs.get(QStringLiteral("/qrs/about"));
    QSignalSpy done(about, &QlikRequest::finished);
    about->start();
    QVERIFY(done.wait(20000));
    QVERIFY(about->isSuccess());
}

void TestProxySignIn::wrongPasswordOnTheForm()
{
    ProxySite site;
    const ProxySignInResult result = signIn(site, adminUser, QByteArrayLiteral("not-the-password"));
    QCOMPARE(result.kind, ProxySignInResult::Kind::WrongCredentials);
    QVERIFY2(result.summary.message.contains(QLatin1String("did not accept the user name or the password")),
             qPrintable(result.summary.message));
    QVERIFY(result.summary.message.contains(adminUser));
    QCOMPARE(result.summary.detail, QStringLiteral("Incorrect user name or password"));
    QVERIFY(result.cookieValue.isEmpty());
    // Once: a form shown again is the answer, not a reason to post again.
    QCOMPARE(site.formPosts(), 1);

    ProxySite again;
    QCOMPARE(signIn(again, QStringLiteral("CORP\\nobody"), password).kind, ProxySignInResult::Kind::WrongCredentials);
}

void TestProxySignIn::windowsSignInByNtlm()
{
    ProxySite site;
    site.setNtlm(true);
    const ProxySignInResult result = signIn(site, adminUser, password);
    QVERIFY2(result.ok(), qPrintable(result.summary.message + QLatin1Char(' ') + result.summary.detail));
    QCOMPARE(result.cookieName, QByteArrayLiteral("X-Qlik-Session"));
    QCOMPARE(site.sessionUser(result.cookieValue), adminUser);
    QCOMPARE(result.userName, QStringLiteral("Quinn Admin"));
    QCOMPARE(site.authenticateMessages(), 1);
    QCOMPARE(site.formPosts(), 0);
}

void TestProxySignIn::wrongPasswordForWindowsIsGivenOnce()
{
    ProxySite site;
    site.setNtlm(true);
    const ProxySignInResult result = signIn(site, adminUser, QByteArrayLiteral("not-the-password"));
    QCOMPARE(result.kind, ProxySignInResult::Kind::WrongCredentials);
    QVERIFY2(result.summary.message.contains(QLatin1String("Windows did not accept")),
             qPrintable(result.summary.message));
    QCOMPARE(site.authenticateMessages(), 1);
}

void TestProxySignIn::windowsSignInGoesToItsOwnRequestOnly()
{
    // Two requests to Windows logins on one network manager, which asks every listener about every challenge: while
    // the one given the sign-in waits for its answer, the other one's challenge comes and stays unanswered. (Once
    // given, Qt keeps a Windows sign-in for later requests to that origin on the same manager: that is why
    // ProxySignIn has a manager of its own.)
    ProxySite site;
    site.setNtlm(true);
    site.host().setResponseDelay(QStringLiteral("/sso/internal_windows_authentication"), -1);
    QVERIFY(site.host().start());
    m_trust->pin(site.host().hostAndPort(), CertificateSummary::sha256(site.host().certificate()));
    QUrl ownLogin = site.host().baseUrl();
    ownLogin.setPath(QStringLiteral("/sso/internal_windows_authentication/"));
    ownLogin.setQuery(QStringLiteral("targetId=1"));
    QUrl otherLogin = ownLogin;
    otherLogin.setPath(QStringLiteral("/internal_windows_authentication/"));
    QNetworkAccessManager network;
    QlikRequestOptions plain;
    plain.authenticated = false;
    plain.followRedirects = false;
    QlikRequestOptions signingIn = plain;
    signingIn.httpAuthenticationUser = adminUser;
    signingIn.httpAuthenticationPassword = password;
    auto *own = new QlikRequest(&network, m_trust.get(), ownLogin, {}, signingIn);
    auto *other = new QlikRequest(&network, m_trust.get(), otherLogin, {}, plain);
    QSignalSpy otherDone(other, &QlikRequest::finished);
    own->start();
    QTRY_COMPARE(site.host().requestCount(QStringLiteral("/sso/internal_windows_authentication")), 1);
    other->start();
    QVERIFY(otherDone.wait(20000));
    QCOMPARE(other->httpStatus(), 401);
    QCOMPARE(site.authenticateMessages(), 0);
    QVERIFY(!own->isFinished());
    own->cancel();
}

void TestProxySignIn::windowsLoginWithKerberosOnly()
{
    ProxySite site;
    site.setNtlm(true);
    site.setWindowsChallenges({QByteArrayLiteral("Negotiate")});
    const ProxySignInResult result = signIn(site, adminUser, password);
    QCOMPARE(result.kind, ProxySignInResult::Kind::OtherSignIn);
    QVERIFY2(result.summary.message.contains(QLatin1String("Kerberos")), qPrintable(result.summary.message));
    QCOMPARE(site.authenticateMessages(), 0);
}

void TestProxySignIn::inactiveAccount()
{
    ProxySite site;
    const ProxySignInResult result = signIn(site, QStringLiteral("CORP\\former"), password);
    QCOMPARE(result.kind, ProxySignInResult::Kind::AccountInactive);
    QVERIFY2(result.summary.message.contains(QLatin1String("Your account is inactive")),
             qPrintable(result.summary.message));
    QVERIFY(result.summary.advice.contains(QLatin1String("QMC")));
    QVERIFY(result.cookieValue.isEmpty());
}

void TestProxySignIn::signInElsewhereIsNotFollowed()
{
    SimulatorHost identityProvider;
    QVERIFY(identityProvider.start());
    QUrl saml = identityProvider.baseUrl();
    saml.setPath(QStringLiteral("/saml2/sso"));
    ProxySite site;
    site.setSignInElsewhere(saml);
    const ProxySignInResult result = signIn(site, adminUser, password);
    QCOMPARE(result.kind, ProxySignInResult::Kind::OtherSignIn);
    QVERIFY2(result.summary.message.contains(identityProvider.hostAndPort()), qPrintable(result.summary.message));
    QVERIFY(result.summary.advice.contains(QLatin1String("SAML")));
    QCOMPARE(identityProvider.requests().size(), 0);
}

void TestProxySignIn::hostNotOnTheAllowList()
{
    ProxySite site;
    site.answerWith(QStringLiteral("/qps/user"), 400, QByteArrayLiteral("The http request header is incorrect."));
    const ProxySignInResult result = signIn(site, adminUser, password);
    QCOMPARE(result.kind, ProxySignInResult::Kind::Refused);
    QVERIFY2(result.summary.message.contains(QLatin1String("does not accept the address localhost")),
             qPrintable(result.summary.message));
    QVERIFY(result.summary.advice.contains(QLatin1String("full name")));
}

void TestProxySignIn::noAnswerAndUntrustedCertificate()
{
    ProxySite untrusted;
    const ProxySignInResult notTrusted = signIn(untrusted, adminUser, password, {}, false);
    QCOMPARE(notTrusted.kind, ProxySignInResult::Kind::Network);
    QCOMPARE(notTrusted.requestFailure.kind(), RequestFailure::Kind::TlsUntrusted);
    QVERIFY(notTrusted.summary.message.startsWith(QLatin1String("Signing in failed: ")));

    ProxySite slow;
    slow.host().setResponseDelay(QStringLiteral("/internal_forms_authentication"), -1);
    const ProxySignInResult timedOut = signIn(slow, adminUser, password, {}, true, std::chrono::milliseconds(1000));
    QCOMPARE(timedOut.kind, ProxySignInResult::Kind::Network);
    QCOMPARE(timedOut.requestFailure.kind(), RequestFailure::Kind::TimedOut);
    QVERIFY2(timedOut.summary.message.contains(QLatin1String("did not answer")), qPrintable(timedOut.summary.message));
}

void TestProxySignIn::notDomainBackslashUser()
{
    ProxySite site;
    for (const QString &user : {QStringLiteral("qlikadmin"), QStringLiteral("qlikadmin@corp.example"),
                                QStringLiteral("\\qlikadmin"), QStringLiteral("CORP\\")}) {
        const ProxySignInResult result = signIn(site, user, password);
        QCOMPARE(result.kind, ProxySignInResult::Kind::InvalidInput);
        QVERIFY(result.summary.message.contains(QLatin1String("DOMAIN\\user")));
    }
    QCOMPARE(site.host().requests().size(), 0);
    QCOMPARE(signIn(site, adminUser, {}).kind, ProxySignInResult::Kind::InvalidInput);
}

void TestProxySignIn::cancelReportsCancelled()
{
    ProxySite site;
    site.host().setResponseDelay(QStringLiteral("/qps/user"), -1);
    QVERIFY(site.host().start());
    m_trust->pin(site.host().hostAndPort(), CertificateSummary::sha256(site.host().certificate()));
    ProxySignIn signIn(m_trust.get());
    QSignalSpy finished(&signIn, &ProxySignIn::finished);
    signIn.start(site.host().baseUrl(), adminUser, QByteArray(password));
    QTRY_COMPARE(site.host().requests().size(), 1);
    signIn.cancel();
    QVERIFY(finished.wait(5000));
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.at(0).at(0).value<ProxySignInResult>().kind, ProxySignInResult::Kind::Cancelled);
    QVERIFY(!signIn.isRunning());
}

void TestProxySignIn::formIsReadFromItsHtml()
{
    const QUrl page(QStringLiteral("https://qlikserver1.corp.example/sso/internal_forms_authentication/?targetId=9"));
    const SignInForm form = SignInForm::parse(
        "<html><form id='login' method='POST' action='/sso/internal_forms_authentication/?targetId=9&amp;x=1'>"
        "<input type=hidden name=\"csrf\" value=\"a\"><input name='user' type='text'>"
        "<INPUT TYPE=\"password\" NAME=\"secret\"></form><p class=\"login error\">Wrong <b>user</b> &amp; password</p>",
        page);
    QVERIFY(form.isValid());
    QCOMPARE(
        form.action(),
        QUrl(QStringLiteral("https://qlikserver1.corp.example/sso/internal_forms_authentication/?targetId=9&x=1")));
    QCOMPARE(form.userField(), QStringLiteral("user"));
    QCOMPARE(form.passwordField(), QStringLiteral("secret"));
    QCOMPARE(form.errorText(), QStringLiteral("Wrong user & password"));

    QVERIFY(!SignInForm::parse("<form action='/x'><input name='q'></form>", page).isValid());
    const SignInForm here =
        SignInForm::parse("<form method=post><input name=u><input type=password name=p></form>", page);
    QVERIFY(here.isValid());
    QCOMPARE(here.action(), page);

    // An attribute is only ever the whole name before "=": neither a longer name ending in it nor a quoted value
    // holding "name=" stands in for it.
    const SignInForm tricky = SignInForm::parse(
        "<form data-action='/wrong' action='/right'><input title='name=decoy' data-name=\"other\" name='user'>"
        "<input placeholder=\"type=password\" type=password name='pwd'></form>",
        page);
    QVERIFY(tricky.isValid());
    QCOMPARE(tricky.action(), QUrl(QStringLiteral("https://qlikserver1.corp.example/right")));
    QCOMPARE(tricky.userField(), QStringLiteral("user"));
    QCOMPARE(tricky.passwordField(), QStringLiteral("pwd"));
}

QTEST_GUILESS_MAIN(TestProxySignIn)
#include "tst_proxysignin.moc"
