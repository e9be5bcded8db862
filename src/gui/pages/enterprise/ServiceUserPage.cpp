#include "pages/enterprise/ServiceUserPage.h"

#include "enterprise/EnterpriseFlow.h"
#include "enterprise/ReadRule.h"
#include "enterprise/ServiceUserLookup.h"
#include "setup/SetupController.h"
#include "ui_ServiceUserPage.h"
#include "widgets/MessagePanel.h"

#include <QTimer>

namespace Dawiso {

ServiceUserPage::ServiceUserPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::ServiceUserPage>())
    , m_flow(flow)
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    m_ui->userPanel->clear();
    m_ui->ruleText->setFixedHeight(m_ui->ruleText->fontMetrics().lineSpacing() * 6);
    // A short list: the search narrows it, and the explanation below stays in view.
    m_ui->usersList->setMaximumHeight(m_ui->usersList->fontMetrics().lineSpacing() * 7);
    m_ui->searchButton->setDefault(false);
    for (QRadioButton *radio : {m_ui->existingRadio, m_ui->newRadio}) {
        connect(radio, &QRadioButton::toggled, this, [this](bool on) {
            if (on)
                choiceChanged();
        });
    }
    connect(m_ui->readRuleRadio, &QRadioButton::toggled, this, [this] {
        m_ui->ruleText->setEnabled(m_ui->readRuleRadio->isChecked());
        emit completeChanged();
    });
    connect(m_ui->searchButton, &QPushButton::clicked, this, &ServiceUserPage::search);
    connect(m_ui->searchEdit, &QLineEdit::returnPressed, this, &ServiceUserPage::search);
    connect(m_ui->usersList, &QListWidget::currentRowChanged, this, &ServiceUserPage::userPicked);
    connect(m_ui->userIdEdit, &QLineEdit::textEdited, this, &ServiceUserPage::newUserEdited);
    connect(m_ui->directoryCombo, &QComboBox::currentTextChanged, this, &ServiceUserPage::newUserEdited);
    connect(m_ui->userIdEdit, &QLineEdit::editingFinished, this, [this] {
        if (m_ui->newRadio->isChecked() && canLookUp() && typedUser().isValid() && !m_lookedUp)
            m_flow->serviceUserLookup()->lookUp(typedUser().userDirectory, typedUser().userId);
    });
    connect(m_ui->statusPanel, &MessagePanel::stopRequested, this, [this] {
        m_flow->serviceUserLookup()->cancel();
        m_ui->statusPanel->clear();
    });
    updatePracticeBanner();
}

ServiceUserPage::~ServiceUserPage() = default;

bool ServiceUserPage::canLookUp() const
{
    return m_flow->adminAccess().method != AdminAccess::Method::None;
}

void ServiceUserPage::initializePage()
{
    ServiceUserLookup *lookup = m_flow->serviceUserLookup();
    connect(lookup, &ServiceUserLookup::searchFinished, this, &ServiceUserPage::showSearchResult, Qt::UniqueConnection);
    connect(lookup, &ServiceUserLookup::lookUpFinished, this, &ServiceUserPage::showLookUp, Qt::UniqueConnection);
    m_ui->existingRadio->setEnabled(canLookUp());
    if (!canLookUp()) {
        m_ui->newRadio->setChecked(true);
        m_ui->newNote->setText(tr("Without your sign-in the wizard cannot look users up: enter the service user's "
                                  "directory and ID as the QMC shows them under Users. A user Qlik has not met yet is "
                                  "created the first time Dawiso signs in through its virtual proxy."));
    }
    if (m_ui->searchEdit->text().isEmpty() && canLookUp())
        m_ui->searchEdit->setText(QStringLiteral("dawiso"));
    choiceChanged();
    if (canLookUp() && m_found.isEmpty())
        search();
}

void ServiceUserPage::cleanupPage()
{
    m_flow->serviceUserLookup()->cancel();
    m_ui->statusPanel->clear();
}

