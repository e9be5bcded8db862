// The Qlik Sense Enterprise connection check over real HTTPS and a real WebSocket against a small in-test JWT virtual
// proxy (the session, qps/user, the QRS reads, the session's end) with the simulator's engine behind it: every check
// in order, each refusal in its own words, the token only on the first request, the cookie and CSRF token on the
// engine's socket without Authorization, and the session always ended.
#include "check/ConnectionReport.h"
#include "enterprise/EnterpriseConnectionCheck.h"
#include "net/TlsTrust.h"
#include "qrs/Xrfkey.h"
#include "simulator/common/SimulatorHost.h"
#include "simulator/onprem/EngineService.h"
#include "simulator/onprem/SiteDirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Dawiso;
using Simulator::EngineService;
using Simulator::SimRequest;
using Simulator::SimResponse;
using Simulator::SimulatorHost;
using Simulator::SiteApp;
using Simulator::SiteDirectory;

namespace {

const QByteArray goodToken = QByteArrayLiteral("signed-token-for-tests");
const QByteArray cookieName = QByteArrayLiteral("X-Qlik-Session-dawiso");

SimResponse text(int status, const QByteArray &body)
{
    return SimResponse {status, {{QByteArrayLiteral("Content-Type"), QByteArrayLiteral("text/plain")}}, body, {}};
}

SimResponse json(const QJsonValue &value)
{
    return value.isArray() ? SimResponse::json(200, QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact))
                           : SimResponse::json(200, value.toObject());
}

} // namespace

// The JWT virtual proxy "dawiso" of a site, reduced to what the check asks.
class JwtProxy
{
public:
    JwtProxy()
        : m_directory(SiteDirectory::demo())
    {
        for (const SiteApp &app : m_directory.apps)
            hubApps << app.id;
        EngineService::SiteAccess access;
        access.admit = [this](const EngineService::Handshake &handshake) -> std::optional<EngineService::Caller> {
            engineHandshakes << handshake;
            if (handshake.prefix != QLatin1String("dawiso") || !hasSession(handshake.cookieHeader)
                || handshake.csrfToken != QString::fromLatin1(m_csrf) || handshake.hasAuthorization
                || QUrl(handshake.origin).host() != QLatin1String("localhost"))
                return std::nullopt;
            return EngineService::Caller {QStringLiteral("CORP"), QStringLiteral("svc_dawiso")};
        };
        access.hasAccessAllocation = [this](const EngineService::Caller &) {
            return allocated;
        };
        access.liveSessionCount = [this](const EngineService::Caller &) {
            return liveSessions;
        };
        access.hubAppIds = [this](const EngineService::Caller &) {
            return hubApps;
        };
        access.proxyRestarting = [this] {
            return engineRestarting;
        };
        m_engine = std::make_unique<EngineService>(m_directory, access);
        m_host.setExchangeLogged(false);
        m_host.addHandler(QStringLiteral("/"), [this](const SimRequest &request) { return answer(request); });
        m_host.setWebSocketHandler([this](std::unique_ptr<QWebSocket> socket) { m_engine->accept(std::move(socket)); });
    }

    SimulatorHost &host() { return m_host; }
    EngineService &engine() { return *m_engine; }
    int appCount() const { return int(m_directory.apps.size()); }

    // What the site does; tests change it before the check.
    int sessionStatus = 200;
    QByteArray sessionBody;
    QJsonObject user {{QStringLiteral("userDirectory"), QStringLiteral("CORP")},
                      {QStringLiteral("userId"), QStringLiteral("svc_dawiso")},
                      {QStringLiteral("userName"), QStringLiteral("svc_dawiso")}};
    QStringList roles {QStringLiteral("RootAdmin")};
    QStringList hubApps;
    bool allocated = true;
    int liveSessions = 1;
    // A proxy that hands out a token the engine does not take.
    bool wrongCsrfToken = false;
    // A proxy that restarts between the session and the engine's socket.
    bool engineRestarting = false;

    int deletes = 0;
    QList<EngineService::Handshake> engineHandshakes;
    QList<bool> authorizationSeen; // per HTTP request, in order
    QStringList pathsSeen;

private:
    bool hasSession(const QByteArray &cookieHeader) const
    {
        return !m_session.isEmpty() && cookieHeader == cookieName + '=' + m_session;
    }

