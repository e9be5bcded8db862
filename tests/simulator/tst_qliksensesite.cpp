// The simulated Qlik Sense Enterprise on Windows site over real HTTPS from a QNetworkAccessManager: the site's CA,
// the server and client certificates, mutual TLS on the repository port, xrfkey and X-Qlik-User, the filter grammar,
// who sees what, the form login through the proxy with its tickets and cookies, and the faults tests switch on.
#include "simulator/onprem/QlikSenseSite.h"
#include "simulator/onprem/QrsFilterParser.h"

#include <QAuthenticator>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

#include <memory>

using namespace Dawiso::Simulator;

namespace {

constexpr int replyTimeoutMs = 20000;
const QByteArray xrfkey = QByteArrayLiteral("abcdefghij012345");
const QByteArray passphrase = QByteArrayLiteral("bundle-passphrase");
const QByteArray password = QByteArrayLiteral("practice-password");
const QByteArray windowsAgent = QByteArrayLiteral("Mozilla/5.0 (Windows NT 10.0; Win64; x64) DawisoQlikSetup");
const QByteArray inactiveText =
    QByteArrayLiteral("Your account is inactive. Contact your administrator to activate it.");

struct Answer
{
    bool finished = false;
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QSslError::SslError> sslErrors;
    QSslCertificate peerCertificate;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers; // lowercase names

    QJsonArray array() const { return QJsonDocument::fromJson(body).array(); }
    QJsonObject object() const { return QJsonDocument::fromJson(body).object(); }
    QUrl location() const { return QUrl::fromEncoded(headers.value("location")); }
};

struct Call
{
    QUrl url;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray verb = "GET";
    QByteArray body;
    QList<QSslCertificate> trusted; // the trust anchors; empty: the system's
    QSslCertificate clientCertificate;
    QSslKey clientKey;
    // Errors to go on despite (matched by kind only); none by default.
    QList<QSslError::SslError> ignoredErrors;
};

QByteArray readFile(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestQlikSenseSite : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void siteCaIsTheOnlyTrustNeeded();
    void ipAddressIsANameMismatchThatOffersLocalhost();
    void expiredServerCertificateIsReported();
    void repositoryRequiresAClientCertificateFromTheSiteCa();
    void xrfkeyIsEnforced();
    void qlikUserHeaderNamesTheRepositoryCaller();
    void whoSeesWhat();
    void filterParserFollowsTheGrammar();
    void filterSelectsWithDoubledQuotes();
    void formLoginThroughTheProxyEndToEnd();
    void wrongPasswordShowsTheFormAgain();
    void inactiveUserSessionIsRefused();
    void ssoPrefixHasItsOwnCookie();
    void unknownPrefixSignsInThroughTheDefaultProxy();
    void hostNotOnTheAllowListGets400();
    void productInfoWithoutSignIn();
    void forbiddenQrsPathsOnBothPorts();
    void certificateBundleLoadsWithQt();
    void siteStaysOutOfTheExchangeLog();
    void ntlmSignInReachesQpsUser();
    void ntlmWithAWrongPasswordIsRefused();
    void windowsUserAgentGetsTheFormWhenNtlmIsOff();

private:
    Answer send(const Call &call);
    // GET on the repository port with the bundle's client certificate, the xrfkey, and X-Qlik-User when given.
    Answer repositoryGet(const QString &pathAndQuery, const QByteArray &qlikUser = {});
    // GET through the proxy with the session cookie (and the xrfkey for /qrs/ paths).
    Answer proxyGet(const QString &pathAndQuery, const QByteArray &cookie = {});
    // The whole form login through the proxy, starting at pathAndQuery; returns "<name>=<value>" of the session
    // cookie, or an empty array (with a failed QVERIFY) when a step went wrong.
    QByteArray signIn(const QString &pathAndQuery, const QByteArray &userName, const QByteArray &userPassword);
    QUrl proxyUrl(const QString &pathAndQuery) const { return QUrl(m_site->proxyBaseUrl().toString() + pathAndQuery); }
    QUrl repositoryUrl(const QString &pathAndQuery) const
    {
        return QUrl(m_site->repositoryBaseUrl().toString() + pathAndQuery);
    }
    static QString withXrfkey(const QString &pathAndQuery);

    std::unique_ptr<QlikSenseSite> m_site;
    std::unique_ptr<QTemporaryDir> m_bundle;
};

void TestQlikSenseSite::init()
{
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY2(m_site->start(), qPrintable(m_site->errorString()));
    m_bundle = std::make_unique<QTemporaryDir>();
    QVERIFY(m_bundle->isValid());
    QVERIFY2(m_site->writeCertificateBundle(m_bundle->path(), passphrase), qPrintable(m_site->errorString()));
}

void TestQlikSenseSite::cleanup()
{
    m_site.reset();
    m_bundle.reset();
}

Answer TestQlikSenseSite::send(const Call &call)
{
    // A fresh manager per call: no connection, TLS session or cookie carries over from one call to the next.
    QNetworkAccessManager network;
    QNetworkRequest request(call.url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    if (!call.trusted.isEmpty())
        tls.setCaCertificates(call.trusted);
    if (!call.clientCertificate.isNull()) {
        tls.setLocalCertificate(call.clientCertificate);
        tls.setPrivateKey(call.clientKey);
    }
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    request.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    for (const auto &header : call.headers)
        request.setRawHeader(header.first, header.second);

    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, call.verb, call.body));
    Answer answer;
    connect(reply.get(), &QNetworkReply::sslErrors, this, [&](const QList<QSslError> &errors) {
        QList<QSslError> ignored;
        for (const QSslError &error : errors) {
            answer.sslErrors.append(error.error());
            answer.peerCertificate = reply->sslConfiguration().peerCertificate();
            if (call.ignoredErrors.contains(error.error()))
                ignored.append(error);
        }
        if (ignored.size() == errors.size())
            reply->ignoreSslErrors(ignored);
    });
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    answer.finished = reply->isFinished() || finished.wait(replyTimeoutMs);
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    if (answer.peerCertificate.isNull())
        answer.peerCertificate = reply->sslConfiguration().peerCertificate();
    for (const auto &pair : reply->rawHeaderPairs())
        answer.headers.insert(pair.first.toLower(), pair.second);
    if (reply->isOpen())
        answer.body = reply->readAll();
    return answer;
}

