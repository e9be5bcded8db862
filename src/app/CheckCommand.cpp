#include "CheckCommand.h"

#include "CommandLine.h"
#include "ConsoleOutput.h"
#include "Deployments.h"
#include "InterruptWatcher.h"
#include "TerminalInput.h"
#include "TextTable.h"
#include "check/ConnectionCheck.h"
#include "check/ReportWriter.h"
#include "connections/SavedConnectionCheck.h"
#include "host/HostParser.h"
#include "net/CertificatePinStore.h"
#include "net/TlsTrust.h"
#include "secrets/ChunkedSecretStore.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/KeychainSecretStore.h"
#include "secrets/SecretEntryName.h"
#include "setup/DeploymentFlow.h"
#include "setup/SetupContext.h"
#include "token/ApiKeyToken.h"
#include "token/SecureMemory.h"

#include <QCommandLineParser>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QSslCertificate>

#include <algorithm>
#include <cstring>
#include <memory>

namespace Dawiso {

namespace {

// Far more than any API key (ApiKeyToken refuses beyond 16 KiB); reading stops here instead of growing a buffer,
// which would leave copies of the key behind in freed memory.
constexpr qsizetype StdinLimit = qsizetype(64) * 1024;

const char *const commandName = "check";

// Option names under which people try to hand over a key. The names are compared without their value, so that the
// value is never repeated back.
bool looksLikeKeyOption(const QString &argument)
{
    if (!argument.startsWith(QLatin1Char('-')))
        return false;
    QString name = argument;
    while (name.startsWith(QLatin1Char('-')))
        name.remove(0, 1);
    name = name.section(QLatin1Char('='), 0, 0).toLower();
    if (name == QLatin1String("token-stdin"))
        return false;
    static const QStringList keyNames {
        QStringLiteral("token"),  QStringLiteral("api-key"),   QStringLiteral("apikey"), QStringLiteral("api_key"),
        QStringLiteral("key"),    QStringLiteral("api-token"), QStringLiteral("bearer"), QStringLiteral("jwt"),
        QStringLiteral("secret"), QStringLiteral("password"),
    };
    return keyNames.contains(name) || name.startsWith(QLatin1String("token"));
}

} // namespace

CheckCommand::CheckCommand(QObject *parent)
    : QObject(parent)
{ }

CheckCommand::~CheckCommand() = default;

bool CheckCommand::isRequested(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], commandName) == 0;
}

int CheckCommand::run(const QStringList &arguments)
{
    // Standard error is for the person at the terminal: the keychain's diagnostics (a missing entry is one; the
    // report says it in words) only when asked for with QT_LOGGING_RULES, which takes precedence over these rules.
    QLoggingCategory::setFilterRules(QStringLiteral("dawiso.*.debug=false\ndawiso.*.info=false"));
    Options options;
    if (const auto status = parseArguments(arguments, &options))
        return *status;
    return options.all ? checkAll(options) : checkOne(options);
}

