// page_wizard: the wizard's first page as the product shows it (its form, ui/DeploymentPage.ui, with the product's
// window settings: modern style, a 48 px logo, 720 × 600, command links without Qt's default arrow), in a QWizard
// linked against Qt Widgets only, with the same StartupProbe, for the start-up benchmark (bench_startup). What it costs
// over bare_wizard is what the page itself costs.
//
// Built twice, like bare_wizard: page_wizard_network is linked against Qt Network as well (DQS_BENCH_WITH_QT_NETWORK)
// and is the start-up target's baseline: what dawiso-qlik-setup costs over it is the product's own code, its other
// libraries and what it does before the first frame. page_wizard is a reference.
#include "AppStyle.h"
#include "StartupProbe.h"
#include "ui_DeploymentPage.h"

#include <QApplication>
#include <QPixmap>
#include <QWizard>
#ifdef DQS_BENCH_WITH_QT_NETWORK
#include <QNetworkRequest>
#endif

namespace {

// As DeploymentPage: no height-for-width (see there).
class FirstPage : public QWizardPage
{
    Q_OBJECT

public:
    FirstPage() { m_ui.setupUi(this); }
    bool hasHeightForWidth() const override { return false; }

private:
    Ui::DeploymentPage m_ui;
};

} // namespace

int main(int argc, char **argv)
{
    Dawiso::StartupProbe::processStarted();
#ifdef DQS_BENCH_WITH_QT_NETWORK
    // As in bare_wizard.cpp: Qt Network loaded, nothing done with it.
    const QNetworkRequest unusedRequest; // clazy:exclude=unused-non-trivial-variable
#endif
    QApplication app(argc, argv);
    QApplication::setStyle(new Dawiso::AppStyle);
    QWizard wizard;
    wizard.setWizardStyle(QWizard::ModernStyle);
    wizard.setOption(QWizard::NoBackButtonOnStartPage);
    wizard.setOption(QWizard::HaveCustomButton1);
    wizard.setButtonText(QWizard::CustomButton1, QStringLiteral("&About"));
    wizard.setButtonLayout(
        {QWizard::CustomButton1, QWizard::Stretch, QWizard::BackButton, QWizard::NextButton, QWizard::CancelButton});
    QPixmap logo(48, 48); // the size of the product's logo, from pixels as there (no decoding)
    logo.fill(Qt::darkCyan);
    wizard.setPixmap(QWizard::LogoPixmap, logo);
    wizard.setMinimumSize(720, 600);
    auto *page = new FirstPage;
    QFont bold = page->font();
    bold.setBold(true);
    for (QWidget *radio : page->findChildren<QWidget *>(QStringLiteral("cloudRadio"))
             + page->findChildren<QWidget *>(QStringLiteral("onPremRadio")))
        radio->setFont(bold);
    wizard.addPage(page);
    Dawiso::StartupProbe::watch(&wizard);
    wizard.show();
    return app.exec();
}

#include "page_wizard.moc"
