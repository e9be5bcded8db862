#include "secrets/SecretEntryName.h"

namespace Dawiso {

QString SecretEntryName::forHost(DeploymentKind kind, const QString &hostAndPort)
{
    const QString host = hostAndPort.trimmed().toLower();
    if (host.isEmpty())
        return QString();
    for (const QChar c : host) {
        if (c == QLatin1Char('/') || c == QLatin1Char('\\') || c.isSpace() || c.category() == QChar::Other_Control)
            return QString();
    }
    return QStringLiteral(DQS_APP_ID) + QLatin1Char('/') + kindId(kind) + QLatin1Char('/') + host;
}

QString SecretEntryName::forSigningKey(DeploymentKind kind, const QString &hostAndPort)
{
    const QString host = forHost(kind, hostAndPort);
    return host.isEmpty() ? QString() : host + QStringLiteral("/signing-key");
}

QString SecretEntryName::kindId(DeploymentKind kind)
{
    switch (kind) {
    case DeploymentKind::QlikCloud:
        return QStringLiteral("qlik-cloud");
    case DeploymentKind::QlikSenseEnterprise:
        return QStringLiteral("qlik-sense");
    }
    return QString();
}

std::optional<DeploymentKind> SecretEntryName::kindFromId(const QString &id)
{
    for (const DeploymentKind kind : {DeploymentKind::QlikCloud, DeploymentKind::QlikSenseEnterprise}) {
        if (id == kindId(kind))
            return kind;
    }
    return std::nullopt;
}

} // namespace Dawiso
