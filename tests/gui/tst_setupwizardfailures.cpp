// What the wizard says when things go wrong, driven on real widgets against the simulator, with an in-memory
// keychain that can be made to fail.
#include "AppTranslations.h"
#include "FakeSecretStore.h"
#include "SimulatorTrust.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "dialogs/MessageBox.h"
#include "net/CertificatePinStore.h"
#include "net/TlsTrust.h"
#include "practice/PracticeTenant.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupController.h"
#include "simulator/cloud/QlikSimulator.h"
#include "simulator/cloud/SimulatorScenario.h"
#include "widgets/CheckListWidget.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDesktopServices>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QNetworkAccessManager>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace Dawiso;
using Simulator::SampleKey;

// Stands in for the browser: QDesktopServices hands it the URLs the wizard opens.
class UrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls << url; }
};

class TestSetupWizardFailures : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void untrustedCertificateCanBePinnedForThatHostOnly();
    void certificateOfAnotherServerIsNeverOfferedForTheHost();
    void openInQlikOpensTheTenantsOwnPages();
    void stopDuringTheHostCheck();
    void notAKeyIsExplainedAndKeptInTheField();
    void expiredKeyIsRefusedWithoutAskingQlik();
    void revokedKeyGetsItsOwnExplanation();
    void keychainUnavailableSaysSoAndRetries();
    void quittingWithAnUnsavedKeyAsksFirst();
    void quittingWhileTheKeyIsStoredAsksFirst();
    void failedCheckShowsItsFixAndChecksAgain();

private:
    void startPractice();
    void goToKeyPage();
    void walkToKeyPage(Simulator::QlikSimulator &tenant);
    void walkToSavePageWithHealthyKey();

    std::unique_ptr<CertificatePinStore> m_pins;
};

void TestSetupWizardFailures::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
}

void TestSetupWizardFailures::init()
{
    createWizard();
    m_pins = std::make_unique<CertificatePinStore>(m_settings.get());
    m_controller->setCertificatePinStore(m_pins.get());
    QVERIFY(showWizard());
}

void TestSetupWizardFailures::cleanup()
{
    destroyWizard();
}

void TestSetupWizardFailures::startPractice()
{
    QTest::mouseClick(m_driver->find<QPushButton>("practiceButton"), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QVERIFY(m_controller->isPracticeRun());
}

void TestSetupWizardFailures::goToKeyPage()
{
    startPractice();
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudKeyPageId));
}

// The host and access steps against a tenant this run trusts, as a user does them.
void TestSetupWizardFailures::walkToKeyPage(Simulator::QlikSimulator &tenant)
{
    Test::trustSimulator(*m_trust, tenant);
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudKeyPageId, tenant.hostAndPort()));
}

void TestSetupWizardFailures::untrustedCertificateCanBePinnedForThatHostOnly()
{
    Simulator::QlikSimulator untrusted; // a server whose certificate nobody vouches for
    QVERIFY(untrusted.start());
    m_driver->clickNext();
    auto *hostEdit = m_driver->find<QLineEdit>("hostEdit");
    QTest::keyClicks(hostEdit, untrusted.hostAndPort());
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Error, 20000);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("does not trust the certificate")));
    auto *certificateButton = m_driver->find<QPushButton>("certificateButton");
    QVERIFY(certificateButton->isVisible());
    QVERIFY(!m_driver->canGoNext());
    const QString fingerprint = CertificateSummary::fromCertificate(untrusted.certificate()).sha256Fingerprint();
    QVERIFY(m_driver->find<QPlainTextEdit>("detailsText")->toPlainText().contains(fingerprint));
    QCOMPARE(untrusted.requests().size(), 0);

    // The dialog: nothing can be trusted until the box is ticked; then exactly this certificate is pinned.
    QTest::mouseClick(certificateButton, Qt::LeftButton);
    QWidget *dialog = nullptr;
    QTRY_VERIFY((dialog = QApplication::activeModalWidget()));
    QCOMPARE(dialog->windowModality(), Qt::WindowModal); // no nested event loop: the click has returned
    auto *trust = dialog->findChild<QPushButton *>(QStringLiteral("trustButton"));
    QVERIFY(!trust->isEnabled());
    dialog->findChild<QCheckBox *>(QStringLiteral("trustCheck"))->setChecked(true);
    QVERIFY(trust->isEnabled());
    QTest::mouseClick(trust, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(m_trust->isPinned(untrusted.hostAndPort(), untrusted.certificate()));

    // Remembered for later runs, for that host only.
    TlsTrust nextRun;
    m_pins->loadInto(nextRun);
    QVERIFY(nextRun.isPinned(untrusted.hostAndPort(), untrusted.certificate()));
    QVERIFY(!nextRun.isPinned(QStringLiteral("localhost:1"), untrusted.certificate()));
}