int CheckCommand::checkOne(const Options &options)
{
    ParsedHost host = HostParser::parse(options.host, DeploymentKind::QlikCloud);
    if (!host.isValid())
        return usageError(host.error());
    DeploymentKind kind = DeploymentKind::QlikCloud;
    if (const auto status = chooseDeployment(options, host, &kind))
        return *status;
    host = HostParser::parse(options.host, kind);
    if (!host.isValid())
        return usageError(host.error());

    TlsTrust trust;
    if (const auto status = prepareTrust(options, &trust))
        return *status;
    SavedConnection connection;
    bool isSaved = false;
    if (const auto status = describeConnection(options, kind, host, &connection, &isSaved))
        return *status;

    QNetworkAccessManager network;
    SetupContext context(&network, &trust, this);
    const std::unique_ptr<DeploymentFlow> flow = Deployments::createFlow(kind, &context);
    const std::unique_ptr<ConnectionCheck> check(flow->createSavedConnectionCheck(connection, nullptr));

    QByteArray key;
    const auto status = options.tokenFromStdin ? readKeyFromStdin(&key) : readKeyFromKeychain(kind, host, &key);
    if (status) {
        SecureMemory::wipe(key);
        return *status;
    }
    const ConnectionReport report = runCheck(*check, host, &key);
    ConsoleOutput::write(stdout, options.json ? ReportWriter::toJson(report) : ReportWriter::toText(report).toUtf8());
    // Only a check of the saved connection as saved speaks for it: not one with a key from standard input, which
    // may be another, nor one through another virtual proxy.
    const SavedConnection::LastCheck result = report.lastCheck();
    if (isSaved && !options.tokenFromStdin && result != SavedConnection::LastCheck::None) {
        QSettings settings;
        ConnectionIndex(&settings).recordCheck(kind, connection.hostAndPort, result, report.checkedAt);
    }
    return statusOf(report.verdict);
}

int CheckCommand::checkAll(const Options &options)
{
    TlsTrust trust;
    if (const auto status = prepareTrust(options, &trust))
        return *status;
    QSettings settings;
    ConnectionIndex index(&settings);
    const QList<SavedConnection> connections = index.connections();
    if (connections.isEmpty()) {
        // Not a success: a scheduled check that finds nothing to check should be noticed.
        return fail(UsageError,
                    tr("No connection is saved on this computer, so there is nothing to check. Set one up with the "
                       "wizard (run dawiso-qlik-setup), then run the check again."));
    }
    // A keychain out of reach (a scheduled job without the user's session) would make every connection look
    // blocked, and the index would remember that: stop before any check instead.
    if (const auto status = ensureKeychainAnswers(connections.first()))
        return *status;

    m_progressOnTerminal = TerminalInput::isTerminal(stderr);
    QNetworkAccessManager network;
    SetupContext context(&network, &trust, this);
    // As the wizard stores them (main.cpp): a long secret in parts.
    ChunkedSecretStore store(std::make_shared<KeychainSecretStore>());
    InterruptWatcher interrupts;
    bool interrupted = false;
    QList<Outcome> outcomes;
    for (const SavedConnection &connection : connections) {
        const std::unique_ptr<DeploymentFlow> flow = Deployments::createFlow(connection.kind, &context);
        SavedConnectionCheck check(flow.get(), &store, &index);
        std::optional<ConnectionReport> report;
        connect(&check, &SavedConnectionCheck::progress, this, [this, &connection](const QString &message) {
            showProgress(connection.hostAndPort + QStringLiteral(": ") + message);
        });
        connect(&check, &SavedConnectionCheck::finished, this, [this, &report](const ConnectionReport &finished) {
            report = finished;
            m_loop.quit();
        });
        const QMetaObject::Connection stop =
            connect(&interrupts, &InterruptWatcher::interrupted, &check, [&check, &interrupted] {
                interrupted = true;
                check.cancel();
            });
        check.start(connection);
        // finished() always follows, also after cancel(): the check ends once the keychain has answered.
        if (!report)
            m_loop.exec();
        disconnect(stop);
        clearProgress();
        outcomes.append({connection, *report, statusOf(report->verdict)});
        if (interrupted)
            break;
    }
    printAll(outcomes, connections.size(), options.json);
    if (interrupted)
        return Interrupted;
    // The highest status: 3 when some connection could not be reached (its state is unknown), else 1 when some
    // is blocked, else 0.
    int worst = Usable;
    for (const Outcome &outcome : std::as_const(outcomes))
        worst = std::max(worst, outcome.status);
    return worst;
}

