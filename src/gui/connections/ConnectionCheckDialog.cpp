#include "connections/ConnectionCheckDialog.h"

#include "connections/ReportVerdictMessage.h"
#include "connections/SavedConnectionCheck.h"
#include "dialogs/ReportSaving.h"
#include "ui_ConnectionCheckDialog.h"
#include "widgets/MessagePanel.h"

#include <QPushButton>

namespace Dawiso {

ConnectionCheckDialog::ConnectionCheckDialog(const SavedConnection &connection, DeploymentFlow *flow,
                                             SecretStore *store, ConnectionIndex *index, QWidget *parent)
    : QDialog(parent)
    , m_ui(std::make_unique<Ui::ConnectionCheckDialog>())
    , m_connection(connection)
    , m_check(new SavedConnectionCheck(flow, store, index, this))
{
    m_ui->setupUi(this);
    setWindowTitle(tr("Check %1 again").arg(connection.hostAndPort));
    m_ui->introLabel->setText(
        tr("The check uses the %1 stored for <b>%2</b> the way Dawiso will, and changes nothing in Qlik.",
           "the noun: key or token, then the host")
            .arg(connection.kind == DeploymentKind::QlikSenseEnterprise ? tr("token") : tr("key"),
                 connection.hostAndPort.toHtmlEscaped()));
    m_ui->statusPanel->clear();
    m_againButton = m_ui->buttonBox->addButton(tr("Check &again"), QDialogButtonBox::ActionRole);
    m_againButton->setObjectName(QStringLiteral("againButton"));
    m_saveReportButton = m_ui->buttonBox->addButton(tr("&Save report…"), QDialogButtonBox::ActionRole);
    m_saveReportButton->setObjectName(QStringLiteral("saveReportButton"));
    m_saveReportButton->setEnabled(false);
    m_againButton->setEnabled(false);
    connect(m_ui->buttonBox, &QDialogButtonBox::rejected, this, &ConnectionCheckDialog::reject);
    connect(m_againButton, &QPushButton::clicked, this, &ConnectionCheckDialog::start);
    connect(m_saveReportButton, &QPushButton::clicked, this, &ConnectionCheckDialog::saveReport);
    connect(m_ui->statusPanel, &MessagePanel::stopRequested, m_check, &SavedConnectionCheck::cancel);
    connect(m_check, &SavedConnectionCheck::progress, this,
            [this](const QString &message) { m_ui->statusPanel->showBusy(message); });
    connect(m_check, &SavedConnectionCheck::checkChanged, m_ui->checkList, &CheckListWidget::updateCheck);
    connect(m_check, &SavedConnectionCheck::finished, this, &ConnectionCheckDialog::onFinished);
}

ConnectionCheckDialog::~ConnectionCheckDialog() = default;

void ConnectionCheckDialog::start()
{
    if (m_check->isRunning())
        return;
    m_report = ConnectionReport();
    m_saveReportButton->setEnabled(false);
    m_againButton->setEnabled(false);
    m_ui->checkList->setChecks(m_check->plannedChecks(m_connection));
    m_check->start(m_connection);
}

bool ConnectionCheckDialog::isChecking() const
{
    return m_check->isRunning();
}

void ConnectionCheckDialog::reject()
{
    // Closing stops the check; its report still reaches the list.
    m_check->cancel();
    QDialog::reject();
}

void ConnectionCheckDialog::onFinished(const ConnectionReport &report)
{
    m_report = report;
    for (const CheckResult &result : report.checks)
        m_ui->checkList->updateCheck(result);
    m_ui->statusPanel->show(ReportVerdictMessage::kindOf(report), ReportVerdictMessage::of(report));
    m_saveReportButton->setEnabled(report.checkedAt.isValid());
    m_againButton->setEnabled(true);
    emit checked(report);
}

void ConnectionCheckDialog::saveReport()
{
    ReportSaving::ask(this, m_report, m_ui->statusPanel);
}

} // namespace Dawiso
