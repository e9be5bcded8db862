#pragma once

#include "secrets/SavedConnection.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace Dawiso {

// `dawiso-qlik-setup list [--format text|json]`: the saved connections as the index remembers them (host, deployment,
// user, key id and expiry, virtual proxy, last check), for people or scripts, with no display. The index holds no
// secret, so neither does anything this prints; it never touches the keychain or the network.
class ListCommand
{
    Q_DECLARE_TR_FUNCTIONS(ListCommand)

public:
    enum ExitStatus {
        Listed = 0, // also when none is saved
        UsageError = 2,
    };

    // True when the command line asks for this command (its first argument is "list").
    static bool isRequested(int argc, char **argv);

    // Runs the command. arguments as QCoreApplication::arguments() gives them: the program, "list", the options.
    // Needs a QCoreApplication. Returns the exit status.
    static int run(const QStringList &arguments);

    // Both formats, for the connections as read at now.
    static QString toText(const QList<SavedConnection> &connections, const QDateTime &now);
    static QJsonObject toJson(const QList<SavedConnection> &connections, const QDateTime &now);

private:
    static std::optional<int> parseArguments(const QStringList &arguments, bool *json);
    static QString helpText(const QString &optionsHelp);
    static int usageError(const QString &message);
};

} // namespace Dawiso
