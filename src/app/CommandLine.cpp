#include "CommandLine.h"

#include "token/ApiKeyToken.h"

#include <QCommandLineParser>

#include <cstring>

namespace Dawiso {

namespace {

QString withoutLeadingDashes(const QString &argument)
{
    qsizetype dashes = 0;
    while (dashes < argument.size() && argument.at(dashes) == QLatin1Char('-'))
        ++dashes;
    return argument.mid(dashes);
}

const QCommandLineOption *findOption(const QList<QCommandLineOption> &options, const QString &name)
{
    for (const QCommandLineOption &option : options) {
        if (option.names().contains(name))
            return &option;
    }
    return nullptr;
}

} // namespace

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

bool CommandLine::mayHoldKey(const QString &argument)
{
    const QString name = withoutLeadingDashes(argument);
    QStringList candidates {argument, name};
    const qsizetype equals = name.indexOf(QLatin1Char('='));
    if (equals >= 0) {
        QString value = name.mid(equals + 1);
        while (value.startsWith(QLatin1Char('=')))
            value.remove(0, 1);
        candidates << value;
    }
    for (const QString &candidate : std::as_const(candidates)) {
        if (ApiKeyToken::fromPastedText(candidate).isWellFormed())
            return true;
    }
    return false;
}

QString CommandLine::usageProblem(const QStringList &arguments, const QList<QCommandLineOption> &options)
{
    // The parser's own errors quote what was typed ("Unknown option 'eyJ…'"); these find the same mistakes the way
    // the parser reads the arguments (with single-dash words read as long options), and name them without quoting.
    for (qsizetype i = 1; i < arguments.size(); ++i) {
        const QString &argument = arguments.at(i);
        if (argument == QLatin1String("--"))
            break;
        if (!argument.startsWith(QLatin1Char('-')) || argument.size() == 1)
            continue;
        const QString text = withoutLeadingDashes(argument);
        const qsizetype equals = text.indexOf(QLatin1Char('='));
        const QString name = equals >= 0 ? text.left(equals) : text;
        const QCommandLineOption *option = findOption(options, name);
        if (!option) {
            return tr("Argument %1 on the command line is not an option this program knows. It is not shown here, in "
                      "case it holds a secret.")
                .arg(i);
        }
        const QString known = QStringLiteral("--") + option->names().constLast();
        if (option->valueName().isEmpty()) {
            if (equals >= 0)
                return tr("The option %1 takes no value.").arg(known);
            continue;
        }
        if (equals >= 0)
            continue;
        if (i + 1 >= arguments.size())
            return tr("The option %1 needs a value.").arg(known);
        ++i; // the value, whatever it looks like
    }
    return tr("The command line could not be understood.");
}

CommandLine CommandLine::parse(const QStringList &arguments)
{
    CommandLine result;
    QCommandLineParser parser;
    // "-eyJ…" is one unknown option, not a list of one-letter options: easier to explain without repeating it.
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    parser.setApplicationDescription(
        tr("Prepares Qlik for the Dawiso data catalog: checks the Qlik host, guides you through the role and API key "
           "for a dedicated user, stores the key in this computer's keychain and verifies it.")
        + QLatin1Char('\n')
        + tr("For support and scripts, \"dawiso-qlik-setup check --host HOST\" runs the connection check in a "
             "terminal; see \"dawiso-qlik-setup check --help\".")
        + QLatin1Char('\n')
        + tr("\"dawiso-qlik-setup list\" shows the saved connections, \"dawiso-qlik-setup check --all\" checks them "
             "all; see \"dawiso-qlik-setup list --help\"."));
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
    result.helpText = parser.helpText();

    for (const QString &argument : arguments.mid(1)) {
        if (mayHoldKey(argument)) {
            result.action = Action::UsageError;
            result.error = tr("An API key cannot be given on the command line: other programs and your shell's "
                              "history can read it there. Start the wizard without it and paste the key when it asks "
                              "for it.");
            return result;
        }
    }

    if (!parser.parse(arguments)) {
        // QCommandLineParser handles --help-all itself, without listing it as an option.
        const QCommandLineOption helpAllOption(QStringLiteral("help-all"));
        result.action = Action::UsageError;
        result.error = usageProblem(arguments, {helpOption, helpAllOption, versionOption, demoOption, caFileOption});
        return result;
    }
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
        // Not repeated back: a stray argument may well be a key.
        result.action = Action::UsageError;
        // Two or more, never one: no plural forms needed.
        result.error = tr("Give at most one host; %1 arguments were given where the host goes.").arg(positional.size());
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
