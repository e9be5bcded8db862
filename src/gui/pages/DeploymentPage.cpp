#include "pages/DeploymentPage.h"

#include "setup/SetupController.h"
#include "ui_DeploymentPage.h"

namespace Dawiso {

DeploymentPage::DeploymentPage(SetupController *controller, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::DeploymentPage>())
{
    m_ui->setupUi(this);
    QFont bold = m_ui->cloudRadio->font();
    bold.setBold(true);
    m_ui->cloudRadio->setFont(bold);
    m_ui->onPremRadio->setFont(bold);
    m_ui->onPremRadio->setToolTip(tr("Coming in a later release."));
    m_ui->practiceButton->setIcon(QIcon(QStringLiteral(":/icons/practice.svg")));
    connect(m_ui->practiceButton, &QCommandLinkButton::clicked, this, &DeploymentPage::practiceRequested);
    installPracticeBanner();
}

DeploymentPage::~DeploymentPage() = default;

void DeploymentPage::initializePage()
{
    m_ui->practiceButton->setVisible(!controller()->isPracticeRun());
}

bool DeploymentPage::validatePage()
{
    controller()->setDeployment(DeploymentKind::QlikCloud);
    return m_ui->cloudRadio->isChecked();
}

} // namespace Dawiso
