// Coming back to the program: the saved connections on its first page, against the simulator over HTTPS with an
// in-memory keychain. Each is listed with its expiry and last check; Check again, Renew (the old key revoked once
// Dawiso has the new one), Copy, Forget and Set up again are driven with QTest as a person would.
#include "Deployments.h"
#include "FakeSecretStore.h"
#include "SetupWizard.h"
#include "SimulatorClientFixture.h"
#include "clipboard/SecretMimeData.h"
#include "connections/ConnectionCheckDialog.h"
#include "connections/CredentialRotation.h"
#include "connections/ForgetDialog.h"
#include "connections/RotationDialog.h"
#include "connections/SavedConnectionsPanel.h"
#include "dialogs/MessageBox.h"
#include "pages/DeploymentPage.h"
#include "pages/HostPage.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupController.h"
#include "widgets/CheckListWidget.h"
#include "widgets/MessagePanel.h"

#include <QCheckBox>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

using namespace Dawiso;
using Simulator::SampleKey;

namespace {

const QString farHost = QStringLiteral("gone.eu.qlikcloud.com");
const QString expiredHost = QStringLiteral("expired.eu.qlikcloud.com");

// Stands in for the calendar app: openUrl() asks it before the platform.
class CalendarApp : public QObject
{
    Q_OBJECT

public slots:
    void open(const QUrl &url) { urls << url; }

public:
    QList<QUrl> urls;
};

} // namespace

class TestSavedConnectionsPanel : public QObject, protected Test::SimulatorClientFixture
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void listsEachConnectionWithWhatStandsOut();
    void noPanelWithoutSavedConnections();
    void checkAgainShowsTheChecksAndRemembersTheVerdict();
    void renewStoresANewKeyAndRevokesTheOldOneWhenAsked();
    void renewFailuresKeepTheOldKeyAndSayWhatIsWhere_data();
    void renewFailuresKeepTheOldKeyAndSayWhatIsWhere();
    void oldKeyNotRevokedIsSaidWithItsId();
    void copyPutsTheStoredKeyOnTheClipboard();
    void reminderOpensAnEventBeforeTheExpiry();
    void forgetWithRevocation();
    void setUpAgainGoesToTheHostPageWithTheHost();

private:
    void createWizard();
    SavedConnectionsPanel *panel() const;
    QTreeWidget *list() const;
    int rowOf(const QString &host) const;
    template <typename Dialog>
    Dialog *openDialog(const char *buttonName);
    void screenshot(QWidget *widget, const QString &name) const;
    QString keyStatus(const QString &keyId) const;
    int activeKeysOfIntegrationUser() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QSettings> m_settings;
    std::unique_ptr<ConnectionIndex> m_index;
    std::unique_ptr<FakeSecretStore> m_store;
    std::unique_ptr<SetupController> m_controller;
    std::unique_ptr<SetupWizard> m_wizard;
    SavedConnection m_healthy;
};

void TestSavedConnectionsPanel::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
}

void TestSavedConnectionsPanel::init()
{
    QVERIFY(startSimulator());
    m_dir = std::make_unique<QTemporaryDir>();
    m_settings = std::make_unique<QSettings>(m_dir->filePath(QStringLiteral("settings.ini")), QSettings::IniFormat);
    m_index = std::make_unique<ConnectionIndex>(m_settings.get());
    m_store = std::make_unique<FakeSecretStore>();

    // Set up before: the simulated tenant with a working key, a tenant whose key expired, and one whose keychain
    // entry was removed outside the program.
    m_healthy.kind = DeploymentKind::QlikCloud;
    m_healthy.hostAndPort = m_simulator->hostAndPort();
    m_healthy.userName = QStringLiteral("Dawiso Integration");
    m_healthy.userId = m_simulator->sampleUserId(SampleKey::Healthy);
    m_healthy.keyId = m_simulator->sampleKeyId(SampleKey::Healthy);
    m_healthy.keyExpiry = QDateTime::currentDateTimeUtc().addDays(90);
    m_index->upsert(m_healthy);
    m_healthy = *m_index->find(DeploymentKind::QlikCloud, m_healthy.hostAndPort);
    m_store->insertSecret(SecretEntryName::forHost(DeploymentKind::QlikCloud, m_healthy.hostAndPort),
                          m_simulator->sampleToken(SampleKey::Healthy));
    SavedConnection expired = m_healthy;
    expired.hostAndPort = expiredHost;
    expired.keyExpiry = QDateTime::currentDateTimeUtc().addDays(-3);
    expired.lastCheck = SavedConnection::LastCheck::Blocked;
    expired.lastCheckedAt = QDateTime::currentDateTimeUtc().addDays(-2);
    m_index->upsert(expired);
    m_store->insertSecret(SecretEntryName::forHost(DeploymentKind::QlikCloud, expiredHost), QByteArray("x.y.z"));
    SavedConnection gone = m_healthy;
    gone.hostAndPort = farHost;
    gone.keyExpiry = QDateTime::currentDateTimeUtc().addDays(10);
    m_index->upsert(gone);
}