ServiceUser ServiceUserPage::typedUser() const
{
    ServiceUser user;
    user.userDirectory = m_ui->directoryCombo->currentText().trimmed();
    user.userId = m_ui->userIdEdit->text().trimmed();
    return user;
}

ContentCoverage ServiceUserPage::coverage() const
{
    return m_ui->readRuleRadio->isChecked() ? ContentCoverage::ReadRule : ContentCoverage::PublishedOnly;
}

void ServiceUserPage::choiceChanged()
{
    const bool existing = m_ui->existingRadio->isChecked();
    m_ui->existingPage->setVisible(existing);
    m_ui->newPage->setVisible(!existing);
    m_lookedUp = false;
    m_user = ServiceUser();
    m_ui->userPanel->clear();
    if (existing)
        userPicked();
    else
        newUserEdited();
    emit completeChanged();
}

void ServiceUserPage::search()
{
    m_ui->statusPanel->showBusy(tr("Searching the site's users…"));
    m_flow->serviceUserLookup()->search(m_ui->searchEdit->text());
}

void ServiceUserPage::showSearchResult(const QList<ServiceUser> &users, const QStringList &directories,
                                       const UserMessage &problem)
{
    m_ui->statusPanel->clear();
    const QString typedDirectory = m_ui->directoryCombo->currentText();
    m_ui->directoryCombo->clear();
    m_ui->directoryCombo->addItems(directories);
    if (!typedDirectory.isEmpty())
        m_ui->directoryCombo->setCurrentText(typedDirectory);
    if (!problem.isEmpty()) {
        m_ui->statusPanel->show(MessagePanel::Kind::Error, problem);
        return;
    }
    m_found = users;
    const QSignalBlocker blocker(m_ui->usersList);
    m_ui->usersList->clear();
    for (const ServiceUser &user : users) {
        QString text = user.name.isEmpty() ? user.account() : tr("%1 (%2)").arg(user.name, user.account());
        if (user.inactive)
            text = tr("%1, inactive").arg(text);
        m_ui->usersList->addItem(text);
    }
    if (users.isEmpty() && !m_ui->searchEdit->text().trimmed().isEmpty()) {
        m_ui->statusPanel->showMessage(
            MessagePanel::Kind::Info, tr("No user matches “%1”.").arg(m_ui->searchEdit->text().trimmed()),
            tr("Search for part of another name, or choose A new user to name one that Qlik has not met yet."));
    }
    if (users.size() == 1)
        m_ui->usersList->setCurrentRow(0);
    userPicked();
}

void ServiceUserPage::userPicked()
{
    m_lookedUp = false;
    m_user = ServiceUser();
    m_ui->userPanel->clear();
    const int row = m_ui->usersList->currentRow();
    if (row >= 0 && row < m_found.size()) {
        m_user = m_found.at(row);
        m_ui->userPanel->showBusy(tr("Checking %1's roles, access allocation and rules…").arg(m_user.account()), false);
        m_flow->serviceUserLookup()->lookUp(m_user.userDirectory, m_user.userId);
    }
    showRule();
    emit completeChanged();
}

void ServiceUserPage::newUserEdited()
{
    m_lookedUp = false;
    m_user = typedUser();
    m_ui->userPanel->clear();
    showRule();
    emit completeChanged();
}

void ServiceUserPage::showRule()
{
    const ServiceUser user = m_user.isValid() ? m_user : typedUser();
    if (!user.isValid()) {
        m_ui->ruleText->setPlainText(tr("Choose the user first: the rule names it."));
        return;
    }
    m_ui->ruleText->setPlainText(tr("Name: %1\nResource filter: %2\nActions: Read\nContext: Both in hub and QMC\n"
                                    "Conditions: %3")
                                     .arg(ReadRule::name(user), ReadRule::resourceFilter(), ReadRule::condition(user)));
}

