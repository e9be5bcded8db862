#pragma once

#include <QCommandLineOption>
#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace Dawiso {

// What the user asked for on the command line. Parsing needs no QApplication, so --help and --version work without
// a display (on a server, over SSH, in CI).
class CommandLine
{
    Q_DECLARE_TR_FUNCTIONS(CommandLine)

public:
    enum class Action {
        Wizard,
        ShowHelp,
        ShowVersion,
        UsageError,
    };

    static CommandLine parse(const QStringList &arguments);
    // True when the arguments can be handled without a display.
    static bool needsNoDisplay(int argc, char **argv);

    // Whether an argument could hold an API key: the whole of it, the text after its leading dashes ("-eyJ…") or
    // the text after its first '=' ("--format=eyJ…"). Such an argument is refused and never repeated.
    static bool mayHoldKey(const QString &argument);
    // Why a QCommandLineParser with these options refused the arguments (the program first), in words that never
    // repeat what was typed, since it could be a key: an unknown option by its position (1 = the first argument
    // after the program), or a known option by its own name.
    static QString usageProblem(const QStringList &arguments, const QList<QCommandLineOption> &options);

    Action action = Action::Wizard;
    bool practiceRun = false;
    QString host;
    QString caFile;
    QString helpText;
    QString error;
};

} // namespace Dawiso