void TestSavedConnectionsPanel::createWizard()
{
    m_controller = std::make_unique<SetupController>(m_network.get(), m_trust.get(), m_store.get(), m_index.get());
    m_wizard = std::make_unique<SetupWizard>(m_controller.get());
    Deployments::addAll(m_controller.get(), m_wizard.get());
    m_wizard->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_wizard.get()));
}

void TestSavedConnectionsPanel::cleanup()
{
    m_wizard.reset();
    m_controller.reset();
    m_store.reset();
    stopSimulator();
}

SavedConnectionsPanel *TestSavedConnectionsPanel::panel() const
{
    return m_wizard->findChild<SavedConnectionsPanel *>();
}

QTreeWidget *TestSavedConnectionsPanel::list() const
{
    return panel()->findChild<QTreeWidget *>(QStringLiteral("connectionList"));
}

int TestSavedConnectionsPanel::rowOf(const QString &host) const
{
    for (int row = 0; row < list()->topLevelItemCount(); ++row) {
        if (list()->topLevelItem(row)->text(0) == host)
            return row;
    }
    return -1;
}

template <typename Dialog>
Dialog *TestSavedConnectionsPanel::openDialog(const char *buttonName)
{
    auto *button = panel()->findChild<QPushButton *>(QString::fromLatin1(buttonName));
    if (!button || !button->isEnabled())
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    Dialog *dialog = nullptr;
    const auto shown = [&] {
        dialog = panel()->findChild<Dialog *>();
        return dialog && dialog->isVisible();
    };
    if (!QTest::qWaitFor(shown, 5000))
        return nullptr;
    return dialog;
}

