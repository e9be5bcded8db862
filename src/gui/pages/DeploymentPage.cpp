#include "pages/DeploymentPage.h"

#include "PixelIcon.h"
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
    m_ui->practiceButton->setIcon(PixelIcon::icon(PixelIcons::practice));
    connect(m_ui->practiceButton, &QCommandLinkButton::clicked, this, &DeploymentPage::practiceRequested);
    updatePracticeBanner();
}

DeploymentPage::~DeploymentPage() = default;

void DeploymentPage::withdrawPracticeOffer()
{
    m_practiceWithdrawn = true;
    m_ui->practiceButton->hide();
}

void DeploymentPage::initializePage()
{
    m_ui->practiceButton->setVisible(!controller()->isPracticeRun() && !m_practiceWithdrawn);
}

bool DeploymentPage::hasHeightForWidth() const
{
    // A page with a height for width makes the wizard try width after width for the page's height while the window
    // opens, and each try lays out the page's wrapped text completely: a few dozen layouts, most of what the
    // first page cost at start-up. The window's minimum size leaves this short page ample room, and the page's own
    // layout still wraps the text to the width it gets.
    return false;
}

bool DeploymentPage::validatePage()
{
    controller()->setDeployment(DeploymentKind::QlikCloud);
    return m_ui->cloudRadio->isChecked();
}

} // namespace Dawiso
