#include "AppTranslations.h"
#include "CommandLine.h"
#include "SetupWizard.h"
#include "net/CertificatePinStore.h"
#include "net/TlsTrust.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/KeychainSecretStore.h"
#include "setup/SetupController.h"

#include <QApplication>
#include <QNetworkAccessManager>
#include <QSettings>
#include <QSslCertificate>
#include <QTextStream>

using namespace Dawiso;

namespace {

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

} // namespace

int main(int argc, char **argv)
{
    if (CommandLine::needsNoDisplay(argc, argv))
        return runWithoutDisplay(argc, argv);

    QApplication app(argc, argv);
    setIdentity();
    AppTranslations::install(app);
    QGuiApplication::setApplicationDisplayName(QStringLiteral(DQS_APP_NAME));
    QGuiApplication::setDesktopFileName(QStringLiteral(DQS_APP_ID));

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
    KeychainSecretStore secretStore;
    QNetworkAccessManager network;

    SetupController controller(&network, &trust, &secretStore, &index);
    controller.setCertificatePinStore(&pinStore);

    SetupWizard wizard(&controller);
    if (commandLine.practiceRun)
        wizard.startPracticeRun();
    else if (!commandLine.host.isEmpty())
        wizard.setInitialHost(commandLine.host);
    wizard.show();
    return app.exec();
}