QString TestQlikSenseSite::withXrfkey(const QString &pathAndQuery)
{
    return pathAndQuery + (pathAndQuery.contains(u'?') ? u'&' : u'?') + QStringLiteral("xrfkey=")
        + QString::fromLatin1(xrfkey);
}

Answer TestQlikSenseSite::repositoryGet(const QString &pathAndQuery, const QByteArray &qlikUser)
{
    Call call;
    call.url = repositoryUrl(withXrfkey(pathAndQuery));
    call.trusted = {m_site->siteCa()};
    call.clientCertificate = QSslCertificate(readFile(m_bundle->filePath(QStringLiteral("client.pem"))));
    call.clientKey = QSslKey(readFile(m_bundle->filePath(QStringLiteral("client_key.pem"))), QSsl::Rsa);
    call.headers = {{"X-Qlik-Xrfkey", xrfkey}};
    if (!qlikUser.isEmpty())
        call.headers.append({"X-Qlik-User", qlikUser});
    return send(call);
}

Answer TestQlikSenseSite::proxyGet(const QString &pathAndQuery, const QByteArray &cookie)
{
    Call call;
    const bool qrs = pathAndQuery.contains(QLatin1String("/qrs/"));
    call.url = proxyUrl(qrs ? withXrfkey(pathAndQuery) : pathAndQuery);
    call.trusted = {m_site->siteCa()};
    if (qrs)
        call.headers.append({"X-Qlik-Xrfkey", xrfkey});
    if (!cookie.isEmpty())
        call.headers.append({"Cookie", cookie});
    return send(call);
}

QByteArray TestQlikSenseSite::signIn(const QString &pathAndQuery, const QByteArray &userName,
                                     const QByteArray &userPassword)
{
    const Answer start = proxyGet(pathAndQuery);
    if (start.status != 302)
        return {};
    Call form;
    form.url = start.location();
    form.trusted = {m_site->siteCa()};
    const Answer page = send(form);
    if (page.status != 200 || !page.body.contains("name=\"pwd\""))
        return {};
    form.verb = "POST";
    form.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    form.body = "username=" + QUrl::toPercentEncoding(QString::fromUtf8(userName))
        + "&pwd=" + QUrl::toPercentEncoding(QString::fromUtf8(userPassword));
    const Answer posted = send(form);
    if (posted.status != 302)
        return {};
    Call ticket;
    ticket.url = posted.location();
    ticket.trusted = {m_site->siteCa()};
    const Answer redeemed = send(ticket);
    if (redeemed.status != 302)
        return {};
    const QByteArray setCookie = redeemed.headers.value("set-cookie");
    return setCookie.left(setCookie.indexOf(';'));
}

void TestQlikSenseSite::siteCaIsTheOnlyTrustNeeded()
{
    QCOMPARE(m_site->siteCa().subjectInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("QLIKSERVER1-CA")});
    QCOMPARE(m_site->serverCertificate().issuerInfo(QSslCertificate::CommonName),
             QStringList {QStringLiteral("QLIKSERVER1-CA")});
    QCOMPARE(m_site->proxyBaseUrl().toString(), QStringLiteral("https://localhost:%1").arg(m_site->proxy()->port()));
    QCOMPARE(m_site->repositoryHostAndPort(), QStringLiteral("localhost:%1").arg(m_site->repository()->port()));
    QVERIFY(m_site->proxy()->port() != m_site->repository()->port());

    const Answer trusted = proxyGet(QStringLiteral("/resources/autogenerated/product-info.json"));
    QCOMPARE(trusted.error, QNetworkReply::NoError);
    QCOMPARE(trusted.status, 200);
    QVERIFY(trusted.sslErrors.isEmpty());

    Call untrusted;
    untrusted.url = proxyUrl(QStringLiteral("/resources/autogenerated/product-info.json"));
    const Answer refused = send(untrusted); // the system's CAs only
    QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(refused.status, 0);
    QVERIFY2(refused.sslErrors.contains(QSslError::UnableToGetLocalIssuerCertificate)
                 || refused.sslErrors.contains(QSslError::UnableToVerifyFirstCertificate),
             qPrintable(QString::number(refused.sslErrors.size())));
    QCOMPARE(refused.peerCertificate, m_site->serverCertificate());
}

