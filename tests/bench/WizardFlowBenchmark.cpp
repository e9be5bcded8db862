#include "WizardFlowBenchmark.h"

#include "Deployments.h"
#include "FakeSecretStore.h"
#include "LatencyProbe.h"
#include "LoadAverage.h"
#include "MarkdownTable.h"
#include "SetupWizard.h"
#include "Statistics.h"
#include "cloud/CloudFlow.h"
#include "net/TlsTrust.h"
#include "secrets/ConnectionIndex.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QScopeGuard>
#include <QSettings>
#include <QSslCertificate>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>
#include <QWindow>

#include <algorithm>
#include <cmath>

namespace Dawiso::Bench {

namespace {

const double worstTargetMs = 50;
const double p99TargetMs = 16;
const QString hostStep = QStringLiteral("Host probe");
const QString keyStep = QStringLiteral("Key verification");
const QString checkStep = QStringLiteral("Save and connection check");
const QString appsPrefix = QStringLiteral("/api/v1/apps/");

std::function<int(const ServedRequests &)> exactly(const QString &path)
{
    return [path](const ServedRequests &requests) {
        return requests.byPath.value(path);
    };
}

std::function<int(const ServedRequests &)> underneath(const QString &prefix, const QString &except)
{
    return [prefix, except](const ServedRequests &requests) {
        return requests.sum([&](const QString &path) { return path.startsWith(prefix) && path != except; });
    };
}

std::function<int(const ServedRequests &)> appOpens(bool metadata)
{
    return [metadata](const ServedRequests &requests) {
        return requests.sum([metadata](const QString &path) {
            return path.startsWith(appsPrefix) && path.endsWith(QLatin1String("/data/metadata")) == metadata;
        });
    };
}

QString milliseconds(double value)
{
    return MarkdownTable::number(value, 1) + QStringLiteral(" ms");
}

// Judged as the tables print it, to a tenth of a millisecond, so that they never show a figure equal to its target
// beside "NO".
bool meets(double ms, double target)
{
    return std::lround(ms * 10) <= std::lround(target * 10);
}

} // namespace

WizardFlowBenchmark::WizardFlowBenchmark(const Options &options)
    : m_options(options)
{ }

int WizardFlowBenchmark::run(const QString &program)
{
    if (!serve(program)) {
        QTextStream(stderr) << "bench_wizardflow: " << m_problem << Qt::endl;
        return CouldNotRun;
    }
    QTextStream out(stdout);
    printIntroduction(out);
    bool responsive = false;
    if (!measure(out, QStringLiteral("first"), m_options.runs, &responsive))
        return CouldNotRun;
    if (!responsive) {
        out << "\nThe first measurement missed a responsiveness target: measuring again, with twice as many walks.\n";
        if (!measure(out, QStringLiteral("second"), 2 * m_options.runs, &responsive))
            return CouldNotRun;
    }
    out << '\n';
    const bool requestsMet = printRequests(out);
    const bool met = responsive && requestsMet;
    out << '\n' << (met ? "Result: every target is met." : "Result: at least one target is missed.") << Qt::endl;
    return met ? TargetsMet : TargetsMissed;
}

bool WizardFlowBenchmark::serve(const QString &program)
{
    if (m_server.serve(program, m_options.apps, m_options.spaces))
        return true;
    m_problem = m_server.error();
    return false;
}

bool WizardFlowBenchmark::walkOnce()
{
    LatencyProbe probe([this] { return isWorking(); });
    Walk walked;
    m_watching = false;
    const bool walkedThrough = walk(probe, &walked);
    m_watching = true;
    return walkedThrough;
}

void WizardFlowBenchmark::printIntroduction(QTextStream &out) const
{
    const ServedTenant &tenant = m_server.tenant();
    out << "Wizard flow benchmark: the real wizard (offscreen) walks the guided flow " << m_options.runs
        << " times (and " << 2 * m_options.runs
        << " more when that misses a responsiveness target) against a simulated tenant of " << tenant.apps
        << " apps in " << tenant.spaces << " spaces served by another process; an in-memory keychain.\n"
        << "Platform: " << QSysInfo::prettyProductName() << ", " << QSysInfo::currentCpuArchitecture() << ", "
        << QThread::idealThreadCount() << " hardware threads; Qt " << qVersion() << "; build type "
        << DQS_BENCH_BUILD_TYPE << ".\n";
    if (QLatin1String(DQS_BENCH_BUILD_TYPE) != QLatin1String("Release"))
        out << "Note: this is not a Release build; scripts/bench builds one.\n";
    out.flush();
}

bool WizardFlowBenchmark::measure(QTextStream &out, const QString &name, int walks, bool *met)
{
    LatencyProbe probe([this] { return isWorking(); });
    const QString loadBefore = loadAverage();
    for (int i = 0; i < walks; ++i) {
        Walk walked;
        if (!walk(probe, &walked)) {
            QTextStream(stderr) << "bench_wizardflow: walk " << i + 1 << " of the " << name
                                << " measurement: " << m_problem << Qt::endl;
            return false;
        }
        m_walks << walked;
    }
    const QString loadAfter = loadAverage();
    QString heading = QStringLiteral("Responsiveness, %1 measurement, %2 walks").arg(name).arg(walks);
    if (!loadBefore.isEmpty())
        heading += QStringLiteral(" (load average %1 before, %2 after)").arg(loadBefore, loadAfter);
    out << '\n';
    *met = printResponsiveness(out, probe, heading);
    out.flush();
    return true;
}

bool WizardFlowBenchmark::isWorking() const
{
    return m_controller
        && (m_controller->isProbingHost() || m_cloud->isVerifyingKey() || m_controller->isSaving()
            || m_controller->isCheckingConnection());
}

bool WizardFlowBenchmark::walk(LatencyProbe &probe, Walk *result)
{
    const ServedTenant &tenant = m_server.tenant();
    QTemporaryDir dir;
    QSettings settings(dir.filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    ConnectionIndex index(&settings);
    FakeSecretStore store;
    QNetworkAccessManager network;
    TlsTrust trust;
    trust.addCaCertificates(QSslCertificate::fromData(tenant.certificatePem, QSsl::Pem));
    SetupController controller(&network, &trust, &store, &index);
    SetupWizard wizard(&controller);
    CloudFlow *cloud = Deployments::addAll(&controller, &wizard);
    m_controller = &controller;
    m_cloud = cloud;
    const auto forget = qScopeGuard([this] {
        m_controller = nullptr;
        m_cloud = nullptr;
    });
    wizard.setInitialHost(tenant.hostAndPort());
    wizard.show();
    if (!waitFor([&] { return wizard.windowHandle() && wizard.windowHandle()->isExposed(); }, 30000,
                 QStringLiteral("showing the wizard")))
        return false;
    probe.start();
    watch(50);

    // Host: the address is filled in; the check starts once "typing" pauses.
    probe.setPhase(hostStep);
    clickNext(wizard);
    if (!waitFor([&] { return !controller.isProbingHost() && canGoNext(wizard); }, 60000,
                 QStringLiteral("finding the tenant")))
        return false;
    watch(200);
    if (!takeRequests(probe, &result->host))
        return false;

    // Access: the three steps done in Qlik, ticked.
    clickNext(wizard);
    for (const char *name : {"createRoleCheck", "assignRoleCheck", "shareSpacesCheck"}) {
        auto *box = wizard.currentPage()->findChild<QCheckBox *>(QString::fromLatin1(name));
        if (!box) {
            m_problem = QStringLiteral("the Access page has no %1").arg(QString::fromLatin1(name));
            return false;
        }
        box->click();
    }
    if (!waitFor([&] { return canGoNext(wizard); }, 10000, QStringLiteral("completing the Access page")))
        return false;
    clickNext(wizard);

    // Key: pasted; verified once "typing" pauses.
    probe.setPhase(keyStep);
    auto *keyEdit = wizard.currentPage()->findChild<QLineEdit *>(QStringLiteral("keyEdit"));
    if (!keyEdit) {
        m_problem = QStringLiteral("the Key page has no key field");
        return false;
    }
    QString pasted = QString::fromLatin1(tenant.token);
    keyEdit->setText(pasted);
    SecureMemory::wipe(pasted);
    if (!waitFor([&] { return cloud->hasVerifiedKey() && canGoNext(wizard); }, 60000,
                 QStringLiteral("verifying the key")))
        return false;
    watch(200);
    if (!takeRequests(probe, &result->key))
        return false;

    // Save: stored in the (in-memory) keychain, read back, then the connection check with the stored key.
    probe.setPhase(checkStep);
    clickNext(wizard);
    if (!waitFor([&] { return canGoNext(wizard); }, 300000, QStringLiteral("saving and checking")))
        return false;
    watch(200);
    probe.stop();
    const ConnectionReport report = controller.connectionReport();
    if (report.verdict != ConnectionReport::Verdict::Usable) {
        m_problem = QStringLiteral("the connection check did not find the tenant usable: %1").arg(report.verdictText());
        return false;
    }
    result->apps = report.value(QStringLiteral("counts.apps")).toInt();
    result->spaces = report.value(QStringLiteral("counts.spaces")).toInt();
    return takeRequests(probe, &result->check);
}

bool WizardFlowBenchmark::waitFor(const std::function<bool()> &condition, int timeoutMs, const QString &what)
{
    // Polled from the event loop, never by sleeping: a sleeping harness would show up as the wizard's lateness.
    QElapsedTimer elapsed;
    elapsed.start();
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(10);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (condition() || elapsed.hasExpired(timeoutMs))
            loop.quit();
    });
    if (!condition()) {
        poll.start();
        loop.exec();
    }
    if (condition())
        return true;
    m_problem = QStringLiteral("%1 did not end within %2 s").arg(what).arg(timeoutMs / 1000);
    return false;
}

