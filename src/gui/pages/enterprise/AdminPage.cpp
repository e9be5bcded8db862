#include "pages/enterprise/AdminPage.h"

#include "dialogs/FileDialog.h"
#include "enterprise/AdminAccess.h"
#include "enterprise/EnterpriseFlow.h"
#include "enterprise/QmcPages.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"
#include "ui_AdminPage.h"
#include "widgets/MessagePanel.h"

#include <QDir>
#include <QFileInfo>
#include <QTimer>

namespace Dawiso {

namespace {

void showProblem(QLabel *label, const QString &problem)
{
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
}

// Takes the secret out of the field, so that the only copy left is the one about to be used and wiped.
QByteArray takeSecret(QLineEdit *edit)
{
    QString text = edit->text();
    QByteArray secret = text.toUtf8();
    SecureMemory::wipe(text);
    edit->clear();
    return secret;
}

} // namespace

AdminPage::AdminPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::AdminPage>())
    , m_flow(flow)
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    m_ui->findingsList->hide();
    const QColor problemColor = MessagePanel::accentColor(MessagePanel::Kind::Error, palette());
    for (QLabel *problem : {m_ui->certificateProblem, m_ui->keyProblem, m_ui->passphraseProblem, m_ui->rootProblem}) {
        problem->setStyleSheet(QStringLiteral("color: %1;").arg(problemColor.name()));
        problem->hide();
    }
    const QIcon external(QStringLiteral(":/icons/open-external.svg"));
    for (QPushButton *button :
         {m_ui->openUsersButton, m_ui->openNodesButton, m_ui->openProxiesButton, m_ui->openAppsButton})
        button->setIcon(external);

    for (QRadioButton *radio : {m_ui->windowsRadio, m_ui->certificateRadio, m_ui->guideRadio})
        connect(radio, &QRadioButton::toggled, this, [this](bool on) {
            if (on)
                methodChanged();
        });
    connect(m_ui->windowsSignInButton, &QPushButton::clicked, this, &AdminPage::signInWithWindowsAccount);
    connect(m_ui->passwordEdit, &QLineEdit::returnPressed, this, &AdminPage::signInWithWindowsAccount);
    connect(m_ui->certificateSignInButton, &QPushButton::clicked, this, &AdminPage::signInWithCertificates);
    connect(m_ui->browseCertificateButton, &QPushButton::clicked, this, [this] {
        browse(m_ui->certificateEdit, tr("Choose the client certificate"),
               tr("Client certificate (*.pem *.pfx *.p12 *.crt);;All files (*)"));
    });
    connect(m_ui->browseKeyButton, &QPushButton::clicked, this, [this] {
        browse(m_ui->keyEdit, tr("Choose the client's private key"), tr("Private key (*.pem *.key);;All files (*)"));
    });
    connect(m_ui->browseRootButton, &QPushButton::clicked, this, [this] {
        browse(m_ui->rootEdit, tr("Choose the site's root certificate"),
               tr("Root certificate (*.pem *.cer *.crt);;All files (*)"));
    });
    connect(m_ui->certificateEdit, &QLineEdit::textChanged, this, &AdminPage::updateKeyRow);
    connect(m_ui->guideConfirmCheck, &QCheckBox::toggled, this, &AdminPage::completeChanged);

    auto open = [this](QmcPages::Page page) {
        openTenantPage(QmcPages::url(this->controller()->confirmedHost().baseUrl(), page), m_ui->statusPanel,
                       tr("The simulated site has no QMC to show. Its administrator CORP\\qlikadmin is a RootAdmin, "
                          "so you can tick the box below and go on, or choose Windows account to see the wizard "
                          "read the same facts."));
    };
    connect(m_ui->openUsersButton, &QPushButton::clicked, this, [open] { open(QmcPages::Page::Users); });
    connect(m_ui->openNodesButton, &QPushButton::clicked, this, [open] { open(QmcPages::Page::Nodes); });
    connect(m_ui->openProxiesButton, &QPushButton::clicked, this, [open] { open(QmcPages::Page::Proxies); });
    connect(m_ui->openAppsButton, &QPushButton::clicked, this, [open] { open(QmcPages::Page::Apps); });

    connect(m_ui->statusPanel, &MessagePanel::stopRequested, this, [this] {
        m_flow->cancelSignIn();
        setBusy(false);
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("Sign-in stopped."),
                                       tr("Nothing was changed on the site. Sign in again when you are ready."));
    });
    connect(m_flow, &EnterpriseFlow::signInProgress, this,
            [this](const QString &message) { m_ui->statusPanel->showBusy(message); });
    connect(m_flow, &EnterpriseFlow::signInFinished, this, &AdminPage::showSignInResult);
    updateKeyRow();
    updatePracticeBanner();
}

AdminPage::~AdminPage() = default;

