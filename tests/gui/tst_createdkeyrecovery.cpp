// A key the wizard created is never silently lost: when the keychain refuses it, the Save page keeps it in memory
// and offers to retry, to copy it securely, or to delete it in Qlik. Driven through the automated practice flow,
// with the machine-to-machine sign-in for the admin part, and an in-memory keychain that can be made to fail.
#include "AppTranslations.h"
#include "FakeSecretStore.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "clipboard/SecretClipboard.h"
#include "net/TlsTrust.h"
#include "practice/PracticeTenant.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupController.h"
#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"
#include "token/ApiKeyToken.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Simulator::DemoTenant;

class TestCreatedKeyRecovery : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void keychainFailureOffersRetryCopyAndDelete();
    void deletedKeyIsNotOfferedForStoringAgain();

private:
    void createKeyWithFailingKeychain();
};

void TestCreatedKeyRecovery::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
}

void TestCreatedKeyRecovery::init()
{
    createWizard();
    QVERIFY(m_wizard->startPracticeRun());
    QVERIFY(showWizard());
}

void TestCreatedKeyRecovery::cleanup()
{
    destroyWizard();
}

void TestCreatedKeyRecovery::createKeyWithFailingKeychain()
{
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudAccessPageId));

    // The admin part with the machine-to-machine client (its practice id and secret are filled in).
    QTest::mouseClick(m_driver->find<QRadioButton>("automateRadio"), Qt::LeftButton);
    auto *automation = m_driver->find<QWidget>("accessAutomation");
    QTest::mouseClick(automation->findChild<QRadioButton *>(QStringLiteral("clientRadio")), Qt::LeftButton);
    auto *secret = automation->findChild<QLineEdit *>(QStringLiteral("m2mSecretEdit"));
    QCOMPARE(secret->echoMode(), QLineEdit::Password);
    QVERIFY(!secret->text().isEmpty());
    QTest::mouseClick(automation->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QVERIFY(secret->text().isEmpty()); // used once, gone from the field
    auto *list = automation->findChild<QListWidget *>(QStringLiteral("userList"));
    QTRY_VERIFY_WITH_TIMEOUT(list->count() > 0, 30000);
    QVERIFY(m_driver->assignRoleToTheOneFound(QStringLiteral("riley")));
    QVERIFY(list->item(0)->text().contains(QLatin1String("Riley")));
    m_driver->clickNext();

    // The key part, with a keychain that is not available.
    m_store->failAlwaysWith(SecretStoreError::Unavailable);
    auto *keyAutomation = m_driver->find<QWidget>("keyAutomation");
    QTest::mouseClick(keyAutomation->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    QWidget *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_wizard->findChild<QWidget *>(QStringLiteral("practiceSignInDialog")))
                                 && dialog->isVisible(),
                             20000);
    QCOMPARE(dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"))->text(), DemoTenant::unassignedUserEmail());
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Error, 20000);
}

void TestCreatedKeyRecovery::keychainFailureOffersRetryCopyAndDelete()
{
    createKeyWithFailingKeychain();
    Simulator::QlikSimulator *simulator = m_practice->simulator();
    const QString keyId = m_controller->unsavedCreatedCredentialId();
    QVERIFY(!keyId.isEmpty());
    QVERIFY(simulator->tenant().apiKey(keyId));
    QVERIFY(m_driver->panel()->advice().contains(QLatin1String("only in this program's memory")));
    QVERIFY(!m_driver->canGoNext());
    for (const char *button : {"retryButton", "copyKeyButton", "revokeKeyButton"})
        QVERIFY2(m_driver->find<QPushButton>(button)->isVisible(), button);
    m_driver->screenshot(QStringLiteral("recovery"));

    // Going back does not drop it.
    m_cloud->forgetKey();
    QCOMPARE(m_controller->unsavedCreatedCredentialId(), keyId);

    // Secure copy: the key itself, marked secret, on the clipboard.
    QTest::mouseClick(m_driver->find<QPushButton>("copyKeyButton"), Qt::LeftButton);
    const QString copied = QGuiApplication::clipboard()->text();
    QCOMPARE(ApiKeyToken::fromPastedText(copied).keyId(), keyId);
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));

    // Retry still fails while the keychain is away; once it is back, the same key is stored.
    QTest::mouseClick(m_driver->find<QPushButton>("retryButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Error, 20000);
    QCOMPARE(m_controller->unsavedCreatedCredentialId(), keyId);

    // Or delete it in Qlik: gone there, and the wizard no longer holds it.
    QTest::mouseClick(m_driver->find<QPushButton>("revokeKeyButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!simulator->tenant().apiKey(keyId), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Info, 20000);
    QVERIFY(m_controller->unsavedCreatedCredentialId().isEmpty());
    QVERIFY(!m_cloud->hasVerifiedKey());
    QVERIFY(m_store->entryNames().isEmpty());
}

void TestCreatedKeyRecovery::deletedKeyIsNotOfferedForStoringAgain()
{
    createKeyWithFailingKeychain();
    Simulator::QlikSimulator *simulator = m_practice->simulator();
    const QString keyId = m_controller->unsavedCreatedCredentialId();
    auto *retry = m_driver->find<QPushButton>("retryButton");
    auto *copy = m_driver->find<QPushButton>("copyKeyButton");
    auto *revoke = m_driver->find<QPushButton>("revokeKeyButton");

    // While Qlik deletes it, only the wait is shown: nothing to store, copy or delete again.
    QTest::mouseClick(revoke, Qt::LeftButton);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Busy);
    for (QPushButton *button : {retry, copy, revoke})
        QVERIFY2(!button->isVisible(), qPrintable(button->objectName()));

    // Deleted: still none of them, and the page says where to go for a new key.
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Info, 20000);
    QVERIFY(!simulator->tenant().apiKey(keyId));
    for (QPushButton *button : {retry, copy, revoke})
        QVERIFY2(!button->isVisible(), qPrintable(button->objectName()));
    QVERIFY2(m_driver->panel()->advice().contains(QLatin1String("key step")), qPrintable(m_driver->panel()->advice()));

    // Even if "Try again" were pressed, there is no key to store: no endless wait, a way out instead.
    m_store->failAlwaysWith(SecretStoreError::None);
    const int storeOperations = m_store->operationCount();
    retry->click();
    QVERIFY(!m_controller->isSaving());
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Info);
    QVERIFY2(m_driver->panel()->advice().contains(QLatin1String("key step")), qPrintable(m_driver->panel()->advice()));
    QCOMPARE(m_store->operationCount(), storeOperations);
    QVERIFY(!m_driver->canGoNext());
}

QTEST_MAIN(TestCreatedKeyRecovery)
#include "tst_createdkeyrecovery.moc"
