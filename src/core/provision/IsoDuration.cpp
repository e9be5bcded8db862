#include "provision/IsoDuration.h"

#include <QRegularExpression>

namespace Dawiso {

std::optional<qint64> IsoDuration::toSeconds(const QString &text)
{
    static const QRegularExpression pattern(QStringLiteral(
        R"(^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$)"));
    const QString trimmed = text.trimmed().toUpper();
    const QRegularExpressionMatch match = pattern.match(trimmed);
    if (!match.hasMatch() || trimmed == QLatin1String("P") || trimmed.endsWith(QLatin1Char('T')))
        return std::nullopt;
    constexpr qint64 day = 24 * 3600;
    const qint64 factors[] = {365 * day, 30 * day, 7 * day, day, 3600, 60};
    qint64 seconds = 0;
    for (int group = 1; group <= 6; ++group) {
        bool ok = true;
        const QString part = match.captured(group);
        if (!part.isEmpty())
            seconds += part.toLongLong(&ok) * factors[group - 1];
        if (!ok)
            return std::nullopt;
    }
    const QString fractional = match.captured(7);
    if (!fractional.isEmpty())
        seconds += qint64(fractional.toDouble());
    return seconds;
}

QString IsoDuration::fromDays(int days)
{
    return QStringLiteral("P%1D").arg(days);
}

} // namespace Dawiso
