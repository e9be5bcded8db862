#pragma once

#include "common/UserMessage.h"
#include "widgets/MessagePanel.h"

#include <QCoreApplication>

namespace Dawiso {

class ConnectionReport;

// How a check of a saved connection ended, in a message panel's terms: its tint and what to do next.
class ReportVerdictMessage
{
    Q_DECLARE_TR_FUNCTIONS(ReportVerdictMessage)

public:
    static MessagePanel::Kind kindOf(const ConnectionReport &report);
    static UserMessage of(const ConnectionReport &report);
};

} // namespace Dawiso
