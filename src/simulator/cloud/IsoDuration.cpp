#include "simulator/cloud/IsoDuration.h"

#include <QRegularExpression>

namespace Dawiso::Simulator {

std::optional<qint64> IsoDuration::seconds(const QString &text)
{
    // Up to 6 digits per part keeps every sum far from overflowing.
    static const QRegularExpression pattern(QStringLiteral("^P(?:(\\d{1,6})Y)?(?:(\\d{1,6})M)?(?:(\\d{1,6})W)?"
                                                           "(?:(\\d{1,6})D)?(?:T(?:(\\d{1,6})H)?(?:(\\d{1,6})M)?"
                                                           "(?:(\\d{1,6})S)?)?$"));
    const QRegularExpressionMatch match = pattern.match(text);
    if (!match.hasMatch() || text == u"P" || text.endsWith(u'T'))
        return std::nullopt;
    constexpr qint64 day = qint64(24) * 3600;
    const qint64 unitSeconds[] = {365 * day, 30 * day, 7 * day, day, 3600, 60, 1};
    qint64 total = 0;
    for (int group = 1; group <= 7; ++group)
        total += match.captured(group).toLongLong() * unitSeconds[group - 1];
    if (total <= 0)
        return std::nullopt;
    return total;
}

} // namespace Dawiso::Simulator
