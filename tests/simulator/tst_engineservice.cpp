// The simulated site's engine over a real WebSocket (wss on loopback): the proxy's checks on the handshake (cookie,
// CSRF token, Origin, no Authorization) closing with 1008, the greeting, the licence and session-budget refusals, and
// the JSON-RPC calls a catalog makes, with the site's answers given by the test.
#include "simulator/common/SimulatorHost.h"
#include "simulator/onprem/EngineService.h"
#include "simulator/onprem/SiteDirectory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QTest>
#include <QWebSocket>

using namespace Dawiso::Simulator;

namespace {

const QByteArray goodCookie = QByteArrayLiteral("X-Qlik-Session-dawiso=session-one");
const QString goodToken = QStringLiteral("csrf-one");

struct Visit
{
    QStringList notifications;
    QList<QJsonObject> answers;
    int closeCode = 0;
    QString closeReason;
    bool closed = false;
};

} // namespace

class TestEngineService : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void opensAnAppAndReadsItsScript();
    void paramsMayBeAnArray();
    void appOutsideTheHubListIsDenied();
    void unknownAppIsNotFound();
    void getScriptNeedsTheOwner();
    void methodsOnlyOnTheirHandle();
    void defaultVirtualProxyPath();
    void refusedHandshakes_data();
    void refusedHandshakes();
    void noAccessAllocation();
    void overTheSessionBudget();
    void restartingProxyClosesAsA503();
    void recordsTheHandshakeWithoutSecrets();

private:
    std::unique_ptr<QWebSocket> connectSocket(const QString &path, const QByteArray &cookie, const QString &token,
                                              const QString &origin, bool authorization = false);
    QJsonObject call(QWebSocket *socket, int id, int handle, const QString &method, const QJsonValue &params);
    const SiteApp &appNamed(const QString &name) const;

    SiteDirectory m_directory;
    std::unique_ptr<SimulatorHost> m_host;
    std::unique_ptr<EngineService> m_engine;
    QStringList m_hubApps;
    bool m_allocated = true;
    bool m_restarting = false;
    int m_sessions = 1;
    std::unique_ptr<Visit> m_visit;
};

void TestEngineService::init()
{
    m_directory = SiteDirectory::demo();
    m_hubApps = {appNamed(QStringLiteral("Company Overview")).id};
    m_allocated = true;
    m_restarting = false;
    m_sessions = 1;
    EngineService::SiteAccess access;
    access.admit = [](const EngineService::Handshake &handshake) -> std::optional<EngineService::Caller> {
        if (handshake.cookieHeader != goodCookie || handshake.csrfToken != goodToken || handshake.hasAuthorization
            || QUrl(handshake.origin).host() != QLatin1String("localhost"))
            return std::nullopt;
        return EngineService::Caller {QStringLiteral("CORP"), QStringLiteral("analyst")};
    };
    access.hasAccessAllocation = [this](const EngineService::Caller &) {
        return m_allocated;
    };
    access.liveSessionCount = [this](const EngineService::Caller &) {
        return m_sessions;
    };
    access.hubAppIds = [this](const EngineService::Caller &) {
        return m_hubApps;
    };
    access.proxyRestarting = [this] {
        return m_restarting;
    };
    m_engine = std::make_unique<EngineService>(m_directory, access);
    m_host = std::make_unique<SimulatorHost>();
    m_host->setExchangeLogged(false);
    m_host->setWebSocketHandler([this](std::unique_ptr<QWebSocket> socket) { m_engine->accept(std::move(socket)); });
    QVERIFY(m_host->start());
}

void TestEngineService::cleanup()
{
    m_host.reset();
    m_engine.reset();
}

const SiteApp &TestEngineService::appNamed(const QString &name) const
{
    for (const SiteApp &app : m_directory.apps) {
        if (app.name == name)
            return app;
    }
    qFatal("no demo app named %s", qPrintable(name));
}