std::optional<int> CheckCommand::ensureKeychainAnswers(const SavedConnection &connection)
{
    ChunkedSecretStore store(std::make_shared<KeychainSecretStore>());
    std::optional<int> status;
    bool done = false;
    const QPointer<SecretStoreJob> job =
        store.readSecret(SecretEntryName::forHost(connection.kind, connection.hostAndPort));
    connect(job, &SecretStoreJob::finished, this, [&](SecretStoreJob *finishedJob) {
        done = true;
        // Only whether the keychain answers matters here (the secret is not even copied out of the job); a missing
        // entry is that connection's own verdict.
        if (finishedJob->error() != SecretStoreError::None && finishedJob->error() != SecretStoreError::NotFound)
            status = fail(UsageError, finishedJob->errorMessage());
        m_loop.quit();
    });
    InterruptWatcher interrupts;
    connect(&interrupts, &InterruptWatcher::interrupted, &m_loop, &QEventLoop::quit);
    m_loop.exec();
    if (!done) {
        if (job)
            job->disconnect(this);
        return fail(Interrupted, tr("Stopped before the keychain answered."));
    }
    return status;
}

void CheckCommand::printAll(const QList<Outcome> &outcomes, qsizetype saved, bool json)
{
    if (json) {
        QJsonArray connections;
        for (const Outcome &outcome : outcomes) {
            connections.append(QJsonObject {
                {QStringLiteral("host"), outcome.connection.hostAndPort},
                {QStringLiteral("deployment"), SecretEntryName::kindId(outcome.connection.kind)},
                {QStringLiteral("exitStatus"), outcome.status},
                {QStringLiteral("report"), outcome.report.toJson()},
            });
        }
        ConsoleOutput::write(
            stdout,
            QJsonDocument(QJsonObject {{QStringLiteral("connections"), connections}}).toJson(QJsonDocument::Indented));
        return;
    }
    QString text;
    TextTable summary({tr("HOST"), tr("DEPLOYMENT"), tr("EXIT"), tr("RESULT")});
    for (qsizetype i = 0; i < outcomes.size(); ++i) {
        const Outcome &outcome = outcomes.at(i);
        const QString deployment = SecretEntryName::kindId(outcome.connection.kind);
        const QString title =
            tr("Connection %1 of %2: %3 (%4)").arg(i + 1).arg(saved).arg(outcome.connection.hostAndPort, deployment);
        text += title + QLatin1Char('\n') + QString(title.size(), QLatin1Char('=')) + QLatin1Char('\n');
        text += ReportWriter::toText(outcome.report) + QLatin1Char('\n');
        summary.addRow({outcome.connection.hostAndPort, deployment, QString::number(outcome.status),
                        outcome.report.verdictText()});
    }
    text += tr("Summary") + QLatin1Char('\n') + summary.toText();
    ConsoleOutput::write(stdout, text.toUtf8());
}

std::optional<int> CheckCommand::prepareTrust(const Options &options, TlsTrust *trust)
{
    // The same trust as the wizard: the system's CAs, the certificates pinned in the wizard, and for this run only
    // the CAs of --ca-file.
    if (!options.caFile.isEmpty()) {
        if (const auto status = loadCaFile(options.caFile, trust))
            return status;
    }
    QSettings settings;
    CertificatePinStore(&settings).loadInto(*trust);
    return std::nullopt;
}

std::optional<int> CheckCommand::describeConnection(const Options &options, DeploymentKind kind, const ParsedHost &host,
                                                    SavedConnection *connection, bool *isSaved)
{
    QSettings settings;
    const std::optional<SavedConnection> saved = ConnectionIndex(&settings).find(kind, host.hostAndPort());
    if (saved)
        *connection = *saved;
    connection->kind = kind;
    connection->hostAndPort = host.hostAndPort();
    if (kind != DeploymentKind::QlikSenseEnterprise) {
        if (!options.prefix.isEmpty())
            return usageError(tr("--prefix is for Qlik Sense Enterprise only (--deployment %1).")
                                  .arg(SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise)));
        *isSaved = saved.has_value();
        return std::nullopt;
    }
    QString prefix = options.prefix.trimmed();
    while (prefix.startsWith(QLatin1Char('/')))
        prefix.remove(0, 1);
    if (prefix.isEmpty())
        prefix = host.virtualProxyPrefix();
    if (prefix.isEmpty() && saved)
        prefix = saved->virtualProxyPrefix;
    if (prefix.isEmpty()) {
        return usageError(tr("Say through which virtual proxy to check %1 with --prefix, for example --prefix "
                             "dawiso: no connection with one is saved for it.")
                              .arg(host.hostAndPort()));
    }
    // The service user the wizard saved ("CORP\svc_dawiso") comes with the saved connection: the token must stand
    // for it.
    connection->virtualProxyPrefix = prefix;
    *isSaved = saved && saved->virtualProxyPrefix == prefix;
    return std::nullopt;
}

