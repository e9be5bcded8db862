// What the wizard does, and does not do, before and right after its window opens: it builds only the first page,
// sends no request and touches no keychain, and a practice run (--demo) loads the practice plugin and starts the
// simulated tenant only when the first page is left. Each later page is built when it is about to show, and keeps
// what was typed on the way back.
#include "FakeSecretStore.h"
#include "SetupWizard.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "net/TlsTrust.h"
#include "practice/PracticeServerLoader.h"
#include "practice/PracticeTenant.h"
#include "secrets/ConnectionIndex.h"
#include "setup/SetupController.h"

#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;

namespace {

// Counts the requests the wizard makes; every one still goes out for real.
class CountingNetwork : public QNetworkAccessManager
{
    Q_OBJECT

public:
    int requests = 0;

protected:
    QNetworkReply *createRequest(Operation op, const QNetworkRequest &request, QIODevice *data) override
    {
        ++requests;
        return QNetworkAccessManager::createRequest(op, request, data);
    }
};

} // namespace

class TestWizardStartup : public QObject, protected Test::WizardFixture<FakeSecretStore, CountingNetwork>
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void opensWithOnlyTheFirstPageAndNoWork();
    void practiceRunStartsTheTenantWhenTheFirstPageIsLeft();
    void pagesAreBuiltOnTheWayAndKeepWhatWasTyped();
    void aMissingPracticePluginIsExplained();
    void theNetworkIsMadeWhenTheFirstStepNeedsIt();

private:
    void show();
};

void TestWizardStartup::init()
{
    createWizard();
}

void TestWizardStartup::cleanup()
{
    destroyWizard();
}

void TestWizardStartup::show()
{
    QVERIFY(showWizard());
    QTest::qWait(50); // whatever start-up might queue gets its turn
}

void TestWizardStartup::opensWithOnlyTheFirstPageAndNoWork()
{
    m_wizard->setInitialHost(QStringLiteral("acme.eu.qlikcloud.com"));
    show();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::DeploymentPageId));
    QCOMPARE(m_wizard->pageIds(), QList<int> {SetupWizard::DeploymentPageId});
    QCOMPARE(m_network->requests, 0);
    QCOMPARE(m_store->operationCount(), 0);
    QVERIFY(!m_wizard->practiceTenant());
    QVERIFY(!m_driver->find<QLabel>("practiceBanner"));
    QVERIFY(m_driver->find<QWidget>("practiceButton")->isVisible());
}

void TestWizardStartup::practiceRunStartsTheTenantWhenTheFirstPageIsLeft()
{
    // The plugin of the build tree, loaded as the program loads its own.
    m_wizard->setPracticeServerFactory([] {
        QString problem;
        std::unique_ptr<PracticeServer> server =
            PracticeServerLoader::load({QStringLiteral(DQS_PRACTICE_PLUGIN_BUILD_DIR)}, &problem);
        if (!server)
            qWarning("%s", qPrintable(problem));
        return server;
    });
    m_wizard->preparePracticeRun(); // what --demo does
    show();
    // Marked as a practice run at once, but nothing runs yet.
    QVERIFY(m_controller->isPracticeRun());
    QVERIFY(m_wizard->windowTitle().contains(QStringLiteral("Practice run")));
    QVERIFY(m_driver->find<QLabel>("practiceBanner")->isVisible());
    QVERIFY(!m_driver->find<QWidget>("practiceButton")->isVisible());
    QVERIFY(!m_wizard->practiceTenant());
    QCOMPARE(m_network->requests, 0);

    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QVERIFY(m_wizard->practiceTenant());
    QCOMPARE(m_driver->find<QLineEdit>("hostEdit")->text(), m_wizard->practiceTenant()->hostAndPort());
    QVERIFY(m_driver->find<QLabel>("practiceBanner")->isVisible());
    // The host page checks the simulated tenant's address, which the wizard now trusts.
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    QVERIFY(m_network->requests > 0);
}

void TestWizardStartup::pagesAreBuiltOnTheWayAndKeepWhatWasTyped()
{
    show();
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QCOMPARE(m_wizard->pageIds(), (QList<int> {SetupWizard::DeploymentPageId, SetupWizard::HostPageId}));
    auto *hostEdit = m_driver->find<QLineEdit>("hostEdit");
    QVERIFY(hostEdit);
    // An address that cannot be checked here: what matters is that it survives the way back and forth.
    const QString typed = QStringLiteral("https://");
    QTest::keyClicks(hostEdit, typed);

    m_wizard->back();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::DeploymentPageId));
    // A real run has begun: a practice run from here would mix the simulated tenant with what was typed.
    QVERIFY(!m_driver->find<QWidget>("practiceButton")->isVisible());
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QCOMPARE(m_wizard->pageIds().size(), 2); // the same page again, not a second one
    QCOMPARE(m_driver->find<QLineEdit>("hostEdit"), hostEdit);
    QCOMPARE(hostEdit->text(), typed);
    QVERIFY(!m_wizard->page(SetupWizard::CloudAccessPageId));
}

void TestWizardStartup::aMissingPracticePluginIsExplained()
{
    QTemporaryDir empty;
    QVERIFY(empty.isValid());
    QString problem;
    QVERIFY(!PracticeServerLoader::load({empty.path()}, &problem));
    QVERIFY2(problem.contains(PracticeServerLoader::fileName()), qPrintable(problem));

    // A file of that name that is no plugin is refused, with the loader's reason.
    QFile impostor(QDir(empty.path()).filePath(PracticeServerLoader::fileName()));
    QVERIFY(impostor.open(QIODevice::WriteOnly));
    impostor.write("not a plugin");
    impostor.close();
    QVERIFY(!PracticeServerLoader::load({empty.path()}, &problem));
    QVERIFY2(problem.startsWith(QStringLiteral("The practice run's component could not be loaded")),
             qPrintable(problem));
}

void TestWizardStartup::theNetworkIsMadeWhenTheFirstStepNeedsIt()
{
    // As the program runs it: the controller makes its own network manager, and the objects that do the steps, only
    // when a step starts; the window shows without them.
    m_driver.reset();
    m_wizard.reset();
    m_controller = std::make_unique<SetupController>(nullptr, m_trust.get(), m_store.get(), m_index.get());
    m_wizard = std::make_unique<SetupWizard>(m_controller.get());
    Deployments::addAll(m_controller.get(), m_wizard.get());
    m_driver = std::make_unique<Test::WizardDriver>(m_wizard.get());
    m_wizard->setInitialHost(QStringLiteral("127.0.0.1:1")); // refused at once: the check ends quickly
    show();
    QVERIFY(m_controller->findChildren<QNetworkAccessManager *>().isEmpty());

    m_driver->clickNext(); // the host page checks the address once "typing" pauses
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->findChildren<QNetworkAccessManager *>().size(), 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!m_controller->isProbingHost(), 20000);
    QCOMPARE(m_network->requests, 0); // the test's own manager was not given to this controller
}

QTEST_MAIN(TestWizardStartup)
#include "tst_wizardstartup.moc"