void WizardFlowBenchmark::watch(int ms)
{
    if (m_watching)
        pause(ms);
}

void WizardFlowBenchmark::pause(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, &loop, &QEventLoop::quit);
    loop.exec();
}

bool WizardFlowBenchmark::takeRequests(LatencyProbe &probe, ServedRequests *requests)
{
    // Asking the serving process blocks this thread: the probe must not count that as the wizard's.
    probe.stop();
    const std::optional<ServedRequests> served = m_server.takeRequests();
    probe.start();
    pause(20);
    if (!served) {
        m_problem = m_server.error();
        return false;
    }
    *requests = *served;
    return true;
}

bool WizardFlowBenchmark::canGoNext(const SetupWizard &wizard)
{
    const QAbstractButton *commit = wizard.button(QWizard::CommitButton);
    const QAbstractButton *next = commit->isVisible() ? commit : wizard.button(QWizard::NextButton);
    return next->isVisible() && next->isEnabled();
}

void WizardFlowBenchmark::clickNext(SetupWizard &wizard)
{
    QAbstractButton *commit = wizard.button(QWizard::CommitButton);
    (commit->isVisible() ? commit : wizard.button(QWizard::NextButton))->click();
}

QList<WizardFlowBenchmark::Expected> WizardFlowBenchmark::expectedRequests() const
{
    const ServedTenant &tenant = m_server.tenant();
    const auto samples = int(tenant.sampleSpaceTypes.size());
    const QString usersMe = QStringLiteral("/api/v1/users/me");
    const QString tenantsMe = QStringLiteral("/api/v1/tenants/me");
    const QString types = tenant.sampleSpaceTypes.join(QStringLiteral(", "));
    return {
        {hostStep, QStringLiteral("GET /.well-known/oauth-authorization-server"), 1,
         exactly(QStringLiteral("/.well-known/oauth-authorization-server")), &Walk::host},
        {keyStep, QStringLiteral("GET /api/v1/users/me (301)"), 1, exactly(usersMe), &Walk::key},
        {keyStep, QStringLiteral("GET /api/v1/users/{id}"), 1, underneath(QStringLiteral("/api/v1/users/"), usersMe),
         &Walk::key},
        {keyStep, QStringLiteral("GET /api/v1/api-keys (1 page: the key's expiry)"), 1,
         exactly(QStringLiteral("/api/v1/api-keys")), &Walk::key},
        {checkStep, QStringLiteral("GET /api/v1/users/me (301)"), 1, exactly(usersMe), &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/users/{id}"), 1, underneath(QStringLiteral("/api/v1/users/"), usersMe),
         &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/api-keys (1 page)"), 1, exactly(QStringLiteral("/api/v1/api-keys")),
         &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/tenants/me (302)"), 1, exactly(tenantsMe), &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/tenants/{id}"), 1,
         underneath(QStringLiteral("/api/v1/tenants/"), tenantsMe), &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/spaces pages, ceil(%1/100)").arg(tenant.spaces),
         ServedTenant::pagesFor(tenant.spaces), exactly(QStringLiteral("/api/v1/spaces")), &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/items pages, ceil(%1/100)").arg(tenant.apps),
         ServedTenant::pagesFor(tenant.apps), exactly(QStringLiteral("/api/v1/items")), &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/apps/{id} (%1)").arg(types), samples, appOpens(false), &Walk::check},
        {checkStep, QStringLiteral("GET /api/v1/apps/{id}/data/metadata"), samples, appOpens(true), &Walk::check},
    };
}

