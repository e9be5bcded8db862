#include "pages/cloud/KeyAutomationPanel.h"

#include "cloud/AutomatedSetup.h"
#include "cloud/CloudFlow.h"
#include "pages/cloud/AutomationProgress.h"
#include "setup/SetupController.h"
#include "ui_KeyAutomationPanel.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QGuiApplication>

namespace Dawiso {

KeyAutomationPanel::KeyAutomationPanel(SetupController *controller, CloudFlow *flow, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::KeyAutomationPanel>())
    , m_controller(controller)
    , m_flow(flow)
{
    m_ui->setupUi(this);
    m_ui->automationPanel->clear();
    m_progress = new AutomationProgress(flow->automation(), m_ui->automationPanel, this);
    m_deleteButton = m_ui->automationPanel->addActionButton(tr("&Delete it"));
    m_deleteButton->setObjectName(QStringLiteral("deleteKeyButton"));
    m_deleteButton->hide();
    m_useAnywayButton = m_ui->automationPanel->addActionButton(tr("Us&e it anyway"));
    m_useAnywayButton->setObjectName(QStringLiteral("useAnywayButton"));
    m_useAnywayButton->hide();
    m_pasteInsteadButton = m_ui->automationPanel->addActionButton(tr("Paste a ke&y instead"));
    m_pasteInsteadButton->setObjectName(QStringLiteral("pasteInsteadButton"));
    m_pasteInsteadButton->hide();
    connect(m_pasteInsteadButton, &QPushButton::clicked, this, &KeyAutomationPanel::pasteInsteadRequested);
    connect(m_deleteButton, &QPushButton::clicked, this, [this] {
        m_deleteButton->hide();
        m_useAnywayButton->hide();
        m_ui->automationPanel->showBusy(tr("Deleting the key in Qlik…"), false);
        m_controller->revokeCreatedCredential();
    });
    connect(m_useAnywayButton, &QPushButton::clicked, this, [this] {
        m_deleteButton->hide();
        m_useAnywayButton->hide();
        emit keyCreated();
    });
    connect(controller, &SetupController::createdCredentialRevoked, this,
            [this](bool revoked, const UserMessage &problem) {
                if (revoked)
                    m_ui->automationPanel->showMessage(MessagePanel::Kind::Info, tr("The key was deleted in Qlik."),
                                                       tr("Sign in as Dawiso's user and create the key again."));
                else
                    m_ui->automationPanel->show(MessagePanel::Kind::Error, problem);
            });

    AutomatedSetup *automation = flow->automation();
    connect(m_ui->createButton, &QPushButton::clicked, this, &KeyAutomationPanel::start);
    connect(m_progress, &AutomationProgress::stopped, this, [this] {
        setBusy(false);
        m_ui->automationPanel->showMessage(
            MessagePanel::Kind::Info, tr("Stopped before the key was created."),
            tr("Press “%1” to start again.").arg(m_ui->createButton->text().remove(QLatin1Char('&'))));
    });
    connect(automation, &AutomatedSetup::integrationUserSignInFinished, this, &KeyAutomationPanel::onSignedIn);
    connect(automation, &AutomatedSetup::keyCreated, this, &KeyAutomationPanel::onKeyCreated);
}

KeyAutomationPanel::~KeyAutomationPanel() = default;

void KeyAutomationPanel::prepare()
{
    AutomatedSetup *automation = m_flow->automation();
    const QlikUser user = automation->assignment().user;
    m_ui->userLabel->setText(user.id.isEmpty() ? tr("whoever signs in next (choose the user on the previous step to "
                                                    "have their e-mail filled in)")
                                               : user.displayName());
    if (m_ui->clientIdEdit->text().isEmpty())
        m_ui->clientIdEdit->setText(m_flow->rememberedOAuthClientId());

    const ApiKeyPolicy policy = automation->admin().policy;
    m_ui->expiryCombo->clear();
    for (const int days : policy.expiryChoicesDays())
        m_ui->expiryCombo->addItem(tr("%n day(s)", nullptr, days), days);
    if (m_ui->expiryCombo->count() == 0)
        m_ui->expiryCombo->addItem(tr("The longest the tenant allows"), 0);
    m_ui->expiryCombo->setCurrentIndex(qMax(0, m_ui->expiryCombo->findData(policy.defaultExpiryDays())));
    m_ui->policyLabel->setText(policy.known ? tr("This tenant allows at most %1.").arg(policy.maxExpiryText())
                                            : QString());
}

void KeyAutomationPanel::setBusy(bool busy)
{
    m_ui->createButton->setEnabled(!busy);
    m_ui->clientIdEdit->setEnabled(!busy);
    m_ui->expiryCombo->setEnabled(!busy);
}

void KeyAutomationPanel::start()
{
    m_deleteButton->hide();
    m_useAnywayButton->hide();
    m_pasteInsteadButton->hide();
    const QString clientId = m_ui->clientIdEdit->text().trimmed();
    if (clientId.isEmpty()) {
        m_ui->automationPanel->showMessage(
            MessagePanel::Kind::Error, tr("Enter the OAuth client ID first."),
            tr("It is the same Native client the tenant admin signed in with; create one "
               "in Administration › OAuth if there is none."));
        return;
    }
    m_flow->rememberOAuthClientId(clientId);
    setBusy(true);
    m_progress->setCopyLinkOffered(true);
    m_flow->automation()->signInIntegrationUser(clientId);
}

void KeyAutomationPanel::onSignedIn(const OAuthResult &result)
{
    m_progress->setCopyLinkOffered(false);
    if (!result.ok) {
        setBusy(false);
        m_ui->automationPanel->show(result.kind == OAuthResult::Kind::Cancelled ? MessagePanel::Kind::Info
                                                                                : MessagePanel::Kind::Error,
                                    result.summary);
        return;
    }
    m_flow->automation()->createKey(m_ui->expiryCombo->currentData().toInt());
}

void KeyAutomationPanel::onKeyCreated(const ApiKeyCreation::Result &result)
{
    setBusy(false);
    if (result.outcome != ApiKeyCreation::Outcome::Created) {
        m_ui->automationPanel->show(MessagePanel::Kind::Error, result.problem);
        m_pasteInsteadButton->setVisible(result.outcome == ApiKeyCreation::Outcome::SignInNotAccepted
                                         || result.outcome == ApiKeyCreation::Outcome::NotAllowed);
        return;
    }
    const QlikUser expected = m_flow->automation()->assignment().user;
    m_flow->adoptCreatedKey(result);
    if (result.user.isAdmin()) {
        // Signed in as the wrong person: an admin's key must not slip through on its way to Dawiso.
        m_ui->automationPanel->showMessage(
            MessagePanel::Kind::Warning,
            result.user.isTenantAdmin()
                ? tr("The new key belongs to %1, a tenant admin.").arg(result.user.displayName())
                : tr("The new key belongs to %1, who holds an admin role.").arg(result.user.displayName()),
            result.user.adminWarning());
        m_deleteButton->show();
        m_useAnywayButton->show();
        return;
    }
    m_ui->automationPanel->showMessage(
        MessagePanel::Kind::Success, tr("Created an API key for %1.").arg(result.user.displayName()),
        !expected.id.isEmpty() && expected.id != result.user.id
            ? tr("Note: the key belongs to the person who signed in, not to %1.").arg(expected.displayName())
            : tr("Storing it in the keychain…"));
    emit keyCreated();
}

} // namespace Dawiso
