#pragma once

#include <QString>

namespace Dawiso {

// The state of one connection check, as the checklist shows it and the report writes it.
enum class CheckStatus {
    Pending,
    Running,
    Pass,
    Warn,
    Fail,
    Skipped, // could not run because an earlier check failed
};

// "pass", "warn", "fail", "skipped", "pending", "running": the words of the JSON report and the command line.
QString checkStatusName(CheckStatus status);

} // namespace Dawiso
