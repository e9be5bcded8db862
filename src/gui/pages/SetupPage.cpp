#include "pages/SetupPage.h"

#include "setup/SetupController.h"
#include "widgets/MessagePanel.h"

#include <QBoxLayout>
#include <QDesktopServices>
#include <QLabel>

namespace Dawiso {

SetupPage::SetupPage(SetupController *controller, QWidget *parent)
    : QWizardPage(parent)
    , m_controller(controller)
{ }

void SetupPage::installPracticeBanner()
{
    auto *pageLayout = qobject_cast<QBoxLayout *>(layout());
    if (!pageLayout)
        return;
    m_practiceBanner = new QLabel(this);
    m_practiceBanner->setObjectName(QStringLiteral("practiceBanner"));
    m_practiceBanner->setWordWrap(true);
    m_practiceBanner->setTextFormat(Qt::RichText);
    m_practiceBanner->setText(tr("<b>Practice run.</b> You are working with a Qlik tenant simulated on this computer. "
                                 "Nothing changes in your real Qlik, and the sample keys are not real keys."));
    m_practiceBanner->setAccessibleName(tr("Practice run"));
    // Amber, readable on light and dark palettes alike.
    m_practiceBanner->setStyleSheet(
        QStringLiteral("QLabel { background: rgba(240, 173, 78, 0.22); border: 1px solid rgba(240, 173, 78, 0.8);"
                       " border-radius: 4px; padding: 6px 8px; }"));
    pageLayout->insertWidget(0, m_practiceBanner);
    updatePracticeBanner();
}

void SetupPage::updatePracticeBanner()
{
    if (m_practiceBanner)
        m_practiceBanner->setVisible(m_controller->isPracticeRun());
}

void SetupPage::openTenantPage(const QUrl &url, MessagePanel *panel)
{
    if (m_controller->isPracticeRun()) {
        panel->showMessage(MessagePanel::Kind::Info,
                           tr("In a real run this opens %1 in your browser.").arg(url.toDisplayString()),
                           tr("The simulated tenant already has the Dawiso Integration role and user, so you can "
                              "tick this step and go on."));
        return;
    }
    if (!QDesktopServices::openUrl(url)) {
        panel->showMessage(MessagePanel::Kind::Warning, tr("No web browser could be opened."),
                           tr("Open this address in your browser yourself: %1").arg(url.toDisplayString()));
    }
}

} // namespace Dawiso