void AdminPage::initializePage()
{
    const ParsedHost host = controller()->confirmedHost();
    // The practice site's RootAdmin and exported bundle, filled in for people (the simulated site is no secret).
    if (controller()->isPracticeRun()) {
        const PracticeCredentials practice = controller()->practiceCredentials();
        if (m_ui->accountEdit->text().isEmpty()) {
            m_ui->accountEdit->setText(practice.enterpriseAccount);
            m_ui->passwordEdit->setText(practice.password);
        }
        if (m_ui->certificateEdit->text().isEmpty() && !practice.enterpriseBundleFolder.isEmpty()) {
            const QDir folder(practice.enterpriseBundleFolder);
            m_ui->certificateEdit->setText(QDir::toNativeSeparators(folder.filePath(QStringLiteral("client.pem"))));
            m_ui->keyEdit->setText(QDir::toNativeSeparators(folder.filePath(QStringLiteral("client_key.pem"))));
            m_ui->rootEdit->setText(QDir::toNativeSeparators(folder.filePath(QStringLiteral("root.pem"))));
            m_ui->userDirectoryEdit->setText(practice.enterpriseAccount.section(u'\\', 0, 0));
            m_ui->userIdEdit->setText(practice.enterpriseAccount.section(u'\\', 1));
            m_ui->portSpin->setValue(practice.enterpriseRepositoryPort);
        }
    } else if (host.port() > 0 && host.port() != 443) {
        m_ui->portSpin->setValue(host.port()); // the address entered may be the QRS port itself
    }
    if (m_flow->adminAccess().method == AdminAccess::Method::None)
        m_ui->findingsList->hide();
    methodChanged();
}

void AdminPage::cleanupPage()
{
    // Going back may change the address: this sign-in belongs to the old one.
    m_flow->cancelSignIn();
    m_flow->forgetSignIns();
    m_ui->passwordEdit->clear();
    m_ui->passphraseEdit->clear();
    m_ui->findingsList->hide();
    m_ui->statusPanel->clear();
    setBusy(false);
}

AdminPage::Method AdminPage::method() const
{
    if (m_ui->certificateRadio->isChecked())
        return Method::CertificateBundle;
    if (m_ui->guideRadio->isChecked())
        return Method::Guide;
    return Method::WindowsAccount;
}

void AdminPage::methodChanged()
{
    const Method chosen = method();
    // Only the way chosen takes room: hidden pages take none.
    m_ui->windowsPage->setVisible(chosen == Method::WindowsAccount);
    m_ui->certificatePage->setVisible(chosen == Method::CertificateBundle);
    m_ui->guidePage->setVisible(chosen == Method::Guide);
    switch (chosen) {
    case Method::WindowsAccount:
        setSubTitle(tr("Sign in with the Windows account you use for the QMC. The wizard confirms that you are a "
                       "RootAdmin and reads what the site holds; it changes nothing."));
        break;
    case Method::CertificateBundle:
        setSubTitle(tr("Use a certificate bundle exported from the QMC, and name the administrator to act as. The "
                       "wizard confirms the RootAdmin role and reads what the site holds; it changes nothing."));
        break;
    case Method::Guide:
        setSubTitle(tr("Check the same facts in the QMC yourself. Nothing signs in from here."));
        break;
    }
    emit completeChanged();
}

bool AdminPage::isComplete() const
{
    if (m_flow->isSigningIn())
        return false;
    if (method() == Method::Guide)
        return m_ui->guideConfirmCheck->isChecked();
    return m_flow->adminAccess().isConfirmed();
}

void AdminPage::setBusy(bool busy)
{
    for (QWidget *widget :
         {static_cast<QWidget *>(m_ui->windowsSignInButton), static_cast<QWidget *>(m_ui->certificateSignInButton),
          static_cast<QWidget *>(m_ui->windowsRadio), static_cast<QWidget *>(m_ui->certificateRadio),
          static_cast<QWidget *>(m_ui->guideRadio)})
        widget->setEnabled(!busy);
    emit completeChanged();
}

void AdminPage::signInWithWindowsAccount()
{
    const QString account = m_ui->accountEdit->text().trimmed();
    if (account.isEmpty() || !account.contains(u'\\')) {
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Error,
                                       tr("Enter your account as DOMAIN\\user, for example CORP\\jsmith."),
                                       tr("It is the user directory and user ID the QMC shows under Users."));
        m_ui->accountEdit->setFocus();
        return;
    }
    if (m_ui->passwordEdit->text().isEmpty()) {
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Error, tr("Enter the password of %1.").arg(account));
        m_ui->passwordEdit->setFocus();
        return;
    }
    m_ui->findingsList->hide();
    setBusy(true);
    m_ui->statusPanel->showBusy(
        tr("Signing in to %1 as %2…").arg(controller()->confirmedHost().displayHost(), account));
    m_flow->signInWithWindowsAccount(account, takeSecret(m_ui->passwordEdit));
}

