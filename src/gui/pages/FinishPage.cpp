#include "pages/FinishPage.h"

#include "clipboard/SecretClipboard.h"
#include "secrets/SecretStore.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"
#include "ui_FinishPage.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QGuiApplication>

namespace Dawiso {

FinishPage::FinishPage(SetupController *controller, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::FinishPage>())
    , m_clipboard(new SecretClipboard(this))
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    const QIcon copy(QStringLiteral(":/icons/copy.svg"));
    m_ui->copyHostButton->setIcon(copy);
    m_ui->copyTokenButton->setIcon(copy);
    // A mask of fixed length: the field shows that a token exists, never the token or its length.
    m_ui->tokenValue->setText(QString(24, QLatin1Char('x')));
    connect(m_ui->copyHostButton, &QPushButton::clicked, this, &FinishPage::copyHost);
    connect(m_ui->copyTokenButton, &QPushButton::clicked, this, &FinishPage::copyToken);
    connect(m_clipboard, &SecretClipboard::secondsLeftChanged, this, [this](int seconds) {
        m_ui->clipboardLabel->setText(
            tr("The token is on the clipboard for %n more second(s). Paste it into Dawiso now.", nullptr, seconds));
    });
    connect(m_clipboard, &SecretClipboard::cleared, this, [this] {
        m_ui->clipboardLabel->setText(tr("The clipboard was cleared. Copy the token again if needed."));
    });
    connect(m_clipboard, &SecretClipboard::replacedByOther, this, [this] {
        m_ui->clipboardLabel->setText(tr("You copied something else, so the token is no longer on the clipboard."));
    });
    installPracticeBanner();
}

FinishPage::~FinishPage() = default;

void FinishPage::initializePage()
{
    m_ui->hostValue->setText(controller()->confirmedHost().hostAndPort());
    const KeyVerification verification = controller()->keyVerification();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QString expiry = verification.expiryText(now).toHtmlEscaped();
    if (verification.expiry.isValid())
        expiry += QLatin1Char(' ')
            + tr("Put a reminder in your calendar to generate a new key before then; Dawiso "
                 "stops reading Qlik when it expires.");
    m_ui->expiryLabel->setText(tr("<b>Key:</b> %1").arg(expiry));
    m_ui->storedLabel->setText(
        tr("<b>Stored in:</b> %1, entry “%2”. <b>User:</b> %3. Dawiso will see exactly what this user sees in Qlik.")
            .arg(controller()->secretStoreLocation().toHtmlEscaped(),
                 controller()->credentialEntryName().toHtmlEscaped(), verification.user.displayName().toHtmlEscaped()));
}

void FinishPage::copyHost()
{
    QGuiApplication::clipboard()->setText(m_ui->hostValue->text());
    m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("The host is on the clipboard."));
}

void FinishPage::copyToken()
{
    if (m_reading)
        return;
    m_reading = true;
    m_ui->copyTokenButton->setEnabled(false);
    m_ui->statusPanel->showBusy(tr("Reading the token from the keychain…"), false);
    SecretStoreJob *job = controller()->secretStore()->readSecret(controller()->credentialEntryName());
    connect(job, &SecretStoreJob::finished, this, &FinishPage::onTokenRead);
}

void FinishPage::onTokenRead(SecretStoreJob *job)
{
    m_reading = false;
    m_ui->copyTokenButton->setEnabled(true);
    if (job->error() != SecretStoreError::None) {
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Error, tr("The token could not be read from the keychain."),
                                       job->errorMessage(), job->backendDetail());
        return;
    }
    QByteArray token = job->secret();
    m_clipboard->copySecret(token);
    SecureMemory::wipe(token);
    m_ui->statusPanel->clear();
}

} // namespace Dawiso