std::optional<int> CheckCommand::chooseDeployment(const Options &options, const ParsedHost &host, DeploymentKind *kind)
{
    if (!options.deployment.isEmpty()) {
        const auto chosen = SecretEntryName::kindFromId(options.deployment.trimmed().toLower());
        if (!chosen) {
            return usageError(tr("The value of --deployment is not known: use --deployment %1 or --deployment %2.")
                                  .arg(SecretEntryName::kindId(DeploymentKind::QlikCloud),
                                       SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise)));
        }
        *kind = *chosen;
        return std::nullopt;
    }
    // The one the wizard saved for this host; Qlik Cloud when none was saved (a key on standard input).
    QSettings settings;
    const ConnectionIndex index(&settings);
    QList<DeploymentKind> saved;
    for (const DeploymentKind candidate : {DeploymentKind::QlikCloud, DeploymentKind::QlikSenseEnterprise}) {
        if (index.find(candidate, host.hostAndPort()))
            saved << candidate;
    }
    if (saved.size() > 1) {
        return usageError(tr("Connections of both kinds are saved for %1. Say which one to check with --deployment "
                             "%2 or --deployment %3.")
                              .arg(host.hostAndPort(), SecretEntryName::kindId(DeploymentKind::QlikCloud),
                                   SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise)));
    }
    *kind = saved.isEmpty() ? DeploymentKind::QlikCloud : saved.first();
    return std::nullopt;
}