std::unique_ptr<QWebSocket> TestEngineService::connectSocket(const QString &path, const QByteArray &cookie,
                                                             const QString &token, const QString &origin,
                                                             bool authorization)
{
    m_visit = std::make_unique<Visit>();
    auto socket = std::make_unique<QWebSocket>(origin);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificate(m_host->certificate());
    socket->setSslConfiguration(tls);
    Visit *visit = m_visit.get();
    QWebSocket *raw = socket.get();
    connect(raw, &QWebSocket::textMessageReceived, this, [visit](const QString &message) {
        const QJsonObject object = QJsonDocument::fromJson(message.toUtf8()).object();
        if (object.contains(QStringLiteral("method")))
            visit->notifications << object.value(QStringLiteral("method")).toString();
        else
            visit->answers << object;
    });
    connect(raw, &QWebSocket::disconnected, this, [visit, raw] {
        visit->closed = true;
        visit->closeCode = raw->closeCode();
        visit->closeReason = raw->closeReason();
    });
    QUrl url = m_host->baseUrl();
    url.setScheme(QStringLiteral("wss"));
    url.setPath(path);
    if (!token.isNull())
        url.setQuery(QStringLiteral("qlik-csrf-token=") + token);
    QNetworkRequest request(url);
    if (!cookie.isEmpty())
        request.setRawHeader("Cookie", cookie);
    if (authorization)
        request.setRawHeader("Authorization", "Bearer not-a-real-token");
    socket->open(request);
    return socket;
}

QJsonObject TestEngineService::call(QWebSocket *socket, int id, int handle, const QString &method,
                                    const QJsonValue &params)
{
    const qsizetype before = m_visit->answers.size();
    socket->sendTextMessage(
        QString::fromUtf8(QJsonDocument(QJsonObject {{QStringLiteral("jsonrpc"), QStringLiteral("2.0")},
                                                     {QStringLiteral("id"), id},
                                                     {QStringLiteral("handle"), handle},
                                                     {QStringLiteral("method"), method},
                                                     {QStringLiteral("params"), params}})
                              .toJson(QJsonDocument::Compact)));
    if (!QTest::qWaitFor([&] { return m_visit->answers.size() > before; }, 10000))
        return {};
    const QJsonObject answer = m_visit->answers.last();
    if (answer.value(QStringLiteral("id")).toInt() != id)
        qWarning("answer for another id");
    return answer;
}

void TestEngineService::opensAnAppAndReadsItsScript()
{
    const SiteApp &app = appNamed(QStringLiteral("Company Overview"));
    auto socket = connectSocket(QStringLiteral("/dawiso/app/") + app.id, goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications, QStringList {QStringLiteral("OnConnected")}, 10000);
    QCOMPARE(m_engine->openSocketCount(), 1);

    const QJsonObject opened =
        call(socket.get(), 1, -1, QStringLiteral("OpenDoc"),
             QJsonObject {{QStringLiteral("qDocName"), app.id}, {QStringLiteral("qNoData"), true}});
    const QJsonObject qReturn =
        opened.value(QStringLiteral("result")).toObject().value(QStringLiteral("qReturn")).toObject();
    QCOMPARE(qReturn.value(QStringLiteral("qType")).toString(), QStringLiteral("Doc"));
    QCOMPARE(qReturn.value(QStringLiteral("qHandle")).toInt(), 1);
    QCOMPARE(qReturn.value(QStringLiteral("qGenericId")).toString(), app.id);
    QCOMPARE(opened.value(QStringLiteral("jsonrpc")).toString(), QStringLiteral("2.0"));

    const QJsonObject layout = call(socket.get(), 2, 1, QStringLiteral("GetAppLayout"), QJsonObject {})
                                   .value(QStringLiteral("result"))
                                   .toObject()
                                   .value(QStringLiteral("qLayout"))
                                   .toObject();
    QCOMPARE(layout.value(QStringLiteral("qTitle")).toString(), app.name);
    QCOMPARE(layout.value(QStringLiteral("qFileName")).toString(), app.id);
    QVERIFY(layout.value(QStringLiteral("qHasScript")).toBool());

    const QString script = call(socket.get(), 3, 1, QStringLiteral("GetScriptEx"), QJsonObject {})
                               .value(QStringLiteral("result"))
                               .toObject()
                               .value(QStringLiteral("qScript"))
                               .toString();
    QVERIFY(script.startsWith(QLatin1String("///$tab Main\r\n")));
    QVERIFY(script.contains(app.name));

    socket->close();
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->openSocketCount(), 0, 10000);
}

void TestEngineService::paramsMayBeAnArray()
{
    const SiteApp &app = appNamed(QStringLiteral("Company Overview"));
    auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications.size(), 1, 10000);
    const QJsonObject opened = call(socket.get(), 7, -1, QStringLiteral("OpenDoc"),
                                    QJsonArray {app.id, QString(), QString(), QString(), true});
    QCOMPARE(opened.value(QStringLiteral("id")).toInt(), 7);
    QVERIFY(opened.contains(QStringLiteral("result")));
}

