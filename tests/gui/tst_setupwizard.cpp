// The whole guided Qlik Cloud flow, as a user walks it: real widgets driven with QTest, real HTTPS to the
// simulator (the practice tenant), and the real Secret Service keychain at the end.
#include "AppTranslations.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "clipboard/SecretClipboard.h"
#include "cloud/CloudConnectionCheck.h"
#include "dialogs/FileDialog.h"
#include "net/TlsTrust.h"
#include "pages/FinishPage.h"
#include "practice/PracticeTenant.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"
#include "setup/SetupController.h"
#include "simulator/cloud/QlikSimulator.h"
#include "widgets/CheckListWidget.h"

#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QNetworkAccessManager>
#include <QProcess>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Simulator::SampleKey;

class TestSetupWizard : public QObject, protected Test::WizardFixture<KeychainSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void guidedFlowEndsWithTheKeyInTheKeychain();

private:
    void useSample(int index);
};

void TestSetupWizard::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance()); // as the application does: "89 days", not "89 day(s)"
}

void TestSetupWizard::init()
{
    createWizard();
    QVERIFY(m_wizard->startPracticeRun());
    QVERIFY(showWizard());
}

void TestSetupWizard::cleanup()
{
    destroyWizard();
}

void TestSetupWizard::useSample(int index)
{
    auto *combo = m_driver->find<QComboBox>("sampleCombo");
    QVERIFY(combo && combo->isVisible());
    combo->setCurrentIndex(index);
    QTest::mouseClick(m_driver->find<QPushButton>("useSampleButton"), Qt::LeftButton);
}