std::optional<int> CheckCommand::parseArguments(const QStringList &arguments, Options *options)
{
    // "check" itself is not an argument of the command.
    QStringList commandArguments = arguments.mid(2);
    for (const QString &argument : std::as_const(commandArguments)) {
        if (looksLikeKeyOption(argument) || CommandLine::mayHoldKey(argument)) {
            return usageError(tr("The API key cannot be given as an argument: other programs and your shell's "
                                 "history can read arguments. Pipe it to --token-stdin instead, for example from "
                                 "your password manager, or store it on this computer with the wizard."));
        }
    }
    commandArguments.prepend(arguments.value(0));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption hostOption(QStringLiteral("host"),
                                        tr("The Qlik Cloud tenant or Qlik Sense server to check, as in the browser's "
                                           "address bar (acme.eu.qlikcloud.com, qlikserver.company.com)."),
                                        tr("host[:port]"));
    const QCommandLineOption deploymentOption(
        QStringLiteral("deployment"),
        tr("%1 or %2: which kind of Qlik the host is. The default is the one the wizard saved for the host, else %1.")
            .arg(SecretEntryName::kindId(DeploymentKind::QlikCloud),
                 SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise)),
        tr("id"));
    const QCommandLineOption prefixOption(
        QStringLiteral("prefix"),
        tr("Qlik Sense Enterprise: the prefix of the JWT virtual proxy the token goes through (dawiso). The default "
           "is the one the wizard saved for the host."),
        tr("prefix"));
    const QCommandLineOption caFileOption(QStringLiteral("ca-file"),
                                          tr("Also trust the CA certificates in <file> (PEM, one or more) for this "
                                             "run, for example your company's TLS-inspection root."),
                                          tr("file"));
    const QCommandLineOption tokenStdinOption(QStringLiteral("token-stdin"),
                                              tr("Read the API key from standard input instead of the keychain."));
    const QCommandLineOption allOption(QStringLiteral("all"),
                                       tr("Check every saved connection in turn, each with the key or token the "
                                          "keychain holds for it, instead of one --host."));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("text (the default) for people, or json (one object) for scripts."),
                                          tr("format"), QStringLiteral("text"));
    const QList<QCommandLineOption> allOptions {helpOption,   hostOption,       deploymentOption, prefixOption,
                                                caFileOption, tokenStdinOption, allOption,        formatOption};
    parser.addOptions(allOptions);

    if (!parser.parse(commandArguments))
        return usageError(CommandLine::usageProblem(arguments, allOptions));
    if (parser.isSet(helpOption)) {
        ConsoleOutput::write(stdout, helpText(parser.helpText()).toUtf8());
        return Usable;
    }
    if (!parser.positionalArguments().isEmpty()) {
        // Not repeated back: a stray argument may well be a key.
        return usageError(tr("The check takes only options. Give the host with --host, for example: "
                             "check --host acme.eu.qlikcloud.com"));
    }
    const QString format = parser.value(formatOption).toLower();
    if (parser.isSet(allOption)) {
        // Each saved connection brings its own host, deployment, virtual proxy and keychain entry.
        QStringList clashing;
        for (const QCommandLineOption &option : {hostOption, deploymentOption, prefixOption, tokenStdinOption}) {
            if (parser.isSet(option))
                clashing << QStringLiteral("--") + option.names().constFirst();
        }
        if (!clashing.isEmpty()) {
            return usageError(tr("--all checks every saved connection with what was saved for it: leave out %1, or "
                                 "leave out --all to check one host.")
                                  .arg(clashing.join(QStringLiteral(", "))));
        }
    } else if (!parser.isSet(hostOption) || parser.value(hostOption).trimmed().isEmpty()) {
        return usageError(tr("Say which Qlik tenant to check with --host, for example: --host acme.eu.qlikcloud.com "
                             "(or check every saved connection with --all)."));
    }
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(tr("The value of --format is not known: use --format text or --format json."));

    options->host = parser.value(hostOption);
    options->deployment = parser.value(deploymentOption);
    options->prefix = parser.value(prefixOption);
    options->caFile = parser.value(caFileOption);
    options->tokenFromStdin = parser.isSet(tokenStdinOption);
    options->json = format == QLatin1String("json");
    options->all = parser.isSet(allOption);
    return std::nullopt;
}

std::optional<int> CheckCommand::loadCaFile(const QString &path, TlsTrust *trust)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(UsageError, tr("The CA file %1 could not be read: %2.").arg(path, file.errorString()));
    const QList<QSslCertificate> certificates = QSslCertificate::fromData(file.readAll(), QSsl::Pem);
    if (certificates.isEmpty()) {
        return fail(UsageError,
                    tr("The CA file %1 holds no certificate. Give a PEM file, with lines like "
                       "-----BEGIN CERTIFICATE-----.")
                        .arg(path));
    }
    trust->addCaCertificates(certificates);
    return std::nullopt;
}

