#include "pages/HostPage.h"

#include "dialogs/CertificateDialog.h"
#include "setup/SetupController.h"
#include "ui_HostPage.h"
#include "widgets/MessagePanel.h"

#include <QPushButton>

namespace Dawiso {

namespace {
// Long enough not to fire between two typed characters, short enough to feel live.
constexpr int typingPauseMs = 700;

// "acme.eu.qlikcloud.com" of "acme.eu.qlikcloud.com:8443" (and of a bracketed IPv6 address with its port).
QString hostOnly(const QString &hostAndPort)
{
    const qsizetype colon = hostAndPort.lastIndexOf(QLatin1Char(':'));
    return colon > hostAndPort.lastIndexOf(QLatin1Char(']')) ? hostAndPort.left(colon) : hostAndPort;
}

// The same server and, on Qlik Sense Enterprise, the same virtual proxy (the base URL carries its prefix; for Qlik
// Cloud it is the host and port alone).
bool sameAddress(const ParsedHost &a, const ParsedHost &b)
{
    return a.baseUrl() == b.baseUrl();
}

// "qlik.corp.example:4242/sso": the address as the page shows it.
QString displayAddress(const ParsedHost &parsed)
{
    const QString prefix = parsed.virtualProxyPrefix();
    return prefix.isEmpty() ? parsed.displayHostAndPort() : parsed.displayHostAndPort() + u'/' + prefix;
}
} // namespace

HostPage::HostPage(SetupController *controller, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::HostPage>())
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    m_retryButton = m_ui->statusPanel->addActionButton(tr("Check a&gain"));
    m_certificateButton = m_ui->statusPanel->addActionButton(tr("View &certificate…"));
    m_useOwnHostButton = m_ui->statusPanel->addActionButton(QString());
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_certificateButton->setObjectName(QStringLiteral("certificateButton"));
    m_useOwnHostButton->setObjectName(QStringLiteral("useOwnHostButton"));
    m_retryButton->hide();
    m_certificateButton->hide();
    m_useOwnHostButton->hide();

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(typingPauseMs);
    connect(&m_debounce, &QTimer::timeout, this, &HostPage::checkNow);
    connect(m_ui->hostEdit, &QLineEdit::textChanged, this, &HostPage::onTextEdited);
    connect(m_ui->hostEdit, &QLineEdit::returnPressed, this, [this] {
        if (!isComplete())
            checkNow();
    });
    connect(m_retryButton, &QPushButton::clicked, this, &HostPage::checkNow);
    connect(m_certificateButton, &QPushButton::clicked, this, &HostPage::reviewCertificate);
    connect(m_useOwnHostButton, &QPushButton::clicked, this, &HostPage::useOwnHost);
    connect(m_ui->statusPanel, &MessagePanel::stopRequested, controller, &SetupController::cancelHostProbe);
    connect(controller, &SetupController::hostProbeProgress, this, &HostPage::onProgress);
    connect(controller, &SetupController::hostProbeFinished, this, &HostPage::onFinished);
    updatePracticeBanner();
}

HostPage::~HostPage() = default;

void HostPage::setInitialHost(const QString &host)
{
    m_initialHost = host;
}

