#include "check/ConnectionReport.h"

#include <QJsonArray>

namespace Dawiso {

namespace {

// Puts value at path inside object, making the objects on the way (a fact may add to "counts", which exists).
void insertAt(QJsonObject &object, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty())
        return;
    const QString key = path.takeFirst();
    if (path.isEmpty()) {
        object.insert(key, value);
        return;
    }
    QJsonObject inner = object.value(key).toObject();
    insertAt(inner, path, value);
    object.insert(key, inner);
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
        if (credentialIsToken) {
            return warnings == 0 ? tr("Dawiso can use this token: every check passed.")
                                 : tr("Dawiso can use this token, with %n warning(s) to look at.", nullptr, warnings);
        }
        return warnings == 0 ? tr("Dawiso can use this key: every check passed.")
                             : tr("Dawiso can use this key, with %n warning(s) to look at.", nullptr, warnings);
    case Verdict::Blocked:
        if (credentialIsToken) {
            return tr("Dawiso cannot use this token yet: %n check(s) failed. Each one says what to change.", nullptr,
                      failures);
        }
        return tr("Dawiso cannot use this key yet: %n check(s) failed. Each one says what to change.", nullptr,
                  failures);
    case Verdict::Unreachable:
        return tr("Qlik could not be reached, so nothing was checked.");
    case Verdict::Cancelled:
        return tr("The check was stopped before it finished.");
    }
    return {};
}

QList<ReportFact> ConnectionReport::factsIn(ReportFact::Section section) const
{
    QList<ReportFact> found;
    for (const ReportFact &fact : facts) {
        if (fact.section == section)
            found << fact;
    }
    return found;
}

QJsonValue ConnectionReport::value(const QString &dottedPath) const
{
    const QStringList wanted = dottedPath.split(QLatin1Char('.'));
    for (const ReportFact &fact : facts) {
        if (fact.jsonPath.isEmpty() || wanted.size() < fact.jsonPath.size()
            || wanted.mid(0, fact.jsonPath.size()) != fact.jsonPath)
            continue;
        QJsonValue value = fact.json;
        for (qsizetype i = fact.jsonPath.size(); i < wanted.size(); ++i)
            value = value.toObject().value(wanted.at(i));
        return value;
    }
    return QJsonValue(QJsonValue::Undefined);
}

QJsonObject ConnectionReport::toJson() const
{
    QJsonArray checkArray;
    for (const CheckResult &result : checks) {
        checkArray.append(QJsonObject {{QStringLiteral("id"), result.id},
                                       {QStringLiteral("title"), result.title},
                                       {QStringLiteral("status"), checkStatusName(result.status)},
                                       {QStringLiteral("message"), result.message},
                                       {QStringLiteral("fix"), result.advice}});
    }
    static const char *const verdictNames[] = {"usable", "blocked", "unreachable", "cancelled"};
    QJsonObject object {
        {QStringLiteral("host"), host},
        {QStringLiteral("user"),
         QJsonObject {
             {QStringLiteral("id"), userId}, {QStringLiteral("name"), userName}, {QStringLiteral("email"), userEmail}}},
        {QStringLiteral("key"),
         QJsonObject {{QStringLiteral("id"), keyId},
                      {QStringLiteral("expiry"),
                       keyExpiry.isValid() ? QJsonValue(keyExpiry.toUTC().toString(Qt::ISODate)) : QJsonValue()}}},
        {QStringLiteral("checkedAt"), checkedAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("verdict"), QString::fromLatin1(verdictNames[int(verdict)])},
        {QStringLiteral("summary"), verdictText()},
        {QStringLiteral("checks"), checkArray},
        {QStringLiteral("counts"),
         QJsonObject {{QStringLiteral("requests"), counts.requests}, {QStringLiteral("pagesRead"), counts.pagesRead}}},
    };
    for (const ReportFact &fact : facts)
        insertAt(object, fact.jsonPath, fact.json);
    object.insert(QStringLiteral("reminders"), QJsonArray::fromStringList(reminders));
    if (!failureMessage.isEmpty())
        object.insert(QStringLiteral("failure"), failureMessage);
    return object;
}

SavedConnection::LastCheck ConnectionReport::lastCheck() const
{
    switch (verdict) {
    case Verdict::Usable:
        return SavedConnection::LastCheck::Usable;
    case Verdict::Blocked:
        return SavedConnection::LastCheck::Blocked;
    case Verdict::Unreachable:
        return SavedConnection::LastCheck::Unreachable;
    case Verdict::Cancelled:
        break;
    }
    return SavedConnection::LastCheck::None;
}

} // namespace Dawiso