void TestQlikSenseSite::ipAddressIsANameMismatchThatOffersLocalhost()
{
    Call byAddress;
    byAddress.url = QUrl(
        QStringLiteral("https://127.0.0.1:%1/resources/autogenerated/product-info.json").arg(m_site->proxy()->port()));
    byAddress.trusted = {m_site->siteCa()};
    const Answer mismatch = send(byAddress);
    QCOMPARE(mismatch.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(mismatch.sslErrors, QList<QSslError::SslError> {QSslError::HostNameMismatch});
    const auto names = mismatch.peerCertificate.subjectAlternativeNames();
    QCOMPARE(names.values(QSsl::DnsEntry), QList<QString> {QStringLiteral("localhost")});
    QVERIFY(names.values(QSsl::IpAddressEntry).isEmpty());

    // Going on despite the mismatch reaches the proxy, whose allow list knows no 127.0.0.1 either.
    byAddress.ignoredErrors = {QSslError::HostNameMismatch};
    const Answer ignored = send(byAddress);
    QCOMPARE(ignored.status, 400);
    QCOMPARE(ignored.body, QByteArray("The http request header is incorrect."));

    // A site whose certificate names the address too.
    QlikSenseSite named;
    named.setServerNames({QStringLiteral("localhost"), QStringLiteral("127.0.0.1")});
    QVERIFY(named.start());
    byAddress.url.setPort(named.proxy()->port());
    byAddress.trusted = {named.siteCa()};
    byAddress.ignoredErrors.clear();
    const Answer matching = send(byAddress);
    QVERIFY(matching.sslErrors.isEmpty());
    QCOMPARE(matching.status, 200);
}

void TestQlikSenseSite::expiredServerCertificateIsReported()
{
    QlikSenseSite expired;
    expired.setExpiredServerCertificate(true);
    QVERIFY(expired.serverCertificate().expiryDate() < QDateTime::currentDateTimeUtc());
    QVERIFY(expired.start());
    Call call;
    call.url = QUrl(expired.proxyBaseUrl().toString() + QStringLiteral("/resources/autogenerated/product-info.json"));
    call.trusted = {expired.siteCa()};
    const Answer answer = send(call);
    QCOMPARE(answer.error, QNetworkReply::SslHandshakeFailedError);
    QCOMPARE(answer.sslErrors, QList<QSslError::SslError> {QSslError::CertificateExpired});
}

void TestQlikSenseSite::repositoryRequiresAClientCertificateFromTheSiteCa()
{
    const Answer withBundle = repositoryGet(QStringLiteral("/qrs/about"));
    QCOMPARE(withBundle.error, QNetworkReply::NoError);
    QCOMPARE(withBundle.status, 200);
    QCOMPARE(withBundle.object().value(u"buildVersion").toString(), QStringLiteral("31.22.7.0"));
    QCOMPARE(withBundle.object().value(u"schemaPath").toString(), QStringLiteral("About"));
    QCOMPARE(m_site->repository()->requests().size(), 1);
    QCOMPARE(m_site->repository()->requests().at(0).clientCertificate.subjectInfo(QSslCertificate::CommonName),
             QStringList {QStringLiteral("QlikClient")});

    Call call;
    call.url = repositoryUrl(withXrfkey(QStringLiteral("/qrs/about")));
    call.trusted = {m_site->siteCa()};
    call.headers = {{"X-Qlik-Xrfkey", xrfkey}};
    const Answer without = send(call);
    QVERIFY(without.error != QNetworkReply::NoError);
    QCOMPARE(without.status, 0);

    for (const QString &name : {QStringLiteral("other_client"), QStringLiteral("expired_client")}) {
        call.clientCertificate = QSslCertificate(readFile(m_bundle->filePath(name + QStringLiteral(".pem"))));
        call.clientKey = QSslKey(readFile(m_bundle->filePath(name + QStringLiteral("_key.pem"))), QSsl::Ec);
        QVERIFY(!call.clientCertificate.isNull());
        QVERIFY(!call.clientKey.isNull());
        const Answer refused = send(call);
        QVERIFY2(refused.error != QNetworkReply::NoError, qPrintable(name));
        QCOMPARE(refused.status, 0);
    }
    QCOMPARE(m_site->repository()->requests().size(), 1);

    // The proxy asks for no client certificate.
    QCOMPARE(proxyGet(QStringLiteral("/resources/autogenerated/product-info.json")).status, 200);
}

void TestQlikSenseSite::xrfkeyIsEnforced()
{
    Call call;
    call.trusted = {m_site->siteCa()};
    call.clientCertificate = m_site->clientCertificate();
    call.clientKey = m_site->clientKey();

    call.url = repositoryUrl(QStringLiteral("/qrs/about"));
    call.headers = {{"X-Qlik-Xrfkey", xrfkey}};
    Answer answer = send(call);
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.body.isEmpty());

    call.url = repositoryUrl(QStringLiteral("/qrs/about?xrfkey=") + QString::fromLatin1(xrfkey));
    call.headers = {{"X-Qlik-Xrfkey", "abcdefghij012346"}};
    answer = send(call);
    QCOMPARE(answer.status, 400);
    QVERIFY(answer.body.isEmpty());

    call.headers.clear();
    QCOMPARE(send(call).status, 400);

    call.url = repositoryUrl(QStringLiteral("/qrs/about?xrfkey=abcdefghij01234"));
    call.headers = {{"X-Qlik-Xrfkey", "abcdefghij01234"}}; // 15 characters
    QCOMPARE(send(call).status, 400);
    call.url = repositoryUrl(QStringLiteral("/qrs/about?xrfkey=abcdefghij01234-"));
    call.headers = {{"X-Qlik-Xrfkey", "abcdefghij01234-"}};
    QCOMPARE(send(call).status, 400);

    // The parameter's name in any case.
    call.url = repositoryUrl(QStringLiteral("/qrs/about?XrfKey=") + QString::fromLatin1(xrfkey));
    call.headers = {{"x-qlik-xrfkey", xrfkey}};
    QCOMPARE(send(call).status, 200);

    // Through the proxy too, with a session.
    const QByteArray cookie = signIn(QStringLiteral("/qps/user"), "CORP\\qlikadmin", password);
    QVERIFY(!cookie.isEmpty());
    Call proxied;
    proxied.url = proxyUrl(QStringLiteral("/qrs/about"));
    proxied.trusted = {m_site->siteCa()};
    proxied.headers = {{"Cookie", cookie}};
    QCOMPARE(send(proxied).status, 400);
    QCOMPARE(proxyGet(QStringLiteral("/qrs/about"), cookie).status, 200);
}

void TestQlikSenseSite::qlikUserHeaderNamesTheRepositoryCaller()
{
    // No header: INTERNAL\sa_repository, who reads everything.
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/user/full")).array().size(), 6);

    const Answer admin = repositoryGet(QStringLiteral("/qrs/user/full"), "UserDirectory=CORP; UserId=qlikadmin");
    QCOMPARE(admin.status, 200);
    QCOMPARE(admin.array().size(), 6);
    const QJsonObject first = admin.array().at(0).toObject();
    QCOMPARE(first.value(u"userId").toString(), QStringLiteral("qlikadmin"));
    QCOMPARE(first.value(u"userDirectory").toString(), QStringLiteral("CORP"));
    QCOMPARE(first.value(u"name").toString(), QStringLiteral("Quinn Admin"));
    QCOMPARE(first.value(u"roles").toArray(), QJsonArray {QStringLiteral("RootAdmin")});
    QCOMPARE(first.value(u"inactive").toBool(true), false);
    QCOMPARE(first.value(u"modifiedByUserName").toString(), QStringLiteral("INTERNAL\\sa_repository"));
    QCOMPARE(first.value(u"schemaPath").toString(), QStringLiteral("User"));
    QVERIFY(!first.contains(u"password"));
    QVERIFY(!admin.body.contains(password));

    // Percent-encoded, without the space: the analyst sees only their own record.
    const Answer analyst = repositoryGet(QStringLiteral("/qrs/user/full"), "UserDirectory=%43ORP;UserId=analyst");
    QCOMPARE(analyst.status, 200);
    QCOMPARE(analyst.array().size(), 1);
    QCOMPARE(analyst.array().at(0).toObject().value(u"userId").toString(), QStringLiteral("analyst"));

    // A user the site does not know is a user without roles.
    const Answer unknown = repositoryGet(QStringLiteral("/qrs/user/full"), "UserDirectory=CORP; UserId=nobody");
    QCOMPARE(unknown.status, 200);
    QCOMPARE(unknown.array().size(), 0);

    const Answer inactive = repositoryGet(QStringLiteral("/qrs/about"), "UserDirectory=CORP; UserId=former");
    QCOMPARE(inactive.status, 403);
    QCOMPARE(inactive.body, inactiveText);
    QVERIFY(inactive.headers.value("content-type").startsWith("text/plain"));

    QCOMPARE(repositoryGet(QStringLiteral("/qrs/about"), "nonsense").status, 400);
}

