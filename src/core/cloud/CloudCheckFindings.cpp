#include "cloud/CloudCheckFindings.h"

#include <QJsonObject>
#include <QStringList>

namespace Dawiso {

namespace {

QJsonObject toJsonObject(const QMap<QString, int> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

// Plain words for Qlik's space types; unknown types are shown as Qlik names them.
QString spaceTypeName(const QString &type)
{
    if (type == QLatin1String("shared"))
        return CloudCheckFindings::tr("shared");
    if (type == QLatin1String("managed"))
        return CloudCheckFindings::tr("managed");
    if (type == QLatin1String("data"))
        return CloudCheckFindings::tr("data");
    if (type == QLatin1String("personal"))
        return CloudCheckFindings::tr("personal");
    if (type == QLatin1String("unlisted"))
        return CloudCheckFindings::tr("in spaces the user is not a member of");
    return type;
}

QString breakdown(const QMap<QString, int> &byType)
{
    QStringList parts;
    for (auto it = byType.cbegin(); it != byType.cend(); ++it)
        parts << CloudCheckFindings::tr("%1: %2").arg(spaceTypeName(it.key()), QString::number(it.value()));
    return parts.join(QLatin1String(", "));
}

bool wasRead(const ConnectionReport &report, const QString &checkId)
{
    const CheckResult *result = report.check(checkId);
    return result
        && (result->status == CheckStatus::Pass || result->status == CheckStatus::Warn
            || result->status == CheckStatus::Fail);
}

} // namespace

void CloudCheckFindings::describe(ConnectionReport &report) const
{
    QString tenantLine;
    if (tenantId.isEmpty() && tenantName.isEmpty()) {
        tenantLine = tr("not known");
    } else {
        tenantLine = tenantName.isEmpty() ? tenantId : tenantName;
        if (!tenantId.isEmpty() && !tenantName.isEmpty())
            tenantLine += QLatin1Char(' ') + tr("(id %1)").arg(tenantId);
        if (!tenantRegion.isEmpty())
            tenantLine += QStringLiteral(", ") + tr("region %1").arg(tenantRegion);
    }

    QString spacesLine = tr("not read");
    if (wasRead(report, QStringLiteral("spaces"))) {
        const QString byType = breakdown(spacesByType);
        spacesLine = byType.isEmpty() ? QString::number(spaces) : tr("%1 (%2)").arg(QString::number(spaces), byType);
    }
    QString appsLine = tr("not read");
    if (wasRead(report, QStringLiteral("apps"))) {
        const QString byType = breakdown(appsBySpaceType);
        appsLine = byType.isEmpty() ? QString::number(apps)
                                    : tr("%1 (by kind of space: %2)").arg(QString::number(apps), byType);
    }

    report.reminders << reminders;
    const QString counts = QStringLiteral("counts");
    report.facts << ReportFact::make(ReportFact::Section::About, tr("Tenant"), tenantLine, {QStringLiteral("tenant")},
                                     QJsonObject {{QStringLiteral("id"), tenantId},
                                                  {QStringLiteral("name"), tenantName},
                                                  {QStringLiteral("region"), tenantRegion}})
                 << ReportFact::make(ReportFact::Section::Sees, tr("Spaces"), spacesLine,
                                     {counts, QStringLiteral("spaces")}, spaces)
                 << ReportFact::make(ReportFact::Section::Sees, QString(), QString(),
                                     {counts, QStringLiteral("spacesByType")}, toJsonObject(spacesByType))
                 << ReportFact::make(ReportFact::Section::Sees, tr("Apps"), appsLine, {counts, QStringLiteral("apps")},
                                     apps)
                 << ReportFact::make(ReportFact::Section::Sees, QString(), QString(),
                                     {counts, QStringLiteral("appsBySpaceType")}, toJsonObject(appsBySpaceType))
                 << ReportFact::make(ReportFact::Section::Sees, QString(), QString(),
                                     {counts, QStringLiteral("appsBySpace")}, toJsonObject(appsBySpace));
}

} // namespace Dawiso
