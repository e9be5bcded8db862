#include "enterprise/ReadRule.h"

#include "enterprise/ServiceUser.h"

#include <QRegularExpression>

namespace Dawiso {

namespace {

// QRS ruleContext: 0 both, 1 hub only, 2 QMC only; actions is a bit set where 2 is Read.
constexpr int kBothContexts = 0;
constexpr int kReadAction = 2;

QString quoted(QString value)
{
    return QLatin1Char('"') + value.replace(QLatin1Char('"'), QStringLiteral("\\\"")) + QLatin1Char('"');
}

QString normalised(QString text)
{
    static const QRegularExpression space(QStringLiteral("\\s+"));
    return text.remove(space).toLower();
}

} // namespace

QString ReadRule::name(const ServiceUser &user)
{
    return QStringLiteral("Dawiso read access for %1").arg(user.account());
}

QString ReadRule::resourceFilter()
{
    return QStringLiteral("App_*,Stream_*,App.Object_*");
}

QString ReadRule::condition(const ServiceUser &user)
{
    return QStringLiteral("((user.userDirectory=%1 and user.userId=%2))")
        .arg(quoted(user.userDirectory), quoted(user.userId));
}

QJsonObject ReadRule::entity(const ServiceUser &user)
{
    return QJsonObject {
        {QStringLiteral("name"), name(user)},
        {QStringLiteral("category"), QStringLiteral("Security")},
        {QStringLiteral("type"), QStringLiteral("Custom")},
        {QStringLiteral("rule"), condition(user)},
        {QStringLiteral("resourceFilter"), resourceFilter()},
        {QStringLiteral("actions"), kReadAction},
        {QStringLiteral("ruleContext"), kBothContexts},
        {QStringLiteral("disabled"), false},
        {QStringLiteral("comment"),
         QStringLiteral(
             "Lets the Dawiso data catalog read every app, stream and app object. Made by Dawiso Qlik Setup.")},
    };
}

bool ReadRule::matches(const QJsonObject &rule, const ServiceUser &user)
{
    if (rule.value(QStringLiteral("disabled")).toBool())
        return false;
    if ((rule.value(QStringLiteral("actions")).toInt() & kReadAction) == 0)
        return false;
    if (rule.value(QStringLiteral("ruleContext")).toInt(-1) != kBothContexts)
        return false;
    const QStringList resources =
        normalised(rule.value(QStringLiteral("resourceFilter")).toString()).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &needed : normalised(resourceFilter()).split(QLatin1Char(','))) {
        if (!resources.contains(needed))
            return false;
    }
    return normalised(rule.value(QStringLiteral("rule")).toString()) == normalised(condition(user));
}

QList<VirtualProxySettings::QmcField> ReadRule::qmcFields(const ServiceUser &user)
{
    const QString section = tr("Security rule");
    return {
        {section, tr("Name"), name(user)},
        {section, tr("Resource filter"), resourceFilter()},
        {section, tr("Actions"), tr("Read")},
        {section, tr("Context"), tr("Both in hub and QMC")},
        {section, tr("Conditions"), condition(user)},
    };
}

} // namespace Dawiso
