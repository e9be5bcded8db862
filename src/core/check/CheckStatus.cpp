#include "check/CheckStatus.h"

namespace Dawiso {

QString checkStatusName(CheckStatus status)
{
    switch (status) {
    case CheckStatus::Pending:
        return QStringLiteral("pending");
    case CheckStatus::Running:
        return QStringLiteral("running");
    case CheckStatus::Pass:
        return QStringLiteral("pass");
    case CheckStatus::Warn:
        return QStringLiteral("warn");
    case CheckStatus::Fail:
        return QStringLiteral("fail");
    case CheckStatus::Skipped:
        return QStringLiteral("skipped");
    }
    return QStringLiteral("pending");
}

} // namespace Dawiso
