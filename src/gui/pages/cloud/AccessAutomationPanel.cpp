#include "pages/cloud/AccessAutomationPanel.h"

#include "ResourceIcon.h"
#include "cloud/AutomatedSetup.h"
#include "cloud/CloudFlow.h"
#include "oauth/AuthorizationRequest.h"
#include "pages/cloud/AccessPage.h"
#include "pages/cloud/AutomationProgress.h"
#include "provision/UserSearch.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"
#include "ui_AccessAutomationPanel.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QComboBox>
#include <QGuiApplication>
#include <QScrollArea>

namespace Dawiso {

AccessAutomationPanel::AccessAutomationPanel(SetupController *controller, CloudFlow *flow, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::AccessAutomationPanel>())
    , m_controller(controller)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    m_ui->automationPanel->clear();
    m_ui->roleNameEdit->setText(AccessPage::suggestedRoleName());
    m_ui->userBox->setEnabled(false);
    m_ui->assignButton->setEnabled(false);
    m_ui->copyRedirectButton->setIcon(ResourceIcon::get(QStringLiteral(":/icons/copy.svg")));
    AutomatedSetup *automation = flow->automation();
    m_progress = new AutomationProgress(automation, m_ui->automationPanel, this);
    connect(m_ui->browserRadio, &QRadioButton::toggled, this,
            [this](bool browser) { m_ui->methodStack->setCurrentIndex(browser ? 0 : 1); });
    connect(m_ui->copyRedirectButton, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_ui->redirectCombo->currentText()); });
    connect(m_ui->redirectCombo, QOverload<int>::of(&QComboBox::activated), this,
            [this] { m_flow->chooseRedirectHost(m_ui->redirectCombo->currentData().toString()); });
    connect(m_ui->signInButton, &QPushButton::clicked, this, &AccessAutomationPanel::signIn);
    connect(m_progress, &AutomationProgress::stopped, this, [this] {
        setBusy(false);
        m_ui->automationPanel->showMessage(MessagePanel::Kind::Info, tr("Stopped."),
                                           tr("What Qlik had already done stays done; signing in again carries on "
                                              "from there."));
    });
    connect(automation, &AutomatedSetup::adminSignInFinished, this, &AccessAutomationPanel::onSignedIn);
    connect(automation, &AutomatedSetup::roleSetupFinished, this, &AccessAutomationPanel::onRoleSetUp);
    connect(automation, &AutomatedSetup::assignmentFinished, this, &AccessAutomationPanel::onAssigned);
    connect(m_ui->userPicker, &UserPickerWidget::userChosen, this, [this] { m_ui->assignButton->setEnabled(true); });
    connect(m_ui->assignButton, &QPushButton::clicked, this, [this, automation] {
        if (const auto user = m_ui->userPicker->chosenUser()) {
            setBusy(true);
            automation->assignRole(*user);
        }
    });
}

AccessAutomationPanel::~AccessAutomationPanel() = default;

void AccessAutomationPanel::prepare()
{
    AutomatedSetup *automation = m_flow->automation();
    // Another tenant since the last visit ends that sign-in (AutomatedSetup::setTenant): nothing of it may still
    // look done here.
    if (!automation->isAdminSignedIn() && !automation->isBusy()) {
        m_ui->automationPanel->clear();
        m_progress->setCopyLinkOffered(false);
        setBusy(false);
    }
    // Both loopback forms, the one the wizard will send first; the admin picks the one the client was registered with.
    const QString chosenHost = automation->redirectHost();
    m_ui->redirectCombo->clear();
    for (const QString &host : {AuthorizationRequest::ipv4LoopbackHost(), AuthorizationRequest::localhostHost()}) {
        automation->setRedirectHost(host);
        m_ui->redirectCombo->addItem(automation->redirectUri().toString(), host);
    }
    automation->setRedirectHost(chosenHost);
    m_ui->redirectCombo->setCurrentIndex(qMax(0, m_ui->redirectCombo->findData(chosenHost)));
    if (m_ui->clientIdEdit->text().isEmpty())
        m_ui->clientIdEdit->setText(m_flow->rememberedOAuthClientId());
    if (m_controller->isPracticeRun() && m_ui->m2mIdEdit->text().isEmpty()) {
        m_ui->m2mIdEdit->setText(m_controller->practiceCredentials().m2mClientId);
        m_ui->m2mSecretEdit->setText(m_controller->practiceCredentials().m2mClientSecret);
    }
}

bool AccessAutomationPanel::isDone() const
{
    return m_flow->automation()->assignment().ok;
}

