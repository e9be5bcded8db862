#include "CommandLine.h"

#include <QCommandLineParser>

#include <cstring>

namespace Dawiso {

bool CommandLine::needsNoDisplay(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *option : {"--help", "-h", "--version", "-v", "--help-all"}) {
            if (std::strcmp(argv[i], option) == 0)
                return true;
        }
    }
    return false;
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine result;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        tr("Prepares Qlik for the Dawiso data catalog: checks the Qlik host, guides you through the role and API key "
           "for a dedicated user, stores the key in this computer's keychain and verifies it.")
        + QLatin1Char('\n')
        + tr("For support and scripts, \"dawiso-qlik-setup check --host HOST\" runs the connection check in a "
             "terminal; see \"dawiso-qlik-setup check --help\"."));
    const QCommandLineOption helpOption = parser.addHelpOption();
    const QCommandLineOption versionOption = parser.addVersionOption();
    const QCommandLineOption demoOption(QStringLiteral("demo"),
                                        tr("Practice run against a simulated Qlik tenant on this computer."));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"),
                                          tr("Also trust the CA certificates in <file> (PEM) for this run, for "
                                             "example your company's TLS-inspection root."),
                                          tr("file"));
    parser.addOption(demoOption);
    parser.addOption(caFileOption);
    parser.addPositionalArgument(QStringLiteral("host"), tr("Your Qlik tenant's address, to fill in."),
                                 QStringLiteral("[host]"));

    if (!parser.parse(arguments)) {
        result.action = Action::UsageError;
        result.error = parser.errorText();
        return result;
    }
    result.helpText = parser.helpText();
    if (parser.isSet(helpOption)) {
        result.action = Action::ShowHelp;
        return result;
    }
    if (parser.isSet(versionOption)) {
        result.action = Action::ShowVersion;
        return result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        result.action = Action::UsageError;
        result.error = tr("Give at most one host; got %1.").arg(positional.join(QLatin1String(", ")));
        return result;
    }
    if (parser.isSet(demoOption) && !positional.isEmpty()) {
        result.action = Action::UsageError;
        result.error = tr("--demo uses the simulated tenant; leave out the host, or leave out --demo.");
        return result;
    }
    result.practiceRun = parser.isSet(demoOption);
    result.host = positional.value(0);
    result.caFile = parser.value(caFileOption);
    return result;
}

} // namespace Dawiso