void AdminPage::signInWithCertificates()
{
    CertificateBundleChoice choice;
    choice.certificatePath = m_ui->certificateEdit->text().trimmed();
    choice.keyPath = m_ui->keyEdit->isEnabled() ? m_ui->keyEdit->text().trimmed() : QString();
    choice.rootPath = m_ui->rootEdit->text().trimmed();
    choice.userDirectory = m_ui->userDirectoryEdit->text().trimmed();
    choice.userId = m_ui->userIdEdit->text().trimmed();
    choice.repositoryPort = m_ui->portSpin->value();
    if (choice.userDirectory.isEmpty() || choice.userId.isEmpty()) {
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Error,
                                       tr("Enter the user directory and user ID of the administrator to act as."),
                                       tr("QMC › Users shows both, in the columns User directory and User ID. The "
                                          "certificates let the wizard act as this user; it checks the user's "
                                          "roles."));
        (choice.userDirectory.isEmpty() ? m_ui->userDirectoryEdit : m_ui->userIdEdit)->setFocus();
        return;
    }
    m_ui->findingsList->hide();
    showBundleProblems({});
    setBusy(true);
    m_ui->statusPanel->showBusy(tr("Checking the certificate files…"));
    // The passphrase stays in its field until the bundle loaded: a wrong one is retyped, the rest is kept.
    QString passphrase = m_ui->passphraseEdit->text();
    QByteArray secret = passphrase.toUtf8();
    SecureMemory::wipe(passphrase);
    m_flow->signInWithCertificates(choice, secret);
    SecureMemory::wipe(secret);
}

void AdminPage::browse(QLineEdit *edit, const QString &caption, const QString &filter)
{
    const QString current = edit->text().trimmed();
    QString start = current.isEmpty() ? QString() : QFileInfo(current).absolutePath();
    if (start.isEmpty() && !m_ui->certificateEdit->text().isEmpty())
        start = QFileInfo(m_ui->certificateEdit->text()).absolutePath();
    const QString chosen = FileDialog::getOpenFileName(this, caption, start, filter);
    if (!chosen.isEmpty())
        edit->setText(QDir::toNativeSeparators(chosen));
}

void AdminPage::updateKeyRow()
{
    const QString certificate = m_ui->certificateEdit->text().trimmed().toLower();
    const bool pkcs12 = certificate.endsWith(QStringLiteral(".pfx")) || certificate.endsWith(QStringLiteral(".p12"));
    m_ui->keyEdit->setEnabled(!pkcs12);
    m_ui->browseKeyButton->setEnabled(!pkcs12);
    m_ui->keyEdit->setPlaceholderText(pkcs12 ? tr("Inside the .pfx file") : QString());
    m_ui->passphraseEdit->setPlaceholderText(pkcs12 ? tr("The password the .pfx file was exported with")
                                                    : tr("Only if one was set when exporting"));
}

void AdminPage::showBundleProblems(const CertificateBundleProblems &problems)
{
    showProblem(m_ui->certificateProblem, problems.certificate);
    showProblem(m_ui->keyProblem, problems.key);
    showProblem(m_ui->passphraseProblem, problems.passphrase);
    showProblem(m_ui->rootProblem, problems.root);
}

void AdminPage::showSignInResult(const AdminAccess &access, const UserMessage &problem,
                                 const CertificateBundleProblems &bundleProblems)
{
    setBusy(false);
    showBundleProblems(bundleProblems);
    if (!bundleProblems.isEmpty()) {
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Error,
                                       tr("The certificate files cannot be used as they are."),
                                       tr("The line under each file says what is wrong with it. Nothing was sent to "
                                          "the site."));
        return;
    }
    if (!problem.isEmpty()) {
        m_ui->statusPanel->show(MessagePanel::Kind::Error, problem);
        if (access.method == AdminAccess::Method::None && method() == Method::WindowsAccount)
            m_ui->passwordEdit->setFocus();
        return;
    }
    m_ui->passphraseEdit->clear(); // the key is loaded; the passphrase is not needed again
    m_ui->findingsList->setChecks(access.findings);
    m_ui->findingsList->show();
    // The findings are what the person came for: bring them into view below the form.
    QTimer::singleShot(0, this, [this] { m_ui->contentScroll->ensureWidgetVisible(m_ui->findingsList, 0, 0); });
    if (access.isConfirmed()) {
        m_ui->statusPanel->showMessage(
            MessagePanel::Kind::Success,
            tr("%1 is a RootAdmin, and the repository service answers.").arg(access.account()),
            tr("Choose Next to pick the user Dawiso signs in as."));
    } else {
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Warning,
                                       tr("The site answered, but this sign-in cannot set Dawiso up."),
                                       tr("The list below says what is missing and how to fix it. Then sign in "
                                          "again."));
    }
    emit completeChanged();
}

} // namespace Dawiso
