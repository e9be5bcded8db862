#include "pages/enterprise/VirtualProxyPage.h"

#include "ResourceIcon.h"
#include "enterprise/EnterpriseFlow.h"
#include "enterprise/QmcPages.h"
#include "enterprise/ReadRule.h"
#include "setup/SetupController.h"
#include "ui_VirtualProxyPage.h"
#include "widgets/CheckListWidget.h"
#include "widgets/MessagePanel.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QToolButton>

namespace Dawiso {

VirtualProxyPage::VirtualProxyPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::VirtualProxyPage>())
    , m_flow(flow)
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    m_ui->stepsList->hide();
    m_ui->takenFrame->hide();
    m_ui->prefixProblem->hide();
    m_ui->prefixProblem->setStyleSheet(
        QStringLiteral("color: %1;").arg(MessagePanel::accentColor(MessagePanel::Kind::Error, palette()).name()));
    m_ui->openProxiesButton->setIcon(ResourceIcon::get(QStringLiteral(":/icons/open-external.svg")));
    for (QRadioButton *radio : {m_ui->doItRadio, m_ui->guideRadio}) {
        connect(radio, &QRadioButton::toggled, this, [this](bool on) {
            if (on)
                modeChanged();
        });
    }
    connect(m_ui->prefixEdit, &QLineEdit::textEdited, this, &VirtualProxyPage::prefixEdited);
    connect(m_ui->createButton, &QPushButton::clicked, this, [this] { create(); });
    connect(m_ui->reuseButton, &QPushButton::clicked, this, [this] {
        // A reused proxy gets a certificate of its own: whoever held the old key can no longer sign for it.
        m_ui->takenFrame->hide();
        create(m_takenProxy.value(QStringLiteral("id")).toString());
    });
    connect(m_ui->otherPrefixButton, &QPushButton::clicked, this, [this] {
        m_ui->takenFrame->hide();
        m_ui->statusPanel->clear();
        m_ui->prefixEdit->setFocus();
        m_ui->prefixEdit->selectAll();
    });
    connect(m_ui->checkButton, &QPushButton::clicked, this, &VirtualProxyPage::checkWhatWasMade);
    connect(m_ui->guideConfirmCheck, &QCheckBox::toggled, this, &VirtualProxyPage::completeChanged);
    connect(m_ui->openProxiesButton, &QPushButton::clicked, this, [this] {
        openTenantPage(QmcPages::url(this->controller()->confirmedHost().baseUrl(), QmcPages::Page::VirtualProxies),
                       m_ui->statusPanel,
                       tr("The simulated site has no QMC to show. Choose Do it for me to see the wizard make the "
                          "virtual proxy on the simulated site."));
    });
    connect(m_ui->statusPanel, &MessagePanel::stopRequested, this, [this] {
        m_flow->virtualProxySetup()->cancel();
        setBusy(false);
        m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("Stopped."),
                                       tr("What was already made on the site stays; run the step again to go on."));
    });
    connect(m_flow, &EnterpriseFlow::signingKeyReady, this, &VirtualProxyPage::onSigningKeyReady);
    updatePracticeBanner();
}

VirtualProxyPage::~VirtualProxyPage() = default;

bool VirtualProxyPage::canUseQrs() const
{
    return m_flow->adminAccess().isConfirmed();
}

void VirtualProxyPage::initializePage()
{
    VirtualProxySetup *setup = m_flow->virtualProxySetup();
    connect(setup, &VirtualProxySetup::stepChanged, this, &VirtualProxyPage::onStep, Qt::UniqueConnection);
    connect(setup, &VirtualProxySetup::finished, this, &VirtualProxyPage::onFinished, Qt::UniqueConnection);
    m_ui->prefixEdit->setText(m_flow->virtualProxySettings().prefix);
    m_ui->doItRadio->setEnabled(canUseQrs());
    m_ui->checkButton->setVisible(canUseQrs());
    m_ui->guideConfirmCheck->setVisible(!canUseQrs());
    if (!canUseQrs()) {
        m_ui->guideRadio->setChecked(true);
        m_ui->doItRadio->setToolTip(tr("Needs your sign-in as a RootAdmin on the Administrator page."));
    }
    prefixEdited();
    modeChanged();
    if (!m_flow->hasSigningKey()) {
        setBusy(true);
        m_ui->statusPanel->showBusy(tr("Making the key that signs Dawiso's token (RSA 3072)…"), false);
        m_flow->prepareSigningKey();
    }
}

