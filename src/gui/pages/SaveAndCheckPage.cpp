#include "pages/SaveAndCheckPage.h"

#include "ResourceIcon.h"
#include "clipboard/SecretClipboard.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"
#include "ui_SaveAndCheckPage.h"
#include "widgets/CheckListWidget.h"
#include "widgets/MessagePanel.h"

#include <QPushButton>

namespace Dawiso {

SaveAndCheckPage::SaveAndCheckPage(SetupController *controller, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::SaveAndCheckPage>())
{
    m_ui->setupUi(this);
    setCommitPage(true);
    // The checklist is the page's main content: let it, not empty space, take the height the window has.
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Expanding);
    setButtonText(QWizard::CommitButton, tr("&Next >"));
    m_ui->statusPanel->clear();
    m_retryButton = m_ui->statusPanel->addActionButton(tr("&Try again"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->hide();
    m_checkAgainButton = m_ui->statusPanel->addActionButton(tr("&Check again"));
    m_checkAgainButton->setObjectName(QStringLiteral("checkAgainButton"));
    m_checkAgainButton->hide();
    // For a key this run created: until it is stored, it exists nowhere else, so the user gets every way out.
    m_copyKeyButton = m_ui->statusPanel->addActionButton(tr("Copy the key &securely"));
    m_copyKeyButton->setObjectName(QStringLiteral("copyKeyButton"));
    m_copyKeyButton->hide();
    m_revokeButton = m_ui->statusPanel->addActionButton(tr("&Delete it in Qlik"));
    m_revokeButton->setObjectName(QStringLiteral("revokeKeyButton"));
    m_revokeButton->hide();
    m_clipboard = new SecretClipboard(this);
    connect(m_copyKeyButton, &QPushButton::clicked, this, [this] {
        QByteArray key = this->controller()->unsavedCredential();
        m_clipboard->copySecret(key);
        SecureMemory::wipe(key);
    });
    connect(m_revokeButton, &QPushButton::clicked, this, [this] {
        // Storing or copying a key that is being deleted would be pointless: only the answer is awaited now.
        setRecoveryButtonsVisible(false);
        m_ui->statusPanel->showBusy(tr("Deleting the new key in Qlik…"), false);
        this->controller()->revokeCreatedCredential();
    });
    connect(controller, &SetupController::createdCredentialRevoked, this,
            [this](bool revoked, const UserMessage &problem) {
                if (!isVisible())
                    return;
                if (revoked) {
                    setRecoveryButtonsVisible(false);
                    m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("The new key was deleted in Qlik."),
                                                   tr("Nothing was stored. Go back to the key step and create or paste "
                                                      "a new key once the keychain works."));
                    return;
                }
                // Still in memory: every way out stays open.
                setRecoveryButtonsVisible(this->controller()->hasCredentialToSave());
                m_ui->statusPanel->show(MessagePanel::Kind::Error, problem);
            });
    m_ui->checkHeading->hide();
    m_ui->checkScroll->hide();
    connect(m_retryButton, &QPushButton::clicked, this, &SaveAndCheckPage::startSaving);
    connect(m_checkAgainButton, &QPushButton::clicked, this, &SaveAndCheckPage::startCheck);
    connect(m_ui->statusPanel, &MessagePanel::stopRequested, controller, &SetupController::cancelConnectionCheck);
    connect(controller, &SetupController::connectionCheckChanged, m_ui->checkList, &CheckListWidget::updateCheck);
    connect(controller, &SetupController::connectionCheckProgress, this, &SaveAndCheckPage::onCheckProgress);
    connect(controller, &SetupController::connectionCheckFinished, this, &SaveAndCheckPage::onCheckFinished);
    connect(controller, &SetupController::saveStepStarted, this, &SaveAndCheckPage::onStepStarted);
    connect(controller, &SetupController::saveStepFinished, this, &SaveAndCheckPage::onStepFinished);
    connect(controller, &SetupController::saveFinished, this, &SaveAndCheckPage::onFinished);
    updatePracticeBanner();
}

SaveAndCheckPage::~SaveAndCheckPage() = default;

void SaveAndCheckPage::initializePage()
{
    // Qlik Sense Enterprise stores a token and the key that signs it; Qlik Cloud an API key.
    const bool token = isToken();
    m_ui->locationLabel->setText((token ? tr("The token and its signing key will be stored in <b>%1</b> as “%2”.")
                                        : tr("The key will be stored in <b>%1</b> as “%2”."))
                                     .arg(controller()->secretStoreLocation().toHtmlEscaped(),
                                          controller()->credentialEntryName().toHtmlEscaped()));
    m_ui->writeText->setText(token ? tr("Write the token and its signing key to the keychain")
                                   : tr("Write the key to the keychain"));
    m_ui->readBackText->setText(token ? tr("Read them back and compare") : tr("Read it back and compare"));
    m_ui->recordText->setText(token ? tr("Remember the connection (host, prefix, user, token ID and expiry; no secret)")
                                    : tr("Remember the connection (host, user, key ID and expiry; not the key)"));
    // A practice run is nothing to come back to: the saved connections do not list it.
    if (controller()->isPracticeRun())
        m_ui->recordText->setText(tr("Remember the connection: not in a practice run, which is nothing to come "
                                     "back to"));
    if (!controller()->saveResult().saved)
        startSaving();
}

bool SaveAndCheckPage::isToken() const
{
    return controller()->deployment() == DeploymentKind::QlikSenseEnterprise;
}

bool SaveAndCheckPage::isComplete() const
{
    return controller()->saveResult().saved && !controller()->isSaving() && m_checked
        && !controller()->isCheckingConnection();
}

void SaveAndCheckPage::startSaving()
{
    m_checked = false;
    m_retryButton->hide();
    m_copyKeyButton->hide();
    m_revokeButton->hide();
    m_checkAgainButton->hide();
    for (QLabel *label : {m_ui->writeIcon, m_ui->readBackIcon, m_ui->recordIcon})
        setStepState(label, StepState::Waiting);
    if (!controller()->hasCredentialToSave()) {
        showNoKeyToStore();
        emit completeChanged();
        return;
    }
    m_ui->statusPanel->showBusy(isToken()
                                    ? tr("Storing the token… If your computer asks to unlock its keychain, allow it.")
                                    : tr("Storing the key… If your computer asks to unlock its keychain, allow it."),
                                false);
    controller()->saveCredential();
    emit completeChanged();
}

QLabel *SaveAndCheckPage::iconFor(CredentialSaver::Step step) const
{
    switch (step) {
    case CredentialSaver::Step::Writing:
        return m_ui->writeIcon;
    case CredentialSaver::Step::ReadingBack:
        return m_ui->readBackIcon;
    case CredentialSaver::Step::Recording:
        return m_ui->recordIcon;
    }
    return m_ui->writeIcon;
}

void SaveAndCheckPage::setStepState(QLabel *label, StepState state)
{
    QString icon;
    QString word;
    switch (state) {
    case StepState::Waiting:
        icon = QStringLiteral("status-pending");
        word = tr("Waiting");
        break;
    case StepState::Done:
        icon = QStringLiteral("status-ok");
        word = tr("Done");
        break;
    case StepState::Failed:
        icon = QStringLiteral("status-error");
        word = tr("Failed");
        break;
    }
    const int size = label->fontMetrics().height();
    label->setPixmap(ResourceIcon::get(QStringLiteral(":/icons/%1.svg").arg(icon)).pixmap(size, size));
    label->setAccessibleName(word);
    label->setToolTip(word);
}

void SaveAndCheckPage::setRecoveryButtonsVisible(bool visible)
{
    m_retryButton->setVisible(visible);
    m_copyKeyButton->setVisible(visible);
    m_revokeButton->setVisible(visible);
}

void SaveAndCheckPage::showNoKeyToStore()
{
    m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("There is no key to store any more."),
                                   tr("Go back to the key step and create or paste a new key."));
}

