#include "pages/cloud/AccessPage.h"

#include "ResourceIcon.h"
#include "cloud/CloudFlow.h"
#include "cloud/QlikCloudPages.h"
#include "pages/cloud/AccessAutomationPanel.h"
#include "setup/SetupController.h"
#include "ui_AccessPage.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QTimer>

namespace Dawiso {

AccessPage::AccessPage(SetupController *controller, CloudFlow *flow, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::AccessPage>())
    , m_automation(new AccessAutomationPanel(controller, flow))
{
    m_ui->setupUi(this);
    m_automation->setObjectName(QStringLiteral("accessAutomation"));
    m_ui->automatedPage->setWidget(m_automation);
    connect(m_ui->automateRadio, &QRadioButton::toggled, this, [this](bool automated) {
        m_ui->modeStack->setCurrentIndex(automated ? 1 : 0);
        setSubTitle(automated ? tr("Sign in as a tenant admin; the wizard sets up the role and gives it to the user "
                                   "you pick.")
                              : tr("Do these steps in Qlik as a tenant admin, then tick each one here."));
        if (automated)
            m_automation->prepare();
        emit completeChanged();
    });
    connect(m_automation, &AccessAutomationPanel::doneChanged, this, &AccessPage::completeChanged);
    m_ui->statusPanel->clear();
    m_ui->roleNameEdit->setText(suggestedRoleName());
    const QIcon external(QStringLiteral(":/icons/open-external.svg"));
    for (QPushButton *button : {m_ui->openPermissionsButton, m_ui->openUsersButton, m_ui->openSpacesButton})
        button->setIcon(external);
    m_ui->copyRoleButton->setIcon(ResourceIcon::get(QStringLiteral(":/icons/copy.svg")));

    auto open = [this](QlikCloudPages::Page page) {
        openTenantPage(QlikCloudPages::url(this->controller()->confirmedHost().baseUrl(), page), m_ui->statusPanel);
    };
    connect(m_ui->openPermissionsButton, &QPushButton::clicked, this,
            [open] { open(QlikCloudPages::Page::Permissions); });
    connect(m_ui->openUsersButton, &QPushButton::clicked, this, [open] { open(QlikCloudPages::Page::Users); });
    connect(m_ui->openSpacesButton, &QPushButton::clicked, this, [open] { open(QlikCloudPages::Page::Spaces); });
    connect(m_ui->copyRoleButton, &QPushButton::clicked, this, &AccessPage::copyRoleName);
    for (QCheckBox *step : {m_ui->createRoleCheck, m_ui->assignRoleCheck, m_ui->shareSpacesCheck})
        connect(step, &QCheckBox::toggled, this, &AccessPage::completeChanged);
    updatePracticeBanner();
}

AccessPage::~AccessPage() = default;

QString AccessPage::suggestedRoleName()
{
    return QStringLiteral("Dawiso Integration"); // a name in Qlik, the same in every language
}

void AccessPage::initializePage()
{
    m_ui->statusPanel->clear();
    if (isAutomated())
        m_automation->prepare();
}

bool AccessPage::isAutomated() const
{
    return m_ui->automateRadio->isChecked();
}

void AccessPage::cleanupPage()
{
    // Keep the ticks when the user goes back to change the address; the steps were still done.
}

bool AccessPage::isComplete() const
{
    if (isAutomated())
        return m_automation->isDone();
    return m_ui->createRoleCheck->isChecked() && m_ui->assignRoleCheck->isChecked()
        && m_ui->shareSpacesCheck->isChecked();
}

void AccessPage::copyRoleName()
{
    QGuiApplication::clipboard()->setText(m_ui->roleNameEdit->text());
    m_ui->copyRoleButton->setText(tr("Copied"));
    QTimer::singleShot(2000, m_ui->copyRoleButton, [button = m_ui->copyRoleButton] { button->setText(tr("&Copy")); });
}

} // namespace Dawiso