void TestQlikSenseSite::whoSeesWhat()
{
    const QByteArray auditor = "UserDirectory=CORP; UserId=auditor";
    const QByteArray service = "UserDirectory=CORP; UserId=svc_dawiso";
    const QByteArray analyst = "UserDirectory=CORP; UserId=analyst";

    QCOMPARE(repositoryGet(QStringLiteral("/qrs/stream/full"), auditor).array().size(), 3);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/stream/count"), auditor).object().value(u"value").toInt(), 3);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/app/count"), auditor).object().value(u"value").toInt(), 7);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/servernodeconfiguration/full"), auditor).array().size(), 1);

    const QJsonArray streams = repositoryGet(QStringLiteral("/qrs/stream/full"), service).array();
    QCOMPARE(streams.size(), 1);
    QCOMPARE(streams.at(0).toObject().value(u"name").toString(), QStringLiteral("Everyone"));
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/app/count"), service).object().value(u"value").toInt(), 5);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/app/count"), analyst).object().value(u"value").toInt(), 7);
    for (const QString &path :
         {QStringLiteral("/qrs/servernodeconfiguration/full"), QStringLiteral("/qrs/proxyservice/full"),
          QStringLiteral("/qrs/virtualproxyconfig/full")}) {
        const Answer none = repositoryGet(path, service);
        QCOMPARE(none.status, 200);
        QCOMPARE(none.array(), QJsonArray());
    }

    // The hub: the Everyone stream's apps and one's own, also for a RootAdmin.
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/app/hublist/full")).array().size(), 2);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/app/hublist/full"), analyst).array().size(), 4);

    const QJsonObject node =
        repositoryGet(QStringLiteral("/qrs/servernodeconfiguration/full")).array().at(0).toObject();
    QCOMPARE(node.value(u"hostName").toString(), QStringLiteral("QLIKSERVER1.corp.example"));
    QCOMPARE(node.value(u"isCentral").toBool(), true);
    QCOMPARE(node.value(u"schemaPath").toString(), QStringLiteral("ServerNodeConfiguration"));

    const QJsonObject proxyService = repositoryGet(QStringLiteral("/qrs/proxyservice/full")).array().at(0).toObject();
    QCOMPARE(proxyService.value(u"serverNodeConfiguration").toObject().value(u"id").toString(),
             node.value(u"id").toString());
    const QJsonObject settings = proxyService.value(u"settings").toObject();
    QCOMPARE(settings.value(u"listenPort").toInt(), 443);
    const QJsonArray virtualProxies = settings.value(u"virtualProxies").toArray();
    QCOMPARE(virtualProxies.size(), 2);
    QCOMPARE(virtualProxies.at(0).toObject().value(u"prefix").toString(), QString());
    QCOMPARE(virtualProxies.at(0).toObject().value(u"sessionCookieHeaderName").toString(),
             QStringLiteral("X-Qlik-Session"));
    QCOMPARE(virtualProxies.at(0).toObject().value(u"windowsAuthenticationEnabledDevicePattern").toString(),
             QStringLiteral("Windows"));
    QCOMPARE(virtualProxies.at(1).toObject().value(u"prefix").toString(), QStringLiteral("sso"));
    QCOMPARE(virtualProxies.at(1).toObject().value(u"sessionCookieHeaderName").toString(),
             QStringLiteral("X-Qlik-Session-sso"));
    QCOMPARE(proxyService.value(u"schemaPath").toString(), QStringLiteral("ProxyService"));
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/virtualproxyconfig/full")).array().size(), 2);

    QCOMPARE(repositoryGet(QStringLiteral("/qrs/nothing/full")).status, 404);
}

void TestQlikSenseSite::filterParserFollowsTheGrammar()
{
    const auto parsed = QrsFilterParser::parse(QStringLiteral("userId eq 'o''brien' and  UserDirectory EQ 'CORP'"));
    QVERIFY(parsed);
    QCOMPARE(parsed->size(), 1);
    const QList<QrsFilterParser::Condition> all = parsed->at(0);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).property, QStringLiteral("userId"));
    QCOMPARE(all.at(0).value, QStringLiteral("o'brien"));
    QCOMPARE(all.at(1).property, QStringLiteral("UserDirectory"));
    QCOMPARE(all.at(1).value, QStringLiteral("CORP"));

    const auto central = QrsFilterParser::parse(QStringLiteral("isCentral eq true"));
    QVERIFY(central);
    QCOMPARE(central->at(0).at(0).value, QStringLiteral("true"));
    QVERIFY(QrsFilterParser::parse(QString()).value().isEmpty());

    // "and" binds before "or"; "so" is a substring.
    const auto either =
        QrsFilterParser::parse(QStringLiteral("name so 'dawiso' or userId eq 'a' and userDirectory eq 'CORP'"));
    QVERIFY(either);
    QCOMPARE(either->size(), 2);
    QCOMPARE(either->at(0).size(), 1);
    QCOMPARE(either->at(0).at(0).op, QrsFilterParser::Operator::SubstringOf);
    QCOMPARE(either->at(1).size(), 2);
    QCOMPARE(either->at(1).at(0).op, QrsFilterParser::Operator::Equals);

    for (const QString &wrong :
         {QStringLiteral("userId = 'x'"), QStringLiteral("userId eq 'x"), QStringLiteral("userId eq x"),
          QStringLiteral("userId eq 'x' or"), QStringLiteral("userId eq 'x' and"), QStringLiteral("userId eq 'x''"),
          QStringLiteral("userId ne 'x'"), QStringLiteral("eq 'x'"), QStringLiteral("isCentral so true"),
          QStringLiteral("userId eq 'x' xor name eq 'y'"), QStringLiteral("userId eq 'x'or name eq 'y'")})
        QVERIFY2(!QrsFilterParser::parse(wrong), qPrintable(wrong));
}