void TestSetupWizardFailures::certificateOfAnotherServerIsNeverOfferedForTheHost()
{
    // The typed address is trusted but sends the host check on to a server whose certificate nobody vouches for.
    // That certificate must not be offered, least of all for the typed address.
    Simulator::QlikSimulator typed;
    QVERIFY(typed.start());
    Test::trustSimulator(*m_trust, typed);
    Simulator::QlikSimulator elsewhere;
    QVERIFY(elsewhere.start());
    const QString path = QStringLiteral("/.well-known/oauth-authorization-server");
    QUrl target = elsewhere.baseUrl();
    target.setPath(path);
    typed.setRedirectTarget(path, target);

    m_driver->clickNext();
    QTest::keyClicks(m_driver->find<QLineEdit>("hostEdit"), typed.hostAndPort());
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Error, 20000);
    QVERIFY(!m_driver->panel()->message().contains(QLatin1String("certificate")));
    QVERIFY(m_driver->panel()->message().contains(typed.hostAndPort()));
    QVERIFY(!m_driver->find<QPushButton>("certificateButton")->isVisible());
    QVERIFY(m_driver->find<QPushButton>("retryButton")->isVisible());
    QVERIFY(!m_driver->canGoNext());
    QCOMPARE(elsewhere.requests().size(), 0);
    QVERIFY(!m_trust->isPinned(typed.hostAndPort(), elsewhere.certificate()));
    QVERIFY(!m_trust->isPinned(elsewhere.hostAndPort(), elsewhere.certificate()));
}

void TestSetupWizardFailures::openInQlikOpensTheTenantsOwnPages()
{
    Simulator::QlikSimulator tenant;
    QVERIFY(tenant.start());
    Test::trustSimulator(*m_trust, tenant);
    UrlCatcher browser;
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &browser, "open");
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudAccessPageId,
                             QStringLiteral("https://") + tenant.hostAndPort() + QStringLiteral("/hub/spaces")));
    QTest::mouseClick(m_driver->find<QPushButton>("openPermissionsButton"), Qt::LeftButton);
    QTest::mouseClick(m_driver->find<QPushButton>("openUsersButton"), Qt::LeftButton);
    QTest::mouseClick(m_driver->find<QPushButton>("openSpacesButton"), Qt::LeftButton);
    for (const char *step : {"createRoleCheck", "assignRoleCheck", "shareSpacesCheck"})
        m_driver->tick(step);
    m_driver->clickNext();
    QTest::mouseClick(m_driver->find<QPushButton>("openApiKeysButton"), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));

    const QString base = QStringLiteral("https://") + tenant.hostAndPort();
    QCOMPARE(
        browser.urls,
        (QList<QUrl> {QUrl(base + QStringLiteral("/console/users/permissions")),
                      QUrl(base + QStringLiteral("/console/users")), QUrl(base + QStringLiteral("/console/spaces")),
                      QUrl(base + QStringLiteral("/settings/api-keys"))}));
}

void TestSetupWizardFailures::stopDuringTheHostCheck()
{
    Simulator::QlikSimulator slow;
    QVERIFY(slow.start());
    Test::trustSimulator(*m_trust, slow);
    slow.setResponseDelay(QStringLiteral("/.well-known"), -1);
    m_driver->clickNext();
    QTest::keyClicks(m_driver->find<QLineEdit>("hostEdit"), slow.hostAndPort());
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Busy, 20000);
    QVERIFY(!m_driver->canGoNext());
    QTest::mouseClick(m_driver->find<QPushButton>("stopButton"), Qt::LeftButton);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Info);
    QVERIFY(m_driver->find<QPushButton>("retryButton")->isVisible());
    QVERIFY(!m_controller->isProbingHost());
    QCOMPARE(m_driver->find<QLineEdit>("hostEdit")->text(), slow.hostAndPort());
}