bool WizardFlowBenchmark::printResponsiveness(QTextStream &out, const LatencyProbe &probe, const QString &heading) const
{
    out << heading << ": lateness of a " << LatencyProbe::intervalMs
        << " ms timer on the wizard's thread while it works, every tick of every walk, as measured and its own "
           "(see below)\n\n";
    const MarkdownTable table({26, 6, 9, 9, 10, 15, 19, 10, 4});
    table.header(out,
                 {QStringLiteral("Step"), QStringLiteral("Ticks"), QStringLiteral("Worst"), QStringLiteral("Own worst"),
                  QStringLiteral("Target"), QStringLiteral("99th percentile"), QStringLiteral("Own 99th percentile"),
                  QStringLiteral("Target"), QStringLiteral("Met")});
    for (const QString &step : {hostStep, keyStep, checkStep}) {
        const QList<double> lateness = probe.lateness(step);
        const QList<double> own = probe.ownLateness(step);
        table.line(out,
                   {step,
                    QString::number(lateness.size()),
                    milliseconds(Statistics::maximum(lateness)),
                    milliseconds(Statistics::maximum(own)),
                    {},
                    milliseconds(Statistics::percentile(lateness, 99)),
                    milliseconds(Statistics::percentile(own, 99)),
                    {},
                    {}});
    }
    const QList<double> all = probe.allLateness();
    const QList<double> own = probe.allOwnLateness();
    const double worst = Statistics::maximum(own);
    const double p99 = Statistics::percentile(own, 99);
    const bool met = !own.isEmpty() && meets(worst, worstTargetMs) && meets(p99, p99TargetMs);
    table.line(out,
               {QStringLiteral("All steps"), QString::number(all.size()), milliseconds(Statistics::maximum(all)),
                milliseconds(worst), QStringLiteral("<= ") + milliseconds(worstTargetMs),
                milliseconds(Statistics::percentile(all, 99)), milliseconds(p99),
                QStringLiteral("<= ") + milliseconds(p99TargetMs), MarkdownTable::yesNo(met)});
    if (probe.separatesWaiting()) {
        out << "\nOwn lateness: the lateness less the time the kernel counts the wizard's thread as ready but waiting "
               "for a CPU that other work held ("
            << MarkdownTable::number(probe.waitedForCpuMs() / 1000, 2)
            << " s in all), and less the time it was blocked while its other threads waited for a CPU ("
            << MarkdownTable::number(probe.waitedForThreadsMs() / 1000, 2)
            << " s; Qt paints with helper threads and waits for them). The targets hold the own lateness.\n";
    } else {
        out << "\nThis platform does not say how long a thread waits for a CPU: the own lateness is all of it.\n";
    }
    return met;
}