    SimResponse answer(const SimRequest &request)
    {
        authorizationSeen << !request.authorization().isEmpty();
        pathsSeen << request.path;
        if (request.path == QLatin1String("/dawiso/qps/csrftoken")) {
            if (sessionStatus != 200)
                return text(sessionStatus, sessionBody);
            if (request.authorization() != QByteArrayLiteral("Bearer ") + goodToken)
                return text(401, QByteArray());
            m_session = QByteArrayLiteral("session-") + QByteArray::number(++m_sessionCount);
            m_csrf = QByteArrayLiteral("csrf-") + m_session;
            SimResponse response = text(200, QByteArray());
            response.headers.append(
                {QByteArrayLiteral("Set-Cookie"), cookieName + '=' + m_session + "; Path=/; HttpOnly; Secure"});
            response.headers.append(
                {QByteArrayLiteral("qlik-csrf-token"), wrongCsrfToken ? QByteArrayLiteral("not-it") : m_csrf});
            return response;
        }
        if (!hasSession(request.header("Cookie")))
            return text(401, QByteArray());
        const QString xrfkey = request.query.queryItemValue(QStringLiteral("xrfkey"));
        if (!Xrfkey::isWellFormed(request.header("X-Qlik-Xrfkey"))
            || xrfkey.toLatin1() != request.header("X-Qlik-Xrfkey"))
            return text(400, QByteArray());
        const QString path = request.path.mid(QStringLiteral("/dawiso").size());
        if (path == QLatin1String("/qps/user") && request.method == "DELETE") {
            ++deletes;
            m_session.clear();
            return text(200, QByteArray());
        }
        if (path == QLatin1String("/qps/user"))
            return json(user);
        if (path == QLatin1String("/qrs/about"))
            return json(QJsonObject {{QStringLiteral("buildVersion"), QStringLiteral("31.22.7.0")}});
        if (path == QLatin1String("/qrs/user/full")) {
            return json(QJsonArray {QJsonObject {{QStringLiteral("userId"), QStringLiteral("svc_dawiso")},
                                                 {QStringLiteral("roles"), QJsonArray::fromStringList(roles)}}});
        }
        if (path == QLatin1String("/qrs/stream/count"))
            return json(QJsonObject {{QStringLiteral("value"), 3}});
        if (path == QLatin1String("/qrs/app/count"))
            return json(QJsonObject {{QStringLiteral("value"), appCount()}});
        if (path == QLatin1String("/qrs/app/hublist/full")) {
            QJsonArray list;
            for (const SiteApp &app : m_directory.apps) {
                if (hubApps.contains(app.id))
                    list.append(QJsonObject {{QStringLiteral("id"), app.id}, {QStringLiteral("name"), app.name}});
            }
            return json(list);
        }
        return text(404, QByteArrayLiteral("Not found"));
    }

    SiteDirectory m_directory;
    std::unique_ptr<EngineService> m_engine;
    SimulatorHost m_host;
    QByteArray m_session;
    QByteArray m_csrf;
    int m_sessionCount = 0;
};

class TestEnterpriseConnectionCheck : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void passesEveryCheck();
    void publishedOnlyWarns();
    void sessionRefusals_data();
    void sessionRefusals();
    void anotherUsersToken();
    void noAccessAllocation();
    void tooManySessions();
    void engineRefusesTheCsrfToken();
    void proxyRestartsBeforeTheEngine();
    void rateLimitedReadIsWaitedOut();
    void cancelEndsTheSession();
    void unreachableProxy();
    void anyUserWhenNoneIsExpected();
    void reportWithoutTheServer();

private:
    ConnectionReport run();
    CheckResult result(const ConnectionReport &report, const QString &id) const;

    std::unique_ptr<JwtProxy> m_proxy;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<EnterpriseConnectionCheck> m_check;
};