void SaveAndCheckPage::onStepStarted(CredentialSaver::Step step)
{
    m_currentStep = step;
}

void SaveAndCheckPage::onStepFinished(CredentialSaver::Step step)
{
    setStepState(iconFor(step), StepState::Done);
}

void SaveAndCheckPage::onFinished(const CredentialSaveResult &result)
{
    if (result.saved) {
        startCheck();
    } else {
        setStepState(iconFor(m_currentStep), StepState::Failed);
        const bool created = !controller()->unsavedCreatedCredentialId().isEmpty();
        m_ui->statusPanel->showMessage(
            MessagePanel::Kind::Error, tr("The key could not be stored."),
            created ? tr("%1 %2", "what went wrong with the keychain, then the ways out")
                          .arg(result.message,
                               tr("The key was created in Qlik and exists only in this program's memory now: "
                                  "try again, copy it securely to store it yourself, or delete it in Qlik."))
                    : result.message,
            result.backendDetail);
        m_retryButton->show();
        m_copyKeyButton->setVisible(created);
        m_revokeButton->setVisible(created);
    }
    emit completeChanged();
}

void SaveAndCheckPage::startCheck()
{
    m_checked = false;
    m_checkAgainButton->hide();
    m_ui->checkHeading->show();
    m_ui->checkScroll->show();
    m_ui->checkList->setChecks(controller()->plannedChecks());
    m_ui->statusPanel->showBusy(isToken() ? tr("Checking what Dawiso will see with the stored token…")
                                          : tr("Checking what Dawiso will see with the stored key…"),
                                true);
    controller()->runConnectionCheck();
    emit completeChanged();
}

