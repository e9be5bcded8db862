#pragma once

#include <QObject>

class QPushButton;
class QWidget;

namespace Dawiso {

class AutomatedSetup;
class MessagePanel;

// What the two "Do it for me" panels show alike while the automation works: its progress on the panel's message
// panel, with Stop while stopping is possible; a "Copy sign-in link" button for a browser sign-in; and stopped()
// when Stop has ended a step. Only the panel that is showing reacts: both listen to the same automation.
class AutomationProgress : public QObject
{
    Q_OBJECT

public:
    AutomationProgress(AutomatedSetup *automation, MessagePanel *panel, QWidget *owner);

    // While a browser sign-in waits: for a browser that did not open, or opened as the wrong person.
    void setCopyLinkOffered(bool offered);

signals:
    // A step of the owner's was stopped; the owner makes its controls usable again and says so.
    void stopped();

private:
    QWidget *m_owner;
    QPushButton *m_copyLinkButton;
};

} // namespace Dawiso
