#include "pages/SetupPage.h"

#include "setup/SetupController.h"
#include "widgets/MessagePanel.h"
#include "widgets/PracticeBanner.h"

#include <QBoxLayout>
#include <QDesktopServices>

namespace Dawiso {

SetupPage::SetupPage(SetupController *controller, QWidget *parent)
    : QWizardPage(parent)
    , m_controller(controller)
{ }

void SetupPage::updatePracticeBanner()
{
    if (!m_practiceBanner) {
        auto *pageLayout = qobject_cast<QBoxLayout *>(layout());
        if (!m_controller->isPracticeRun() || !pageLayout)
            return;
        m_practiceBanner = new PracticeBanner(this);
        pageLayout->insertWidget(0, m_practiceBanner);
    }
    m_practiceBanner->setVisible(m_controller->isPracticeRun());
}

void SetupPage::openTenantPage(const QUrl &url, MessagePanel *panel, const QString &practiceAdvice)
{
    if (m_controller->isPracticeRun()) {
        panel->showMessage(MessagePanel::Kind::Info,
                           tr("In a real run this opens %1 in your browser.").arg(url.toDisplayString()),
                           practiceAdvice.isEmpty()
                               ? tr("The simulated tenant already has the Dawiso Integration role and user, so you "
                                    "can tick this step and go on.")
                               : practiceAdvice);
        return;
    }
    if (!QDesktopServices::openUrl(url)) {
        panel->showMessage(MessagePanel::Kind::Warning, tr("No web browser could be opened."),
                           tr("Open this address in your browser yourself: %1").arg(url.toDisplayString()));
    }
}

} // namespace Dawiso