void ServiceUserPage::showLookUp(const ServiceUser &user, const UserMessage &problem)
{
    const ServiceUser wanted = m_ui->existingRadio->isChecked() ? m_user : typedUser();
    if (user.account().compare(wanted.account(), Qt::CaseInsensitive) != 0)
        return; // an answer for a user no longer chosen
    if (!problem.isEmpty()) {
        m_ui->userPanel->show(MessagePanel::Kind::Error, problem);
        return;
    }
    m_user = user;
    m_lookedUp = true;
    if (user.hasReadRule)
        m_ui->readRuleRadio->setChecked(true);

    // The facts in one short line; what they mean and what to do below it.
    QStringList facts;
    QStringList advice;
    MessagePanel::Kind kind = MessagePanel::Kind::Success;
    if (!user.exists()) {
        facts << tr("Qlik has not met %1 yet.").arg(user.account());
        advice << tr("Qlik creates the user at its first sign-in through the virtual proxy.");
    } else if (user.isRootAdmin()) {
        facts << tr("%1 is a RootAdmin.").arg(user.account());
    } else {
        kind = MessagePanel::Kind::Warning;
        facts << tr("%1 is not a RootAdmin.").arg(user.account());
        advice << tr("Dawiso's documentation asks for one; without it Dawiso lists in the QMC only what security "
                     "rules give it. To give it the role: QMC ▸ Users ▸ %1 ▸ Edit ▸ Admin roles ▸ RootAdmin.")
                      .arg(user.account());
    }
    switch (user.allocation) {
    case ServiceUser::Allocation::Professional:
        facts << tr("It has professional access.");
        break;
    case ServiceUser::Allocation::Analyzer:
        facts << tr("It has analyzer access.");
        break;
    case ServiceUser::Allocation::None:
    case ServiceUser::Allocation::Unknown:
        kind = MessagePanel::Kind::Warning;
        facts << (user.allocation == ServiceUser::Allocation::None
                      ? tr("It has no access allocation.")
                      : tr("The wizard could not read its access allocation."));
        advice << tr("Without professional or analyzer access the engine refuses to open apps for it, so Dawiso "
                     "cannot read load scripts or data models. Allocate it in QMC ▸ License management ▸ "
                     "Professional access allocations ▸ Allocate (a user Qlik has not met yet can be allocated after "
                     "the first check, or by a license rule).");
        break;
    }
    if (user.hasReadRule)
        facts << tr("Dawiso's read rule for it exists already.");
    if (user.inactive) {
        kind = MessagePanel::Kind::Error;
        facts = QStringList {tr("%1 is inactive: Qlik refuses every sign-in as this user.").arg(user.account())};
        advice = QStringList {tr("Choose another user, or make it active again in QMC ▸ Users.")};
    }
    m_ui->userPanel->showMessage(kind, facts.join(QLatin1Char(' ')), advice.join(QLatin1Char(' ')));
    showRule();
    emit completeChanged();
}

bool ServiceUserPage::isComplete() const
{
    if (m_ui->existingRadio->isChecked())
        return m_lookedUp && m_user.isValid() && !m_user.inactive;
    const ServiceUser typed = typedUser();
    if (!typed.isValid())
        return false;
    return !canLookUp() || !m_lookedUp || !m_user.inactive;
}

bool ServiceUserPage::validatePage()
{
    ServiceUser chosen = m_user;
    if (m_ui->newRadio->isChecked()) {
        const ServiceUser typed = typedUser();
        if (typed.userId.contains(QLatin1Char('\\')) || typed.userDirectory.contains(QLatin1Char('\\'))) {
            m_ui->statusPanel->showMessage(MessagePanel::Kind::Error,
                                           tr("Enter the directory and the user ID in their own fields, without a "
                                              "backslash."),
                                           tr("For CORP\\svc_dawiso: directory CORP, user ID svc_dawiso."));
            return false;
        }
        if (!m_lookedUp || m_user.account().compare(typed.account(), Qt::CaseInsensitive) != 0)
            chosen = typed;
    }
    m_flow->setServiceUser(chosen, coverage());
    return true;
}

} // namespace Dawiso
