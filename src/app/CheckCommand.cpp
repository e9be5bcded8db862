#include "CheckCommand.h"

#include "CommandLine.h"
#include "Deployments.h"
#include "InterruptWatcher.h"
#include "TerminalInput.h"
#include "check/ConnectionCheck.h"
#include "check/ReportWriter.h"
#include "enterprise/EnterpriseConnectionCheck.h"
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
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QPointer>
#include <QSettings>
#include <QSslCertificate>

#include <cstdio>
#include <cstring>
#include <memory>

namespace Dawiso {

namespace {

// Far more than any API key (ApiKeyToken refuses beyond 16 KiB); reading stops here instead of growing a buffer,
// which would leave copies of the key behind in freed memory.
constexpr qsizetype StdinLimit = 64 * 1024;

const char *const commandName = "check";

void writeTo(std::FILE *stream, const QByteArray &bytes)
{
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stream);
    std::fflush(stream);
}

void printError(const QString &message)
{
    writeTo(stderr, message.toUtf8() + '\n');
}

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
    // Standard error is for the person at the terminal: the keychain's diagnostics only when asked for with
    // QT_LOGGING_RULES, which takes precedence over this rule.
    QLoggingCategory::setFilterRules(QStringLiteral("dawiso.*.debug=false"));
    Options options;
    if (const auto status = parseArguments(arguments, &options))
        return *status;

    ParsedHost host = HostParser::parse(options.host, DeploymentKind::QlikCloud);
    if (!host.isValid())
        return usageError(host.error());
    DeploymentKind kind = DeploymentKind::QlikCloud;
    if (const auto status = chooseDeployment(options, host, &kind))
        return *status;
    host = HostParser::parse(options.host, kind);
    if (!host.isValid())
        return usageError(host.error());

    // The same trust as the wizard: the system's CAs, the certificates pinned in the wizard, and for this run only
    // the CAs of --ca-file.
    TlsTrust trust;
    if (!options.caFile.isEmpty()) {
        if (const auto status = loadCaFile(options.caFile, &trust))
            return *status;
    }
    QSettings settings;
    CertificatePinStore(&settings).loadInto(trust);

    QNetworkAccessManager network;
    SetupContext context(&network, &trust, this);
    std::unique_ptr<DeploymentFlow> flow;
    std::unique_ptr<ConnectionCheck> check;
    if (kind == DeploymentKind::QlikSenseEnterprise) {
        if (const auto status = enterpriseCheck(options, host, &context, &check))
            return *status;
    } else {
        if (!options.prefix.isEmpty())
            return usageError(tr("--prefix is for Qlik Sense Enterprise only (--deployment %1).")
                                  .arg(SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise)));
        flow = Deployments::createFlow(kind, &context);
        check.reset(flow->createConnectionCheck(host, nullptr));
    }

    QByteArray key;
    const auto status = options.tokenFromStdin ? readKeyFromStdin(&key) : readKeyFromKeychain(kind, host, &key);
    if (status) {
        SecureMemory::wipe(key);
        return *status;
    }
    return runCheck(*check, host, &key, options.json);
}

std::optional<int> CheckCommand::enterpriseCheck(const Options &options, const ParsedHost &host, SetupContext *context,
                                                 std::unique_ptr<ConnectionCheck> *check)
{
    QSettings settings;
    const std::optional<SavedConnection> saved =
        ConnectionIndex(&settings).find(DeploymentKind::QlikSenseEnterprise, host.hostAndPort());
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
    auto enterprise = std::make_unique<EnterpriseConnectionCheck>(context->network(), context->trust());
    enterprise->setVirtualProxyPrefix(prefix);
    // The service user the wizard saved ("CORP\svc_dawiso"): the token must stand for it.
    if (saved) {
        const qsizetype slash = saved->userName.indexOf(QLatin1Char('\\'));
        if (slash > 0)
            enterprise->setServiceUser(saved->userName.left(slash), saved->userName.mid(slash + 1));
    }
    *check = std::move(enterprise);
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
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("text (the default) for people, or json (one object) for scripts."),
                                          tr("format"), QStringLiteral("text"));
    const QList<QCommandLineOption> allOptions {helpOption,   hostOption,       deploymentOption, prefixOption,
                                                caFileOption, tokenStdinOption, formatOption};
    parser.addOptions(allOptions);

    if (!parser.parse(commandArguments))
        return usageError(CommandLine::usageProblem(arguments, allOptions));
    if (parser.isSet(helpOption)) {
        writeTo(stdout, helpText(parser.helpText()).toUtf8());
        return Usable;
    }
    if (!parser.positionalArguments().isEmpty()) {
        // Not repeated back: a stray argument may well be a key.
        return usageError(tr("The check takes only options. Give the host with --host, for example: "
                             "check --host acme.eu.qlikcloud.com"));
    }
    if (!parser.isSet(hostOption) || parser.value(hostOption).trimmed().isEmpty())
        return usageError(tr("Say which Qlik tenant to check with --host, for example: --host acme.eu.qlikcloud.com"));
    const QString format = parser.value(formatOption).toLower();
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(tr("The value of --format is not known: use --format text or --format json."));

    options->host = parser.value(hostOption);
    options->deployment = parser.value(deploymentOption);
    options->prefix = parser.value(prefixOption);
    options->caFile = parser.value(caFileOption);
    options->tokenFromStdin = parser.isSet(tokenStdinOption);
    options->json = format == QLatin1String("json");
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
            printError(tr("Paste the API key, press Enter, then Ctrl-D (on Windows: Ctrl-Z, then Enter)."));
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

int CheckCommand::runCheck(ConnectionCheck &check, const ParsedHost &host, QByteArray *key, bool json)
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

    writeTo(stdout, json ? ReportWriter::toJson(*report) : ReportWriter::toText(*report).toUtf8());
    switch (report->verdict) {
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
    writeTo(stderr, '\r' + line.toUtf8());
}

void CheckCommand::clearProgress()
{
    if (!m_progressOnTerminal || m_progressWidth == 0)
        return;
    writeTo(stderr, '\r' + QString(m_progressWidth, QLatin1Char(' ')).toUtf8() + '\r');
    m_progressWidth = 0;
}

QString CheckCommand::helpText(const QString &optionsHelp)
{
    // QCommandLineParser's own first line would say "Usage: dawiso-qlik-setup [options]", without the command.
    const QString options = optionsHelp.section(QLatin1Char('\n'), 1);
    return tr("Usage: dawiso-qlik-setup check --host HOST[:PORT] [--deployment ID] [--prefix PREFIX] [--ca-file PEM] "
              "[--token-stdin] [--format text|json]")
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
             "standard input with --token-stdin. It is never accepted as an argument.")
        + QLatin1Char('\n') + options + QLatin1Char('\n')
        + tr("Exit status: 0 Dawiso can use the key (warnings allowed), 1 a check failed, 2 the command could not "
             "run as given (usage, no key, keychain, CA file), 3 Qlik could not be reached (network or TLS), 130 "
             "stopped with Ctrl-C.")
        + QLatin1Char('\n');
}

int CheckCommand::usageError(const QString &message)
{
    return fail(UsageError,
                message + QLatin1Char('\n') + tr("Run “dawiso-qlik-setup check --help” for how to use it."));
}

int CheckCommand::fail(int status, const QString &message)
{
    printError(message);
    return status;
}

} // namespace Dawiso
