// bare_wizard: the floor Qt sets, for the start-up benchmark (bench_startup) and the baseline of its memory target.
// A QWizard with one empty page and nothing else, linked against Qt Widgets only, with the same StartupProbe as
// dawiso-qlik-setup, so that both are measured the same way.
//
// Built twice: bare_wizard, and bare_wizard_network, a reference that is linked against Qt Network as well
// (DQS_BENCH_WITH_QT_NETWORK), so that it loads Qt Network and the libraries Qt Network needs before main(), as every
// program that talks to the network does. The difference between the two is what that loading costs.
#include "StartupProbe.h"

#include <QApplication>
#include <QWizard>
#include <QWizardPage>
#ifdef DQS_BENCH_WITH_QT_NETWORK
#include <QNetworkRequest>
#endif

int main(int argc, char **argv)
{
    Dawiso::StartupProbe::processStarted();
#ifdef DQS_BENCH_WITH_QT_NETWORK
    // Uses Qt Network, so that it is linked and loaded; no request is made and nothing else is loaded.
    const QNetworkRequest unusedRequest; // clazy:exclude=unused-non-trivial-variable
#endif
    QApplication app(argc, argv);
    QWizard wizard;
    wizard.addPage(new QWizardPage);
    Dawiso::StartupProbe::watch(&wizard);
    wizard.show();
    return app.exec();
}
