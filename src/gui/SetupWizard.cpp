#include "SetupWizard.h"

#include "PixelIcon.h"
#include "cloud/AutomatedSetup.h"
#include "dialogs/AboutDialog.h"
#include "pages/DeploymentPage.h"
#include "pages/FinishPage.h"
#include "pages/HostPage.h"
#include "pages/SaveAndCheckPage.h"
#include "pages/cloud/AccessPage.h"
#include "pages/cloud/KeyPage.h"
#include "practice/PracticeServerLoader.h"
#include "practice/PracticeSignInDialog.h"
#include "practice/PracticeTenant.h"
#include "setup/SetupController.h"

#include <QAbstractButton>
#include <QDesktopServices>
#include <QIcon>
#include <QMessageBox>

namespace Dawiso {

namespace {
constexpr int logoSize = 48;
} // namespace

SetupWizard::SetupWizard(SetupController *controller, QWidget *parent)
    : QWizard(parent)
    , m_controller(controller)
    , m_deploymentPage(new DeploymentPage(controller))
{
    m_pages = {m_deploymentPage};
    setPage(DeploymentPageId, m_deploymentPage);

    // One style on every platform, so that screenshots, documentation and tests agree.
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::NoBackButtonOnLastPage);
    setOption(QWizard::HaveHelpButton, false);
    setWindowFlag(Qt::WindowContextHelpButtonHint, false);
    setWindowIcon(PixelIcon::icon(PixelIcons::appIcon));
    setPixmap(QWizard::LogoPixmap, PixelIcon::pixmap(PixelIcons::appIcon, logoSize, devicePixelRatio()));
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
        // Window-modal without a nested event loop: the wizard's work goes on behind it.
        auto *about = new AboutDialog(this);
        about->setAttribute(Qt::WA_DeleteOnClose);
        about->open();
    });
    connect(m_controller, &SetupController::signInBrowserNeeded, this, &SetupWizard::openSignInPage);
    connect(m_deploymentPage, &DeploymentPage::practiceRequested, this, [this] {
        if (startPracticeRun())
            next();
    });
    updateTitle();
}

SetupWizard::~SetupWizard() = default;

int SetupWizard::nextId() const
{
    // The steps follow each other in order; the later pages may not exist yet (see ensurePage()).
    return currentId() >= DeploymentPageId && currentId() < FinishPageId ? currentId() + 1 : -1;
}

bool SetupWizard::validateCurrentPage()
{
    if (!QWizard::validateCurrentPage())
        return false;
    if (m_practicePending && !startPracticeRun())
        return false;
    ensurePage(nextId());
    return true;
}

void SetupWizard::ensurePage(int id)
{
    if (id < 0 || page(id))
        return;
    SetupPage *created = nullptr;
    switch (PageId(id)) {
    case DeploymentPageId:
        return;
    case HostPageId:
        if (!m_controller->isPracticeRun())
            m_deploymentPage->withdrawPracticeOffer();
        m_hostPage = new HostPage(m_controller);
        m_hostPage->setInitialHost(m_initialHost);
        created = m_hostPage;
        break;
    case AccessPageId:
        created = new AccessPage(m_controller);
        break;
    case KeyPageId:
        m_keyPage = new KeyPage(m_controller);
        if (m_practiceTenant)
            m_keyPage->setPracticeSamples(m_practiceTenant->samples());
        created = m_keyPage;
        break;
    case SaveAndCheckPageId: {
        auto *savePage = new SaveAndCheckPage(m_controller);
        // The pasted text has no reason to stay in the key field once the keychain holds the key.
        if (m_keyPage)
            connect(savePage, &SaveAndCheckPage::saved, m_keyPage, &KeyPage::clearPastedKey);
        created = savePage;
        break;
    }
    case FinishPageId:
        created = new FinishPage(m_controller);
        break;
    }
    m_pages << created;
    setPage(id, created);
}

void SetupWizard::setInitialHost(const QString &host)
{
    m_initialHost = host;
    if (m_hostPage)
        m_hostPage->setInitialHost(host);
}

void SetupWizard::preparePracticeRun()
{
    if (m_controller->isPracticeRun())
        return;
    m_practicePending = true;
    m_controller->setPracticeRun(true); // the sign-in details come with the simulated tenant

    for (SetupPage *page : std::as_const(m_pages))
        page->updatePracticeBanner();
    updateTitle();
}

bool SetupWizard::startPracticeRun()
{
    if (m_practiceTenant)
        return true;
    QString problem;
    std::unique_ptr<PracticeServer> server =
        m_practiceServerFactory ? m_practiceServerFactory() : PracticeServerLoader::load(&problem);
    if (!server) {
        QMessageBox::warning(this, tr("Practice run"),
                             tr("%1 Reinstall Dawiso Qlik Setup to get the practice run back; everything else works "
                                "without it.")
                                 .arg(problem));
        return false;
    }
    auto *tenant = new PracticeTenant(std::move(server), this);
    if (!tenant->start(m_controller->tlsTrust())) {
        delete tenant;
        QMessageBox::warning(this, tr("Practice run"),
                             tr("The simulated tenant could not start, because no local network port could be "
                                "opened. Check that no security software blocks programs from listening on "
                                "127.0.0.1, then try again."));
        return false;
    }
    m_practiceTenant = tenant;
    m_practicePending = false;
    m_controller->setPracticeRun(true, tenant->credentials());
    setInitialHost(tenant->hostAndPort());
    if (m_keyPage)
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
    // What is at stake below is real only against a real tenant.
    if (m_controller->isPracticeRun()) {
        QWizard::reject();
        return;
    }
    // Qlik may create the key whether or not its answer is awaited; quitting now would leave a key nobody holds.
    if (m_controller->isCreatingKey()) {
        const auto answer = QMessageBox::question(
            this, tr("Quit while the key is being created?"),
            tr("Qlik is creating the API key right now; its answer takes a few seconds at most. If you quit now, "
               "the key may be created without anybody receiving it: you would then delete it in Qlik under "
               "Profile › Settings › API keys, signed in as Dawiso's user."),
            QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    // A verified key that is not stored yet would be lost: Qlik shows a key only once.
    if (m_controller->hasVerifiedKey() && !m_controller->saveResult().saved) {
        QString text;
        if (m_controller->isSaving()) {
            // A keychain write cannot be taken back: once asked, it may still land after the window has gone.
            text = tr("The key is being stored in this computer's keychain right now. If you quit now, it may or may "
                      "not end up stored; stay a moment to see it confirmed.");
        } else if (!m_controller->unsavedCreatedKeyId().isEmpty()) {
            text = tr("The wizard created a key in Qlik that is not stored yet. If you quit now, the key stays "
                      "active in Qlik but nobody has it: delete it there under Profile › Settings › API keys, or "
                      "stay and store it.");
        } else {
            text = tr("The key you pasted is not stored yet, and Qlik will not show it again. If you quit now, "
                      "you will have to generate a new key.");
        }
        const auto answer = QMessageBox::question(this, tr("Quit without saving the key?"), text,
                                                  QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QWizard::reject();
}

void SetupWizard::done(int result)
{
    // However the wizard ends, the sign-ins and the key in memory end with it (the keychain keeps the key).
    m_controller->forgetSignIns();
    m_controller->forgetKey();
    QWizard::done(result);
}

} // namespace Dawiso