void TestEnterpriseConnectionCheck::init()
{
    m_proxy = std::make_unique<JwtProxy>();
    QVERIFY(m_proxy->host().start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    m_trust->addCaCertificates({m_proxy->host().certificate()});
    m_check = std::make_unique<EnterpriseConnectionCheck>(m_network.get(), m_trust.get());
    m_check->setRestartWait(300, 100); // a proxy that stays "restarting" is given up on quickly here
    m_check->setVirtualProxyPrefix(QStringLiteral("dawiso"));
    m_check->setServiceUser(QStringLiteral("CORP"), QStringLiteral("svc_dawiso"));
}

void TestEnterpriseConnectionCheck::cleanup()
{
    m_check.reset();
    m_proxy.reset();
    m_network.reset();
}

ConnectionReport TestEnterpriseConnectionCheck::run()
{
    QSignalSpy finished(m_check.get(), &ConnectionCheck::finished);
    m_check->start(m_proxy->host().hostAndPort(), goodToken);
    if (!finished.wait(30000)) {
        qWarning("The check did not finish.");
        return {};
    }
    return finished.first().first().value<ConnectionReport>();
}

CheckResult TestEnterpriseConnectionCheck::result(const ConnectionReport &report, const QString &id) const
{
    const CheckResult *found = report.check(id);
    return found ? *found : CheckResult {};
}

void TestEnterpriseConnectionCheck::passesEveryCheck()
{
    const ConnectionReport report = run();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QStringList ids;
    for (const CheckResult &check : report.checks) {
        ids << check.id;
        QVERIFY2(check.status == CheckStatus::Pass, qPrintable(check.id + u": " + check.message + u' ' + check.advice));
    }
    QCOMPARE(ids,
             (QStringList {QStringLiteral("session"), QStringLiteral("identity"), QStringLiteral("qrs"),
                           QStringLiteral("roles"), QStringLiteral("content"), QStringLiteral("app-access"),
                           QStringLiteral("engine")}));
    QVERIFY(result(report, QStringLiteral("app-access")).message.contains(QLatin1String("7 of 7")));
    QVERIFY(result(report, QStringLiteral("roles")).message.contains(QLatin1String("QMC")));
    QVERIFY(result(report, QStringLiteral("engine")).message.contains(QLatin1String("load script")));

    // The token went with the first request only; the session was ended once.
    QCOMPARE(m_proxy->pathsSeen.first(), QStringLiteral("/dawiso/qps/csrftoken"));
    QCOMPARE(m_proxy->authorizationSeen.count(true), 1);
    QVERIFY(m_proxy->authorizationSeen.first());
    QCOMPARE(m_proxy->deletes, 1);
    QCOMPARE(m_proxy->pathsSeen.last(), QStringLiteral("/dawiso/qps/user"));
    // The engine's socket: cookie, CSRF token and the site's own Origin, no Authorization; closed afterwards.
    QCOMPARE(m_proxy->engineHandshakes.size(), 1);
    const EngineService::Handshake handshake = m_proxy->engineHandshakes.first();
    QVERIFY(!handshake.hasAuthorization);
    QVERIFY(handshake.cookieHeader.startsWith(QByteArray(cookieName + '=')));
    QCOMPARE(handshake.origin, QStringLiteral("https://") + m_proxy->host().hostAndPort());
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->engine().openSocketCount(), 0, 10000);

    QCOMPARE(report.value(QStringLiteral("virtualProxyPrefix")).toString(), QStringLiteral("dawiso"));
    QCOMPARE(report.value(QStringLiteral("serviceUser")).toString(), QStringLiteral("CORP\\svc_dawiso"));
    QCOMPARE(report.value(QStringLiteral("build")).toString(), QStringLiteral("31.22.7.0"));
    QCOMPARE(report.value(QStringLiteral("counts.apps")).toInt(), 7);
    QCOMPARE(report.value(QStringLiteral("counts.streams")).toInt(), 3);
    QCOMPARE(report.value(QStringLiteral("counts.openableApps")).toInt(), 7);
    QCOMPARE(report.userId, QStringLiteral("CORP\\svc_dawiso"));
    QVERIFY(!report.toJson().isEmpty());
}

