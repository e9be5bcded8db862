#include "connections/ReportVerdictMessage.h"

#include "check/ConnectionReport.h"

namespace Dawiso {

MessagePanel::Kind ReportVerdictMessage::kindOf(const ConnectionReport &report)
{
    switch (report.verdict) {
    case ConnectionReport::Verdict::Usable:
        return report.countWithStatus(CheckStatus::Warn) > 0 ? MessagePanel::Kind::Warning
                                                             : MessagePanel::Kind::Success;
    case ConnectionReport::Verdict::Blocked:
    case ConnectionReport::Verdict::Unreachable:
        return MessagePanel::Kind::Error;
    case ConnectionReport::Verdict::Cancelled:
        break;
    }
    return MessagePanel::Kind::Info;
}

UserMessage ReportVerdictMessage::of(const ConnectionReport &report)
{
    UserMessage message {report.verdictText()};
    switch (report.verdict) {
    case ConnectionReport::Verdict::Usable:
        message.advice = tr("Nothing to do: Dawiso can keep reading Qlik with it.");
        break;
    case ConnectionReport::Verdict::Blocked:
        message.advice = tr("Do what the failed checks say, then press Check again. If the key or token itself is "
                            "refused, choose Renew for a new one.");
        break;
    case ConnectionReport::Verdict::Unreachable:
        message.advice = report.failureMessage;
        break;
    case ConnectionReport::Verdict::Cancelled:
        message.advice = tr("Stopped before every check ran. Press Check again to finish it.");
        break;
    }
    return message;
}

} // namespace Dawiso
