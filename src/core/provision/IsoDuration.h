#pragma once

#include <QString>

#include <optional>

namespace Dawiso {

// ISO 8601 durations as Qlik writes API-key lifetimes ("P365D", "PT24H", "P1Y2M", "P2W"). Years count as 365 days
// and months as 30: Qlik's limits are whole days in practice, and a policy check must never be more generous than
// the tenant.
class IsoDuration
{
public:
    static std::optional<qint64> toSeconds(const QString &text);
    static QString fromDays(int days); // "P90D"
};

} // namespace Dawiso
