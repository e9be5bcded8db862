// QlikStep's contract over real HTTPS against the simulator: one result per start, queued; cancel() against an
// answer; a request that must finish; abandon(); answers of an abandoned attempt; several requests in flight.
#include "SimulatorClientFixture.h"
#include "qlik/QlikClient.h"
#include "qlik/QlikRequest.h"
#include "qlik/QlikStep.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QSignalSpy>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSimulator;
using Simulator::SampleKey;

namespace {

const QString usersMe = QStringLiteral("/api/v1/users/me");
const QString tenantsMe = QStringLiteral("/api/v1/tenants/me");
const QString wellKnown = QStringLiteral("/.well-known/oauth-authorization-server");

// A step as small as the contract: it asks for the paths it is given, side by side, and ends with the HTTP status of
// each answer (0 for a request without one). Its cancel() reports Cancelled at once, as CloudHostProbe's does, when
// told to; otherwise it is QlikStep's own.
class StatusStep : public QlikStep
{
    Q_OBJECT

public:
    using QlikStep::Completion;
    using QlikStep::QlikStep;

    void setReportsCancel(bool reports) { m_reportsCancel = reports; }

    void start(const QStringList &paths, Completion completion = Completion::Cancellable)
    {
        begin();
        m_statuses.clear();
        m_pending = int(paths.size());
        for (const QString &path : paths)
            run(
                client()->get(path), [this](QlikRequest *request) { onAnswer(request); }, completion);
    }

    // The caller's own request, as the step's only one: the caller may connect to it before the step does.
    void startWith(QlikRequest *request)
    {
        begin();
        m_statuses.clear();
        m_pending = 1;
        run(request, [this](QlikRequest *answered) { onAnswer(answered); });
    }

    // A result known before any request, as a refusal of bad settings is.
    void startRefused()
    {
        begin();
        finish([this] { emit finished({}, false); });
    }

    void cancel() override
    {
        if (m_reportsCancel && isRunning() && isCancellable())
            finishNow([this] { emit finished({}, true); });
        else
            QlikStep::cancel();
    }

    RequestFailure lastFailure() const { return m_lastFailure; }

signals:
    // Every answer, from the handler, once the result may already be decided.
    void answered(int status);
    void finished(const QList<int> &statuses, bool cancelled);

private:
    void onAnswer(QlikRequest *request)
    {
        m_lastFailure = request->failure();
        m_statuses << request->httpStatus();
        if (--m_pending == 0)
            finish([this, statuses = m_statuses] { emit finished(statuses, false); });
        emit answered(request->httpStatus());
    }

    QList<int> m_statuses;
    int m_pending = 0;
    bool m_reportsCancel = false;
    RequestFailure m_lastFailure;
};

} // namespace

class TestQlikStep : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void resultIsQueuedEvenWhenKnownInsideStart();
    void oneResultForSeveralRequestsInFlight();
    void timeoutsAreTheRequests();
    void cancelBeforeTheAnswerReportsCancelledOnce();
    void cancelAfterTheResultIsDecidedKeepsIt();
    void cancelBetweenAnswerAndHandlerReportsCancelledOnce();
    void cancelStopsEveryRequestInFlight();
    void mustFinishRequestSurvivesCancel();
    void abandonSilencesEvenAMustFinishRequest();
    void lateAnswerOfAnAbandonedAttemptIsDropped();
    void queuedResultOfAnEarlierAttemptIsDropped();

private:
    // Waits until the simulator has the request, so that stopping it now really races Qlik's answer.
    bool waitForRequest(const QString &path, int count = 1);
};

void TestQlikStep::init()
{
    QVERIFY(startSimulator());
    m_client->setApiKey(m_simulator->sampleToken(SampleKey::Healthy));
}

void TestQlikStep::cleanup()
{
    stopSimulator();
}

bool TestQlikStep::waitForRequest(const QString &path, int count)
{
    return QTest::qWaitFor([&] { return m_simulator->requestCount(path) >= count; }, 10000);
}

void TestQlikStep::resultIsQueuedEvenWhenKnownInsideStart()
{
    StatusStep step(m_client.get());
    QSignalSpy finished(&step, &StatusStep::finished);
    step.startRefused();
    QCOMPARE(finished.size(), 0); // a caller connecting after start() still hears it
    QVERIFY(!step.isRunning());
    QVERIFY(finished.wait(5000));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
}

void TestQlikStep::oneResultForSeveralRequestsInFlight()
{
    m_simulator->setResponseDelay(usersMe, 300);
    StatusStep step(m_client.get());
    QSignalSpy finished(&step, &StatusStep::finished);
    QSignalSpy answered(&step, &StatusStep::answered);
    step.start({usersMe, tenantsMe});
    QVERIFY(waitForRequest(usersMe));
    QVERIFY(waitForRequest(tenantsMe)); // both are asked before either is answered
    QVERIFY(finished.wait(10000));
    QCOMPARE(answered.size(), 2);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<QList<int>>(), (QList<int> {200, 200}));
    QCOMPARE(finished.first().at(1).toBool(), false);
}

void TestQlikStep::timeoutsAreTheRequests()
{
    m_simulator->setResponseDelay(wellKnown, -1);
    StatusStep step(m_client.get());
    QSignalSpy finished(&step, &StatusStep::finished);
    QlikRequestOptions options;
    options.authenticated = false;
    options.timeout = std::chrono::milliseconds(400);
    step.startWith(m_client->send(m_client->urlFor(wellKnown), options));
    QVERIFY(finished.wait(10000));
    QCOMPARE(step.lastFailure().kind(), RequestFailure::Kind::TimedOut);
    QCOMPARE(finished.first().at(0).value<QList<int>>(), (QList<int> {0}));
}

