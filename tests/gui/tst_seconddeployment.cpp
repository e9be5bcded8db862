// Adding a deployment means adding classes: a tiny second deployment made only for this test (one page, one check)
// goes through the real wizard and the generic machinery (the controller's probe, save and check, the route, the
// Save and check and Finish pages, the report) to a stored credential and a report, with nothing of Qlik Cloud on
// the way.
#include "FakeSecretStore.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "check/ConnectionCheck.h"
#include "check/ReportWriter.h"
#include "connections/CalendarReminder.h"
#include "pages/DeploymentPages.h"
#include "pages/SetupPage.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "setup/DeploymentFlow.h"
#include "setup/SetupContext.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"
#include "widgets/CheckListWidget.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>
#include <QTimer>
#include <QVBoxLayout>

using namespace Dawiso;

namespace {

const QString siteHost = QStringLiteral("site.corp.example");
constexpr int tokenPageId = 50; // a page id no deployment of the product uses

// The one check: the site takes the token that was stored.
class SiteCheck : public ConnectionCheck
{
    Q_OBJECT

public:
    SiteCheck(QByteArray expected, QObject *parent)
        : ConnectionCheck(nullptr, parent)
        , m_expected(std::move(expected))
    { }
    ~SiteCheck() override { SecureMemory::wipe(m_expected); }

    QList<CheckResult> plannedChecks() const override
    {
        CheckResult token;
        token.id = QStringLiteral("token");
        token.title = QStringLiteral("The site takes the token");
        return {token};
    }

protected:
    void reset() override { m_read = false; }
    void runChecks(const QByteArray &credential) override
    {
        const bool taken = credential == m_expected;
        setResult(QStringLiteral("token"), CheckStatus::Running, QStringLiteral("Asking the site…"));
        QTimer::singleShot(0, this, [this, taken] {
            m_read = true;
            setResult(QStringLiteral("token"), taken ? CheckStatus::Pass : CheckStatus::Fail,
                      taken ? QStringLiteral("The site takes it.") : QStringLiteral("The site refuses it."),
                      taken ? QString() : QStringLiteral("Enter the token again."));
            finish(verdictFromResults());
        });
    }
    void released() override { }
    void describe(ConnectionReport &report) const override
    {
        ReportFact site;
        site.label = QStringLiteral("Site");
        site.text = m_read ? QStringLiteral("the test site") : QStringLiteral("not known");
        site.jsonPath = {QStringLiteral("site")};
        site.json = m_read ? QStringLiteral("test-site") : QString();
        report.facts << site;
    }

private:
    QByteArray m_expected;
    bool m_read = false;
};

// The deployment's flow: any address is a site, the token comes from its one page.
class SiteFlow : public DeploymentFlow
{
    Q_OBJECT

public:
    using DeploymentFlow::DeploymentFlow;
    ~SiteFlow() override { SecureMemory::wipe(m_token); }

    DeploymentKind kind() const override { return DeploymentKind::QlikSenseEnterprise; }

    void probeHost(const ParsedHost &host) override
    {
        ++m_probes;
        m_probing = true;
        emit hostProbeProgress(QStringLiteral("Looking for the test site…"));
        QTimer::singleShot(0, this, [this, host] {
            if (!m_probing)
                return;
            m_probing = false;
            HostProbeResult result;
            result.host = host;
            result.outcome = HostProbeResult::Outcome::Found;
            result.summary.message = QStringLiteral("Found the test site %1.").arg(host.hostAndPort());
            emit hostProbeFinished(result);
        });
    }
    void cancelHostProbe() override { m_probing = false; }
    bool isProbingHost() const override { return m_probing; }

    void setToken(const QByteArray &token)
    {
        SecureMemory::wipe(m_token);
        m_token = token;
        emit credentialChanged();
    }
    bool hasCredential() const override { return !m_token.isEmpty() && context()->confirmedHost().isValid(); }
    SavedConnection savedConnection() const override
    {
        SavedConnection connection;
        connection.kind = kind();
        connection.hostAndPort = context()->confirmedHost().hostAndPort();
        connection.userName = QStringLiteral("Site Reader");
        connection.keyId = QStringLiteral("token-1");
        return connection;
    }
    QByteArray credential() const override { return m_token; }
    void credentialSaved() override { SecureMemory::wipe(m_token); }
    void forgetCredential() override
    {
        SecureMemory::wipe(m_token);
        emit credentialChanged();
    }

