#include "pages/FinishPage.h"

#include "clipboard/SecretClipboard.h"
#include "clipboard/StoredSecretCopier.h"
#include "common/Clock.h"
#include "common/ExpiryText.h"
#include "connections/CalendarReminder.h"
#include "dialogs/FileDialog.h"
#include "dialogs/ReportSaving.h"
#include "net/TlsTrust.h"
#include "reminders/CalendarReminderLauncher.h"
#include "setup/SetupController.h"
#include "ui_FinishPage.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QDir>
#include <QGuiApplication>
#include <QSaveFile>
#include <QStandardPaths>

namespace Dawiso {

FinishPage::FinishPage(SetupController *controller, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::FinishPage>())
    , m_copier(new StoredSecretCopier(this))
{
    m_ui->setupUi(this);
    m_cloudSubTitle = subTitle();
    m_ui->statusPanel->clear();
    const QIcon copy(QStringLiteral(":/icons/copy.svg"));
    m_ui->copyHostButton->setIcon(copy);
    m_ui->copyTokenButton->setIcon(copy);
    // A mask of fixed length: the field shows that a token exists, never the token or its length.
    m_ui->tokenValue->setText(QString(24, QLatin1Char('x')));
    connect(m_ui->copyHostButton, &QPushButton::clicked, this, &FinishPage::copyHost);
    m_ui->copyPrefixButton->setIcon(copy);
    connect(m_ui->copyPrefixButton, &QPushButton::clicked, this, [this] {
        QGuiApplication::clipboard()->setText(m_ui->prefixValue->text());
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("The virtual proxy prefix is on the clipboard."));
    });
    connect(m_ui->saveCaButton, &QPushButton::clicked, this, &FinishPage::saveSiteCa);
    connect(m_ui->copyTokenButton, &QPushButton::clicked, this, &FinishPage::copyToken);
    connect(m_ui->saveReportButton, &QPushButton::clicked, this, &FinishPage::saveReport);
    connect(m_ui->reminderButton, &QPushButton::clicked, this, &FinishPage::addReminder);
    connect(m_copier, &StoredSecretCopier::statusChanged, m_ui->clipboardLabel, &QLabel::setText);
    connect(m_copier, &StoredSecretCopier::copied, this, [this] {
        m_ui->copyTokenButton->setEnabled(true);
        m_ui->statusPanel->clear();
    });
    connect(m_copier, &StoredSecretCopier::failed, this, [this](const UserMessage &problem) {
        m_ui->copyTokenButton->setEnabled(true);
        m_ui->statusPanel->show(MessagePanel::Kind::Error, problem);
    });
    updatePracticeBanner();
}

FinishPage::~FinishPage() = default;

