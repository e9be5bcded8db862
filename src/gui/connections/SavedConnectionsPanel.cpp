#include "connections/SavedConnectionsPanel.h"

#include "ResourceIcon.h"
#include "clipboard/StoredSecretCopier.h"
#include "common/Clock.h"
#include "common/ExpiryText.h"
#include "connections/CalendarReminder.h"
#include "connections/ConnectionCheckDialog.h"
#include "connections/ForgetDialog.h"
#include "connections/RotationDialog.h"
#include "reminders/CalendarReminderLauncher.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretStoreJob.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"
#include "ui_SavedConnectionsPanel.h"
#include "widgets/MessagePanel.h"

#include <QHeaderView>
#include <QLocale>

namespace Dawiso {

namespace {

enum Column { HostColumn, UserColumn, KeyColumn, CheckColumn };

QIcon statusIcon(const QString &name)
{
    return ResourceIcon::get(QStringLiteral(":/icons/%1.svg").arg(name));
}

} // namespace

SavedConnectionsPanel::SavedConnectionsPanel(SetupController *controller, QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::SavedConnectionsPanel>())
    , m_controller(controller)
    , m_copier(new StoredSecretCopier(this))
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    m_ui->clipboardLabel->hide();
    m_ui->copyButton->setIcon(ResourceIcon::get(QStringLiteral(":/icons/copy.svg")));
    m_ui->connectionList->header()->setStretchLastSection(true);
    m_ui->connectionList->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    connect(m_ui->connectionList, &QTreeWidget::itemSelectionChanged, this, &SavedConnectionsPanel::updateButtons);
    connect(m_ui->connectionList, &QTreeWidget::itemActivated, this, &SavedConnectionsPanel::checkAgain);
    connect(m_ui->checkButton, &QPushButton::clicked, this, &SavedConnectionsPanel::checkAgain);
    connect(m_ui->rotateButton, &QPushButton::clicked, this, &SavedConnectionsPanel::renew);
    connect(m_ui->copyButton, &QPushButton::clicked, this, &SavedConnectionsPanel::copy);
    connect(m_ui->reminderButton, &QPushButton::clicked, this, &SavedConnectionsPanel::addReminder);
    connect(m_ui->forgetButton, &QPushButton::clicked, this, &SavedConnectionsPanel::forget);
    connect(m_ui->setUpAgainButton, &QPushButton::clicked, this, [this] {
        if (const auto connection = selected())
            emit setUpAgainRequested(*connection);
    });
    connect(m_copier, &StoredSecretCopier::statusChanged, this, [this](const QString &status) {
        m_ui->clipboardLabel->setText(status);
        m_ui->clipboardLabel->show();
    });
    connect(m_copier, &StoredSecretCopier::failed, this,
            [this](const UserMessage &problem) { m_ui->statusPanel->show(MessagePanel::Kind::Error, problem); });
    reload();
}

SavedConnectionsPanel::~SavedConnectionsPanel() = default;

void SavedConnectionsPanel::reload()
{
    const std::optional<SavedConnection> before = selected();
    m_connections = m_controller->connectionIndex()->connections();
    m_missing = QList<bool>(m_connections.size(), false);
    fill();
    int row = 0;
    for (int i = 0; before && i < m_connections.size(); ++i) {
        if (m_connections.at(i).kind == before->kind && m_connections.at(i).hostAndPort == before->hostAndPort)
            row = i;
    }
    select(row);
    // Whether each entry is still in the keychain: read, and the secret dropped at once.
    const int generation = ++m_generation;
    for (int i = 0; i < m_connections.size(); ++i) {
        const SavedConnection &connection = m_connections.at(i);
        SecretStoreJob *job = m_controller->readStoredCredential(connection);
        connect(job, &SecretStoreJob::finished, this,
                [this, generation, i](SecretStoreJob *done) { onPresence(generation, i, done); });
    }
    emit countChanged(count());
}

void SavedConnectionsPanel::onPresence(int generation, int row, SecretStoreJob *job)
{
    QByteArray secret = job->secret();
    SecureMemory::wipe(secret);
    if (generation != m_generation || row >= m_missing.size())
        return;
    m_missing[row] = job->error() == SecretStoreError::NotFound;
    if (QTreeWidgetItem *item = m_ui->connectionList->topLevelItem(row))
        describe(item, m_connections.at(row), m_missing.at(row));
    updateButtons();
}