void TestQlikSenseSite::filterSelectsWithDoubledQuotes()
{
    SiteUser obrien = m_site->directory().users.at(2);
    obrien.id = QStringLiteral("0b41e2c1-7d3a-4e5f-9a1b-2c3d4e5f6a7b");
    obrien.userId = QStringLiteral("o'brien");
    obrien.name = QStringLiteral("Orla O'Brien");
    m_site->directory().users.append(obrien);

    const QString filter = QString::fromLatin1(
        QUrl::toPercentEncoding(QStringLiteral("userId eq 'O''Brien' and userDirectory eq 'corp'")));
    const Answer found = repositoryGet(QStringLiteral("/qrs/user/full?filter=") + filter);
    QCOMPARE(found.status, 200);
    QCOMPARE(found.array().size(), 1);
    QCOMPARE(found.array().at(0).toObject().value(u"name").toString(), QStringLiteral("Orla O'Brien"));

    const auto get = [this](const QString &path, const QString &text) {
        return repositoryGet(path + QStringLiteral("?filter=") + QString::fromLatin1(QUrl::toPercentEncoding(text)));
    };
    QCOMPARE(get(QStringLiteral("/qrs/user/full"), QStringLiteral("userId eq 'o'brien'")).status, 400);
    QCOMPARE(get(QStringLiteral("/qrs/user/full"), QStringLiteral("email eq 'x'")).status, 400);
    QCOMPARE(get(QStringLiteral("/qrs/user/full"), QStringLiteral("name eq 'quinn admin'")).array().size(), 1);
    QCOMPARE(
        get(QStringLiteral("/qrs/servernodeconfiguration/full"), QStringLiteral("isCentral eq true")).array().size(),
        1);
    QCOMPARE(
        get(QStringLiteral("/qrs/servernodeconfiguration/full"), QStringLiteral("isCentral eq false")).array().size(),
        0);
    QCOMPARE(get(QStringLiteral("/qrs/virtualproxyconfig/full"), QStringLiteral("prefix eq 'SSO'")).array().size(), 1);
    QCOMPARE(get(QStringLiteral("/qrs/virtualproxyconfig/full"), QStringLiteral("name eq 'sso'")).status, 400);
    QCOMPARE(
        get(QStringLiteral("/qrs/stream/count"), QStringLiteral("name eq 'finance'")).object().value(u"value").toInt(),
        1);
    QCOMPARE(get(QStringLiteral("/qrs/proxyservice/full"), QStringLiteral("serverNodeConfiguration.isCentral eq true"))
                 .array()
                 .size(),
             1);
}

void TestQlikSenseSite::formLoginThroughTheProxyEndToEnd()
{
    const Answer start = proxyGet(QStringLiteral("/qps/user?extra=1"));
    QCOMPARE(start.status, 302);
    const QUrl formUrl = start.location();
    QCOMPARE(formUrl.adjusted(QUrl::RemovePath | QUrl::RemoveQuery), m_site->proxyBaseUrl());
    QCOMPARE(formUrl.path(), QStringLiteral("/internal_forms_authentication/"));
    const QString targetId = QUrlQuery(formUrl).queryItemValue(QStringLiteral("targetId"));
    QVERIFY(!targetId.isEmpty());

    Call form;
    form.url = formUrl;
    form.trusted = {m_site->siteCa()};
    const Answer page = send(form);
    QCOMPARE(page.status, 200);
    QVERIFY(page.headers.value("content-type").startsWith("text/html"));
    const QByteArray formTag =
        "<form method=\"post\" action=\"/internal_forms_authentication/?targetId=" + targetId.toLatin1() + "\">";
    QVERIFY2(page.body.contains(formTag), page.body.constData());
    QVERIFY(page.body.contains("<input type=\"text\" name=\"username\""));
    QVERIFY(page.body.contains("<input type=\"password\" name=\"pwd\">"));
    QVERIFY(!page.body.contains("class=\"error\""));

    form.verb = "POST";
    form.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    form.body = "username=CORP%5Cqlikadmin&pwd=" + password;
    const Answer posted = send(form);
    QCOMPARE(posted.status, 302);
    const QUrl withTicket = posted.location();
    QCOMPARE(withTicket.path(), QStringLiteral("/qps/user"));
    const QUrlQuery ticketQuery(withTicket);
    QCOMPARE(ticketQuery.queryItemValue(QStringLiteral("extra")), QStringLiteral("1"));
    const QString ticket = ticketQuery.queryItemValue(QStringLiteral("qlikTicket"));
    QVERIFY(!ticket.isEmpty());
    QVERIFY(posted.headers.value("set-cookie").isEmpty());
    // The record of requests keeps no ticket.
    for (const RecordedRequest &request : m_site->proxy()->requests())
        QVERIFY(!request.query.contains(ticket));

    Call redeem;
    redeem.url = withTicket;
    redeem.trusted = {m_site->siteCa()};
    const Answer redeemed = send(redeem);
    QCOMPARE(redeemed.status, 302);
    QCOMPARE(redeemed.location(), proxyUrl(QStringLiteral("/qps/user?extra=1")));
    const QByteArray setCookie = redeemed.headers.value("set-cookie");
    static const QRegularExpression cookieShape(
        QStringLiteral("^X-Qlik-Session=([0-9a-f]+); Path=/; HttpOnly; Secure$"));
    const QRegularExpressionMatch cookieMatch = cookieShape.match(QString::fromLatin1(setCookie));
    QVERIFY2(cookieMatch.hasMatch(), setCookie.constData());
    // A ticket works once.
    QCOMPARE(send(redeem).status, 302);
    QCOMPARE(send(redeem).location().path(), QStringLiteral("/internal_forms_authentication/"));

    const QByteArray cookie = setCookie.left(setCookie.indexOf(';'));
    const Answer user = proxyGet(QStringLiteral("/qps/user"), cookie);
    QCOMPARE(user.status, 200);
    const QJsonObject me = user.object();
    QCOMPARE(me.value(u"userDirectory").toString(), QStringLiteral("CORP"));
    QCOMPARE(me.value(u"userId").toString(), QStringLiteral("qlikadmin"));
    QCOMPARE(me.value(u"userName").toString(), QStringLiteral("Quinn Admin"));
    QCOMPARE(me.value(u"session").toString(), cookieMatch.captured(1));
    QVERIFY(me.value(u"logoutUri").toString().startsWith(m_site->proxyBaseUrl().toString()));

    // The QRS through the proxy, as the session's user.
    const Answer users = proxyGet(QStringLiteral("/qrs/user/full"), cookie);
    QCOMPARE(users.status, 200);
    QCOMPARE(users.array().size(), 6);
    const QByteArray analyst = signIn(QStringLiteral("/qps/user"), "corp\\ANALYST", password);
    QVERIFY(!analyst.isEmpty());
    QCOMPARE(proxyGet(QStringLiteral("/qrs/user/full"), analyst).array().size(), 1);
    QCOMPARE(proxyGet(QStringLiteral("/qrs/user/full"), "X-Qlik-Session=0123456789abcdef").status, 302);
}

