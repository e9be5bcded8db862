#include "pages/cloud/AutomationProgress.h"

#include "cloud/AutomatedSetup.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QPushButton>

namespace Dawiso {

AutomationProgress::AutomationProgress(AutomatedSetup *automation, MessagePanel *panel, QWidget *owner)
    : QObject(owner)
    , m_owner(owner)
    , m_copyLinkButton(panel->addActionButton(tr("Copy sign-in &link")))
{
    m_copyLinkButton->setObjectName(QStringLiteral("copySignInLinkButton"));
    m_copyLinkButton->setToolTip(tr("For when the browser did not open, or opened as the wrong person: paste the link "
                                    "into the browser you want."));
    m_copyLinkButton->hide();
    connect(m_copyLinkButton, &QPushButton::clicked, this, [automation] {
        QGuiApplication::clipboard()->setText(automation->signInUrl().toString(QUrl::FullyEncoded));
    });
    connect(panel, &MessagePanel::stopRequested, automation, &AutomatedSetup::cancel);
    connect(automation, &AutomatedSetup::progress, this, [this, automation, panel](const QString &message) {
        // A step announces its next request just before or after starting it, so whether the automation is busy
        // at that moment says nothing. Creating the key is offered no Stop: once asked, Qlik may create it either
        // way, and its answer is the only way to the key (see QlikStep::Completion).
        if (m_owner->isVisible())
            panel->showBusy(message, automation->isCancellable());
    });
    connect(automation, &AutomatedSetup::waitingForBrowser, this,
            [this, panel](const QString &message, const QString &advice) {
                if (m_owner->isVisible())
                    panel->showBusy(message, true, advice);
            });
    connect(automation, &AutomatedSetup::stopped, this, [this] {
        if (!m_owner->isVisible())
            return;
        m_copyLinkButton->hide();
        emit stopped();
    });
}

void AutomationProgress::setCopyLinkOffered(bool offered)
{
    m_copyLinkButton->setVisible(offered);
}

} // namespace Dawiso