bool WizardFlowBenchmark::printRequests(QTextStream &out) const
{
    const ServedTenant &tenant = m_server.tenant();
    out << "Requests: the HTTP requests of the guided flow, as the simulator received them (every walk)\n\n";
    const MarkdownTable table({26, 48, 8, 8, 4});
    table.header(out,
                 {QStringLiteral("Step"), QStringLiteral("Request"), QStringLiteral("Expected"),
                  QStringLiteral("Served"), QStringLiteral("Met")});
    auto distinct = [](QList<int> values) {
        std::sort(values.begin(), values.end());
        values.resize(std::distance(values.begin(), std::unique(values.begin(), values.end())));
        QStringList text;
        for (const int value : values)
            text << QString::number(value);
        return text.join(QStringLiteral(" or "));
    };
    bool allMet = true;
    int expectedTotal = 0;
    QHash<QString, int> expectedByStep;
    for (const Expected &expected : expectedRequests()) {
        QList<int> served;
        for (const Walk &walked : m_walks)
            served << expected.served(walked.*expected.in);
        const bool met = std::all_of(served.cbegin(), served.cend(), [&](int n) { return n == expected.count; });
        allMet = allMet && met;
        expectedTotal += expected.count;
        expectedByStep[expected.step] += expected.count;
        table.line(out,
                   {expected.step, expected.request, QString::number(expected.count), distinct(served),
                    MarkdownTable::yesNo(met)});
    }
    // Whatever is not on the list above is a request without cause.
    QList<int> totals;
    for (const auto &[step, in] :
         {std::pair {hostStep, &Walk::host}, std::pair {keyStep, &Walk::key}, std::pair {checkStep, &Walk::check}}) {
        QList<int> others;
        for (const Walk &walked : m_walks) {
            int listed = 0;
            for (const Expected &expected : expectedRequests()) {
                if (expected.in == in)
                    listed += expected.served(walked.*in);
            }
            others << (walked.*in).total - listed;
        }
        const bool met = std::all_of(others.cbegin(), others.cend(), [](int n) { return n == 0; });
        allMet = allMet && met;
        table.line(
            out,
            {step, QStringLiteral("anything else"), QStringLiteral("0"), distinct(others), MarkdownTable::yesNo(met)});
    }
    for (const Walk &walked : m_walks)
        totals << walked.host.total + walked.key.total + walked.check.total;
    const bool totalMet = std::all_of(totals.cbegin(), totals.cend(), [&](int n) { return n == expectedTotal; });
    allMet = allMet && totalMet;
    table.line(out,
               {QStringLiteral("Whole flow"), QStringLiteral("total"), QString::number(expectedTotal), distinct(totals),
                MarkdownTable::yesNo(totalMet)});
    const bool countsMet = std::all_of(m_walks.cbegin(), m_walks.cend(), [&](const Walk &walked) {
        return walked.apps == tenant.apps && walked.spaces == tenant.spaces;
    });
    out << "\nThe connection check asks again whose key it is and when it expires: it checks the key as stored in "
           "the keychain and read back, as Dawiso will use it, and is the same check that \"Check again\" and the "
           "check command run on their own. The key verification before it checks the pasted key before anything "
           "is stored.\n"
        << "The check counted " << (countsMet ? "the tenant's" : "NOT the tenant's") << " " << tenant.apps
        << " apps in " << tenant.spaces << " spaces in every walk.\n";
    return allMet && countsMet;
}

} // namespace Dawiso::Bench
