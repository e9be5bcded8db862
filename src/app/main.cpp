#include "AppStyle.h"
#include "AppTranslations.h"
#include "CheckCommand.h"
#include "CommandLine.h"
#include "Deployments.h"
#include "ListCommand.h"
#include "PixelIcon.h"
#include "SetupWizard.h"
#include "StartupProbe.h"
#include "cloud/CloudFlow.h"
#include "net/CertificatePinStore.h"
#include "net/TlsTrust.h"
#include "oauth/OAuthClientSettings.h"
#include "secrets/ChunkedSecretStore.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/KeychainSecretStore.h"
#include "setup/SetupController.h"

#include <QApplication>
#include <QSettings>
#include <QSslCertificate>
#include <QTextStream>

#include <memory>

#ifdef Q_OS_WIN
#include <cstdio>
#include <windows.h>
#endif

using namespace Dawiso;

namespace {

// The executable is a GUI program (no console window pops up on a double-click). Its command-line modes write to the
// console they were started from, on Windows too, unless their output already goes to a file or pipe.
void attachParentConsole()
{
#ifdef Q_OS_WIN
    if (!AttachConsole(ATTACH_PARENT_PROCESS))
        return;
    if (GetStdHandle(STD_OUTPUT_HANDLE) == nullptr)
        std::freopen("CONOUT$", "w", stdout);
    if (GetStdHandle(STD_ERROR_HANDLE) == nullptr)
        std::freopen("CONOUT$", "w", stderr);
#endif
}

void setIdentity()
{
    QCoreApplication::setOrganizationName(QStringLiteral("Dawiso"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("dawiso.com"));
    QCoreApplication::setApplicationName(QStringLiteral("Qlik Setup"));
    QCoreApplication::setApplicationVersion(QStringLiteral(DQS_VERSION));
}

int runWithoutDisplay(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    AppTranslations::install(app);
    const CommandLine commandLine = CommandLine::parse(QCoreApplication::arguments());
    QTextStream out(stdout);
    switch (commandLine.action) {
    case CommandLine::Action::ShowVersion:
        out << QStringLiteral(DQS_APP_NAME " " DQS_VERSION) << Qt::endl;
        return 0;
    case CommandLine::Action::ShowHelp:
        out << commandLine.helpText;
        return 0;
    default:
        QTextStream(stderr) << commandLine.error << Qt::endl;
        return 2;
    }
}

// `check` is for terminals and scripts: a QCoreApplication only, so it runs where there is no display.
int runCheck(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    AppTranslations::install(app);
    CheckCommand command;
    return command.run(QCoreApplication::arguments());
}

// `list` reads the index only: no display, no network, no keychain.
int runList(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    setIdentity();
    AppTranslations::install(app);
    return ListCommand::run(QCoreApplication::arguments());
}

} // namespace

int main(int argc, char **argv)
{
    StartupProbe::processStarted();
    if (CheckCommand::isRequested(argc, argv)) {
        attachParentConsole();
        return runCheck(argc, argv);
    }
    if (ListCommand::isRequested(argc, argv)) {
        attachParentConsole();
        return runList(argc, argv);
    }
    if (CommandLine::needsNoDisplay(argc, argv)) {
        attachParentConsole();
        return runWithoutDisplay(argc, argv);
    }

    QApplication app(argc, argv);
    QApplication::setStyle(new AppStyle);
    setIdentity();
    AppTranslations::install(app);
    QGuiApplication::setDesktopFileName(QStringLiteral(DQS_APP_ID));
    // Every window, dialogs included, and the taskbar entry where no desktop entry supplies the icon.
    QGuiApplication::setWindowIcon(PixelIcon::icon(PixelIcons::appIcon));

    const CommandLine commandLine = CommandLine::parse(QCoreApplication::arguments());
    if (commandLine.action == CommandLine::Action::UsageError) {
        QTextStream(stderr) << commandLine.error << Qt::endl << commandLine.helpText;
        return 2;
    }

    TlsTrust trust;
    if (!commandLine.caFile.isEmpty()) {
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(commandLine.caFile, QSsl::Pem);
        if (certificates.isEmpty()) {
            QTextStream(stderr) << QCoreApplication::translate("main", "No PEM certificates could be read from %1.")
                                       .arg(commandLine.caFile)
                                << Qt::endl;
            return 2;
        }
        trust.addCaCertificates(certificates);
    }

    QSettings settings;
    CertificatePinStore pinStore(&settings);
    pinStore.loadInto(trust);
    ConnectionIndex index(&settings);
    OAuthClientSettings oauthClients(&settings);
    // Private keys are longer than one entry of Windows Credential Manager takes: in parts, on every platform alike.
    ChunkedSecretStore secretStore(std::make_shared<KeychainSecretStore>());

    // With a network manager of its own, made when the first step needs it (not before the window shows).
    SetupController controller(nullptr, &trust, &secretStore, &index);
    controller.setCertificatePinStore(&pinStore);
    SetupWizard wizard(&controller);
    Deployments::addAll(&controller, &wizard)->setOAuthClientSettings(&oauthClients);
    if (commandLine.practiceRun)
        wizard.preparePracticeRun();
    else if (!commandLine.host.isEmpty())
        wizard.setInitialHost(commandLine.host);
    StartupProbe::watch(&wizard);
    wizard.show();
    const int status = app.exec();
    // Qlik is told to forget the sign-ins as the wizard closes; give that a moment, the window already gone.
    controller.waitForSignOuts(std::chrono::seconds(3));
    return status;
}
