// Keyboard use of the wizard's pages, on real widgets in a practice run: every Alt+letter on a page (its own
// buttons and labels, hidden ones included since they appear on the way, and the wizard buttons shown with it) leads
// to one place only, and Tab follows the order a person reads in.
#include "AppTranslations.h"
#include "FakeSecretStore.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "simulator/cloud/QlikSimulator.h"

#include <QAbstractButton>
#include <QApplication>
#include <QGroupBox>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QMultiMap>
#include <QPushButton>
#include <QTest>

using namespace Dawiso;

class TestPageKeyboard : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    void mnemonicsAreUniquePerPage_data();
    void mnemonicsAreUniquePerPage();
    void tabReachesTheRoleNameBeforeItsCopyButton();

private:
    // Each letter used with Alt on the current page, with the texts that use it.
    QMultiMap<QString, QString> mnemonicsOnPage() const;
    // Starts the practice run of that deployment (its simulated tenant or site).
    bool startPractice(DeploymentKind deployment);
};

void TestPageKeyboard::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance());
}

void TestPageKeyboard::init()
{
    createWizard();
    QVERIFY(showWizard());
}

bool TestPageKeyboard::startPractice(DeploymentKind deployment)
{
    m_controller->setDeployment(deployment);
    return m_wizard->startPracticeRun();
}

void TestPageKeyboard::cleanup()
{
    destroyWizard();
}

QMultiMap<QString, QString> TestPageKeyboard::mnemonicsOnPage() const
{
    QMultiMap<QString, QString> found;
    auto add = [&found](const QString &text) {
        const QKeySequence mnemonic = QKeySequence::mnemonic(text);
        if (!mnemonic.isEmpty())
            found.insert(mnemonic.toString(), text);
    };
    QWidget *page = m_wizard->currentPage();
    for (const QAbstractButton *button : page->findChildren<QAbstractButton *>())
        add(button->text());
    for (const QLabel *label : page->findChildren<QLabel *>()) {
        if (label->buddy())
            add(label->text());
    }
    for (const QGroupBox *box : page->findChildren<QGroupBox *>())
        add(box->title());
    for (const QWizard::WizardButton which : {QWizard::BackButton, QWizard::NextButton, QWizard::CommitButton,
                                              QWizard::FinishButton, QWizard::CancelButton, QWizard::CustomButton1}) {
        const QAbstractButton *button = m_wizard->button(which);
        if (button->isVisible())
            add(button->text());
    }
    return found;
}

void TestPageKeyboard::mnemonicsAreUniquePerPage_data()
{
    QTest::addColumn<DeploymentKind>("deployment");
    QTest::addColumn<int>("page");
    const DeploymentKind cloud = DeploymentKind::QlikCloud;
    QTest::newRow("host") << cloud << int(SetupWizard::HostPageId);
    QTest::newRow("access") << cloud << int(SetupWizard::CloudAccessPageId);
    QTest::newRow("key") << cloud << int(SetupWizard::CloudKeyPageId);
    QTest::newRow("save") << cloud << int(SetupWizard::SaveAndCheckPageId);
    QTest::newRow("finish") << cloud << int(SetupWizard::FinishPageId);
    // Every way of the Administrator page at once: the hidden ones are one click away.
    const DeploymentKind enterprise = DeploymentKind::QlikSenseEnterprise;
    QTest::newRow("enterprise host") << enterprise << int(SetupWizard::HostPageId);
    QTest::newRow("enterprise admin") << enterprise << int(SetupWizard::EnterpriseAdminPageId);
    QTest::newRow("enterprise service user") << enterprise << int(SetupWizard::EnterpriseServiceUserPageId);
    QTest::newRow("enterprise virtual proxy") << enterprise << int(SetupWizard::EnterpriseVirtualProxyPageId);
    QTest::newRow("enterprise token") << enterprise << int(SetupWizard::EnterpriseTokenPageId);
    QTest::newRow("enterprise finish") << enterprise << int(SetupWizard::FinishPageId);
}

void TestPageKeyboard::mnemonicsAreUniquePerPage()
{
    QFETCH(DeploymentKind, deployment);
    QFETCH(int, page);
    QVERIFY(startPractice(deployment));
    // Past the Key page with a key that passes, so that the Save and Finish pages show what they show after a save.
    const QByteArray sampleKey = deployment == DeploymentKind::QlikCloud
        ? m_practice->simulator()->sampleToken(Simulator::SampleKey::Healthy)
        : QByteArray();
    QVERIFY(m_driver->walkTo(deployment, page, {}, sampleKey));
    QCOMPARE(m_wizard->currentId(), page);
    const QMultiMap<QString, QString> mnemonics = mnemonicsOnPage();
    QVERIFY(!mnemonics.isEmpty());
    QStringList clashes;
    for (const QString &key : mnemonics.uniqueKeys()) {
        QStringList texts = mnemonics.values(key);
        if (texts.size() < 2)
            continue;
        texts.sort();
        clashes << key + QStringLiteral(": ") + texts.join(QStringLiteral(" | "));
    }
    QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QStringLiteral("; "))));
}

void TestPageKeyboard::tabReachesTheRoleNameBeforeItsCopyButton()
{
    QVERIFY(startPractice(DeploymentKind::QlikCloud));
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikCloud, SetupWizard::CloudAccessPageId));
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudAccessPageId));
    m_wizard->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(m_wizard.get()));
    // The guided steps' own role name (the automated panel has one of the same name).
    QWidget *guided = m_driver->find<QWidget>("guidedPage");
    auto *openPermissions = guided->findChild<QPushButton *>(QStringLiteral("openPermissionsButton"));
    openPermissions->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), static_cast<QWidget *>(openPermissions));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(),
             static_cast<QWidget *>(guided->findChild<QLineEdit *>(QStringLiteral("roleNameEdit"))));
    QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    QCOMPARE(QApplication::focusWidget(),
             static_cast<QWidget *>(guided->findChild<QPushButton *>(QStringLiteral("copyRoleButton"))));
}

QTEST_MAIN(TestPageKeyboard)
#include "tst_pagekeyboard.moc"