void TestQlikSenseSite::wrongPasswordShowsTheFormAgain()
{
    const Answer start = proxyGet(QStringLiteral("/qps/user"));
    QCOMPARE(start.status, 302);
    Call form;
    form.url = start.location();
    form.trusted = {m_site->siteCa()};
    form.verb = "POST";
    form.headers = {{"Content-Type", "application/x-www-form-urlencoded"}};
    for (const QByteArray &body : {QByteArray("username=CORP%5Cqlikadmin&pwd=wrong-password"),
                                   QByteArray(QByteArray("username=CORP%5Cnobody&pwd=") + password),
                                   QByteArray("username=INTERNAL%5Csa_repository&pwd=")}) {
        form.body = body;
        const Answer again = send(form);
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("<p class=\"error\">"));
        QVERIFY(again.body.contains("name=\"pwd\""));
        QVERIFY(!again.headers.contains("location"));
        QVERIFY(!again.headers.contains("set-cookie"));
        QVERIFY(!again.body.contains("wrong-password"));
    }
    // The target is still there: the right password goes on.
    form.body = "username=CORP%5Cqlikadmin&pwd=" + password;
    QCOMPARE(send(form).status, 302);
}

void TestQlikSenseSite::inactiveUserSessionIsRefused()
{
    const QByteArray cookie = signIn(QStringLiteral("/qps/user"), "CORP\\former", password);
    QVERIFY(!cookie.isEmpty());
    for (const QString &path : {QStringLiteral("/qps/user"), QStringLiteral("/qrs/about"),
                                QStringLiteral("/resources/autogenerated/product-info.json")}) {
        const Answer refused = proxyGet(path, cookie);
        QCOMPARE(refused.status, 403);
        QCOMPARE(refused.body, inactiveText);
    }
}

void TestQlikSenseSite::ssoPrefixHasItsOwnCookie()
{
    const Answer start = proxyGet(QStringLiteral("/sso/qps/user"));
    QCOMPARE(start.status, 302);
    QCOMPARE(start.location().path(), QStringLiteral("/sso/internal_forms_authentication/"));

    const QByteArray cookie = signIn(QStringLiteral("/sso/qps/user"), "CORP\\qlikadmin", password);
    QVERIFY(cookie.startsWith("X-Qlik-Session-sso="));
    const Answer user = proxyGet(QStringLiteral("/sso/qps/user"), cookie);
    QCOMPARE(user.status, 200);
    QCOMPARE(user.object().value(u"userId").toString(), QStringLiteral("qlikadmin"));
    QVERIFY(user.object().value(u"logoutUri").toString().contains(QLatin1String("/sso/")));
    QCOMPARE(proxyGet(QStringLiteral("/sso/qrs/about"), cookie).status, 200);

    // The session belongs to its virtual proxy: not to the default one, under either cookie name.
    QCOMPARE(proxyGet(QStringLiteral("/qps/user"), cookie).status, 302);
    const QByteArray value = cookie.mid(cookie.indexOf('=') + 1);
    QCOMPARE(proxyGet(QStringLiteral("/qps/user"), "X-Qlik-Session=" + value).status, 302);
}

void TestQlikSenseSite::unknownPrefixSignsInThroughTheDefaultProxy()
{
    const Answer start = proxyGet(QStringLiteral("/nosuchproxy/qps/user"));
    QCOMPARE(start.status, 302);
    QCOMPARE(start.location().path(), QStringLiteral("/internal_forms_authentication/"));
    const QByteArray cookie = signIn(QStringLiteral("/nosuchproxy/qps/user"), "CORP\\qlikadmin", password);
    QVERIFY(cookie.startsWith("X-Qlik-Session="));
    QCOMPARE(proxyGet(QStringLiteral("/nosuchproxy/qps/user"), cookie).status, 404);
    QCOMPARE(proxyGet(QStringLiteral("/qps/user"), cookie).status, 200);
}

void TestQlikSenseSite::hostNotOnTheAllowListGets400()
{
    m_site->setAllowedHostNames({QStringLiteral("QLIKSERVER1.corp.example")});
    for (const QString &path :
         {QStringLiteral("/qps/user"), QStringLiteral("/resources/autogenerated/product-info.json"),
          QStringLiteral("/sso/qrs/about")}) {
        const Answer refused = proxyGet(path);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.body, QByteArray("The http request header is incorrect."));
    }
    // The repository port has no allow list.
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/about")).status, 200);

    m_site->setAllowedHostNames({QStringLiteral("qlikserver1.corp.example"), QStringLiteral("LOCALHOST")});
    QCOMPARE(proxyGet(QStringLiteral("/qps/user")).status, 302);
}

