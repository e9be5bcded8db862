#include "common/Clock.h"

namespace Dawiso {

namespace {
QDateTime &fixedMoment()
{
    static QDateTime moment;
    return moment;
}
} // namespace

QDateTime Clock::currentDateTimeUtc()
{
    const QDateTime &fixed = fixedMoment();
    return fixed.isValid() ? fixed : QDateTime::currentDateTimeUtc();
}

void Clock::setFixed(const QDateTime &utc)
{
    fixedMoment() = utc.toUTC();
}

void Clock::reset()
{
    fixedMoment() = QDateTime();
}

} // namespace Dawiso
