#pragma once

#include <QMap>
#include <QString>

namespace Dawiso::Bench {

// The requests the simulator received since it was last asked.
struct ServedRequests
{
    int total = 0;
    QMap<QString, int> byPath; // path without the query -> requests
};

} // namespace Dawiso::Bench