void TestSavedConnectionsPanel::screenshot(QWidget *widget, const QString &name) const
{
    const QString directory = qEnvironmentVariable("DQS_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    QTest::qWait(100);
    widget->grab().save(QDir(directory).filePath(name + QStringLiteral(".png")));
}

QString TestSavedConnectionsPanel::keyStatus(const QString &keyId) const
{
    for (const Simulator::SimApiKey &key : m_simulator->tenant().apiKeys) {
        if (key.id == keyId)
            return key.status;
    }
    return QStringLiteral("gone");
}

void TestSavedConnectionsPanel::listsEachConnectionWithWhatStandsOut()
{
    createWizard();
    QVERIFY(panel());
    QVERIFY(panel()->isVisible());
    QCOMPARE(list()->topLevelItemCount(), 3);
    const int expiredRow = rowOf(expiredHost);
    const int goneRow = rowOf(farHost);
    const int healthyRow = rowOf(m_healthy.hostAndPort);
    QVERIFY(expiredRow >= 0 && goneRow >= 0 && healthyRow >= 0);
    QVERIFY(list()->topLevelItem(expiredRow)->text(2).startsWith(QLatin1String("Expired on")));
    QVERIFY(list()->topLevelItem(expiredRow)->text(3).startsWith(QLatin1String("Failed")));
    QVERIFY(list()->topLevelItem(healthyRow)->text(2).startsWith(QLatin1String("Expires in")));
    QVERIFY(list()->topLevelItem(healthyRow)->toolTip(2).contains(m_healthy.keyId));
    QCOMPARE(list()->topLevelItem(healthyRow)->text(3), QStringLiteral("Never checked"));
    QCOMPARE(list()->topLevelItem(healthyRow)->text(1), QStringLiteral("Dawiso Integration"));
    // The keychain is asked whether each entry is still there.
    QTRY_COMPARE(list()->topLevelItem(goneRow)->text(2), QStringLiteral("Not in the keychain any more"));
    QVERIFY(list()->topLevelItem(goneRow)->font(2).bold());
    QVERIFY(!list()->topLevelItem(healthyRow)->font(2).bold());

    panel()->select(goneRow);
    auto *setUpAgain = panel()->findChild<QPushButton *>(QStringLiteral("setUpAgainButton"));
    QVERIFY(setUpAgain->isVisible());
    QVERIFY(!panel()->findChild<QPushButton *>(QStringLiteral("checkButton"))->isEnabled());
    panel()->select(healthyRow);
    QVERIFY(!setUpAgain->isVisible());
    QVERIFY(panel()->findChild<QPushButton *>(QStringLiteral("checkButton"))->isEnabled());
    QVERIFY(panel()->findChild<QPushButton *>(QStringLiteral("rotateButton"))->isEnabled());
    screenshot(m_wizard.get(), QStringLiteral("saved-connections"));
}

void TestSavedConnectionsPanel::noPanelWithoutSavedConnections()
{
    m_index->remove(DeploymentKind::QlikCloud, m_healthy.hostAndPort);
    m_index->remove(DeploymentKind::QlikCloud, expiredHost);
    m_index->remove(DeploymentKind::QlikCloud, farHost);
    const int reads = m_store->operationCount();
    createWizard();
    QVERIFY(!panel());
    // A first start reads nothing from the keychain.
    QCOMPARE(m_store->operationCount(), reads);
}

void TestSavedConnectionsPanel::checkAgainShowsTheChecksAndRemembersTheVerdict()
{
    createWizard();
    panel()->select(rowOf(m_healthy.hostAndPort));
    auto *dialog = openDialog<ConnectionCheckDialog>("checkButton");
    QVERIFY(dialog);
    auto *status = dialog->findChild<MessagePanel *>(QStringLiteral("statusPanel"));
    QTRY_VERIFY_WITH_TIMEOUT(!dialog->isChecking(), 30000);
    QCOMPARE(dialog->report().verdict, ConnectionReport::Verdict::Usable);
    QVERIFY(status->kind() == MessagePanel::Kind::Success || status->kind() == MessagePanel::Kind::Warning);
    auto *checks = dialog->findChild<CheckListWidget *>(QStringLiteral("checkList"));
    QCOMPARE(checks->statusOf(QStringLiteral("identity")), CheckStatus::Pass);
    screenshot(dialog, QStringLiteral("saved-connections-check"));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("saveReportButton"))->isEnabled());
    dialog->reject();
    // The list shows the verdict, and the index keeps it.
    QTRY_VERIFY(list()->topLevelItem(rowOf(m_healthy.hostAndPort))->text(3).startsWith(QLatin1String("Usable")));
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, m_healthy.hostAndPort)->lastCheck,
             SavedConnection::LastCheck::Usable);
}

