#include "connections/ForgetDialog.h"

#include "setup/SetupController.h"
#include "ui_ForgetDialog.h"
#include "widgets/MessagePanel.h"

#include <QPushButton>

namespace Dawiso {

ForgetDialog::ForgetDialog(const SavedConnection &connection, DeploymentFlow *flow, SetupController *controller,
                           QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ForgetDialog>())
    , m_connection(connection)
    , m_removal(new SavedConnectionRemoval(flow, controller->secretStore(), controller->connectionIndex(), this))
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    const bool cloud = connection.kind == DeploymentKind::QlikCloud;
    setWindowTitle(tr("Forget %1").arg(connection.hostAndPort));
    m_ui->questionLabel->setText(
        (cloud ? tr("<p><b>Forget the connection to %1?</b></p><p>The key of %2 is removed from %3 and the "
                    "connection from this list. Dawiso keeps reading Qlik with the copy it was given, until that key "
                    "expires or is revoked; this computer can then no longer check or renew it.</p>")
               : tr("<p><b>Forget the connection to %1?</b></p><p>The token of %2 and the key that signs it are "
                    "removed from %3, and the connection from this list. Dawiso keeps reading Qlik with the token it "
                    "was given until it expires; without the signing key, no new token can be made here, so the next "
                    "one needs the wizard and a new certificate on the virtual proxy.</p>"))
            .arg(connection.hostAndPort.toHtmlEscaped(), connection.userName.toHtmlEscaped(),
                 controller->secretStoreLocation().toHtmlEscaped()));
    m_ui->revokeCheck->setVisible(cloud);
    m_ui->revokeHint->setVisible(cloud);
    m_ui->revokeHint->setText(tr("Revoked, it stops working for Dawiso too: Dawiso stops reading Qlik until it is "
                                 "given a new key."));
    m_forgetButton = m_ui->buttonBox->addButton(tr("&Forget"), QDialogButtonBox::DestructiveRole);
    m_forgetButton->setObjectName(QStringLiteral("forgetButton"));
    connect(m_forgetButton, &QPushButton::clicked, this, &ForgetDialog::forget);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ForgetDialog::reject);
    connect(m_removal, &SavedConnectionRemoval::progress, this,
            [this](const QString &message) { m_ui->statusPanel->showBusy(message, false); });
    connect(m_removal, &SavedConnectionRemoval::finished, this, &ForgetDialog::onFinished);
}

ForgetDialog::~ForgetDialog() = default;

void ForgetDialog::forget()
{
    m_forgetButton->setEnabled(false);
    m_ui->revokeCheck->setEnabled(false);
    m_removal->start(m_connection, m_ui->revokeCheck->isVisible() && m_ui->revokeCheck->isChecked());
}

void ForgetDialog::reject()
{
    // A revocation or removal in flight finishes first: stopping half-way would leave entries behind.
    if (m_removal->isRunning())
        return;
    QDialog::reject();
}

void ForgetDialog::onFinished(const SavedConnectionRemoval::Result &result)
{
    QStringList lines;
    for (const QString &line : result.whereThingsAre)
        lines << line.toHtmlEscaped();
    const QString where = lines.join(QStringLiteral("<br>"));
    if (!result.removed) {
        m_forgetButton->setEnabled(true);
        m_ui->revokeCheck->setEnabled(true);
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Error, result.problem.message,
                                       result.problem.advice.toHtmlEscaped(), result.problem.detail);
        return;
    }
    emit forgotten();
    m_ui->revokeCheck->hide();
    m_ui->revokeHint->hide();
    // Taken out of the box, which would show a hidden button again whenever it lays itself out.
    m_ui->buttonBox->removeButton(m_forgetButton);
    m_forgetButton->deleteLater();
    m_forgetButton = nullptr;
    m_ui->buttonBox->setStandardButtons(QDialogButtonBox::Close);
    m_ui->statusPanel->showMessage(MessagePanel::Kind::Success, tr("The connection was forgotten."), where);
}

} // namespace Dawiso
