#pragma once

#include <QMap>
#include <QString>

#include <functional>

namespace Dawiso::Bench {

// The requests the simulator received since it was last asked.
struct ServedRequests
{
    int total = 0;
    QMap<QString, int> byPath; // path without the query -> requests

    // The requests to every path that matches.
    int sum(const std::function<bool(const QString &)> &matches) const
    {
        int sum = 0;
        for (auto it = byPath.cbegin(); it != byPath.cend(); ++it) {
            if (matches(it.key()))
                sum += it.value();
        }
        return sum;
    }
};

} // namespace Dawiso::Bench
