#include "ListCommand.h"

#include "CommandLine.h"
#include "ConsoleOutput.h"
#include "TextTable.h"
#include "common/Clock.h"
#include "common/ExpiryText.h"
#include "secrets/ConnectionIndex.h"
#include "secrets/SecretEntryName.h"

#include <QCommandLineParser>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

#include <algorithm>
#include <cstring>

namespace Dawiso {

namespace {

const char *const commandName = "list";

// ISO 8601 in UTC for scripts ("2027-03-07T09:15:00Z"); null when unknown.
QJsonValue isoDate(const QDateTime &dateTime)
{
    return dateTime.isValid() ? QJsonValue(dateTime.toUTC().toString(Qt::ISODate)) : QJsonValue();
}

QJsonValue textOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// Minutes are enough for people; the JSON has the seconds.
QString shortDate(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm"));
}

} // namespace

bool ListCommand::isRequested(int argc, char **argv)
{
    return argc > 1 && std::strcmp(argv[1], commandName) == 0;
}

int ListCommand::run(const QStringList &arguments)
{
    bool json = false;
    if (const auto status = parseArguments(arguments, &json))
        return *status;
    QSettings settings;
    const QList<SavedConnection> connections = ConnectionIndex(&settings).connections();
    const QDateTime now = Clock::currentDateTimeUtc();
    ConsoleOutput::write(stdout,
                         json ? QJsonDocument(toJson(connections, now)).toJson(QJsonDocument::Indented)
                              : toText(connections, now).toUtf8());
    return Listed;
}

QString ListCommand::toText(const QList<SavedConnection> &connections, const QDateTime &now)
{
    if (connections.isEmpty()) {
        return tr("No connection is saved on this computer. Set one up with the wizard: run dawiso-qlik-setup (or "
                  "dawiso-qlik-setup --demo for a practice run).")
            + QLatin1Char('\n');
    }
    const QString none = QStringLiteral("-");
    TextTable table({tr("HOST"), tr("DEPLOYMENT"), tr("USER"), tr("KEY ID"), tr("KEY EXPIRES"), tr("VIRTUAL PROXY"),
                     tr("LAST CHECK")});
    for (const SavedConnection &connection : connections) {
        QString user = connection.userName.isEmpty() ? connection.userId : connection.userName;
        QString expiry = tr("unknown");
        if (connection.keyExpiry.isValid()) {
            const int days = ExpiryText::daysUntil(connection.keyExpiry, now);
            QString left;
            if (connection.keyExpiry <= now)
                left = tr("expired");
            else if (days < 1)
                left = tr("less than a day left");
            else
                left = tr("%n day(s) left", nullptr, days);
            expiry = QStringLiteral("%1 (%2)").arg(connection.keyExpiry.toUTC().toString(QStringLiteral("yyyy-MM-dd")),
                                                   left);
        }
        QString lastCheck = tr("never");
        switch (connection.lastCheck) {
        case SavedConnection::LastCheck::Usable:
            lastCheck = tr("usable, %1").arg(shortDate(connection.lastCheckedAt));
            break;
        case SavedConnection::LastCheck::Blocked:
            lastCheck = tr("blocked, %1").arg(shortDate(connection.lastCheckedAt));
            break;
        case SavedConnection::LastCheck::Unreachable:
            lastCheck = tr("unreachable, %1").arg(shortDate(connection.lastCheckedAt));
            break;
        case SavedConnection::LastCheck::None:
            break;
        }
        table.addRow({connection.hostAndPort, SecretEntryName::kindId(connection.kind), user.isEmpty() ? none : user,
                      connection.keyId.isEmpty() ? none : connection.keyId, expiry,
                      connection.virtualProxyPrefix.isEmpty() ? none : connection.virtualProxyPrefix, lastCheck});
    }
    return table.toText() + QLatin1Char('\n')
        + tr("Dates are in UTC. Check them all again with: dawiso-qlik-setup check --all") + QLatin1Char('\n');
}

QJsonObject ListCommand::toJson(const QList<SavedConnection> &connections, const QDateTime &now)
{
    QJsonArray array;
    for (const SavedConnection &connection : connections) {
        QJsonObject key {{QStringLiteral("id"), textOrNull(connection.keyId)},
                         {QStringLiteral("expiry"), isoDate(connection.keyExpiry)},
                         {QStringLiteral("daysLeft"), QJsonValue()},
                         {QStringLiteral("expired"), QJsonValue()}};
        if (connection.keyExpiry.isValid()) {
            key.insert(QStringLiteral("daysLeft"), std::max(0, ExpiryText::daysUntil(connection.keyExpiry, now)));
            key.insert(QStringLiteral("expired"), connection.keyExpiry <= now);
        }
        QJsonValue lastCheck;
        if (connection.lastCheck != SavedConnection::LastCheck::None) {
            lastCheck = QJsonObject {{QStringLiteral("verdict"), ConnectionIndex::lastCheckId(connection.lastCheck)},
                                     {QStringLiteral("checkedAt"), isoDate(connection.lastCheckedAt)}};
        }
        array.append(QJsonObject {
            {QStringLiteral("host"), connection.hostAndPort},
            {QStringLiteral("deployment"), SecretEntryName::kindId(connection.kind)},
            {QStringLiteral("user"),
             QJsonObject {{QStringLiteral("id"), textOrNull(connection.userId)},
                          {QStringLiteral("name"), textOrNull(connection.userName)}}},
            {QStringLiteral("key"), key},
            {QStringLiteral("virtualProxyPrefix"), textOrNull(connection.virtualProxyPrefix)},
            {QStringLiteral("savedAt"), isoDate(connection.savedAt)},
            {QStringLiteral("lastCheck"), lastCheck},
        });
    }
    return {{QStringLiteral("connections"), array}};
}

std::optional<int> ListCommand::parseArguments(const QStringList &arguments, bool *json)
{
    // "list" itself is not an argument of the command.
    QStringList commandArguments = arguments.mid(2);
    for (const QString &argument : std::as_const(commandArguments)) {
        if (CommandLine::mayHoldKey(argument)) {
            return usageError(tr("An API key or token has no place on the command line: other programs and your "
                                 "shell's history can read arguments. The list needs none; it never shows one."));
        }
    }
    commandArguments.prepend(arguments.value(0));

    QCommandLineParser parser;
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption helpOption({QStringLiteral("h"), QStringLiteral("help")}, tr("Show this help."));
    const QCommandLineOption formatOption(QStringLiteral("format"),
                                          tr("text (the default) for people, or json (one object) for scripts."),
                                          tr("format"), QStringLiteral("text"));
    const QList<QCommandLineOption> allOptions {helpOption, formatOption};
    parser.addOptions(allOptions);

    if (!parser.parse(commandArguments))
        return usageError(CommandLine::usageProblem(arguments, allOptions));
    if (parser.isSet(helpOption)) {
        ConsoleOutput::write(stdout, helpText(parser.helpText()).toUtf8());
        return Listed;
    }
    if (!parser.positionalArguments().isEmpty()) {
        // Not repeated back: a stray argument may be a secret.
        return usageError(tr("The list takes only options, for example: list --format json"));
    }
    const QString format = parser.value(formatOption).toLower();
    if (format != QLatin1String("text") && format != QLatin1String("json"))
        return usageError(tr("The value of --format is not known: use --format text or --format json."));
    *json = format == QLatin1String("json");
    return std::nullopt;
}

QString ListCommand::helpText(const QString &optionsHelp)
{
    // QCommandLineParser's own first line would say "Usage: dawiso-qlik-setup [options]", without the command.
    const QString options = optionsHelp.section(QLatin1Char('\n'), 1);
    return tr("Usage: dawiso-qlik-setup list [--format text|json]") + QStringLiteral("\n\n")
        + tr("Lists the connections saved on this computer, as the wizard saved them: host, deployment (%1 or %2), "
             "user, key id, when the key expires, the virtual proxy (Qlik Sense Enterprise) and how the last check "
             "ended. Keys and tokens stay in the keychain: the list never shows one.")
              .arg(SecretEntryName::kindId(DeploymentKind::QlikCloud),
                   SecretEntryName::kindId(DeploymentKind::QlikSenseEnterprise))
        + QLatin1Char('\n') + options + QLatin1Char('\n')
        + tr("--format json prints one object: {\"connections\": [{\"host\", \"deployment\", \"user\": {\"id\", "
             "\"name\"}, \"key\": {\"id\", \"expiry\", \"daysLeft\", \"expired\"}, \"virtualProxyPrefix\", "
             "\"savedAt\", \"lastCheck\": {\"verdict\": usable|blocked|unreachable, \"checkedAt\"}}]}. Dates are "
             "ISO 8601 in UTC; daysLeft counts whole days, 0 once expired; what is not known is null (lastCheck too, "
             "for a connection never checked).")
        + QStringLiteral("\n\n")
        + tr("Exit status: 0 listed (also when none is saved), 2 the command could not run as given.")
        + QLatin1Char('\n');
}

int ListCommand::usageError(const QString &message)
{
    ConsoleOutput::printError(message + QLatin1Char('\n')
                              + tr("Run “dawiso-qlik-setup list --help” for how to use it."));
    return UsageError;
}

} // namespace Dawiso