void AccessAutomationPanel::setBusy(bool busy)
{
    m_ui->signInBox->setEnabled(!busy);
    m_ui->userBox->setEnabled(!busy && m_flow->automation()->roleSetup().ok);
}

void AccessAutomationPanel::signIn()
{
    AutomatedSetup *automation = m_flow->automation();
    if (m_ui->roleNameEdit->text().trimmed().isEmpty()) {
        m_ui->automationPanel->showMessage(MessagePanel::Kind::Error, tr("Enter a name for Dawiso's role."),
                                           tr("For example: %1").arg(AccessPage::suggestedRoleName()));
        return;
    }
    if (m_ui->browserRadio->isChecked()) {
        const QString clientId = m_ui->clientIdEdit->text().trimmed();
        if (clientId.isEmpty()) {
            m_ui->automationPanel->showMessage(MessagePanel::Kind::Error, tr("Enter the OAuth client ID first."),
                                               tr("The steps to create the client are just above."));
            return;
        }
        m_flow->rememberOAuthClientId(clientId);
        m_progress->setCopyLinkOffered(true);
        setBusy(true);
        automation->signInAdminWithBrowser(clientId);
        return;
    }
    const QString clientId = m_ui->m2mIdEdit->text().trimmed();
    QString secret = m_ui->m2mSecretEdit->text();
    if (clientId.isEmpty() || secret.isEmpty()) {
        m_ui->automationPanel->showMessage(MessagePanel::Kind::Error, tr("Enter the client ID and the client secret."),
                                           tr("Both are shown in Administration › OAuth when the client is created."));
        return;
    }
    // The secret leaves the field now: it is used for this one sign-in and kept nowhere.
    m_ui->m2mSecretEdit->clear();
    QByteArray secretBytes = secret.toUtf8();
    SecureMemory::wipe(secret);
    m_progress->setCopyLinkOffered(false);
    setBusy(true);
    automation->signInAdminWithClient(clientId, std::move(secretBytes));
}

void AccessAutomationPanel::onSignedIn(const OAuthResult &signIn, const AdminSession::Result &admin)
{
    m_progress->setCopyLinkOffered(false);
    if (!signIn.ok) {
        setBusy(false);
        m_ui->automationPanel->show(signIn.kind == OAuthResult::Kind::Cancelled ? MessagePanel::Kind::Info
                                                                                : MessagePanel::Kind::Error,
                                    signIn.summary);
        return;
    }
    if (!admin.ok) {
        setBusy(false);
        m_ui->automationPanel->show(MessagePanel::Kind::Error, admin.problem);
        return;
    }
    m_flow->automation()->setUpRole(m_ui->roleNameEdit->text());
}

void AccessAutomationPanel::onRoleSetUp(const RoleSetup::Result &result)
{
    setBusy(false);
    if (!result.ok) {
        m_ui->automationPanel->show(MessagePanel::Kind::Error, result.problem);
        return;
    }
    const AdminSession::Result admin = m_flow->automation()->admin();
    const QString signedIn = tr("Signed in as %1.").arg(admin.admin.displayName());
    //: %1 says who signed in, %2 what was done with Dawiso's role
    const QString message = tr("%1 %2").arg(signedIn, result.message);
    if (result.warning.isEmpty())
        m_ui->automationPanel->showMessage(MessagePanel::Kind::Success, message,
                                           tr("Now choose the user Dawiso will use."));
    else
        m_ui->automationPanel->showMessage(MessagePanel::Kind::Warning, message, result.warning);
    // What comes next is below: bring the user picker into view.
    if (auto *scroll = qobject_cast<QScrollArea *>(parentWidget() ? parentWidget()->parentWidget() : nullptr))
        scroll->ensureWidgetVisible(m_ui->userBox);
    if (!m_searchConnected) {
        m_searchConnected = true;
        m_ui->userPicker->setSearch(m_flow->automation()->userSearch());
    } else {
        m_ui->userPicker->setSearchText(QString());
    }
}

void AccessAutomationPanel::onAssigned(const RoleAssignment::Result &result)
{
    setBusy(false);
    if (!result.ok) {
        m_ui->automationPanel->show(MessagePanel::Kind::Error, result.problem);
    } else if (result.partial) {
        m_ui->automationPanel->showMessage(MessagePanel::Kind::Warning, result.message,
                                           tr("Qlik applied the change only in part:"),
                                           result.partialProblems.join(QLatin1Char('\n')));
    } else {
        m_ui->automationPanel->showMessage(MessagePanel::Kind::Success, result.message, QString());
    }
    emit doneChanged();
}

} // namespace Dawiso
