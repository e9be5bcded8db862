#pragma once

#include <QDateTime>

namespace Dawiso {

// Where "now" comes from for every decision about time (a key that expires soon, a report's date), so that tests can
// stand at any moment they need (KeePassXC's Clock serves the same purpose).
class Clock
{
public:
    static QDateTime currentDateTimeUtc();

    // For tests: from now on the clock shows this moment (UTC), until reset() or another setFixed().
    static void setFixed(const QDateTime &utc);
    static void reset();
};

} // namespace Dawiso
