// Qlik Sense Enterprise on Windows through the wizard, as an admin does it, against the simulated site over HTTPS:
// the address, the Windows account through the site's proxy (Qlik's form login) or a certificate bundle exported from
// the QMC, and what the repository service says the admin may do. Guide me opens the QMC's own pages.
#include "AppTranslations.h"
#include "FakeSecretStore.h"
#include "WizardDriver.h"
#include "WizardFixture.h"
#include "check/ConnectionReport.h"
#include "dialogs/CertificateDialog.h"
#include "dialogs/FileDialog.h"
#include "net/TlsTrust.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStoreJob.h"
#include "setup/SetupController.h"
#include "signing/JsonWebToken.h"
#include "simulator/onprem/QlikSenseSite.h"
#include "widgets/CheckListWidget.h"

#include <QCheckBox>
#include <QDesktopServices>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>

using namespace Dawiso;
using Simulator::QlikSenseSite;

namespace {

const QString kPassword = QStringLiteral("practice-password");

// Every message Qt or the program writes while a test runs, to prove that no secret is among them.
QStringList g_messages;
QtMessageHandler g_previousHandler = nullptr;

void collectMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    g_messages << message;
    if (g_previousHandler)
        g_previousHandler(type, context, message);
}

} // namespace

// Stands in for the browser: QDesktopServices hands it the URLs the wizard opens.
class QmcUrlCatcher : public QObject
{
    Q_OBJECT

public:
    QList<QUrl> urls;

public slots:
    void open(const QUrl &url) { urls << url; }
};

class TestEnterpriseWizard : public QObject, protected Test::WizardFixture<FakeSecretStore>
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanupTestCase();

    void trustTheSiteCaThenSignInThroughItsVirtualProxy();
    void foundAtAnIpAddressOffersTheNameOfItsCertificate();
    void windowsAccountConfirmsRootAdminThenGoesOn();
    void wrongPasswordSaysSoAndKeepsTheAccount();
    void userWithoutRootAdminSeesWhoCanGrantIt();
    void certificateBundleConfirmsRootAdmin();
    void wrongFileInASlotGetsItsOwnSentenceAndNothingIsSent();
    void guideMeOpensTheQmcOfTheAddressEntered();
    void practiceRunSignsInWithTheSimulatedSite();
    void doItForMeFromSignInToAWorkingToken();
    void guideMeWithTheQmcThenTheCheckConfirms();
    void takenPrefixIsShownWithTheChoiceToReuseIt();
    void certificateSignInThenTheCheckWaitsOutTheRestart();

private:
    void walkToAdminPage(const QString &host = {});
    void signInWithWindowsAccount(const QString &account, const QString &password);
    void choose(const char *radioName);
    CheckListWidget *findings() const { return m_driver->find<CheckListWidget>("findingsList"); }
    // From the Administrator page, signed in, to the Virtual proxy page with the signing key made.
    void goOnToTheVirtualProxyPage();
    // From the Token page through Save and check to Finish; the check passes.
    void finishWithTheToken(int validityDays);
    QByteArray storedSecret(const QString &entryName) const;
    // Everything the run wrote to its settings.
    QByteArray settingsText() const;

    std::unique_ptr<QlikSenseSite> m_site;
    QmcUrlCatcher m_browser;
};

void TestEnterpriseWizard::initTestCase()
{
    AppTranslations::install(*QCoreApplication::instance()); // the English plural forms, as the program shows them
    g_previousHandler = qInstallMessageHandler(collectMessage);
    QDesktopServices::setUrlHandler(QStringLiteral("https"), &m_browser, "open");
}

void TestEnterpriseWizard::cleanupTestCase()
{
    QDesktopServices::unsetUrlHandler(QStringLiteral("https"));
    qInstallMessageHandler(g_previousHandler);
    for (const QString &message : std::as_const(g_messages))
        QVERIFY2(!message.contains(kPassword), "a password reached the log");
}

void TestEnterpriseWizard::init()
{
    createWizard();
    m_site = std::make_unique<QlikSenseSite>();
    QVERIFY(m_site->start());
    // Its CA for its proxy's address only, as the certificate dialog leaves it (see the first test).
    QVERIFY(m_trust->trustCaForHost(m_site->proxyHostAndPort(), m_site->siteCa()));
    m_browser.urls.clear();
    QVERIFY(showWizard());
}