void HostPage::initializePage()
{
    // The field's words for the deployment chosen; the form's own are Qlik Cloud's.
    if (controller()->deployment() == DeploymentKind::QlikSenseEnterprise) {
        setTitle(tr("Where is your Qlik Sense server?"));
        setSubTitle(tr("Paste the address your browser shows for the hub or the QMC, with its virtual proxy if you "
                       "use one. The wizard checks it as you type."));
        m_ui->hostLabel->setText(tr("&Server address:"));
        m_ui->hostEdit->setPlaceholderText(QStringLiteral("qliksense.yourcompany.com"));
        m_ui->hostEdit->setAccessibleName(tr("Server address"));
    } else {
        setTitle(tr("Where is your Qlik Cloud tenant?"));
        setSubTitle(tr("Paste the address from your browser while you are signed in to Qlik Cloud. The wizard checks "
                       "it as you type."));
        m_ui->hostLabel->setText(tr("&Tenant address:"));
        m_ui->hostEdit->setPlaceholderText(QStringLiteral("your-company.eu.qlikcloud.com"));
        m_ui->hostEdit->setAccessibleName(tr("Tenant address"));
    }
    // What was found belongs to the deployment that probed it: after another choice on the first page it is probed
    // again.
    if (m_result.isFound() && !sameAddress(controller()->confirmedHost(), m_result.host))
        forgetResult();
    if (m_ui->hostEdit->text().trimmed().isEmpty() && !m_initialHost.isEmpty())
        m_ui->hostEdit->setText(m_initialHost); // parses and schedules the check
    else
        onTextEdited();
    m_ui->hostEdit->setFocus();
}

void HostPage::cleanupPage()
{
    // Back keeps what was typed (QWizard would reset the field); only the check in flight stops.
    m_debounce.stop();
    controller()->cancelHostProbe();
}

bool HostPage::isComplete() const
{
    return m_parsed.isValid() && sameAddress(controller()->confirmedHost(), m_parsed) && !controller()->isProbingHost();
}

bool HostPage::validatePage()
{
    return isComplete() && controller()->confirmedHost().isValid();
}

void HostPage::onTextEdited()
{
    m_parsed = controller()->parseHost(m_ui->hostEdit->text());
    const bool sameAsChecked = m_parsed.isValid() && sameAddress(m_result.host, m_parsed);
    // A check still running for the previous text is left to finish; its answer is ignored in onFinished().
    if (!sameAsChecked)
        forgetResult();
    // Errors wait until typing pauses: "acme." is not wrong, just unfinished.
    showParse(m_parsed, false);
    m_debounce.start();
    emit completeChanged();
}

void HostPage::forgetResult()
{
    m_result = HostProbeResult();
    m_ui->statusPanel->clear();
    m_retryButton->hide();
    m_certificateButton->hide();
    m_useOwnHostButton->hide();
}

void HostPage::showParse(const ParsedHost &parsed, bool showErrors)
{
    QLabel *label = m_ui->parseLabel;
    if (m_ui->hostEdit->text().trimmed().isEmpty()) {
        label->clear();
        return;
    }
    if (!parsed.isValid()) {
        if (showErrors)
            label->setText(
                QStringLiteral("<span style=\"color:#c62828\">%1</span>").arg(parsed.error().toHtmlEscaped()));
        else
            label->clear();
        return;
    }
    QString text = tr("Will connect to <b>https://%1</b>").arg(displayAddress(parsed).toHtmlEscaped());
    // What was kept of the address and what was left out (Qlik Sense Enterprise), in the normal text colour.
    for (const QString &note : parsed.notes())
        text += QStringLiteral("<br/>%1").arg(note.toHtmlEscaped());
    // The practice tenant is on this computer by design; warning about that would only confuse.
    const QStringList warnings = controller()->isPracticeRun() ? QStringList() : parsed.warnings();
    for (const QString &warning : warnings)
        text += QStringLiteral("<br/><span style=\"color:#b26a00\">%1</span>").arg(warning.toHtmlEscaped());
    label->setText(text);
}

void HostPage::checkNow()
{
    m_debounce.stop();
    m_parsed = controller()->parseHost(m_ui->hostEdit->text());
    showParse(m_parsed, true);
    if (!m_parsed.isValid())
        return;
    if (sameAddress(controller()->confirmedHost(), m_parsed))
        return; // already confirmed
    m_retryButton->hide();
    m_certificateButton->hide();
    m_useOwnHostButton->hide();
    controller()->probeHost(m_parsed);
    emit completeChanged();
}

void HostPage::onProgress(const QString &message)
{
    m_retryButton->hide();
    m_ui->statusPanel->showBusy(message, true);
    emit completeChanged();
}

