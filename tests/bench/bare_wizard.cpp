// bare_wizard: the floor Qt sets for the start-up and memory benchmarks (bench_startup). A QWizard with one empty
// page and nothing else, linked against Qt Widgets only, with the same StartupProbe as dawiso-qlik-setup, so that
// both are measured the same way.
#include "StartupProbe.h"

#include <QApplication>
#include <QWizard>
#include <QWizardPage>

int main(int argc, char **argv)
{
    Dawiso::StartupProbe::processStarted();
    QApplication app(argc, argv);
    QWizard wizard;
    wizard.addPage(new QWizardPage);
    Dawiso::StartupProbe::watch(&wizard);
    wizard.show();
    return app.exec();
}
