#pragma once

#include <QMap>
#include <QString>

namespace Dawiso {

// What the key can see, counted while the lists are read (nothing is kept per item, so 20,000 apps cost nothing).
struct CheckCounts
{
    // Spaces by type ("shared", "managed", "data"); the personal space is not listed by Qlik and not counted here.
    QMap<QString, int> spacesByType;
    int spaces = 0;
    int apps = 0;
    // Apps by the type of the space they are in; apps outside any space count as "personal".
    QMap<QString, int> appsBySpaceType;
    // Apps per space id ("" for personal).
    QMap<QString, int> appsBySpace;
    // Requests made and list pages read, for support and the benchmark.
    int requests = 0;
    int pagesRead = 0;
};

} // namespace Dawiso