void TestEnterpriseWizard::cleanup()
{
    destroyWizard();
    m_site.reset();
}

void TestEnterpriseWizard::walkToAdminPage(const QString &host)
{
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikSenseEnterprise, SetupWizard::EnterpriseAdminPageId,
                             host.isEmpty() ? m_site->proxyHostAndPort() : host));
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::EnterpriseAdminPageId));
}

QByteArray TestEnterpriseWizard::settingsText() const
{
    m_settings->sync();
    QFile file(m_settings->fileName());
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void TestEnterpriseWizard::choose(const char *radioName)
{
    auto *radio = m_driver->find<QRadioButton>(radioName);
    QVERIFY(radio);
    QTest::mouseClick(radio, Qt::LeftButton, {}, QPoint(6, radio->height() / 2));
    QVERIFY(radio->isChecked());
}

void TestEnterpriseWizard::signInWithWindowsAccount(const QString &account, const QString &password)
{
    auto *accountEdit = m_driver->find<QLineEdit>("accountEdit");
    accountEdit->clear();
    QTest::keyClicks(accountEdit, account);
    auto *passwordEdit = m_driver->find<QLineEdit>("passwordEdit");
    passwordEdit->clear();
    QTest::keyClicks(passwordEdit, password);
    QTest::mouseClick(m_driver->find<QPushButton>("windowsSignInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 20000);
}

void TestEnterpriseWizard::trustTheSiteCaThenSignInThroughItsVirtualProxy()
{
    // A default install: a certificate from the site's own CA, which this computer does not trust, for the server's
    // name only; the admin pastes the hub's address by IP, with the virtual proxy /sso.
    QlikSenseSite untrusted;
    QVERIFY(untrusted.start());
    QTemporaryDir exported;
    QVERIFY(untrusted.writeCertificateBundle(exported.path(), QByteArrayLiteral("export-passphrase")));
    const QString port = QString::number(untrusted.proxyBaseUrl().port());
    choose("onPremRadio");
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    auto *hostEdit = m_driver->find<QLineEdit>("hostEdit");
    hostEdit->setText(QStringLiteral("https://127.0.0.1:%1/sso/hub/stream/everyone").arg(port));

    // The certificate names the server otherwise: the dialog offers that name, and the page checks it at once.
    auto openDialog = [this]() -> CertificateDialog * {
        auto *button = m_driver->find<QPushButton>("certificateButton");
        if (!QTest::qWaitFor([button] { return button->isVisible(); }, 20000))
            return nullptr;
        button->click();
        for (CertificateDialog *dialog : m_wizard->findChildren<CertificateDialog *>()) {
            if (dialog->isVisible())
                return dialog;
        }
        return nullptr;
    };
    CertificateDialog *dialog = openDialog();
    QVERIFY(dialog);
    auto *useName = dialog->findChild<QPushButton *>(QStringLiteral("useNameButton"));
    QVERIFY(useName);
    QTest::mouseClick(useName, Qt::LeftButton);
    QCOMPARE(hostEdit->text(), QStringLiteral("localhost:%1/sso").arg(port));

    // Still untrusted under its own name: the admin loads root.pem from the QMC's export and trusts it for this host.
    dialog = openDialog();
    QVERIFY(dialog);
    FileDialog::setNextFileName(exported.filePath(QStringLiteral("root.pem")));
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("loadRootButton")), Qt::LeftButton);
    auto *trustCa = dialog->findChild<QPushButton *>(QStringLiteral("trustCaButton"));
    QVERIFY(trustCa->isEnabled());
    QTest::mouseClick(trustCa, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    QCOMPARE(m_controller->confirmedHost().virtualProxyPrefix(), QStringLiteral("sso"));
    QVERIFY(m_trust->caCertificatesFor(QStringLiteral("127.0.0.1:") + port).isEmpty());

    // Signed in through that virtual proxy, with its own session cookie.
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::EnterpriseAdminPageId));
    signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"), kPassword);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(untrusted.proxy()->requestCount(QStringLiteral("/sso/qrs/user/full")) > 0);
    QCOMPARE(untrusted.proxy()->requestCount(QStringLiteral("/qrs/")), 0);
}

