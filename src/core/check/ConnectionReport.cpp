#include "check/ConnectionReport.h"

#include <QJsonArray>

namespace Dawiso {

namespace {

QJsonObject toJsonObject(const QMap<QString, int> &map)
{
    QJsonObject object;
    for (auto it = map.cbegin(); it != map.cend(); ++it)
        object.insert(it.key(), it.value());
    return object;
}

} // namespace

const CheckResult *ConnectionReport::check(const QString &id) const
{
    for (const CheckResult &result : checks) {
        if (result.id == id)
            return &result;
    }
    return nullptr;
}

int ConnectionReport::countWithStatus(CheckStatus status) const
{
    int count = 0;
    for (const CheckResult &result : checks) {
        if (result.status == status)
            ++count;
    }
    return count;
}

QString ConnectionReport::verdictText() const
{
    const int warnings = countWithStatus(CheckStatus::Warn);
    const int failures = countWithStatus(CheckStatus::Fail);
    switch (verdict) {
    case Verdict::Usable:
        return warnings == 0 ? tr("Dawiso can use this key: every check passed.")
                             : tr("Dawiso can use this key, with %n warning(s) to look at.", nullptr, warnings);
    case Verdict::Blocked:
        return tr("Dawiso cannot use this key yet: %n check(s) failed. Each one says what to change.", nullptr,
                  failures);
    case Verdict::Unreachable:
        return tr("Qlik could not be reached, so nothing was checked.");
    case Verdict::Cancelled:
        return tr("The check was stopped before it finished.");
    }
    return {};
}

QJsonObject ConnectionReport::toJson() const
{
    QJsonArray checkArray;
    for (const CheckResult &result : checks) {
        checkArray.append(QJsonObject {{QStringLiteral("id"), result.id},
                                       {QStringLiteral("title"), result.title},
                                       {QStringLiteral("status"), checkStatusName(result.status)},
                                       {QStringLiteral("message"), result.message},
                                       {QStringLiteral("fix"), result.fix}});
    }
    const QJsonObject countObject {{QStringLiteral("spaces"), counts.spaces},
                                   {QStringLiteral("spacesByType"), toJsonObject(counts.spacesByType)},
                                   {QStringLiteral("apps"), counts.apps},
                                   {QStringLiteral("appsBySpaceType"), toJsonObject(counts.appsBySpaceType)},
                                   {QStringLiteral("appsBySpace"), toJsonObject(counts.appsBySpace)},
                                   {QStringLiteral("requests"), counts.requests},
                                   {QStringLiteral("pagesRead"), counts.pagesRead}};
    static const char *const verdictNames[] = {"usable", "blocked", "unreachable", "cancelled"};
    QJsonObject object {
        {QStringLiteral("host"), host},
        {QStringLiteral("user"),
         QJsonObject {
             {QStringLiteral("id"), userId}, {QStringLiteral("name"), userName}, {QStringLiteral("email"), userEmail}}},
        {QStringLiteral("tenant"),
         QJsonObject {{QStringLiteral("id"), tenantId},
                      {QStringLiteral("name"), tenantName},
                      {QStringLiteral("region"), tenantRegion}}},
        {QStringLiteral("key"),
         QJsonObject {{QStringLiteral("id"), keyId},
                      {QStringLiteral("expiry"),
                       keyExpiry.isValid() ? QJsonValue(keyExpiry.toUTC().toString(Qt::ISODate)) : QJsonValue()}}},
        {QStringLiteral("checkedAt"), checkedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("verdict"), QString::fromLatin1(verdictNames[int(verdict)])},
        {QStringLiteral("summary"), verdictText()},
        {QStringLiteral("checks"), checkArray},
        {QStringLiteral("counts"), countObject},
    };
    if (!failureMessage.isEmpty())
        object.insert(QStringLiteral("failure"), failureMessage);
    return object;
}

} // namespace Dawiso
