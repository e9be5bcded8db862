// The Key page's way forward, on real widgets in a practice run: a stored key lets the user go back and on again
// without a key to paste, and a tenant admin's key never gets past the page without the user's explicit "yes",
// whether it was pasted or created. An in-memory keychain keeps the test away from the real one.
#include "AppTranslations.h"
#include "FakeSecretStore.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "practice/PracticeTenant.h"
#include "setup/SetupController.h"
#include "simulator/cloud/DemoTenant.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QTest>

using namespace Dawiso;
using Simulator::DemoTenant;
using Simulator::SampleKey;

class TestKeyPageFlow : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void goingBackAfterSavingKeepsTheStoredKey();
    void pastedAdminKeyNeedsItsAcknowledgementInEveryMode();
    void createdAdminKeyWaitsForTheUsersChoice();

private:
    void pasteKey(SampleKey key);
    void signInAs(const QString &email);
    void clickRadio(const char *name);
};

void TestKeyPageFlow::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
}

void TestKeyPageFlow::init()
{
    createWizard();
    QVERIFY(m_wizard->startPracticeRun());
    QVERIFY(showWizard());
}

void TestKeyPageFlow::cleanup()
{
    destroyWizard();
}

void TestKeyPageFlow::pasteKey(SampleKey key)
{
    m_driver->find<QLineEdit>("keyEdit")->setText(QString::fromLatin1(m_practice->simulator()->sampleToken(key)));
}

void TestKeyPageFlow::signInAs(const QString &email)
{
    QWidget *dialog = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((dialog = m_wizard->findChild<QWidget *>(QStringLiteral("practiceSignInDialog")))
                                 && dialog->isVisible(),
                             20000);
    auto *emailEdit = dialog->findChild<QLineEdit *>(QStringLiteral("emailEdit"));
    emailEdit->clear();
    QTest::keyClicks(emailEdit, email);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("signInButton")), Qt::LeftButton);
}

void TestKeyPageFlow::clickRadio(const char *name)
{
    auto *radio = m_driver->find<QRadioButton>(name);
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    QVERIFY(radio->isChecked());
}

void TestKeyPageFlow::goingBackAfterSavingKeepsTheStoredKey()
{
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudKeyPageId));
    pasteKey(SampleKey::Healthy);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    QVERIFY(m_controller->saveResult().saved);

    // Each step of the save says in words what its picture shows.
    for (const char *icon : {"writeIcon", "readBackIcon", "recordIcon"}) {
        auto *label = m_driver->find<QLabel>(icon);
        QCOMPARE(label->accessibleName(), QStringLiteral("Done"));
        QCOMPARE(label->toolTip(), QStringLiteral("Done"));
    }

    // Back on the Key page: the key is gone from memory and from the field, and Qlik will not show it again. The
    // page says it is stored and lets the user on.
    const int storeOperations = m_store->operationCount();
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudKeyPageId));
    QVERIFY(!m_cloud->hasVerifiedKey());
    QVERIFY(m_driver->find<QLineEdit>("keyEdit")->text().isEmpty());
    auto *stored = m_driver->find<MessagePanel>("storedPanel");
    QVERIFY(stored->isVisible());
    QCOMPARE(stored->kind(), MessagePanel::Kind::Info);
    QVERIFY2(stored->message().contains(QLatin1String("already stored")), qPrintable(stored->message()));
    QVERIFY(!m_driver->find<QCheckBox>("adminAckCheck")->isVisible());
    QVERIFY(m_driver->canGoNext());
    m_driver->screenshot(QStringLiteral("4-key-stored"));

    // On again: the Save page is done already and stores nothing twice; then the Finish page.
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QVERIFY(m_driver->canGoNext());
    QVERIFY(!m_controller->isSaving());
    QCOMPARE(m_store->operationCount(), storeOperations);

    // A new key replaces the stored one: the note goes and the new key is checked before anything else.
    QTest::mouseClick(m_wizard->button(QWizard::BackButton), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudKeyPageId));
    pasteKey(SampleKey::ExpiringSoon);
    QVERIFY(!stored->isVisible());
    QVERIFY(!m_driver->canGoNext());
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    m_driver->clickNext();
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    QVERIFY(m_store->operationCount() > storeOperations);
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishPageId));
}

void TestKeyPageFlow::pastedAdminKeyNeedsItsAcknowledgementInEveryMode()
{
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudKeyPageId));
    pasteKey(SampleKey::TenantAdmin);
    auto *ack = m_driver->find<QCheckBox>("adminAckCheck");
    QTRY_VERIFY_WITH_TIMEOUT(ack->isVisible(), 20000);
    QVERIFY(m_cloud->hasVerifiedKey());
    QVERIFY(!m_driver->canGoNext());

    // "Create it for me" has created nothing: the pasted admin key must not slip through there.
    clickRadio("createRadio");
    QVERIFY(!m_driver->canGoNext());
    clickRadio("pasteRadio");
    QVERIFY(!m_driver->canGoNext());

    m_driver->tick("adminAckCheck");
    QVERIFY(ack->isChecked());
    QVERIFY(m_driver->canGoNext());
    // The "yes" is for the pasted key; in the other mode only a key created and taken there counts.
    clickRadio("createRadio");
    QVERIFY(!m_driver->canGoNext());
}

void TestKeyPageFlow::createdAdminKeyWaitsForTheUsersChoice()
{
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudKeyPageId));
    // The admin may create keys: the demo tenant's role for that, given to them as well.
    for (Simulator::SimUser &user : m_practice->simulator()->tenant().users) {
        if (user.email == DemoTenant::adminEmail())
            user.roleNames << QStringLiteral("Dawiso Integration");
    }
    clickRadio("createRadio");
    auto *keyAutomation = m_driver->find<QWidget>("keyAutomation");
    auto *clientId = keyAutomation->findChild<QLineEdit *>(QStringLiteral("clientIdEdit"));
    if (clientId->text().isEmpty())
        QTest::keyClicks(clientId, DemoTenant::nativeClientId());
    QTest::mouseClick(keyAutomation->findChild<QPushButton *>(QStringLiteral("createButton")), Qt::LeftButton);
    signInAs(DemoTenant::adminEmail()); // the wrong person: a tenant admin

    // The key exists and is held, but the user has not said whether to delete it or use it anyway.
    auto *useAnyway = keyAutomation->findChild<QPushButton *>(QStringLiteral("useAnywayButton"));
    auto *panel = keyAutomation->findChild<MessagePanel *>(QStringLiteral("automationPanel"));
    QTRY_VERIFY2_WITH_TIMEOUT(useAnyway->isVisible(), qPrintable(panel->message() + panel->advice()), 30000);
    QVERIFY(keyAutomation->findChild<QPushButton *>(QStringLiteral("deleteKeyButton"))->isVisible());
    QVERIFY(m_cloud->hasVerifiedKey());
    QVERIFY(m_cloud->keyVerification().isTenantAdmin());
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudKeyPageId));
    QVERIFY(!m_driver->canGoNext());
    clickRadio("pasteRadio");
    QVERIFY(!m_driver->canGoNext());
    clickRadio("createRadio");
    QVERIFY(!m_driver->canGoNext());

    // "Use it anyway" is the user's "yes": the key goes on to be stored.
    QTest::mouseClick(useAnyway, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId), 20000);
    QTRY_VERIFY_WITH_TIMEOUT(m_controller->saveResult().saved, 30000);
}

QTEST_MAIN(TestKeyPageFlow)
#include "tst_keypageflow.moc"