void TestSavedConnectionsPanel::renewStoresANewKeyAndRevokesTheOldOneWhenAsked()
{
    createWizard();
    panel()->select(rowOf(m_healthy.hostAndPort));
    auto *dialog = openDialog<RotationDialog>("rotateButton");
    QVERIFY(dialog);
    screenshot(dialog, QStringLiteral("saved-connections-renew"));
    auto *renew = dialog->findChild<QPushButton *>(QStringLiteral("renewButton"));
    auto *revokeOld = dialog->findChild<QPushButton *>(QStringLiteral("revokeOldButton"));
    auto *status = dialog->findChild<MessagePanel *>(QStringLiteral("statusPanel"));
    QVERIFY(renew->isEnabled());
    QTest::mouseClick(renew, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(revokeOld->isVisible(), 30000);
    QCOMPARE(status->kind(), MessagePanel::Kind::Success);
    QVERIFY(status->advice().contains(QLatin1String("Give it to Dawiso")));
    const auto renewed = m_index->find(DeploymentKind::QlikCloud, m_healthy.hostAndPort);
    QVERIFY(renewed->keyId != m_healthy.keyId);
    // Both work until the admin revokes the old one.
    QCOMPARE(keyStatus(m_healthy.keyId), QStringLiteral("active"));
    QVERIFY(dialog->findChild<QPushButton *>(QStringLiteral("copyNewButton"))->isVisible());
    screenshot(dialog, QStringLiteral("saved-connections-renewed"));

    // Closing now would leave the old key working: the question says so, and Cancel keeps the dialog.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    dialog->reject();
    QVERIFY(MessageBox::lastQuestion().contains(m_healthy.keyId));
    QVERIFY(dialog->isVisible());

    QTest::mouseClick(revokeOld, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!revokeOld->isVisible(), 30000);
    QCOMPARE(status->kind(), MessagePanel::Kind::Success);
    QVERIFY(keyStatus(m_healthy.keyId) != QLatin1String("active"));
    QCOMPARE(keyStatus(renewed->keyId), QStringLiteral("active"));
    dialog->reject();
}

int TestSavedConnectionsPanel::activeKeysOfIntegrationUser() const
{
    int active = 0;
    for (const Simulator::SimApiKey &key : m_simulator->tenant().apiKeys)
        active += key.sub == m_healthy.userId && key.status == QLatin1String("active") ? 1 : 0;
    return active;
}

void TestSavedConnectionsPanel::renewFailuresKeepTheOldKeyAndSayWhatIsWhere_data()
{
    QTest::addColumn<QString>("failure");
    QTest::addColumn<QString>("said");
    QTest::addColumn<QString>("where");
    QTest::newRow("new key refused") << QStringLiteral("refused") << QString()
                                     << QStringLiteral("still in the keychain");
    QTest::newRow("check fails") << QStringLiteral("check") << QStringLiteral("did not pass the connection check")
                                 << QStringLiteral("revoked in Qlik again");
    QTest::newRow("keychain refuses") << QStringLiteral("keychain") << QStringLiteral("keychain did not take")
                                      << QStringLiteral("written back");
}

void TestSavedConnectionsPanel::renewFailuresKeepTheOldKeyAndSayWhatIsWhere()
{
    QFETCH(QString, failure);
    QFETCH(QString, said);
    QFETCH(QString, where);
    const int activeBefore = activeKeysOfIntegrationUser();
    if (failure == QLatin1String("refused"))
        m_simulator->tenant().maxKeysPerUser = activeBefore;
    else if (failure == QLatin1String("check"))
        m_simulator->setMalformedJson(QStringLiteral("/api/v1/spaces"), true);
    createWizard();
    panel()->select(rowOf(m_healthy.hostAndPort));
    auto *dialog = openDialog<RotationDialog>("rotateButton");
    QVERIFY(dialog);
    if (failure == QLatin1String("keychain")) {
        auto *rotation = dialog->findChild<CredentialRotation *>();
        QVERIFY(rotation);
        connect(rotation, &CredentialRotation::stepStarted, this, [this](CredentialRotation::Step step) {
            if (step == CredentialRotation::Step::StoringNew)
                m_store->failNextWith(SecretStoreError::AccessDenied);
        });
    }
    auto *renew = dialog->findChild<QPushButton *>(QStringLiteral("renewButton"));
    auto *status = dialog->findChild<MessagePanel *>(QStringLiteral("statusPanel"));
    QTest::mouseClick(renew, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->kind(), MessagePanel::Kind::Error, 30000);
    QVERIFY2(status->message().contains(said), qPrintable(status->message()));
    QVERIFY2(status->advice().contains(where), qPrintable(status->advice()));
    // Nothing changed for Dawiso: the old key is stored and works, and no new key is left active in Qlik.
    QVERIFY(m_store->secretEquals(SecretEntryName::forHost(DeploymentKind::QlikCloud, m_healthy.hostAndPort),
                                  m_simulator->sampleToken(SampleKey::Healthy)));
    QCOMPARE(m_index->find(DeploymentKind::QlikCloud, m_healthy.hostAndPort)->keyId, m_healthy.keyId);
    QCOMPARE(keyStatus(m_healthy.keyId), QStringLiteral("active"));
    QCOMPARE(activeKeysOfIntegrationUser(), activeBefore);
    // It can be tried again.
    QTRY_VERIFY(renew->isEnabled());
    screenshot(dialog, QStringLiteral("saved-connections-renew-") + failure);
    dialog->reject();
}

void TestSavedConnectionsPanel::oldKeyNotRevokedIsSaidWithItsId()
{
    m_simulator->rateLimitNext(QStringLiteral("/api/v1/api-keys/") + m_healthy.keyId, 20, 0);
    createWizard();
    panel()->select(rowOf(m_healthy.hostAndPort));
    auto *dialog = openDialog<RotationDialog>("rotateButton");
    QVERIFY(dialog);
    auto *revokeOld = dialog->findChild<QPushButton *>(QStringLiteral("revokeOldButton"));
    auto *status = dialog->findChild<MessagePanel *>(QStringLiteral("statusPanel"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("renewButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(revokeOld->isVisible(), 30000);
    QTest::mouseClick(revokeOld, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(status->kind(), MessagePanel::Kind::Warning, 30000);
    QVERIFY(status->message().contains(m_healthy.keyId));
    QVERIFY(status->advice().contains(QLatin1String("Management Console")));
    // The new key is stored and works; the old one too, until it is deleted by hand.
    QVERIFY(m_index->find(DeploymentKind::QlikCloud, m_healthy.hostAndPort)->keyId != m_healthy.keyId);
    QCOMPARE(keyStatus(m_healthy.keyId), QStringLiteral("active"));
    dialog->reject();
}

void TestSavedConnectionsPanel::copyPutsTheStoredKeyOnTheClipboard()
{
    createWizard();
    panel()->select(rowOf(m_healthy.hostAndPort));
    auto *copy = panel()->findChild<QPushButton *>(QStringLiteral("copyButton"));
    QCOMPARE(copy->text(), QStringLiteral("Cop&y key"));
    QTest::mouseClick(copy, Qt::LeftButton);
    auto *label = panel()->findChild<QLabel *>(QStringLiteral("clipboardLabel"));
    QTRY_VERIFY(label->isVisible() && label->text().contains(QLatin1String("on the clipboard")));
    QVERIFY(QGuiApplication::clipboard()->text().toLatin1() == m_simulator->sampleToken(SampleKey::Healthy));
}

void TestSavedConnectionsPanel::reminderOpensAnEventBeforeTheExpiry()
{
    createWizard();
    panel()->select(rowOf(m_healthy.hostAndPort));
    CalendarApp calendar;
    QDesktopServices::setUrlHandler(QStringLiteral("file"), &calendar, "open");
    QTest::mouseClick(panel()->findChild<QPushButton *>(QStringLiteral("reminderButton")), Qt::LeftButton);
    QDesktopServices::unsetUrlHandler(QStringLiteral("file"));
    QCOMPARE(calendar.urls.size(), 1);
    QFile event(calendar.urls.first().toLocalFile());
    QVERIFY(event.open(QIODevice::ReadOnly));
    const QByteArray text = event.readAll();
    QVERIFY(text.startsWith("BEGIN:VCALENDAR\r\n"));
    QVERIFY(text.contains(m_healthy.hostAndPort.toLatin1()));
    // Never the key.
    QVERIFY(!text.contains(m_simulator->sampleToken(SampleKey::Healthy)));
    QCOMPARE(panel()->findChild<MessagePanel *>(QStringLiteral("statusPanel"))->kind(), MessagePanel::Kind::Success);
}

void TestSavedConnectionsPanel::forgetWithRevocation()
{
    createWizard();
    panel()->select(rowOf(m_healthy.hostAndPort));
    auto *dialog = openDialog<ForgetDialog>("forgetButton");
    QVERIFY(dialog);
    auto *revoke = dialog->findChild<QCheckBox *>(QStringLiteral("revokeCheck"));
    QVERIFY(revoke->isVisible());
    revoke->setChecked(true);
    screenshot(dialog, QStringLiteral("saved-connections-forget"));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("forgetButton")), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(list()->topLevelItemCount(), 2, 30000);
    QVERIFY(!m_index->find(DeploymentKind::QlikCloud, m_healthy.hostAndPort));
    QVERIFY(!m_store->contains(SecretEntryName::forHost(DeploymentKind::QlikCloud, m_healthy.hostAndPort)));
    QVERIFY(keyStatus(m_healthy.keyId) != QLatin1String("active"));
    QCOMPARE(dialog->findChild<MessagePanel *>(QStringLiteral("statusPanel"))->kind(), MessagePanel::Kind::Success);
    dialog->reject();
}

void TestSavedConnectionsPanel::setUpAgainGoesToTheHostPageWithTheHost()
{
    createWizard();
    const int goneRow = rowOf(farHost);
    QTRY_COMPARE(list()->topLevelItem(goneRow)->text(2), QStringLiteral("Not in the keychain any more"));
    panel()->select(goneRow);
    QTest::mouseClick(panel()->findChild<QPushButton *>(QStringLiteral("setUpAgainButton")), Qt::LeftButton);
    QTRY_COMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QCOMPARE(m_controller->deployment(), DeploymentKind::QlikCloud);
    auto *hostEdit = m_wizard->currentPage()->findChild<QLineEdit *>(QStringLiteral("hostEdit"));
    QVERIFY(hostEdit);
    QCOMPARE(hostEdit->text(), farHost);
}

QTEST_MAIN(TestSavedConnectionsPanel)
#include "tst_savedconnectionspanel.moc"