void SavedConnectionsPanel::fill()
{
    m_ui->connectionList->clear();
    for (int i = 0; i < m_connections.size(); ++i) {
        auto *item = new QTreeWidgetItem(m_ui->connectionList);
        describe(item, m_connections.at(i), m_missing.at(i));
    }
    // Room for a few rows without scrolling, no more: the choice of a new deployment stays on the page.
    const int rows = qBound(1, int(m_connections.size()), 4);
    const int rowHeight = m_connections.isEmpty() ? m_ui->connectionList->fontMetrics().height() + 6
                                                  : m_ui->connectionList->sizeHintForRow(0);
    m_ui->connectionList->setFixedHeight(m_ui->connectionList->header()->sizeHint().height() + rows * rowHeight
                                         + 2 * m_ui->connectionList->frameWidth());
}

void SavedConnectionsPanel::describe(QTreeWidgetItem *item, const SavedConnection &connection, bool missing) const
{
    const bool enterprise = connection.kind == DeploymentKind::QlikSenseEnterprise;
    const QString host = enterprise && !connection.virtualProxyPrefix.isEmpty()
        ? connection.hostAndPort + QLatin1Char('/') + connection.virtualProxyPrefix
        : connection.hostAndPort;
    item->setText(HostColumn, host);
    item->setToolTip(HostColumn, enterprise ? tr("Qlik Sense Enterprise on Windows") : tr("Qlik Cloud"));
    item->setText(UserColumn, connection.userName);

    const QDateTime now = Clock::currentDateTimeUtc();
    const QString noun = enterprise ? tr("Token") : tr("Key");
    QString keyText;
    QString keyIcon = QStringLiteral("status-ok");
    if (missing) {
        keyText = tr("Not in the keychain any more");
        keyIcon = QStringLiteral("status-error");
    } else if (!connection.keyExpiry.isValid()) {
        keyText = tr("%1 expiry not known", "Key or Token").arg(noun);
        keyIcon = QStringLiteral("status-info");
    } else if (connection.keyExpiry <= now) {
        keyText = tr("Expired on %1")
                      .arg(QLocale().toString(connection.keyExpiry.toLocalTime().date(), QLocale::ShortFormat));
        keyIcon = QStringLiteral("status-error");
    } else {
        const int days = ExpiryText::daysUntil(connection.keyExpiry, now);
        keyText = tr("Expires in %n day(s)", nullptr, days);
        if (days <= SoonDays)
            keyIcon = QStringLiteral("status-warning");
    }
    item->setText(KeyColumn, keyText);
    item->setIcon(KeyColumn, statusIcon(keyIcon));
    const QString idSentence = connection.keyId.isEmpty() ? QString() : tr("Its id is %1.").arg(connection.keyId);
    item->setToolTip(KeyColumn,
                     missing ? tr("The keychain entry was removed outside this program. Set up again, or "
                                  "forget the connection.")
                             : ExpiryText::sentence(connection.keyExpiry, now) + QLatin1Char(' ') + idSentence);
    QFont font = item->font(KeyColumn);
    font.setBold(keyIcon != QLatin1String("status-ok"));
    item->setFont(KeyColumn, font);

    QString checkText = tr("Never checked");
    QString checkIcon = QStringLiteral("status-pending");
    if (connection.lastCheckedAt.isValid()) {
        const QString date = QLocale().toString(connection.lastCheckedAt.toLocalTime().date(), QLocale::ShortFormat);
        switch (connection.lastCheck) {
        case SavedConnection::LastCheck::Usable:
            checkText = tr("Usable, %1").arg(date);
            checkIcon = QStringLiteral("status-ok");
            break;
        case SavedConnection::LastCheck::Blocked:
            checkText = tr("Failed, %1").arg(date);
            checkIcon = QStringLiteral("status-error");
            break;
        case SavedConnection::LastCheck::Unreachable:
            checkText = tr("Not reached, %1").arg(date);
            checkIcon = QStringLiteral("status-error");
            break;
        case SavedConnection::LastCheck::None:
            break;
        }
    }
    item->setText(CheckColumn, checkText);
    item->setToolTip(CheckColumn,
                     connection.lastCheckedAt.isValid()
                         ? QLocale().toString(connection.lastCheckedAt.toLocalTime(), QLocale::LongFormat)
                         : QString());
    item->setIcon(CheckColumn, statusIcon(checkIcon));
}