void TestSetupWizardFailures::notAKeyIsExplainedAndKeptInTheField()
{
    goToKeyPage();
    auto *keyEdit = m_driver->find<QLineEdit>("keyEdit");
    const QString pasted = QStringLiteral("637390ec6541614d3a88d6c1"); // the key's ID, not the key
    keyEdit->setText(pasted);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Error);
    QVERIFY(!m_driver->panel()->message().isEmpty());
    QVERIFY(!m_driver->canGoNext());
    QCOMPARE(keyEdit->text(), pasted);
    QTest::qWait(800); // longer than the paste pause: still nothing is sent to Qlik
    QCOMPARE(m_practice->simulator()->requestCount(QStringLiteral("/api/v1/users")), 0);
}

void TestSetupWizardFailures::expiredKeyIsRefusedWithoutAskingQlik()
{
    goToKeyPage();
    auto *combo = m_driver->find<QComboBox>("sampleCombo");
    combo->setCurrentIndex(combo->count() - 1); // the expired sample
    QTest::mouseClick(m_driver->find<QPushButton>("useSampleButton"), Qt::LeftButton);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Error);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("expired on")));
    QTest::qWait(800);
    QCOMPARE(m_practice->simulator()->requestCount(QStringLiteral("/api/v1/users")), 0);
    QVERIFY(!m_driver->canGoNext());
}