void TestSetupWizard::guidedFlowEndsWithTheKeyInTheKeychain()
{
    Simulator::QlikSimulator *simulator = m_practice->simulator();
    const QString host = simulator->hostAndPort();

    // 1. Deployment: Qlik Cloud is chosen, Qlik Sense Enterprise is offered beside it, the practice banner shows.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::DeploymentPageId));
    QVERIFY(m_driver->find<QLabel>("practiceBanner")->isVisible());
    QVERIFY(m_driver->find<QRadioButton>("cloudRadio")->isChecked());
    QVERIFY(m_driver->find<QWidget>("onPremRadio")->isEnabled());
    m_driver->screenshot(QStringLiteral("1-deployment"));
    m_driver->clickNext();

    // 2. Host: a bad paste gets a sentence and keeps Next off; the practice host is found live.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    auto *hostEdit = m_driver->find<QLineEdit>("hostEdit");
    QCOMPARE(hostEdit->text(), host);
    hostEdit->selectAll();
    QTest::keyClicks(hostEdit, QStringLiteral("http://user:secret@acme.eu.qlikcloud.com"));
    QTest::keyClick(hostEdit, Qt::Key_Return);
    auto *parseLabel = m_driver->find<QLabel>("parseLabel");
    QTRY_VERIFY(!parseLabel->text().isEmpty());
    QVERIFY(!parseLabel->text().contains(QLatin1String("secret")));
    QVERIFY(!m_driver->canGoNext());
    QCOMPARE(hostEdit->text(), QStringLiteral("http://user:secret@acme.eu.qlikcloud.com")); // nothing typed is lost
    hostEdit->selectAll();
    QTest::keyClicks(hostEdit, QStringLiteral("  HTTPS://") + host.toUpper() + QStringLiteral("/hub/spaces  "));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(m_driver->panel()->message().contains(host));
    m_driver->screenshot(QStringLiteral("2-host"));
    m_driver->clickNext();

    // 3. Access: every step must be ticked; the role name can be copied.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudAccessPageId));
    QVERIFY(!m_driver->canGoNext());
    QTest::mouseClick(m_driver->find<QPushButton>("copyRoleButton"), Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("Dawiso Integration"));
    QTest::mouseClick(m_driver->find<QPushButton>("openPermissionsButton"), Qt::LeftButton);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("/console/users/permissions")));
    m_driver->tick("createRoleCheck");
    m_driver->tick("assignRoleCheck");
    QVERIFY(m_driver->find<QCheckBox>("assignRoleCheck")->isChecked());
    QVERIFY(!m_driver->canGoNext());
    m_driver->tick("shareSpacesCheck");
    QVERIFY(m_driver->canGoNext());
    m_driver->screenshot(QStringLiteral("3-access"));
    m_driver->clickNext();

    // 4. Key: a tenant admin's key is accepted only after the risk is acknowledged; the healthy key passes.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::CloudKeyPageId));
    auto *keyEdit = m_driver->find<QLineEdit>("keyEdit");
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);
    useSample(1); // Alex Admin
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Warning, 20000);
    QVERIFY(m_driver->panel()->advice().contains(QLatin1String("Tenant Admin")));
    auto *ack = m_driver->find<QCheckBox>("adminAckCheck");
    QVERIFY(ack->isVisible());
    QVERIFY(!m_driver->canGoNext());
    m_driver->screenshot(QStringLiteral("4-key-admin"));

    QTest::mouseClick(m_driver->find<QWidget>("showKeyButton"), Qt::LeftButton);
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Normal);
    QTest::mouseClick(m_driver->find<QWidget>("showKeyButton"), Qt::LeftButton);
    QCOMPARE(keyEdit->echoMode(), QLineEdit::Password);

    // Pasted the way people paste: with a Bearer prefix and a line break.
    const QByteArray healthy = simulator->sampleToken(SampleKey::Healthy);
    keyEdit->setText(QStringLiteral("Bearer ") + QString::fromLatin1(healthy.left(40)) + QStringLiteral("\n")
                     + QString::fromLatin1(healthy.mid(40)));
    const QString localInfo = m_driver->find<QLabel>("keyInfoLabel")->text();
    QVERIFY2(localInfo.contains(QLatin1String("expires on")), qPrintable(localInfo)); // read from the key itself
    QVERIFY(localInfo.contains(QLatin1String("Removed extra text")));
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Success, 20000);
    QVERIFY(keyEdit->text().toLatin1() == healthy);
    QVERIFY(!ack->isVisible());
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("Dawiso Integration")));
    QVERIFY(m_driver->panel()->advice().contains(QLatin1String("Expires on")));
    QVERIFY(m_driver->canGoNext());
    m_driver->screenshot(QStringLiteral("4-key"));
    m_driver->clickNext();

    // 5. Save and check: stored, read back, recorded; then the check runs with the stored key, live, all passing.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 30000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("every check passed")));
    QVERIFY(keyEdit->text().isEmpty());
    auto *checkList = m_driver->find<CheckListWidget>("checkList");
    for (const CheckResult &planned : CloudConnectionCheck::plan())
        QCOMPARE(checkStatusName(checkList->statusOf(planned.id)), QStringLiteral("pass"));
    QVERIFY(m_driver->find<QPushButton>("checkAgainButton")->isVisible());
    m_driver->screenshot(QStringLiteral("5-save"));
    m_driver->clickNext();

    // 6. Finish: the host to enter, and the token copied from the keychain to a secret clipboard.
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishPageId));
    QCOMPARE(m_driver->find<QLineEdit>("hostValue")->text(), host);
    QVERIFY(m_driver->find<QLineEdit>("tokenValue")->text().toLatin1() != healthy);
    QVERIFY(m_driver->find<QLabel>("expiryLabel")->text().contains(QLatin1String("Expires on")));
    // Qlik stops accepting the key when its user loses Manage API keys: the page says to keep the role.
    auto *keepLabel = m_driver->find<QLabel>("keepLabel");
    QVERIFY(keepLabel->isVisible());
    QVERIFY2(keepLabel->text().contains(QLatin1String("Manage API keys")), qPrintable(keepLabel->text()));
    auto *finishPage = qobject_cast<FinishPage *>(m_wizard->currentPage());
    QSignalSpy countdown(finishPage->clipboard(), &SecretClipboard::secondsLeftChanged);
    QTest::mouseClick(m_driver->find<QPushButton>("copyTokenButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finishPage->clipboard()->holdsSecret(), 20000);
    QVERIFY(QGuiApplication::clipboard()->text().toLatin1() == healthy);
    QVERIFY(QGuiApplication::clipboard()->mimeData()->hasFormat(QStringLiteral("x-kde-passwordManagerHint")));
    QTRY_VERIFY(!m_driver->find<QLabel>("clipboardLabel")->text().isEmpty());
    m_driver->screenshot(QStringLiteral("6-finish"));

    // The key is in the real Secret Service, where other programs (and Dawiso's admin) can find it...
    const QString entry = SecretEntryName::forHost(DeploymentKind::QlikCloud, host);
    QProcess lookup;
    // QtKeychain stores binary secrets with type=base64.
    lookup.start(QStringLiteral("secret-tool"),
                 {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral(DQS_APP_ID),
                  QStringLiteral("user"), entry, QStringLiteral("type"), QStringLiteral("base64")});
    QVERIFY(lookup.waitForFinished(20000));
    QVERIFY2(QByteArray::fromBase64(lookup.readAllStandardOutput().trimmed()) == healthy,
             "secret-tool did not return the saved key");

    // ...the check ran with the stored key...
    QCOMPARE(m_controller->connectionReport().keyId, simulator->sampleKeyId(SampleKey::Healthy));
    QVERIFY(m_controller->connectionReport().keyExpiry.isValid());
    // ...and a practice run is nothing to come back to: the saved connections do not list it, and the settings file
    // never holds the key.
    QVERIFY(!m_index->find(DeploymentKind::QlikCloud, host).has_value());
    m_settings->sync();
    QFile settingsFile(m_settings->fileName());
    if (settingsFile.open(QIODevice::ReadOnly))
        QVERIFY2(!settingsFile.readAll().contains(healthy.left(24)), "the settings file must never hold the key");

    // The report: HTML and JSON side by side, with the checks and counts, never the key.
    QVERIFY(m_driver->find<QLabel>("verdictLabel")->text().contains(QLatin1String("every check passed")));
    const QString reportBase = m_dir->filePath(QStringLiteral("check-report"));
    FileDialog::setNextFileName(reportBase + QStringLiteral(".html"));
    QTest::mouseClick(m_driver->find<QPushButton>("saveReportButton"), Qt::LeftButton);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QFile json(reportBase + QStringLiteral(".json"));
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QByteArray reportJson = json.readAll();
    const QJsonObject report = QJsonDocument::fromJson(reportJson).object();
    QCOMPARE(report.value(QLatin1String("host")).toString(), host);
    QCOMPARE(report.value(QLatin1String("checks")).toArray().size(), CloudConnectionCheck::plan().size());
    QVERIFY(report.value(QLatin1String("counts")).toObject().value(QLatin1String("apps")).toInt() > 0);
    QFile html(reportBase + QStringLiteral(".html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    const QByteArray reportHtml = html.readAll();
    QVERIFY(reportHtml.contains(host.toUtf8()));
    QVERIFY2(!reportJson.contains(healthy.left(24)) && !reportHtml.contains(healthy.left(24)),
             "the report must never hold the key");

    QTest::mouseClick(m_wizard->button(QWizard::FinishButton), Qt::LeftButton);
    QVERIFY(!m_wizard->isVisible());
}

QTEST_MAIN(TestSetupWizard)
#include "tst_setupwizard.moc"