    QList<CheckResult> plannedChecks() const override { return SiteCheck({}, nullptr).plannedChecks(); }
    ConnectionCheck *createConnectionCheck(const ParsedHost &, QObject *parent) override
    {
        return new SiteCheck(m_token.isEmpty() ? m_lastSaved : m_token, parent);
    }

    void rememberSaved(const QByteArray &token) { m_lastSaved = token; }
    int probes() const { return m_probes; }

private:
    QByteArray m_token;
    QByteArray m_lastSaved; // what the check expects once the flow's own copy is wiped
    bool m_probing = false;
    int m_probes = 0;
};

// Its one page: the token.
class TokenPage : public SetupPage
{
    Q_OBJECT

public:
    TokenPage(SetupController *controller, SiteFlow *flow)
        : SetupPage(controller)
        , m_flow(flow)
    {
        setTitle(QStringLiteral("The site's token"));
        auto *layout = new QVBoxLayout(this);
        m_edit = new QLineEdit(this);
        m_edit->setObjectName(QStringLiteral("tokenEdit"));
        m_edit->setEchoMode(QLineEdit::Password);
        layout->addWidget(m_edit);
        connect(m_edit, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
        updatePracticeBanner();
    }

    bool isComplete() const override { return !m_edit->text().isEmpty(); }
    bool validatePage() override
    {
        const QByteArray token = m_edit->text().toUtf8();
        m_flow->rememberSaved(token);
        m_flow->setToken(token);
        return true;
    }

private:
    SiteFlow *m_flow;
    QLineEdit *m_edit;
};

class SitePages : public DeploymentPages
{
public:
    SitePages(SetupController *controller, SiteFlow *flow)
        : m_controller(controller)
        , m_flow(flow)
    { }

    DeploymentKind kind() const override { return DeploymentKind::QlikSenseEnterprise; }
    QList<int> pageIds() const override { return {tokenPageId}; }
    SetupPage *createPage(int id) override { return id == tokenPageId ? new TokenPage(m_controller, m_flow) : nullptr; }
    void attach(SetupWizard *) override { }

private:
    SetupController *m_controller;
    SiteFlow *m_flow;
};

} // namespace

class TestSecondDeployment : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void itsChoiceWaitsForItsPages();
    void aSiteGoesFromChoiceToStoredTokenAndReport();
    void theRouteFollowsTheChoice();

private:
    void addSite();
    void choose(const char *radioName);

    SiteFlow *m_site = nullptr;
};

void TestSecondDeployment::init()
{
    createWizard(/*cloudOnly=*/true);
}

void TestSecondDeployment::cleanup()
{
    m_site = nullptr;
    destroyWizard();
}

void TestSecondDeployment::addSite()
{
    m_site = m_controller->addDeployment(std::make_unique<SiteFlow>(m_controller->context()));
    m_wizard->addDeployment(std::make_unique<SitePages>(m_controller.get(), m_site));
}

void TestSecondDeployment::choose(const char *radioName)
{
    auto *radio = m_driver->find<QRadioButton>(radioName);
    QVERIFY(radio && radio->isEnabled());
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    QVERIFY(radio->isChecked());
}

void TestSecondDeployment::itsChoiceWaitsForItsPages()
{
    // The product offers Qlik Cloud only: the second choice stays disabled with its sentence.
    QVERIFY(showWizard());
    auto *onPrem = m_driver->find<QRadioButton>("onPremRadio");
    QVERIFY(!onPrem->isEnabled());
    QVERIFY(m_driver->find<QLabel>("onPremDetails")->text().startsWith(QStringLiteral("Not available")));
    addSite();
    QVERIFY(onPrem->isEnabled());
    QVERIFY(!m_driver->find<QLabel>("onPremDetails")->text().startsWith(QStringLiteral("Not available")));
}

