// The Host page for Qlik Sense Enterprise, on real widgets: the parser's notes beside its warnings, and a server
// reached by its IP address whose certificate (from the site's own CA) names it otherwise: the certificate dialog
// offers that name, the page checks it, and trusting the site's root.pem for that name finds the server. A flow that
// only probes stands in for the Enterprise flow; the server is a small in-test one shaped like Qlik Sense's proxy.
#include "dialogs/CertificateDialog.h"
#include "dialogs/FileDialog.h"
#include "enterprise/EnterpriseHostProbe.h"
#include "net/TlsTrust.h"
#include "pages/HostPage.h"
#include "setup/DeploymentFlow.h"
#include "setup/SetupContext.h"
#include "setup/SetupController.h"
#include "simulator/common/CertificateBuilder.h"
#include "simulator/common/SimulatorHost.h"
#include "widgets/MessagePanel.h"

#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

using namespace Dawiso;
using Simulator::CertificateBuilder;
using Simulator::SimRequest;
using Simulator::SimResponse;
using Simulator::SimulatorHost;

namespace {

// The host step of Qlik Sense Enterprise and nothing else.
class ProbeOnlyFlow : public DeploymentFlow
{
    Q_OBJECT

public:
    explicit ProbeOnlyFlow(SetupContext *context)
        : DeploymentFlow(context)
    { }

    DeploymentKind kind() const override { return DeploymentKind::QlikSenseEnterprise; }
    void probeHost(const ParsedHost &host) override
    {
        if (!m_probe) {
            m_probe = new EnterpriseHostProbe(context()->network(), context()->trust(), this);
            connect(m_probe, &EnterpriseHostProbe::progress, this, &DeploymentFlow::hostProbeProgress);
            connect(m_probe, &EnterpriseHostProbe::finished, this, &DeploymentFlow::hostProbeFinished);
        }
        m_probe->start(host);
    }
    void cancelHostProbe() override
    {
        if (m_probe)
            m_probe->cancel();
    }
    bool isProbingHost() const override { return m_probe && m_probe->isRunning(); }
    bool hasCredential() const override { return false; }
    SavedConnection savedConnection() const override { return {}; }
    QByteArray credential() const override { return {}; }
    void credentialSaved() override { }
    void forgetCredential() override { }
    QList<CheckResult> plannedChecks() const override { return {}; }
    ConnectionCheck *createConnectionCheck(const ParsedHost &, QObject *) override { return nullptr; }

private:
    EnterpriseHostProbe *m_probe = nullptr;
};

CertificateBuilder::Result build(const QString &name, const CertificateBuilder::Result *issuer)
{
    CertificateBuilder::Request request;
    request.commonName = name;
    if (issuer) {
        request.issuerCertificate = issuer->certificate;
        request.issuerKey = issuer->key;
        request.basicConstraints = "critical,CA:FALSE";
        request.extendedKeyUsage = "serverAuth";
        request.subjectAltName = "DNS:localhost";
    } else {
        request.basicConstraints = "critical,CA:TRUE";
        request.keyUsage = "critical,keyCertSign,cRLSign";
    }
    return CertificateBuilder::build(request);
}

} // namespace

class TestHostPage : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void notesAndWarningsBesideTheField();
    void certificateNameThenSiteRoot();

private:
    CertificateDialog *openCertificateDialog();
    // Saves what the page looks like when DQS_SCREENSHOT_DIR is set, for reviewing it by eye.
    void screenshot(const QString &name);

    CertificateBuilder::Result m_siteCa;
    CertificateBuilder::Result m_server;
    QTemporaryDir m_files;
    std::unique_ptr<SimulatorHost> m_proxy;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<TlsTrust> m_trust;
    std::unique_ptr<SetupController> m_controller;
    std::unique_ptr<HostPage> m_page;
};

void TestHostPage::initTestCase()
{
    m_siteCa = build(QStringLiteral("QLIKSERVER1-CA"), nullptr);
    QVERIFY2(!m_siteCa.isNull(), qPrintable(m_siteCa.errorString));
    m_server = build(QStringLiteral("localhost"), &m_siteCa);
    QVERIFY2(!m_server.isNull(), qPrintable(m_server.errorString));
    QVERIFY(m_files.isValid());
}

void TestHostPage::init()
{
    m_proxy = std::make_unique<SimulatorHost>();
    m_proxy->setServerIdentity(m_server.certificate, m_server.key);
    // Qlik Sense's proxy without a session: its login, for the virtual proxy "sso" or the default one.
    m_proxy->addHandler(QStringLiteral("/"), [](const SimRequest &request) {
        if (request.path.endsWith(QLatin1String("/product-info.json")))
            return SimResponse::html(404, "<html><body>Not found</body></html>");
        const QString prefix = request.path.startsWith(QLatin1String("/sso/")) ? QStringLiteral("/sso") : QString();
        return SimResponse::redirect(302, prefix + QStringLiteral("/internal_forms_authentication/?targetId=7"));
    });
    QVERIFY(m_proxy->start());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_trust = std::make_unique<TlsTrust>();
    m_controller = std::make_unique<SetupController>(m_network.get(), m_trust.get(), nullptr, nullptr);
    m_controller->addDeployment(std::make_unique<ProbeOnlyFlow>(m_controller->context()));
    m_controller->setDeployment(DeploymentKind::QlikSenseEnterprise);
    m_page = std::make_unique<HostPage>(m_controller.get());
    m_page->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_page.get()));
    m_page->initializePage();
}