void FinishPage::initializePage()
{
    m_ui->hostValue->setText(controller()->confirmedHost().hostAndPort());
    const SavedConnection saved = controller()->savedConnection();
    const bool enterprise = saved.kind == DeploymentKind::QlikSenseEnterprise;
    // Qlik Sense Enterprise: Dawiso also needs the virtual proxy's prefix, and the site's own CA when Qlik made the
    // certificate the proxy serves (Dawiso must trust it as this wizard did).
    for (QWidget *row : {static_cast<QWidget *>(m_ui->prefixLabel), static_cast<QWidget *>(m_ui->prefixValue),
                         static_cast<QWidget *>(m_ui->copyPrefixButton)})
        row->setVisible(enterprise);
    m_ui->prefixValue->setText(saved.virtualProxyPrefix);
    m_siteCa = enterprise ? controller()->tlsTrust()->caCertificatesFor(saved.hostAndPort) : QList<QSslCertificate>();
    for (QWidget *row : {static_cast<QWidget *>(m_ui->caLabel), static_cast<QWidget *>(m_ui->caValue),
                         static_cast<QWidget *>(m_ui->saveCaButton)})
        row->setVisible(!m_siteCa.isEmpty());
    if (!m_siteCa.isEmpty()) {
        m_ui->caValue->setText(tr("%1: Dawiso must trust it too").arg(m_siteCa.first().subjectDisplayName()));
        m_ui->caValue->setToolTip(tr("The site's certificate was issued by its own CA, which no other computer "
                                     "trusts by itself. Give Dawiso this CA certificate (PEM)."));
    }
    // Dawiso does not document its form for Qlik Sense Enterprise: name both ways of entering the address.
    setSubTitle(enterprise ? tr("Qlik Sense is ready. In Dawiso, add a Qlik connection and enter the values below. If "
                                "Dawiso asks for one address instead of a host and a prefix, enter https://%1/%2.")
                                 .arg(saved.hostAndPort, saved.virtualProxyPrefix)
                           : m_cloudSubTitle);
    m_ui->tokenLabel->setText(enterprise ? tr("JWT token:") : tr("API token:"));
    QString expiry = ExpiryText::sentence(saved.keyExpiry, Clock::currentDateTimeUtc()).toHtmlEscaped();
    if (saved.keyExpiry.isValid()) {
        expiry = tr("%1 %2", "when the key expires, then the advice to plan a new key")
                     .arg(expiry,
                          enterprise ? tr("Add a reminder to your calendar with the button below, and run this "
                                          "wizard again for a new token before then; Dawiso stops reading Qlik "
                                          "when it expires.")
                                     : tr("Add a reminder to your calendar with the button below, and generate a "
                                          "new key before then; Dawiso stops reading Qlik when it expires."));
    }
    m_ui->reminderButton->setEnabled(CalendarReminder::isPossible(saved));
    m_ui->reminderButton->setToolTip(
        CalendarReminder::isPossible(saved)
            ? tr("Puts an event %n day(s) before the expiry into your calendar app, with what to do then. It holds "
                 "no secret.",
                 nullptr, CalendarReminder::daysBeforeExpiry)
            : CalendarReminder::unavailableReason(saved.kind));
    m_ui->expiryLabel->setText(enterprise ? tr("<b>Token:</b> %1").arg(expiry) : tr("<b>Key:</b> %1").arg(expiry));
    QStringList keep;
    for (const QString &reminder : controller()->reminders())
        keep << reminder.toHtmlEscaped();
    m_ui->keepLabel->setVisible(!keep.isEmpty());
    m_ui->keepLabel->setText(tr("<b>Keep:</b> %1").arg(keep.join(QLatin1Char(' '))));
    const ConnectionReport report = controller()->connectionReport();
    m_ui->saveReportButton->setEnabled(report.checkedAt.isValid());
    m_ui->verdictLabel->setVisible(report.checkedAt.isValid());
    m_ui->verdictLabel->setText(tr("<b>Check:</b> %1").arg(report.verdictText().toHtmlEscaped()));
    m_ui->storedLabel->setText(
        tr("<b>Stored in:</b> %1, entry “%2”. <b>User:</b> %3. Dawiso will see exactly what this user sees in Qlik.")
            .arg(controller()->secretStoreLocation().toHtmlEscaped(),
                 controller()->credentialEntryName().toHtmlEscaped(), saved.userName.toHtmlEscaped()));
}

void FinishPage::copyHost()
{
    QGuiApplication::clipboard()->setText(m_ui->hostValue->text());
    m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("The host is on the clipboard."));
}

void FinishPage::addReminder()
{
    const CalendarReminderLauncher::Outcome outcome = CalendarReminderLauncher::launch(controller()->savedConnection());
    m_ui->statusPanel->show(outcome.kind, outcome.said);
}

void FinishPage::saveReport()
{
    ReportSaving::ask(this, controller()->connectionReport(), m_ui->statusPanel);
}

void FinishPage::saveSiteCa()
{
    if (m_siteCa.isEmpty())
        return;
    const QString suggested = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                                  .filePath(QStringLiteral("qlik-site-ca.pem"));
    const QString path =
        FileDialog::getSaveFileName(this, tr("Save the site's CA certificate"), suggested, tr("PEM (*.pem)"));
    if (path.isEmpty())
        return;
    QSaveFile file(path);
    QByteArray pem;
    for (const QSslCertificate &certificate : m_siteCa)
        pem += certificate.toPem();
    if (!file.open(QIODevice::WriteOnly) || file.write(pem) != pem.size() || !file.commit()) {
        m_ui->statusPanel->showMessage(
            MessagePanel::Kind::Error, tr("The CA certificate could not be saved."),
            tr("%1: %2. Choose another folder.")
                .arg(QDir::toNativeSeparators(path).toHtmlEscaped(), file.errorString().toHtmlEscaped()));
        return;
    }
    m_ui->statusPanel->showMessage(
        MessagePanel::Kind::Success, tr("The CA certificate was saved."),
        tr("%1. It is public: no secret is in it.").arg(QDir::toNativeSeparators(path).toHtmlEscaped()));
}

SecretClipboard *FinishPage::clipboard() const
{
    return m_copier->clipboard();
}

void FinishPage::copyToken()
{
    if (m_copier->isReading())
        return;
    m_ui->copyTokenButton->setEnabled(false);
    m_ui->statusPanel->showBusy(tr("Reading the token from the keychain…"), false);
    m_copier->copy(controller()->readStoredCredential(), tr("token"));
}

} // namespace Dawiso
