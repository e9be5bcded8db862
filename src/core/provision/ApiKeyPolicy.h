#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <optional>

namespace Dawiso {

// The tenant's rules for API keys (GET /api/v1/api-keys/configs/{tenantId}): the longest lifetime a new key may
// have and how many active keys one user may hold.
class ApiKeyPolicy
{
    Q_DECLARE_TR_FUNCTIONS(ApiKeyPolicy)

public:
    static ApiKeyPolicy fromJson(const QJsonObject &object);

    bool known = false;
    QString maxExpiry; // as Qlik wrote it, e.g. "P365D"
    std::optional<qint64> maxExpirySeconds;
    int maxKeysPerUser = 5; // the spec's default

    // The lifetimes to offer, in days: 30, 90, 180 and 365 where the tenant allows them, or the tenant's maximum
    // alone when it is shorter than all of those.
    QList<int> expiryChoicesDays() const;
    // 90 days when allowed (long enough not to bother people every month), else the longest allowed.
    int defaultExpiryDays() const;
    bool allowsDays(int days) const;
    QString maxExpiryText() const; // "365 days"
};

} // namespace Dawiso