void TestEnterpriseConnectionCheck::publishedOnlyWarns()
{
    m_proxy->roles.clear();
    m_proxy->hubApps = m_proxy->hubApps.mid(0, 2);
    const ConnectionReport report = run();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QCOMPARE(result(report, QStringLiteral("roles")).status, CheckStatus::Warn);
    const CheckResult access = result(report, QStringLiteral("app-access"));
    QCOMPARE(access.status, CheckStatus::Warn);
    QVERIFY2(access.message.contains(QLatin1String("2 of 7")), qPrintable(access.message));
    QVERIFY(access.advice.contains(QLatin1String("context Both")));
    QVERIFY(access.advice.contains(QLatin1String("published")));
    QCOMPARE(result(report, QStringLiteral("engine")).status, CheckStatus::Pass);
    QCOMPARE(m_proxy->deletes, 1);
}

void TestEnterpriseConnectionCheck::sessionRefusals_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("said");
    QTest::addColumn<QString>("fix");
    QTest::newRow("400 unlinked or not allowed") << 400 << QByteArrayLiteral("The http request header is incorrect.")
                                                 << QStringLiteral("not linked") << QStringLiteral("Host allow list");
    QTest::newRow("401") << 401 << QByteArray() << QStringLiteral("did not accept the token")
                         << QStringLiteral("JWT certificate");
    QTest::newRow("403 inactive") << 403 << QByteArrayLiteral("Your account is inactive.") << QStringLiteral("inactive")
                                  << QStringLiteral("QMC › Users");
    QTest::newRow("503 restarting") << 503 << QByteArrayLiteral("The proxy is restarting.")
                                    << QStringLiteral("restarting") << QStringLiteral("Wait a minute");
}

void TestEnterpriseConnectionCheck::sessionRefusals()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, said);
    QFETCH(QString, fix);
    m_proxy->sessionStatus = status;
    m_proxy->sessionBody = body;
    const ConnectionReport report = run();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    const CheckResult session = result(report, QStringLiteral("session"));
    QCOMPARE(session.status, CheckStatus::Fail);
    QVERIFY2(session.message.contains(said), qPrintable(session.message));
    QVERIFY2(session.advice.contains(fix), qPrintable(session.advice));
    QCOMPARE(result(report, QStringLiteral("engine")).status, CheckStatus::Skipped);
    QCOMPARE(m_proxy->deletes, 0); // no session was made
    // Only a restarting proxy is asked again (and only for the session), until the wait is over.
    if (status == 503)
        QVERIFY(m_proxy->pathsSeen.size() > 1
                && m_proxy->pathsSeen.count(m_proxy->pathsSeen.first()) == m_proxy->pathsSeen.size());
    else
        QCOMPARE(m_proxy->pathsSeen.size(), 1);
}

void TestEnterpriseConnectionCheck::anotherUsersToken()
{
    m_proxy->user.insert(QStringLiteral("userId"), QStringLiteral("qlikadmin"));
    const ConnectionReport report = run();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    const CheckResult identity = result(report, QStringLiteral("identity"));
    QCOMPARE(identity.status, CheckStatus::Fail);
    QVERIFY2(identity.message.contains(QLatin1String("CORP\\qlikadmin")), qPrintable(identity.message));
    QCOMPARE(result(report, QStringLiteral("qrs")).status, CheckStatus::Skipped);
    QCOMPARE(m_proxy->deletes, 1);
}

void TestEnterpriseConnectionCheck::noAccessAllocation()
{
    m_proxy->allocated = false;
    const ConnectionReport report = run();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    const CheckResult engine = result(report, QStringLiteral("engine"));
    QCOMPARE(engine.status, CheckStatus::Fail);
    QVERIFY(engine.message.contains(QLatin1String("no access allocation")));
    QVERIFY(engine.advice.contains(QLatin1String("License management")));
    QCOMPARE(m_proxy->deletes, 1);
}

void TestEnterpriseConnectionCheck::tooManySessions()
{
    m_proxy->liveSessions = EngineService::sessionBudget + 1;
    const ConnectionReport report = run();
    const CheckResult engine = result(report, QStringLiteral("engine"));
    QCOMPARE(engine.status, CheckStatus::Fail);
    QVERIFY(engine.message.contains(QLatin1String("too many sessions")));
    QVERIFY(engine.advice.contains(QStringLiteral("QMC › Sessions")));
}