void TestEnterpriseWizard::foundAtAnIpAddressOffersTheNameOfItsCertificate()
{
    // A certificate valid for the IP address too: no mismatch, but other systems want the server's full name.
    QlikSenseSite site;
    site.setServerNames(
        {QStringLiteral("localhost"), QStringLiteral("qlikserver1.corp.example"), QStringLiteral("127.0.0.1")});
    QVERIFY(site.start());
    const QString port = QString::number(site.proxyBaseUrl().port());
    QVERIFY(m_trust->trustCaForHost(QStringLiteral("127.0.0.1:") + port, site.siteCa()));
    choose("onPremRadio");
    m_driver->clickNext();
    auto *hostEdit = m_driver->find<QLineEdit>("hostEdit");
    hostEdit->setText(QStringLiteral("127.0.0.1:%1/sso").arg(port));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 20000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Info);
    QVERIFY2(m_driver->panel()->advice().contains(QLatin1String("names it qlikserver1.corp.example")),
             qPrintable(m_driver->panel()->advice()));
    auto *useName = m_driver->find<QPushButton>("useOwnHostButton");
    QVERIFY(useName->isVisible());
    QCOMPARE(useName->text(), QStringLiteral("&Use qlikserver1.corp.example"));
    m_driver->screenshot(QStringLiteral("enterprise-host-ip"));
    // The name goes in with the port and the virtual proxy kept (it does not resolve here, which is not the point).
    QTest::mouseClick(useName, Qt::LeftButton);
    QCOMPARE(hostEdit->text(), QStringLiteral("qlikserver1.corp.example:%1/sso").arg(port));
}

void TestEnterpriseWizard::windowsAccountConfirmsRootAdminThenGoesOn()
{
    walkToAdminPage();
    m_driver->screenshot(QStringLiteral("enterprise-admin-start"));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"), kPassword);
    m_driver->screenshot(QStringLiteral("enterprise-admin-confirmed"));

    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(m_driver->panel()->message().contains(QLatin1String("CORP\\qlikadmin is a RootAdmin")));
    QVERIFY(findings()->isVisible());
    for (const char *id : {"qrs", "identity", "root-admin", "central-node", "proxy", "content"})
        QCOMPARE(findings()->statusOf(QString::fromLatin1(id)), CheckStatus::Pass);
    // The password went with the sign-in: the field is empty, and the session is all the run keeps.
    QVERIFY(m_driver->find<QLineEdit>("passwordEdit")->text().isEmpty());
    // Through the proxy, as a browser on Windows does it: NTLM, then the QRS with the session and an xrfkey.
    QVERIFY(m_site->proxy()->requestCount(QStringLiteral("/internal_windows_authentication")) > 0);
    QVERIFY(m_site->proxy()->requestCount(QStringLiteral("/qrs/user/full")) > 0);
    QCOMPARE(m_site->repository()->requestCount(QStringLiteral("/")), 0);
    // Nothing is stored yet: the service user comes next.
    QVERIFY(m_wizard->button(QWizard::NextButton)->isVisible());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    QCOMPARE(m_store->operationCount(), 0);
    QVERIFY(!settingsText().contains(kPassword.toUtf8()));
}

void TestEnterpriseWizard::wrongPasswordSaysSoAndKeepsTheAccount()
{
    walkToAdminPage();
    signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"), QStringLiteral("not-the-password"));
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Error);
    QVERIFY2(m_driver->panel()->message().contains(QLatin1String("password"), Qt::CaseInsensitive),
             qPrintable(m_driver->panel()->message()));
    QCOMPARE(m_driver->find<QLineEdit>("accountEdit")->text(), QStringLiteral("CORP\\qlikadmin"));
    QVERIFY(!findings()->isVisible());
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestEnterpriseWizard::userWithoutRootAdminSeesWhoCanGrantIt()
{
    walkToAdminPage();
    signInWithWindowsAccount(QStringLiteral("CORP\\analyst"), kPassword);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Warning);
    QCOMPARE(findings()->statusOf(QStringLiteral("qrs")), CheckStatus::Pass);
    QCOMPARE(findings()->statusOf(QStringLiteral("root-admin")), CheckStatus::Fail);
    m_driver->screenshot(QStringLiteral("enterprise-not-rootadmin"));
    auto *row = findings()->findChild<QWidget *>(QStringLiteral("check-root-admin"));
    QVERIFY(row);
    const QString fix = row->findChild<QLabel *>(QStringLiteral("fixLabel"))->text();
    QVERIFY2(fix.contains(QStringLiteral("QMC › Users")) && fix.contains(QLatin1String("CORP\\analyst")),
             qPrintable(fix));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
}

