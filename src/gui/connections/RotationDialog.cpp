#include "connections/RotationDialog.h"

#include "ResourceIcon.h"
#include "clipboard/StoredSecretCopier.h"
#include "cloud/CloudKeyRotation.h"
#include "common/Clock.h"
#include "common/ExpiryText.h"
#include "dialogs/MessageBox.h"
#include "setup/DeploymentFlow.h"
#include "setup/SetupController.h"
#include "token/ApiKeyToken.h"
#include "ui_RotationDialog.h"
#include "widgets/MessagePanel.h"

#include <QPushButton>

namespace Dawiso {

RotationDialog::RotationDialog(const SavedConnection &connection, DeploymentFlow *flow, SetupController *controller,
                               QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::RotationDialog>())
    , m_connection(connection)
    , m_controller(controller)
    , m_rotation(flow->createRotation(controller->secretStore(), controller->connectionIndex(), this))
    , m_copier(new StoredSecretCopier(this))
    , m_cloud(connection.kind == DeploymentKind::QlikCloud)
{
    Q_ASSERT(m_rotation);
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    m_ui->checkScroll->hide();
    const QString expiry = ExpiryText::sentence(connection.keyExpiry, Clock::currentDateTimeUtc());
    if (m_cloud) {
        setWindowTitle(tr("Renew the key for %1").arg(connection.hostAndPort));
        m_ui->introLabel->setText(
            tr("<p>A new API key for <b>%1</b> replaces the one stored for <b>%2</b>. %3</p><p>The new key is checked "
               "the way Dawiso will use it and stored only if it passes; the old one stays stored until then and "
               "keeps working until you revoke it here, after Dawiso has the new one.</p>")
                .arg(connection.userName.toHtmlEscaped(), connection.hostAndPort.toHtmlEscaped(),
                     expiry.toHtmlEscaped()));
        m_ui->createRadio->setToolTip(tr("The stored key asks Qlik for a new key of the same user, who holds Manage "
                                         "API keys through Dawiso's role."));
    } else {
        setWindowTitle(tr("Renew the token for %1").arg(connection.hostAndPort));
        m_ui->introLabel->setText(
            tr("<p>A new token for <b>%1</b>, signed with the key stored beside the old one, replaces the token "
               "stored for <b>%2</b>. %3</p><p>The virtual proxy “%4” takes it without any change in the QMC. The new "
               "token is checked the way Dawiso will use it and stored only if it passes.</p>")
                .arg(connection.userName.toHtmlEscaped(), connection.hostAndPort.toHtmlEscaped(),
                     expiry.toHtmlEscaped(), connection.virtualProxyPrefix.toHtmlEscaped()));
        m_ui->createRadio->hide();
        m_ui->pasteRadio->hide();
        m_ui->pasteEdit->hide();
    }
    for (const int days : {30, 90, 180, 365})
        m_ui->validityCombo->addItem(tr("%n day(s)", nullptr, days), days);
    m_ui->validityCombo->setCurrentIndex(1);

    m_renewButton = m_ui->buttonBox->addButton(tr("&Renew"), QDialogButtonBox::ActionRole);
    m_renewButton->setObjectName(QStringLiteral("renewButton"));
    m_renewButton->setDefault(true);
    m_copyButton = m_ui->copyNewButton;
    if (!m_cloud)
        m_copyButton->setText(tr("Copy the new &token"));
    m_copyButton->setIcon(ResourceIcon::get(QStringLiteral(":/icons/copy.svg")));
    m_copyButton->hide();
    m_revokeButton = m_ui->revokeOldButton;
    m_revokeButton->hide();

    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &RotationDialog::reject);
    connect(m_renewButton, &QPushButton::clicked, this, &RotationDialog::startRotation);
    connect(m_copyButton, &QPushButton::clicked, this, [this] {
        if (!m_copier->isReading())
            m_copier->copy(m_controller->readStoredCredential(m_connection), noun());
    });
    connect(m_copier, &StoredSecretCopier::statusChanged, m_ui->stepLabel, &QLabel::setText);
    connect(m_copier, &StoredSecretCopier::failed, this,
            [this](const UserMessage &problem) { m_ui->statusPanel->show(MessagePanel::Kind::Error, problem); });
    connect(m_revokeButton, &QPushButton::clicked, this, [this] {
        m_revokeButton->setEnabled(false);
        m_rotation->retireOldNow();
    });
    connect(m_ui->createRadio, &QRadioButton::toggled, this, &RotationDialog::updateChoice);
    connect(m_ui->pasteEdit, &QLineEdit::textChanged, this, &RotationDialog::updateChoice);
    connect(m_ui->statusPanel, &MessagePanel::stopRequested, m_rotation, &CredentialRotation::cancel);
    connect(m_rotation, &CredentialRotation::stepStarted, this, &RotationDialog::onStep);
    connect(m_rotation, &CredentialRotation::plannedChecks, this, [this](const QList<CheckResult> &checks) {
        m_ui->checkList->setChecks(checks);
        m_ui->checkScroll->show();
    });
    connect(m_rotation, &CredentialRotation::checkChanged, m_ui->checkList, &CheckListWidget::updateCheck);
    connect(m_rotation, &CredentialRotation::finished, this, &RotationDialog::onFinished);
    connect(m_rotation, &CredentialRotation::retired, this, &RotationDialog::onRetired);
    // Dawiso holds its own copy of the key: the old one keeps working until Dawiso has the new one.
    m_rotation->setRetireLater(m_cloud);
    updateChoice();
}

RotationDialog::~RotationDialog() = default;

QString RotationDialog::noun() const
{
    return m_cloud ? tr("key", "an API key") : tr("token", "a JWT");
}