void TestQlikSenseSite::productInfoWithoutSignIn()
{
    const Answer info = proxyGet(QStringLiteral("/resources/autogenerated/product-info.json"));
    QCOMPARE(info.status, 200);
    const QJsonObject composition = info.object().value(u"composition").toObject();
    QCOMPARE(composition,
             (QJsonObject {{QStringLiteral("productName"), QStringLiteral("Qlik Sense")},
                           {QStringLiteral("version"), QStringLiteral("14.212.5")},
                           {QStringLiteral("releaseLabel"), QStringLiteral("November 2024 Patch 3")},
                           {QStringLiteral("senseId"), QStringLiteral("qliksenseserver:14.212.5")}}));
    QCOMPARE(proxyGet(QStringLiteral("/sso/resources/autogenerated/product-info.json")).status, 200);

    m_site->setReleaseVisibleWithoutSignIn(false);
    QCOMPARE(proxyGet(QStringLiteral("/resources/autogenerated/product-info.json")).status, 404);
    const QByteArray cookie = signIn(QStringLiteral("/qps/user"), "CORP\\analyst", password);
    QCOMPARE(proxyGet(QStringLiteral("/resources/autogenerated/product-info.json"), cookie).status, 200);
}

void TestQlikSenseSite::forbiddenQrsPathsOnBothPorts()
{
    const QByteArray cookie = signIn(QStringLiteral("/qps/user"), "CORP\\qlikadmin", password);
    QVERIFY(!cookie.isEmpty());
    m_site->setForbidden(QStringLiteral("/qrs/user"), true);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/user/full")).status, 403);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/about")).status, 200);
    QCOMPARE(proxyGet(QStringLiteral("/qrs/user/full"), cookie).status, 403);
    QCOMPARE(proxyGet(QStringLiteral("/qrs/about"), cookie).status, 200);

    m_site->setForbidden(QStringLiteral("/qrs/user"), false);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/user/full")).status, 200);
    QCOMPARE(proxyGet(QStringLiteral("/qrs/user/full"), cookie).status, 200);
}

void TestQlikSenseSite::certificateBundleLoadsWithQt()
{
    const QDir bundle(m_bundle->path());
    const auto path = [&bundle](const char *name) {
        return bundle.filePath(QLatin1String(name));
    };

    const QSslCertificate root(readFile(path("root.pem")), QSsl::Pem);
    QCOMPARE(root, m_site->siteCa());
    QCOMPARE(QSslCertificate(readFile(path("root.cer")), QSsl::Der), root);
    const QSslCertificate client(readFile(path("client.pem")), QSsl::Pem);
    QCOMPARE(client, m_site->clientCertificate());
    QCOMPARE(client.subjectInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("QlikClient")});
    QCOMPARE(client.issuerInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("QLIKSERVER1-CA")});
    QCOMPARE(QSslCertificate(readFile(path("client.der")), QSsl::Der), client);

    const QByteArray plainKey = readFile(path("client_key.pem"));
    QVERIFY(plainKey.startsWith("-----BEGIN PRIVATE KEY-----"));
    const QSslKey key(plainKey, QSsl::Rsa);
    QVERIFY(!key.isNull());
    QCOMPARE(key.length(), 2048);
    QCOMPARE(key.toPem(), m_site->clientKey().toPem());

    const QByteArray encrypted = readFile(path("client_key_encrypted.pem"));
    QVERIFY(encrypted.startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));
    QCOMPARE(QSslKey(encrypted, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, passphrase).toPem(), key.toPem());
    QVERIFY(QSslKey(encrypted, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, "wrong").isNull());

    const QByteArray legacy = readFile(path("client_key_legacy.pem"));
    QVERIFY(legacy.startsWith("-----BEGIN RSA PRIVATE KEY-----"));
    QVERIFY(legacy.contains("Proc-Type: 4,ENCRYPTED"));
    QCOMPARE(QSslKey(legacy, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, passphrase).toPem(), key.toPem());
    QVERIFY(QSslKey(legacy, QSsl::Rsa, QSsl::Pem, QSsl::PrivateKey, "wrong").isNull());

    QFile pfx(path("client.pfx"));
    QVERIFY(pfx.open(QIODevice::ReadOnly));
    QSslKey pfxKey;
    QSslCertificate pfxCertificate;
    QList<QSslCertificate> pfxAuthorities;
    QVERIFY(QSslCertificate::importPkcs12(&pfx, &pfxKey, &pfxCertificate, &pfxAuthorities, passphrase));
    QCOMPARE(pfxCertificate, client);
    QCOMPARE(pfxKey.toPem(), key.toPem());
    QCOMPARE(pfxAuthorities, QList<QSslCertificate> {root});
    pfx.seek(0);
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("mac verify failure")));
    QVERIFY(!QSslCertificate::importPkcs12(&pfx, &pfxKey, &pfxCertificate, &pfxAuthorities, "wrong"));

    const QSslCertificate other(readFile(path("other_client.pem")));
    QVERIFY(!other.isNull());
    QVERIFY(other.issuerInfo(QSslCertificate::CommonName) != root.subjectInfo(QSslCertificate::CommonName));
    QVERIFY(!QSslKey(readFile(path("other_client_key.pem")), QSsl::Ec).isNull());
    const QSslCertificate expired(readFile(path("expired_client.pem")));
    QCOMPARE(expired.issuerInfo(QSslCertificate::CommonName), QStringList {QStringLiteral("QLIKSERVER1-CA")});
    QVERIFY(expired.expiryDate() < QDateTime::currentDateTimeUtc());
    QVERIFY(expired.expiryDate() > QDateTime::currentDateTimeUtc().addDays(-2));
    QVERIFY(!QSslKey(readFile(path("expired_client_key.pem")), QSsl::Ec).isNull());

    for (const char *name : {"client_key.pem", "client_key_encrypted.pem", "client_key_legacy.pem", "client.pfx",
                             "other_client_key.pem", "expired_client_key.pem"}) {
        QCOMPARE(QFile::permissions(path(name)) & (QFileDevice::ReadGroup | QFileDevice::ReadOther),
                 QFileDevice::Permissions());
        QVERIFY2(!readFile(path(name)).contains(passphrase), name);
    }
    QVERIFY(!m_site->writeCertificateBundle(m_bundle->path(), {}));
}