void HostPage::onFinished(const HostProbeResult &result)
{
    if (!m_parsed.isValid() || !sameAddress(result.host, m_parsed))
        return; // an answer about an address that is no longer in the field
    m_result = result;
    MessagePanel *panel = m_ui->statusPanel;
    switch (result.outcome) {
    case HostProbeResult::Outcome::Found:
        if (result.isAlias()) {
            panel->show(MessagePanel::Kind::Info, result.summary);
            m_useOwnHostButton->setText(tr("&Use %1").arg(hostOnly(result.ownHostAndPort)));
            m_useOwnHostButton->show();
        } else if (!result.certificateNames.isEmpty()) {
            // Found, but at a name other systems will not accept: offer the one the certificate carries.
            panel->show(MessagePanel::Kind::Info, result.summary);
            m_useOwnHostButton->setText(tr("&Use %1").arg(result.certificateNames.first()));
            m_useOwnHostButton->show();
        } else {
            panel->show(MessagePanel::Kind::Success, result.summary);
        }
        break;
    case HostProbeResult::Outcome::Cancelled:
        panel->showMessage(MessagePanel::Kind::Info, result.summary.message,
                           tr("Press Check again when you are ready."));
        m_retryButton->show();
        break;
    case HostProbeResult::Outcome::NotQlik:
    case HostProbeResult::Outcome::Unreachable: {
        // For a certificate problem, the certificate itself is the detail people need to compare.
        QString details = result.failure.technicalDetail();
        if (!result.failure.certificateChain().isEmpty())
            details = result.failure.peerCertificate().toText() + QStringLiteral("\n\n") + details;
        panel->showMessage(MessagePanel::Kind::Error, result.summary.message, result.summary.advice, details);
        m_retryButton->show();
        m_certificateButton->setVisible(result.failure.kind() == RequestFailure::Kind::TlsUntrusted
                                        && !result.failure.certificateOrigin().isEmpty());
        break;
    }
    }
    emit completeChanged();
}

void HostPage::reviewCertificate()
{
    // The server that presented the certificate, which need not be the address typed: the certificate is shown
    // and trusted for that server only.
    const QString hostAndPort = m_result.failure.certificateOrigin();
    if (hostAndPort.isEmpty())
        return;
    // Window-modal without a nested event loop; the page goes on only once the user has decided.
    auto *dialog = new CertificateDialog(hostAndPort, m_result.failure, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog, hostAndPort] {
        switch (dialog->decision()) {
        case CertificateDialog::Decision::TrustCertificate:
            controller()->trustCertificate(hostAndPort, dialog->acceptedFingerprint());
            checkNow();
            break;
        case CertificateDialog::Decision::TrustAuthority:
            controller()->trustCertificateAuthority(hostAndPort, dialog->acceptedAuthority());
            checkNow();
            break;
        case CertificateDialog::Decision::UseName:
            useHostName(dialog->chosenName());
            break;
        case CertificateDialog::Decision::None:
            break;
        }
    });
    dialog->open();
}

void HostPage::useHostName(const QString &name)
{
    if (name.isEmpty())
        return;
    // Only the name changes: the port and the virtual proxy stay what was typed.
    QString address = name.contains(QLatin1Char(':')) ? u'[' + name + u']' : name;
    if (m_parsed.isValid() && m_parsed.port() != -1)
        address += u':' + QString::number(m_parsed.port());
    if (m_parsed.isValid() && !m_parsed.virtualProxyPrefix().isEmpty())
        address += u'/' + m_parsed.virtualProxyPrefix();
    m_ui->hostEdit->setText(address);
    checkNow();
}

void HostPage::useOwnHost()
{
    if (!m_result.isAlias() && !m_result.certificateNames.isEmpty()) {
        useHostName(m_result.certificateNames.first());
        return;
    }
    m_ui->hostEdit->setText(m_result.ownHostAndPort);
    checkNow();
}

} // namespace Dawiso