void RotationDialog::updateChoice()
{
    const bool pasting = m_cloud && m_ui->pasteRadio->isChecked();
    m_ui->pasteEdit->setEnabled(pasting);
    // Qlik decides the lifetime of a pasted key.
    m_ui->validityCombo->setEnabled(!pasting);
    if (m_renewButton) {
        m_renewButton->setEnabled(!m_rotation->isRunning()
                                  && (!pasting || !m_ui->pasteEdit->text().trimmed().isEmpty()));
    }
}

void RotationDialog::startRotation()
{
    if (m_rotation->isRunning())
        return;
    auto *cloud = qobject_cast<CloudKeyRotation *>(m_rotation);
    if (cloud) {
        ApiKeyToken pasted;
        if (m_ui->pasteRadio->isChecked()) {
            pasted = ApiKeyToken::fromPastedText(m_ui->pasteEdit->text());
            if (!pasted.isWellFormed()) {
                // What was pasted stays in the field, to be corrected.
                m_ui->statusPanel->showMessage(MessagePanel::Kind::Error, tr("This is not an API key."),
                                               pasted.problem());
                return;
            }
        }
        cloud->setPastedKey(pasted);
        pasted.wipe();
    }
    m_ui->choiceWidget->setEnabled(false);
    m_renewButton->setEnabled(false);
    m_copyButton->hide();
    m_ui->checkScroll->hide();
    m_rotation->start(m_connection, m_ui->validityCombo->currentData().toInt());
}

void RotationDialog::onStep(CredentialRotation::Step, const QString &message)
{
    m_ui->statusPanel->showBusy(message, m_rotation->canCancel());
}

QString RotationDialog::whereText(const CredentialRotation::Result &result) const
{
    QStringList lines;
    for (const QString &line : result.whereThingsAre)
        lines << line.toHtmlEscaped();
    return lines.join(QStringLiteral("<br>"));
}

void RotationDialog::onFinished(const CredentialRotation::Result &result)
{
    if (m_closeWhenDone) {
        if (result.rotated)
            emit connectionChanged();
        QDialog::reject();
        return;
    }
    if (!result.rotated) {
        m_ui->choiceWidget->setEnabled(true);
        updateChoice();
        // The failed check, where there is one, in view.
        for (const CheckResult &check : result.report.checks) {
            if (check.status != CheckStatus::Fail)
                continue;
            if (QWidget *row = m_ui->checkList->findChild<QWidget *>(QStringLiteral("check-") + check.id))
                m_ui->checkScroll->ensureWidgetVisible(row);
            break;
        }
        m_ui->statusPanel->showMessage(
            MessagePanel::Kind::Error, result.problem.message,
            (result.problem.advice.toHtmlEscaped() + QStringLiteral("<br>") + whereText(result)),
            result.problem.detail);
        return;
    }
    m_oldKeyId = m_connection.keyId;
    m_connection = result.connection;
    // Done: what is left is in the result. Taken out of the box, which would show a hidden button again.
    m_ui->buttonBox->removeButton(m_renewButton);
    m_renewButton->deleteLater();
    m_renewButton = nullptr;
    m_ui->choiceWidget->hide();
    // Every check passed, which the result says: the room goes to what to do next.
    m_ui->checkScroll->hide();
    m_ui->pasteEdit->clear();
    m_copyButton->show();
    m_revokeButton->setVisible(m_rotation->retirementPending());
    m_ui->statusPanel->showMessage(
        MessagePanel::Kind::Success,
        m_cloud ? tr("The new key is stored and passed the check.")
                : tr("The new token is stored and passed the check."),
        (m_cloud ? tr("Give it to Dawiso now: copy it and paste it into Dawiso's Qlik connection in place of the old "
                      "one. Then revoke the old key, so that only the new one works.")
                 : tr("Give it to Dawiso now: copy it and paste it into Dawiso's Qlik connection in place of the old "
                      "one."))
            + QStringLiteral("<br>") + whereText(result));
    emit connectionChanged();
}

void RotationDialog::onRetired(const CredentialRotation::Result &result)
{
    if (m_closeWhenDone) {
        emit connectionChanged();
        QDialog::reject();
        return;
    }
    m_revokeButton->hide();
    if (!result.problem.isEmpty()) {
        m_ui->statusPanel->showMessage(
            MessagePanel::Kind::Warning, result.problem.message,
            result.problem.advice.toHtmlEscaped() + QStringLiteral("<br>") + whereText(result), result.problem.detail);
    } else {
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Success,
                                       tr("The old key was revoked: only the new one works now."), whereText(result));
    }
    emit connectionChanged();
}

void RotationDialog::reject()
{
    if (!m_rotation->isRunning()) {
        // Closing before the old key is revoked leaves it working in Qlik, and its id is then only in Qlik.
        if (m_rotation->retirementPending()
            && MessageBox::question(this, tr("Close without revoking the old key?"),
                                    tr("The old key (id %1) keeps working in Qlik until it expires. Revoke it here "
                                       "once Dawiso has the new key, or later in Qlik Cloud's Management Console, "
                                       "under API keys.")
                                        .arg(m_oldKeyId),
                                    QMessageBox::Close | QMessageBox::Cancel, QMessageBox::Cancel)
                != QMessageBox::Close)
            return;
        QDialog::reject();
        return;
    }
    // A key Qlik may be creating right now must be taken back, not lost: the window closes once the rotation has
    // stopped and cleaned up. After the new credential is stored, the last step finishes on its own first.
    m_closeWhenDone = true;
    m_rotation->cancel();
    m_ui->statusPanel->showBusy(tr("Stopping…"), false);
}

} // namespace Dawiso