std::optional<int> CheckCommand::readKeyFromStdin(QByteArray *key)
{
    QByteArray buffer;
    TerminalInput::ReadResult read = TerminalInput::ReadResult::Failed;
    {
        if (TerminalInput::isTerminal(stdin))
            ConsoleOutput::printError(
                tr("Paste the API key, press Enter, then Ctrl-D (on Windows: Ctrl-Z, then Enter)."));
        const TerminalInput terminal;
        read = terminal.readAll(&buffer, StdinLimit);
    }
    switch (read) {
    case TerminalInput::ReadResult::Complete:
        break;
    case TerminalInput::ReadResult::Interrupted:
        return fail(Interrupted, tr("Stopped before the key was read."));
    case TerminalInput::ReadResult::TooLong:
        return fail(UsageError,
                    tr("Standard input holds more than %1 KiB, far more than an API key. Pipe only the key "
                       "to --token-stdin.")
                        .arg(StdinLimit / 1024));
    case TerminalInput::ReadResult::Failed:
        return fail(UsageError,
                    tr("Standard input could not be read. Pipe the key to --token-stdin, for example: "
                       "your-password-manager get qlik-key | dawiso-qlik-setup check --host HOST --token-stdin"));
    }

    QString text = QString::fromUtf8(buffer);
    SecureMemory::wipe(buffer);
    ApiKeyToken token = ApiKeyToken::fromPastedText(text);
    SecureMemory::wipe(text);
    if (token.problemKind() == ApiKeyToken::Problem::Empty) {
        return fail(UsageError,
                    tr("No API key arrived on standard input. Pipe the key to --token-stdin, for example: "
                       "your-password-manager get qlik-key | dawiso-qlik-setup check --host HOST "
                       "--token-stdin"));
    }
    if (!token.isWellFormed())
        return fail(UsageError, tr("The text on standard input is not a usable API key. %1").arg(token.problem()));
    *key = token.token();
    token.wipe();
    return std::nullopt;
}

std::optional<int> CheckCommand::readKeyFromKeychain(DeploymentKind kind, const ParsedHost &host, QByteArray *key)
{
    // As the wizard stores them (main.cpp): a long secret in parts.
    ChunkedSecretStore store(std::make_shared<KeychainSecretStore>());
    std::optional<int> status;
    bool done = false;
    const QPointer<SecretStoreJob> job = store.readSecret(SecretEntryName::forHost(kind, host.hostAndPort()));
    connect(job, &SecretStoreJob::finished, this, [&](SecretStoreJob *finishedJob) {
        done = true;
        switch (finishedJob->error()) {
        case SecretStoreError::None:
            *key = finishedJob->secret();
            break;
        case SecretStoreError::NotFound:
            status = fail(UsageError,
                          tr("No key is stored for %1 on this computer. Run the wizard, or pipe the key to "
                             "--token-stdin.")
                              .arg(host.hostAndPort()));
            break;
        default:
            status = fail(UsageError, finishedJob->errorMessage());
            break;
        }
        m_loop.quit();
    });
    InterruptWatcher interrupts;
    bool interrupted = false;
    connect(&interrupts, &InterruptWatcher::interrupted, this, [this, &interrupted] {
        interrupted = true;
        m_loop.quit();
    });
    // The job answers from the event loop, never from inside readSecret().
    m_loop.exec();
    if (!done || interrupted) {
        // The job finishes and deletes itself later; its answer is no longer wanted.
        if (job)
            job->disconnect(this);
        return fail(Interrupted, tr("Stopped before the key was read from the keychain."));
    }
    return status;
}

ConnectionReport CheckCommand::runCheck(ConnectionCheck &check, const ParsedHost &host, QByteArray *key)
{
    m_progressOnTerminal = TerminalInput::isTerminal(stderr);

    std::optional<ConnectionReport> report;
    connect(&check, &ConnectionCheck::progress, this, &CheckCommand::showProgress);
    connect(&check, &ConnectionCheck::finished, this, [&](const ConnectionReport &finished) {
        report = finished;
        m_loop.quit();
    });
    InterruptWatcher interrupts;
    connect(&interrupts, &InterruptWatcher::interrupted, &check, &ConnectionCheck::cancel);

    check.start(host.hostAndPort(), *key);
    SecureMemory::wipe(*key);
    if (!report)
        m_loop.exec();
    clearProgress();
    return *report;
}