void TestQlikStep::cancelBeforeTheAnswerReportsCancelledOnce()
{
    m_simulator->setResponseDelay(usersMe, 300);
    StatusStep step(m_client.get());
    step.setReportsCancel(true);
    QSignalSpy finished(&step, &StatusStep::finished);
    QSignalSpy answered(&step, &StatusStep::answered);
    step.start({usersMe});
    QVERIFY(waitForRequest(usersMe));
    step.cancel();
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toBool(), true);
    step.cancel(); // a second cancel changes nothing
    QTest::qWait(600); // past the answer Qlik would have given
    QCOMPARE(finished.size(), 1);
    QCOMPARE(answered.size(), 0);
}

void TestQlikStep::cancelAfterTheResultIsDecidedKeepsIt()
{
    StatusStep step(m_client.get());
    step.setReportsCancel(true);
    QSignalSpy finished(&step, &StatusStep::finished);
    // The answer has decided the result; Stop comes before it is delivered.
    connect(&step, &StatusStep::answered, &step, [&step] { step.cancel(); });
    step.start({usersMe});
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QCOMPARE(finished.first().at(0).value<QList<int>>(), (QList<int> {200}));
}

void TestQlikStep::cancelBetweenAnswerAndHandlerReportsCancelledOnce()
{
    StatusStep step(m_client.get());
    step.setReportsCancel(true);
    QSignalSpy finished(&step, &StatusStep::finished);
    QSignalSpy answered(&step, &StatusStep::answered);
    QlikRequest *request = m_client->get(usersMe);
    // Connected before the step's own handler: the answer has come, and Stop wins before the step has read it.
    connect(request, &QlikRequest::finished, &step, [&step] { step.cancel(); });
    step.startWith(request);
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toBool(), true);
    QCOMPARE(answered.size(), 0);
}

void TestQlikStep::cancelStopsEveryRequestInFlight()
{
    m_simulator->setResponseDelay(usersMe, 300);
    m_simulator->setResponseDelay(tenantsMe, 300);
    StatusStep step(m_client.get());
    QSignalSpy finished(&step, &StatusStep::finished);
    QSignalSpy answered(&step, &StatusStep::answered);
    step.start({usersMe, tenantsMe});
    QVERIFY(waitForRequest(usersMe));
    QVERIFY(waitForRequest(tenantsMe));
    step.cancel();
    QVERIFY(!step.isRunning());
    QTest::qWait(700);
    QCOMPARE(answered.size(), 0);
    QCOMPARE(finished.size(), 0); // QlikStep's own cancel() ends the attempt without a result
}

void TestQlikStep::mustFinishRequestSurvivesCancel()
{
    m_simulator->setResponseDelay(usersMe, 400);
    StatusStep step(m_client.get());
    step.setReportsCancel(true);
    QSignalSpy finished(&step, &StatusStep::finished);
    step.start({usersMe}, StatusStep::Completion::MustFinish);
    QVERIFY(waitForRequest(usersMe));
    QVERIFY(!step.isCancellable());
    step.cancel();
    QVERIFY(step.isRunning());
    QCOMPARE(finished.size(), 0);
    QVERIFY(finished.wait(10000));
    QTest::qWait(100);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(1).toBool(), false);
    QCOMPARE(finished.first().at(0).value<QList<int>>(), (QList<int> {200}));
    QVERIFY(step.isCancellable());
}

void TestQlikStep::abandonSilencesEvenAMustFinishRequest()
{
    m_simulator->setResponseDelay(usersMe, 300);
    StatusStep step(m_client.get());
    QSignalSpy finished(&step, &StatusStep::finished);
    QSignalSpy answered(&step, &StatusStep::answered);
    step.start({usersMe}, StatusStep::Completion::MustFinish);
    QVERIFY(waitForRequest(usersMe));
    step.abandon();
    QVERIFY(!step.isRunning());
    QVERIFY(step.isCancellable());
    QTest::qWait(700);
    QCOMPARE(answered.size(), 0);
    QCOMPARE(finished.size(), 0);
}

void TestQlikStep::lateAnswerOfAnAbandonedAttemptIsDropped()
{
    m_simulator->setResponseDelay(usersMe, 400);
    StatusStep step(m_client.get());
    QSignalSpy finished(&step, &StatusStep::finished);
    QSignalSpy answered(&step, &StatusStep::answered);
    step.start({usersMe});
    QVERIFY(waitForRequest(usersMe));
    step.start({tenantsMe}); // a newer attempt: the first one's answer must never be taken for its own
    QVERIFY(finished.wait(10000));
    QTest::qWait(700);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(answered.size(), 1);
    QCOMPARE(finished.first().at(0).value<QList<int>>(), (QList<int> {200}));
    QCOMPARE(m_simulator->requestCount(usersMe), 1);
    QCOMPARE(m_simulator->requestCount(tenantsMe), 1);
}

void TestQlikStep::queuedResultOfAnEarlierAttemptIsDropped()
{
    StatusStep step(m_client.get());
    QSignalSpy finished(&step, &StatusStep::finished);
    int starts = 0;
    // The first attempt has decided its result; a newer start() comes before it is delivered.
    connect(&step, &StatusStep::answered, &step, [&] {
        if (starts++ == 0)
            step.start({tenantsMe, tenantsMe});
    });
    step.start({usersMe});
    QVERIFY(finished.wait(10000));
    QTest::qWait(200);
    QCOMPARE(finished.size(), 1);
    QCOMPARE(finished.first().at(0).value<QList<int>>(), (QList<int> {200, 200}));
}

QTEST_GUILESS_MAIN(TestQlikStep)
#include "tst_qlikstep.moc"