std::optional<SavedConnection> SavedConnectionsPanel::selected() const
{
    const QList<QTreeWidgetItem *> items = m_ui->connectionList->selectedItems();
    if (items.isEmpty())
        return std::nullopt;
    const int row = m_ui->connectionList->indexOfTopLevelItem(items.first());
    if (row < 0 || row >= m_connections.size())
        return std::nullopt;
    return m_connections.at(row);
}

void SavedConnectionsPanel::select(int row)
{
    if (QTreeWidgetItem *item = m_ui->connectionList->topLevelItem(row))
        m_ui->connectionList->setCurrentItem(item);
    updateButtons();
}

void SavedConnectionsPanel::updateButtons()
{
    const std::optional<SavedConnection> connection = selected();
    const int row = connection ? m_ui->connectionList->indexOfTopLevelItem(m_ui->connectionList->currentItem()) : -1;
    const bool missing = row >= 0 && row < m_missing.size() && m_missing.at(row);
    const bool enterprise = connection && connection->kind == DeploymentKind::QlikSenseEnterprise;
    m_ui->checkButton->setEnabled(connection && !missing);
    m_ui->rotateButton->setEnabled(connection && !missing && m_controller->flowFor(connection->kind));
    m_ui->copyButton->setEnabled(connection && !missing);
    m_ui->copyButton->setText(enterprise ? tr("Cop&y token") : tr("Cop&y key"));
    m_ui->reminderButton->setEnabled(connection && connection->keyExpiry.isValid());
    m_ui->reminderButton->setToolTip(
        connection && connection->keyExpiry.isValid()
            ? tr("Add an event to your calendar %n day(s) before it expires.", nullptr, SoonDays)
            : tr("Qlik did not say when it expires, so there is no date for a reminder."));
    m_ui->setUpAgainButton->setVisible(missing);
    m_ui->forgetButton->setEnabled(bool(connection));
}

void SavedConnectionsPanel::checkAgain()
{
    const std::optional<SavedConnection> connection = selected();
    DeploymentFlow *flow = connection ? m_controller->flowFor(connection->kind) : nullptr;
    if (!flow)
        return;
    m_ui->statusPanel->clear();
    auto *dialog = new ConnectionCheckDialog(*connection, flow, m_controller->secretStore(),
                                             m_controller->connectionIndex(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ConnectionCheckDialog::checked, this, &SavedConnectionsPanel::reload);
    dialog->open();
    dialog->start();
}

void SavedConnectionsPanel::renew()
{
    const std::optional<SavedConnection> connection = selected();
    DeploymentFlow *flow = connection ? m_controller->flowFor(connection->kind) : nullptr;
    if (!flow)
        return;
    m_ui->statusPanel->clear();
    auto *dialog = new RotationDialog(*connection, flow, m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &RotationDialog::connectionChanged, this, &SavedConnectionsPanel::reload);
    dialog->open();
}

void SavedConnectionsPanel::copy()
{
    const std::optional<SavedConnection> connection = selected();
    if (!connection)
        return;
    m_ui->statusPanel->clear();
    if (m_copier->isReading())
        return;
    m_copier->copy(m_controller->readStoredCredential(*connection),
                   connection->kind == DeploymentKind::QlikSenseEnterprise ? tr("token") : tr("key"));
}

void SavedConnectionsPanel::addReminder()
{
    const std::optional<SavedConnection> connection = selected();
    if (!connection)
        return;
    const CalendarReminderLauncher::Outcome outcome = CalendarReminderLauncher::launch(*connection);
    m_ui->statusPanel->show(outcome.kind, outcome.said);
}

void SavedConnectionsPanel::forget()
{
    const std::optional<SavedConnection> connection = selected();
    DeploymentFlow *flow = connection ? m_controller->flowFor(connection->kind) : nullptr;
    if (!flow)
        return;
    m_ui->statusPanel->clear();
    auto *dialog = new ForgetDialog(*connection, flow, m_controller, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ForgetDialog::forgotten, this, &SavedConnectionsPanel::reload);
    dialog->open();
}

} // namespace Dawiso