int CheckCommand::statusOf(ConnectionReport::Verdict verdict)
{
    switch (verdict) {
    case ConnectionReport::Verdict::Usable:
        return Usable;
    case ConnectionReport::Verdict::Blocked:
        return Blocked;
    case ConnectionReport::Verdict::Unreachable:
        return Unreachable;
    case ConnectionReport::Verdict::Cancelled:
        break;
    }
    return Interrupted;
}

void CheckCommand::showProgress(const QString &message)
{
    if (!m_progressOnTerminal)
        return;
    // One line, rewritten in place; spaces wipe the rest of a longer previous message.
    const QString line = message.leftJustified(m_progressWidth);
    m_progressWidth = message.size();
    ConsoleOutput::write(stderr, '\r' + line.toUtf8());
}

void CheckCommand::clearProgress()
{
    if (!m_progressOnTerminal || m_progressWidth == 0)
        return;
    ConsoleOutput::write(stderr, '\r' + QString(m_progressWidth, QLatin1Char(' ')).toUtf8() + '\r');
    m_progressWidth = 0;
}

QString CheckCommand::helpText(const QString &optionsHelp)
{
    // QCommandLineParser's own first line would say "Usage: dawiso-qlik-setup [options]", without the command.
    const QString options = optionsHelp.section(QLatin1Char('\n'), 1);
    return tr("Usage: dawiso-qlik-setup check --host HOST[:PORT] [--deployment ID] [--prefix PREFIX] [--ca-file PEM] "
              "[--token-stdin] [--format text|json]")
        + QLatin1Char('\n') + tr("       dawiso-qlik-setup check --all [--ca-file PEM] [--format text|json]")
        + QStringLiteral("\n\n")
        + tr("Runs the wizard's connection check. Against a Qlik Cloud tenant (--deployment %1): whose key it is, "
             "whether that user is a tenant admin, when the key expires, which spaces and apps it sees and whether it "
             "can open them. Against a Qlik Sense Enterprise site (--deployment %2), through its JWT virtual proxy: "
             "whether the proxy accepts the token and for whom, the repository's build, the service user's roles, "
             "the streams and apps it sees and can open, and whether the engine opens one app and its load script.")
              .arg(SecretEntryName::kindId(DeploymentKind::QlikCloud),
                   SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise))
        + QStringLiteral("\n\n")
        + tr("The key or token comes from this computer's keychain, where the wizard stored it for the host, or from "
             "standard input with --token-stdin. It is never accepted as an argument. A check with the stored key of "
             "a saved connection is remembered with it (see dawiso-qlik-setup list).")
        + QStringLiteral("\n\n")
        + tr("--all checks every saved connection, one after the other, each with its stored key or token, and "
             "remembers each verdict. Text: each connection's report, then one summary line per connection. JSON: "
             "{\"connections\": [{\"host\", \"deployment\", \"exitStatus\", \"report\"}]}, where report is the "
             "object a check of one host prints.")
        + QLatin1Char('\n') + options + QLatin1Char('\n')
        + tr("Exit status: 0 Dawiso can use the key (warnings allowed), 1 a check failed, 2 the command could not "
             "run as given (usage, no key, keychain, CA file), 3 Qlik could not be reached (network or TLS), 130 "
             "stopped with Ctrl-C.")
        + QLatin1Char('\n')
        + tr("With --all: the worst of the connections' statuses, where 3 (one could not be reached, so its state is "
             "unknown) outranks 1 (one is blocked; so is one whose keychain entry is missing), which outranks 0. 2 "
             "when no connection is saved or the keychain cannot be reached, before any check runs; 130 when "
             "stopped, after printing the connections checked so far.")
        + QLatin1Char('\n');
}

int CheckCommand::usageError(const QString &message)
{
    return fail(UsageError,
                message + QLatin1Char('\n') + tr("Run “dawiso-qlik-setup check --help” for how to use it."));
}

int CheckCommand::fail(int status, const QString &message)
{
    ConsoleOutput::printError(message);
    return status;
}

} // namespace Dawiso