void TestEnterpriseConnectionCheck::engineRefusesTheCsrfToken()
{
    m_proxy->wrongCsrfToken = true;
    const ConnectionReport report = run();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    const CheckResult engine = result(report, QStringLiteral("engine"));
    QCOMPARE(engine.status, CheckStatus::Fail);
    QVERIFY2(engine.message.contains(QLatin1String("code 1008")), qPrintable(engine.message));
    QVERIFY(engine.message.contains(QLatin1String("CSRF")));
    QCOMPARE(m_proxy->deletes, 1);
}

void TestEnterpriseConnectionCheck::proxyRestartsBeforeTheEngine()
{
    m_proxy->engineRestarting = true;
    const ConnectionReport report = run();
    const CheckResult engine = result(report, QStringLiteral("engine"));
    QCOMPARE(engine.status, CheckStatus::Fail);
    QVERIFY2(engine.message.contains(QLatin1String("HTTP 503")), qPrintable(engine.message));
    QVERIFY(engine.advice.contains(QLatin1String("restarting")));
    QCOMPARE(m_proxy->deletes, 1);
}

void TestEnterpriseConnectionCheck::rateLimitedReadIsWaitedOut()
{
    m_proxy->host().rateLimitNext(QStringLiteral("/dawiso/qrs/about"), 1, 1);
    const ConnectionReport report = run();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QCOMPARE(result(report, QStringLiteral("qrs")).status, CheckStatus::Pass);
}

void TestEnterpriseConnectionCheck::cancelEndsTheSession()
{
    m_proxy->host().setResponseDelay(QStringLiteral("/dawiso/qrs/about"), -1);
    QSignalSpy finished(m_check.get(), &ConnectionCheck::finished);
    connect(&m_proxy->host(), &SimulatorHost::requestHandled, m_check.get(),
            [this](const Simulator::RecordedRequest &request) {
                if (request.path == QLatin1String("/dawiso/qrs/about"))
                    m_check->cancel();
            });
    m_check->start(m_proxy->host().hostAndPort(), goodToken);
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
    QCOMPARE(finished.first().first().value<ConnectionReport>().verdict, ConnectionReport::Verdict::Cancelled);
    QTRY_COMPARE_WITH_TIMEOUT(m_proxy->deletes, 1, 10000);
}

void TestEnterpriseConnectionCheck::unreachableProxy()
{
    const QString hostAndPort = m_proxy->host().hostAndPort();
    m_proxy->host().stop();
    QSignalSpy finished(m_check.get(), &ConnectionCheck::finished);
    m_check->start(hostAndPort, goodToken);
    QVERIFY(finished.wait(30000));
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Unreachable);
    QCOMPARE(result(report, QStringLiteral("session")).status, CheckStatus::Fail);
}

void TestEnterpriseConnectionCheck::anyUserWhenNoneIsExpected()
{
    m_check->setServiceUser(QString(), QString());
    m_proxy->user.insert(QStringLiteral("userId"), QStringLiteral("qlikadmin"));
    const ConnectionReport report = run();
    const CheckResult identity = result(report, QStringLiteral("identity"));
    QCOMPARE(identity.status, CheckStatus::Pass);
    QVERIFY(identity.message.contains(QLatin1String("CORP\\qlikadmin")));
}

void TestEnterpriseConnectionCheck::reportWithoutTheServer()
{
    EnterpriseConnectionCheck check(m_network.get(), m_trust.get());
    check.setVirtualProxyPrefix(QStringLiteral("dawiso"));
    QSignalSpy finished(&check, &ConnectionCheck::finished);
    check.finishWithoutServer(QStringLiteral("qlikserver1.corp.example"), ConnectionCheck::NotStarted::Unreadable,
                              QStringLiteral("The keychain is locked."), QStringLiteral("Unlock it."));
    QCOMPARE(finished.size(), 1);
    const auto report = finished.first().first().value<ConnectionReport>();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Blocked);
    QCOMPARE(result(report, QStringLiteral("session")).message, QStringLiteral("The keychain is locked."));
    QCOMPARE(report.value(QStringLiteral("serviceUser")).toString(), QString());
    QVERIFY(report.value(QStringLiteral("counts.apps")).isNull());
    QCOMPARE(m_proxy->pathsSeen.size(), 0);
}

QTEST_GUILESS_MAIN(TestEnterpriseConnectionCheck)
#include "tst_enterpriseconnectioncheck.moc"
