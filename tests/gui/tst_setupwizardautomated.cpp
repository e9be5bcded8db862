// "Do it for me", walked as a person would in a practice run: a tenant admin signs in, the wizard creates the role
// and assigns it to the user picked, that user signs in, and the key the wizard creates ends up in the real Secret
// Service keychain and passes the connection check. Real widgets, real HTTPS and loopback OAuth, real keychain.
#include "AppTranslations.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "net/TlsTrust.h"
#include "oauth/OAuthClientSettings.h"
#include "practice/PracticeTenant.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupController.h"
#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"
#include "token/ApiKeyToken.h"
#include "token/SecureMemory.h"
#include "widgets/CheckListWidget.h"

#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrlQuery>

using namespace Dawiso;
using Simulator::DemoTenant;

class TestSetupWizardAutomated : public QObject, protected Test::WizardFixture<KeychainSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void automatedFlowCreatesRoleAssignsItAndStoresTheKey();
    void stopDuringRoleSetupLeavesThePanelReadyToCarryOn();
    void keyRefusedForASignInOffersThePastePath();
    void localhostRedirectIsOfferedAndAQlikErrorCanBeStopped();

private:
    // From the first page through an automated Access step: the admin signs in, the Dawiso role goes to Riley.
    void automateAccessForRiley();
    // Plays the person at the practice sign-in page: waits for it, signs in as email.
    void signInAs(const QString &email);

    std::unique_ptr<OAuthClientSettings> m_oauthClients;
};

void TestSetupWizardAutomated::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
}

void TestSetupWizardAutomated::init()
{
    createWizard();
    m_oauthClients = std::make_unique<OAuthClientSettings>(m_settings.get());
    m_cloud->setOAuthClientSettings(m_oauthClients.get());
    QVERIFY(m_wizard->startPracticeRun());
    QVERIFY(showWizard());
}

void TestSetupWizardAutomated::cleanup()
{
    destroyWizard();
}

void TestSetupWizardAutomated::signInAs(const QString &email)
{
    QWidget *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_wizard->findChild<QWidget *>(QStringLiteral("practiceSignInDialog")))
                                 && dialog->isVisible(),
                             20000);
    auto *emailEdit = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    if (emailEdit->text() != email) {
        emailEdit->clear();
        QTest::keyClicks(emailEdit, email);
    }
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
}

void TestSetupWizardAutomated::automateAccessForRiley()
{
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudAccessPageId));
    QTest::mouseClick(m_driver->find<QRadioButton>("automateRadio"), Qt::LeftButton);
    auto *automation = m_driver->find<QWidget>("accessAutomation");
    QTest::mouseClick(automation->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    signInAs(DemoTenant::adminEmail());
    auto *panel = automation->findChild<MessagePanel *>(QStringLiteral("automationPanel"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->kind(), MessagePanel::Kind::Success, 30000);
    QVERIFY(m_driver->assignRoleToTheOneFound(QStringLiteral("riley")));
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudKeyPageId));
}

