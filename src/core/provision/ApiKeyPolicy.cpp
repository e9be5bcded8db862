#include "provision/ApiKeyPolicy.h"

#include "provision/IsoDuration.h"

namespace Dawiso {

namespace {
constexpr qint64 secondsPerDay = 24 * 3600;
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
    if (*maxExpirySeconds < secondsPerDay)
        return tr("%n hour(s)", nullptr, int(*maxExpirySeconds / 3600));
    return tr("%n day(s)", nullptr, int(*maxExpirySeconds / secondsPerDay));
}

} // namespace Dawiso