void VirtualProxyPage::cleanupPage()
{
    m_flow->virtualProxySetup()->cancel();
    m_ui->statusPanel->clear();
    m_ui->takenFrame->hide();
    setBusy(false);
}

void VirtualProxyPage::modeChanged()
{
    const bool doIt = m_ui->doItRadio->isChecked();
    m_ui->doItPage->setVisible(doIt);
    m_ui->guidePage->setVisible(!doIt);
    m_ui->stepsList->hide();
    emit completeChanged();
}

void VirtualProxyPage::prefixEdited()
{
    const QString prefix = m_ui->prefixEdit->text().trimmed();
    const QString problem = VirtualProxySettings::prefixProblem(prefix);
    m_ui->prefixProblem->setText(problem);
    m_ui->prefixProblem->setVisible(!problem.isEmpty());
    m_ui->baseUrlValue->setText(
        problem.isEmpty() ? QStringLiteral("https://%1/%2").arg(controller()->confirmedHost().hostAndPort(), prefix)
                          : QString());
    if (problem.isEmpty() && prefix != m_flow->virtualProxySettings().prefix) {
        m_flow->setVirtualProxyPrefix(prefix);
        m_ui->stepsList->hide();
        fillGuideFields();
    }
    emit completeChanged();
}

bool VirtualProxyPage::acceptPrefix()
{
    if (!m_ui->prefixProblem->text().isEmpty()) {
        m_ui->prefixEdit->setFocus();
        return false;
    }
    return true;
}

void VirtualProxyPage::onSigningKeyReady(const UserMessage &problem)
{
    setBusy(false);
    if (!problem.isEmpty()) {
        m_ui->statusPanel->show(MessagePanel::Kind::Error, problem);
        return;
    }
    m_ui->statusPanel->clear();
    fillGuideFields();
    emit completeChanged();
}

void VirtualProxyPage::fillGuideFields()
{
    QGridLayout *grid = m_ui->guideGrid;
    while (QLayoutItem *item = grid->takeAt(0)) {
        delete item->widget();
        delete item;
    }
    const VirtualProxySettings settings = m_flow->virtualProxySettings();
    QList<VirtualProxySettings::QmcField> fields;
    if (m_flow->coverage() == ContentCoverage::ReadRule)
        fields << ReadRule::qmcFields(m_flow->serviceUser());
    fields << settings.qmcFields();
    int row = 0;
    QString section;
    for (const VirtualProxySettings::QmcField &field : std::as_const(fields)) {
        if (field.section != section) {
            section = field.section;
            auto *heading = new QLabel(QStringLiteral("<b>%1</b>").arg(section.toHtmlEscaped()), m_ui->guideFields);
            grid->addWidget(heading, row++, 0, 1, 3);
        }
        auto *name = new QLabel(field.field, m_ui->guideFields);
        QWidget *value = nullptr;
        if (field.value.contains(QLatin1Char('\n'))) {
            auto *text = new QPlainTextEdit(field.value, m_ui->guideFields);
            text->setReadOnly(true);
            text->setFixedHeight(text->fontMetrics().lineSpacing() * 5);
            value = text;
        } else {
            auto *line = new QLineEdit(field.value, m_ui->guideFields);
            line->setReadOnly(true);
            value = line;
        }
        value->setAccessibleName(field.field);
        name->setBuddy(value);
        auto *copy = new QToolButton(m_ui->guideFields);
        copy->setIcon(ResourceIcon::get(QStringLiteral(":/icons/copy.svg")));
        copy->setToolTip(tr("Copy %1").arg(field.field));
        copy->setAccessibleName(tr("Copy %1").arg(field.field));
        connect(copy, &QToolButton::clicked, this, [this, field] {
            QGuiApplication::clipboard()->setText(field.value);
            m_ui->statusPanel->showMessage(MessagePanel::Kind::Info, tr("%1 is on the clipboard.").arg(field.field));
        });
        grid->addWidget(name, row, 0, Qt::AlignTop);
        grid->addWidget(value, row, 1);
        grid->addWidget(copy, row, 2, Qt::AlignTop);
        ++row;
    }
    grid->setColumnStretch(1, 1);
}