void TestSetupWizardFailures::revokedKeyGetsItsOwnExplanation()
{
    goToKeyPage();
    auto *combo = m_driver->find<QComboBox>("sampleCombo");
    combo->setCurrentIndex(combo->count() - 2); // the revoked sample
    QTest::mouseClick(m_driver->find<QPushButton>("useSampleButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Error, 20000);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("revoked")));
    QVERIFY(m_driver->panel()->advice().contains(QLatin1String("generate a new key")));
    QVERIFY(!m_driver->canGoNext());
}

void TestSetupWizardFailures::keychainUnavailableSaysSoAndRetries()
{
    goToKeyPage();
    m_driver->find<QComboBox>("sampleCombo")->setCurrentIndex(0);
    QTest::mouseClick(m_driver->find<QPushButton>("useSampleButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);

    m_store->failNextWith(SecretStoreError::Unavailable);
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Error, 10000);
    QVERIFY(m_driver->panel()->advice().contains(QLatin1String("keychain")));
    QVERIFY(!m_driver->canGoNext());
    QVERIFY(m_store->entryNames().isEmpty());
    QVERIFY(m_index->connections().isEmpty());
    // The steps' pictures say in words which one failed and which never ran.
    QCOMPARE(m_driver->find<QLabel>("writeIcon")->accessibleName(), QStringLiteral("Failed"));
    QCOMPARE(m_driver->find<QLabel>("writeIcon")->toolTip(), QStringLiteral("Failed"));
    QCOMPARE(m_driver->find<QLabel>("readBackIcon")->accessibleName(), QStringLiteral("Waiting"));
    QCOMPARE(m_driver->find<QLabel>("recordIcon")->accessibleName(), QStringLiteral("Waiting"));
    // The key typed on the previous page is not lost: retrying stores it.
    QTest::mouseClick(m_driver->find<QPushButton>("retryButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 10000);
    const QString host = m_wizard->practiceTenant()->hostAndPort();
    QVERIFY(m_store->secretEquals(SecretEntryName::forHost(DeploymentKind::QlikCloud, host),
                                  m_practice->simulator()->sampleToken(SampleKey::Healthy)));
    // A practice run is nothing to come back to: stored, but not listed among the saved connections.
    QVERIFY(!m_index->find(DeploymentKind::QlikCloud, host).has_value());
}

void TestSetupWizardFailures::quittingWithAnUnsavedKeyAsksFirst()
{
    Simulator::QlikSimulator tenant;
    QVERIFY(tenant.start());
    walkToKeyPage(tenant);
    m_driver->find<QLineEdit>("keyEdit")->setText(QString::fromLatin1(tenant.sampleToken(SampleKey::Healthy)));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);

    // Qlik shows a key only once: Cancel asks before dropping it, and "Cancel" in that question keeps everything.
    auto answer = [](QMessageBox::StandardButton choice) {
        QTimer::singleShot(0, qApp, [choice] {
            auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
            QVERIFY(box);
            QVERIFY(box->text().contains(QLatin1String("not stored")));
            QTest::mouseClick(box->button(choice), Qt::LeftButton);
        });
    };
    answer(QMessageBox::Cancel);
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(m_wizard->isVisible());
    QVERIFY(m_cloud->hasVerifiedKey());

    answer(QMessageBox::Discard);
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(!m_wizard->isVisible());
    QVERIFY(!m_cloud->hasVerifiedKey());
    QVERIFY(m_store->entryNames().isEmpty());
}

void TestSetupWizardFailures::quittingWhileTheKeyIsStoredAsksFirst()
{
    Simulator::QlikSimulator tenant;
    QVERIFY(tenant.start());
    walkToKeyPage(tenant);
    m_driver->find<QLineEdit>("keyEdit")->setText(QString::fromLatin1(tenant.sampleToken(SampleKey::Healthy)));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    m_store->setHoldJobs(true); // the keychain waits for its unlock prompt
    m_driver->clickNext();
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->isSaving(), 10000);

    // The question is answered through the wizard's message-box seam: "Cancel" keeps the wizard and the write.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(m_wizard->isVisible());
    QVERIFY2(MessageBox::lastQuestion().contains(QLatin1String("being stored")),
             qPrintable(MessageBox::lastQuestion()));
    QVERIFY(m_controller->isSaving());

    MessageBox::setNextAnswer(QMessageBox::Discard);
    QTest::mouseClick(m_wizard->button(QWizard::CancelButton), Qt::LeftButton);
    QVERIFY(!m_wizard->isVisible());
    m_store->setHoldJobs(false);
    m_store->releaseHeldJobs();
}

void TestSetupWizardFailures::failedCheckShowsItsFixAndChecksAgain()
{
    const auto setup = Simulator::SimulatorScenario::tenantFor(Simulator::CheckScenario::NoSpaces);
    Simulator::QlikSimulator tenant(setup.tenant);
    QVERIFY(tenant.start());
    walkToKeyPage(tenant);
    m_driver->find<QLineEdit>("keyEdit")->setText(QString::fromLatin1(tenant.sampleToken(setup.key)));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    m_driver->clickNext();

    // The key is stored, but the user is in no space: the check says so, with the fix open, and does not block.
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Error);
    auto *checkList = m_driver->find<CheckListWidget>("checkList");
    QCOMPARE(checkList->statusOf(QStringLiteral("spaces")), CheckStatus::Fail);
    QWidget *spacesRow = checkList->findChild<QWidget *>(QStringLiteral("check-spaces"));
    auto *fix = spacesRow->findChild<QLabel *>(QStringLiteral("fixLabel"));
    QVERIFY(fix->isVisible());
    QVERIFY(fix->text().contains(QLatin1String("Can view")));
    m_driver->screenshot(QStringLiteral("5-check-failed"));

    // The admin follows the fix in Qlik; "Check again" now passes.
    const QString userId = tenant.sampleUserId(setup.key);
    for (auto &space : tenant.tenant().spaces)
        space.memberIds << userId;
    QTest::mouseClick(m_driver->find<QPushButton>("checkAgainButton"), Qt::LeftButton);
    QVERIFY(!m_driver->canGoNext());
    QTRY_COMPARE_WITH_TIMEOUT(checkList->statusOf(QStringLiteral("spaces")), CheckStatus::Pass, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    spacesRow = checkList->findChild<QWidget *>(QStringLiteral("check-spaces")); // the rows are rebuilt per run
    QVERIFY(!spacesRow->findChild<QLabel *>(QStringLiteral("fixLabel"))->isVisible());
    QVERIFY(!spacesRow->findChild<QWidget *>(QStringLiteral("fixToggle"))->isVisible());
}

QTEST_MAIN(TestSetupWizardFailures)
#include "tst_setupwizardfailures.moc"