void TestEngineService::appOutsideTheHubListIsDenied()
{
    const SiteApp &app = appNamed(QStringLiteral("Sales Pipeline"));
    auto socket = connectSocket(QStringLiteral("/dawiso/app/") + app.id, goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications.size(), 1, 10000);
    const QJsonObject error =
        call(socket.get(), 1, -1, QStringLiteral("OpenDoc"), QJsonObject {{QStringLiteral("qDocName"), app.id}})
            .value(QStringLiteral("error"))
            .toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toInt(), 5);
    QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("Access denied"));
    // Nothing opened, so the app's methods do not exist.
    QCOMPARE(call(socket.get(), 2, 1, QStringLiteral("GetScriptEx"), QJsonObject {})
                 .value(QStringLiteral("error"))
                 .toObject()
                 .value(QStringLiteral("code"))
                 .toInt(),
             -32601);
}

void TestEngineService::unknownAppIsNotFound()
{
    auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications.size(), 1, 10000);
    const QJsonObject error = call(socket.get(), 1, -1, QStringLiteral("OpenDoc"),
                                   QJsonObject {{QStringLiteral("qDocName"), QStringLiteral("no-such-app")}})
                                  .value(QStringLiteral("error"))
                                  .toObject();
    QCOMPARE(error.value(QStringLiteral("code")).toInt(), 1003);
    QCOMPARE(error.value(QStringLiteral("message")).toString(), QStringLiteral("App not found"));
}

void TestEngineService::getScriptNeedsTheOwner()
{
    // The caller is CORP\analyst: it owns the unpublished apps, not the published ones.
    const SiteUser *analyst = m_directory.user(QStringLiteral("CORP"), QStringLiteral("analyst"));
    QVERIFY(analyst);
    const SiteApp *own = nullptr;
    for (const SiteApp &app : m_directory.apps) {
        if (app.ownerId == analyst->id)
            own = &app;
    }
    QVERIFY(own);
    const SiteApp &other = appNamed(QStringLiteral("Company Overview"));
    QVERIFY(other.ownerId != analyst->id);
    m_hubApps << own->id;

    for (const SiteApp *app : {own, &other}) {
        auto socket = connectSocket(QStringLiteral("/dawiso/app/") + app->id, goodCookie, goodToken,
                                    QStringLiteral("https://localhost"));
        QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications.size(), 1, 10000);
        QVERIFY(
            call(socket.get(), 1, -1, QStringLiteral("OpenDoc"), QJsonObject {{QStringLiteral("qDocName"), app->id}})
                .contains(QStringLiteral("result")));
        const QJsonObject answer = call(socket.get(), 2, 1, QStringLiteral("GetScript"), QJsonObject {});
        if (app == own) {
            QVERIFY(answer.value(QStringLiteral("result")).toObject().contains(QStringLiteral("qScript")));
        } else {
            QCOMPARE(answer.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), 5);
            // Reading it with GetScriptEx needs only read.
            QVERIFY(call(socket.get(), 3, 1, QStringLiteral("GetScriptEx"), QJsonObject {})
                        .contains(QStringLiteral("result")));
        }
    }
}

void TestEngineService::methodsOnlyOnTheirHandle()
{
    const SiteApp &app = appNamed(QStringLiteral("Company Overview"));
    auto socket = connectSocket(QStringLiteral("/dawiso/app/") + app.id, goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications.size(), 1, 10000);
    QVERIFY(call(socket.get(), 1, -1, QStringLiteral("OpenDoc"), QJsonObject {{QStringLiteral("qDocName"), app.id}})
                .contains(QStringLiteral("result")));
    const QJsonObject onGlobal = call(socket.get(), 2, -1, QStringLiteral("GetAppLayout"), QJsonObject {});
    QCOMPARE(onGlobal.value(QStringLiteral("error")).toObject().value(QStringLiteral("code")).toInt(), -32601);
    const QJsonObject unknown = call(socket.get(), 3, 1, QStringLiteral("DoReload"), QJsonObject {});
    QCOMPARE(unknown.value(QStringLiteral("error")).toObject().value(QStringLiteral("message")).toString(),
             QStringLiteral("Method not found"));
}

