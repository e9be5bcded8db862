#pragma once

#include <QString>
#include <QtGlobal>

#include <optional>

namespace Dawiso::Simulator {

// ISO 8601 durations as the API keys API uses them for expiry and max_api_key_expiry: PnW, PnD, PTnH, PTnM, PTnS and
// combinations ("P1DT12H"). Years count as 365 days and months as 30: which calendar Qlik applies is unconfirmed,
// and the practice tenant's maximum is written in days anyway.
class IsoDuration
{
public:
    // Whole seconds, or nullopt when the text is no such duration or is zero.
    static std::optional<qint64> seconds(const QString &text);
};

} // namespace Dawiso::Simulator
