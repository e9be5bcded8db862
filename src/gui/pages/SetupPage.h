#pragma once

#include <QWizardPage>

class QLabel;

namespace Dawiso {

class MessagePanel;
class SetupController;

// What every page of the wizard shares: the controller it shows, and the "practice run" banner that tells people
// they are working against the simulated tenant.
class SetupPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SetupPage(SetupController *controller, QWidget *parent = nullptr);

    // Called by the wizard whenever the practice run is switched on or off.
    void updatePracticeBanner();

protected:
    SetupController *controller() const { return m_controller; }
    // Pages call this at the end of their constructor, once their layout exists.
    void installPracticeBanner();
    // Opens a page of the tenant in the browser, or, in a practice run, explains what would open.
    void openTenantPage(const QUrl &url, MessagePanel *panel);

private:
    SetupController *m_controller;
    QLabel *m_practiceBanner = nullptr;
};

} // namespace Dawiso