void TestHostPage::cleanup()
{
    if (m_page)
        m_page->cleanupPage();
    m_page.reset();
    m_controller.reset();
    m_network.reset();
    m_trust.reset();
    m_proxy.reset();
}

void TestHostPage::screenshot(const QString &name)
{
    const QString directory = qEnvironmentVariable("DQS_SCREENSHOT_DIR");
    if (directory.isEmpty())
        return;
    QDir().mkpath(directory);
    m_page->resize(640, 360);
    QCoreApplication::processEvents();
    QVERIFY(m_page->grab().save(QDir(directory).filePath(name + QStringLiteral(".png"))));
}

CertificateDialog *TestHostPage::openCertificateDialog()
{
    auto *button = m_page->findChild<QPushButton *>(QStringLiteral("certificateButton"));
    if (!button || !button->isVisible())
        return nullptr;
    button->click();
    for (CertificateDialog *dialog : m_page->findChildren<CertificateDialog *>()) {
        if (dialog->isVisible())
            return dialog;
    }
    return nullptr;
}

void TestHostPage::notesAndWarningsBesideTheField()
{
    m_page->findChild<QLineEdit *>(QStringLiteral("hostEdit"))->setText(QStringLiteral("https://qlik:4242/SSO/hub"));
    const QString text = m_page->findChild<QLabel *>(QStringLiteral("parseLabel"))->text();
    screenshot(QStringLiteral("host-page-notes"));
    // Stop before the pause after typing would send the check to a name that does not exist here.
    m_page->cleanupPage();
    QVERIFY2(text.contains(QLatin1String("https://qlik:4242/sso")), qPrintable(text));
    for (const char *fragment :
         {"Kept “sso” as the virtual proxy prefix", "changed to lower case", "Port 4242", "is a short name", "“/hub”"})
        QVERIFY2(text.contains(QString::fromUtf8(fragment).toHtmlEscaped()), qPrintable(text));
}

void TestHostPage::certificateNameThenSiteRoot()
{
    auto *edit = m_page->findChild<QLineEdit *>(QStringLiteral("hostEdit"));
    const QString port = QString::number(m_proxy->port());
    edit->setText(QStringLiteral("127.0.0.1:%1/sso").arg(port));
    QTest::keyClick(edit, Qt::Key_Return);

    // The certificate names localhost, not the address typed: the dialog offers that name.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<QPushButton *>(QStringLiteral("certificateButton"))->isVisible(), 20000);
    CertificateDialog *dialog = openCertificateDialog();
    QVERIFY(dialog);
    auto *useName = dialog->findChild<QPushButton *>(QStringLiteral("useNameButton"));
    QVERIFY(useName);
    QCOMPARE(useName->property("certificateName").toString(), QStringLiteral("localhost"));
    QTest::mouseClick(useName, Qt::LeftButton);
    QCOMPARE(edit->text(), QStringLiteral("localhost:%1/sso").arg(port));
    QVERIFY(m_trust->caCertificatesFor(QStringLiteral("127.0.0.1:") + port).isEmpty());

    // Checked at once under that name; still untrusted: load the site's root.pem and trust it for this host.
    QTRY_VERIFY_WITH_TIMEOUT(m_page->findChild<QPushButton *>(QStringLiteral("certificateButton"))->isVisible(), 20000);
    dialog = openCertificateDialog();
    QVERIFY(dialog);
    const QString rootPath = m_files.filePath(QStringLiteral("root.pem"));
    QFile root(rootPath);
    QVERIFY(root.open(QIODevice::WriteOnly));
    root.write(m_siteCa.certificate.toPem());
    root.close();
    FileDialog::setNextFileName(rootPath);
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("loadRootButton")), Qt::LeftButton);
    auto *trustCa = dialog->findChild<QPushButton *>(QStringLiteral("trustCaButton"));
    QVERIFY(trustCa->isEnabled());
    QTest::mouseClick(trustCa, Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(m_page->isComplete(), 20000);
    QCOMPARE(m_controller->confirmedHost().virtualProxyPrefix(), QStringLiteral("sso"));
    QCOMPARE(m_controller->confirmedHost().hostAndPort(), QStringLiteral("localhost:") + port);
    QCOMPARE(m_trust->caCertificatesFor(QStringLiteral("localhost:") + port), {m_siteCa.certificate});
    const QString found = m_page->findChild<MessagePanel *>(QStringLiteral("statusPanel"))->message();
    QVERIFY2(found.contains(QLatin1String("Found Qlik Sense Enterprise")), qPrintable(found));
    screenshot(QStringLiteral("host-page-found"));

    // Another virtual proxy on the same server is another address: checked again before Next.
    edit->setText(QStringLiteral("localhost:%1").arg(port));
    QVERIFY(!m_page->isComplete());
}

QTEST_MAIN(TestHostPage)
#include "tst_hostpage.moc"