void TestSetupWizardAutomated::automatedFlowCreatesRoleAssignsItAndStoresTheKey()
{
    Simulator::QlikSimulator *simulator = m_practice->simulator();
    const QString host = simulator->hostAndPort();
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudAccessPageId));

    // Access, automated: the admin signs in; the wizard creates a role of the name asked for.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudAccessPageId));
    QTest::mouseClick(m_driver->find<QRadioButton>("automateRadio"), Qt::LeftButton);
    auto *automation = m_driver->find<QWidget>("accessAutomation");
    QVERIFY(automation->isVisible());
    QCOMPARE(automation->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"))->text(), DemoTenant::nativeClientId());
    QVERIFY(automation->findChild<QComboBox *>(QStringLiteral("redirectCombo"))
                ->currentText()
                .startsWith(QLatin1String("http://127.0.0.1:")));
    auto *roleName = automation->findChild<QLineEdit *>(QStringLiteral("roleNameEdit"));
    roleName->clear();
    QTest::keyClicks(roleName, QStringLiteral("Dawiso Catalog Reader"));
    QTest::mouseClick(automation->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    signInAs(DemoTenant::adminEmail());
    auto *panel = automation->findChild<MessagePanel *>(QStringLiteral("automationPanel"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->kind(), MessagePanel::Kind::Success, 30000);
    QVERIFY2(panel->message().contains(QLatin1String("Created the role")), qPrintable(panel->message()));
    const auto role = simulator->tenant().roleByName(QStringLiteral("Dawiso Catalog Reader"));
    QVERIFY(role);
    QVERIFY(role->assignedScopes.contains(QStringLiteral("api-keys")));
    QVERIFY(!m_driver->canGoNext());
    m_driver->screenshot(QStringLiteral("a3-access-signed-in"));

    // The picker: tenant admins are listed but cannot be chosen; Riley can.
    auto *search = automation->findChild<QLineEdit *>(QStringLiteral("userSearchEdit"));
    auto *list = automation->findChild<QListWidget *>(QStringLiteral("userList"));
    QTest::keyClicks(search, QStringLiteral("alex"));
    QTRY_VERIFY_WITH_TIMEOUT(list->count() == 1 && list->item(0)->text().contains(QLatin1String("Alex")), 20000);
    QVERIFY(!(list->item(0)->flags() & Qt::ItemIsEnabled));
    search->clear();
    QTest::keyClicks(search, QStringLiteral("riley"));
    QTRY_VERIFY_WITH_TIMEOUT(list->count() == 1 && list->item(0)->text().contains(QLatin1String("Riley")), 20000);
    list->setCurrentRow(0);
    QTest::mouseClick(automation->findChild<QPushButton *>(QStringLiteral("assignButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    QVERIFY(panel->message().contains(QLatin1String("sign out")));
    const auto riley = simulator->tenant().user(QStringLiteral("65f1c0a1b2c3d4e5f6a70008"));
    QVERIFY(riley && riley->roleNames.contains(QStringLiteral("Dawiso Catalog Reader")));
    m_driver->screenshot(QStringLiteral("a3-access-assigned"));
    m_driver->clickNext();

    // Key, automated: chosen by itself after an automated Access; Riley signs in; the key goes straight on.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudKeyPageId));
    QVERIFY(m_driver->find<QRadioButton>("createRadio")->isChecked());
    auto *keyAutomation = m_driver->find<QWidget>("keyAutomation");
    auto *expiry = keyAutomation->findChild<QComboBox *>(QStringLiteral("expiryCombo"));
    QCOMPARE(expiry->currentData().toInt(), 90);
    m_driver->screenshot(QStringLiteral("a4-key"));
    // Qlik's answers about keys come slowly here, so that the wizard can be watched while it creates the key.
    simulator->setResponseDelay(QStringLiteral("/api/v1/api-keys"), 2000);
    QTest::mouseClick(keyAutomation->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    signInAs(DemoTenant::unassignedUserEmail()); // pre-filled from login_hint; signInAs checks it
    auto *keyPanel = keyAutomation->findChild<MessagePanel *>(QStringLiteral("automationPanel"));
    auto *keyStop = keyPanel->findChild<QPushButton *>(QStringLiteral("stopButton"));
    // Counting the user's keys can be stopped; creating the key cannot: Qlik may create it either way.
    QTRY_VERIFY_WITH_TIMEOUT(keyPanel->message().contains(QLatin1String("active API keys")), 30000);
    QVERIFY(keyStop->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(keyPanel->message().contains(QLatin1String("Creating the API key")), 30000);
    QVERIFY(!keyStop->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId), 30000);
    simulator->setResponseDelay(QStringLiteral("/api/v1/api-keys"), 0);

    // Stored and checked with the stored key.
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    m_driver->screenshot(QStringLiteral("a5-save"));
    // The check ran with the stored key: its report says whose key it is.
    const ConnectionReport checked = m_controller->connectionReport();
    QCOMPARE(checked.userId, riley->id);
    QVERIFY(!m_index->find(DeploymentKind::QlikCloud, host)); // a practice run is nothing to come back to
    const auto record = simulator->tenant().apiKey(checked.keyId);
    QVERIFY(record);
    QCOMPARE(record->sub, riley->id);
    QVERIFY(record->description.contains(QLatin1String("Dawiso")));
    const qint64 days = QDateTime::currentDateTimeUtc().daysTo(record->expiry);
    QVERIFY2(days >= 89 && days <= 90, qPrintable(QString::number(days)));

    // The real keychain holds the key Qlik created: its id is the record's.
    KeychainSecretStore reader;
    QByteArray stored;
    SecretStoreJob *job = reader.readSecret(SecretEntryName::forHost(DeploymentKind::QlikCloud, host));
    bool done = false;
    // The connection ends with `waiting`, before the variables the lambda writes go out of scope.
    QObject waiting;
    connect(job, &SecretStoreJob::finished, &waiting, [into = &stored, ended = &done](SecretStoreJob *finished) {
        *into = finished->secret();
        *ended = true;
    });
    QTRY_VERIFY_WITH_TIMEOUT(done, 20000);
    QCOMPARE(ApiKeyToken::fromPastedText(QString::fromLatin1(stored)).keyId(), checked.keyId);
    SecureMemory::wipe(stored);

    // Riley's sign-in was only for creating the key: Qlik is told to forget it at once.
    QTRY_COMPARE_WITH_TIMEOUT(simulator->requestCount(QStringLiteral("/oauth/revoke")), 1, 10000);

    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishPageId));
    // Done ends the admin's sign-in too.
    m_wizard->accept();
    QTRY_COMPARE_WITH_TIMEOUT(simulator->requestCount(QStringLiteral("/oauth/revoke")), 2, 10000);
}

void TestSetupWizardAutomated::stopDuringRoleSetupLeavesThePanelReadyToCarryOn()
{
    Simulator::QlikSimulator *simulator = m_practice->simulator();
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudAccessPageId));
    QTest::mouseClick(m_driver->find<QRadioButton>("automateRadio"), Qt::LeftButton);
    auto *automation = m_driver->find<QWidget>("accessAutomation");
    auto *signIn = automation->findChild<QPushButton *>(QStringLiteral("signInButton"));
    auto *panel = automation->findChild<MessagePanel *>(QStringLiteral("automationPanel"));
    auto *stop = panel->findChild<QPushButton *>(QStringLiteral("stopButton"));

    // Qlik never answers about roles: the wizard hangs on the role step until the admin stops it.
    simulator->setResponseDelay(QStringLiteral("/api/v1/roles"), -1);
    bool rolesAsked = false;
    // The connection ends with `watching`, before the variable the lambda writes goes out of scope.
    QObject watching;
    connect(simulator, &Simulator::QlikSimulator::requestHandled, &watching,
            [asked = &rolesAsked](const Simulator::RecordedRequest &request) {
                *asked = *asked || request.path.startsWith(QLatin1String("/api/v1/roles"));
            });
    QTest::mouseClick(signIn, Qt::LeftButton);
    signInAs(DemoTenant::adminEmail());
    QTRY_VERIFY_WITH_TIMEOUT(rolesAsked, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(stop->isVisible() && stop->isEnabled(), 10000);
    QVERIFY(!signIn->isEnabled());
    QTest::mouseClick(stop, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(panel->kind(), MessagePanel::Kind::Info, 10000);
    QVERIFY2(panel->message().contains(QLatin1String("Stopped")), qPrintable(panel->message()));
    QVERIFY(!stop->isVisible());
    QVERIFY(signIn->isEnabled());

    // Signing in again carries on, this time to the end.
    simulator->setResponseDelay(QStringLiteral("/api/v1/roles"), 0);
    QTest::mouseClick(signIn, Qt::LeftButton);
    signInAs(DemoTenant::adminEmail());
    QTRY_COMPARE_WITH_TIMEOUT(panel->kind(), MessagePanel::Kind::Success, 30000);
    QVERIFY(simulator->tenant().roleByName(QStringLiteral("Dawiso Integration")));
}

void TestSetupWizardAutomated::keyRefusedForASignInOffersThePastePath()
{
    Simulator::QlikSimulator *simulator = m_practice->simulator();
    automateAccessForRiley();
    if (QTest::currentTestFailed())
        return;
    const QString rileyId = QStringLiteral("65f1c0a1b2c3d4e5f6a70008");
    const auto keysBefore = simulator->tenant().apiKeys.size();

    // The panel says up front that this way is not confirmed on live tenants.
    auto *keyAutomation = m_driver->find<QWidget>("keyAutomation");
    QVERIFY(keyAutomation->isVisible());
    QVERIFY(keyAutomation->findChild<QLabel *>(QStringLiteral("unconfirmedLabel"))->isVisible());

    // This tenant refuses to create keys for a sign-in's token, as a live one may.
    simulator->setKeyCreationBySignInRefused(true);
    QTest::mouseClick(keyAutomation->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    signInAs(DemoTenant::unassignedUserEmail());
    auto *keyPanel = keyAutomation->findChild<MessagePanel *>(QStringLiteral("automationPanel"));
    QTRY_COMPARE_WITH_TIMEOUT(keyPanel->kind(), MessagePanel::Kind::Error, 30000);
    QVERIFY2(keyPanel->message().contains(QLatin1String("did not accept")), qPrintable(keyPanel->message()));
    QVERIFY2(keyPanel->advice().contains(QLatin1String("not confirmed on live tenants"))
                 && keyPanel->advice().contains(QStringLiteral("Profile settings › API keys")),
             qPrintable(keyPanel->advice()));
    // Not the advice for a missing role: Riley has it.
    QVERIFY(!keyPanel->advice().contains(QLatin1String("needs a role")));
    QCOMPARE(simulator->tenant().apiKeys.size(), keysBefore);
    m_driver->screenshot(QStringLiteral("a4-key-refused"));

    // One click to the paste path; the role assignment is kept.
    auto *pasteInstead = keyPanel->findChild<QPushButton *>(QStringLiteral("pasteInsteadButton"));
    QVERIFY(pasteInstead && pasteInstead->isVisible());
    QTest::mouseClick(pasteInstead, Qt::LeftButton);
    QVERIFY(m_driver->find<QRadioButton>("pasteRadio")->isChecked());
    auto *keyEdit = m_driver->find<QLineEdit>("keyEdit");
    QVERIFY(keyEdit->isVisible());
    QTRY_COMPARE(m_wizard->focusWidget(), keyEdit);
    QVERIFY(m_cloud->automation()->assignment().ok);
    QCOMPARE(m_cloud->automation()->assignment().user.id, rileyId);

    // Riley generates the key in Qlik and pastes it: the wizard carries on to a stored, checked key.
    const QByteArray token =
        simulator->issueApiKey(rileyId, QDateTime::currentDateTimeUtc().addDays(90), QStringLiteral("Dawiso"));
    keyEdit->setText(QString::fromLatin1(token));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QCOMPARE(m_controller->connectionReport().userId, rileyId);
}

void TestSetupWizardAutomated::localhostRedirectIsOfferedAndAQlikErrorCanBeStopped()
{
    m_driver->clickNext();
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    m_driver->clickNext();
    QTest::mouseClick(m_driver->find<QRadioButton>("automateRadio"), Qt::LeftButton);
    auto *automation = m_driver->find<QWidget>("accessAutomation");

    // Both loopback forms are offered; the one chosen is what the sign-in sends, and it is remembered.
    auto *redirect = automation->findChild<QComboBox *>(QStringLiteral("redirectCombo"));
    QCOMPARE(redirect->count(), 2);
    const int localhost = redirect->findData(QStringLiteral("localhost"));
    QVERIFY(localhost >= 0);
    QVERIFY(redirect->itemText(localhost).startsWith(QLatin1String("http://localhost:")));
    redirect->setCurrentIndex(localhost);
    emit redirect->activated(localhost);
    QCOMPARE(m_oauthClients->redirectHost(), QStringLiteral("localhost"));
    QVERIFY(automation->findChild<QLabel *>(QStringLiteral("clientHelpLabel"))
                ->text()
                .contains(QLatin1String("Not yet confirmed on live tenants")));

    // While the browser is out, the panel says at once what a Qlik error there means, and Stop ends the wait.
    QTest::mouseClick(automation->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    auto *panel = automation->findChild<MessagePanel *>(QStringLiteral("automationPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(panel->advice().contains(QLatin1String("If the browser shows a Qlik error")), 20000);
    QCOMPARE(panel->kind(), MessagePanel::Kind::Busy);
    QVERIFY2(panel->advice().contains(redirect->itemText(localhost)), qPrintable(panel->advice()));
    QCOMPARE(QUrlQuery(m_cloud->automation()->signInUrl())
                 .queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded),
             redirect->itemText(localhost));
    auto *stop = panel->findChild<QPushButton *>(QStringLiteral("stopButton"));
    QVERIFY(stop->isVisible());
    m_driver->screenshot(QStringLiteral("a3-access-waiting"));
    QTest::mouseClick(stop, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(panel->kind(), MessagePanel::Kind::Info, 10000);
    QVERIFY(!m_cloud->automation()->isBusy());
    QVERIFY(automation->findChild<QPushButton *>(QStringLiteral("signInButton"))->isEnabled());
}

QTEST_MAIN(TestSetupWizardAutomated)
#include "tst_setupwizardautomated.moc"
