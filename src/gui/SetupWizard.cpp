#include "SetupWizard.h"

#include "dialogs/AboutDialog.h"
#include "pages/AccessPage.h"
#include "pages/DeploymentPage.h"
#include "pages/FinishPage.h"
#include "pages/HostPage.h"
#include "pages/KeyPage.h"
#include "pages/SavePage.h"
#include "practice/PracticeSignInDialog.h"
#include "practice/PracticeTenant.h"
#include "setup/AutomatedSetup.h"
#include "setup/SetupController.h"

#include <QAbstractButton>
#include <QDesktopServices>
#include <QIcon>
#include <QMessageBox>

namespace Dawiso {

SetupWizard::SetupWizard(SetupController *controller, QWidget *parent)
    : QWizard(parent)
    , m_controller(controller)
    , m_deploymentPage(new DeploymentPage(controller))
    , m_hostPage(new HostPage(controller))
    , m_accessPage(new AccessPage(controller))
    , m_keyPage(new KeyPage(controller))
    , m_savePage(new SavePage(controller))
    , m_finishPage(new FinishPage(controller))
{
    m_pages = {m_deploymentPage, m_hostPage, m_accessPage, m_keyPage, m_savePage, m_finishPage};
    setPage(DeploymentPageId, m_deploymentPage);
    setPage(HostPageId, m_hostPage);
    setPage(AccessPageId, m_accessPage);
    setPage(KeyPageId, m_keyPage);
    setPage(SavePageId, m_savePage);
    setPage(FinishPageId, m_finishPage);

    // One style on every platform, so that screenshots, documentation and tests agree.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveHelpButton, false);
    setWindowFlag(Qt::WindowContextHelpButtonHint, false);
    const QIcon appIcon(QStringLiteral(":/icons/dawiso-qlik-setup.svg"));
    setWindowIcon(appIcon);
    setPixmap(QWizard::LogoPixmap, appIcon.pixmap(48, 48));
    setButtonText(QWizard::FinishButton, tr("&Done"));
    // About on every page, on the left, away from the buttons that move through the steps.
    setOption(QWizard::HaveCustomButton1);
    setButtonText(QWizard::CustomButton1, tr("&About"));
    button(QWizard::CustomButton1)->setObjectName(QStringLiteral("aboutButton"));
    setButtonLayout({QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton, QWizard::NextButton,
                     QWizard::CommitButton, QWizard::FinishButton, QWizard::CancelButton});
    setMinimumSize(720, 600);

    connect(this, &QWizard::customButtonClicked, this, [this](int which) {
        if (which != QWizard::CustomButton1)
            return;
        AboutDialog about(this);
        about.exec();
    });
    connect(m_controller->automation(), &AutomatedSetup::browserNeeded, this, &SetupWizard::openSignInPage);
    connect(m_deploymentPage, &DeploymentPage::practiceRequested, this, [this] {
        if (startPracticeRun())
            next();
    });
    // The pasted text has no reason to stay in the key field once the keychain holds the key.
    connect(m_savePage, &SavePage::saved, m_keyPage, &KeyPage::clearPastedKey);
    updateTitle();
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::setInitialHost(const QString &host)
{
    m_hostPage->setInitialHost(host);
}

bool SetupWizard::startPracticeRun()
{
    if (m_controller->isPracticeRun())
        return true;
    auto *tenant = new PracticeTenant(this);
    if (!tenant->start(m_controller->tlsTrust())) {
        delete tenant;
        QMessageBox::warning(this, tr("Practice run"),
                             tr("The simulated tenant could not start, because no local network port could be "
                                "opened. Check that no security software blocks programs from listening on "
                                "127.0.0.1, then try again."));
        return false;
    }
    m_practiceTenant = tenant;
    m_controller->setPracticeRun(true, tenant->credentials());
    m_hostPage->setInitialHost(tenant->hostAndPort());
    m_keyPage->setPracticeSamples(tenant->samples());
    for (SetupPage *page : m_pages)
        page->updatePracticeBanner();
    updateTitle();
    return true;
}

void SetupWizard::openSignInPage(AutomatedSetup::SignInRole, const QUrl &url)
{
    if (m_practiceTenant) {
        // A browser would refuse the practice tenant's certificate; the practice dialog plays its part.
        auto *dialog = new PracticeSignInDialog(m_practiceTenant->client(), url,
                                                m_controller->practiceCredentials().password, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        return;
    }
    if (!QDesktopServices::openUrl(url)) {
        auto *box = new QMessageBox(QMessageBox::Information, tr("Sign in to Qlik"),
                                    tr("No web browser could be opened. Press “Copy sign-in link” and paste the link "
                                       "into your browser's address bar."),
                                    QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

void SetupWizard::updateTitle()
{
    // The product's name leads (window lists, and the X11 WM_NAME that scripts search for); no display name is set
    // for Qt to append, so it appears once.
    setWindowTitle(m_controller->isPracticeRun() ? tr("Dawiso Qlik Setup — Practice run") : tr("Dawiso Qlik Setup"));
}

void SetupWizard::reject()
{
    // A verified key that is not stored yet would be lost: Qlik shows a key only once.
    if (m_controller->hasVerifiedKey() && !m_controller->saveResult().saved && !m_controller->isPracticeRun()) {
        const bool created = !m_controller->unsavedCreatedKeyId().isEmpty();
        const QString text = created
            ? tr("The wizard created a key in Qlik that is not stored yet. If you quit now, the key stays "
                 "active in Qlik but nobody has it: delete it there under Profile › Settings › API keys, or "
                 "stay and store it.")
            : tr("The key you pasted is not stored yet, and Qlik will not show it again. If you quit now, "
                 "you will have to generate a new key.");
        const auto answer = QMessageBox::question(this, tr("Quit without saving the key?"), text,
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    m_controller->automation()->forgetSignIns();
    m_controller->forgetKey();
    QWizard::reject();
}

} // namespace Dawiso