void TestEnterpriseWizard::certificateBundleConfirmsRootAdmin()
{
    QTemporaryDir bundle;
    QVERIFY(m_site->writeCertificateBundle(bundle.path(), QByteArrayLiteral("export-passphrase")));
    walkToAdminPage();
    choose("certificateRadio");
    m_driver->find<QLineEdit>("certificateEdit")->setText(bundle.filePath(QStringLiteral("client.pem")));
    m_driver->find<QLineEdit>("keyEdit")->setText(bundle.filePath(QStringLiteral("client_key_encrypted.pem")));
    QTest::keyClicks(m_driver->find<QLineEdit>("passphraseEdit"), QStringLiteral("export-passphrase"));
    m_driver->find<QLineEdit>("rootEdit")->setText(bundle.filePath(QStringLiteral("root.pem")));
    m_driver->find<QLineEdit>("userDirectoryEdit")->setText(QStringLiteral("CORP"));
    m_driver->find<QLineEdit>("userIdEdit")->setText(QStringLiteral("qlikadmin"));
    m_driver->find<QSpinBox>("portSpin")->setValue(m_site->repositoryBaseUrl().port());
    QTest::mouseClick(m_driver->find<QPushButton>("certificateSignInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 20000);
    m_driver->screenshot(QStringLiteral("enterprise-admin-certificates"));

    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QCOMPARE(findings()->statusOf(QStringLiteral("root-admin")), CheckStatus::Pass);
    QVERIFY(m_site->repository()->requestCount(QStringLiteral("/qrs/user/full")) > 0);
    QVERIFY(m_driver->find<QLineEdit>("passphraseEdit")->text().isEmpty());
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    // Neither the passphrase nor anything of the private key went into the settings.
    const QByteArray settings = settingsText();
    QVERIFY(!settings.contains("export-passphrase"));
    QVERIFY(!settings.contains("PRIVATE KEY"));
    QVERIFY(!settings.contains(m_site->clientKey().toPem().mid(40, 40)));
}

void TestEnterpriseWizard::wrongFileInASlotGetsItsOwnSentenceAndNothingIsSent()
{
    QTemporaryDir bundle;
    QVERIFY(m_site->writeCertificateBundle(bundle.path(), QByteArrayLiteral("export-passphrase")));
    walkToAdminPage();
    choose("certificateRadio");
    // The key where the certificate belongs, and the certificate where the key belongs.
    m_driver->find<QLineEdit>("certificateEdit")->setText(bundle.filePath(QStringLiteral("client_key.pem")));
    m_driver->find<QLineEdit>("keyEdit")->setText(bundle.filePath(QStringLiteral("client.pem")));
    m_driver->find<QLineEdit>("rootEdit")->setText(bundle.filePath(QStringLiteral("root.pem")));
    m_driver->find<QLineEdit>("userDirectoryEdit")->setText(QStringLiteral("CORP"));
    m_driver->find<QLineEdit>("userIdEdit")->setText(QStringLiteral("qlikadmin"));
    QTest::mouseClick(m_driver->find<QPushButton>("certificateSignInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Error, 10000);
    m_driver->screenshot(QStringLiteral("enterprise-bundle-problems"));
    auto *certificateProblem = m_driver->find<QLabel>("certificateProblem");
    QVERIFY(certificateProblem->isVisible());
    QVERIFY2(certificateProblem->text().contains(QLatin1String("key"), Qt::CaseInsensitive),
             qPrintable(certificateProblem->text()));
    QVERIFY(m_driver->find<QLabel>("keyProblem")->isVisible());
    QVERIFY(!m_driver->find<QLabel>("rootProblem")->isVisible());
    // What was entered stays, and nothing went to the site.
    QCOMPARE(m_driver->find<QLineEdit>("userIdEdit")->text(), QStringLiteral("qlikadmin"));
    QCOMPARE(m_site->repository()->requestCount(QStringLiteral("/")), 0);
}

void TestEnterpriseWizard::guideMeOpensTheQmcOfTheAddressEntered()
{
    walkToAdminPage(m_site->proxyHostAndPort() + QStringLiteral("/sso/hub"));
    choose("guideRadio");
    m_driver->screenshot(QStringLiteral("enterprise-guide"));
    QVERIFY(!m_wizard->button(QWizard::NextButton)->isEnabled());
    QTest::mouseClick(m_driver->find<QPushButton>("openUsersButton"), Qt::LeftButton);
    QTest::mouseClick(m_driver->find<QPushButton>("openProxiesButton"), Qt::LeftButton);
    QCOMPARE(m_browser.urls.size(), 2);
    QCOMPARE(m_browser.urls.at(0).toString(), m_site->proxyBaseUrl().toString() + QStringLiteral("/sso/qmc/users"));
    QCOMPARE(m_browser.urls.at(1).path(), QStringLiteral("/sso/qmc/proxies"));
    m_driver->tick("guideConfirmCheck");
    QVERIFY(m_wizard->button(QWizard::NextButton)->isEnabled());
    // Nothing signed in from here.
    QCOMPARE(m_site->proxy()->requestCount(QStringLiteral("/qps/user")), 0);
}

void TestEnterpriseWizard::practiceRunSignsInWithTheSimulatedSite()
{
    choose("onPremRadio");
    QTest::mouseClick(m_driver->find<QPushButton>("practiceButton"), Qt::LeftButton);
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::HostPageId));
    QVERIFY(m_controller->isPracticeRun());
    QVERIFY(m_practice->site());
    QCOMPARE(m_driver->find<QLineEdit>("hostEdit")->text(), m_practice->site()->proxyHostAndPort());
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikSenseEnterprise, SetupWizard::EnterpriseAdminPageId));

    // Filled in for people: the bundle the site exported, then the site's RootAdmin.
    choose("certificateRadio");
    QVERIFY(m_driver->find<QLineEdit>("certificateEdit")->text().endsWith(QLatin1String("client.pem")));
    QTest::mouseClick(m_driver->find<QPushButton>("certificateSignInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 20000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(m_practice->site()->repository()->requestCount(QStringLiteral("/qrs/about")) > 0);

    choose("windowsRadio");
    QCOMPARE(m_driver->find<QLineEdit>("accountEdit")->text(), QStringLiteral("CORP\\qlikadmin"));
    QTest::mouseClick(m_driver->find<QPushButton>("windowsSignInButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_driver->panel()->kind(), MessagePanel::Kind::Success, 20000);
    m_driver->screenshot(QStringLiteral("enterprise-practice"));

    // The rest of the path against the practice site, whose proxy restarts for a few seconds after the link.
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikSenseEnterprise, SetupWizard::FinishPageId));
    QCOMPARE(m_controller->connectionReport().verdict, ConnectionReport::Verdict::Usable);
    QVERIFY(m_practice->site()->proxy()->requestCount(QStringLiteral("/dawiso/qps/csrftoken")) > 0);
}

void TestEnterpriseWizard::goOnToTheVirtualProxyPage()
{
    walkToAdminPage();
    signInWithWindowsAccount(QStringLiteral("CORP\\qlikadmin"), kPassword);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::EnterpriseServiceUserPageId));
    // The search for "dawiso" runs on arrival and finds the one service user, whose roles and licence are read.
    auto *users = m_driver->find<QListWidget>("usersList");
    QTRY_COMPARE_WITH_TIMEOUT(users->count(), 1, 20000);
    QVERIFY(users->item(0)->text().contains(QLatin1String("CORP\\svc_dawiso")));
    auto *userPanel = m_driver->find<MessagePanel>("userPanel");
    QTRY_VERIFY_WITH_TIMEOUT(userPanel->kind() != MessagePanel::Kind::Busy, 20000);
    // Not a RootAdmin: said, with where to give the role; professional access: said too.
    QCOMPARE(userPanel->kind(), MessagePanel::Kind::Warning);
    QVERIFY2(userPanel->message().contains(QLatin1String("not a RootAdmin")), qPrintable(userPanel->message()));
    QVERIFY(userPanel->message().contains(QLatin1String("professional access")));
    QVERIFY(m_driver->find<QPlainTextEdit>("ruleText")
                ->toPlainText()
                .contains(QLatin1String("user.userId=\"svc_dawiso\"")));
    m_driver->screenshot(QStringLiteral("enterprise-service-user"));
    QVERIFY(m_driver->canGoNext());
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::EnterpriseVirtualProxyPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->find<QPushButton>("createButton")->isEnabled(), 30000);
}

