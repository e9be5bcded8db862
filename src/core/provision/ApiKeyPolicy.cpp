#include "provision/ApiKeyPolicy.h"

#include "provision/IsoDuration.h"

namespace Dawiso {

namespace {
constexpr qint64 secondsPerHour = 3600;
constexpr qint64 secondsPerDay = 24 * secondsPerHour;
// Longer than any key will be kept; beyond it a day count says nothing a person can use.
constexpr qint64 longestCountedDays = qint64(100) * 365;
} // namespace

ApiKeyPolicy ApiKeyPolicy::fromJson(const QJsonObject &object)
{
    ApiKeyPolicy policy;
    const QJsonValue expiry = object.value(QLatin1String("max_api_key_expiry"));
    const QJsonValue keys = object.value(QLatin1String("max_keys_per_user"));
    if (expiry.isString()) {
        policy.maxExpiry = expiry.toString();
        policy.maxExpirySeconds = IsoDuration::toSeconds(policy.maxExpiry);
    }
    if (keys.isDouble())
        policy.maxKeysPerUser = keys.toInt();
    policy.known = policy.maxExpirySeconds.has_value() || keys.isDouble();
    return policy;
}

bool ApiKeyPolicy::allowsDays(int days) const
{
    return !maxExpirySeconds || qint64(days) * secondsPerDay <= *maxExpirySeconds;
}

QList<int> ApiKeyPolicy::expiryChoicesDays() const
{
    QList<int> choices;
    for (const int days : {30, 90, 180, 365}) {
        if (allowsDays(days))
            choices << days;
    }
    if (choices.isEmpty() && maxExpirySeconds && *maxExpirySeconds >= secondsPerDay)
        choices << int(*maxExpirySeconds / secondsPerDay);
    return choices;
}

int ApiKeyPolicy::defaultExpiryDays() const
{
    const QList<int> choices = expiryChoicesDays();
    if (choices.contains(90))
        return 90;
    return choices.isEmpty() ? 0 : choices.last();
}

QString ApiKeyPolicy::maxExpiryText() const
{
    if (!maxExpirySeconds)
        return tr("not limited");
    const qint64 seconds = *maxExpirySeconds;
    if (seconds < secondsPerHour)
        return tr("%n minute(s)", nullptr, int(seconds / 60));
    if (seconds < secondsPerDay)
        return tr("%n hour(s)", nullptr, int(seconds / secondsPerHour));
    if (seconds / secondsPerDay > longestCountedDays)
        return tr("more than %n year(s)", nullptr, int(longestCountedDays / 365));
    return tr("%n day(s)", nullptr, int(seconds / secondsPerDay));
}

} // namespace Dawiso
