#include "pages/enterprise/TokenPage.h"

#include "common/Clock.h"
#include "enterprise/EnterpriseFlow.h"
#include "setup/SetupController.h"
#include "ui_TokenPage.h"
#include "widgets/MessagePanel.h"

#include <QLocale>

namespace Dawiso {

TokenPage::TokenPage(SetupController *controller, EnterpriseFlow *flow, QWidget *parent)
    : SetupPage(controller, parent)
    , m_ui(std::make_unique<Ui::TokenPage>())
    , m_flow(flow)
{
    m_ui->setupUi(this);
    m_ui->statusPanel->clear();
    m_ui->validitySpin->setSuffix(QString());
    connect(m_ui->validitySpin, &QSpinBox::valueChanged, this, &TokenPage::updateExpiry);
    updatePracticeBanner();
}

TokenPage::~TokenPage() = default;

void TokenPage::initializePage()
{
    const VirtualProxySettings settings = m_flow->virtualProxySettings();
    const QString account = m_flow->serviceUser().account();
    m_ui->tokenIntro->setText(tr("The token names %1 in the claims “%2” and “%3”, which the virtual proxy /%4 reads. "
                                 "Anyone who holds it signs in to Qlik Sense as that user until it expires.")
                                  .arg(account.toHtmlEscaped(), settings.userDirectoryClaim, settings.userIdClaim,
                                       settings.prefix.toHtmlEscaped()));
    m_ui->revokeText->setText(
        tr("A token cannot be revoked on its own. To stop it early, replace the certificate of the virtual proxy /%1 "
           "(QMC ▸ Virtual proxies ▸ /%1 ▸ JWT certificate; every token signed for it stops working), or make %2 "
           "inactive (QMC ▸ Users). Before it expires, run this wizard again for a new one.")
            .arg(settings.prefix.toHtmlEscaped(), account.toHtmlEscaped()));
    m_ui->statusPanel->clear();
    updateExpiry();
}

void TokenPage::updateExpiry()
{
    const int days = m_ui->validitySpin->value();
    m_ui->validitySpin->setSuffix(tr(" day(s)", nullptr, days));
    const QDateTime expiry = Clock::currentDateTimeUtc().addDays(days);
    m_ui->expiryValue->setText(
        tr("until %1").arg(QLocale().toString(expiry.toLocalTime().date(), QLocale::LongFormat)));
}

bool TokenPage::validatePage()
{
    UserMessage problem;
    if (!m_flow->issueToken(m_ui->validitySpin->value(), &problem)) {
        m_ui->statusPanel->show(MessagePanel::Kind::Error, problem);
        return false;
    }
    return true;
}

} // namespace Dawiso