void TestEnterpriseWizard::finishWithTheToken(int validityDays)
{
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::EnterpriseTokenPageId));
    m_driver->find<QSpinBox>("validitySpin")->setValue(validityDays);
    QVERIFY(m_driver->find<QLabel>("revokeText")->text().contains(QLatin1String("cannot be revoked")));
    m_driver->screenshot(QStringLiteral("enterprise-token"));
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::SaveAndCheckPageId));
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->canGoNext(), 60000);
    m_driver->screenshot(QStringLiteral("enterprise-check"));
    const ConnectionReport report = m_controller->connectionReport();
    QCOMPARE(report.verdict, ConnectionReport::Verdict::Usable);
    m_driver->clickNext();
    QCOMPARE(m_wizard->currentId(), int(SetupWizard::FinishPageId));
    m_driver->screenshot(QStringLiteral("enterprise-finish"));
}

QByteArray TestEnterpriseWizard::storedSecret(const QString &entryName) const
{
    SecretStoreJob *job = m_store->readSecret(entryName);
    QSignalSpy finished(job, &SecretStoreJob::finished);
    if (!finished.wait(5000) || job->error() != SecretStoreError::None)
        return {};
    return job->secret();
}

void TestEnterpriseWizard::doItForMeFromSignInToAWorkingToken()
{
    goOnToTheVirtualProxyPage();
    QCOMPARE(m_driver->find<QLineEdit>("prefixEdit")->text(), QStringLiteral("dawiso"));
    QTest::mouseClick(m_driver->find<QPushButton>("createButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 30000);
    m_driver->screenshot(QStringLiteral("enterprise-virtual-proxy"));
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    auto *steps = m_driver->find<CheckListWidget>("stepsList");
    for (const char *id : {"rule", "create", "link", "restart", "confirm"})
        QCOMPARE(steps->statusOf(QString::fromLatin1(id)), CheckStatus::Pass);
    const Simulator::SiteVirtualProxy *proxy = m_site->directory().virtualProxyByPrefix(QStringLiteral("dawiso"));
    QVERIFY(proxy);
    QVERIFY(m_site->directory().isLinked(proxy->id));
    m_driver->clickNext();
    finishWithTheToken(30);

    // The token and its signing key are in the keychain, and nowhere else: not in the settings, not in the log.
    const ParsedHost host = m_controller->confirmedHost();
    const QByteArray token =
        storedSecret(SecretEntryName::forHost(DeploymentKind::QlikSenseEnterprise, host.hostAndPort()));
    const QByteArray key =
        storedSecret(SecretEntryName::forSigningKey(DeploymentKind::QlikSenseEnterprise, host.hostAndPort()));
    QVERIFY(token.count('.') == 2);
    QVERIFY(key.startsWith("-----BEGIN PRIVATE KEY-----"));
    const QByteArray settings = settingsText();
    QVERIFY(!settings.contains(token.left(40)) && !settings.contains(token.right(40)));
    QVERIFY(!settings.contains("PRIVATE KEY"));
    QVERIFY(settings.contains("dawiso")); // the prefix is remembered with the connection
    for (const QString &message : std::as_const(g_messages))
        QVERIFY2(!message.toUtf8().contains(token.right(40)), "the token reached the log");
    // The token names the service user and expires when the admin chose.
    const std::optional<JwtClaims> claims = JsonWebToken::readUnverified(token);
    QVERIFY(claims.has_value());
    QCOMPARE(claims->userId, QStringLiteral("svc_dawiso"));
    QCOMPARE(claims->userDirectory, QStringLiteral("CORP"));
    QVERIFY(qAbs(claims->expiresAt.secsTo(QDateTime::currentDateTimeUtc().addDays(30))) < 120);

    // Finish: the host, the prefix, the token behind a copy button, and the site's own CA to give Dawiso.
    QCOMPARE(m_driver->find<QLineEdit>("prefixValue")->text(), QStringLiteral("dawiso"));
    QVERIFY(m_driver->find<QPushButton>("copyPrefixButton")->isVisible());
    QVERIFY(m_driver->find<QPushButton>("saveCaButton")->isVisible());
    QVERIFY(m_driver->find<QLabel>("caValue")->text().contains(QLatin1String("QLIKSERVER1-CA")));
    QCOMPARE(m_driver->find<QLabel>("tokenLabel")->text(), QStringLiteral("JWT token:"));
    // The check signed out of the session it made, so the service user's five sessions stay free.
    QCOMPARE(m_site->liveSessionCount(QStringLiteral("CORP"), QStringLiteral("svc_dawiso")), 0);
}

void TestEnterpriseWizard::guideMeWithTheQmcThenTheCheckConfirms()
{
    goOnToTheVirtualProxyPage();
    choose("guideRadio");
    m_driver->screenshot(QStringLiteral("enterprise-virtual-proxy-guide"));
    QVERIFY(!m_driver->canGoNext());
    // The certificate to paste into the QMC, with its copy button.
    QPlainTextEdit *certificate = nullptr;
    for (auto *text : m_driver->find<QWidget>("guideFields")->findChildren<QPlainTextEdit *>()) {
        if (text->toPlainText().contains(QLatin1String("BEGIN CERTIFICATE")))
            certificate = text;
    }
    QVERIFY(certificate);
    QVERIFY(!certificate->toPlainText().contains(QLatin1String("PRIVATE")));

    // Checked before the admin made anything: named as missing, nothing written.
    QTest::mouseClick(m_driver->find<QPushButton>("checkButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 20000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Error);
    QVERIFY(m_driver->panel()->advice().contains(QLatin1String("Security rules")));

    // The admin makes the rule and the proxy in the QMC as shown (here: straight into the simulated site).
    Simulator::SiteDirectory &site = m_site->directory();
    Simulator::SiteSystemRule rule;
    rule.id = QStringLiteral("0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d");
    rule.name = QStringLiteral("Dawiso read access for CORP\\svc_dawiso");
    rule.rule = QStringLiteral("((user.userDirectory=\"CORP\" and user.userId=\"svc_dawiso\"))");
    rule.resourceFilter = QStringLiteral("App_*,Stream_*,App.Object_*");
    rule.actions = 2;
    rule.ruleContext = 0;
    site.systemRules.append(rule);
    Simulator::SiteVirtualProxy proxy;
    proxy.id = QStringLiteral("8c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    proxy.prefix = QStringLiteral("dawiso");
    proxy.description = QStringLiteral("Dawiso");
    proxy.sessionCookieHeaderName = QStringLiteral("X-Qlik-Session-dawiso");
    proxy.authenticationMethod = 4;
    proxy.jwtPublicKeyCertificate = certificate->toPlainText();
    proxy.jwtAttributeUserId = QStringLiteral("userId");
    proxy.jwtAttributeUserDirectory = QStringLiteral("userDirectory");
    proxy.websocketCrossOriginWhiteList = {QStringLiteral("localhost")};
    proxy.loadBalancingNodeIds = {site.nodes.first().id};
    site.virtualProxies.append(proxy);
    site.proxyServices.first().virtualProxyIds.append(proxy.id);

    QTest::mouseClick(m_driver->find<QPushButton>("checkButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 20000);
    QVERIFY2(m_driver->panel()->kind() == MessagePanel::Kind::Success, qPrintable(m_driver->panel()->message()));
    QVERIFY(m_driver->canGoNext());
    m_driver->clickNext();
    finishWithTheToken(90);
}

void TestEnterpriseWizard::takenPrefixIsShownWithTheChoiceToReuseIt()
{
    // An earlier run's JWT proxy "dawiso", with another certificate.
    Simulator::SiteDirectory &site = m_site->directory();
    Simulator::SiteVirtualProxy earlier;
    earlier.id = QStringLiteral("5f2b1c2e-0d1e-4c4a-9a51-3a9d2c7e0b11");
    earlier.prefix = QStringLiteral("dawiso");
    earlier.description = QStringLiteral("Dawiso from last year");
    earlier.sessionCookieHeaderName = QStringLiteral("X-Qlik-Session-dawiso");
    earlier.authenticationMethod = 4;
    earlier.jwtPublicKeyCertificate = QString::fromLatin1(m_site->siteCa().toPem());
    earlier.websocketCrossOriginWhiteList = {QStringLiteral("localhost")};
    site.virtualProxies.append(earlier);
    site.proxyServices.first().virtualProxyIds.append(earlier.id);

    goOnToTheVirtualProxyPage();
    // A proxy people sign in with is never offered for reuse.
    auto *prefix = m_driver->find<QLineEdit>("prefixEdit");
    prefix->clear();
    QTest::keyClicks(prefix, QStringLiteral("SSO"));
    QVERIFY(m_driver->find<QLabel>("prefixProblem")->isVisible()); // upper case: said at once, kept as typed
    QCOMPARE(prefix->text(), QStringLiteral("SSO"));
    prefix->clear();
    QTest::keyClicks(prefix, QStringLiteral("sso"));
    QVERIFY(!m_driver->find<QLabel>("prefixProblem")->isVisible());
    QTest::mouseClick(m_driver->find<QPushButton>("createButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->find<QWidget>("takenFrame")->isVisible(), 20000);
    QVERIFY(m_driver->find<QLabel>("takenLabel")->text().contains(QLatin1String("Single sign-on for the intranet")));
    QVERIFY(!m_driver->find<QPushButton>("reuseButton")->isVisible());
    QCOMPARE(site.virtualProxyByPrefix(QStringLiteral("sso"))->authenticationMethod, 0);

    // The earlier run's proxy is offered, and reused with this run's certificate.
    QTest::mouseClick(m_driver->find<QPushButton>("otherPrefixButton"), Qt::LeftButton);
    QVERIFY(prefix->hasFocus());
    prefix->clear();
    QTest::keyClicks(prefix, QStringLiteral("dawiso"));
    QTest::mouseClick(m_driver->find<QPushButton>("createButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->find<QWidget>("takenFrame")->isVisible(), 20000);
    m_driver->screenshot(QStringLiteral("enterprise-prefix-taken"));
    QVERIFY(m_driver->find<QLabel>("takenLabel")->text().contains(QLatin1String("Dawiso from last year")));
    QVERIFY(m_driver->find<QPushButton>("reuseButton")->isVisible());
    QTest::mouseClick(m_driver->find<QPushButton>("reuseButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 30000);
    QVERIFY2(m_driver->panel()->kind() == MessagePanel::Kind::Success,
             qPrintable(m_driver->panel()->message() + u' ' + m_driver->panel()->advice()));
    const Simulator::SiteVirtualProxy *reused = site.virtualProxyByPrefix(QStringLiteral("dawiso"));
    QCOMPARE(reused->id, QStringLiteral("5f2b1c2e-0d1e-4c4a-9a51-3a9d2c7e0b11"));
    QVERIFY(reused->jwtPublicKeyCertificate != earlier.jwtPublicKeyCertificate);
    QVERIFY(m_driver->canGoNext());
}

void TestEnterpriseWizard::certificateSignInThenTheCheckWaitsOutTheRestart()
{
    // Through the repository's own port the wizard cannot see the proxy restart after the link: the check, right
    // after, meets a restarting proxy and waits for it.
    m_site->setProxyRestartDelay(2000);
    QTemporaryDir bundle;
    QVERIFY(m_site->writeCertificateBundle(bundle.path(), QByteArrayLiteral("export-passphrase")));
    walkToAdminPage();
    choose("certificateRadio");
    m_driver->find<QLineEdit>("certificateEdit")->setText(bundle.filePath(QStringLiteral("client.pem")));
    m_driver->find<QLineEdit>("keyEdit")->setText(bundle.filePath(QStringLiteral("client_key.pem")));
    m_driver->find<QLineEdit>("rootEdit")->setText(bundle.filePath(QStringLiteral("root.pem")));
    m_driver->find<QLineEdit>("userDirectoryEdit")->setText(QStringLiteral("CORP"));
    m_driver->find<QLineEdit>("userIdEdit")->setText(QStringLiteral("qlikadmin"));
    m_driver->find<QSpinBox>("portSpin")->setValue(m_site->repositoryBaseUrl().port());
    QTest::mouseClick(m_driver->find<QPushButton>("certificateSignInButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(m_driver->panel()->kind() != MessagePanel::Kind::Busy, 20000);
    QCOMPARE(m_driver->panel()->kind(), MessagePanel::Kind::Success);
    QVERIFY(m_driver->walkTo(DeploymentKind::QlikSenseEnterprise, SetupWizard::FinishPageId));
    QCOMPARE(m_controller->connectionReport().verdict, ConnectionReport::Verdict::Usable);
    QVERIFY(m_site->proxy()->requestCount(QStringLiteral("/dawiso/qps/csrftoken")) > 1);
}

QTEST_MAIN(TestEnterpriseWizard)
#include "tst_enterprisewizard.moc"