void SaveAndCheckPage::onCheckProgress(const QString &message)
{
    if (controller()->isCheckingConnection())
        m_ui->statusPanel->showBusy(message, true);
}

void SaveAndCheckPage::onCheckFinished(const ConnectionReport &report)
{
    m_checked = true;
    MessagePanel::Kind kind = MessagePanel::Kind::Success;
    QString advice;
    switch (report.verdict) {
    case ConnectionReport::Verdict::Usable:
        kind =
            report.countWithStatus(CheckStatus::Warn) > 0 ? MessagePanel::Kind::Warning : MessagePanel::Kind::Success;
        advice = (isToken() ? tr("The token is stored in %1. Continue to see what to enter in Dawiso.")
                            : tr("The key is stored in %1. Continue to see what to enter in Dawiso."))
                     .arg(controller()->secretStoreLocation());
        break;
    case ConnectionReport::Verdict::Blocked:
        kind = MessagePanel::Kind::Error;
        advice = isToken() ? tr("The token is stored, but Dawiso would not see everything yet. Do what the failed "
                                "checks say in Qlik, then press Check again. You can also continue and check later.")
                           : tr("The key is stored, but Dawiso would not see everything yet. Do what the failed checks "
                                "say in Qlik, then press Check again. You can also continue and check later.");
        break;
    case ConnectionReport::Verdict::Unreachable:
        kind = MessagePanel::Kind::Error;
        advice = report.failureMessage;
        break;
    case ConnectionReport::Verdict::Cancelled:
        kind = MessagePanel::Kind::Info;
        advice = isToken() ? tr("The token is stored. Press Check again to finish the check.")
                           : tr("The key is stored. Press Check again to finish the check.");
        break;
    }
    m_ui->statusPanel->showMessage(kind, report.verdictText(), advice);
    m_checkAgainButton->show();
    // Bring what needs attention into view: the first failure, else the first warning.
    for (const CheckStatus wanted : {CheckStatus::Fail, CheckStatus::Warn}) {
        const auto first = std::find_if(report.checks.cbegin(), report.checks.cend(),
                                        [wanted](const CheckResult &check) { return check.status == wanted; });
        if (first != report.checks.cend()) {
            if (QWidget *row = m_ui->checkList->findChild<QWidget *>(QStringLiteral("check-") + first->id))
                m_ui->checkScroll->ensureWidgetVisible(row);
            break;
        }
    }
    emit completeChanged();
}

} // namespace Dawiso
