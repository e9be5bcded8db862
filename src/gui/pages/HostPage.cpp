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
    // What was found belongs to the deployment that probed it: after another choice on the first page it is probed
    // again.
    if (m_result.isFound() && controller()->confirmedHost().hostAndPort() != m_result.host.hostAndPort())
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
    return m_parsed.isValid() && controller()->confirmedHost().hostAndPort() == m_parsed.hostAndPort()
        && !controller()->isProbingHost();
}

bool HostPage::validatePage()
{
    return isComplete() && controller()->confirmedHost().isValid();
}

void HostPage::onTextEdited()
{
    m_parsed = controller()->parseHost(m_ui->hostEdit->text());
    const bool sameAsChecked = m_parsed.isValid() && m_result.host.hostAndPort() == m_parsed.hostAndPort();
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
    QString text = tr("Will connect to <b>https://%1</b>").arg(parsed.displayHostAndPort().toHtmlEscaped());
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
    if (controller()->confirmedHost().hostAndPort() == m_parsed.hostAndPort())
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
    if (!m_parsed.isValid() || result.host.hostAndPort() != m_parsed.hostAndPort())
        return; // an answer about an address that is no longer in the field
    m_result = result;
    MessagePanel *panel = m_ui->statusPanel;
    switch (result.outcome) {
    case HostProbeResult::Outcome::Found:
        if (result.isAlias()) {
            panel->show(MessagePanel::Kind::Info, result.summary);
            m_useOwnHostButton->setText(tr("&Use %1").arg(hostOnly(result.ownHostAndPort)));
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
        controller()->trustCertificate(hostAndPort, dialog->acceptedFingerprint());
        checkNow();
    });
    dialog->open();
}

void HostPage::useOwnHost()
{
    m_ui->hostEdit->setText(m_result.ownHostAndPort);
    checkNow();
}

} // namespace Dawiso
