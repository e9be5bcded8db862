#include "pages/cloud/KeyPage.h"

#include "ResourceIcon.h"
#include "cloud/AutomatedSetup.h"
#include "cloud/CloudFlow.h"
#include "cloud/QlikCloudPages.h"
#include "common/Clock.h"
#include "pages/cloud/KeyAutomationPanel.h"
#include "setup/SetupController.h"
#include "token/SecureMemory.h"
#include "ui_KeyPage.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLocale>

namespace Dawiso {

namespace {
constexpr int pastePauseMs = 400;
constexpr int soonDays = 30;
} // namespace

KeyPage::KeyPage(SetupController *controller, CloudFlow *flow, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::KeyPage>())
    , m_flow(flow)
    , m_automation(new KeyAutomationPanel(controller, flow))
{
    m_ui->setupUi(this);
    m_automation->setObjectName(QStringLiteral("keyAutomation"));
    m_ui->automatedLayout->addWidget(m_automation);
    m_ui->automatedLayout->addStretch();
    connect(m_ui->createRadio, &QRadioButton::toggled, this, [this](bool automated) {
        m_ui->modeStack->setCurrentIndex(automated ? 1 : 0);
        setSubTitle(automated ? tr("Dawiso's user signs in, and the wizard creates the key as them and stores it.")
                              : tr("Then paste it here. The wizard checks it with Qlik; it is not stored until the "
                                   "next step."));
        if (automated)
            m_automation->prepare();
        // A key created in the other mode was taken there; this mode asks again (an admin's key needs its "yes").
        m_createdAccepted = false;
        emit completeChanged();
    });
    // A key Qlik created replaces whatever the paste field held as the key to store: its check no longer applies.
    connect(flow->automation(), &AutomatedSetup::keyCreated, this, [this](const ApiKeyCreation::Result &result) {
        if (result.outcome == ApiKeyCreation::Outcome::Created)
            forgetPastedKeyState();
        updateStoredNote();
        emit completeChanged();
    });
    // Emitted for a created key that is no admin's, or when "Use it anyway" is chosen for an admin's. The next page
    // writes it to the keychain straight away.
    connect(m_automation, &KeyAutomationPanel::keyCreated, this, [this] {
        m_createdAccepted = true;
        emit completeChanged();
        // Only from this page: a key whose creation was asked before Back was pressed arrives on another one.
        if (wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });
    // Everything done so far stays: only the way the key arrives changes.
    connect(m_automation, &KeyAutomationPanel::pasteInsteadRequested, this, [this] {
        m_ui->pasteRadio->setChecked(true);
        m_ui->keyEdit->setFocus();
    });
    connect(controller, &SetupController::saveFinished, this, [this](const CredentialSaveResult &result) {
        if (result.saved)
            clearPastedKey();
    });
    m_ui->statusPanel->clear();
    m_ui->storedPanel->clear();
    m_ui->adminAckCheck->hide();
    m_ui->practiceBox->hide();
    m_ui->openApiKeysButton->setIcon(ResourceIcon::get(QStringLiteral(":/icons/open-external.svg")));
    setKeyVisible(false);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(pastePauseMs);
    connect(&m_debounce, &QTimer::timeout, this, &KeyPage::verifyNow);
    connect(m_ui->keyEdit, &QLineEdit::textChanged, this, &KeyPage::onTextChanged);
    connect(m_ui->showKeyButton, &QToolButton::toggled, this, &KeyPage::setKeyVisible);
    connect(m_ui->pasteButton, &QPushButton::clicked, this, &KeyPage::pasteFromClipboard);
    connect(m_ui->openApiKeysButton, &QPushButton::clicked, this, [this] {
        openTenantPage(
            QlikCloudPages::url(this->controller()->confirmedHost().baseUrl(), QlikCloudPages::Page::ApiKeys),
            m_ui->statusPanel);
    });
    connect(m_ui->useSampleButton, &QPushButton::clicked, this, [this] {
        const QList<PracticeSample> samples = this->controller()->practiceCredentials().samples;
        const int index = m_ui->sampleCombo->currentIndex();
        if (index >= 0 && index < samples.size())
            m_ui->keyEdit->setText(QString::fromLatin1(samples.at(index).token));
    });
    connect(m_ui->adminAckCheck, &QCheckBox::toggled, this, &KeyPage::completeChanged);
    connect(m_ui->statusPanel, &MessagePanel::stopRequested, flow, &CloudFlow::cancelKeyVerification);
    connect(flow, &CloudFlow::keyVerificationProgress, this, &KeyPage::onProgress);
    connect(flow, &CloudFlow::keyVerificationFinished, this, &KeyPage::onVerified);
    updatePracticeBanner();
}

KeyPage::~KeyPage()
{
    m_pending.wipe();
}

bool KeyPage::isAutomated() const
{
    return m_ui->createRadio->isChecked();
}

void KeyPage::initializePage()
{
    // Someone who let the wizard do the Access step most likely wants it to create the key too.
    if (m_flow->automation()->assignment().ok && !m_ui->createRadio->isChecked() && m_ui->keyEdit->text().isEmpty())
        m_ui->createRadio->setChecked(true);
    if (isAutomated())
        m_automation->prepare();
    const QList<PracticeSample> samples = controller()->practiceCredentials().samples;
    if (m_ui->sampleCombo->count() != samples.size()) {
        m_ui->sampleCombo->clear();
        for (const PracticeSample &sample : samples)
            m_ui->sampleCombo->addItem(sample.label);
    }
    m_ui->practiceBox->setVisible(controller()->isPracticeRun() && !samples.isEmpty());
    m_ui->keyEdit->setFocus();
    if (!m_ui->keyEdit->text().isEmpty() && !m_flow->hasVerifiedKey())
        onTextChanged();
    updateStoredNote();
}

void KeyPage::cleanupPage()
{
    m_debounce.stop();
    m_flow->cancelKeyVerification();
    // Leaving the page ends a sign-in in progress (its browser tab would otherwise still complete it); a key Qlik
    // is already creating still arrives (see QlikStep::Completion).
    if (AutomatedSetup *automation = m_flow->automation(); automation->isSigningIn())
        automation->cancelSignIn();
}

bool KeyPage::isComplete() const
{
    // Stored already (the user came back from a later step): there is nothing left to paste or create.
    if (controller()->saveResult().saved)
        return true;
    if (isAutomated())
        return m_createdAccepted && m_flow->hasVerifiedKey();
    if (!m_verified || !m_flow->hasVerifiedKey())
        return false;
    return !m_flow->keyVerification().isAdmin() || m_ui->adminAckCheck->isChecked();
}

void KeyPage::clearPastedKey()
{
    const QSignalBlocker blocker(m_ui->keyEdit);
    m_ui->keyEdit->clear();
    m_pending.wipe();
    forgetPastedKeyState();
    m_ui->keyInfoLabel->clear();
    m_ui->statusPanel->clear();
    updateStoredNote();
    emit completeChanged();
}

void KeyPage::forgetPastedKeyState()
{
    m_verified = false;
    const QSignalBlocker blocker(m_ui->adminAckCheck);
    m_ui->adminAckCheck->setChecked(false);
    m_ui->adminAckCheck->hide();
}

void KeyPage::updateStoredNote()
{
    if (!controller()->saveResult().saved) {
        m_ui->storedPanel->clear();
        return;
    }
    m_ui->storedPanel->showMessage(
        MessagePanel::Kind::Info, tr("The key is already stored in %1.").arg(controller()->secretStoreLocation()),
        tr("Press Next to go on. Qlik shows a key only once, so it cannot be shown here again; to store a different "
           "key instead, paste or create a new one."));
}

void KeyPage::setKeyVisible(bool visible)
{
    m_ui->keyEdit->setEchoMode(visible ? QLineEdit::Normal : QLineEdit::Password);
    m_ui->showKeyButton->setIcon(
        ResourceIcon::get(visible ? QStringLiteral(":/icons/hide.svg") : QStringLiteral(":/icons/show.svg")));
    const QString tip = visible ? tr("Hide the key") : tr("Show the key");
    m_ui->showKeyButton->setToolTip(tip);
    m_ui->showKeyButton->setAccessibleName(tip);
}

void KeyPage::pasteFromClipboard()
{
    QString text = QGuiApplication::clipboard()->text();
    m_ui->keyEdit->setText(text);
    SecureMemory::wipe(text);
}

void KeyPage::showLocalProblem(const QString &message, const QString &advice)
{
    m_ui->statusPanel->showMessage(MessagePanel::Kind::Error, message, advice);
}

void KeyPage::onTextChanged()
{
    m_debounce.stop();
    forgetPastedKeyState();
    m_createdAccepted = false;
    m_flow->forgetKey();
    m_pending.wipe();
    updateStoredNote();
    emit completeChanged();

    QString text = m_ui->keyEdit->text();
    m_pending = ApiKeyToken::fromPastedText(text);
    SecureMemory::wipe(text);
    m_ui->keyInfoLabel->clear();
    m_ui->statusPanel->clear();
    if (m_pending.isEmpty() && m_pending.problemKind() == ApiKeyToken::Problem::Empty)
        return;

    if (!m_pending.isWellFormed()) {
        showLocalProblem(m_pending.problem(), QString());
        return;
    }
    if (!m_pending.looksLikeQlikApiKey()) {
        showLocalProblem(m_pending.notAnApiKeyReason(),
                         tr("Generate an API key under Profile settings › API keys in Qlik and paste that."));
        return;
    }
    const auto expiresAt = m_pending.expiresAt();
    const QLocale locale;
    if (expiresAt && m_pending.isExpired(Clock::currentDateTimeUtc())) {
        showLocalProblem(
            tr("This key expired on %1.").arg(locale.toString(expiresAt->toLocalTime().date(), QLocale::LongFormat)),
            tr("Generate a new key in Qlik and paste it here."));
        return;
    }
    // What the key says about itself, before Qlik is asked; Qlik's answer follows below.
    QString note = expiresAt ? tr("This looks like a Qlik API key. It says it expires on %1.")
                                   .arg(locale.toString(expiresAt->toLocalTime().date(), QLocale::LongFormat))
                             : tr("This looks like a Qlik API key.");
    // Show the cleaned form, so that what is stored is what the user sees when they press Show.
    QString cleaned = QString::fromLatin1(m_pending.token());
    if (cleaned != m_ui->keyEdit->text()) {
        const QSignalBlocker blocker(m_ui->keyEdit);
        m_ui->keyEdit->setText(cleaned);
        note = tr("%1 %2", "what the key looks like, then that extra text was removed")
                   .arg(note, tr("Removed extra text (such as “Bearer” or line breaks) from what you pasted."));
    }
    SecureMemory::wipe(cleaned);
    m_ui->keyInfoLabel->setText(note);
    m_debounce.start();
}

void KeyPage::verifyNow()
{
    if (!m_pending.isWellFormed())
        return;
    m_flow->verifyKey(m_pending);
}

void KeyPage::onProgress(const QString &message)
{
    m_ui->statusPanel->showBusy(message, true);
}

void KeyPage::onVerified(const KeyVerification &verification)
{
    MessagePanel *panel = m_ui->statusPanel;
    const QDateTime now = Clock::currentDateTimeUtc();
    switch (verification.outcome) {
    case KeyVerification::Outcome::Accepted: {
        m_verified = true;
        QString advice = verification.expiryText(now);
        const bool soon = verification.expiry.isValid() && verification.daysUntilExpiry(now) < soonDays;
        if (soon) {
            advice = tr("%1 %2", "when the key expires, then that this is soon")
                         .arg(advice,
                              tr("That is soon: Dawiso stops reading Qlik then. Consider a key with a "
                                 "longer expiry."));
        }
        if (verification.isAdmin()) {
            panel->showMessage(MessagePanel::Kind::Warning, verification.summary.message,
                               tr("%1 %2", "the tenant admin warning, then when the key expires")
                                   .arg(verification.adminWarning(), advice));
            m_ui->adminAckCheck->show();
        } else {
            panel->showMessage(soon ? MessagePanel::Kind::Warning : MessagePanel::Kind::Success,
                               verification.summary.message, advice);
        }
        break;
    }
    case KeyVerification::Outcome::Cancelled:
        panel->showMessage(MessagePanel::Kind::Info, verification.summary.message,
                           tr("Paste the key again to check it."));
        break;
    default:
        panel->show(MessagePanel::Kind::Error, verification.summary);
        break;
    }
    emit completeChanged();
}

} // namespace Dawiso
