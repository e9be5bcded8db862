#include "secrets/ConnectionIndex.h"

#include "common/Clock.h"
#include "secrets/SecretEntryName.h"
#include "secrets/SecretsLogging.h"

#include <QSettings>

#include <algorithm>

namespace Dawiso {

namespace {

const QLatin1String ArrayName("savedConnections");
const QLatin1String KindKey("kind");
const QLatin1String HostKey("host");
const QLatin1String UserNameKey("userName");
const QLatin1String UserIdKey("userId");
const QLatin1String KeyIdKey("keyId");
const QLatin1String KeyExpiryKey("keyExpiry");
const QLatin1String SavedAtKey("savedAt");
const QLatin1String VirtualProxyPrefixKey("virtualProxyPrefix");
const QLatin1String LastCheckKey("lastCheck");
const QLatin1String LastCheckedAtKey("lastCheckedAt");

QString normalizedHost(const QString &hostAndPort)
{
    return hostAndPort.trimmed().toLower();
}

bool matches(const SavedConnection &connection, DeploymentKind kind, const QString &host)
{
    return connection.kind == kind && connection.hostAndPort == host;
}

// ISO 8601 in UTC: readable in the settings file and independent of the time zone it was written in.
QString dateToString(const QDateTime &dateTime)
{
    return dateTime.isValid() ? dateTime.toUTC().toString(Qt::ISODateWithMs) : QString();
}

QDateTime dateFromString(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

} // namespace

ConnectionIndex::ConnectionIndex(QSettings *settings)
    : m_settings(settings)
{
    Q_ASSERT(m_settings);
}

QList<SavedConnection> ConnectionIndex::connections() const
{
    QList<SavedConnection> result;
    const int count = m_settings->beginReadArray(ArrayName);
    // The entries the file holds, in order: its size is only a number, and a file edited by hand or damaged may claim
    // two billion entries, whose reading one by one would hang every start.
    QList<int> indexes;
    for (const QString &group : m_settings->childGroups()) {
        bool isNumber = false;
        const int number = group.toInt(&isNumber);
        if (isNumber && number >= 1 && number <= count)
            indexes << number - 1;
    }
    std::sort(indexes.begin(), indexes.end());
    indexes.resize(std::distance(indexes.begin(), std::unique(indexes.begin(), indexes.end())));
    for (const int i : std::as_const(indexes)) {
        m_settings->setArrayIndex(i);
        const std::optional<DeploymentKind> kind = SecretEntryName::kindFromId(m_settings->value(KindKey).toString());
        const QString host = normalizedHost(m_settings->value(HostKey).toString());
        // Written by a newer version or edited by hand: skip rather than guess.
        if (!kind || host.isEmpty())
            continue;
        if (std::any_of(result.cbegin(), result.cend(),
                        [&](const SavedConnection &known) { return matches(known, *kind, host); }))
            continue;
        SavedConnection connection;
        connection.kind = *kind;
        connection.hostAndPort = host;
        connection.userName = m_settings->value(UserNameKey).toString();
        connection.userId = m_settings->value(UserIdKey).toString();
        connection.keyId = m_settings->value(KeyIdKey).toString();
        connection.keyExpiry = dateFromString(m_settings->value(KeyExpiryKey).toString());
        connection.savedAt = dateFromString(m_settings->value(SavedAtKey).toString());
        connection.virtualProxyPrefix = m_settings->value(VirtualProxyPrefixKey).toString();
        connection.lastCheck = lastCheckFromId(m_settings->value(LastCheckKey).toString());
        connection.lastCheckedAt = dateFromString(m_settings->value(LastCheckedAtKey).toString());
        if (connection.lastCheck == SavedConnection::LastCheck::None)
            connection.lastCheckedAt = QDateTime();
        result.append(connection);
    }
    m_settings->endArray();
    std::sort(result.begin(), result.end(), [](const SavedConnection &a, const SavedConnection &b) {
        if (a.hostAndPort != b.hostAndPort)
            return a.hostAndPort < b.hostAndPort;
        return a.kind < b.kind;
    });
    return result;
}

std::optional<SavedConnection> ConnectionIndex::find(DeploymentKind kind, const QString &hostAndPort) const
{
    const QString host = normalizedHost(hostAndPort);
    for (const SavedConnection &connection : connections()) {
        if (matches(connection, kind, host))
            return connection;
    }
    return std::nullopt;
}

void ConnectionIndex::upsert(const SavedConnection &connection)
{
    SavedConnection entry = connection;
    entry.hostAndPort = normalizedHost(connection.hostAndPort);
    if (entry.hostAndPort.isEmpty())
        return;
    if (!entry.savedAt.isValid())
        entry.savedAt = Clock::currentDateTimeUtc();
    QList<SavedConnection> all = connections();
    all.removeIf([&](const SavedConnection &known) { return matches(known, entry.kind, entry.hostAndPort); });
    all.append(entry);
    writeAll(all);
}

void ConnectionIndex::remove(DeploymentKind kind, const QString &hostAndPort)
{
    const QString host = normalizedHost(hostAndPort);
    QList<SavedConnection> all = connections();
    if (all.removeIf([&](const SavedConnection &known) { return matches(known, kind, host); }) > 0)
        writeAll(all);
}

void ConnectionIndex::recordCheck(DeploymentKind kind, const QString &hostAndPort, SavedConnection::LastCheck result,
                                  const QDateTime &checkedAt)
{
    const QString host = normalizedHost(hostAndPort);
    QList<SavedConnection> all = connections();
    for (SavedConnection &known : all) {
        if (matches(known, kind, host)) {
            known.lastCheck = result;
            known.lastCheckedAt = result == SavedConnection::LastCheck::None ? QDateTime() : checkedAt;
            writeAll(all);
            return;
        }
    }
}

QString ConnectionIndex::lastCheckId(SavedConnection::LastCheck result)
{
    switch (result) {
    case SavedConnection::LastCheck::Usable:
        return QStringLiteral("usable");
    case SavedConnection::LastCheck::Blocked:
        return QStringLiteral("blocked");
    case SavedConnection::LastCheck::Unreachable:
        return QStringLiteral("unreachable");
    case SavedConnection::LastCheck::None:
        break;
    }
    return QString();
}

SavedConnection::LastCheck ConnectionIndex::lastCheckFromId(const QString &id)
{
    for (const auto result : {SavedConnection::LastCheck::Usable, SavedConnection::LastCheck::Blocked,
                              SavedConnection::LastCheck::Unreachable}) {
        if (id == lastCheckId(result))
            return result;
    }
    return SavedConnection::LastCheck::None;
}

void ConnectionIndex::writeAll(const QList<SavedConnection> &connections)
{
    // Rewritten as a whole, so that no stale field of a removed or shorter list survives.
    m_settings->remove(ArrayName);
    m_settings->beginWriteArray(ArrayName, static_cast<int>(connections.size()));
    for (int i = 0; i < connections.size(); ++i) {
        const SavedConnection &connection = connections.at(i);
        m_settings->setArrayIndex(i);
        m_settings->setValue(KindKey, SecretEntryName::kindId(connection.kind));
        m_settings->setValue(HostKey, connection.hostAndPort);
        m_settings->setValue(UserNameKey, connection.userName);
        m_settings->setValue(UserIdKey, connection.userId);
        m_settings->setValue(KeyIdKey, connection.keyId);
        m_settings->setValue(KeyExpiryKey, dateToString(connection.keyExpiry));
        m_settings->setValue(SavedAtKey, dateToString(connection.savedAt));
        // Only where there is one, so that the entries of Qlik Cloud read as before.
        if (!connection.virtualProxyPrefix.isEmpty())
            m_settings->setValue(VirtualProxyPrefixKey, connection.virtualProxyPrefix);
        if (connection.lastCheck != SavedConnection::LastCheck::None && connection.lastCheckedAt.isValid()) {
            m_settings->setValue(LastCheckKey, lastCheckId(connection.lastCheck));
            m_settings->setValue(LastCheckedAtKey, dateToString(connection.lastCheckedAt));
        }
    }
    m_settings->endArray();
    m_settings->sync();
    if (m_settings->status() != QSettings::NoError)
        qCWarning(lcSecrets) << "Could not write the saved-connections index to" << m_settings->fileName();
}

} // namespace Dawiso
