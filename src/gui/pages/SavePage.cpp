#include "pages/SavePage.h"

#include "setup/SetupController.h"
#include "ui_SavePage.h"
#include "widgets/MessagePanel.h"

#include <QPushButton>

namespace Dawiso {

SavePage::SavePage(SetupController *controller, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::SavePage>())
{
    m_ui->setupUi(this);
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next >"));
    m_ui->statusPanel->clear();
    m_retryButton = m_ui->statusPanel->addActionButton(tr("&Try again"));
    m_retryButton->setObjectName(QStringLiteral("retryButton"));
    m_retryButton->hide();
    connect(m_retryButton, &QPushButton::clicked, this, &SavePage::startSaving);
    connect(controller, &SetupController::saveStepStarted, this, &SavePage::onStepStarted);
    connect(controller, &SetupController::saveStepFinished, this, &SavePage::onStepFinished);
    connect(controller, &SetupController::saveFinished, this, &SavePage::onFinished);
    installPracticeBanner();
}

SavePage::~SavePage() = default;

void SavePage::initializePage()
{
    m_ui->locationLabel->setText(tr("The key will be stored in <b>%1</b> as “%2”.")
                                     .arg(controller()->secretStoreLocation().toHtmlEscaped(),
                                          controller()->credentialEntryName().toHtmlEscaped()));
    if (!controller()->saveResult().saved)
        startSaving();
}

bool SavePage::isComplete() const
{
    return controller()->saveResult().saved && !controller()->isSaving();
}

void SavePage::startSaving()
{
    m_retryButton->hide();
    for (QLabel *label : {m_ui->writeIcon, m_ui->readBackIcon, m_ui->recordIcon})
        setIcon(label, QStringLiteral("status-pending"));
    m_ui->statusPanel->showBusy(tr("Storing the key… If your computer asks to unlock its keychain, allow it."), false);
    controller()->saveCredential();
    emit completeChanged();
}

QLabel *SavePage::iconFor(CredentialSaver::Step step) const
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

void SavePage::setIcon(QLabel *label, const QString &icon)
{
    const int size = label->fontMetrics().height();
    label->setPixmap(QIcon(QStringLiteral(":/icons/%1.svg").arg(icon)).pixmap(size, size));
}

void SavePage::onStepStarted(CredentialSaver::Step step)
{
    m_currentStep = step;
}

void SavePage::onStepFinished(CredentialSaver::Step step)
{
    setIcon(iconFor(step), QStringLiteral("status-ok"));
}

void SavePage::onFinished(const CredentialSaveResult &result)
{
    if (result.saved) {
        m_ui->statusPanel->showMessage(
            MessagePanel::Kind::Success,
            tr("The key is stored in %1 and was read back unchanged.").arg(controller()->secretStoreLocation()));
        emit saved();
    } else {
        setIcon(iconFor(m_currentStep), QStringLiteral("status-error"));
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Error, tr("The key could not be stored."), result.message,
                                       result.backendDetail);
        m_retryButton->show();
    }
    emit completeChanged();
}

} // namespace Dawiso
