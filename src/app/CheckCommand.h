#pragma once

#include "check/ConnectionReport.h"
#include "host/DeploymentKind.h"
#include "secrets/SavedConnection.h"

#include <QByteArray>
#include <QEventLoop>
#include <QObject>
#include <QString>
#include <QStringList>

#include <optional>

namespace Dawiso {

class ConnectionCheck;
class ParsedHost;
class TlsTrust;

// `dawiso-qlik-setup check --host HOST[:PORT] [--deployment ID] [--prefix PREFIX] [--ca-file PEM] [--token-stdin]
// [--format text|json]`: the wizard's connection check for support and scripts, with no display. The deployment is the
// one saved for the host (or --deployment); the key (Qlik Cloud) or token (Qlik Sense Enterprise, through the JWT
// virtual proxy of --prefix or the one saved) comes from the keychain entry of the host, or from standard input with
// --token-stdin; never from an argument, where other users and the shell history could read it. Standard output
// holds only the result; progress goes to standard error when that is a terminal. A check with the keychain's
// credential of a saved connection remembers its verdict in the index, as the wizard's "Check again" does.
//
// `check --all [--ca-file PEM] [--format text|json]` checks every saved connection in turn, each with its own
// keychain entry, and exits with the worst status of them (see helpText()).
class CheckCommand : public QObject
{
    Q_OBJECT

public:
    enum ExitStatus {
        Usable = 0, // warnings allowed
        Blocked = 1, // a check failed
        UsageError = 2, // also: no key, unreadable --ca-file, keychain unavailable, nothing saved for --all
        Unreachable = 3, // network or TLS failure: nothing could be checked
        Interrupted = 130, // Ctrl-C, the shells' convention (128 + SIGINT)
    };

    explicit CheckCommand(QObject *parent = nullptr);
    ~CheckCommand() override;

    // True when the command line asks for this command (its first argument is "check"), so that main() can run it
    // before any QApplication exists.
    static bool isRequested(int argc, char **argv);

    // Runs the command. arguments as QCoreApplication::arguments() gives them: the program, "check", the options.
    // Needs a QCoreApplication; runs an event loop while it waits. Returns the exit status.
    int run(const QStringList &arguments);

private:
    struct Options
    {
        QString host;
        QString deployment; // an id of SecretEntryName::kindId(); empty: the saved connection's
        QString prefix; // Qlik Sense Enterprise's virtual proxy; empty: from --host or the saved connection
        QString caFile;
        bool tokenFromStdin = false;
        bool json = false;
        bool all = false;
    };

    // One saved connection's turn in `check --all`.
    struct Outcome
    {
        SavedConnection connection;
        ConnectionReport report;
        int status = Usable;
    };

    std::optional<int> parseArguments(const QStringList &arguments, Options *options);
    int checkOne(const Options &options);
    int checkAll(const Options &options);
    std::optional<int> prepareTrust(const Options &options, TlsTrust *trust);
    std::optional<int> loadCaFile(const QString &path, TlsTrust *trust);
    std::optional<int> readKeyFromStdin(QByteArray *key);
    std::optional<int> chooseDeployment(const Options &options, const ParsedHost &host, DeploymentKind *kind);
    std::optional<int> readKeyFromKeychain(DeploymentKind kind, const ParsedHost &host, QByteArray *key);
    std::optional<int> describeConnection(const Options &options, DeploymentKind kind, const ParsedHost &host,
                                          SavedConnection *connection, bool *isSaved);
    std::optional<int> ensureKeychainAnswers(const SavedConnection &connection);
    ConnectionReport runCheck(ConnectionCheck &check, const ParsedHost &host, QByteArray *key);
    // saved: how many connections there are, of which outcomes holds the ones checked before any Ctrl-C.
    void printAll(const QList<Outcome> &outcomes, qsizetype saved, bool json);
    void showProgress(const QString &message);
    void clearProgress();

    static int statusOf(ConnectionReport::Verdict verdict);
    static QString helpText(const QString &optionsHelp);
    static int usageError(const QString &message);
    static int fail(int status, const QString &message);

    QEventLoop m_loop;
    bool m_progressOnTerminal = false;
    qsizetype m_progressWidth = 0;
};

} // namespace Dawiso
