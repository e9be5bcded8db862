#include "provision/IsoDuration.h"

#include <QRegularExpression>
#include <QtNumeric>

#include <limits>

namespace Dawiso {

std::optional<qint64> IsoDuration::toSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$)"));
    const QString trimmed = text.trimmed().toUpper();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch() || trimmed == QLatin1String("P") || trimmed.endsWith(QLatin1Char('T')))
        return std::nullopt;
    constexpr qint64 day = qint64(24) * 3600;
    const qint64 factors[] = {365 * day, 30 * day, 7 * day, day, 3600, 60};
    // A duration longer than 64-bit seconds hold (the tenant's answer is not ours to trust) is no duration.
    qint64 seconds = 0;
    for (int group = 1; group <= 6; ++group) {
        const QString part = match.captured(group);
        if (part.isEmpty())
            continue;
        bool ok = false;
        const qint64 count = part.toLongLong(&ok);
        qint64 partSeconds = 0;
        if (!ok || qMulOverflow(count, factors[group - 1], &partSeconds)
            || qAddOverflow(seconds, partSeconds, &seconds))
            return std::nullopt;
    }
    const QString fractional = match.captured(7);
    if (!fractional.isEmpty()) {
        const double fractionalSeconds = fractional.toDouble();
        if (!(fractionalSeconds < double(std::numeric_limits<qint64>::max()))
            || qAddOverflow(seconds, qint64(fractionalSeconds), &seconds))
            return std::nullopt;
    }
    return seconds;
}

QString IsoDuration::fromDays(int days)
{
    return QStringLiteral("P%1D").arg(days);
}

} // namespace Dawiso