void TestSecondDeployment::aSiteGoesFromChoiceToStoredTokenAndReport()
{
    addSite();
    QVERIFY(showWizard());
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikSenseEnterprise, SetupWizard::HostPageId, siteHost));
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QCOMPARE(m_controller->deployment(), DeploymentKind::QlikSenseEnterprise);

    // The shared Host page probes through the site's flow.
    QCOMPARE(m_site->probes(), 1);
    QCOMPARE(m_controller->confirmedHost().hostAndPort(), siteHost);
    m_driver->screenshot(QStringLiteral("second-deployment-host"));

    // The site's own page.
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), tokenPageId);
    QVERIFY(!m_driver->canGoNext());
    const QByteArray token = QByteArrayLiteral("site-token-for-this-test-only");
    m_driver->find<QLineEdit>("tokenEdit")->setText(QString::fromLatin1(token));
    QVERIFY(m_driver->canGoNext());

    // The shared Save and check page stores the token and runs the site's one check with it.
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 10000);
    m_driver->screenshot(QStringLiteral("second-deployment-save"));
    const QString entry = SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, siteHost);
    QCOMPARE(m_controller->credentialEntryName(), entry);
    QVERIFY(m_store->secretEquals(entry, token));
    const auto saved = m_index->find(DeploymentKind::QlikSenseEnterprise, siteHost);
    QVERIFY(saved);
    QCOMPARE(saved->userName, QStringLiteral("Site Reader"));
    QCOMPARE(saved->keyId, QStringLiteral("token-1"));
    QVERIFY(!m_index->find(DeploymentKind::QlikCloud, siteHost));
    QCOMPARE(m_driver->find<CheckListWidget>("checkList")->statusOf(QStringLiteral("token")), CheckStatus::Pass);

    const ConnectionReport report = m_controller->connectionReport();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    QCOMPARE(report.checks.size(), 1);
    QCOMPARE(report.host, siteHost);
    QCOMPARE(report.value(QStringLiteral("site")).toString(), QStringLiteral("test-site"));
    QVERIFY(ReportWriter::toText(report).contains(QStringLiteral("Site:")));
    QVERIFY(!ReportWriter::toJson(report).contains(token));

    // The shared Finish page, and nothing of Qlik Cloud on the way.
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishPageId));
    QCOMPARE(m_driver->find<QLineEdit>("hostValue")->text(), siteHost);
    // The site did not say when its token expires: no date for a calendar reminder, and the button says why.
    auto *reminder = m_driver->find<QPushButton>("reminderButton");
    QVERIFY(reminder->isVisible());
    QVERIFY(!reminder->isEnabled());
    QCOMPARE(reminder->toolTip(), CalendarReminder::unavailableReason(DeploymentKind::QlikSenseEnterprise));
    QVERIFY(!m_wizard->page(SetupWizard::CloudAccessPageId));
    QVERIFY(!m_wizard->page(SetupWizard::CloudKeyPageId));
    QCOMPARE(m_wizard->pageIds(),
             (QList<int> {SetupWizard::DeploymentPageId, SetupWizard::HostPageId, tokenPageId,
                          SetupWizard::SaveAndCheckPageId, SetupWizard::FinishPageId}));
}

void TestSecondDeployment::theRouteFollowsTheChoice()
{
    addSite();
    QVERIFY(showWizard());
    choose("onPremRadio");
    m_driver->clickNext();
    QCOMPARE(m_wizard->nextId(), tokenPageId);

    // Back, and Qlik Cloud instead: the Cloud branch follows the Host page, and the site's host is forgotten. (An
    // address that refuses at once, should the Cloud probe start before the test ends.)
    m_driver->find<QLineEdit>("hostEdit")->setText(QStringLiteral("127.0.0.1:1"));
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->confirmedHost().isValid(), 10000);
    m_wizard->back();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::DeploymentPageId));
    choose("cloudRadio");
    m_driver->clickNext();
    QCOMPARE(m_controller->deployment(), DeploymentKind::QlikCloud);
    QVERIFY(!m_controller->confirmedHost().isValid());
    QVERIFY(!m_driver->canGoNext()); // what the site's probe found says nothing about a Qlik Cloud tenant
    QCOMPARE(m_wizard->nextId(), int(SetupWizard::CloudAccessPageId));
}

QTEST_MAIN(TestSecondDeployment)
#include "tst_seconddeployment.moc"
