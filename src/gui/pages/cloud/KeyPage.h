#pragma once

#include "cloud/KeyVerification.h"
#include "pages/SetupPage.h"
#include "token/ApiKeyToken.h"

#include <QTimer>

#include <memory>

namespace Ui {
class KeyPage;
}

namespace Dawiso {

class CloudFlow;
class KeyAutomationPanel;

// Qlik Cloud's Key page, in two modes. Guided: the user generates the key in Qlik and pastes it; the paste is cleaned
// and read locally at once, and a plausible key is then verified with the tenant, which says whose key it is and when
// it expires. Automated ("Do it for me", KeyAutomationPanel): Dawiso's user signs in and the wizard creates the key.
class KeyPage : public SetupPage
{
    Q_OBJECT

public:
    KeyPage(SetupController *controller, CloudFlow *flow, QWidget *parent = nullptr);
    ~KeyPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    // Drops the pasted text from the field once the key is safely stored.
    void clearPastedKey();

private:
    void onTextChanged();
    void verifyNow();
    void onProgress(const QString &message);
    void onVerified(const KeyVerification &verification);
    void setKeyVisible(bool visible);
    void pasteFromClipboard();
    void showLocalProblem(const QString &message, const QString &advice);
    bool isAutomated() const;
    // Forgets that a key was checked or created on this page (its answers belong to the key now replaced).
    void forgetPastedKeyState();
    // Says so when the keychain already holds the key: Qlik shows a key only once, so the page cannot show it again.
    void updateStoredNote();

    std::unique_ptr<Ui::KeyPage> m_ui;
    CloudFlow *m_flow;
    KeyAutomationPanel *m_automation;
    QTimer m_debounce;
    ApiKeyToken m_pending;
    bool m_verified = false;
    // The created key is taken: it is no tenant admin's, or the user chose "Use it anyway" for it.
    bool m_createdAccepted = false;
};

} // namespace Dawiso