void VirtualProxyPage::create(const QString &reuseProxyId)
{
    if (!acceptPrefix() || !m_flow->hasSigningKey())
        return;
    VirtualProxySetup *setup = m_flow->virtualProxySetup();
    m_flow->setVirtualProxyReady(false);
    m_ui->stepsList->setChecks(VirtualProxySetup::plan(m_flow->coverage()));
    m_ui->stepsList->show();
    setBusy(true);
    m_ui->statusPanel->showBusy(tr("Setting up /%1 on the site…").arg(m_flow->virtualProxySettings().prefix));
    setup->start(m_flow->virtualProxySettings(), m_flow->serviceUser(), m_flow->coverage(),
                 m_flow->adminAccess().proxyServiceId, reuseProxyId);
}

void VirtualProxyPage::checkWhatWasMade()
{
    if (!acceptPrefix() || !m_flow->hasSigningKey())
        return;
    m_flow->setVirtualProxyReady(false);
    m_ui->stepsList->setChecks(VirtualProxySetup::plan(m_flow->coverage()));
    m_ui->stepsList->show();
    setBusy(true);
    m_ui->statusPanel->showBusy(tr("Reading what the QMC holds for /%1…").arg(m_flow->virtualProxySettings().prefix));
    m_flow->virtualProxySetup()->verify(m_flow->virtualProxySettings(), m_flow->serviceUser(), m_flow->coverage(),
                                        m_flow->adminAccess().proxyServiceId);
}

void VirtualProxyPage::onStep(const CheckResult &step)
{
    m_ui->stepsList->updateCheck(step);
}

void VirtualProxyPage::onFinished(const VirtualProxySetup::Outcome &outcome)
{
    setBusy(false);
    if (outcome.prefixTaken) {
        m_takenProxy = outcome.existingProxy;
        const QString description = m_takenProxy.value(QStringLiteral("description")).toString();
        const bool jwt = m_takenProxy.value(QStringLiteral("authenticationMethod")).toInt(-1)
            == VirtualProxySettings::kJwtAuthentication;
        // Only a JWT proxy is offered for reuse: any other is how people sign in, and giving it JWT would lock
        // them out.
        if (jwt) {
            m_ui->takenLabel->setText(
                tr("The site has a JWT virtual proxy with the prefix /%1 already: “%2”, perhaps from an earlier run. "
                   "Reuse it (the wizard gives it Dawiso's settings and this run's certificate, so tokens signed for "
                   "it before stop working), or choose another prefix.")
                    .arg(m_flow->virtualProxySettings().prefix.toHtmlEscaped(), description.toHtmlEscaped()));
        } else {
            m_ui->takenLabel->setText(
                tr("The site has a virtual proxy with the prefix /%1 already: “%2”. It signs people in another way, "
                   "so the wizard leaves it as it is: choose another prefix.")
                    .arg(m_flow->virtualProxySettings().prefix.toHtmlEscaped(), description.toHtmlEscaped()));
        }
        m_ui->reuseButton->setVisible(jwt);
        m_ui->takenFrame->show();
        m_ui->statusPanel->clear();
        return;
    }
    if (!outcome.ready) {
        m_ui->statusPanel->show(MessagePanel::Kind::Error, outcome.problem);
        return;
    }
    m_flow->setVirtualProxyReady(true);
    m_ui->statusPanel->showMessage(
        MessagePanel::Kind::Success,
        tr("The virtual proxy /%1 is ready for Dawiso.").arg(m_flow->virtualProxySettings().prefix),
        tr("Choose Next to make the token."));
    emit completeChanged();
}

void VirtualProxyPage::setBusy(bool busy)
{
    m_busy = busy;
    for (QWidget *widget : {static_cast<QWidget *>(m_ui->createButton), static_cast<QWidget *>(m_ui->checkButton),
                            static_cast<QWidget *>(m_ui->prefixEdit), static_cast<QWidget *>(m_ui->reuseButton),
                            static_cast<QWidget *>(m_ui->otherPrefixButton)}) {
        widget->setEnabled(!busy);
    }
    m_ui->doItRadio->setEnabled(!busy && canUseQrs());
    m_ui->guideRadio->setEnabled(!busy);
    emit completeChanged();
}

bool VirtualProxyPage::isComplete() const
{
    if (m_busy || !m_flow->hasSigningKey())
        return false;
    if (m_flow->isVirtualProxyReady())
        return true;
    return m_ui->guideRadio->isChecked() && !canUseQrs() && m_ui->guideConfirmCheck->isChecked();
}

} // namespace Dawiso
