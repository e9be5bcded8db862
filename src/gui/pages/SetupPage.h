#pragma once

#include <QWizardPage>

namespace Dawiso {

class MessagePanel;
class PracticeBanner;
class SetupController;

// What every page of the wizard shares: the controller it shows, and the "practice run" banner that tells people
// they are working against the simulated tenant.
class SetupPage : public QWizardPage
{
    Q_OBJECT

public:
    explicit SetupPage(SetupController *controller, QWidget *parent = nullptr);

    // Shows the practice banner while the practice run is on. Pages call it at the end of their constructor, once
    // their layout exists; the wizard calls it whenever the practice run is switched on or off.
    void updatePracticeBanner();

protected:
    SetupController *controller() const { return m_controller; }
    // Opens a page of the tenant in the browser, or, in a practice run, explains what would open and what to do
    // instead (practiceAdvice; by default, for the Qlik Cloud steps).
    void openTenantPage(const QUrl &url, MessagePanel *panel, const QString &practiceAdvice = {});

private:
    SetupController *m_controller;
    PracticeBanner *m_practiceBanner = nullptr; // created when first needed
};

} // namespace Dawiso
