#pragma once

#include <QCoreApplication>

class QWidget;

namespace Dawiso {

class ConnectionReport;
class MessagePanel;

// "Save report…": asks where, writes the report as HTML and JSON side by side under one name, and says in panel
// where they went or why they could not be written. Neither file holds a credential.
class ReportSaving
{
    Q_DECLARE_TR_FUNCTIONS(ReportSaving)

public:
    static void ask(QWidget *parent, const ConnectionReport &report, MessagePanel *panel);
};

} // namespace Dawiso
