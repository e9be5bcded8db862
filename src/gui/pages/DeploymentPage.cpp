#include "pages/DeploymentPage.h"

#include "PixelIcon.h"
#include "connections/SavedConnectionsPanel.h"
#include "secrets/ConnectionIndex.h"
#include "setup/SetupController.h"
#include "ui_DeploymentPage.h"

#include <QLabel>

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
    // A practice run simulates the deployment chosen: a Qlik Cloud tenant, or a Qlik Sense site.
    connect(m_ui->practiceButton, &QCommandLinkButton::clicked, this, &DeploymentPage::practiceRequested);
    // Coming back: what was set up before comes first. Built only when there is something to show, so that a first
    // start reads no keychain.
    if (!controller->connectionIndex()->connections().isEmpty()) {
        m_savedConnections = new SavedConnectionsPanel(controller, this);
        m_ui->pageLayout->insertWidget(0, m_savedConnections);
        m_ui->pageLayout->insertSpacing(1, 12);
        auto *newHeading = new QLabel(tr("Set up a new connection"), this);
        newHeading->setObjectName(QStringLiteral("newConnectionHeading"));
        newHeading->setStyleSheet(QStringLiteral("font-weight: 600;"));
        m_ui->pageLayout->insertWidget(2, newHeading);
        connect(m_savedConnections, &SavedConnectionsPanel::countChanged, this, [this](int count) {
            m_savedConnections->setVisible(count > 0 && !this->controller()->isPracticeRun());
        });
        connect(m_savedConnections, &SavedConnectionsPanel::setUpAgainRequested, this,
                [this](const SavedConnection &connection) {
                    QRadioButton *radio =
                        connection.kind == DeploymentKind::QlikSenseEnterprise ? m_ui->onPremRadio : m_ui->cloudRadio;
                    if (radio->isEnabled())
                        radio->setChecked(true);
                    emit setUpAgainRequested(connection);
                });
    }
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
    // A practice run is about the simulated Qlik only.
    if (m_savedConnections) {
        const bool shown = m_savedConnections->count() > 0 && !controller()->isPracticeRun();
        m_savedConnections->setVisible(shown);
        if (auto *heading = findChild<QLabel *>(QStringLiteral("newConnectionHeading")))
            heading->setVisible(shown);
    }
}

bool DeploymentPage::hasHeightForWidth() const
{
    // A page with a height for width makes the wizard try width after width for the page's height while the window
    // opens, and each try lays out the page's wrapped text completely: a few dozen layouts, most of what the
    // first page cost at start-up. The window's minimum size leaves this short page ample room, and the page's own
    // layout still wraps the text to the width it gets.
    return false;
}

void DeploymentPage::offer(DeploymentKind kind)
{
    if (kind == DeploymentKind::QlikCloud)
        return; // offered from the start
    m_ui->onPremRadio->setEnabled(true);
    m_ui->onPremRadio->setToolTip(QString());
    m_ui->onPremDetails->setText(
        tr("Your Qlik Sense runs on your own Windows servers.\n\nYou need: the RootAdmin role in the QMC, and either "
           "your Windows account or a certificate bundle exported from the QMC for the QRS API (port 4242).\n\nThe "
           "wizard will: check your server and its certificate, sign you in, choose Dawiso's service user, set up a "
           "JWT virtual proxy for it and store the token Dawiso will use."));
}

bool DeploymentPage::validatePage()
{
    const QRadioButton *chosen = m_ui->onPremRadio->isChecked() ? m_ui->onPremRadio : m_ui->cloudRadio;
    if (!chosen->isChecked() || !chosen->isEnabled())
        return false;
    controller()->setDeployment(chosen == m_ui->onPremRadio ? DeploymentKind::QlikSenseEnterprise
                                                            : DeploymentKind::QlikCloud);
    // Once a real run has gone past this page, a practice run started here would mix the simulated tenant with what
    // is entered for the real one.
    if (!controller()->isPracticeRun())
        withdrawPracticeOffer();
    return true;
}

} // namespace Dawiso
