#pragma once

#include <QCoreApplication>
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

    Action action = Action::Wizard;
    bool practiceRun = false;
    QString host;
    QString caFile;
    QString helpText;
    QString error;
};

} // namespace Dawiso