void TestQlikSenseSite::siteStaysOutOfTheExchangeLog()
{
    // ctest names the directory for every test; run on its own, the test uses one of its own.
    QTemporaryDir ownDirectory;
    if (qEnvironmentVariableIsEmpty("DQS_SIMULATOR_EXCHANGE_LOG"))
        qputenv("DQS_SIMULATOR_EXCHANGE_LOG", ownDirectory.path().toLocal8Bit());
    QCOMPARE(proxyGet(QStringLiteral("/resources/autogenerated/product-info.json")).status, 200);
    QCOMPARE(repositoryGet(QStringLiteral("/qrs/about")).status, 200);
    QCOMPARE(m_site->proxy()->requests().size(), 1);
    QCOMPARE(m_site->repository()->requests().size(), 1);

    const QDir directory(qEnvironmentVariable("DQS_SIMULATOR_EXCHANGE_LOG"));
    const QString ownLog = QStringLiteral("%1-%2.jsonl")
                               .arg(QFileInfo(QCoreApplication::applicationFilePath()).completeBaseName())
                               .arg(QCoreApplication::applicationPid());
    QVERIFY2(!directory.exists(ownLog), qPrintable(directory.filePath(ownLog)));
}

void TestQlikSenseSite::ntlmSignInReachesQpsUser()
{
    // QNetworkAccessManager on its own: it answers the NTLM challenge, follows the redirects and keeps the cookie.
    QNetworkAccessManager network;
    int asked = 0;
    connect(&network, &QNetworkAccessManager::authenticationRequired, this,
            [&asked](QNetworkReply *, QAuthenticator *authenticator) {
                ++asked;
                authenticator->setUser(QStringLiteral("CORP\\qlikadmin"));
                authenticator->setPassword(QString::fromLatin1(password));
            });
    QNetworkRequest request(proxyUrl(QStringLiteral("/qps/user")));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_site->siteCa()});
    request.setSslConfiguration(tls);
    request.setRawHeader("User-Agent", windowsAgent);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::NoLessSafeRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(replyTimeoutMs));
    QCOMPARE(reply->error(), QNetworkReply::NoError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
    QCOMPARE(reply->url(), proxyUrl(QStringLiteral("/qps/user")));
    const QJsonObject me = QJsonDocument::fromJson(reply->readAll()).object();
    QCOMPARE(me.value(u"userDirectory").toString(), QStringLiteral("CORP"));
    QCOMPARE(me.value(u"userId").toString(), QStringLiteral("qlikadmin"));
    QCOMPARE(asked, 1);

    // The way there: the Windows login, not the form, and the NTLM messages on it.
    int windowsLogins = 0;
    for (const RecordedRequest &seen : m_site->proxy()->requests()) {
        QVERIFY(!seen.path.startsWith(QLatin1String("/internal_forms_authentication")));
        if (seen.path == u"/internal_windows_authentication/" && seen.hadAuthorization)
            ++windowsLogins;
    }
    QCOMPARE(windowsLogins, 2); // Negotiate, then Authenticate
}

void TestQlikSenseSite::ntlmWithAWrongPasswordIsRefused()
{
    QNetworkAccessManager network;
    int asked = 0;
    connect(&network, &QNetworkAccessManager::authenticationRequired, this,
            [&asked](QNetworkReply *, QAuthenticator *authenticator) {
                // Once with a wrong password; the second time nothing, which gives up.
                if (++asked == 1) {
                    authenticator->setUser(QStringLiteral("CORP\\qlikadmin"));
                    authenticator->setPassword(QStringLiteral("wrong-password"));
                }
            });
    const Answer start = [this] {
        Call call;
        call.url = proxyUrl(QStringLiteral("/qps/user"));
        call.trusted = {m_site->siteCa()};
        call.headers = {{"User-Agent", windowsAgent}};
        return send(call);
    }();
    QCOMPARE(start.status, 302);
    QCOMPARE(start.location().path(), QStringLiteral("/internal_windows_authentication/"));

    QNetworkRequest request(start.location());
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates({m_site->siteCa()});
    request.setSslConfiguration(tls);
    request.setRawHeader("User-Agent", windowsAgent);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    std::unique_ptr<QNetworkReply> reply(network.get(request));
    QSignalSpy finished(reply.get(), &QNetworkReply::finished);
    QVERIFY(reply->isFinished() || finished.wait(replyTimeoutMs));
    QCOMPARE(reply->error(), QNetworkReply::AuthenticationRequiredError);
    QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
    QCOMPARE(reply->rawHeader("WWW-Authenticate"), QByteArray("NTLM"));
    QCOMPARE(asked, 2);

    // Without credentials (the manager may still try an empty NTLM handshake) and with a made-up Authenticate
    // message, the Windows login refuses.
    Call bare;
    bare.url = start.location();
    bare.trusted = {m_site->siteCa()};
    const Answer asking = send(bare);
    QCOMPARE(asking.status, 401);
    QVERIFY(asking.headers.value("www-authenticate").startsWith("NTLM"));
    bare.headers = {{"Authorization", "NTLM " + QByteArray("NTLMSSP\0\3\0\0\0", 12).toBase64()}};
    QCOMPARE(send(bare).status, 401);
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/qps/")), 1);
}

void TestQlikSenseSite::windowsUserAgentGetsTheFormWhenNtlmIsOff()
{
    Call call;
    call.url = proxyUrl(QStringLiteral("/sso/qps/user"));
    call.trusted = {m_site->siteCa()};
    call.headers = {{"User-Agent", windowsAgent}};
    QCOMPARE(send(call).location().path(), QStringLiteral("/sso/internal_windows_authentication/"));
    m_site->setWindowsAuthentication(QlikSenseSite::WindowsAuthentication::Forms);
    const Answer forms = send(call);
    QCOMPARE(forms.status, 302);
    QCOMPARE(forms.location().path(), QStringLiteral("/sso/internal_forms_authentication/"));
    Call windows;
    windows.url = forms.location().resolved(QUrl(QStringLiteral("/sso/internal_windows_authentication/")));
    windows.trusted = {m_site->siteCa()};
    QCOMPARE(send(windows).status, 404);
}

QTEST_GUILESS_MAIN(TestQlikSenseSite)
#include "tst_qliksensesite.moc"