void TestEngineService::defaultVirtualProxyPath()
{
    QString prefixSeen = QStringLiteral("unset");
    EngineService::SiteAccess access;
    access.admit = [&prefixSeen](const EngineService::Handshake &handshake) {
        prefixSeen = handshake.prefix;
        return std::optional<EngineService::Caller>(
            EngineService::Caller {QStringLiteral("CORP"), QStringLiteral("analyst")});
    };
    access.hasAccessAllocation = [](const EngineService::Caller &) {
        return true;
    };
    access.liveSessionCount = [](const EngineService::Caller &) {
        return 1;
    };
    access.hubAppIds = [](const EngineService::Caller &) {
        return QStringList();
    };
    m_engine = std::make_unique<EngineService>(m_directory, access);
    auto socket =
        connectSocket(QStringLiteral("/app/engineData"), goodCookie, goodToken, QStringLiteral("https://localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications.size(), 1, 10000);
    QCOMPARE(prefixSeen, QString());
}

void TestEngineService::refusedHandshakes_data()
{
    QTest::addColumn<QByteArray>("cookie");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("origin");
    QTest::addColumn<bool>("authorization");
    QTest::newRow("no cookie") << QByteArray() << goodToken << QStringLiteral("https://localhost") << false;
    QTest::newRow("another session") << QByteArrayLiteral("X-Qlik-Session-dawiso=other") << goodToken
                                     << QStringLiteral("https://localhost") << false;
    QTest::newRow("no csrf token") << goodCookie << QString() << QStringLiteral("https://localhost") << false;
    QTest::newRow("wrong csrf token") << goodCookie << QStringLiteral("csrf-two") << QStringLiteral("https://localhost")
                                      << false;
    QTest::newRow("foreign origin") << goodCookie << goodToken << QStringLiteral("https://evil.example") << false;
    QTest::newRow("with authorization") << goodCookie << goodToken << QStringLiteral("https://localhost") << true;
}

void TestEngineService::refusedHandshakes()
{
    QFETCH(QByteArray, cookie);
    QFETCH(QString, token);
    QFETCH(QString, origin);
    QFETCH(bool, authorization);
    auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), cookie, token, origin, authorization);
    QTRY_VERIFY_WITH_TIMEOUT(m_visit->closed, 10000);
    QCOMPARE(m_visit->closeCode, 1008);
    QCOMPARE(m_visit->closeReason, EngineService::forbiddenReason());
    QVERIFY(m_visit->notifications.isEmpty());
    QCOMPARE(m_engine->openSocketCount(), 0);
}

void TestEngineService::noAccessAllocation()
{
    m_allocated = false;
    auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_VERIFY_WITH_TIMEOUT(m_visit->closed, 10000);
    QCOMPARE(m_visit->notifications, QStringList {QStringLiteral("OnLicenseAccessDenied")});
}

void TestEngineService::overTheSessionBudget()
{
    m_sessions = EngineService::sessionBudget;
    {
        auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), goodCookie, goodToken,
                                    QStringLiteral("https://localhost"));
        QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications, QStringList {QStringLiteral("OnConnected")}, 10000);
    }
    m_sessions = EngineService::sessionBudget + 1;
    auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_VERIFY_WITH_TIMEOUT(m_visit->closed, 10000);
    QCOMPARE(m_visit->notifications, QStringList {QStringLiteral("OnMaxParallelSessionsExceeded")});
}

void TestEngineService::restartingProxyClosesAsA503()
{
    m_restarting = true;
    auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_VERIFY_WITH_TIMEOUT(m_visit->closed, 10000);
    QCOMPARE(m_visit->closeCode, 1001);
    QCOMPARE(m_visit->closeReason, EngineService::restartingReason());
    QVERIFY(m_visit->notifications.isEmpty());
}

void TestEngineService::recordsTheHandshakeWithoutSecrets()
{
    auto socket = connectSocket(QStringLiteral("/dawiso/app/engineData"), goodCookie, goodToken,
                                QStringLiteral("https://localhost"));
    QTRY_COMPARE_WITH_TIMEOUT(m_visit->notifications.size(), 1, 10000);
    QCOMPARE(m_host->requestCount(QStringLiteral("/dawiso/app/")), 1);
    const RecordedRequest record = m_host->requests().last();
    QCOMPARE(record.path, QStringLiteral("/dawiso/app/engineData"));
    QVERIFY(!record.query.contains(goodToken));
    QCOMPARE(record.headers.value("Cookie"), QByteArrayLiteral("redacted"));
    QVERIFY(!record.hadAuthorization);
}

QTEST_GUILESS_MAIN(TestEngineService)
#include "tst_engineservice.moc"
