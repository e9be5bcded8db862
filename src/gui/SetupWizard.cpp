#include "SetupWizard.h"

#include "PixelIcon.h"
#include "dialogs/AboutDialog.h"
#include "dialogs/MessageBox.h"
#include "net/CertificateSummary.h"
#include "net/TlsTrust.h"
#include "pages/DeploymentPage.h"
#include "pages/FinishPage.h"
#include "pages/HostPage.h"
#include "pages/SaveAndCheckPage.h"
#include "practice/PracticeServerLoader.h"
#include "practice/PracticeSignInDialog.h"
#include "practice/PracticeTenant.h"
#include "setup/SetupController.h"

#include <QAbstractButton>
#include <QDesktopServices>
#include <QIcon>
#include <QMessageBox>

#include <algorithm>

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
    // The practice run simulates the deployment chosen, which leaving the page records: it starts on the way.
    connect(m_deploymentPage, &DeploymentPage::practiceRequested, this, [this] {
        preparePracticeRun();
        next();
    });
    // A saved connection whose keychain entry has gone: the same host, through the wizard again.
    connect(m_deploymentPage, &DeploymentPage::setUpAgainRequested, this, [this](const SavedConnection &connection) {
        setInitialHost(connection.hostAndPort);
        next();
    });
    updateTitle();
}

SetupWizard::~SetupWizard() = default;

void SetupWizard::addDeployment(std::unique_ptr<DeploymentPages> pages)
{
    pages->attach(this);
    m_deploymentPage->offer(pages->kind());
    // One branch per deployment, as the controller holds one flow per deployment: a newer one takes the place of the
    // one before (its pages are not built yet; the wizard builds them on the way).
    const DeploymentKind kind = pages->kind();
    m_branches.erase(
        std::remove_if(m_branches.begin(), m_branches.end(),
                       [kind](const std::unique_ptr<DeploymentPages> &branch) { return branch->kind() == kind; }),
        m_branches.end());
    m_branches.push_back(std::move(pages));
}

QList<int> SetupWizard::route() const
{
    QList<int> route {DeploymentPageId, HostPageId};
    for (const std::unique_ptr<DeploymentPages> &branch : m_branches) {
        if (branch->kind() == m_controller->deployment()) {
            route << branch->pageIds();
            break;
        }
    }
    route << SaveAndCheckPageId << FinishPageId;
    return route;
}

DeploymentPages *SetupWizard::branchOwning(int id) const
{
    for (const std::unique_ptr<DeploymentPages> &branch : m_branches) {
        if (branch->pageIds().contains(id))
            return branch.get();
    }
    return nullptr;
}

int SetupWizard::nextId() const
{
    // The later pages may not exist yet (see ensurePage()).
    const QList<int> pages = route();
    const qsizetype at = pages.indexOf(currentId());
    return at >= 0 && at + 1 < pages.size() ? pages.at(at + 1) : -1;
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
    if (SetupPage *created = createPage(id)) {
        m_pages << created;
        setPage(id, created);
    }
}

SetupPage *SetupWizard::createPage(int id)
{
    switch (id) {
    case HostPageId:
        m_hostPage = new HostPage(m_controller);
        m_hostPage->setInitialHost(m_initialHost);
        return m_hostPage;
    case SaveAndCheckPageId:
        return new SaveAndCheckPage(m_controller);
    case FinishPageId:
        return new FinishPage(m_controller);
    default:
        break;
    }
    DeploymentPages *branch = branchOwning(id);
    return branch ? branch->createPage(id) : nullptr;
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
    if (m_practiceTenant || m_practiceSite)
        return true;
    return m_controller->deployment() == DeploymentKind::QlikSenseEnterprise ? startPracticeSite()
                                                                             : startPracticeTenant();
}

bool SetupWizard::startPracticeTenant()
{
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
    PracticeCredentials credentials = tenant->credentials();
    credentials.samples = tenant->samples();
    practiceStarted(credentials, tenant->hostAndPort());
    return true;
}

bool SetupWizard::startPracticeSite()
{
    QString problem;
    std::unique_ptr<PracticeSite> site =
        m_practiceSiteFactory ? m_practiceSiteFactory() : PracticeServerLoader::loadSite(&problem);
    if (!site) {
        QMessageBox::warning(this, tr("Practice run"),
                             tr("%1 Reinstall Dawiso Qlik Setup to get the practice run back; everything else works "
                                "without it.")
                                 .arg(problem));
        return false;
    }
    if (!site->start()) {
        QMessageBox::warning(this, tr("Practice run"),
                             tr("The simulated Qlik Sense site could not start, because no local network port could "
                                "be opened or its certificates could not be written to a temporary folder. Check "
                                "that no security software blocks programs from listening on 127.0.0.1, then try "
                                "again."));
        return false;
    }
    // Its proxy's certificate, for its address only: the practice run skips the trust step a real site asks for.
    m_controller->tlsTrust()->pin(site->proxyHostAndPort(), CertificateSummary::sha256(site->proxyCertificate()));
    const PracticeCredentials credentials = site->credentials();
    const QString host = site->proxyHostAndPort();
    m_practiceSite = std::move(site);
    practiceStarted(credentials, host);
    return true;
}

void SetupWizard::practiceStarted(const PracticeCredentials &credentials, const QString &host)
{
    m_practicePending = false;
    m_controller->setPracticeRun(true, credentials);
    setInitialHost(host);
    for (SetupPage *page : std::as_const(m_pages))
        page->updatePracticeBanner();
    updateTitle();
}

void SetupWizard::openSignInPage(const QUrl &url)
{
    if (m_practiceTenant) {
        // A browser would refuse the practice tenant's certificate; the practice dialog plays its part.
        auto *dialog = new PracticeSignInDialog(m_practiceTenant->server(), url,
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
    const QuitRisk risk = m_controller->quitRisk();
    if (!risk.isNone()) {
        const auto answer = MessageBox::question(this, risk.title, risk.text,
                                                 QMessageBox::Discard | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Discard)
            return;
    }
    QWizard::reject();
}

void SetupWizard::done(int result)
{
    // However the wizard ends, the sign-ins and the credential in memory end with it (the keychain keeps it).
    m_controller->endRun();
    QWizard::done(result);
}

} // namespace Dawiso
